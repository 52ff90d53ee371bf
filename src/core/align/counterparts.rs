//! Which words of a sentence group answer which: numbers, names and tokens spelled alike, a bundled dictionary's senses and the pair's learned lexicon — only where the match is unambiguous, never a guess.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::sentences::RowSentences;
use crate::core::alignment::Learned;
use crate::core::lexicon::{self, Dictionaries, Word};
use crate::core::turns::Turns;

/// Where a word is: its turn and the bytes it takes of the turn's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spot {
    pub turn: usize,
    pub range: Range<usize>,
}

/// Why two words are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The same number, name or token on both sides.
    Same,
    /// A bundled dictionary gives one as a translation of the other.
    Dictionary,
    /// The lexicon learned from this pair's own aligned sentences.
    Learned,
}

/// A word of the left side linked with a word of the right side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordLink {
    pub left: Spot,
    pub right: Spot,
    pub why: Why,
}

/// The words each side's word may stand for, learned from the pair, by key.
#[derive(Debug, Default)]
pub struct Lexicon {
    l2r: HashMap<String, Vec<String>>,
    r2l: HashMap<String, Vec<String>>,
}

impl Lexicon {
    pub fn of(learned: &Learned) -> Lexicon {
        let mut out = Lexicon::default();
        for (a, b) in learned.lexicon.iter() {
            out.l2r.entry(a.clone()).or_default().push(b.clone());
            out.r2l.entry(b.clone()).or_default().push(a.clone());
        }
        out
    }
}

/// The word links of every sentence group of `rows` (one list per row); `None` once `stop`
/// says so.
pub fn of_rows(
    left: &Turns,
    right: &Turns,
    rows: &[RowSentences],
    lexicon: &Lexicon,
    stop: impl Fn() -> bool,
) -> Option<Vec<Vec<WordLink>>> {
    let chinese = |t: &Turns| t.turns.iter().take(200).any(|t| t.text.chars().any(crate::core::text::is_han));
    let dictionaries = if chinese(left) || chinese(right) { Dictionaries::Chinese } else { Dictionaries::All };
    rows.iter()
        .enumerate()
        .map(|(k, row)| {
            if k % 64 == 0 && stop() {
                return None;
            }
            let mut out = Vec::new();
            for g in &row.groups {
                if g.left.is_empty() || g.right.is_empty() {
                    continue;
                }
                let words = |turns: &Turns, sentences: &[super::sentences::Sentence]| -> Vec<(Spot, Word)> {
                    sentences
                        .iter()
                        .flat_map(|s| {
                            let text = &turns.turns[s.turn].text[s.range.clone()];
                            lexicon::words_with(text, dictionaries).into_iter().map(move |w| {
                                let range = s.range.start + w.span.start..s.range.start + w.span.end;
                                (Spot { turn: s.turn, range }, w)
                            })
                        })
                        .collect()
                };
                let l = words(left, &row.left[g.left.clone()]);
                let r = words(right, &row.right[g.right.clone()]);
                out.extend(link(&l, &r, lexicon));
            }
            Some(out)
        })
        .collect()
}

