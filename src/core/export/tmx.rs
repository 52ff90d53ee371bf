//! TMX 1.4b, the translation-memory exchange format: one `<tu>` per paired row, one `<tuv>` per
//! side with the speaker as a property; flags and notes on the unit. Written with quick-xml.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::{Export, ExportError, Format, Progress, Row, Segments, xml_safe};
use crate::core::side::Side;

pub fn write(export: &Export, progress: &Progress) -> Result<Vec<u8>, ExportError> {
    let mut w = Writer::new_with_indent(Vec::with_capacity(export.rows.len() * 600), b' ', 2);
    document(&mut w, export, progress).map_err(|e| match e {
        Failure::Io(e) => ExportError::build(Format::Tmx, e),
        Failure::Stopped(e) => e,
    })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

enum Failure {
    Io(io::Error),
    Stopped(ExportError),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

fn document(w: &mut Writer<Vec<u8>>, export: &Export, progress: &Progress) -> Result<(), Failure> {
    let [y, mo, d, h, mi, s] = super::now_utc();
    let date = format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z");
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::DocType(BytesText::from_escaped("tmx SYSTEM \"tmx14.dtd\"")))?;
    let mut stopped = None;
    w.create_element("tmx").with_attribute(("version", "1.4")).write_inner_content(|w| {
        w.create_element("header")
            .with_attributes([
                ("creationtool", "Tandem"),
                ("creationtoolversion", env!("CARGO_PKG_VERSION")),
                ("segtype", if export.segments == Segments::Sentence { "sentence" } else { "paragraph" }),
                ("o-tmf", "Tandem"),
                ("adminlang", "en"),
                ("srclang", export.langs.left.as_str()),
                ("datatype", "plaintext"),
                ("creationdate", date.as_str()),
            ])
            .write_inner_content(|w| {
                for (side, name) in [(Side::Left, "x-left-file"), (Side::Right, "x-right-file")] {
                    prop(w, name, &export.files[side])?;
                }
                Ok(())
            })?;
        w.create_element("body").write_inner_content(|w| {
            for row in &export.rows {
                if let Err(e) = progress.row() {
                    stopped = Some(e);
                    return Ok(());
                }
                if row.is_paired() {
                    unit(w, export, row)?;
                }
            }
            Ok(())
        })?;
        Ok(())
    })?;
    match stopped {
        Some(e) => Err(Failure::Stopped(e)),
        None => Ok(()),
    }
}

fn prop(w: &mut Writer<Vec<u8>>, kind: &str, text: &str) -> io::Result<()> {
    w.create_element("prop").with_attribute(("type", kind)).write_text_content(BytesText::new(&xml_safe(text)))?;
    Ok(())
}

fn unit(w: &mut Writer<Vec<u8>>, export: &Export, row: &Row) -> io::Result<()> {
    // A pair's sentence groups are `12.1`, `12.2`…: a unit's id stays unique.
    let id = match row.segment {
        Some(k) => format!("{}.{k}", row.number),
        None => row.number.to_string(),
    };
    w.create_element("tu").with_attribute(("tuid", id.as_str())).write_inner_content(|w| {
        if let Some(note) = &row.note {
            w.create_element("note").write_text_content(BytesText::new(&xml_safe(note)))?;
        }
        for message in &row.messages {
            w.create_element("note").write_text_content(BytesText::new(&xml_safe(message)))?;
        }
        for kind in &row.flags {
            prop(w, "x-flag", kind.name())?;
        }
        if row.by_hand {
            prop(w, "x-aligned", "by hand")?;
        }
        for side in Side::BOTH {
            let cell = &row.cells[side];
            w.create_element("tuv").with_attribute(("xml:lang", export.langs[side].as_str())).write_inner_content(
                |w| {
                    let speakers = cell.speakers();
                    if !speakers.is_empty() {
                        prop(w, "x-speaker", &speakers)?;
                    }
                    prop(w, "x-lines", &cell.lines_text())?;
                    w.create_element("seg").write_text_content(BytesText::new(&xml_safe(&cell.text())))?;
                    Ok(())
                },
            )?;
        }
        Ok(())
    })?;
    Ok(())
}
