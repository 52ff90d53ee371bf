//! What `tandem align` prints: the pair as one JSON object, or a readable side-by-side summary.

use serde::Serialize;

use crate::core::align::sentences::{RowSentences, Sentence};
use crate::core::document::{Document, Pair};
use crate::core::text::{display_width, terminal_safe};
use crate::core::turns::TurnKind;

#[derive(Serialize)]
struct JsonPair<'a> {
    left: JsonDoc<'a>,
    right: JsonDoc<'a>,
    links: JsonLinks<'a>,
    /// Counts and the verdict: `translation`, `partial` or `unrelated`.
    summary: crate::core::alignment::Summary,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: String,
    encoding: &'a str,
    /// Present when the encoding is only a guess that may be wrong: why, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding_guess: Option<&'a str>,
    /// `text`, `markdown`, `docx`, `odt`, `srt`, `vtt` or `html`.
    format: crate::core::formats::InputFormat,
    speakers: Vec<&'a str>,
    turns: JsonTurns<'a>,
}

/// A document's turns, written one by one as they are serialised (a pair of 200 MB files is
/// never copied whole into the output's shape first).
struct JsonTurns<'a>(&'a Document);

impl Serialize for JsonTurns<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.0;
        let t = &doc.turns;
        s.collect_seq(t.turns.iter().map(|turn| JsonTurn {
            speaker: t.speaker_name(turn),
            label: turn.label.as_deref(),
            kind: turn.kind,
            first_line: doc.unit(turn.first_line),
            last_line: doc.unit(turn.last_line),
            position: doc.position(turn.first_line, turn.last_line),
            text: &turn.text,
        }))
    }
}

/// The links, written one by one, with the sentence groups inside each when they were matched.
struct JsonLinks<'a>(&'a Pair, Option<&'a [RowSentences]>);

impl Serialize for JsonLinks<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let pair = self.0;
        s.collect_seq(pair.alignment.links.iter().enumerate().map(|(k, l)| JsonLink {
            left: l.left.clone().collect(),
            right: l.right.clone().collect(),
            score: round(l.score),
            sentences: self.1.and_then(|rows| rows.get(k)).map(|row| json_groups(pair, row)),
        }))
    }
}

fn round(score: f32) -> f32 {
    (score * 1000.0).round() / 1000.0
}

/// A row's sentence groups, their ranges counted in characters of the turns' `text`.
fn json_groups(pair: &Pair, row: &RowSentences) -> Vec<JsonGroup> {
    let spans = |doc: &Document, sentences: &[Sentence]| -> Vec<JsonSpan> {
        // Sentences run in order: characters are counted once along each turn.
        let mut at: Option<(usize, usize, usize)> = None; // (turn, byte, char)
        sentences
            .iter()
            .map(|s| {
                let text = &doc.turns.turns[s.turn].text;
                let (mut byte, mut chars) = match at {
                    Some((turn, byte, chars)) if turn == s.turn && byte <= s.range.start => (byte, chars),
                    _ => (0, 0),
                };
                chars += text[byte..s.range.start].chars().count();
                let start = chars;
                chars += text[s.range.clone()].chars().count();
                byte = s.range.end;
                at = Some((s.turn, byte, chars));
                JsonSpan { turn: s.turn, start, end: chars }
            })
            .collect()
    };
    let (left, right) = (spans(&pair.docs.left, &row.left), spans(&pair.docs.right, &row.right));
    row.groups
        .iter()
        .map(|g| JsonGroup {
            left: left[g.left.clone()].to_vec(),
            right: right[g.right.clone()].to_vec(),
            score: round(g.score),
        })
        .collect()
}

#[derive(Serialize)]
struct JsonTurn<'a> {
    speaker: Option<&'a str>,
    label: Option<&'a str>,
    kind: TurnKind,
    /// Lines of a text file; extracted paragraphs (1-based) of a document without lines.
    first_line: usize,
    last_line: usize,
    /// Where the turn is, as a person finds it: `lines 5–7`, `paragraph 12`, `cue 34 · 00:01:02`.
    position: String,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonLink {
    left: Vec<usize>,
    right: Vec<usize>,
    score: f32,
    /// With `--sentences`: the link's sentences matched in groups, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Vec<JsonGroup>>,
}

/// Some sentences of a link's left turns with some of its right turns.
#[derive(Serialize)]
struct JsonGroup {
    left: Vec<JsonSpan>,
    right: Vec<JsonSpan>,
    score: f32,
}

/// One sentence: its turn (an index into the side's `turns`) and the characters `start..end`
/// of that turn's `text` (Unicode scalar values, end excluded).
#[derive(Serialize, Clone, Copy)]
struct JsonSpan {
    turn: usize,
    start: usize,
    end: usize,
}

