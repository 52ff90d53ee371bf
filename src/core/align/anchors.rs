//! The user's links kept across a change of the texts: each remembered with a hash of its turns'
//! text, looked for again by that text (where it was, else further on), and the aligner run only
//! between those found. What opening a project, reading a changed source again and cutting a
//! document's turns anew all need.

use std::ops::Range;

use super::{align, realign_rows};
use crate::core::alignment::{Alignment, Link, Origin};
use crate::core::hash::Fnv;
use crate::core::side::{Side, Sides};
use crate::core::turns::Turns;

/// A link the user made, as it can be found again: where it was, and a hash of its turns' text
/// on each side (`text_hash`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub was: Sides<Range<usize>>,
    pub text: Sides<String>,
}

/// What finding the user's links again gave.
#[derive(Debug, Clone)]
pub struct Reanchored {
    pub alignment: Alignment,
    /// Links found again at another place.
    pub moved: usize,
    /// Links that no longer apply, said in words.
    pub dropped: Vec<String>,
}

/// The hash of some turns' text (hex), the same from one run to the next.
pub fn text_hash(turns: &Turns, range: Range<usize>) -> String {
    let mut h = Fnv::default();
    for t in range {
        h.write(turns.turns[t].text.as_bytes());
        h.write(b"\n");
    }
    format!("{:016x}", h.0)
}

/// The user's links of an alignment, to be found again later.
pub fn kept(turns: Sides<&Turns>, alignment: &Alignment) -> Vec<Kept> {
    alignment
        .links
        .iter()
        .filter(|l| l.origin == Origin::User)
        .map(|l| Kept {
            was: Sides::new(l.left.clone(), l.right.clone()),
            text: Sides::new(text_hash(turns.left, l.left.clone()), text_hash(turns.right, l.right.clone())),
        })
        .collect()
}

/// Finds each kept link again in `turns` — where it was, else the first place after the one
/// before where its text is — and aligns the rest around those found (the aligner runs once).
pub fn reanchor(turns: Sides<&Turns>, kept: &[Kept]) -> Reanchored {
    let base = align(turns.left, turns.right);
    let len = Sides::new(turns.left.turns.len(), turns.right.turns.len());
    let mut anchors: Vec<Link> = Vec::new();
    let mut dropped = Vec::new();
    let mut moved = 0;
    // Links are in document order: each is looked for after the one before.
    let mut cursor = Sides::new(0usize, 0usize);
    for k in kept {
        let was = &k.was;
        let mut found = Sides::new(None, None);
        for side in Side::BOTH {
            let n = was[side].len();
            if n == 0 {
                continue;
            }
            let fits = |start: usize| {
                // `checked_add`: a crafted project's ranges may reach usize::MAX.
                start.checked_add(n).is_some_and(|end| end <= len[side])
                    && text_hash(turns[side], start..start + n) == k.text[side]
            };
            found[side] = if was[side].start >= cursor[side] && fits(was[side].start) {
                Some(was[side].start)
            } else {
                (cursor[side]..len[side]).find(|&s| fits(s))
            };
        }
        if Side::BOTH.into_iter().any(|s| !was[s].is_empty() && found[s].is_none()) {
            dropped.push(format!(
                "link of left turns {}–{} with right turns {}–{}",
                was.left.start + 1,
                was.left.end,
                was.right.start + 1,
                was.right.end
            ));
            continue;
        }
        // An empty side stays where it was when the other side did not move and that place
        // is still in order; else it sits where the aligner puts the other side's turns.
        let place = |side: Side| -> usize {
            let other = side.other();
            let stayed = found[other] == Some(was[other].start);
            if stayed && (cursor[side]..=len[side]).contains(&was[side].start) {
                return was[side].start;
            }
            match found[other].and_then(|t| base.link_of(other, t)) {
                Some(row) => base.links[row].turns(side).start.max(cursor[side]),
                None => cursor[side],
            }
        };
        let range = |side: Side| match found[side] {
            Some(start) => start..start + was[side].len(),
            None => {
                let at = place(side);
                at..at
            }
        };
        let link = Link { left: range(Side::Left), right: range(Side::Right), score: 1.0, origin: Origin::User };
        // Found further on: a side with turns that is not where it was (where an empty side is
        // placed says nothing of the text).
        if Side::BOTH.into_iter().any(|s| !was[s].is_empty() && *link.turns(s) != was[s]) {
            moved += 1;
        }
        cursor = Sides::new(link.left.end, link.right.end);
        anchors.push(link);
    }
    let alignment = around(base, turns.left, turns.right, &anchors);
    let kept = alignment.links.iter().filter(|l| l.origin == Origin::User).count();
    if kept < anchors.len() {
        dropped.push(format!("{} links that crossed others", anchors.len() - kept));
    }
    Reanchored { alignment, moved, dropped }
}

/// Aligns two texts keeping the user's links where they are: the aligner runs only between them.
pub fn align_with_anchors(left: &Turns, right: &Turns, anchors: &[Link]) -> Alignment {
    around(align(left, right), left, right, anchors)
}

/// [`align_with_anchors`] given the texts' alignment without anchors (`base`).
fn around(mut base: Alignment, left: &Turns, right: &Turns, anchors: &[Link]) -> Alignment {
    let (n, m) = (left.turns.len(), right.turns.len());
    // Keep anchors that fit these texts and each other, in order.
    let mut kept: Vec<Link> = Vec::new();
    for a in anchors {
        let after = kept.last().map_or((0, 0), |k| (k.left.end, k.right.end));
        if a.left.start >= after.0 && a.right.start >= after.1 && a.left.end <= n && a.right.end <= m {
            kept.push(Link { origin: Origin::User, ..a.clone() });
        }
    }
    if kept.is_empty() {
        return base;
    }
    // Gaps between anchors as single automatic links, then the aligner over each gap.
    let mut links = Vec::new();
    let mut at = (0, 0);
    let end = Link { left: n..n, right: m..m, score: 1.0, origin: Origin::User };
    for a in kept.iter().chain(std::iter::once(&end)) {
        if a.left.start > at.0 || a.right.start > at.1 {
            links.push(Link::auto(at.0..a.left.start, at.1..a.right.start, 0.0));
        }
        if !a.left.is_empty() || !a.right.is_empty() {
            links.push(a.clone());
        }
        at = (a.left.end, a.right.end);
    }
    base.links = links;
    let all = 0..base.links.len();
    base.links = realign_rows(left, right, &base, all);
    base
}
