//! Review: what differs between a text and its translation, pair by pair — numbers that do not
//! match, missing or added text, a shortened answer, a turn left untranslated, names on one side
//! only, passages given twice, speakers that contradict the rest of the pair.
//!
//! One result ([`Flag`]s in row order) for many readers: the window, `tandem check`, exports.

mod consistency;
pub mod dismissed;
mod duplicates;
pub mod glossary;
mod moved;
mod names;
pub mod numbers;
mod pairs;
mod rows;
mod units;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::document::Pair;
use super::hash::Fnv;
use super::side::{Side, Sides};
pub use glossary::Glossary;

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlagKind {
    Numbers,
    Missing,
    Added,
    Length,
    Untranslated,
    Names,
    Duplicate,
    Speaker,
    Pairs,
    Consistency,
    Glossary,
    Tokens,
}

impl FlagKind {
    pub const ALL: [FlagKind; 12] = [
        FlagKind::Numbers,
        FlagKind::Missing,
        FlagKind::Added,
        FlagKind::Length,
        FlagKind::Untranslated,
        FlagKind::Names,
        FlagKind::Duplicate,
        FlagKind::Speaker,
        FlagKind::Pairs,
        FlagKind::Consistency,
        FlagKind::Glossary,
        FlagKind::Tokens,
    ];

    /// The name used on the command line and in JSON (`numbers`, `missing`…).
    pub fn name(self) -> &'static str {
        match self {
            FlagKind::Numbers => "numbers",
            FlagKind::Missing => "missing",
            FlagKind::Added => "added",
            FlagKind::Length => "length",
            FlagKind::Untranslated => "untranslated",
            FlagKind::Names => "names",
            FlagKind::Duplicate => "duplicate",
            FlagKind::Speaker => "speaker",
            FlagKind::Pairs => "pairs",
            FlagKind::Consistency => "consistency",
            FlagKind::Glossary => "glossary",
            FlagKind::Tokens => "tokens",
        }
    }

    /// What a person calls it, for the window.
    pub fn title(self) -> &'static str {
        match self {
            FlagKind::Numbers => "Numbers differ",
            FlagKind::Missing => "Only on the left",
            FlagKind::Added => "Only on the right",
            FlagKind::Length => "Unusual length",
            FlagKind::Untranslated => "Untranslated",
            FlagKind::Names => "Names and tokens",
            FlagKind::Duplicate => "Given twice",
            FlagKind::Speaker => "Speaker",
            FlagKind::Pairs => "Brackets and repeats",
            FlagKind::Consistency => "Inconsistent",
            FlagKind::Glossary => "Glossary",
            FlagKind::Tokens => "Not copied exactly",
        }
    }

    /// Reads a kind's name.
    pub fn parse(name: &str) -> Option<FlagKind> {
        FlagKind::ALL.into_iter().find(|k| k.name() == name.trim())
    }
}

/// Words of one turn that a flag points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub turn: usize,
    /// Characters of the turn's text.
    pub chars: Range<usize>,
    /// The words as written.
    pub text: String,
}

/// One thing worth a look, at one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    pub kind: FlagKind,
    /// The row (link) of the alignment, 0-based.
    pub row: usize,
    /// Lines (1-based, inclusive, in the original file) on each side, where the side has text.
    pub lines: Sides<Option<(usize, usize)>>,
    /// The exact words, for numbers and names.
    pub spans: Sides<Vec<Span>>,
    /// A short sentence a person understands.
    pub message: String,
}

impl Flag {
    /// The words of one side, as written.
    pub fn words(&self, side: Side) -> Vec<&str> {
        self.spans[side].iter().map(|s| s.text.as_str()).collect()
    }

    /// What identifies every flag like this one in the pair — its kind and its words, wherever
    /// they are (`KLL: only on the left`, `100 p. 100 ≠ 100%` at every row): dismissed once for
    /// all of them ("Not a problem for all like this"). `None` for a flag without words (text
    /// missing, a length), which has no values to match. Unchanged by a swap of the sides.
    pub fn pattern(&self) -> Option<u64> {
        if self.spans.left.is_empty() && self.spans.right.is_empty() {
            return None;
        }
        let side_hash = |side: Side| {
            let mut words: Vec<String> = self.spans[side].iter().map(|s| s.text.to_lowercase()).collect();
            words.sort_unstable();
            words.dedup();
            let mut h = Fnv::default();
            for w in words {
                h.write(w.as_bytes());
                h.write(b"|");
            }
            h.0
        };
        Some(self.either_way(b"pattern:", side_hash(Side::Left), side_hash(Side::Right)))
    }

