//! Which words of one turn translate words of another: each unit's words as interned keys with
//! their senses (the bundled dictionary, a lexicon learned from the pair), and how much of two
//! groups of units answers each other.

use std::collections::HashMap;

pub use super::unit::Lex;
use super::unit::Unit;
use crate::core::lexicon::{self, Dictionaries, Word};
use crate::core::turns::Turn;

/// The words of both sides' turns, interned; `None` when neither side has words the other
/// could match (no shared script, no dictionary between them).
pub struct Words {
    pub left: Vec<Vec<(u32, Vec<u32>)>>,
    pub right: Vec<Vec<(u32, Vec<u32>)>>,
    /// Each key's id.
    pub ids: HashMap<String, u32>,
}

impl Words {
    /// The learned lexicon in key strings, for keeping (see [`crate::core::alignment::Learned`]).
    pub fn spell(&self, l2r: &HashMap<u32, Vec<u32>>) -> Vec<(String, String)> {
        let mut keys = vec![""; self.ids.len()];
        for (k, &id) in &self.ids {
            keys[id as usize] = k;
        }
        let mut out: Vec<(String, String)> = l2r
            .iter()
            .flat_map(|(a, bs)| bs.iter().map(|b| (keys[*a as usize].to_string(), keys[*b as usize].to_string())))
            .collect();
        out.sort();
        out
    }

    /// A kept lexicon in this pair's ids (both directions), for the words this pair holds.
    pub fn read_back(&self, lexicon: &[(String, String)]) -> (HashMap<u32, Vec<u32>>, HashMap<u32, Vec<u32>>) {
        let (mut l2r, mut r2l): (HashMap<u32, Vec<u32>>, HashMap<u32, Vec<u32>>) = Default::default();
        for (a, b) in lexicon {
            if let (Some(&x), Some(&y)) = (self.ids.get(a), self.ids.get(b)) {
                l2r.entry(x).or_default().push(y);
                r2l.entry(y).or_default().push(x);
            }
        }
        (l2r, r2l)
    }
}

/// The dictionaries a pair's words are looked up in. A Chinese side: the Latin-script side's
/// words meet it through the Chinese–English dictionary, and a dictionary between two
/// Latin-script languages has nothing to add.
pub fn dictionaries_for(left: &[Turn], right: &[Turn]) -> Dictionaries {
    let chinese = |turns: &[Turn]| turns.iter().take(200).any(|t| t.text.chars().any(crate::core::text::is_han));
    if chinese(left) || chinese(right) { Dictionaries::Chinese } else { Dictionaries::All }
}

/// Reads the words of both sides (on two threads when long) and interns their keys.
pub fn read(left: &[Turn], right: &[Turn]) -> Words {
    let dictionaries = dictionaries_for(left, right);
    let read = |turns: &[Turn]| -> Vec<Vec<Word>> {
        turns.iter().map(|t| lexicon::words_with(&t.text, dictionaries)).collect()
    };
    let (lw, rw) = crate::core::side::both_sides(left, right, 400, read);
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut intern = |s: String| -> u32 {
        let next = ids.len() as u32;
        *ids.entry(s).or_insert(next)
    };
    let mut side = |words: Vec<Vec<Word>>| -> Vec<Vec<(u32, Vec<u32>)>> {
        words
            .into_iter()
            .map(|ws| {
                ws.into_iter().map(|w| (intern(w.key), w.senses.into_iter().map(&mut intern).collect())).collect()
            })
            .collect()
    };
    let left = side(lw);
    let right = side(rw);
    Words { left, right, ids }
}

