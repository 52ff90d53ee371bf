//! Text → lines (any line end) → paragraphs that remember their first and last line numbers.

use super::text::{display_width_up_to, is_terminal_punct, join_wrapped, last_meaningful, strip_emphasis, trim};

/// One line of the file, emphasis removed (borrowed from the text unless emphasis was taken out,
/// so a 200 MB file is not copied line by line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based line number in the original file.
    pub number: usize,
    /// The line's text, trimmed, Markdown emphasis and heading marks removed.
    pub text: std::borrow::Cow<'a, str>,
    /// The whole line was emphasised (`**…**`) or was a Markdown heading (`# …`).
    pub marked_heading: bool,
}

/// Splits text into lines on LF, CRLF or CR and cleans each one.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut number = 1;
    loop {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        out.push(clean(number, &rest[..end]));
        if end == rest.len() {
            break;
        }
        let skip = if rest[end..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[end + skip..];
        number += 1;
        if rest.is_empty() {
            break;
        }
    }
    out
}

fn clean(number: usize, raw: &str) -> Line<'_> {
    let raw = trim(raw);
    let hashes = raw.chars().take_while(|&c| c == '#').count();
    let (body, md_heading) =
        if (1..=6).contains(&hashes) && raw[hashes..].starts_with(' ') { (&raw[hashes..], true) } else { (raw, false) };
    let (text, emphasised) = strip_emphasis(body);
    Line { number, text, marked_heading: md_heading || emphasised }
}

/// A paragraph: consecutive lines of one block, split where a new speaker starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub first_line: usize,
    pub last_line: usize,
    /// Indices into the document's lines, in order.
    pub lines: std::ops::Range<usize>,
    /// The paragraph follows a blank line (or starts the file).
    pub starts_block: bool,
}

/// Whether the document is hard-wrapped prose (lines broken at a fixed width inside paragraphs),
/// in which case the lines of a block are one paragraph; otherwise every line is one.
pub fn is_hard_wrapped(lines: &[Line]) -> bool {
    let mut inner: Vec<&Line<'_>> = Vec::new();
    for pair in lines.windows(2) {
        if !pair[0].text.is_empty() && !pair[1].text.is_empty() {
            inner.push(&pair[0]);
        }
    }
    if inner.len() < 4 {
        return false;
    }
    // Only whether they pass 110 matters: a long paragraph is not measured to its end.
    let mut widths: Vec<usize> = inner.iter().map(|l| display_width_up_to(&l.text, 110)).collect();
    widths.sort_unstable();
    let median = widths[widths.len() / 2];
    let p90 = widths[widths.len() * 9 / 10];
    let open =
        inner.iter().filter(|l| last_meaningful(&l.text).is_some_and(|c| !is_terminal_punct(c) && c != '?')).count();
    median >= 40 && p90 <= 110 && open * 2 >= inner.len()
}

/// Groups lines into paragraphs. `starts_turn(i)` marks lines that must open a paragraph
/// (a speaker's label); a blank line always ends one.
pub fn paragraphs(lines: &[Line], wrapped: bool, starts_turn: impl Fn(usize) -> bool) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open: Option<Paragraph> = None;
    let mut after_blank = true;
    for (i, line) in lines.iter().enumerate() {
        if line.text.is_empty() {
            out.extend(open.take());
            after_blank = true;
            continue;
        }
        let split = !wrapped || starts_turn(i) || line.marked_heading;
        match open.as_mut() {
            Some(p) if !split && !lines[i - 1].marked_heading => {
                p.last_line = line.number;
                p.lines.end = i + 1;
            }
            _ => {
                out.extend(open.take());
                open = Some(Paragraph {
                    first_line: line.number,
                    last_line: line.number,
                    lines: i..i + 1,
                    starts_block: after_blank,
                });
            }
        }
        after_blank = false;
    }
    out.extend(open);
    out
}

/// The text of some lines as a reader sees it: wrapped lines joined.
pub fn joined(lines: &[Line]) -> String {
    join_wrapped(lines.iter().map(|l| l.text.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_end_counts() {
        let ls = lines("a\r\nb\rc\n\nd");
        let got: Vec<(usize, &str)> = ls.iter().map(|l| (l.number, l.text.as_ref())).collect();
        assert_eq!(got, [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]);
        assert_eq!(lines("x\n").len(), 1);
    }

    #[test]
    fn markdown_marks_are_removed() {
        let ls = lines("# Titre\n**Le chemin GPT**\nTexte *en* clair");
        assert_eq!((ls[0].text.as_ref(), ls[0].marked_heading), ("Titre", true));
        assert_eq!((ls[1].text.as_ref(), ls[1].marked_heading), ("Le chemin GPT", true));
        assert_eq!((ls[2].text.as_ref(), ls[2].marked_heading), ("Texte en clair", false));
    }

    #[test]
    fn one_line_one_paragraph_when_not_wrapped() {
        let ls = lines("Titre\n\nPremier paragraphe.\nSecond paragraphe.\n\n\nTroisième.");
        assert!(!is_hard_wrapped(&ls));
        let ps = paragraphs(&ls, false, |_| false);
        let spans: Vec<(usize, usize, bool)> = ps.iter().map(|p| (p.first_line, p.last_line, p.starts_block)).collect();
        assert_eq!(spans, [(1, 1, true), (3, 3, true), (4, 4, false), (7, 7, true)]);
    }

    #[test]
    fn hard_wrapped_blocks_join_and_split_at_labels() {
        let text = "Shen Wei: the so-called big model refers to the large number of\n\
                    parameters of the model, but there is no clear definition in the\n\
                    academic community to define how big the parameters are called\n\
                    big, and it is still in the stage of rapid research and growth.\n\
                    Host: and then what happened in the years that followed after\n\
                    this first wave of research and of very rapid development?\n";
        let ls = lines(text);
        assert!(is_hard_wrapped(&ls));
        let ps = paragraphs(&ls, true, |i| ls[i].text.starts_with("Host:"));
        assert_eq!(ps.iter().map(|p| (p.first_line, p.last_line)).collect::<Vec<_>>(), [(1, 4), (5, 6)]);
        assert!(joined(&ls[ps[0].lines.clone()]).contains("number of parameters"));
    }
}
