//! Aligns two turn lists: length ratio and speaker roles learned from the pair, then a monotone path.
//!
//! Pass one pairs turns by length (the ratio estimated from the two length distributions), kind
//! and tokens that survive translation, with speakers paired only where their names are equal.
//! From its confident links, pass two re-estimates the ratio and learns which speaker of one side
//! is which on the other, then aligns again with that knowledge.

mod dp;
mod features;

use std::collections::HashMap;
use std::ops::Range;

use crate::core::turns::{TurnKind, Turns};
pub use dp::{Band, MOVES, Step};
pub use features::{Unit, survivors};

/// One link: some left turns with some right turns (either may be empty), and a confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub left: Range<usize>,
    pub right: Range<usize>,
    /// 0 to 1: how sure the aligner is of this link.
    pub score: f32,
}

/// The alignment of two documents, and what was learned on the way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// In document order; every turn of each side in exactly one link.
    pub links: Vec<Link>,
    /// Right characters per left character.
    pub ratio: f32,
    /// For each left speaker, the right speaker found to play the same role.
    pub speaker_map: Vec<Option<usize>>,
}

impl Alignment {
    /// The link holding a left turn (`side == 0`) or a right turn (`side == 1`).
    pub fn link_of(&self, side: usize, turn: usize) -> Option<usize> {
        let key = |l: &Link| {
            if side == 0 { l.left.clone() } else { l.right.clone() }
        };
        // Ranges are contiguous and in order: the first link ending after `turn` holds it.
        let pos = self.links.partition_point(|l| key(l).end <= turn);
        self.links.get(pos).filter(|l| key(l).contains(&turn)).map(|_| pos)
    }
}

/// Aligns the turns of two documents.
pub fn align(left: &Turns, right: &Turns) -> Alignment {
    align_with_limit(left, right, dp::FULL_CELLS)
}

/// [`align`], computing whole DP tables only up to `full_cells` cells and refining larger ones
/// coarse-to-fine (tests use a small limit to exercise the banded path on small inputs).
pub fn align_with_limit(left: &Turns, right: &Turns, full_cells: usize) -> Alignment {
    let (l, r, vocab) = features::units(left, right);
    let both_speak = !left.speakers.is_empty() && !right.speakers.is_empty();
    let mut speaker_map: Vec<Option<u32>> = left
        .speakers
        .iter()
        .map(|s| right.speakers.iter().position(|t| t.canonical == s.canonical).map(|p| p as u32))
        .collect();
    let mut ratio = ratio_from_distributions(&l, &r);
    let mut steps = dp::align(
        &l,
        &r,
        &dp::Model { ratio, weights: &vocab.weights, speaker_map: &speaker_map, both_speak, full_cells },
    );
    if let Some(better) = ratio_from_links(&steps, &l, &r) {
        ratio = better;
    }
    learn_speakers(&steps, &l, &r, &mut speaker_map);
    let model = dp::Model { ratio, weights: &vocab.weights, speaker_map: &speaker_map, both_speak, full_cells };
    // The second pass refines around the first one's path: no need to go coarse again.
    steps = if (l.len() + 1).saturating_mul(r.len() + 1) <= full_cells {
        dp::align(&l, &r, &model)
    } else {
        dp::solve(&l, &r, &model, &dp::project(&steps, 1, l.len(), r.len(), dp::RADIUS))
    };
    let links =
        steps.iter().map(|s| Link { left: s.i0..s.i1, right: s.j0..s.j1, score: dp::Model::score(s.cost) }).collect();
    Alignment {
        links: dissolve_chance_pairs(links),
        ratio,
        speaker_map: speaker_map.iter().map(|m| m.map(|s| s as usize)).collect(),
    }
}

/// Below this score a pairing rests on length alone, which unrelated text can match by chance.
pub const WEAK: f32 = 0.6;