    /// Whether this flag, of key `key`, is dismissed by `dismissed`: by its own key, or by its
    /// pattern.
    pub fn dismissed_by(&self, key: u64, dismissed: &std::collections::BTreeSet<u64>) -> bool {
        dismissed.contains(&key) || self.pattern().is_some_and(|p| dismissed.contains(&p))
    }

    /// What identifies this flag across runs, re-alignments and a swap of the sides: its kind,
    /// its words and the text of its row — not the row number, which moves when links change.
    pub fn key(&self, pair: &Pair) -> u64 {
        let side_hash = |side: Side| {
            let mut h = Fnv::default();
            if let Some(link) = pair.alignment.links.get(self.row) {
                let doc = pair.doc(side);
                for t in link.turns(side).clone() {
                    h.write(doc.turns.turns[t].text.as_bytes());
                    h.write(b"\n");
                }
            }
            for s in &self.spans[side] {
                h.write(s.text.as_bytes());
                h.write(b"|");
            }
            h.0
        };
        self.either_way(b"", side_hash(Side::Left), side_hash(Side::Right))
    }

    /// The hash of `prefix`, this flag's kind and its two sides' hashes, the same whichever side
    /// is left: a swap turns "missing" into "added" and the sides round, and keeps the key.
    fn either_way(&self, prefix: &[u8], a: u64, b: u64) -> u64 {
        let mut h = Fnv::default();
        h.write(prefix);
        let kind = match self.kind {
            FlagKind::Added => FlagKind::Missing,
            k => k,
        };
        h.write(kind.name().as_bytes());
        h.write(&a.min(b).to_le_bytes());
        h.write(&a.max(b).to_le_bytes());
        h.0
    }
}

/// A passage's identity, for telling the same passage said again: the hash of its letters and
/// digits, lower case, spaces and punctuation of any script left out (`点灯的油，并作` is
/// `点灯的油并作` said again), and how many of them are Latin (or other) and CJK.
#[derive(Debug, Clone, Copy)]
struct PassageKey {
    hash: u64,
    latin: usize,
    cjk: usize,
}

impl PassageKey {
    fn of(text: &str) -> PassageKey {
        use crate::core::text::{is_alnum, is_cjk, is_han};
        let mut h = Fnv::default();
        let (mut latin, mut cjk) = (0, 0);
        let mut buf = [0u8; 4];
        for c in text.chars() {
            if c.is_ascii() {
                // The common cases first, without a table look-up.
                if c.is_ascii_alphanumeric() {
                    h.write(&[c.to_ascii_lowercase() as u8]);
                    latin += 1;
                }
            } else if is_han(c) {
                h.write(c.encode_utf8(&mut buf).as_bytes());
                cjk += 1;
            } else if is_alnum(c) {
                for l in c.to_lowercase() {
                    h.write(l.encode_utf8(&mut buf).as_bytes());
                }
                if is_cjk(c) {
                    cjk += 1;
                } else {
                    latin += 1;
                }
            }
        }
        PassageKey { hash: h.0, latin, cjk }
    }
}

/// The lines of some turns of a side, or `None` when there are none.
fn lines_of(pair: &Pair, side: Side, turns: &Range<usize>) -> Option<(usize, usize)> {
    let t = &pair.doc(side).turns.turns;
    (!turns.is_empty()).then(|| (t[turns.start].first_line, t[turns.end - 1].last_line))
}

/// A flag at a row, with the lines of both sides filled in.
fn flag_at(pair: &Pair, kind: FlagKind, row: usize, spans: Sides<Vec<Span>>, message: String) -> Flag {
    let link = &pair.alignment.links[row];
    let lines = Sides::from_fn(|side| lines_of(pair, side, link.turns(side)));
    Flag { kind, row, lines, spans, message }
}

/// Every flag of a pair, in row order (and by kind within a row).
pub fn check(pair: &Pair) -> Vec<Flag> {
    check_with(pair, &Glossary::default())
}

/// [`check`], with the terms of a glossary.
pub fn check_with(pair: &Pair, glossary: &Glossary) -> Vec<Flag> {
    check_until(pair, glossary, || false).unwrap_or_default()
}

