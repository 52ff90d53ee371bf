//! Whether two texts are translations of each other at all: the pair is aligned again with one
//! side's turns in reverse order, and the costs compared.
//!
//! Any two texts can be paired by length alone, so confident-looking links prove nothing. What a
//! translation has and two unrelated texts lack is order: its turns pair far better in their own
//! order than with one side read backwards (which keeps its lengths, speakers and words). For two
//! unrelated texts both orders pair about as badly. The gain, per turn, is the evidence.

use super::dp::{self, Model, Step};
use super::features::Unit;

/// How many turns of each side (around the middle of the path) the test looks at.
const WINDOW: usize = 1_000;
/// Fewer paired turns than this (both sides) are too few to tell.
const MIN_TURNS: usize = 20;

/// Cost per turn saved by the texts' own order over the right side reversed or turned round (the
/// least saved of the three); near 0 for unrelated texts, 0.3 to 2 for translations (measured
/// on our fixtures, the shared samples and generated records). `None` when there are too few
/// turns to tell.
pub fn gain(l: &[Unit], r: &[Unit], model: &Model, steps: &[Step]) -> Option<f32> {
    // A window of the left side around its middle, and the right turns the path pairs with it,
    // from the first paired step to the last (a second copy of the text left standing alone
    // would pair again once turned round).
    let mid = l.len() / 2;
    let (w0, w1) = (mid.saturating_sub(WINDOW / 2), (mid + WINDOW / 2).min(l.len()));
    let mut paired = steps.iter().filter(|s| s.i0 >= w0 && s.i1 <= w1 && s.i1 > s.i0 && s.j1 > s.j0);
    let Some(first) = paired.next() else { return Some(0.0) };
    let last = paired.next_back().unwrap_or(first);
    let (wl, wr) = (&l[first.i0..last.i1], &r[first.j0..last.j1]);
    if wl.len() + wr.len() < MIN_TURNS {
        return None;
    }
    // Four alignments of the window: a small whole table at the coarsest level keeps them cheap.
    let model = Model { full_cells: model.full_cells.min(20_000), ..model.clone() };
    let total = |right: &[Unit]| -> f32 { dp::align(wl, right, &model).iter().map(|s| s.cost).sum() };
    let own = total(wr);
    // The right side turned round by a third and by two thirds (an even number of turns, so
    // that speakers taking turns stay in step): its order kept, its correspondence gone.
    let shifted = [wr.len() / 3, 2 * wr.len() / 3].map(|k| {
        let k = (k & !1).max(2).min(wr.len() - 1);
        let turned: Vec<Unit> = wr[k..].iter().chain(&wr[..k]).cloned().collect();
        total(&turned)
    });
    let reversed: Vec<Unit> = wr.iter().rev().cloned().collect();
    let backwards = total(&reversed);
    let n = (wl.len() + wr.len()) as f32;
    let null = shifted[0].min(shifted[1]).min(backwards);
    Some((null - own) / n)
}
