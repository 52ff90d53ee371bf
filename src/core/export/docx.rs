//! The export as a Word document (docx-rs): the title and both file names at the top, then the
//! "bilingual table" reviewers know — one row per pair, the speaker in bold above each speech,
//! flags and notes in small italics under the right-hand text.

use docx_rs::{
    Docx, PageMargin, Paragraph, Run, RunFonts, Shading, ShdType, Table, TableCell, TableLayoutType, TableRow,
    WidthType,
};

use super::{Cell, Export, ExportError, Format, Progress, Row, xml_safe};
use crate::core::side::Side;
use crate::core::turns::TurnKind;

/// A4 in twentieths of a point, with 2 cm margins.
const PAGE: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_134;

pub fn write(export: &Export, progress: &Progress) -> Result<Vec<u8>, ExportError> {
    let column = ((PAGE.0 as i32 - 2 * MARGIN) / 2) as usize;
    let head = TableRow::new(
        Side::BOTH
            .into_iter()
            .map(|side| {
                let name = format!("{} ({})", export.files[side], export.langs[side]);
                TableCell::new()
                    .width(column, WidthType::Dxa)
                    .shading(Shading::new().shd_type(ShdType::Clear).fill("D9E2EC"))
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(&name)).bold()))
            })
            .collect(),
    )
    .cant_split();
    let mut rows = Vec::with_capacity(export.rows.len() + 1);
    rows.push(head);
    for row in &export.rows {
        progress.row()?;
        rows.push(table_row(row, column));
    }
    let table = Table::new(rows)
        .set_grid(vec![column, column])
        .layout(TableLayoutType::Fixed)
        .width(2 * column, WidthType::Dxa);
    let shown = export.rows.len();
    let count = if shown == export.total_rows {
        format!("{shown} pairs")
    } else {
        format!("{shown} of {} pairs", export.total_rows)
    };
    let doc = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN).left(MARGIN).right(MARGIN))
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").east_asia("Microsoft YaHei"))
        .default_size(21)
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(&export.title)).bold().size(32)))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(xml_safe(&format!(
            "Left: {}   ·   Right: {}   ·   {count}, exported by Tandem",
            export.files.left, export.files.right
        )))))
        .add_table(table);
    let mut out = std::io::Cursor::new(Vec::with_capacity(export.rows.len() * 400 + 16_384));
    doc.pack(&mut out).map_err(|e| ExportError::build(Format::Docx, e))?;
    Ok(out.into_inner())
}

fn table_row(row: &Row, column: usize) -> TableRow {
    let cells = Side::BOTH
        .into_iter()
        .map(|side| {
            let mut cell = TableCell::new().width(column, WidthType::Dxa);
            for p in paragraphs(&row.cells[side]) {
                cell = cell.add_paragraph(p);
            }
            if side == Side::Right {
                let mut remarks: Vec<String> = row.messages.iter().map(|m| format!("Flag: {m}")).collect();
                remarks.extend(row.note.iter().map(|n| format!("Note: {n}")));
                for r in remarks {
                    cell = cell.add_paragraph(
                        Paragraph::new().add_run(Run::new().add_text(xml_safe(&r)).italic().size(17).color("9A3412")),
                    );
                }
            }
            if !row.flags.is_empty() {
                cell = cell.shading(Shading::new().shd_type(ShdType::Clear).fill("FFF1C2"));
            }
            cell
        })
        .collect();
    TableRow::new(cells)
}

/// A cell's turns: the speaker in bold where it changes, then one paragraph per paragraph of text.
fn paragraphs(cell: &Cell) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut last: Option<&str> = None;
    for piece in &cell.pieces {
        if let Some(name) = piece.speaker.as_deref().filter(|&n| Some(n) != last) {
            out.push(Paragraph::new().add_run(Run::new().add_text(xml_safe(name)).bold()));
        }
        last = piece.speaker.as_deref();
        for line in piece.text.split('\n') {
            let run = Run::new().add_text(xml_safe(line));
            out.push(Paragraph::new().add_run(match piece.kind {
                TurnKind::Heading => run.bold(),
                TurnKind::Narration => run.italic(),
                TurnKind::Speech => run,
            }));
        }
    }
    if out.is_empty() {
        out.push(Paragraph::new());
    }
    out
}