/// [`check_with`], giving up (`None`) as soon as `stop` says so. The rows are checked on as many
/// threads as there are cores (the pair's statistics, its names and its duplicates first).
pub fn check_until(pair: &Pair, glossary: &Glossary, stop: impl Fn() -> bool + Sync) -> Option<Vec<Flag>> {
    let (stats, vocab, mut flags) = std::thread::scope(|s| {
        let stats = s.spawn(|| rows::Stats::of(pair));
        let vocab = s.spawn(|| names::Vocabularies::of(pair));
        let mut whole = duplicates::check(pair);
        whole.extend(consistency::check(pair));
        whole.extend(pairs::check(pair));
        whole.extend(glossary::check(pair, glossary));
        (stats.join().expect("no panic"), vocab.join().expect("no panic"), whole)
    });
    if stop() {
        return None;
    }
    let links = &pair.alignment.links;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    // Chunks start at a paired row, so that a run of one-sided rows stays whole.
    let mut bounds = vec![0];
    for k in 1..threads {
        let at = links.len() * k / threads;
        let at = (at..links.len()).find(|&r| links[r].is_paired()).unwrap_or(links.len());
        if at > *bounds.last().expect("one bound") {
            bounds.push(at);
        }
    }
    bounds.push(links.len());
    bounds.dedup();
    let chunks: Vec<Option<(Vec<Flag>, Vec<numbers::RowNumbers>)>> = std::thread::scope(|s| {
        let handles: Vec<_> = bounds
            .windows(2)
            .map(|w| {
                let (rows, stats, vocab, stop) = (w[0]..w[1], &stats, &vocab, &stop);
                s.spawn(move || check_rows(pair, rows, stats, vocab, stop))
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("no panic")).collect()
    });
    let mut numbers = Vec::new();
    for chunk in chunks {
        let (chunk, odd) = chunk?;
        flags.extend(chunk);
        numbers.extend(odd);
    }
    // Numbers are settled over the whole pair: a row's neighbours and the rows that repeat them.
    flags.extend(numbers::flags(pair, numbers));
    moved::drop_moved(pair, &mut flags);
    flags.sort_by_key(|f| (f.row, f.kind));
    Some(flags)
}

fn check_rows(
    pair: &Pair,
    rows: Range<usize>,
    stats: &rows::Stats,
    vocab: &names::Vocabularies,
    stop: &(impl Fn() -> bool + Sync),
) -> Option<(Vec<Flag>, Vec<numbers::RowNumbers>)> {
    let links = &pair.alignment.links;
    let (mut flags, mut numbers) = (Vec::new(), Vec::new());
    let mut row = rows.start;
    while row < rows.end {
        if row.is_multiple_of(1024) && stop() {
            return None;
        }
        if links[row].is_paired() {
            numbers.extend(numbers::check_row(pair, row));
            flags.extend(names::check_row(pair, row, vocab));
            flags.extend(rows::check_paired(pair, row, stats));
            row += 1;
        } else {
            // A run of one-sided rows is one omission (and one addition), not one flag a row.
            let end = (row..rows.end).find(|&k| links[k].is_paired()).unwrap_or(rows.end);
            flags.extend(rows::check_one_sided(pair, row..end));
            numbers.extend((row..end).filter_map(|r| numbers::one_sided_row(pair, r)));
            row = end;
        }
    }
    Some((flags, numbers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back_from_their_names() {
        for k in FlagKind::ALL {
            assert_eq!(FlagKind::parse(k.name()), Some(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.name()));
        }
        assert_eq!(FlagKind::parse("bogus"), None);
    }

    #[test]
    fn flags_with_the_same_words_share_a_pattern_wherever_they_are() {
        let flag = |row: usize, kind: FlagKind, left: &[&str], right: &[&str]| {
            let spans = |words: &[&str]| {
                words.iter().map(|w| Span { turn: row, chars: 0..w.len(), text: w.to_string() }).collect::<Vec<_>>()
            };
            Flag {
                kind,
                row,
                lines: Sides::default(),
                spans: Sides::new(spans(left), spans(right)),
                message: String::new(),
            }
        };
        let a = flag(3, FlagKind::Names, &["OpenAI"], &[]);
        let b = flag(40, FlagKind::Names, &["OpenAI"], &[]);
        assert_eq!(a.pattern(), b.pattern(), "another row, the same words");
        assert_eq!(a.pattern(), flag(3, FlagKind::Names, &[], &["OpenAI"]).pattern(), "sides swapped");
        assert_ne!(a.pattern(), flag(3, FlagKind::Names, &["Anthropic"], &[]).pattern());
        assert_ne!(a.pattern(), flag(3, FlagKind::Glossary, &["OpenAI"], &[]).pattern(), "another kind");
        assert_eq!(flag(3, FlagKind::Missing, &[], &[]).pattern(), None, "no words, no pattern");
        let dismissed = std::collections::BTreeSet::from([a.pattern().unwrap()]);
        assert!(b.dismissed_by(7, &dismissed));
        assert!(!flag(3, FlagKind::Names, &["Anthropic"], &[]).dismissed_by(7, &dismissed));
    }
}
