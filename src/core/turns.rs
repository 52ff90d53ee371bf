//! Paragraphs → speaker turns: which labels are speakers is decided per document from recurrence.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::labels::{self, Candidate, Style};
use super::paragraphs::{self, Line, Paragraph};
use super::text::{display_width, is_space, is_terminal_punct, last_meaningful};

/// What a turn is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TurnKind {
    /// Someone speaking, after a label.
    Speech,
    /// Text no speaker says: an introduction, a note, a stage direction, a footer.
    Narration,
    /// A title or section heading.
    Heading,
}

/// A speaker of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The name as most often written (`White Horse Business Review`).
    pub name: String,
    /// The canonical form used for logic (`whitehorsebusinessreview`).
    pub canonical: String,
}

/// One turn: a speech with its continuation paragraphs, or one narration or heading paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub kind: TurnKind,
    /// Index into [`Turns::speakers`].
    pub speaker: Option<usize>,
    /// The label as written (`Shen Wei :`).
    pub label: Option<String>,
    /// 1-based, inclusive, in the original file.
    pub first_line: usize,
    pub last_line: usize,
    /// What the reader reads: no label, no emphasis marks; paragraphs separated by `\n`.
    pub text: String,
}

/// The turns of one document and its speakers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Turns {
    pub speakers: Vec<Speaker>,
    pub turns: Vec<Turn>,
}

impl Turns {
    /// The display name of a turn's speaker.
    pub fn speaker_name(&self, turn: &Turn) -> Option<&str> {
        turn.speaker.map(|s| self.speakers[s].name.as_str())
    }
}

/// Splits a document's text into turns.
pub fn split(text: &str) -> Turns {
    let lines = paragraphs::lines(text);
    let candidates = line_candidates(&lines);
    let speakers = decide_speakers(&lines, &candidates);
    let accepted: HashMap<&str, usize> = speakers
        .iter()
        .enumerate()
        .map(|(i, s)| (s.canonical.as_str(), i))
        .collect();
    let speaker_of = |i: usize| -> Option<(usize, &Candidate)> {
        let c = candidates[i].as_ref()?;
        accepted.get(c.canonical.as_str()).map(|&s| (s, c))
    };
    let wrapped = paragraphs::is_hard_wrapped(&lines);
    let paras = paragraphs::paragraphs(&lines, wrapped, |i| speaker_of(i).is_some());
    let mut builder = Builder {
        lines: &lines,
        paras: &paras,
        turns: Vec::new(),
        open: false,
        standalone: HashSet::new(),
    };
    for (pi, para) in paras.iter().enumerate() {
        let first = para.lines.start;
        if let Some((speaker, cand)) = speaker_of(first) {
            builder.open_speech(para, speaker, cand);
        } else {
            let rejected_label = candidates[first]
                .as_ref()
                .is_some_and(|c| c.style == Style::Colon);
            builder.other(pi, !speakers.is_empty() && rejected_label, |i| {
                speaker_of(i).is_some()
            });
        }
    }
    Turns {
        speakers,
        turns: builder.turns,
    }
}

/// A label candidate for each line that could start a paragraph.
fn line_candidates(lines: &[Line]) -> Vec<Option<Candidate>> {
    (0..lines.len())
        .map(|i| {
            let text = &lines[i].text;
            if text.is_empty() {
                return None;
            }
            let speech_below = lines[i + 1..].iter().take(3).any(|l| !l.text.is_empty());
            labels::candidate(text, speech_below)
        })
        .collect()
}

