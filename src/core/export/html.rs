//! The export as one self-contained web page laid out like the window — pair numbers, two columns,
//! speakers, flags and notes — with a print style sheet that never cuts a row in half. Every
//! piece of text is escaped, and a content security policy forbids scripts and outside requests.

use std::fmt::Write as _;

use quick_xml::escape::escape;

use super::{Cell, Export, ExportError, Progress, Row};
use crate::core::side::Side;
use crate::core::turns::TurnKind;

const STYLE: &str = r#"
:root { --ink: #1f2328; --muted: #6e7781; --rule: #d0d7de; --flag: #fff1c2; --note: #9a3412; --accent: #1d5fa8; }
* { box-sizing: border-box; }
body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: var(--ink); background: #fff;
  font: 15px/1.55 "Noto Sans", "Noto Sans SC", "Segoe UI", "Microsoft YaHei", "PingFang SC", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.n { width: 3.2rem; }
th { text-align: left; font-weight: 600; border-bottom: 2px solid var(--rule); padding: .4rem .6rem; }
td { vertical-align: top; padding: .5rem .6rem; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
td.n { color: var(--muted); font-size: .8rem; text-align: right; padding-top: .65rem; }
tr.flagged td { background: var(--flag); }
.speaker { font-weight: 600; color: var(--accent); }
.heading p { font-weight: 700; }
.narration p { font-style: italic; color: #444c56; }
p { margin: 0 0 .35rem; white-space: pre-wrap; }
.none { color: var(--muted); font-style: italic; }
.remarks { margin-top: .35rem; font-size: .85rem; color: var(--note); }
.remarks div::before { content: "⚑ "; }
.remarks .note::before { content: "✎ "; }
@media print {
  @page { margin: 14mm 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tr.flagged td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn write(export: &Export, progress: &Progress) -> Result<String, ExportError> {
    let mut out = String::with_capacity(export.rows.len() * 700 + 4096);
    let t = |s: &str| escape(s).into_owned();
    let lang = |side: Side| t(&export.langs[side]);
    // `write!` into a String cannot fail.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"Tandem {}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        lang(Side::Left),
        env!("CARGO_PKG_VERSION"),
        t(&export.title),
        t(&export.title),
    );
    let count = export.count();
    let _ = write!(
        out,
        "<p class=\"meta\">Left: {} ({}) · Right: {} ({}) · {count}</p>\n<table>\n\
         <colgroup><col class=\"n\"><col><col></colgroup>\n\
         <thead><tr><th>#</th><th lang=\"{}\">{}</th><th lang=\"{}\">{}</th></tr></thead>\n<tbody>\n",
        t(&export.files.left),
        lang(Side::Left),
        t(&export.files.right),
        lang(Side::Right),
        lang(Side::Left),
        t(&export.files.left),
        lang(Side::Right),
        t(&export.files.right),
    );
    for row in &export.rows {
        progress.row()?;
        write_row(&mut out, export, row);
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    Ok(out)
}

fn write_row(out: &mut String, export: &Export, row: &Row) {
    let class = if row.flags.is_empty() { "" } else { " class=\"flagged\"" };
    let score = if row.is_paired() { format!(" title=\"score {:.2}\"", row.score) } else { String::new() };
    // A pair cut into sentence groups: the first group carries the pair's anchor and number.
    match row.segment {
        Some(k) if k > 1 => {
            let _ = write!(out, "<tr{class}{score}><td class=\"n\"></td>");
        }
        _ => {
            let _ = write!(out, "<tr id=\"p{0}\"{class}{score}><td class=\"n\">{0}</td>", row.number);
        }
    }
    for side in Side::BOTH {
        let _ = write!(out, "<td lang=\"{}\">", escape(&export.langs[side]));
        write_cell(out, &row.cells[side]);
        if side == Side::Right && (!row.messages.is_empty() || row.note.is_some()) {
            out.push_str("<div class=\"remarks\">");
            for m in &row.messages {
                let _ = write!(out, "<div>{}</div>", escape(m));
            }
            if let Some(note) = &row.note {
                let _ = write!(out, "<div class=\"note\">{}</div>", escape(note));
            }
            out.push_str("</div>");
        }
        out.push_str("</td>");
    }
    out.push_str("</tr>\n");
}

fn write_cell(out: &mut String, cell: &Cell) {
    if cell.is_empty() {
        out.push_str("<p class=\"none\">no counterpart</p>");
        return;
    }
    let mut last: Option<&str> = None;
    for piece in &cell.pieces {
        let kind = match piece.kind {
            TurnKind::Speech => "speech",
            TurnKind::Narration => "narration",
            TurnKind::Heading => "heading",
        };
        let _ = write!(out, "<div class=\"{kind}\">");
        if let Some(name) = piece.speaker.as_deref().filter(|&n| Some(n) != last) {
            let _ = write!(out, "<div class=\"speaker\">{}</div>", escape(name));
        }
        last = piece.speaker.as_deref();
        for line in piece.text.split('\n') {
            let _ = write!(out, "<p>{}</p>", escape(line));
        }
        out.push_str("</div>");
    }
}