/// Sets each unit's [`Lex`] from its words, with `extra[key]` translations learned from the
/// pair added to a word's senses. A word weighs `ln(1 + units / units holding it)` on its side.
pub fn attach(units: &mut [Unit], words: &[Vec<(u32, Vec<u32>)>], extra: &HashMap<u32, Vec<u32>>, concepts: usize) {
    let mut df = vec![0u32; concepts];
    for ws in words {
        let mut seen: Vec<u32> = ws.iter().map(|w| w.0).collect();
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            df[k as usize] += 1;
        }
    }
    let n = units.len().max(1) as f32;
    for (unit, ws) in units.iter_mut().zip(words) {
        let mut lex = Lex { starts: vec![0], ..Lex::default() };
        for (key, senses) in ws {
            let more = extra.get(key).map_or(&[][..], Vec::as_slice);
            let concepts = std::iter::once(*key).chain(senses.iter().copied()).chain(more.iter().copied());
            lex.push_word((1.0 + n / df[*key as usize].max(1) as f32).ln(), concepts);
        }
        lex.offers = lex.concepts.clone();
        lex.offers.sort_unstable();
        lex.offers.dedup();
        lex.total = lex.weights.iter().sum();
        unit.lex = lex;
    }
}

/// What a unit brings to a group of two or more when none of its words is answered on the
/// other side: the share of the link is this much lower for it. A caption, a page footer or
/// the next sentence taken into a link by its length alone pays for it; measured on the MAC
/// development chapters (not the test ones), it took strict F1 from 0.838 to 0.851.
const IDLE: f32 = 0.1;

/// How much of a link's two groups answers the other, about 0 to 1 (`None`: no words), less
/// [`IDLE`] for each unit of a group of two or more whose words find nothing.
/// `pairs(u, v)` gives what unit `u` of the left group finds in unit `v` of the right group and
/// the reverse; a word found in two units of a group counts once at most, roughly (capped).
pub fn similarity(left: &[Unit], right: &[Unit], pairs: impl Fn(usize, usize) -> (f32, f32)) -> Option<f32> {
    let total: f32 = left.iter().chain(right).map(|u| u.lex.total).sum();
    if total <= 0.0 {
        return None;
    }
    let mut found = 0.0;
    let mut idle = 0.0;
    let mut right_found = [0.0f32; crate::core::alignment::MAX_GROUP];
    for (a, u) in left.iter().enumerate() {
        let mut mine = 0.0;
        for (b, slot) in right_found.iter_mut().enumerate().take(right.len()) {
            let (x, y) = pairs(a, b);
            mine += x;
            *slot += y;
        }
        found += mine.min(u.lex.total);
        if left.len() > 1 && u.lex.total > 0.0 && mine == 0.0 {
            idle += 1.0;
        }
    }
    for (b, v) in right.iter().enumerate() {
        found += right_found[b].min(v.lex.total);
        if right.len() > 1 && v.lex.total > 0.0 && right_found[b] == 0.0 {
            idle += 1.0;
        }
    }
    Some(found / total - IDLE * idle)
}

/// At most this many links teach the lexicon (evenly spread over the pair): enough to learn
/// a text's own names and terms, and a long record does not pay for all of its links.
const TEACHING_LINKS: usize = 1_500;

/// A lexicon learned from the pair (IBM Model 1, both directions, over links the first pass is
/// sure of): left key → right keys that translate it, and right key → left keys. Only pairs
/// both directions agree on, seen at least twice, are kept.
pub fn learn(words: &Words, links: &[(usize, usize)]) -> (HashMap<u32, Vec<u32>>, HashMap<u32, Vec<u32>>) {
    let step = links.len().div_ceil(TEACHING_LINKS).max(1);
    // Every (left key, right key) that meets in a link gets an index once; each link is then
    // the grid of its pairs' indices, left words by right words, and the rounds of EM are sums
    // over arrays.
    let mut index: HashMap<(u32, u32), u32> = HashMap::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut grids: Vec<(usize, usize, Vec<u32>)> = Vec::new();
    for &(i, j) in links.iter().step_by(step) {
        let (a, b) = (&words.left[i], &words.right[j]);
        if a.is_empty() || b.is_empty() {
            continue;
        }
        let mut grid = Vec::with_capacity(a.len() * b.len());
        for x in a {
            for y in b {
                let next = pairs.len() as u32;
                let id = *index.entry((x.0, y.0)).or_insert(next);
                if id == next {
                    pairs.push((x.0, y.0));
                }
                grid.push(id);
            }
        }
        grids.push((a.len(), b.len(), grid));
    }
    let forward = model1(&grids, &pairs, false);
    let backward = model1(&grids, &pairs, true);
    let mut seen = vec![0u32; pairs.len()];
    for (_, _, grid) in &grids {
        let mut ids = grid.clone();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            seen[id as usize] += 1;
        }
    }
    let (mut l2r, mut r2l): (HashMap<u32, Vec<u32>>, HashMap<u32, Vec<u32>>) = Default::default();
    for (id, &(x, y)) in pairs.iter().enumerate() {
        if x != y && seen[id] >= 2 && forward[id] >= 0.2 && backward[id] >= 0.2 {
            l2r.entry(x).or_default().push(y);
            r2l.entry(y).or_default().push(x);
        }
    }
    for list in l2r.values_mut().chain(r2l.values_mut()) {
        list.sort_unstable();
    }
    (l2r, r2l)
}

