//! The documents people have — plain text, Markdown, Word (.docx), OpenDocument (.odt), SRT and
//! WebVTT subtitles, saved web pages — turned into the one thing the core reads: text whose
//! paragraphs are separated by blank lines, with where each paragraph came from (paragraph 12,
//! cue 34 at 00:01:02). The format is told by the content first, the file name second.

mod html;
mod markdown;
mod office;
mod subtitles;
mod tagged;

use std::path::Path;

use super::decode::{self, DecodeError, ErrorKind, MAX_FILE_BYTES};

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    #[default]
    Text,
    Markdown,
    Docx,
    Odt,
    Srt,
    Vtt,
    Html,
    /// The Europarl corpus's tagged text (`<SPEAKER ID=… NAME="…">`).
    Europarl,
}

impl InputFormat {
    /// A word for a person.
    pub fn title(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "Markdown",
            InputFormat::Docx => "Word",
            InputFormat::Odt => "OpenDocument",
            InputFormat::Srt => "SRT subtitles",
            InputFormat::Vtt => "WebVTT subtitles",
            InputFormat::Html => "web page",
            InputFormat::Europarl => "Europarl proceedings",
        }
    }

    /// Its line numbers are the file's own (text, Markdown); the others count extracted paragraphs.
    pub fn has_lines(self) -> bool {
        matches!(self, InputFormat::Text | InputFormat::Markdown)
    }
}

/// The file extensions the open dialog offers, by kind.
pub const DIALOG_FILTERS: [(&str, &[&str]); 5] = [
    ("Texts and documents", &["txt", "text", "md", "markdown", "docx", "odt", "srt", "vtt", "html", "htm"]),
    ("Word and OpenDocument", &["docx", "odt"]),
    ("Subtitles", &["srt", "vtt"]),
    ("Web pages", &["html", "htm"]),
    ("Plain text and Markdown", &["txt", "text", "md", "markdown"]),
];

pub use super::decode::READ;
pub(crate) use subtitles::millis;

/// A file read and turned into text.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub text: String,
    /// The encoding of a text file; UTF-8 for the XML and zip formats.
    pub encoding: &'static str,
    pub replaced: usize,
    /// Why the encoding is only a guess, when it may well be wrong (see [`decode::Decoded::guess`]).
    pub guess: Option<String>,
    pub format: InputFormat,
    /// For formats without lines: where each extracted paragraph came from, in order
    /// (`paragraph 12`, `cue 34 · 00:01:02`). Paragraph `k` (0-based) is on line `2k + 1`.
    pub positions: Vec<String>,
    /// Subtitles: when each extracted paragraph is said (start, end in milliseconds).
    pub times: Vec<(u32, u32)>,
    /// Speakers the format itself names (canonical form): speakers however rarely they speak.
    pub speakers: Vec<String>,
    /// For a format whose paragraphs are lines of a text file (Europarl's): each extracted
    /// paragraph's line in the file, which is how a user finds it there.
    pub lines: Vec<usize>,
}

/// Paragraphs being gathered from a structured document.
#[derive(Debug, Default)]
pub struct Paragraphs {
    text: String,
    positions: Vec<String>,
    times: Vec<(u32, u32)>,
}

impl Paragraphs {
    /// One paragraph (line breaks inside it kept), with where it came from. Empty ones are left out.
    pub fn push(&mut self, paragraph: &str, position: impl FnOnce() -> String) {
        let cleaned: Vec<&str> = paragraph.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if cleaned.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        // Lines of one paragraph stay one paragraph: joined (without a space between Chinese lines).
        self.text.push_str(&super::text::join_wrapped(cleaned.iter().copied()));
        self.positions.push(position());
    }

    /// [`Self::push`], the position being the paragraph's number: `paragraph 12`.
    pub fn push_numbered(&mut self, paragraph: &str, unit: &str) {
        let k = self.len() + 1;
        self.push(paragraph, || format!("{unit} {k}"));
    }

    /// [`Self::push`], for a paragraph said at a known time.
    pub fn push_timed(&mut self, paragraph: &str, time: (u32, u32), position: impl FnOnce() -> String) {
        let before = self.len();
        self.push(paragraph, position);
        if self.len() > before {
            self.times.resize(before, (0, 0));
            self.times.push(time);
        }
    }

