//! The cost of pairing groups of turns, and a banded dynamic programme refined coarse-to-fine.

use super::features::Unit;
use super::unit::{ENDS_APART, Ending};
use crate::core::turns::TurnKind;

/// Cost of leaving one turn unpaired.
pub const SKIP: f32 = 4.0;
/// Tiny extra cost that makes early skips dearer than late ones, so that among equal choices
/// (a document holding its text twice) the first copy pairs and the second stands alone.
const EPS: f32 = 1e-3;
/// Smoothing of the length ratio, in characters of the left side.
pub(super) const K: f32 = 15.0;
/// Variance of the log length ratio of true translations.
pub const SIGMA2: f32 = 0.11;
/// Up to this many DP cells, the whole table is computed; beyond, coarse-to-fine.
pub const FULL_CELLS: usize = 250_000;
/// How far (in turns) the fine band reaches around the projected coarse path.
pub const RADIUS: usize = 4;

/// Two subtitles of one video said at the same moment are each other's translation: the more
/// their times overlap, the cheaper the pair (from +2 for disjoint times to −2 for the same).
fn time_cost((s1, e1): (u32, u32), (s2, e2): (u32, u32)) -> f32 {
    let overlap = e1.min(e2).saturating_sub(s1.max(s2)) as f32;
    let whole = e1.max(e2).saturating_sub(s1.min(s2)).max(1) as f32;
    2.0 - 4.0 * overlap / whole
}

#[test]
fn times_said_together_pair_cheaply_and_disorder_is_harmless() {
    assert_eq!(time_cost((1_000, 3_000), (1_000, 3_000)), -2.0);
    assert_eq!(time_cost((1_000, 3_000), (5_000, 6_000)), 2.0);
    assert!(time_cost((1_000, 3_000), (2_000, 3_000)).abs() < 0.01, "half together: neutral");
    // An end before a start (cues out of order in a file) costs like disjoint times, no panic.
    assert_eq!(time_cost((5_000, 1_000), (9_000, 2_000)), 2.0);
}

/// A speech on one side facing narration or a heading on the other, when both sides have
/// speakers: a little more than two speeches. Translators and editors label differently (a line
/// after a stage direction, a cast list written `Name　role`, a member's label dropped), so
/// such a pair must not force the path round it; what keeps a footer from pairing with
/// stray text is the rule on weak links at the edges (see `align::dissolve_between`).
pub const SPEECH_NOT_SPEECH: f32 = 1.5;
/// The same when judging whether the texts are translations at all: two texts whose speech
/// faces narration again and again are not one text in two languages.
pub const SPEECH_NOT_SPEECH_STRICT: f32 = 2.0 * SKIP + 0.5;

/// The lowest the tokens can bring a pair's cost (all shared).
const TOKENS_BEST: f32 = -2.5;

/// Moves of the DP: how many left and right turns one link takes. One side may split a turn the
/// other keeps whole into up to five.
pub const MOVES: [(usize, usize); 14] =
    [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3), (4, 1), (1, 4), (3, 2), (2, 3), (5, 1), (1, 5)];
pub use crate::core::alignment::MAX_GROUP;

/// What a link's shape costs, whatever it pairs: one turn with one is the rule, a split the
/// exception.
pub fn shape_cost(a: usize, b: usize) -> f32 {
    match (a, b) {
        (1, 1) => 0.0,
        (2, 2) => 3.0,
        (1, 2) | (2, 1) => 1.8,
        (1, 3) | (3, 1) => 2.6,
        (1, 4) | (4, 1) => 3.4,
        // Two sentences against three are rare, and most such links the DP finds are a 1:1
        // or 1:2 with a neighbour swallowed (on MAC-Test, 12 of 53 right): at 5 rather than
        // 3.4, the MAC development chapters' strict F1 went from 0.877 to 0.883.
        (2, 3) | (3, 2) => 5.0,
        (0, _) | (_, 0) => 0.0,
        _ => 4.0,
    }
}

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
    /// Tables up to this many cells are computed whole; larger ones coarse-to-fine.
    pub full_cells: usize,
    /// The link shapes tried ([`MOVES`] at the level of turns; coarse levels, which only find
    /// the band, try the first six).
    pub moves: &'a [(usize, usize)],
    /// The cost of a speech facing narration or a heading ([`SPEECH_NOT_SPEECH`]).
    pub kinds_apart: f32,
    /// How much the words' answering each other weighs (0: the pair has no lexical signal).
    pub lexical: f32,
    /// Where the words say nothing either way: a link whose words answer each other better than
    /// this (a share, 0 to 1) is cheaper for it, one whose words answer less is dearer.
    pub lex_mean: f32,
    /// What each link shape costs, `[left turns][right turns]` ([`shape_cost`] until the pair's
    /// own are learned).
    pub shapes: [[f32; MAX_GROUP + 1]; MAX_GROUP + 1],
    /// Variance of the log length ratio of the pair's links ([`SIGMA2`] until learned).
    pub sigma2: f32,
    /// What a question (`[0]`), a colon (`[1]`) or a closed quotation (`[2]`) ending one group
    /// and not the other costs ([`ENDS_APART`]).
    pub ends: [f32; 3],
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