/// A run of weak pairs that touches a document end or sits between unpaired turns is chance —
/// a footer facing a copied block, a site header facing another site's — so it is undone into
/// unpaired turns. Weak pairs inside well-paired text stay.
fn dissolve_chance_pairs(links: Vec<Link>) -> Vec<Link> {
    let paired = |l: &Link| !l.left.is_empty() && !l.right.is_empty();
    let weak = |l: &Link| paired(l) && l.score < WEAK;
    let mut out = Vec::with_capacity(links.len());
    let mut k = 0;
    while k < links.len() {
        if !weak(&links[k]) {
            out.push(links[k].clone());
            k += 1;
            continue;
        }
        let end = (k..links.len()).find(|&e| !weak(&links[e])).unwrap_or(links.len());
        let open_before = k == 0 || !paired(&links[k - 1]);
        let open_after = end == links.len() || !paired(&links[end]);
        if open_before && open_after {
            let first = &links[k];
            let last = &links[end - 1];
            let skip_score = dp::Model::score(dp::SKIP);
            for i in first.left.start..last.left.end {
                out.push(Link { left: i..i + 1, right: first.right.start..first.right.start, score: skip_score });
            }
            for j in first.right.start..last.right.end {
                out.push(Link { left: last.left.end..last.left.end, right: j..j + 1, score: skip_score });
            }
        } else {
            out.extend_from_slice(&links[k..end]);
        }
        k = end;
    }
    out
}

/// Ratio of right to left lengths from matching quartiles of the two distributions: robust to a
/// side that holds its text twice or carries a long footer.
fn ratio_from_distributions(l: &[Unit], r: &[Unit]) -> f32 {
    let sorted = |u: &[Unit]| {
        let mut v: Vec<f32> = u.iter().map(|u| u.len).collect();
        v.sort_by(f32::total_cmp);
        v
    };
    let (a, b) = (sorted(l), sorted(r));
    if a.is_empty() || b.is_empty() {
        return 1.0;
    }
    let q = |v: &[f32], p: f32| v[((v.len() - 1) as f32 * p).round() as usize];
    let logs: f32 = [0.5, 0.75, 0.9].iter().map(|&p| (q(&b, p) / q(&a, p)).ln()).sum();
    (logs / 3.0).exp().clamp(0.05, 20.0)
}

/// Ratio from confident one-to-one links of a first pass.
fn ratio_from_links(steps: &[Step], l: &[Unit], r: &[Unit]) -> Option<f32> {
    let (mut a, mut b, mut count) = (0.0, 0.0, 0);
    for s in steps.iter().filter(|s| s.i1 - s.i0 == 1 && s.j1 - s.j0 == 1 && s.cost < 1.5) {
        a += l[s.i0].len;
        b += r[s.j0].len;
        count += 1;
    }
    (count >= 3 && a > 0.0).then(|| (b / a).clamp(0.05, 20.0))
}

/// Which right speaker answers to which left speaker: the majority partner in one-to-one speech links.
fn learn_speakers(steps: &[Step], l: &[Unit], r: &[Unit], map: &mut [Option<u32>]) {
    let mut counts: HashMap<(u32, u32), usize> = HashMap::new();
    let mut totals: HashMap<u32, usize> = HashMap::new();
    for s in steps.iter().filter(|s| s.i1 - s.i0 == 1 && s.j1 - s.j0 == 1) {
        let (a, b) = (&l[s.i0], &r[s.j0]);
        if let (TurnKind::Speech, TurnKind::Speech, Some(x), Some(y)) = (a.kind, b.kind, a.speaker, b.speaker) {
            *counts.entry((x, y)).or_default() += 1;
            *totals.entry(x).or_default() += 1;
        }
    }
    for (x, slot) in map.iter_mut().enumerate() {
        if slot.is_some() {
            continue;
        }
        let x = x as u32;
        let best = counts.iter().filter(|((a, _), _)| *a == x).max_by_key(|&(&(_, b), &c)| (c, std::cmp::Reverse(b)));
        if let Some((&(_, y), &c)) = best
            && c >= 2
            && c * 2 > totals[&x]
        {
            *slot = Some(y);
        }
    }
}
