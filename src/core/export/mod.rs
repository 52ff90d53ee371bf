//! Export: the aligned pair turned once into rows (texts, speakers, lines, score, flags, note),
//! which every format — TMX, TSV/CSV, XLSX, DOCX, HTML — then writes in its own way.

mod docx;
mod html;
pub mod lang;
mod tmx;
pub mod tsv;
mod xlsx;

use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::document::Pair;
use super::edit::Annotations;
use super::review::{Flag, FlagKind};
use super::side::{Side, Sides};
use super::turns::TurnKind;

/// A file format an export can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Tmx,
    Tsv,
    Csv,
    Xlsx,
    Docx,
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [Format::Tmx, Format::Tsv, Format::Csv, Format::Xlsx, Format::Docx, Format::Html];

    /// The name on the command line (`--format tmx`), also the file extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Tmx => "tmx",
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
            Format::Html => "html",
        }
    }

    /// What a person calls it, for the window.
    pub fn title(self) -> &'static str {
        match self {
            Format::Tmx => "TMX translation memory",
            Format::Tsv => "Tab-separated table (TSV)",
            Format::Csv => "Comma-separated table (CSV)",
            Format::Xlsx => "Excel workbook (XLSX)",
            Format::Docx => "Word bilingual table (DOCX)",
            Format::Html => "Web page to print (HTML)",
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        let name = name.trim().to_ascii_lowercase();
        let name = if name == "htm" { "html".into() } else { name };
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format a file name asks for, by its extension.
    pub fn of_path(path: &Path) -> Option<Format> {
        path.extension().and_then(|e| Format::parse(&e.to_string_lossy()))
    }

    /// Text that can go to a terminal or a pipe (the others are zip archives).
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Xlsx | Format::Docx)
    }
}

/// Which rows go out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RowScope {
    #[default]
    All,
    /// Rows with text on both sides.
    Paired,
    /// Rows with at least one flag.
    Flagged,
    /// These rows (0-based), the selection in the window.
    Rows(Range<usize>),
}

impl RowScope {
    pub fn parse(name: &str) -> Option<RowScope> {
        match name.trim() {
            "all" => Some(RowScope::All),
            "paired" => Some(RowScope::Paired),
            "flagged" => Some(RowScope::Flagged),
            _ => None,
        }
    }
}

/// What one row of the export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Segments {
    /// One aligned pair of turns (a row of the window).
    #[default]
    Turn,
    /// One group of sentences matched inside a pair (see [`crate::core::align::sentences`]):
    /// the segments a translation memory wants.
    Sentence,
}

impl Segments {
    pub const ALL: [Segments; 2] = [Segments::Turn, Segments::Sentence];

    /// The name on the command line (`--segments sentence`).
    pub fn name(self) -> &'static str {
        match self {
            Segments::Turn => "turn",
            Segments::Sentence => "sentence",
        }
    }

    pub fn parse(name: &str) -> Option<Segments> {
        Segments::ALL.into_iter().find(|s| s.name() == name.trim())
    }
}

/// One turn inside a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub speaker: Option<String>,
    pub kind: TurnKind,
    /// Paragraphs separated by `\n`.
    pub text: String,
}

/// One side of a row: the turns of the link, in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub pieces: Vec<Piece>,
    /// 1-based, inclusive, in the original file.
    pub lines: Option<(usize, usize)>,
}

impl Cell {
    /// The text of all its turns, paragraphs separated by `\n`.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&p.text);
        }
        out
    }

    /// Its speakers, each once, in order (`A / B`).
    pub fn speakers(&self) -> String {
        let mut names: Vec<&str> = Vec::new();
        for name in self.pieces.iter().filter_map(|p| p.speaker.as_deref()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names.join(" / ")
    }

    /// `12` or `12-15`, or empty.
    pub fn lines_text(&self) -> String {
        match self.lines {
            None => String::new(),
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a}-{b}"),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
}

/// One row of the export: one link of the alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The pair number the window shows (1-based).
    pub number: usize,
    /// With sentence segments: which group of the pair's sentences (1-based); `None` for a row
    /// that is a whole pair.
    pub segment: Option<usize>,
    pub cells: Sides<Cell>,
    pub score: f32,
    /// Set by hand in the window rather than by the aligner.
    pub by_hand: bool,
    pub flags: Vec<FlagKind>,
    /// What the flags say, one sentence each.
    pub messages: Vec<String>,
    pub note: Option<String>,
}

impl Row {
    pub fn is_paired(&self) -> bool {
        !self.cells.left.is_empty() && !self.cells.right.is_empty()
    }

    /// The flags' names, `numbers,names`.
    pub fn flags_text(&self) -> String {
        self.flags.iter().map(|k| k.name()).collect::<Vec<_>>().join(",")
    }
}

