//! Slips of typing a translation brings in: a bracket or quotation mark opened and never closed
//! (or closed and never opened) where the other side's are balanced, and a word given twice in a
//! row (`the the`, `de de`) where the other side repeats none.

use std::ops::Range;

use super::{Flag, FlagKind, Span, flag_at};
use crate::core::document::Pair;
use crate::core::side::{Side, Sides};

/// Brackets: an opening mark and the one that closes it, in the scripts Tandem reads.
const BRACKETS: [(char, char); 9] = [
    ('(', ')'),
    ('[', ']'),
    ('{', '}'),
    ('（', '）'),
    ('【', '】'),
    ('《', '》'),
    ('〈', '〉'),
    ('「', '」'),
    ('『', '』'),
];

/// Whether `close` closes a mark `open` opened. Quotation marks as each language pairs them:
/// `“…”`, German `„…“` and `»…«`, French `«…»`, straight `"…"`.
fn closes(open: char, close: char) -> bool {
    BRACKETS.contains(&(open, close))
        || matches!((open, close), ('“', '”') | ('„', '“' | '”') | ('«', '»') | ('"', '"'))
}

/// Whether `c` opens a mark; `“` opens one when it closes no `„`. (A side writing `»…«` has
/// its guillemets turned round before these are asked.)
fn opens(c: char) -> bool {
    BRACKETS.iter().any(|&(o, _)| o == c) || matches!(c, '“' | '„' | '«' | '"')
}

/// Whether `c` closes a mark (when one it closes is open; else it is left alone).
fn is_closing(c: char) -> bool {
    BRACKETS.iter().any(|&(_, x)| x == c) || matches!(c, '”' | '“' | '»' | '"')
}

/// Whether `open`, left open by an earlier paragraph, is continued by `c` starting this one: a
/// quotation over several paragraphs opens each again (`“…` / `“…”`, `"…` / `"…"`) or, in
/// French, starts each with `»` (`« …` / `» …»`), and closes only at its end.
fn continues(open: char, c: char) -> bool {
    matches!((open, c), ('“' | '„', '“' | '„') | ('«', '«' | '»') | ('"', '"'))
}

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
/// closing one never opened — as (turn, character, mark), in order. A quotation running over
/// several paragraphs, opened again at each (see [`continues`]), is one quotation.
fn strays<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Vec<(usize, usize, char)> {
    let german = german_guillemets(texts.clone());
    let mut out = Vec::new();
    let mut open: Vec<(usize, usize, char)> = Vec::new();
    let mut chars: Vec<char> = Vec::new();
    for (t, text) in texts.enumerate() {
        // Openings too old to be closed now were left open.
        let old = open.iter().take_while(|&&(ot, _, _)| ot + WINDOW < t).count();
        out.extend(open.drain(..old));
        chars.clear();
        chars.extend(text.chars());
        let first = chars.iter().position(|c| !c.is_whitespace());
        // The opening an earlier paragraph left, which this one's first mark continued: a
        // closing mark that finds nothing else open closes it (`“人为鼎镬，我为麋鹿”这两句话…？”`
        // starts a paragraph of a speech with a quotation of its own).
        let mut continued: Option<char> = None;
        for (k, &c) in chars.iter().enumerate() {
            if !opens(c) && !is_closing(c) {
                continue;
            }
            // Guillemets point one way in a side: `«…»` (French) or `»…«` (German).
            let c = match c {
                '«' if german => '»',
                '»' if german => '«',
                c => c,
            };
            let last = open.last().copied();
            if Some(k) == first
                && let Some((ot, _, o)) = last
                && ot < t
                && continues(o, c)
            {
                // The quotation of the paragraphs before goes on; a French `»` only marks it.
                if c != '»' {
                    continued = open.pop().map(|(_, _, o)| o);
                    open.push((t, k, c));
                }
                continue;
            }
            // A straight quote opening a word (` "yes`) does not close one a paragraph before
            // left open: that one was left.
            let opening_word = c == '"'
                && k.checked_sub(1).is_none_or(|p| chars[p].is_whitespace() || opens(chars[p]))
                && chars.get(k + 1).is_some_and(|n| n.is_alphanumeric());
            let closable = |&(ot, _, o): &(usize, usize, char)| closes(o, c) && !(opening_word && ot < t);
            if let Some(at) = open.iter().rposition(closable) {
                // Marks of other kinds opened since are left alone.
                out.extend(open.drain(at + 1..));
                open.truncate(at);
            } else if continued.is_some_and(|o| closes(o, c)) {
                continued = None;
            } else if opens(c) {
                // Marks nested deeper than any text nests them were left open: a file of
                // brackets alone stays a linear read.
                if open.len() == MAX_OPEN {
                    out.push(open.remove(0));
                }
                open.push((t, k, c));
            } else if !list_marker(&chars[..k]) {
                out.push((t, k, c));
            }
        }
    }
    out.extend(open);
    out.sort_unstable();
    if german {
        // Told as they are written.
        for (_, _, c) in &mut out {
            *c = match *c {
                '«' => '»',
                '»' => '«',
                c => c,
            };
        }
    }
    out
}

