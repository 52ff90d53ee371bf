//! The export as an Excel workbook (rust_xlsxwriter): the columns of the TSV (the flags' kinds to
//! filter on, and what each flag says), wrapped text, set
//! widths, a frozen header with filters, a font with Chinese glyphs, flagged rows coloured.

use rust_xlsxwriter::{
    Color, DocProperties, Format as Style, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::tsv::{HEADER, fields};
use super::{Export, ExportError, Format, Progress};

/// A font every Windows has since Vista, with Latin and Chinese glyphs; other systems substitute
/// their own CJK font for it.
const FONT: &str = "Microsoft YaHei";

/// Excel's limit on the characters of one cell.
const CELL_MAX: usize = 32_767;

/// Widths, in characters, of the columns (those of [`HEADER`]).
const WIDTHS: [f64; 10] = [60.0, 60.0, 18.0, 18.0, 9.0, 9.0, 7.0, 14.0, 30.0, 40.0];

/// Points a wrapped line of the 10.5-point font takes, Chinese included.
const LINE_HEIGHT: f64 = 14.0;

/// Excel's last row.
const ROWS_MAX: usize = 1_048_575;

pub fn write(export: &Export, progress: &Progress) -> Result<Vec<u8>, ExportError> {
    let fail = |e: XlsxError| ExportError::build(Format::Xlsx, e);
    if export.rows.len() > ROWS_MAX {
        return Err(ExportError::build(
            Format::Xlsx,
            format!("{} rows are more than a sheet holds", export.rows.len()),
        ));
    }
    let mut book = Workbook::new();
    // Fast compression: on a long pair the default level costs seconds for a few percent of size.
    book.set_zip_compression_level(1);
    book.set_properties(&DocProperties::new().set_title(&export.title).set_author("Tandem"));
    let sheet = book.add_worksheet();
    sheet.set_name("Alignment").map_err(fail)?;
    fill(sheet, export, progress)?;
    book.save_to_buffer().map_err(fail)
}

fn fill(sheet: &mut Worksheet, export: &Export, progress: &Progress) -> Result<(), ExportError> {
    let fail = |e: XlsxError| ExportError::build(Format::Xlsx, e);
    let base = Style::new().set_font_name(FONT).set_font_size(10.5).set_text_wrap().set_align(FormatAlign::Top);
    let header =
        base.clone().set_bold().set_background_color(Color::RGB(0x00D9_E2EC)).set_border_bottom(FormatBorder::Thin);
    let flagged = base.clone().set_background_color(Color::RGB(0x00FF_F1C2));
    let number = base.clone().set_num_format("0.000");
    let flagged_number = flagged.clone().set_num_format("0.000");
    for (col, (name, width)) in HEADER.iter().zip(WIDTHS).enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *name, &header).map_err(fail)?;
        sheet.set_column_width(col, width).map_err(fail)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    for (k, row) in export.rows.iter().enumerate() {
        progress.row()?;
        let r = (k + 1) as u32;
        let (style, number) = if row.flags.is_empty() { (&base, &number) } else { (&flagged, &flagged_number) };
        let fields = fields(row, true);
        // Spreadsheets do not all fit a row to its wrapped text when they open a file: say it.
        let lines = fields.iter().zip(WIDTHS).map(|(f, w)| wrapped_lines(f, w)).max().unwrap_or(1);
        sheet.set_row_height(r, (lines as f64 * LINE_HEIGHT + 3.0).min(409.0)).map_err(fail)?;
        for (col, field) in fields.iter().enumerate() {
            let col = col as u16;
            if col == 6 && row.is_paired() {
                sheet.write_number_with_format(r, col, f64::from(row.score), number).map_err(fail)?;
            } else {
                sheet.write_string_with_format(r, col, clip(field).as_ref(), style).map_err(fail)?;
            }
        }
    }
    let last = export.rows.len() as u32;
    sheet.autofilter(0, 0, last.max(1), (HEADER.len() - 1) as u16).map_err(fail)?;
    sheet.set_landscape().set_print_fit_to_pages(1, 0).set_repeat_rows(0, 0).map_err(fail)?;
    Ok(())
}

/// Lines a text takes in a column `width` characters wide (a Chinese character is two).
fn wrapped_lines(text: &str, width: f64) -> usize {
    // A column of width w holds a little more than w characters of a proportional font.
    let per_line = (width * 1.1).max(1.0);
    text.split('\n')
        .map(|line| ((crate::core::text::display_width(line) as f64 / per_line).ceil() as usize).max(1))
        .sum()
}

/// A cell's text within Excel's limit (counted in UTF-16 units, as Excel does), cut on a
/// character boundary and ended with "…" when it had to be cut.
fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    if text.encode_utf16().count() <= CELL_MAX {
        return text.into();
    }
    let mut units = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > CELL_MAX - 1
        })
        .map_or(text.len(), |(at, _)| at);
    format!("{}…", &text[..end]).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_too_long_for_excel_is_cut_within_its_limit() {
        let long = "语".repeat(20_000) + &"🙂".repeat(10_000);
        let cut = clip(&long);
        assert_eq!(cut.encode_utf16().count(), CELL_MAX);
        assert!(cut.ends_with('…') && cut.starts_with("语语"));
        assert_eq!(clip("short"), "short");
        let exact = "a".repeat(CELL_MAX);
        assert_eq!(clip(&exact), exact);
    }

    #[test]
    fn rows_are_as_tall_as_their_wrapped_text() {
        assert_eq!(wrapped_lines("", 60.0), 1);
        assert_eq!(wrapped_lines("short", 60.0), 1);
        assert_eq!(wrapped_lines(&"a".repeat(140), 60.0), 3);
        assert_eq!(wrapped_lines(&"语".repeat(59), 60.0), 2, "a Chinese character is two columns wide");
        assert_eq!(wrapped_lines("one\ntwo", 60.0), 2);
    }
}
