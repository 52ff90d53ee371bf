//! Word (.docx) and OpenDocument (.odt) text: the zip archive opened with the `zip` crate, the
//! body's XML streamed with quick-xml — paragraphs in order, headings marked, tables row by row,
//! a bold run ending in a colon at the start of a paragraph kept as a speaker label; footnotes,
//! comments and deleted text left out.

use std::collections::HashSet;
use std::io::Cursor;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use super::{Extracted, InputFormat, Paragraphs, read_part, table_row};
use crate::core::decode::ErrorKind;

/// A Word or OpenDocument file, told apart by what the archive holds.
pub fn read(bytes: &[u8], ext: &str) -> Result<Extracted, ErrorKind> {
    let damaged = |e: zip::result::ZipError| ErrorKind::Document(format!("a damaged zip archive ({e})"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let (format, part) = if zip.index_for_name("word/document.xml").is_some() {
        (InputFormat::Docx, "word/document.xml")
    } else if zip.index_for_name("content.xml").is_some() {
        (InputFormat::Odt, "content.xml")
    } else if zip.index_for_name("EncryptedPackage").is_some() {
        return Err(ErrorKind::Document("an Office file protected by a password: save it without one".into()));
    } else {
        let what = if ext == "docx" { "a .docx without its document part" } else { "a zip archive" };
        return Err(ErrorKind::Document(format!(
            "{what}, not a Word (.docx) or OpenDocument (.odt) text; {}",
            super::READ
        )));
    };
    let entry = zip.by_name(part).map_err(damaged)?;
    if entry.encrypted() {
        return Err(ErrorKind::Document("a document protected by a password: save it without one".into()));
    }
    let xml = read_part(entry)?;
    let xml = String::from_utf8(xml).map_err(|_| ErrorKind::Document(format!("{part} is not UTF-8 XML")))?;
    let paragraphs = match format {
        InputFormat::Docx => walk(&xml, &Docx)?,
        _ => walk(&xml, &Odt { bold_styles: odt_bold_styles(&xml) })?,
    };
    if paragraphs.is_empty() {
        return Err(ErrorKind::Document(format!("a {} document with no text in it", format.title())));
    }
    Ok(paragraphs.into_source(format))
}

/// What an element means, in one vocabulary or the other.
enum Role {
    Paragraph,
    Heading,
    Run,
    Bold,
    Text,
    Tab,
    Break,
    Space(usize),
    Table,
    Row,
    Cell,
    /// Footnotes, comments, deleted text, field codes: nothing of it is read.
    Skip,
    Other,
}

trait Vocabulary {
    fn role(&self, e: &BytesStart<'_>, empty: bool) -> Role;
    fn unit(&self) -> &'static str;
    /// Text counts only inside a text element (Word's `<w:t>`), not anywhere in a paragraph.
    fn text_in_t(&self) -> bool;
}

struct Docx;

impl Vocabulary for Docx {
    fn role(&self, e: &BytesStart<'_>, _empty: bool) -> Role {
        match e.local_name().as_ref() {
            "p" => Role::Paragraph,
            "pStyle" => {
                let style = attr(e, "val").unwrap_or_default().to_ascii_lowercase();
                if style.starts_with("heading") || style == "title" || style == "subtitle" {
                    Role::Heading
                } else {
                    Role::Other
                }
            }
            "r" => Role::Run,
            "b" => match attr(e, "val").as_deref() {
                Some("0" | "false" | "off") => Role::Other,
                _ => Role::Bold,
            },
            "t" => Role::Text,
            "tab" => Role::Tab,
            "br" | "cr" => Role::Break,
            "tbl" => Role::Table,
            "tr" => Role::Row,
            "tc" => Role::Cell,
            "del" | "delText" | "instrText" | "footnoteReference" | "commentReference" | "rPrChange" => Role::Skip,
            _ => Role::Other,
        }
    }

    fn unit(&self) -> &'static str {
        "paragraph"
    }

    fn text_in_t(&self) -> bool {
        true
    }
}

struct Odt {
    /// Automatic text styles that make a span bold.
    bold_styles: HashSet<String>,
}

impl Vocabulary for Odt {
    fn role(&self, e: &BytesStart<'_>, empty: bool) -> Role {
        match e.local_name().as_ref() {
            "p" => Role::Paragraph,
            "h" => Role::Heading,
            "span" if !empty => {
                if attr(e, "style-name").is_some_and(|s| self.bold_styles.contains(&s)) {
                    Role::Bold
                } else {
                    Role::Run
                }
            }
            "tab" => Role::Tab,
            "line-break" => Role::Break,
            "s" => Role::Space(attr(e, "c").and_then(|c| c.parse().ok()).unwrap_or(1).min(100)),
            "table" => Role::Table,
            "table-row" => Role::Row,
            "table-cell" => Role::Cell,
            "note" | "annotation" | "tracked-changes" | "automatic-styles" | "sequence-decls" => Role::Skip,
            _ => Role::Other,
        }
    }

    fn unit(&self) -> &'static str {
        "paragraph"
    }

    fn text_in_t(&self) -> bool {
        false
    }
}

/// The value of an attribute by its local name.
fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

fn entity(r: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// The paragraph being read: its text, its leading bold text, whether it is a heading.
#[derive(Default)]
struct Open {
    text: String,
    bold_lead: String,
    /// Still at the start: only bold text so far.
    leading: bool,
    heading: bool,
}

impl Open {
    fn start(heading: bool) -> Open {
        Open { leading: true, heading, ..Open::default() }
    }

    fn push(&mut self, s: &str, bold: bool) {
        if self.leading {
            if bold || s.trim().is_empty() {
                self.bold_lead.push_str(s);
            } else {
                self.leading = false;
            }
        }
        self.text.push_str(s);
    }

    /// The paragraph as the text reader expects it: `# ` before a heading; a bold label ending
    /// in a colon written like Markdown's `**Name:**`.
    fn finish(self) -> String {
        let text = self.text.trim();
        if text.is_empty() {
            return String::new();
        }
        if self.heading {
            return format!("# {}", text.replace('\n', " "));
        }
        let lead = self.bold_lead.trim();
        if !lead.is_empty() && lead.ends_with([':', '：']) && lead.chars().count() <= 60 && lead.len() < text.len() {
            let rest = text[text.find(lead).map_or(0, |at| at + lead.len())..].trim_start();
            return format!("**{lead}** {rest}");
        }
        if !lead.is_empty() && lead.len() == text.len() && !lead.contains('\n') {
            // A paragraph in bold alone reads as a title, as `**…**` does in plain text.
            return format!("**{lead}**");
        }
        text.to_string()
    }
}

/// What an open element was, to act when it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Paragraph,
    Run,
    Text,
    Cell,
    Row,
    Table,
    Other,
}

/// Streams the body's XML and gathers its paragraphs.
/// One open table: its row and cell being read.
#[derive(Default)]
struct Level {
    row: Vec<String>,
    cell: Vec<String>,
}

fn walk(xml: &str, vocabulary: &dyn Vocabulary) -> Result<Paragraphs, ErrorKind> {
    let mut reader = Reader::from_str(xml);
    let mut out = Paragraphs::default();
    let mut stack: Vec<Tag> = Vec::new();
    // Paragraphs being read (a text box inside a paragraph holds paragraphs of its own).
    let mut opens: Vec<Open> = Vec::new();
    // Whether each open run (or span) is bold.
    let mut bold: Vec<bool> = Vec::new();
    let mut skip_depth = 0usize;
    // Tables, one level a nested table: the cells of the row being read and the paragraphs of
    // the cell being read. A nested table's rows become paragraphs of the cell holding it, so
    // each cell's text is taken once, whatever the nesting.
    let mut tables: Vec<Level> = Vec::new();
    let mut taken = 0usize;
    let unit = vocabulary.unit();
    let bad = |e: quick_xml::Error| ErrorKind::Document(format!("the document's XML is damaged ({e})"));
    let in_run = |bold: &[bool]| !vocabulary.text_in_t() || !bold.is_empty();
    let push = |opens: &mut Vec<Open>, bold: &[bool], s: &str| {
        if let Some(p) = opens.last_mut() {
            p.push(s, bold.iter().any(|&b| b));
        }
    };
    loop {
        let event = reader.read_event().map_err(bad)?;
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let tag = match vocabulary.role(&e, false) {
                    Role::Skip => {
                        skip_depth = 1;
                        continue;
                    }
                    Role::Paragraph => {
                        opens.push(Open::start(false));
                        Tag::Paragraph
                    }
                    Role::Heading => {
                        opens.push(Open::start(true));
                        Tag::Paragraph
                    }
                    Role::Run => {
                        bold.push(false);
                        Tag::Run
                    }
                    Role::Bold => {
                        bold.push(true);
                        Tag::Run
                    }
                    Role::Text => Tag::Text,
                    Role::Table => {
                        tables.push(Level::default());
                        Tag::Table
                    }
                    Role::Row => {
                        if let Some(t) = tables.last_mut() {
                            t.row.clear();
                        }
                        Tag::Row
                    }
                    Role::Cell => {
                        if let Some(t) = tables.last_mut() {
                            t.cell.clear();
                        }
                        Tag::Cell
                    }
                    Role::Tab => {
                        push(&mut opens, &bold, "\t");
                        Tag::Other
                    }
                    Role::Break => {
                        push(&mut opens, &bold, "\n");
                        Tag::Other
                    }
                    Role::Space(n) => {
                        push(&mut opens, &bold, &" ".repeat(n));
                        Tag::Other
                    }
                    Role::Other => Tag::Other,
                };
                stack.push(tag);
            }
            Event::Empty(e) => match vocabulary.role(&e, true) {
                // Word: <w:pStyle w:val="Heading1"/> in the paragraph's properties.
                Role::Heading => {
                    if let Some(p) = opens.last_mut() {
                        p.heading = true;
                    }
                }
                // Word: <w:b/> in the run's properties.
                Role::Bold => {
                    if let Some(b) = bold.last_mut() {
                        *b = true;
                    }
                }
                // Word's <w:tab/> is a tab stop outside a run, a tab inside one.
                Role::Tab if in_run(&bold) => push(&mut opens, &bold, "\t"),
                Role::Break if in_run(&bold) => push(&mut opens, &bold, "\n"),
                Role::Space(n) => push(&mut opens, &bold, &" ".repeat(n)),
                _ => {}
            },
            // Word keeps text in <w:t> only; OpenDocument anywhere in a paragraph.
            Event::Text(t) if stack.last() == Some(&Tag::Text) || (!vocabulary.text_in_t() && !opens.is_empty()) => {
                push(&mut opens, &bold, &t.xml10_content());
            }
            Event::GeneralRef(r) => {
                let wanted = stack.last() == Some(&Tag::Text) || (!vocabulary.text_in_t() && !opens.is_empty());
                if let Some(c) = entity(&r).filter(|_| wanted) {
                    push(&mut opens, &bold, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(_) => match stack.pop() {
                Some(Tag::Paragraph) => {
                    if let Some(p) = opens.pop() {
                        let text = p.finish();
                        // What a crafted file makes the text inflate to is bounded like any read.
                        taken += text.len();
                        if taken > crate::core::decode::MAX_FILE_BYTES as usize {
                            return Err(ErrorKind::Document(format!(
                                "the document's text inflates past the limit of {} MiB",
                                crate::core::decode::MAX_FILE_BYTES >> 20
                            )));
                        }
                        if let Some(t) = tables.last_mut() {
                            t.cell.push(text);
                        } else if let Some(outer) = opens.last_mut() {
                            // A text box's paragraph joins the paragraph it sits in.
                            outer.text.push(' ');
                            outer.text.push_str(&text);
                        } else {
                            out.push_numbered(&text, unit);
                        }
                    }
                }
                Some(Tag::Run) => {
                    bold.pop();
                }
                Some(Tag::Cell) => {
                    if let Some(t) = tables.last_mut() {
                        let text: Vec<&str> = t.cell.iter().map(String::as_str).filter(|c| !c.is_empty()).collect();
                        let text = text.join("\n");
                        t.cell.clear();
                        t.row.push(text);
                    }
                }
                Some(Tag::Row) => {
                    let n = tables.len();
                    if let Some(t) = tables.last_mut() {
                        let row = std::mem::take(&mut t.row);
                        if n == 1 {
                            for p in table_row(&row) {
                                out.push_numbered(&p, unit);
                            }
                        } else {
                            // A nested table's row: paragraphs of the cell that holds the table.
                            let paragraphs = table_row(&row);
                            tables[n - 2].cell.extend(paragraphs);
                        }
                    }
                }
                Some(Tag::Table) => {
                    tables.pop();
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(out)
}

/// OpenDocument's automatic styles that set `fo:font-weight="bold"` on text.
fn odt_bold_styles(xml: &str) -> HashSet<String> {
    let mut reader = Reader::from_str(xml);
    let mut styles = HashSet::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "style" => current = attr(&e, "name"),
            Ok(Event::Empty(e) | Event::Start(e)) if e.local_name().as_ref() == "text-properties" => {
                if let (Some(name), Some("bold" | "700" | "800" | "900")) =
                    (current.as_ref(), attr(&e, "font-weight").as_deref())
                {
                    styles.insert(name.clone());
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "style" => current = None,
            // The styles come before the body: stop there.
            Ok(Event::Start(e)) if e.local_name().as_ref() == "body" => break,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    styles
}