fn json_doc(doc: &Document) -> JsonDoc<'_> {
    JsonDoc {
        path: doc.path.display().to_string(),
        encoding: doc.encoding,
        encoding_guess: doc.guess.as_deref(),
        format: doc.format,
        speakers: doc.turns.speakers.iter().map(|s| s.name.as_str()).collect(),
        turns: JsonTurns(doc),
    }
}

/// Writes the pair as one JSON object (see the README for its shape) and a line end, as it goes;
/// with `sentences` (one per link), each link also lists its sentence groups.
///
/// # Errors
/// What writing to `out` gives.
pub fn write_json(
    pair: &Pair,
    sentences: Option<&[RowSentences]>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let json = JsonPair {
        left: json_doc(&pair.docs.left),
        right: json_doc(&pair.docs.right),
        links: JsonLinks(pair, sentences),
        summary: pair.alignment.summary(),
    };
    serde_json::to_writer_pretty(&mut *out, &json).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// The pair as one JSON object (see the README for its shape).
pub fn to_json(pair: &Pair) -> String {
    let mut out = Vec::new();
    write_json(pair, None, &mut out).expect("writing to memory cannot fail");
    out.pop();
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// A readable side-by-side summary, `width` columns wide.
pub fn to_text(pair: &Pair, width: usize) -> String {
    let mut out = Vec::new();
    write_text(pair, width, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("only UTF-8 is written")
}

/// [`to_text`], written as it goes.
///
/// # Errors
/// What writing to `out` gives.
pub fn write_text(pair: &Pair, width: usize, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let col = width.saturating_sub(14).max(40) / 2;
    for (side, doc) in [("left ", &pair.docs.left), ("right", &pair.docs.right)] {
        let t = &doc.turns;
        let speakers: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
        writeln!(
            out,
            "{side}: {} ({}, {}) — {} turns, speakers: {}",
            terminal_safe(&doc.path.display().to_string()),
            doc.encoding,
            doc.script().name(),
            t.turns.len(),
            if speakers.is_empty() { "none".to_string() } else { terminal_safe(&speakers.join(", ")).into_owned() }
        )?;
        if doc.replaced > 0 {
            writeln!(out, "       {} invalid byte sequences replaced", doc.replaced)?;
        }
        if let Some(why) = &doc.guess {
            writeln!(out, "       {why}")?;
        }
    }
    let a = &pair.alignment;
    let paired = a.counts().paired_rows;
    writeln!(out, "{} links, {paired} paired; length ratio {:.2}", a.links.len(), a.ratio)?;
    let summary = a.summary();
    let verdict = match summary.verdict {
        crate::core::alignment::Verdict::Translation => "a translation",
        crate::core::alignment::Verdict::Partial => "a translation with a large part on one side only",
        crate::core::alignment::Verdict::Unrelated => "NOT translations of each other: the pairs below are guesses",
    };
    writeln!(out, "verdict: {verdict} ({} confident pairs)\n", summary.confident)?;
    for link in &a.links {
        let cell = |doc: &Document, range: &std::ops::Range<usize>| -> String {
            let Some(first) = range.clone().next() else {
                return "—".into();
            };
            let turn = &doc.turns.turns[first];
            let who = doc.turns.speaker_name(turn).map(|s| format!("{s}: ")).unwrap_or_else(|| match turn.kind {
                TurnKind::Heading => "# ".into(),
                _ => String::new(),
            });
            let more = if range.len() > 1 { format!("+{}", range.len() - 1) } else { String::new() };
            // The start of the text is enough for a column (a turn may be megabytes long).
            let start = turn.text.char_indices().nth(col * 2).map_or(turn.text.as_str(), |(b, _)| &turn.text[..b]);
            format!("{:>4}{more:<2} {}{}", first + 1, terminal_safe(&who), terminal_safe(start))
        };
        let l = fit(&cell(&pair.docs.left, &link.left), col);
        let r = fit(&cell(&pair.docs.right, &link.right), col);
        writeln!(out, "{l} │ {r} │ {:.2}", link.score)?;
    }
    Ok(())
}

/// Cuts or pads a string to exactly `width` terminal columns.
fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = display_width(c.encode_utf8(&mut [0; 4]));
        if used + w > width.saturating_sub(1) {
            if s.chars().count() > out.chars().count() {
                out.push('…');
                used += 1;
            }
            break;
        }
        out.push(c);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_and_cuts_by_columns() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(display_width(&fit("沈伟说了很多很多话", 8)), 8);
        assert!(fit("abcdefghij", 5).ends_with('…'));
    }
}
