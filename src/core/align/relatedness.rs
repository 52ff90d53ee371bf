//! Whether two texts are translations of each other at all: the pair is aligned again with one
//! side's turns turned round (by a third, by two thirds) and reversed, and the costs compared.
//!
//! Any two texts can be paired by length alone, so confident-looking links prove nothing. What a
//! translation has and two unrelated texts lack is order: its turns pair far better in their own
//! order than in one that keeps the other side's lengths, speakers and words but not its
//! correspondence. For two unrelated texts every order pairs about as badly. The saving, per
//! turn, is the evidence.

use super::dp::{self, Model, Step};
use super::features::Unit;

/// How many turns of each side (around the middle of the path) the test looks at.
const WINDOW: usize = 1_000;
/// Fewer paired turns than this (both sides) are too few to tell.
const MIN_TURNS: usize = 20;

/// Cost per turn saved by the texts' own order over the right side reversed or turned round,
/// less a quarter of the own order's cost per turn and less what chance saves in a window of
/// its size ([`CHANCE`]): at most 0.10 for the unrelated pairs we tried, at least 1.37 for the
/// translations (our fixtures, the shared samples, generated
/// records; `tests/align_parliament.rs`, `evidence_calibration`). `None` when there are too few
/// turns to tell; 0 when nothing paired at all.
pub fn gain(l: &[Unit], r: &[Unit], model: &Model, steps: &[Step]) -> Option<f32> {
    // A window of paired steps around the middle of those the path found (one-sided stretches
    // — a cut, a second copy left standing alone, which would pair again once turned round —
    // are left out at either end).
    let paired: Vec<&Step> = steps.iter().filter(|s| s.i1 > s.i0 && s.j1 > s.j0).collect();
    if paired.is_empty() {
        return Some(0.0);
    }
    let mid = paired.len() / 2;
    let chosen = &paired[mid.saturating_sub(WINDOW / 2)..(mid + WINDOW / 2).min(paired.len())];
    let (first, last) = (chosen[0], chosen[chosen.len() - 1]);
    let (wl, wr) = (&l[first.i0..last.i1], &r[first.j0..last.j1]);
    if wl.len() + wr.len() < MIN_TURNS {
        return None;
    }
    // Four alignments of the window: a small whole table at the coarsest level keeps them cheap.
    // How turns end is left out: questions and answers take turns in any interview (and quoted
    // speech with narration in any novel), so reversed they face each other wrongly whether the
    // texts translate each other or not.
    let model = Model {
        full_cells: model.full_cells.min(20_000),
        kinds_apart: dp::SPEECH_NOT_SPEECH_STRICT,
        ends: [0.0; 3],
        ..model.clone()
    };
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
    // What the own order saves over the three destroyed ones, on average (one of them may keep
    // some order by chance: a text held twice, turned round, pairs again), less a quarter of
    // what the own order still costs per turn (translations pair cheaply, chance pairs do not).
    // Less what chance alone saves in a window this small: two unrelated interviews of a few
    // dozen turns, questions and answers taking turns on both sides, save up to 0.27 a turn.
    let saved = (shifted[0] + shifted[1] + backwards) / 3.0 - own;
    Some(saved / n - 0.25 * own / n - CHANCE / n.sqrt())
}

/// What the own order of two unrelated texts saves by chance, per turn, times the square root of
/// the window's turns (measured: up to 1.7 for two different interviews of our fixtures, 15
/// and 24 turns; a translation of 15 turns, the smallest we measure, 8.5).
const CHANCE: f32 = 1.0;
