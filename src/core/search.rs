//! Finding a passage: case-, accent- and width-insensitive matching, character by character.
//!
//! Both the query and the text are folded the same way — lower case, accents removed (`é` → `e`),
//! full-width forms made half-width (`ＧＰＴ` → `gpt`, `：` → `:`), typographic apostrophes made
//! straight — and compared character by character, so Chinese needs no word boundaries.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use super::document::Pair;
use super::side::Side;
use super::text::{fold_width, is_han};

/// Folds one character into what search compares (possibly several characters, as `œ` → `oe`).
fn fold(c: char, out: &mut Vec<char>) {
    if c.is_ascii() {
        out.push(if c.is_ascii_whitespace() { ' ' } else { c.to_ascii_lowercase() });
        return;
    }
    if is_han(c) {
        out.push(c);
        return;
    }
    let c = fold_width(c);
    match c {
        '’' | '‘' | 'ʼ' | '′' => out.push('\''),
        '“' | '”' | '«' | '»' => out.push('"'),
        '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\n' | '\t' => out.push(' '),
        'œ' | 'Œ' => out.extend(['o', 'e']),
        'æ' | 'Æ' => out.extend(['a', 'e']),
        'ß' => out.extend(['s', 's']),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => {
            for d in std::iter::once(c).nfd() {
                if !matches!(d as u32, 0x0300..=0x036F) {
                    out.extend(d.to_lowercase());
                }
            }
        }
    }
}

/// A text folded the way search compares it: lower case, no accents, half-width.
pub fn fold_text(text: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        fold(c, &mut out);
    }
    out
}

/// A query, folded once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    needle: Vec<char>,
}

impl Query {
    /// `None` for a query with nothing to look for.
    pub fn new(text: &str) -> Option<Query> {
        let mut needle = Vec::new();
        for c in text.trim().chars() {
            fold(c, &mut needle);
        }
        (!needle.is_empty()).then_some(Query { needle })
    }

    /// Where the query occurs in `text`, as ranges of character indices into `text`.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        let mut hits = Vec::new();
        self.find_into(text, &mut Scratch::default(), &mut hits);
        hits
    }

    /// [`Self::find`] reusing buffers, appending to `hits`.
    fn find_into(&self, text: &str, scratch: &mut Scratch, hits: &mut Vec<Range<usize>>) {
        let Scratch { folded, origin, buf } = scratch;
        folded.clear();
        origin.clear();
        for (i, c) in text.chars().enumerate() {
            buf.clear();
            fold(c, buf);
            folded.extend_from_slice(buf);
            origin.extend(std::iter::repeat_n(i, buf.len()));
        }
        let n = self.needle.len();
        let first = self.needle[0];
        let mut k = 0;
        while k + n <= folded.len() {
            if folded[k] == first && folded[k..k + n] == self.needle[..] {
                hits.push(origin[k]..origin[k + n - 1] + 1);
                k += n;
            } else {
                k += 1;
            }
        }
    }
}

/// Buffers reused from one turn to the next.
#[derive(Default)]
struct Scratch {
    folded: Vec<char>,
    origin: Vec<usize>,
    buf: Vec<char>,
}

/// Which columns a search looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Both,
    Left,
    Right,
}

/// One occurrence: which side, which turn, which characters of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub side: Side,
    pub turn: usize,
    pub chars: Range<usize>,
    /// The alignment row (link) holding the turn.
    pub row: usize,
}

/// Every occurrence in a pair, in reading order: by row, left before right.
pub fn search(pair: &Pair, query: &Query, scope: Scope) -> Vec<Hit> {
    search_until(pair, query, scope, || false).unwrap_or_default()
}

/// [`search`], giving up (`None`) as soon as `stop` says so (checked every 256 rows).
pub fn search_until(pair: &Pair, query: &Query, scope: Scope, stop: impl Fn() -> bool) -> Option<Vec<Hit>> {
    let mut hits = Vec::new();
    let (mut scratch, mut found) = (Scratch::default(), Vec::new());
    for (row, link) in pair.alignment.links.iter().enumerate() {
        if row % 256 == 0 && stop() {
            return None;
        }
        for side in Side::BOTH {
            if (scope == Scope::Left && side == Side::Right) || (scope == Scope::Right && side == Side::Left) {
                continue;
            }
            let doc = pair.doc(side);
            for turn in link.turns(side).clone() {
                found.clear();
                query.find_into(&doc.turns.turns[turn].text, &mut scratch, &mut found);
                hits.extend(found.drain(..).map(|chars| Hit { side, turn, chars, row }));
            }
        }
    }
    Some(hits)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn find(query: &str, text: &str) -> Vec<Range<usize>> {
        Query::new(query).unwrap().find(text)
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(find("modele", "Le grand Modèle."), [9..15]);
        assert_eq!(find("ETE", "Il a été là cet été."), [5..8, 16..19]);
        assert_eq!(find("été", "ETE"), [0..3]);
        assert_eq!(find("oeuvre", "cette première œuvre"), [15..20]);
        assert_eq!(find("c'est", "c’est le rythme"), [0..5]);
    }

    #[test]
    fn chinese_is_matched_by_characters() {
        assert_eq!(find("节奏", "最难的是节奏。"), [4..6]);
        assert_eq!(find("奏。中", "节奏。中文"), [1..4]);
        assert!(find("节拍", "最难的是节奏。").is_empty());
    }

    #[test]
    fn full_and_half_width_forms_are_alike() {
        assert_eq!(find("GPT-4", "比如ＧＰＴ－４和DeepL"), [2..7]);
        assert_eq!(find("林晓：", "林晓:你好"), [0..3]);
        assert_eq!(find("deepl", "ＤｅｅｐＬ"), [0..5]);
    }

    #[test]
    fn a_search_can_be_stopped() {
        use crate::core::document::{Document, Pair};
        let doc =
            Document::from_text("a", "Q: un modèle ?\n\nA: Oui, un modèle.\n\nQ: Et alors ?\n\nA: Rien.", "UTF-8", 0);
        let pair = Pair::new(doc.clone(), doc);
        let q = Query::new("MODELE").unwrap();
        assert_eq!(search(&pair, &q, Scope::Both).len(), 4);
        assert_eq!(search(&pair, &q, Scope::Right).len(), 2);
        assert_eq!(search_until(&pair, &q, Scope::Both, || true), None);
    }

    #[test]
    fn empty_queries_find_nothing() {
        assert!(Query::new("  ").is_none());
        assert_eq!(find("aa", "aaaa"), [0..2, 2..4], "occurrences do not overlap");
    }
}