    pub fn len(&self) -> usize {
        self.positions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    fn into_source(self, format: InputFormat) -> Extracted {
        let mut text = self.text;
        text.push('\n');
        let times = if self.times.len() == self.positions.len() { self.times } else { Vec::new() };
        Extracted {
            text,
            encoding: "UTF-8",
            replaced: 0,
            guess: None,
            format,
            positions: self.positions,
            times,
            speakers: Vec::new(),
            lines: Vec::new(),
        }
    }
}

/// A table row read from a document: two cells of which the first is short (`Speaker | What
/// they said`) read as `Speaker: What they said`; other rows give one paragraph per cell.
pub fn table_row(cells: &[String]) -> Vec<String> {
    let cells: Vec<&str> = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    match cells.as_slice() {
        [first, second]
            if first.chars().count() <= 40
                && !first.contains('\n')
                && !first.ends_with(['.', '。', '!', '?', '！', '？']) =>
        {
            let colon = if first.ends_with([':', '：']) { "" } else { ":" };
            vec![format!("{first}{colon} {second}")]
        }
        _ => cells.iter().map(|c| (*c).to_string()).collect(),
    }
}

/// Reads a file in whatever format it is.
///
/// # Errors
/// The file cannot be read, is empty or too large, is a document that is damaged or protected,
/// or is none of the formats Tandem reads.
pub fn read(path: &Path, forced_encoding: Option<&str>) -> Result<Extracted, DecodeError> {
    let err = |kind| DecodeError::new(path, kind);
    let bytes = decode::read_bytes(path)?;
    read_bytes(path, &bytes, forced_encoding).map_err(err)
}

/// [`read`], on bytes already in memory (`path` gives the extension).
///
/// # Errors
/// See [`read`].
pub fn read_bytes(path: &Path, bytes: &[u8], forced_encoding: Option<&str>) -> Result<Extracted, ErrorKind> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") {
        return office::read(bytes, &ext);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ErrorKind::Document(
            "an old Word .doc file, or an Office file protected by a password: save it as .docx \
             (without a password) and open that"
                .into(),
        ));
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(ErrorKind::Document(format!("a PDF; {READ}: save the PDF's text as one of them")));
    }
    let forced = match forced_encoding {
        Some(label) => Some(decode::encoding_for_label(label).ok_or_else(|| ErrorKind::UnknownEncoding(label.into()))?),
        None => None,
    };
    let decoded = decode::decode_bytes(bytes, forced)?;
    let text = decoded.text.trim_start_matches('\u{FEFF}');
    let head: String = text.trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    let extracted = if head.starts_with("webvtt") {
        subtitles::read_vtt(text)
    } else if subtitles::looks_like_srt(text) {
        subtitles::read_srt(text)
    } else if tagged::looks_tagged(text) {
        Some(tagged::read(text))
    } else if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (matches!(ext.as_str(), "html" | "htm" | "xhtml") && head.starts_with('<'))
    {
        Some(html::read(text))
    } else if matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd") {
        return Ok(Extracted {
            text: markdown::read(text),
            encoding: decoded.encoding,
            replaced: decoded.replaced,
            guess: decoded.guess,
            format: InputFormat::Markdown,
            positions: Vec::new(),
            times: Vec::new(),
            speakers: Vec::new(),
            lines: Vec::new(),
        });
    } else {
        None
    };
    match extracted {
        Some(source) if source.positions.is_empty() => {
            Err(ErrorKind::Document(format!("a {} with no text in it", source.format.title())))
        }
        Some(mut source) => {
            source.encoding = decoded.encoding;
            source.replaced = decoded.replaced;
            source.guess = decoded.guess;
            Ok(source)
        }
        None => Ok(Extracted {
            text: decoded.text,
            encoding: decoded.encoding,
            replaced: decoded.replaced,
            guess: decoded.guess,
            format: InputFormat::Text,
            positions: Vec::new(),
            times: Vec::new(),
            speakers: Vec::new(),
            lines: Vec::new(),
        }),
    }
}

/// Reads at most [`MAX_FILE_BYTES`] of a part of a zip archive (a zip bomb stops there).
fn read_part(part: impl std::io::Read) -> Result<Vec<u8>, ErrorKind> {
    read_part_within(part, MAX_FILE_BYTES)
}

fn read_part_within(part: impl std::io::Read, limit: u64) -> Result<Vec<u8>, ErrorKind> {
    decode::read_limited(part, limit).map_err(|e| match e {
        // The file itself may be small: what grows too large is its content, and that is said.
        ErrorKind::TooLarge(_) => ErrorKind::Document(format!(
            "a damaged or hostile document: its compressed content inflates past the limit of {} MiB",
            limit >> 20
        )),
        other => other,
    })
}

#[cfg(test)]
mod tests;
