//! The cost of pairing groups of turns, and a banded dynamic programme refined coarse-to-fine.

use super::features::Unit;
use crate::core::turns::TurnKind;

/// Cost of leaving one turn unpaired.
pub const SKIP: f32 = 4.0;
/// Tiny extra cost that makes early skips dearer than late ones, so that among equal choices
/// (a document holding its text twice) the first copy pairs and the second stands alone.
const EPS: f32 = 1e-3;
/// Smoothing of the length ratio, in characters of the left side.
const K: f32 = 15.0;
/// Variance of the log length ratio of true translations.
const SIGMA2: f32 = 0.11;
/// Up to this many DP cells, the whole table is computed; beyond, coarse-to-fine.
const FULL_CELLS: usize = 4_000_000;
/// How far (in turns) the fine band reaches around the projected coarse path.
const RADIUS: usize = 6;

/// Moves of the DP: how many left and right turns one link takes.
pub const MOVES: [(usize, usize); 6] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)];

/// What the aligner knows about the pair of documents.
#[derive(Debug, Clone)]
pub struct Model<'a> {
    /// Right-side characters per left-side character.
    pub ratio: f32,
    /// Token weights (see [`super::features::Vocabulary`]).
    pub weights: &'a [f32],
    /// Left speaker → right speaker, where known.
    pub speaker_map: &'a [Option<u32>],
    /// Both sides have speakers, so speech never pairs with narration.
    pub both_speak: bool,
}

/// One link of the path: `left[i0..i1]` with `right[j0..j1]`, and its cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    pub i0: usize,
    pub i1: usize,
    pub j0: usize,
    pub j1: usize,
    pub cost: f32,
}

impl Model<'_> {
    /// The cost of linking `a` (ending at left index `i`) with `b` (ending at right index `j`);
    /// `n` and `m` are the side lengths, used only to order equal skips.
    pub fn cost(&self, a: &[Unit], b: &[Unit], (i, j): (usize, usize), (n, m): (usize, usize)) -> f32 {
        match (a.len(), b.len()) {
            (0, 0) => return 0.0,
            (1, 0) => return SKIP + EPS * (1.0 - i as f32 / n.max(1) as f32),
            (0, 1) => return SKIP + EPS * (1.0 - j as f32 / m.max(1) as f32),
            _ => {}
        }
        let la: f32 = a.iter().map(|u| u.len).sum();
        let lb: f32 = b.iter().map(|u| u.len).sum::<f32>() / self.ratio;
        let x = ((lb + K) / (la + K)).ln();
        let mut c = x * x / (2.0 * SIGMA2);
        c += match (a.len(), b.len()) {
            (1, 1) => 0.0,
            (2, 2) => 3.0,
            _ => 1.8,
        };
        c += self.kinds_cost(a, b) + self.tokens_cost(a, b);
        c
    }

    fn kinds_cost(&self, a: &[Unit], b: &[Unit]) -> f32 {
        let (ka, kb) = (group_kind(a), group_kind(b));
        let mut c = mixed(a) + mixed(b);
        c += match (ka, kb) {
            (TurnKind::Speech, TurnKind::Speech) => self.speakers_cost(a, b),
            (TurnKind::Speech, _) | (_, TurnKind::Speech) if self.both_speak => 2.0 * SKIP + 0.5,
            (TurnKind::Heading, TurnKind::Heading) => -0.5,
            (TurnKind::Heading, _) | (_, TurnKind::Heading) => 0.5,
            _ => 0.0,
        };
        c
    }

    fn speakers_cost(&self, a: &[Unit], b: &[Unit]) -> f32 {
        let mut c = two_speakers(a) + two_speakers(b);
        let sa = a.iter().find_map(|u| u.speaker);
        let sb = b.iter().find_map(|u| u.speaker);
        if let (Some(sa), Some(sb)) = (sa, sb)
            && let Some(Some(mapped)) = self.speaker_map.get(sa as usize)
        {
            c += if *mapped == sb { -1.0 } else { 2.5 };
        }
        c
    }

    fn tokens_cost(&self, a: &[Unit], b: &[Unit]) -> f32 {
        let w = |t: u32| self.weights[t as usize];
        let wa: f32 = Union::of(a).map(w).sum();
        let wb: f32 = Union::of(b).map(w).sum();
        if wa == 0.0 || wb == 0.0 {
            return 0.0;
        }
        let mut shared = 0.0;
        let (mut x, mut y) = (Union::of(a).peekable(), Union::of(b).peekable());
        while let (Some(&p), Some(&q)) = (x.peek(), y.peek()) {
            match p.cmp(&q) {
                std::cmp::Ordering::Less => drop(x.next()),
                std::cmp::Ordering::Greater => drop(y.next()),
                std::cmp::Ordering::Equal => {
                    shared += w(p);
                    x.next();
                    y.next();
                }
            }
        }
        let sim = 2.0 * shared / (wa + wb);
        if sim == 0.0 { 0.4 } else { -2.5 * sim }
    }

    /// A link's cost turned into a confidence between 0 and 1.
    pub fn score(cost: f32) -> f32 {
        1.0 / (1.0 + (cost - 2.0).exp())
    }
}

fn group_kind(g: &[Unit]) -> TurnKind {
    if g.iter().any(|u| u.kind == TurnKind::Speech) { TurnKind::Speech } else { g[0].kind }
}

/// Speech merged with narration, or a heading merged with anything: usually a footer, a source
/// line or a title taken in by mistake, since a heading translates to a heading.
fn mixed(g: &[Unit]) -> f32 {
    let count = |k| g.iter().filter(|u| u.kind == k).count();
    let (speech, heading) = (count(TurnKind::Speech), count(TurnKind::Heading));
    if (speech > 0 && speech < g.len()) || (heading > 0 && g.len() > 1) { 2.5 } else { 0.0 }
}