/// What the user chose.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    pub scope: RowScope,
    /// Language codes (`zh-CN`, `fr`); detected from the text when `None`.
    pub langs: Sides<Option<String>>,
    /// CSV and TSV cells as written, even those a spreadsheet would run as a formula (see
    /// [`tsv::defuse`]); off unless asked (`--raw`).
    pub raw: bool,
    /// A row per pair of turns, or per group of sentences inside them.
    pub segments: Segments,
}

/// Everything a writer needs: a title, the files, the languages and the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub title: String,
    /// The file names (not whole paths: an export is shared).
    pub files: Sides<String>,
    pub langs: Sides<String>,
    pub rows: Vec<Row>,
    /// Rows of the whole alignment, to say "12 of 340 rows".
    pub total_rows: usize,
    /// See [`Options::raw`].
    pub raw: bool,
    /// See [`Options::segments`].
    pub segments: Segments,
}

impl Export {
    /// `106 rows, 36 paired`, or `12 of 340 rows, 10 paired` when the scope kept some: a row
    /// with one side only is no pair (it said "106 pairs" where 36 rows were pairs). With
    /// sentence segments: `250 sentence groups, 230 paired, from 106 rows`.
    pub fn count(&self) -> String {
        let shown = self.rows.len();
        let paired = self.rows.iter().filter(|r| r.is_paired()).count();
        let rows = if shown == 1 { "row" } else { "rows" };
        if self.segments == Segments::Sentence {
            let mut numbers: Vec<usize> = self.rows.iter().map(|r| r.number).collect();
            numbers.dedup();
            let from = numbers.len();
            let of = if from == self.total_rows { String::new() } else { format!(" of {}", self.total_rows) };
            let groups = if shown == 1 { "sentence group" } else { "sentence groups" };
            let rows = if from == 1 && of.is_empty() { "row" } else { "rows" };
            return format!("{shown} {groups}, {paired} paired, from {from}{of} {rows}");
        }
        if shown == self.total_rows {
            format!("{shown} {rows}, {paired} paired")
        } else {
            format!("{shown} of {} rows, {paired} paired", self.total_rows)
        }
    }
}

/// Rows written so far, for a progress bar, and a way to stop a long export.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
}

impl Progress {
    fn start(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
    }

    /// One more row written; `Err` once the export was cancelled.
    fn row(&self) -> Result<(), ExportError> {
        if self.done.fetch_add(1, Ordering::Relaxed).is_multiple_of(256) && self.cancel.load(Ordering::Relaxed) {
            return Err(ExportError::Cancelled);
        }
        Ok(())
    }

    /// Between 0 and 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed).max(1);
        (self.done.load(Ordering::Relaxed) as f32 / total as f32).min(1.0)
    }
}

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0} already exists (give --force to replace it)")]
    Exists(String),
    #[error("cannot write {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("cannot build the {format} file: {message}")]
    Build { format: &'static str, message: String },
    #[error("the export was cancelled")]
    Cancelled,
}

impl ExportError {
    fn build(format: Format, e: impl std::fmt::Display) -> ExportError {
        ExportError::Build { format: format.name(), message: e.to_string() }
    }
}

/// The rows of a pair that the scope keeps, with their flags and notes.
pub fn prepare(pair: &Pair, annotations: &Annotations, flags: &[Flag], options: &Options) -> Export {
    let links = &pair.alignment.links;
    let mut by_row: Vec<(Vec<FlagKind>, Vec<String>)> = vec![Default::default(); links.len()];
    for f in flags.iter().filter(|f| f.row < links.len()) {
        let (kinds, messages) = &mut by_row[f.row];
        if !kinds.contains(&f.kind) {
            kinds.push(f.kind);
        }
        messages.push(f.message.clone());
    }
    let wanted = |k: usize| match &options.scope {
        RowScope::All => true,
        RowScope::Paired => links[k].is_paired(),
        RowScope::Flagged => !by_row[k].0.is_empty(),
        RowScope::Rows(r) => r.contains(&k),
    };
    let cell = |side: Side, turns: &Range<usize>| {
        let t = &pair.doc(side).turns;
        Cell {
            pieces: t.turns[turns.clone()]
                .iter()
                .map(|turn| Piece {
                    speaker: t.speaker_name(turn).map(str::to_owned),
                    kind: turn.kind,
                    text: turn.text.clone(),
                })
                .collect(),
            // Lines of a text file; extracted paragraphs of a document without lines.
            lines: (!turns.is_empty()).then(|| {
                let doc = pair.doc(side);
                (doc.unit(t.turns[turns.start].first_line), doc.unit(t.turns[turns.end - 1].last_line))
            }),
        }
    };
    let kept: Vec<usize> = (0..links.len()).filter(|&k| wanted(k)).collect();
    let sentences = (options.segments == Segments::Sentence)
        .then(|| super::align::sentences::inside_rows(&pair.docs.left.turns, &pair.docs.right.turns, &pair.alignment));
    let mut rows = Vec::with_capacity(kept.len());
    for k in kept {
        let link = &links[k];
        let (kinds, messages) = std::mem::take(&mut by_row[k]);
        let row = Row {
            number: k + 1,
            segment: None,
            cells: Sides::from_fn(|side| cell(side, link.turns(side))),
            score: link.score,
            by_hand: link.origin == super::alignment::Origin::User,
            flags: kinds,
            messages,
            note: annotations.note(&pair.alignment, k).map(str::to_owned),
        };
        match sentences.as_ref().map(|all| &all[k]) {
            Some(inside) if inside.groups.len() > 1 => rows.extend(sentence_rows(pair, row, inside)),
            _ => rows.push(row),
        }
    }
    let langs = Sides::from_fn(|side| {
        options.langs[side]
            .clone()
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| lang::detect(pair.doc(side)).into())
    });
    let files = Sides::from_fn(|side| pair.doc(side).name());
    Export {
        title: format!("{} ↔ {}", files.left, files.right),
        files,
        langs,
        rows,
        total_rows: links.len(),
        raw: options.raw,
        segments: options.segments,
    }
}

