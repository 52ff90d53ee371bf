//! Whether the numbers of a row's two sides match: each value of one side found on the other,
//! a season by either of its years, an approximation by any value it covers.

use std::ops::Range;

use super::{Quantity, about, is_year, read};
use crate::core::review;

/// Whether two values are the same number (to rounding).
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// The numbers of one side of a row, with the turn each is in.
fn side_quantities(
    pair: &crate::core::document::Pair,
    side: crate::core::side::Side,
    turns: &Range<usize>,
) -> Vec<(usize, Quantity)> {
    let doc = pair.doc(side);
    turns.clone().flat_map(|t| read(&doc.turns.turns[t].text).into_iter().map(move |q| (t, q))).collect()
}

/// Ranges, sorted by their start, with the furthest end reached so far: whether any overlaps a
/// range is one binary search, however many there are.
struct Covers {
    starts: Vec<f64>,
    furthest: Vec<f64>,
}

impl Covers {
    fn of(ranges: impl Iterator<Item = (f64, f64)>) -> Covers {
        let mut ranges: Vec<(f64, f64)> = ranges.collect();
        ranges.sort_unstable_by(|x, y| x.0.total_cmp(&y.0));
        let starts = ranges.iter().map(|r| r.0).collect();
        let furthest = ranges
            .iter()
            .scan(f64::NEG_INFINITY, |m, r| {
                *m = m.max(r.1);
                Some(*m)
            })
            .collect();
        Covers { starts, furthest }
    }

    /// Whether some range meets `a..=b`.
    fn overlaps(&self, a: f64, b: f64) -> bool {
        let k = self.starts.partition_point(|&s| s <= b);
        k > 0 && self.furthest[k - 1] >= a
    }
}

/// A number of one side is matched when each of its ends is an end of a number of the other; two
/// years in a row (`1996-1997`, a season or a fiscal year) also by either year alone (`'97`). An
/// approximation matches any value of the other side inside what it covers, and covers values
/// of the other side that lie inside it.
pub(super) fn unmatched<'a>(mine: &'a [(usize, Quantity)], theirs: &[(usize, Quantity)]) -> Vec<&'a (usize, Quantity)> {
    // The values the other side gives; an approximation's ends are no values but bounds.
    let mut ends: Vec<f64> = theirs.iter().filter(|(_, q)| !q.about).flat_map(|(_, q)| q.ends()).collect();
    ends.sort_unstable_by(f64::total_cmp);
    // What the other side's approximations cover; a loose one (`dozens`, `des centaines de
    // millions`) only another approximation, never a figure (`600 million`).
    let spans_of = |loose_too: bool| {
        Covers::of(
            theirs
                .iter()
                .filter(|(_, q)| q.about && (loose_too || !q.loose()))
                .flat_map(|(_, q)| about::spans(q.lo, q.hi)),
        )
    };
    let (firm, all) = (spans_of(false), spans_of(true));
    // Sorted, so each end looks only near itself (a turn of megabytes has 100,000s of numbers).
    let found = |e: f64| {
        let reach = 2e-6 * e.abs().max(1.0);
        let from = ends.partition_point(|&o| o < e - reach);
        ends[from..].iter().take_while(|&&o| o <= e + reach).any(|&o| same(e, o))
    };
    let any_inside = |(a, b): (f64, f64)| {
        let from = ends.partition_point(|&o| o < a);
        ends.get(from).is_some_and(|&o| o <= b) || firm.overlaps(a, b)
    };
    let covered = |e: f64| firm.overlaps(e, e);
    let season = |q: &Quantity| is_year(q.lo) && q.hi == q.lo + 1.0 && (found(q.lo) || found(q.hi));
    let matched = |q: &Quantity| {
        if q.loose() {
            // A loose approximation is matched only by another approximation.
            about::spans(q.lo, q.hi).into_iter().any(|(a, b)| all.overlaps(a, b))
        } else if q.about {
            about::spans(q.lo, q.hi).into_iter().any(any_inside)
        } else {
            q.ends().iter().all(|&e| found(e) || covered(e)) || season(q)
        }
    };
    mine.iter().filter(|(_, q)| !matched(q)).collect()
}

/// Flags a paired row whose numbers do not match.
pub(in crate::core::review) fn check_row(pair: &crate::core::document::Pair, row: usize) -> Option<review::Flag> {
    use crate::core::side::{Side, Sides};
    use review::Span;
    let link = &pair.alignment.links[row];
    let q = Sides::from_fn(|side| side_quantities(pair, side, link.turns(side)));
    if q.left.is_empty() && q.right.is_empty() {
        return None;
    }
    // Weak numbers (`un`, `first`, `一`) confirm the other side's but are never shown alone.
    let strong = |mine: &'_ [(usize, Quantity)], theirs| {
        unmatched(mine, theirs).into_iter().filter(|(_, q)| !q.weak).cloned().collect::<Vec<_>>()
    };
    let odd = Sides::new(strong(&q.left, &q.right), strong(&q.right, &q.left));
    if odd.left.is_empty() && odd.right.is_empty() {
        return None;
    }
    let spans = Sides::from_fn(|side: Side| {
        odd[side]
            .iter()
            .map(|(t, q)| Span { turn: *t, chars: q.chars.clone(), text: q.text.clone() })
            .collect::<Vec<_>>()
    });
    let say = |side: Side| spans[side].iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(", ");
    let message = match (spans.left.is_empty(), spans.right.is_empty()) {
        (false, false) => format!("{} ≠ {}", say(Side::Left), say(Side::Right)),
        (false, true) => format!("{}: not on the right", say(Side::Left)),
        _ => format!("{}: not on the left", say(Side::Right)),
    };
    Some(review::flag_at(pair, review::FlagKind::Numbers, row, spans, message))
}