/// Links the words of two stretches of text that translate each other. A left word and a right
/// word are candidates when one's key is among the other's senses (or they share a sense, or
/// the learned lexicon pairs them); they are linked only when neither has another candidate,
/// or when all the candidates around them are one word repeated as often on both sides
/// (paired in order).
pub fn link(left: &[(Spot, Word)], right: &[(Spot, Word)], lexicon: &Lexicon) -> Vec<WordLink> {
    fn concepts(w: &Word) -> HashSet<&str> {
        std::iter::once(w.key.as_str()).chain(w.senses.iter().map(String::as_str)).collect()
    }
    let rc: Vec<HashSet<&str>> = right.iter().map(|(_, w)| concepts(w)).collect();
    // Candidates: (left index, right index, why).
    let mut edges: Vec<(usize, usize, Why)> = Vec::new();
    for (i, (_, lw)) in left.iter().enumerate() {
        if lw.key.starts_with("p:") {
            continue;
        }
        let lc = concepts(lw);
        let learned = lexicon.l2r.get(&lw.key);
        for (j, (_, rw)) in right.iter().enumerate() {
            let why = if lw.key == rw.key {
                Some(Why::Same)
            } else if !lc.is_disjoint(&rc[j]) {
                Some(Why::Dictionary)
            } else if learned.is_some_and(|ks| ks.contains(&rw.key))
                || lexicon.r2l.get(&rw.key).is_some_and(|ks| ks.contains(&lw.key))
            {
                Some(Why::Learned)
            } else {
                None
            };
            if let Some(why) = why {
                edges.push((i, j, why));
            }
        }
    }
    // Connected groups of candidates, each decided on its own.
    let mut parent: Vec<usize> = (0..left.len() + right.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(i, j, _) in &edges {
        let (a, b) = (find(&mut parent, i), find(&mut parent, left.len() + j));
        parent[a] = b;
    }
    let mut groups: HashMap<usize, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for &(i, j, _) in &edges {
        let root = find(&mut parent, i);
        let g = groups.entry(root).or_default();
        if !g.0.contains(&i) {
            g.0.push(i);
        }
        if !g.1.contains(&j) {
            g.1.push(j);
        }
    }
    let why_of: HashMap<(usize, usize), Why> = edges.iter().map(|&(i, j, w)| ((i, j), w)).collect();
    let mut out = Vec::new();
    for (mut ls, mut rs) in groups.into_values() {
        ls.sort_unstable();
        rs.sort_unstable();
        let one_key = |ks: &[usize], side: &[(Spot, Word)]| ks.iter().all(|&k| side[k].1.key == side[ks[0]].1.key);
        // One with one; or one word repeated n times on each side, every pair a candidate.
        let clear = ls.len() == rs.len()
            && (ls.len() == 1
                || one_key(&ls, left)
                    && one_key(&rs, right)
                    && ls.iter().all(|&i| rs.iter().all(|&j| why_of.contains_key(&(i, j)))));
        if !clear {
            continue;
        }
        for (&i, &j) in ls.iter().zip(&rs) {
            out.push(WordLink { left: left[i].0.clone(), right: right[j].0.clone(), why: why_of[&(i, j)] });
        }
    }
    out.sort_by_key(|l| (l.left.turn, l.left.range.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spotted(text: &str) -> Vec<(Spot, Word)> {
        lexicon::words(text).into_iter().map(|w| (Spot { turn: 0, range: w.span.clone() }, w)).collect()
    }

    fn pairs(left: &str, right: &str) -> Vec<(String, String)> {
        link(&spotted(left), &spotted(right), &Lexicon::default())
            .into_iter()
            .map(|l| (left[l.left.range].to_string(), right[l.right.range].to_string()))
            .collect()
    }

    #[test]
    fn numbers_names_and_dictionary_words_find_their_counterparts() {
        let found = pairs("陈清扬在一九八八年去了北京。", "Chen Qingyang went to Beijing in 1988.");
        assert!(found.contains(&("北京".into(), "Beijing".into())), "{found:?}");
        let found = pairs("Le gouvernement a vendu 1 200 maisons à Lyon.", "The government sold 1,200 houses in Lyon.");
        assert!(found.contains(&("Lyon".into(), "Lyon".into())), "{found:?}");
        assert!(found.contains(&("gouvernement".into(), "government".into())), "{found:?}");
    }

    #[test]
    fn an_ambiguous_match_is_left_unlinked_and_a_repeated_word_pairs_in_order() {
        // One right word for two left ones: which one it renders is a guess, so neither.
        assert_eq!(pairs("Marie a vu Marie.", "Marie saw herself."), Vec::<(String, String)>::new());
        let found = pairs("Lyon, Lyon", "Lyon et Lyon");
        assert_eq!(found.len(), 2, "{found:?}");
    }
}