/// One or two neighbouring units summed up once, so that each DP move costs a few operations.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    len: f32,
    /// `ln(len + K)`, the right side's length first brought to the left's by the ratio: set by
    /// [`Group::all`] so that the DP's inner loop takes no logarithm.
    ln_len: f32,
    kind: TurnKind,
    speaker: Option<u32>,
    /// Cost of putting these units in one link at all (see [`Group::of`]).
    penalty: f32,
    tokens: bool,
    /// When the units are said, if they are subtitles.
    time: Option<(u32, u32)>,
    /// How the last unit ends, and whether it closes a quotation.
    end: Ending,
    closes: bool,
}

impl Group {
    /// Speech merged with narration, or a heading merged with anything, is usually a footer, a
    /// source line or a title taken in by mistake (a heading translates to a heading); two
    /// speakers merged is a question glued to its answer.
    pub fn of(g: &[Unit]) -> Group {
        let count = |k| g.iter().filter(|u| u.kind == k).count();
        let (speech, heading) = (count(TurnKind::Speech), count(TurnKind::Heading));
        let mixed = (speech > 0 && speech < g.len()) || (heading > 0 && g.len() > 1);
        let first = g.iter().find_map(|u| u.speaker);
        let two_speakers = g.iter().any(|u| u.speaker.is_some_and(|s| Some(s) != first));
        let len = g.iter().map(|u| u.len).sum();
        Group {
            len,
            ln_len: (len + K).ln(),
            kind: if speech > 0 { TurnKind::Speech } else { g[0].kind },
            speaker: g.iter().find_map(|u| u.speaker),
            penalty: if mixed { 2.5 } else { 0.0 }
                + if two_speakers { 3.0 } else { 0.0 }
                // Three or four turns in one link are one turn split on the other side: of one
                // kind and one speaker. Anything else would be neighbours swallowed whole.
                + if g.len() > 2 && (mixed || two_speakers || g.iter().any(|u| u.kind != g[0].kind)) {
                    SKIP * g.len() as f32
                } else {
                    0.0
                },
            tokens: g.iter().any(|u| !u.tokens.is_empty()),
            time: g.iter().map(|u| u.time).reduce(super::unit::span).flatten(),
            end: g.last().map_or(Ending::Other, |u| u.end),
            closes: g.last().is_some_and(|u| u.closes),
        }
    }

    /// Groups of one to [`MAX_GROUP`] units: `[size - 1][k]` holds the `size` units ending at `k`;
    /// lengths are divided by `ratio` (the right side's groups, brought to the left's scale).
    pub fn all(units: &[Unit], ratio: f32) -> [Vec<Group>; MAX_GROUP] {
        std::array::from_fn(|size| {
            (0..units.len())
                .map(|k| {
                    let mut g = Group::of(&units[k.saturating_sub(size)..=k]);
                    g.ln_len = (g.len / ratio + K).ln();
                    g
                })
                .collect()
        })
    }
}

impl<'a> Model<'a> {
    /// A model trying every link shape ([`MOVES`]).
    pub fn new(
        ratio: f32,
        weights: &'a [f32],
        speaker_map: &'a [Option<u32>],
        both_speak: bool,
        full_cells: usize,
    ) -> Self {
        Model {
            ratio,
            weights,
            speaker_map,
            both_speak,
            full_cells,
            moves: &MOVES,
            kinds_apart: SPEECH_NOT_SPEECH,
            lexical: 0.0,
            lex_mean: 0.0,
            shapes: std::array::from_fn(|a| std::array::from_fn(|b| shape_cost(a, b))),
            sigma2: SIGMA2,
            ends: ENDS_APART,
        }
    }