/// A pair's row cut into one row per group of sentences: each cell holds the group's sentences
/// (those of one turn as one piece, their text as written between them); the row's flags and
/// note go with its first group, and every group keeps the pair's number.
fn sentence_rows(pair: &Pair, row: Row, inside: &super::align::sentences::RowSentences) -> Vec<Row> {
    let cell = |side: Side, sentences: &[super::align::sentences::Sentence]| {
        let doc = pair.doc(side);
        let t = &doc.turns;
        let mut pieces: Vec<(usize, Range<usize>)> = Vec::new();
        for s in sentences {
            match pieces.last_mut() {
                Some((turn, range)) if *turn == s.turn => range.end = s.range.end,
                _ => pieces.push((s.turn, s.range.clone())),
            }
        }
        Cell {
            lines: pieces
                .first()
                .zip(pieces.last())
                .map(|((a, _), (b, _))| (doc.unit(t.turns[*a].first_line), doc.unit(t.turns[*b].last_line))),
            pieces: pieces
                .into_iter()
                .map(|(turn, range)| {
                    let turn = &t.turns[turn];
                    Piece {
                        speaker: t.speaker_name(turn).map(str::to_owned),
                        kind: turn.kind,
                        text: turn.text[range].to_string(),
                    }
                })
                .collect(),
        }
    };
    let (number, by_hand) = (row.number, row.by_hand);
    let mut first = Some(row);
    inside
        .groups
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let sides = Sides::new(&inside.left[g.left.clone()], &inside.right[g.right.clone()]);
            let cells = Sides::from_fn(|side| cell(side, sides[side]));
            let segment = Some(k + 1);
            match first.take() {
                Some(row) => Row { cells, score: g.score, segment, ..row },
                None => Row {
                    number,
                    segment,
                    cells,
                    score: g.score,
                    by_hand,
                    flags: Vec::new(),
                    messages: Vec::new(),
                    note: None,
                },
            }
        })
        .collect()
}

/// The export in one format, as bytes.
///
/// # Errors
/// A writer failed, or `progress` was cancelled.
pub fn to_bytes(export: &Export, format: Format, progress: &Progress) -> Result<Vec<u8>, ExportError> {
    progress.start(export.rows.len());
    match format {
        Format::Tmx => tmx::write(export, progress),
        Format::Tsv => Ok(tsv::write_tsv(export, progress)?.into_bytes()),
        Format::Csv => tsv::write_csv(export, progress),
        Format::Xlsx => xlsx::write(export, progress),
        Format::Docx => docx::write(export, progress),
        Format::Html => Ok(html::write(export, progress)?.into_bytes()),
    }
}

/// Writes the export to a file, whole or not at all (a temporary file renamed over the name), and
/// never over an existing file unless `force`.
///
/// # Errors
/// The file exists, the folder cannot be written, a writer failed or the export was cancelled.
pub fn write_file(
    export: &Export,
    format: Format,
    path: &Path,
    force: bool,
    progress: &Progress,
) -> Result<(), ExportError> {
    let shown = path.display().to_string();
    if !force && path.exists() {
        return Err(ExportError::Exists(shown));
    }
    let bytes = to_bytes(export, format, progress)?;
    super::files::write_whole(path, &bytes).map_err(|source| ExportError::Io { path: shown, source })
}

/// Text that XML 1.0 can carry: control characters other than tab and line breaks left out.
pub(crate) fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}');
    if text.chars().any(bad) { text.chars().filter(|&c| !bad(c)).collect::<String>().into() } else { text.into() }
}

/// "2026-11-29T14:03:00Z" split into its parts, from the system clock (UTC).
pub(crate) fn now_utc() -> [u64; 6] {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's civil-from-days, for the proleptic Gregorian calendar.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    [year as u64, month as u64, day as u64, rest / 3600, rest / 60 % 60, rest % 60]
}

#[cfg(test)]
mod tests;