/// Whether a side writes its guillemets German-fashion, `»…«`: more of its paragraphs give a
/// `»` and then a `«` than a `«` and then a `»` (a French paragraph's `»` carrying a quotation
/// on before the `»` that closes it aside).
fn german_guillemets<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let mut balance = 0i64;
    for text in texts {
        let mut marks = text.chars().filter(|c| matches!(c, '«' | '»'));
        let (a, b) = (marks.next(), marks.next());
        // `» … »`: a French paragraph carrying a quotation on and closing it.
        let (a, b) = if (a, b) == (Some('»'), Some('»')) { (b, marks.next()) } else { (a, b) };
        if let (Some(a), Some(b)) = (a, b)
            && a != b
        {
            balance += if a == '»' { 1 } else { -1 };
        }
    }
    balance > 0
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
    fn quotations_as_each_language_writes_them() {
        assert_eq!(unbalanced("„Ja“, sagte er, „gewiss.”"), None, "German low-high quotes");
        assert_eq!(unbalanced("»Ja«, sagte er."), None, "German guillemets");
        assert_eq!(unbalanced("« Oui », dit-il."), None);
        assert_eq!(unbalanced("„Ja, sagte er."), Some((0, '„')));
        assert_eq!(unbalanced("Er sagte: ”ja”."), Some((10, '”')), "a closing quote never opened");
    }

    /// The marks left alone in a run of paragraphs, as (paragraph, mark).
    fn left_alone(paragraphs: &[&str]) -> Vec<(usize, char)> {
        strays(paragraphs.iter().copied()).into_iter().map(|(t, _, c)| (t, c)).collect()
    }

    #[test]
    fn a_quotation_over_several_paragraphs_is_one() {
        // A novel's speech over three paragraphs, opened again at each and closed at its end.
        let en = ["“I went at dawn,” she said. “The stalls were empty.", "“Then the farmers came.", "“I went home.”"];
        assert_eq!(left_alone(&en), []);
        let fr = ["« Je suis allée au marché, dit-elle.", "» Puis les paysans sont venus.", "» Je suis rentrée. »"];
        assert_eq!(left_alone(&fr), []);
        let zh = ["“我天一亮就去了，”她说，“摊子都是空的。", "“后来农民来了。", "“我就回家了。”"];
        assert_eq!(left_alone(&zh), []);
        let straight = ["\"I went at dawn,\" she said. \"The stalls were empty.", "\"Then I went home.\""];
        assert_eq!(left_alone(&straight), []);
        // A quotation never closed is still one left open.
        assert_eq!(left_alone(&["“I went at dawn.", "“Then I went home."]), [(1, '“')]);
        // A paragraph of a speech that starts by quoting a saying: the saying closes, then the speech.
        let zh = ["那小孩道：“爹，你教过我。", "“人为鼎镬，我为麋鹿”这两句话，意思也差不多么？”", "那文士道：“正是！”"];
        assert_eq!(left_alone(&zh), []);
        // A French side's closing guillemet alone is left alone; so is a German side's.
        assert_eq!(left_alone(&["« Oui », dit-il.", "Plus que quelques pas » , me dit-il."]), [(1, '»')]);
        assert_eq!(left_alone(&["»Ja«, sagte er.", "Nur noch ein paar Schritte« , sagte er."]), [(1, '«')]);
    }

    #[test]
    fn a_straight_quote_left_open_does_not_pair_with_the_next_one() {
        // A scanned novel: a stray quote, then a paragraph whose quotes are balanced.
        let text = ["'I had planned to let \"you take the poison.", "He said.", "'Surely my \"numbers\" are better?'"];
        assert_eq!(left_alone(&text), [(0, '"')]);
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