    /// Two groups ending differently (see [`Model::ends`]).
    fn ending_cost(&self, a: Ending, b: Ending) -> f32 {
        let one = |e| match e {
            Ending::Question => self.ends[0],
            Ending::Colon => self.ends[1],
            Ending::Other => 0.0,
        };
        one(a).max(one(b))
    }

    /// The cost of linking units `a` with units `b` (one to four each), summed up in `ga`, `gb`;
    /// or any value of at least `limit` once the cost is sure to reach it: the tokens, the one
    /// costly term, are compared only when they can still matter.
    fn pair_cost_under(
        &self,
        (a, ga): (&[Unit], &Group),
        (b, gb): (&[Unit], &Group),
        words: (&PairTable, usize, usize),
        limit: f32,
    ) -> f32 {
        let x = gb.ln_len - ga.ln_len;
        let mut c = x * x / (2.0 * self.sigma2) + ga.penalty + gb.penalty;
        c += self.shapes[a.len()][b.len()];
        c += match (ga.kind, gb.kind) {
            (TurnKind::Speech, TurnKind::Speech) => self.speakers_cost(ga.speaker, gb.speaker),
            (TurnKind::Speech, _) | (_, TurnKind::Speech) if self.both_speak => self.kinds_apart,
            (TurnKind::Heading, TurnKind::Heading) => -0.5,
            (TurnKind::Heading, _) | (_, TurnKind::Heading) => 0.5,
            _ => 0.0,
        };
        if ga.end != gb.end {
            c += self.ending_cost(ga.end, gb.end);
        }
        if ga.closes != gb.closes {
            c += self.ends[2];
        }
        if let (Some(ta), Some(tb)) = (ga.time, gb.time) {
            c += time_cost(ta, tb);
        }
        if self.lexical > 0.0 {
            let best = self.lexical * (self.lex_mean - 1.0);
            if c + best + TOKENS_BEST >= limit {
                return c + best + TOKENS_BEST;
            }
            let (table, u0, v0) = words;
            if let Some(sim) = super::lexical::similarity(a, b, |u, v| table.get(u0 + u, v0 + v)) {
                c += self.lexical * (self.lex_mean - sim);
            }
        }
        if ga.tokens && gb.tokens && c + TOKENS_BEST < limit {
            c += self.tokens_cost(a, b);
        }
        c
    }

    /// Leaving unit `k` of a side of `n` units unpaired (later skips are a hair cheaper).
    pub fn skip_cost(k: usize, n: usize) -> f32 {
        SKIP + EPS * (1.0 - k as f32 / n.max(1) as f32)
    }

    fn speakers_cost(&self, sa: Option<u32>, sb: Option<u32>) -> f32 {
        if let (Some(sa), Some(sb)) = (sa, sb)
            && let Some(Some(mapped)) = self.speaker_map.get(sa as usize)
        {
            return if *mapped == sb { -1.0 } else { 2.5 };
        }
        0.0
    }

    fn tokens_cost(&self, a: &[Unit], b: &[Unit]) -> f32 {
        match (a, b) {
            // One turn with one, the most common link by far: its two lists as they are.
            ([a], [b]) => self.tokens_share(a.tokens.iter().copied(), b.tokens.iter().copied()),
            _ => self.tokens_share(Union::of(a), Union::of(b)),
        }
    }

    /// The tokens' cost of two sorted, unique token lists.
    fn tokens_share(&self, x: impl Iterator<Item = u32>, y: impl Iterator<Item = u32>) -> f32 {
        // One merge of the two lists gives both weights and what they share.
        let w = |t: u32| self.weights[t as usize];
        let (mut wa, mut wb, mut shared) = (0.0, 0.0, 0.0);
        let (mut x, mut y) = (x.peekable(), y.peekable());
        loop {
            match (x.peek().copied(), y.peek().copied()) {
                (None, None) => break,
                (Some(p), None) => {
                    wa += w(p);
                    x.next();
                }
                (None, Some(q)) => {
                    wb += w(q);
                    y.next();
                }
                (Some(p), Some(q)) => match p.cmp(&q) {
                    std::cmp::Ordering::Less => {
                        wa += w(p);
                        x.next();
                    }
                    std::cmp::Ordering::Greater => {
                        wb += w(q);
                        y.next();
                    }
                    std::cmp::Ordering::Equal => {
                        let wp = w(p);
                        (wa, wb, shared) = (wa + wp, wb + wp, shared + wp);
                        x.next();
                        y.next();
                    }
                },
            }
        }
        if wa == 0.0 || wb == 0.0 {
            return 0.0;
        }
        let sim = 2.0 * shared / (wa + wb);
        if sim == 0.0 { 0.4 } else { TOKENS_BEST * sim }
    }

