//! Which words of a sentence group answer which: numbers, names and tokens spelled alike, a bundled dictionary's senses and the pair's learned lexicon — only where the match is unambiguous, never a guess.

use std::collections::HashMap;
use std::ops::Range;

use super::sentences::{RowSentences, Sentence};
use crate::core::alignment::Learned;
use crate::core::lexicon::{self, Word};
use crate::core::side::Side;
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

/// The most words a group of candidates may hold on a side and still be linked.
const CROWD: usize = 8;

/// One sentence's words, each with where it is.
type Spotted = Vec<(Spot, Word)>;

/// The word links of every sentence group of `rows` (one list per row); `None` once `stop`
/// says so.
pub fn of_rows(
    left: &Turns,
    right: &Turns,
    rows: &[RowSentences],
    lexicon: &Lexicon,
    stop: impl Fn() -> bool + Sync,
) -> Option<Vec<Vec<WordLink>>> {
    let dictionaries = super::lexical::dictionaries_for(&left.turns, &right.turns);
    // Each side's words, sentence by sentence, row by row; the two sides on two threads.
    let read = |side: Side| -> Option<Vec<Vec<Spotted>>> {
        let turns = if side == Side::Left { left } else { right };
        rows.iter()
            .enumerate()
            .map(|(k, row)| {
                if k % 64 == 0 && stop() {
                    return None;
                }
                if !row.groups.iter().any(|g| !g.left.is_empty() && !g.right.is_empty()) {
                    return Some(Vec::new());
                }
                let list = if side == Side::Left { &row.left } else { &row.right };
                Some(list.iter().map(|s: &Sentence| spotted(turns, s.turn, s.range.clone(), dictionaries)).collect())
            })
            .collect()
    };
    let (lw, rw) = std::thread::scope(|s| {
        let r = s.spawn(|| read(Side::Right));
        (read(Side::Left), r.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    });
    let (lw, rw) = (lw?, rw?);
    let out = rows
        .iter()
        .zip(lw.iter().zip(&rw))
        .map(|(row, (lw, rw))| {
            let mut out = Vec::new();
            for g in row.groups.iter().filter(|g| !g.left.is_empty() && !g.right.is_empty()) {
                let l: Vec<&(Spot, Word)> = lw[g.left.clone()].iter().flatten().collect();
                let r: Vec<&(Spot, Word)> = rw[g.right.clone()].iter().flatten().collect();
                out.extend(link(&l, &r, lexicon));
            }
            out
        })
        .collect();
    Some(out)
}

/// The dictionaries a pair's words are looked up in (see [`answering`]).
pub fn dictionaries(left: &Turns, right: &Turns) -> lexicon::Dictionaries {
    super::lexical::dictionaries_for(&left.turns, &right.turns)
}

/// How far two passages of a pair answer each other wherever they stand: the links between
/// their words (as [`link`] makes them) and how many words each has, marks aside.
pub fn answering(
    [left, right]: [&Turns; 2],
    turns: [Range<usize>; 2],
    dictionaries: lexicon::Dictionaries,
    lexicon: &Lexicon,
) -> (usize, [usize; 2]) {
    // Marks (`p:?`) aside: two passages that both ask something are no translation of each other.
    let words = |side: &Turns, range: Range<usize>| -> Spotted {
        range
            .flat_map(|t| spotted(side, t, 0..side.turns[t].text.len(), dictionaries))
            .filter(|(_, w)| !w.key.starts_with("p:"))
            .collect()
    };
    let [l, r] = turns;
    let (l, r) = (words(left, l), words(right, r));
    let links = link(&l.iter().collect::<Vec<_>>(), &r.iter().collect::<Vec<_>>(), lexicon).len();
    (links, [l.len(), r.len()])
}

/// The words of bytes `range` of turn `turn`, each with where it is in the turn.
fn spotted(turns: &Turns, turn: usize, range: Range<usize>, dictionaries: lexicon::Dictionaries) -> Spotted {
    let at = range.start;
    lexicon::words_with(&turns.turns[turn].text[range], dictionaries)
        .into_iter()
        .map(|w| (Spot { turn, range: at + w.span.start..at + w.span.end }, w))
        .collect()
}

/// Links the words of two stretches of text that translate each other. A left word and a right
/// word are candidates when one's key is among the other's senses (or they share a sense, or
/// the learned lexicon pairs them); they are linked only when neither has another candidate,
/// or when all the candidates around them are one word repeated as often on both sides
/// (paired in order).
pub fn link(left: &[&(Spot, Word)], right: &[&(Spot, Word)], lexicon: &Lexicon) -> Vec<WordLink> {
    // Which right words each key and sense stands in, and each key alone: a left word looks
    // up its own key and senses there instead of meeting every right word.
    let mut by_concept: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    // Left keys the right words learned to stand for.
    let mut learned_back: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, (_, w)) in right.iter().enumerate() {
        by_key.entry(w.key.as_str()).or_default().push(j);
        for k in lexicon.r2l.get(&w.key).into_iter().flatten() {
            learned_back.entry(k.as_str()).or_default().push(j);
        }
        for c in std::iter::once(&w.key).chain(&w.senses) {
            let list = by_concept.entry(c.as_str()).or_default();
            if list.last() != Some(&j) {
                list.push(j);
            }
        }
    }
    // A key or sense found more than CROWD times on the right can link none of the words it
    // reaches (a group of candidates that large is never clear): a left word meeting such a
    // crowd is marked, and so is the crowd, once, instead of meeting every member (a word
    // repeated thousands of times in one long sentence would cost the square of its count).
    let mut blocked = (vec![false; left.len()], vec![false; right.len()]);
    let mut crowds_met: std::collections::HashSet<*const Vec<usize>> = Default::default();
    // Candidates: (left index, right index, why), each pair once with its strongest reason.
    let mut edges: Vec<(usize, usize, Why)> = Vec::new();
    for (i, (_, lw)) in left.iter().enumerate() {
        if lw.key.starts_with("p:") {
            continue;
        }
        let mut found: Vec<(usize, Why)> = Vec::new();
        let mut meet = |list: Option<&Vec<usize>>, why: Why| match list {
            Some(list) if list.len() > CROWD => {
                blocked.0[i] = true;
                if crowds_met.insert(std::ptr::from_ref(list)) {
                    for &j in list {
                        blocked.1[j] = true;
                    }
                }
            }
            Some(list) => found.extend(list.iter().map(|&j| (j, why))),
            None => {}
        };
        meet(by_key.get(lw.key.as_str()), Why::Same);
        for c in std::iter::once(&lw.key).chain(&lw.senses) {
            meet(by_concept.get(c.as_str()), Why::Dictionary);
        }
        for k in lexicon.l2r.get(&lw.key).into_iter().flatten() {
            meet(by_key.get(k.as_str()), Why::Learned);
        }
        meet(learned_back.get(lw.key.as_str()), Why::Learned);
        if blocked.0[i] {
            continue;
        }
        // Same before Dictionary before Learned: the first of each right word is kept.
        found.sort_by_key(|&(j, why)| (j, why as u8));
        found.dedup_by_key(|&mut (j, _)| j);
        edges.extend(found.into_iter().map(|(j, why)| (i, j, why)));
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
        g.0.push(i);
        g.1.push(j);
    }
    let why_of: HashMap<(usize, usize), Why> = edges.iter().map(|&(i, j, w)| ((i, j), w)).collect();
    let mut out = Vec::new();
    for (mut ls, mut rs) in groups.into_values() {
        ls.sort_unstable();
        ls.dedup();
        rs.sort_unstable();
        rs.dedup();
        let one_key = |ks: &[usize], side: &[&(Spot, Word)]| ks.iter().all(|&k| side[k].1.key == side[ks[0]].1.key);
        // One with one; or one word repeated n times on each side, every pair a candidate.
        // (A crowd of candidates is never clear: the test below would cost its square.)
        let clear = ls.len() == rs.len()
            && ls.len() <= CROWD
            && !ls.iter().any(|&i| blocked.0[i])
            && !rs.iter().any(|&j| blocked.1[j])
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
        let (l, r) = (spotted(left), spotted(right));
        link(&l.iter().collect::<Vec<_>>(), &r.iter().collect::<Vec<_>>(), &Lexicon::default())
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

    #[test]
    fn a_word_repeated_thousands_of_times_links_nothing_and_costs_little() {
        let left = "Lyon ".repeat(20_000) + "Grenoble";
        let right = "Lyon ".repeat(20_000) + "Grenoble";
        let start = std::time::Instant::now();
        let found = pairs(&left, &right);
        assert_eq!(found, [("Grenoble".to_string(), "Grenoble".to_string())]);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }
}
