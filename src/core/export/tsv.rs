//! The export as a table of text: TSV (one line a row, tabs and line breaks inside a cell written
//! `\t`, `\n`, `\r` and a backslash `\\`) or CSV (RFC 4180 quoting, by the `csv` crate).

use super::{Export, ExportError, Format, Progress, Row};

/// The columns, in order, as the header row names them.
pub const HEADER: [&str; 10] = [
    "left_text",
    "right_text",
    "left_speaker",
    "right_speaker",
    "left_lines",
    "right_lines",
    "score",
    "flags",
    "note",
    "flag_messages",
];

/// A cell a spreadsheet would run as a formula (`=cmd|' /C calc'!A0`, `+1+1`, `-2+3`,
/// `@SUM(…)`, or a tab or carriage return first) gets a leading `'`, as OWASP advises for CSV
/// injection: the spreadsheet shows the text and runs nothing. Other cells are left as they are.
pub fn defuse(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell }
}

/// The cells of a row, in the order of [`HEADER`], defused unless `raw` (see [`defuse`]).
pub fn fields(row: &Row, raw: bool) -> [String; 10] {
    let cells = plain_fields(row);
    if raw { cells } else { cells.map(defuse) }
}

fn plain_fields(row: &Row) -> [String; 10] {
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
        // Last, added after the others: scripts that read the first nine by place still can.
        row.messages.join("; "),
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
        for (k, field) in fields(row, export.raw).iter().enumerate() {
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
        w.write_record(fields(row, export.raw)).map_err(fail)?;
    }
    w.into_inner().map_err(|e| ExportError::build(Format::Csv, e.error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_defused() {
        assert_eq!(defuse("=cmd|' /C calc'!A0".into()), "'=cmd|' /C calc'!A0");
        for cell in ["+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert!(defuse(cell.into()).starts_with('\''), "{cell:?}");
        }
        assert_eq!(defuse("Shen Wei : oui".into()), "Shen Wei : oui");
        assert_eq!(defuse("15 %".into()), "15 %");
    }

    #[test]
    fn escaping_keeps_a_row_on_one_line_and_reads_back() {
        let text = "a\tb\nc\\n d\r\n";
        let mut out = String::new();
        escape(text, &mut out);
        assert!(!out.contains(['\t', '\n', '\r']));
        assert_eq!(unescape(&out), text);
    }
}