    /// A link's cost turned into a confidence between 0 and 1.
    pub fn score(cost: f32) -> f32 {
        1.0 / (1.0 + (cost - 2.0).exp())
    }
}

/// The sorted, de-duplicated union of the tokens of a group of units, without allocating.
struct Union<'a> {
    /// The units' lists not yet used up (the first `live`).
    lists: [&'a [u32]; MAX_GROUP],
    live: usize,
}

impl<'a> Union<'a> {
    fn of(g: &'a [Unit]) -> Self {
        let mut lists: [&[u32]; MAX_GROUP] = [&[]; MAX_GROUP];
        let mut live = 0;
        for u in g.iter().filter(|u| !u.tokens.is_empty()) {
            lists[live] = &u.tokens;
            live += 1;
        }
        Union { lists, live }
    }
}

impl Iterator for Union<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        let lists = &mut self.lists[..self.live];
        let take = lists.iter().map(|l| l[0]).min()?;
        let mut k = 0;
        while k < self.live {
            if self.lists[k][0] == take {
                self.lists[k] = &self.lists[k][1..];
                if self.lists[k].is_empty() {
                    self.live -= 1;
                    self.lists.swap(k, self.live);
                    continue;
                }
            }
            k += 1;
        }
        Some(take)
    }
}

/// What each left unit's words find in each nearby right unit, and the reverse, for the units
/// a banded DP may link.
pub struct PairTable {
    /// For left unit `u`: the first right unit held, and where its entries start in `data`.
    first: Vec<usize>,
    start: Vec<usize>,
    data: Vec<(f32, f32)>,
}

impl PairTable {
    /// The table for the units the cells of `band` link (empty when `lexical` is off).
    pub fn new(l: &[Unit], r: &[Unit], band: &Band, lexical: bool) -> Self {
        let (n, m) = (l.len(), r.len());
        let mut table = PairTable { first: Vec::new(), start: vec![0], data: Vec::new() };
        if !lexical {
            return table;
        }
        let mut common = Vec::new();
        for (u, unit) in l.iter().enumerate() {
            // Cells (i, j) with u < i <= u + MAX_GROUP link right units j - MAX_GROUP .. j.
            let cells = u + 1..=(u + MAX_GROUP).min(n);
            let lo = cells.clone().map(|i| band.lo[i]).min().unwrap_or(0).saturating_sub(MAX_GROUP);
            let hi = cells.map(|i| band.hi[i]).max().unwrap_or(0).min(m);
            table.first.push(lo);
            for v in &r[lo..hi.max(lo)] {
                table.data.push(unit.lex.matched_both_with(&v.lex, &mut common));
            }
            table.start.push(table.data.len());
        }
        table
    }

