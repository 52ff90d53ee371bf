//! Slips of typing a translation brings in: a bracket or quotation mark opened and never closed
//! (or closed and never opened) where the other side's are balanced, and a word given twice in a
//! row (`the the`, `de de`) where the other side repeats none.

use std::ops::Range;

use super::{Flag, FlagKind, Span, flag_at};
use crate::core::document::Pair;
use crate::core::side::{Side, Sides};

/// Opening and closing marks that come in pairs, in the scripts Tandem reads.
const PAIRS: [(char, char); 11] = [
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('“', '”'),
    ('«', '»'),
    ('「', '」'),
    ('『', '』'),
    ('（', '）'),
    ('【', '】'),
    ('《', '》'),
    ('〈', '〉'),
];

/// Words that grammar never gives twice in a row, so that twice is a slip of typing (`the the`,
/// `de de`); others repeat on purpose (`nous nous`, `had had`, `ha ha`, `yes yes`, a name said
/// twice).
const SLIPS: [&str; 36] = [
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "from", "by", "le", "la", "les", "un",
    "une", "des", "de", "du", "et", "à", "en", "dans", "pour", "sur", "par", "au", "aux", "der", "die", "das", "und",
    "mit",
];

/// A mark is closed in time when its closing one comes within this many turns: a speech quoted
/// over several sentences, one a line, is one quotation; a mark still open further on was left.
const WINDOW: usize = 40;
/// At most this many marks are open at once.
const MAX_OPEN: usize = 32;

/// Every mark of a side left alone — an opening one not closed within [`WINDOW`] turns, a
/// closing one never opened — as (turn, character, mark), in order.
fn strays<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<(usize, usize, char)> {
    let mut out = Vec::new();
    let mut open: Vec<(usize, usize, char)> = Vec::new();
    let mut chars: Vec<char> = Vec::new();
    for (t, text) in texts.enumerate() {
        // Openings too old to be closed now were left open.
        let old = open.iter().take_while(|&&(ot, _, _)| ot + WINDOW < t).count();
        out.extend(open.drain(..old));
        chars.clear();
        chars.extend(text.chars());
        for (k, &c) in chars.iter().enumerate() {
            let opens = PAIRS.iter().any(|&(o, _)| o == c);
            // A straight quote closes the one open, else opens.
            let straight_closes = c == '"' && open.iter().any(|&(_, _, x)| x == '"');
            if opens || (c == '"' && !straight_closes) {
                // Marks nested deeper than any text nests them were left open: a file of
                // brackets alone stays a linear read.
                if open.len() == MAX_OPEN {
                    out.push(open.remove(0));
                }
                open.push((t, k, c));
            } else if let Some(o) =
                PAIRS.iter().find(|&&(_, close)| close == c).map(|&(o, _)| o).or(straight_closes.then_some('"'))
            {
                match open.iter().rposition(|&(_, _, x)| x == o) {
                    // Marks of other kinds opened since are left alone.
                    Some(at) => {
                        out.extend(open.drain(at + 1..));
                        open.truncate(at);
                    }
                    None if list_marker(&chars[..k]) => {}
                    None => out.push((t, k, c)),
                }
            }
        }
    }
    out.extend(open);
    out.sort_unstable();
    out
}

/// Whether a closing bracket after `before` ends a list marker — `a)`, `b )`, `ii)`, `3)`,
/// `二）` — which opens nothing: a short label standing alone (at the start, or after a space or a
/// mark).
fn list_marker(before: &[char]) -> bool {
    let end = before.len() - before.iter().rev().take_while(|c| **c == ' ').count().min(1);
    let label = before[..end].iter().rev().take_while(|c| c.is_alphanumeric()).count();
    let start = end - label;
    let word = &before[start..end];
    let roman = word.len() <= 4 && word.iter().all(|c| "ivxlIVXL".contains(*c));
    let short = match word {
        [c] => c.is_alphanumeric(),
        [a, b] => a.is_ascii_digit() && b.is_ascii_digit(),
        _ => false,
    };
    !word.is_empty() && (roman || short) && before[..start].last().is_none_or(|c| !c.is_alphanumeric())
}

/// The first mark of `text` left alone (see [`strays`]): its character position and the mark.
#[cfg(test)]
fn unbalanced(text: &str) -> Option<(usize, char)> {
    strays(std::iter::once(text)).first().map(|&(_, k, c)| (k, c))
}