/// IBM Model 1 by expectation–maximisation, a few rounds from uniform: `t(right | left)` for
/// each pair (or `t(left | right)` when `backward`).
fn model1(grids: &[(usize, usize, Vec<u32>)], pairs: &[(u32, u32)], backward: bool) -> Vec<f32> {
    let mut t = vec![1.0f32; pairs.len()];
    let source = |id: u32| if backward { pairs[id as usize].1 } else { pairs[id as usize].0 };
    let mut totals: HashMap<u32, f32> = HashMap::new();
    for _ in 0..5 {
        let mut counts = vec![0.0f32; pairs.len()];
        for (n, m, grid) in grids {
            // Each target word spreads one count over the source words of its link.
            let (sources, targets) = if backward { (*m, *n) } else { (*n, *m) };
            let at = |s: usize, g: usize| if backward { grid[g * m + s] } else { grid[s * m + g] };
            for g in 0..targets {
                let z: f32 = (0..sources).map(|s| t[at(s, g) as usize]).sum();
                if z > 0.0 {
                    for s in 0..sources {
                        let id = at(s, g) as usize;
                        counts[id] += t[id] / z;
                    }
                }
            }
        }
        totals.clear();
        for (id, &c) in counts.iter().enumerate() {
            *totals.entry(source(id as u32)).or_default() += c;
        }
        for (id, c) in counts.into_iter().enumerate() {
            let total = totals[&source(id as u32)];
            t[id] = if total > 0.0 { c / total } else { 0.0 };
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(words: &[u32]) -> Unit {
        let mut u = Unit::narration(10.0);
        let ws: Vec<(u32, Vec<u32>)> = words.iter().map(|&w| (w, Vec::new())).collect();
        attach(std::slice::from_mut(&mut u), &[ws], &HashMap::new(), 100);
        u
    }

    fn sim(left: &[Unit], right: &[Unit]) -> f32 {
        similarity(left, right, |a, b| (left[a].lex.matched_in(&right[b].lex), right[b].lex.matched_in(&left[a].lex)))
            .unwrap()
    }

    #[test]
    fn a_unit_whose_words_find_nothing_costs_its_group() {
        let (a, b) = (unit(&[1, 2, 3]), unit(&[4, 5]));
        let (x, caption) = (unit(&[1, 2, 3, 4, 5]), unit(&[9]));
        // The sentence split in two on the left: both halves are answered.
        let split = sim(&[a.clone(), b.clone()], std::slice::from_ref(&x));
        assert!((split - 1.0).abs() < 1e-6, "{split}");
        // A caption taken in with one sentence: the share falls by more than its words' weight.
        let plain = sim(std::slice::from_ref(&a), std::slice::from_ref(&x));
        let with_caption = sim(&[a.clone(), caption.clone()], std::slice::from_ref(&x));
        let words_only = (2.0 * a.lex.total) / (a.lex.total + caption.lex.total + x.lex.total);
        assert!(with_caption < plain && (with_caption - (words_only - IDLE)).abs() < 1e-6, "{with_caption}");
    }
}