    fn get(&self, u: usize, v: usize) -> (f32, f32) {
        let Some(&first) = self.first.get(u) else { return (0.0, 0.0) };
        match v.checked_sub(first).map(|d| self.start[u] + d) {
            Some(k) if k < self.start[u + 1] => self.data[k],
            _ => (0.0, 0.0),
        }
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
}

/// Aligns two unit lists: the whole table when small, else a band around a coarser alignment.
pub fn align(l: &[Unit], r: &[Unit], model: &Model) -> Vec<Step> {
    let band = plan(l, r, model, Thinned::default());
    solve(l, r, model, &band)
}

/// Coarse levels try the simpler link shapes only.
const COARSE_MOVES: usize = 6;
/// Past this many tokens per unit on average, a coarse level keeps half of them.
const COARSE_TOKENS: usize = 12;

fn plan(l: &[Unit], r: &[Unit], model: &Model, thinned: Thinned) -> Band {
    let (n, m) = (l.len(), r.len());
    if (n + 1).saturating_mul(m + 1) <= model.full_cells || n < 8 || m < 8 {
        return Band::full(n, m);
    }
    let coarse = |units: &[Unit]| -> Vec<Unit> {
        units.chunks(2).map(|c| if c.len() == 2 { Unit::merge(&c[0], &c[1]) } else { c[0].clone() }).collect()
    };
    let (mut cl, mut cr) = (coarse(l), coarse(r));
    // Merged units gather the tokens and the words' concepts of many turns, and comparing them
    // is what a coarse level costs: past a dozen tokens (or a hundred concepts) a unit, keep
    // the same half on both sides (by a hash of the token), so that shared ones stay shared.
    let mut thinned = thinned;
    let units = cl.len() + cr.len();
    let tokens: usize = cl.iter().chain(&cr).map(|u| u.tokens.len()).sum();
    if tokens > COARSE_TOKENS * units {
        thinned.tokens += 1;
        let keep = |t: &u32| mix(*t) & ((1 << thinned.tokens) - 1) == 0;
        for u in cl.iter_mut().chain(cr.iter_mut()) {
            u.tokens.retain(keep);
        }
    }
    let concepts: usize = cl.iter().chain(&cr).map(|u| u.lex.offers.len()).sum();
    if model.lexical > 0.0 && concepts > COARSE_CONCEPTS * units {
        thinned.concepts += 1;
        let keep = |c: u32| mix(c) & ((1 << thinned.concepts) - 1) == 0;
        for u in cl.iter_mut().chain(cr.iter_mut()) {
            u.lex.thin(keep);
        }
    }
    let coarse_model = Model { moves: &model.moves[..COARSE_MOVES.min(model.moves.len())], ..model.clone() };
    let band = plan(&cl, &cr, &coarse_model, thinned);
    let steps = solve(&cl, &cr, &coarse_model, &band);
    project(&steps, 2, n, m, RADIUS)
}

/// How many times a coarse level's tokens and concepts have been halved.
#[derive(Debug, Clone, Copy, Default)]
struct Thinned {
    tokens: u32,
    concepts: u32,
}

/// Past this many concepts per unit on average, a coarse level keeps half of them.
const COARSE_CONCEPTS: usize = 100;

/// A token id's bits mixed (splitmix), to pick a consistent sample of tokens.
fn mix(t: u32) -> u64 {
    let mut z = u64::from(t).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The band under a path of a level `scale` times coarser (1: the same level), widened by `radius`.
pub fn project(coarse: &[Step], scale: usize, n: usize, m: usize, radius: usize) -> Band {
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0; n + 1];
    for s in coarse {
        let (i0, i1) = ((scale * s.i0).min(n), (scale * s.i1).min(n));
        let (j0, j1) = ((scale * s.j0).min(m), (scale * s.j1).min(m));
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
    let (lg, rg) = (Group::all(l, 1.0), Group::all(r, model.ratio));
    let words = PairTable::new(l, r, band, model.lexical > 0.0);
    let mut cost = vec![f32::INFINITY; offset[n + 1]];
    let mut back = vec![u8::MAX; offset[n + 1]];
    cost[at(0, 0)] = 0.0;
    for i in 0..=n {
        // For each move's left size, the band of the row it comes from and where that row's
        // costs start: looked up once a row, not at every move of every cell.
        let rows: [Option<(usize, usize, usize)>; MAX_GROUP + 1] =
            std::array::from_fn(|di| (di <= i).then(|| (band.lo[i - di], band.hi[i - di], offset[i - di])));
        for j in band.lo[i]..=band.hi[i] {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f32::INFINITY;
            let mut best_move = u8::MAX;
            for (k, &(di, dj)) in model.moves.iter().enumerate() {
                let Some((lo, hi, start)) = rows[di] else { continue };
                if dj > j || j - dj < lo || j - dj > hi {
                    continue;
                }
                let prev = cost[start + j - dj - lo];
                if !prev.is_finite() {
                    continue;
                }
                let step = match (di, dj) {
                    (1, 0) => Model::skip_cost(i, n),
                    (0, 1) => Model::skip_cost(j, m),
                    _ => model.pair_cost_under(
                        (&l[i - di..i], &lg[di - 1][i - 1]),
                        (&r[j - dj..j], &rg[dj - 1][j - 1]),
                        (&words, i - di, j - dj),
                        best - prev,
                    ),
                };
                let c = prev + step;
                if c < best {
                    best = c;
                    best_move = k as u8;
                }
            }
            let here = at(i, j);
            cost[here] = best;
            back[here] = best_move;
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let k = back[at(i, j)];
        assert!(k != u8::MAX, "the band always holds a path from (0, 0) to (n, m)");
        let (di, dj) = model.moves[k as usize];
        let c = cost[at(i, j)] - cost[at(i - di, j - dj)];
        steps.push(Step { i0: i - di, i1: i, j0: j - dj, j1: j, cost: c });
        i -= di;
        j -= dj;
    }
    steps.reverse();
    steps
}
