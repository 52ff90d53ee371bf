//! The export as a table of text: TSV (one line a row, tabs and line breaks inside a cell written
//! `\t`, `\n`, `\r` and a backslash `\\`) or CSV (RFC 4180 quoting, by the `csv` crate).

use super::{Export, ExportError, Format, Progress, Row};

/// The columns, in order, as the header row names them.
pub const HEADER: [&str; 9] =
    ["left_text", "right_text", "left_speaker", "right_speaker", "left_lines", "right_lines", "score", "flags", "note"];

/// The cells of a row, in the order of [`HEADER`].
pub fn fields(row: &Row) -> [String; 9] {
    let c = &row.cells;
    [
        c.left.text(),
        c.right.text(),
        c.left.speakers(),
        c.right.speakers(),
        c.left.lines_text(),
        c.right.lines_text(),
        if row.is_paired() { format!("{:.3}", row.score) } else { String::new() },
        row.flags_text(),
        row.note.clone().unwrap_or_default(),
    ]
}

/// A cell with its tabs, line breaks and backslashes escaped, so that a row stays one line.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// The reverse of [`escape`], for readers (and tests).
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

pub fn write_tsv(export: &Export, progress: &Progress) -> Result<String, ExportError> {
    let mut out = HEADER.join("\t");
    out.push('\n');
    for row in &export.rows {
        progress.row()?;
        for (k, field) in fields(row).iter().enumerate() {
            if k > 0 {
                out.push('\t');
            }
            escape(field, &mut out);
        }
        out.push('\n');
    }
    Ok(out)
}

pub fn write_csv(export: &Export, progress: &Progress) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let fail = |e: csv::Error| ExportError::build(Format::Csv, e);
    w.write_record(HEADER).map_err(fail)?;
    for row in &export.rows {
        progress.row()?;
        w.write_record(fields(row)).map_err(fail)?;
    }
    w.into_inner().map_err(|e| ExportError::build(Format::Csv, e.error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_a_row_on_one_line_and_reads_back() {
        let text = "a\tb\nc\\n d\r\n";
        let mut out = String::new();
        escape(text, &mut out);
        assert!(!out.contains(['\t', '\n', '\r']));
        assert_eq!(unescape(&out), text);
    }
}