/// Names that recur as labels are speakers; one-off `x: y` lines and repeated titles are not.
fn decide_speakers(lines: &[Line], candidates: &[Option<Candidate>]) -> Vec<Speaker> {
    struct Seen<'a> {
        style: Style,
        first: usize,
        /// Distinct whole lines: a title repeated or a copied block counts once.
        distinct: HashSet<&'a str>,
        spellings: HashMap<&'a str, usize>,
    }
    let mut seen: HashMap<&str, Seen> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let Some(c) = c else { continue };
        let entry = seen.entry(c.canonical.as_str()).or_insert_with(|| Seen {
            style: c.style,
            first: i,
            distinct: HashSet::new(),
            spellings: HashMap::new(),
        });
        entry.distinct.insert(lines[i].text.as_str());
        *entry.spellings.entry(c.name.as_str()).or_default() += 1;
    }
    let mut named: Vec<(&str, Seen)> = seen
        .into_iter()
        .filter(|(canon, s)| {
            let n = s.distinct.len();
            n >= s.style.min_occurrences() || (labels::is_interview_mark(canon) && n >= 1)
        })
        .collect();
    let occurrences: usize = named.iter().map(|(_, s)| s.distinct.len()).sum();
    let real = named
        .iter()
        .filter(|(c, _)| !labels::is_interview_mark(c))
        .count();
    let marks = named.len() - real;
    if occurrences < 3 || (real == 0 && marks < 2) {
        return Vec::new();
    }
    named.sort_by_key(|(_, s)| s.first);
    named
        .into_iter()
        .map(|(canon, s)| {
            let name = s
                .spellings
                .iter()
                .max_by_key(|&(name, n)| (*n, std::cmp::Reverse(*name)))
                .map(|(n, _)| *n);
            Speaker {
                name: name.unwrap_or(canon).to_string(),
                canonical: canon.to_string(),
            }
        })
        .collect()
}

struct Builder<'a> {
    lines: &'a [Line],
    paras: &'a [Paragraph],
    turns: Vec<Turn>,
    /// The last turn is a speech that may still take continuation paragraphs.
    open: bool,
    /// Texts of paragraphs that stood alone (narration, headings): a copy of one stands alone too.
    standalone: HashSet<String>,
}

impl Builder<'_> {
    fn open_speech(&mut self, para: &Paragraph, speaker: usize, cand: &Candidate) {
        let first = &self.lines[para.lines.start];
        let mut text = first.text[cand.rest..].trim_matches(is_space).to_string();
        let more = paragraphs::joined(&self.lines[para.lines.start + 1..para.lines.end]);
        if !more.is_empty() {
            if !text.is_empty() {
                text.push(if cand.style == Style::Colon {
                    ' '
                } else {
                    '\n'
                });
            }
            text.push_str(&more);
        }
        self.turns.push(Turn {
            kind: TurnKind::Speech,
            speaker: Some(speaker),
            label: Some(cand.label.clone()),
            first_line: para.first_line,
            last_line: para.last_line,
            text,
        });
        self.open = true;
    }

    fn other(&mut self, pi: usize, rejected_label: bool, is_label: impl Fn(usize) -> bool) {
        let para = &self.paras[pi];
        let lines = &self.lines[para.lines.clone()];
        let text = paragraphs::joined(lines);
        let next_is_label = self
            .paras
            .get(pi + 1)
            .is_some_and(|p| is_label(p.lines.start));
        let marked = lines[0].marked_heading;
        let shape = heading_shape(&text);
        let heading = marked
            || shape == Shape::Heading && (next_is_label || para.starts_block || !self.open)
            || shape == Shape::Question && next_is_label;
        let bracketed = text.starts_with(['(', '（', '[', '【', '〔']);
        let copy = self.standalone.contains(&text);
        if self.open {
            let last = self.turns.last_mut().expect("an open turn exists");
            let waiting = last.text.is_empty();
            if waiting || !(heading || bracketed || copy || rejected_label) {
                if !waiting {
                    last.text.push('\n');
                }
                last.text.push_str(&text);
                last.last_line = para.last_line;
                return;
            }
        }
        self.open = false;
        let kind = if marked || (heading && !rejected_label) {
            TurnKind::Heading
        } else {
            TurnKind::Narration
        };
        self.standalone.insert(text.clone());
        self.turns.push(Turn {
            kind,
            speaker: None,
            label: None,
            first_line: para.first_line,
            last_line: para.last_line,
            text,
        });
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Shape {
    Prose,
    Heading,
    /// Short, ends with a question mark: a heading only if a speaker follows.
    Question,
}

/// Short and not ending like a sentence: the shape of a title or a section heading.
fn heading_shape(text: &str) -> Shape {
    let words = text.split(is_space).filter(|w| !w.is_empty()).count();
    let bullet = text.starts_with(['•', '·', '-', '–', '—', '*', '▪', '►', '◦']);
    if text.contains('\n') || display_width(text) > 90 || words > 16 || bullet {
        return Shape::Prose;
    }
    match last_meaningful(text) {
        Some('?' | '？') => Shape::Question,
        Some(c) if is_terminal_punct(c) => Shape::Prose,
        Some(_) => Shape::Heading,
        None => Shape::Prose,
    }
}