/// Two different speakers merged into one link: a question glued to its answer.
fn two_speakers(g: &[Unit]) -> f32 {
    match g {
        [x, y] if x.speaker.is_some() && y.speaker.is_some() && x.speaker != y.speaker => 3.0,
        _ => 0.0,
    }
}

/// The sorted, de-duplicated union of the tokens of one or two units, without allocating.
struct Union<'a> {
    a: &'a [u32],
    b: &'a [u32],
}

impl<'a> Union<'a> {
    fn of(g: &'a [Unit]) -> Self {
        Union { a: &g[0].tokens, b: g.get(1).map_or(&[][..], |u| &u.tokens) }
    }
}

impl Iterator for Union<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let (x, y) = (self.a.first().copied(), self.b.first().copied());
        let take = match (x, y) {
            (None, None) => return None,
            (Some(x), None) => x,
            (None, Some(y)) => y,
            (Some(x), Some(y)) => x.min(y),
        };
        if x == Some(take) {
            self.a = &self.a[1..];
        }
        if y == Some(take) {
            self.b = &self.b[1..];
        }
        Some(take)
    }
}

/// The cells the DP visits: for each left prefix length `i`, right prefix lengths `lo[i]..=hi[i]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    pub fn full(n: usize, m: usize) -> Self {
        Band { lo: vec![0; n + 1], hi: vec![m; n + 1] }
    }

    fn contains(&self, i: usize, j: usize) -> bool {
        self.lo[i] <= j && j <= self.hi[i]
    }

    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(lo, hi)| hi + 1 - lo).sum()
    }
}

/// Aligns two unit lists: the whole table when small, else a band around a coarser alignment.
pub fn align(l: &[Unit], r: &[Unit], model: &Model) -> Vec<Step> {
    let band = plan(l, r, model);
    solve(l, r, model, &band)
}

fn plan(l: &[Unit], r: &[Unit], model: &Model) -> Band {
    let (n, m) = (l.len(), r.len());
    if (n + 1).saturating_mul(m + 1) <= FULL_CELLS || n < 8 || m < 8 {
        return Band::full(n, m);
    }
    let coarse = |units: &[Unit]| -> Vec<Unit> {
        units.chunks(2).map(|c| if c.len() == 2 { Unit::merge(&c[0], &c[1]) } else { c[0].clone() }).collect()
    };
    let steps = align(&coarse(l), &coarse(r), model);
    project(&steps, n, m, RADIUS)
}

/// The fine band under a coarse path (each coarse unit is two fine ones), widened by `radius`.
pub fn project(coarse: &[Step], n: usize, m: usize, radius: usize) -> Band {
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0; n + 1];
    for s in coarse {
        let (i0, i1) = ((2 * s.i0).min(n), (2 * s.i1).min(n));
        let (j0, j1) = ((2 * s.j0).min(m), (2 * s.j1).min(m));
        for i in i0..=i1 {
            lo[i] = lo[i].min(j0);
            hi[i] = hi[i].max(j1);
        }
    }
    // Widen across rows and columns so that a coarse mistake can be mended at the fine level.
    let widened_lo: Vec<usize> = (0..=n)
        .map(|i| {
            let rows = i.saturating_sub(radius)..=(i + radius).min(n);
            rows.map(|k| lo[k]).min().unwrap_or(0).saturating_sub(radius)
        })
        .collect();
    let widened_hi: Vec<usize> = (0..=n)
        .map(|i| {
            let rows = i.saturating_sub(radius)..=(i + radius).min(n);
            (rows.map(|k| hi[k]).max().unwrap_or(m) + radius).min(m)
        })
        .collect();
    Band { lo: widened_lo, hi: widened_hi }
}

/// The DP proper over the band: minimal total cost, then the path read backwards.
pub fn solve(l: &[Unit], r: &[Unit], model: &Model, band: &Band) -> Vec<Step> {
    let (n, m) = (l.len(), r.len());
    let mut offset = Vec::with_capacity(n + 2);
    offset.push(0usize);
    for i in 0..=n {
        offset.push(offset[i] + band.hi[i] + 1 - band.lo[i]);
    }
    let at = |i: usize, j: usize| offset[i] + j - band.lo[i];
    let mut cost = vec![f32::INFINITY; offset[n + 1]];
    let mut back = vec![u8::MAX; offset[n + 1]];
    cost[at(0, 0)] = 0.0;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f32::INFINITY;
            let mut best_move = u8::MAX;
            for (k, &(di, dj)) in MOVES.iter().enumerate() {
                if di > i || dj > j || !band.contains(i - di, j - dj) {
                    continue;
                }
                let prev = cost[at(i - di, j - dj)];
                if !prev.is_finite() {
                    continue;
                }
                let c = prev + model.cost(&l[i - di..i], &r[j - dj..j], (i, j), (n, m));
                if c < best {
                    best = c;
                    best_move = k as u8;
                }
            }
            cost[at(i, j)] = best;
            back[at(i, j)] = best_move;
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = back[at(i, j)];
        assert!(k != u8::MAX, "the band always holds a path from (0, 0) to (n, m)");
        let (di, dj) = MOVES[k as usize];
        let c = cost[at(i, j)] - cost[at(i - di, j - dj)];
        steps.push(Step { i0: i - di, i1: i, j0: j - dj, j1: j, cost: c });
        i -= di;
        j -= dj;
    }
    steps.reverse();
    steps
}