/// The first word given twice in a row (Latin script, case aside), as its second copy's
/// character range.
fn repeated(text: &str) -> Option<Range<usize>> {
    let mut last: Option<(String, usize)> = None;
    let mut word = String::new();
    let mut start = 0;
    let mut gap_is_space = true;
    for (k, c) in text.chars().chain(std::iter::once(' ')).enumerate() {
        if !crate::core::text::is_cjk(c) && crate::core::text::is_letter(c) {
            if word.is_empty() {
                start = k;
            }
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            let w = std::mem::take(&mut word);
            if let Some((prev, _)) = &last
                && *prev == w
                && gap_is_space
                && SLIPS.contains(&w.as_str())
            {
                return Some(start..k);
            }
            last = Some((w, start));
            gap_is_space = true;
        }
        if !c.is_whitespace() {
            gap_is_space = false;
            if !c.is_alphabetic() {
                last = None;
            }
        }
    }
    None
}

/// Flags each paired row where one side's brackets or quotes are left alone and the other's
/// are not, or one side repeats a word and the other does not.
pub(super) fn check(pair: &Pair) -> Vec<Flag> {
    let stray = Sides::from_fn(|side| strays(pair.doc(side).turns.turns.iter().map(|t| t.text.as_str())));
    let mut flags = Vec::new();
    for (row, link) in pair.alignment.links.iter().enumerate().filter(|(_, l)| l.is_paired()) {
        let in_row = |side: Side| {
            let turns = link.turns(side);
            let from = stray[side].partition_point(|&(t, _, _)| t < turns.start);
            stray[side].get(from).filter(|&&(t, _, _)| t < turns.end).copied()
        };
        let twice = |side: Side| {
            let turns = &pair.doc(side).turns.turns;
            link.turns(side).clone().find_map(|t| repeated(&turns[t].text).map(|r| (t, r)))
        };
        let mut spans: Sides<Vec<Span>> = Sides::default();
        let mut say = Vec::new();
        for side in Side::BOTH {
            let name = if side == Side::Left { "left" } else { "right" };
            if let (Some((t, k, mark)), None) = (in_row(side), in_row(side.other())) {
                spans[side].push(Span { turn: t, chars: k..k + 1, text: mark.to_string() });
                say.push(format!("{mark} not closed or opened on the {name}"));
            }
            if let (Some((t, r)), None) = (twice(side), twice(side.other())) {
                let word: String = pair.doc(side).turns.turns[t].text.chars().skip(r.start).take(r.len()).collect();
                spans[side].push(Span { turn: t, chars: r, text: word.clone() });
                say.push(format!("“{word}” twice on the {name}"));
            }
        }
        if !say.is_empty() {
            flags.push(flag_at(pair, FlagKind::Pairs, row, spans, say.join("; ")));
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_left_alone() {
        assert_eq!(unbalanced("Il a dit (enfin"), Some((9, '(')));
        assert_eq!(unbalanced("Il a dit (enfin)."), None);
        assert_eq!(unbalanced("« Oui » et « non"), Some((11, '«')));
        assert_eq!(unbalanced("他说：“好。"), Some((3, '“')));
        assert_eq!(unbalanced("done) then"), Some((4, ')')));
        assert_eq!(unbalanced("a \"quote\" and \"another"), Some((14, '"')));
        assert_eq!(unbalanced("(a [b) c]"), Some((3, '[')), "crossed marks");
        assert_eq!(unbalanced("l'homme, l’été"), None, "apostrophes are no quotes");
        // List markers open nothing (a written answer of the Canadian Hansard: `a) … b) …`).
        assert_eq!(unbalanced("1. a) 98 355 $. b) Ils sont disponibles"), None);
        assert_eq!(unbalanced("employées a ) directement , b ) à temps plein"), None);
        assert_eq!(unbalanced("ii) trois véhicules, 12) et 二）"), None);
        assert_eq!(unbalanced("the rate (2.8c) fell, then rose)"), Some((31, ')')), "a word is no label");
        // A file of brackets alone: read in linear time, the first one left open.
        let junk = "(".repeat(200_000) + &"]".repeat(200_000);
        assert_eq!(unbalanced(&junk), Some((0, '(')));
    }

    #[test]
    fn words_given_twice() {
        assert_eq!(repeated("We went to the the station."), Some(15..18));
        assert_eq!(repeated("Le Le président a parlé."), Some(3..5));
        assert_eq!(repeated("Nous nous sommes vus."), None, "French reflexive");
        assert_eq!(repeated("I said that that was wrong."), None);
        assert_eq!(repeated("Go, go now."), None, "a comma between is a figure of speech");
        assert_eq!(repeated("看看这个"), None, "Chinese doubles words on purpose");
        assert_eq!(repeated("a a"), Some(2..3));
        assert_eq!(repeated("Ha ha, yes yes, Dong Dong."), None, "laughter, assent, a name called twice");
    }
}
