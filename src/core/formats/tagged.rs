//! The European Parliament's proceedings as the Europarl corpus ships them: plain text with
//! `<CHAPTER ID=…>`, `<SPEAKER ID=… NAME="…">` and `<P>` lines. Each speaker's speech becomes a
//! labelled turn (`Karin Lindqvist: …`), a chapter's title a heading, each line a paragraph with
//! its line in the file as its position; the names the tags give are speakers however rarely
//! they speak.

use super::{Extracted, InputFormat, Paragraphs};
use crate::core::labels::is_name;
use crate::core::text::canonical;

/// Whether the text opens like a Europarl file: its first line a chapter or speaker tag.
pub fn looks_tagged(text: &str) -> bool {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    tag(first).is_some_and(|(name, _)| matches!(name.as_str(), "CHAPTER" | "SPEAKER"))
}

/// A tag alone on its line: its name in capitals and what follows it (`<SPEAKER ID=2 …>`).
fn tag(line: &str) -> Option<(String, &str)> {
    let inner = line.strip_prefix('<')?.strip_suffix('>')?;
    let name_len = inner.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(inner.len());
    let (name, rest) = inner.split_at(name_len);
    let attributes_follow = rest.is_empty() || rest.starts_with(char::is_whitespace);
    (!name.is_empty() && attributes_follow && !rest.contains(['<', '>'])).then(|| (name.to_ascii_uppercase(), rest))
}

/// An attribute's value: `NAME="Evans, Robert J"` or `ID=2`.
fn attribute<'a>(attributes: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = attributes;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let found = rest[..eq].trim().eq_ignore_ascii_case(key);
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                (&after[1..end], after.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        if found {
            return Some(value);
        }
        rest = next;
    }
}

/// The name a speaker tag gives, as a label can carry it: `Evans, Robert J` → `Robert J Evans`,
/// `Andrews (UEN).` → `Andrews (UEN)`. `None` when it still does not read as a name.
fn speaker_name(raw: &str) -> Option<String> {
    let raw = raw.trim().trim_end_matches(['.', ':', ' ']);
    let name = match raw.split_once(',') {
        Some((last, first)) if !first.contains(',') && !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => raw.to_string(),
    };
    // The party in brackets stays on the label, as a record writes it (`Andrews (UEN):`).
    let base = name.rfind(" (").filter(|_| name.ends_with(')')).map_or(name.as_str(), |at| &name[..at]);
    is_name(base).then_some(name)
}

/// Reads a Europarl file.
pub fn read(text: &str) -> Extracted {
    let mut out = Paragraphs::default();
    let mut speakers: Vec<String> = Vec::new();
    // A year of sittings names hundreds of members over tens of thousands of tags.
    let mut seen = std::collections::HashSet::new();
    // What the next text line is: a chapter's title, or a speech's first paragraph by this name.
    let mut title_next = false;
    let mut label: Option<String> = None;
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some((name, attributes)) = tag(line) {
            match name.as_str() {
                "CHAPTER" => {
                    title_next = true;
                    label = None;
                }
                "SPEAKER" => {
                    title_next = false;
                    label = attribute(attributes, "NAME").and_then(speaker_name);
                    if let Some(name) = &label {
                        let canon = canonical(name.rsplit_once(" (").map_or(name, |(base, _)| base));
                        if seen.insert(canon.clone()) {
                            speakers.push(canon);
                        }
                    }
                }
                // `<P>` ends a paragraph, which a line does anyway; other tags carry no text.
                _ => {}
            }
            continue;
        }
        let paragraph = if std::mem::take(&mut title_next) {
            format!("# {line}")
        } else if let Some(name) = label.take() {
            format!("{name}: {line}")
        } else {
            line.to_string()
        };
        out.push(&paragraph, || format!("line {}", i + 1));
        lines.push(i + 1);
    }
    let mut source = out.into_source(InputFormat::Europarl);
    source.speakers = speakers;
    source.lines = lines;
    source
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_told_and_attributes_read_quoted_or_not() {
        assert!(looks_tagged("\n<CHAPTER ID=1>\nResumption of the session\n"));
        assert!(looks_tagged("<SPEAKER ID=\"3\" NAME=\"President\">\nText"));
        assert!(!looks_tagged("<html><body>x</body></html>"));
        assert!(!looks_tagged("<p>A web page</p>"));
        assert!(!looks_tagged("Chapter one\n<CHAPTER ID=1>"));
        let (name, attrs) = tag(r#"<SPEAKER ID=2 LANGUAGE="EN" NAME="Evans, Robert J" AFFILIATION='PSE'>"#).unwrap();
        assert_eq!(name, "SPEAKER");
        assert_eq!(attribute(attrs, "name"), Some("Evans, Robert J"));
        assert_eq!(attribute(attrs, "ID"), Some("2"));
        assert_eq!(attribute(attrs, "AFFILIATION"), Some("PSE"));
        assert_eq!(attribute(attrs, "CHAPTER"), None);
        assert_eq!(tag("<P>").map(|t| t.0), Some("P".into()));
        assert_eq!(tag("<P>text</P>"), None);
    }

    #[test]
    fn damaged_tags_read_without_a_fuss() {
        for text in [
            "<SPEAKER NAME=\">\ntext",
            "<SPEAKER ID=1 NAME=>\ntext\n<SPEAKER NAME='x\nmore",
            "<CHAPTER ID=1>\n<CHAPTER ID=2>\n<SPEAKER ID=1 NAME=\"A, \">\n<P>\n",
            "<SPEAKER ID=1 NAME=\"名字\">\n文字\n<SPEAKER ID=2 NAME=\"名字\" LANGUAGE=\"ZH\"",
            "<CHAPTER ID=1>",
        ] {
            let s = read(text);
            assert_eq!(s.positions.len(), s.lines.len(), "{text:?}");
            // A tag is never text; a line broken off before its `>` is kept as it was.
            assert!(s.text.lines().all(|l| tag(l).is_none()), "{text:?}: {}", s.text);
        }
        assert_eq!(read("<SPEAKER ID=1 NAME=\"名字\">\n文字\n").text, "名字: 文字\n");
    }

    #[test]
    fn names_as_a_label_carries_them() {
        assert_eq!(speaker_name("Evans, Robert J").as_deref(), Some("Robert J Evans"));
        assert_eq!(speaker_name("Andrews (UEN).").as_deref(), Some("Andrews (UEN)"));
        assert_eq!(speaker_name(" La Présidente ").as_deref(), Some("La Présidente"));
        assert_eq!(speaker_name(""), None);
        assert_eq!(speaker_name("?!"), None);
    }

    #[test]
    fn speeches_become_labelled_turns_and_chapters_headings() {
        let text = "<CHAPTER ID=\"2\">\nRail freight (debate)\n<SPEAKER ID=\"2\" NAME=\"President\">\n\
                    The next item is the report.\n<SPEAKER ID=3 NAME=\"Lindqvist, Karin\" LANGUAGE=\"SV\">\n\
                    (SV) Mr President, trains are slow.\n<P>\nThat is all.\n";
        let s = read(text);
        assert_eq!(s.format, InputFormat::Europarl);
        assert_eq!(
            s.text,
            "# Rail freight (debate)\n\nPresident: The next item is the report.\n\n\
             Karin Lindqvist: (SV) Mr President, trains are slow.\n\nThat is all.\n"
        );
        assert_eq!(s.positions, ["line 2", "line 4", "line 6", "line 8"]);
        assert_eq!(s.lines, [2, 4, 6, 8]);
        assert_eq!(s.speakers, ["president", "karinlindqvist"]);
    }
}
