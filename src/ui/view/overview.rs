//! The overview strip beside the rows: where the unpaired turns and the search hits are, where
//! the view is; click or drag on it to jump.

use egui::{Color32, Rect, Sense, Ui, pos2};

use super::cache::ViewCache;
use super::marks::Marks;
use crate::core::side::Side;

/// Width of the strip, in points.
pub const WIDTH: f32 = 14.0;
/// Height of a band of the one-sided density, in points.
const BAND: f32 = 3.0;

/// Rows, and rows with the left or the right side only, in one band of the strip.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Band {
    rows: u32,
    left: u32,
    right: u32,
}

/// Counts per band: `band_of` places a row (rows in order never go up the strip); `unpaired`
/// lists the one-sided rows and their side. Drawn every frame, so each band's first row is found
/// by bisection rather than by placing all rows.
fn density(rows: usize, unpaired: &[(usize, Side)], bands: usize, band_of: impl Fn(usize) -> usize) -> Vec<Band> {
    let mut out = vec![Band::default(); bands];
    let first_row = |band: usize| {
        let (mut lo, mut hi) = (0, rows);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if band_of(mid) < band { lo = mid + 1 } else { hi = mid }
        }
        lo
    };
    let mut start = 0;
    for (band, slot) in out.iter_mut().enumerate() {
        let end = first_row(band + 1);
        slot.rows = (end - start) as u32;
        start = end;
    }
    for &(row, side) in unpaired.iter().filter(|(r, _)| *r < rows) {
        let band = &mut out[band_of(row)];
        if side == Side::Left { band.left += 1 } else { band.right += 1 }
    }
    out
}

/// Draws the strip; returns the row picked on it, if any.
pub fn overview_ui(ui: &mut Ui, strip: Rect, cache: &ViewCache, marks: &Marks, viewport: Rect) -> Option<usize> {
    let layout = cache.layout();
    let total = layout.total().max(1.0);
    let height = strip.height().max(1.0);
    let y_of = |offset: f32| strip.top() + offset / total * height;
    let painter = ui.painter_at(strip);
    let visuals = ui.visuals();
    painter.rect_filled(strip, 2.0, visuals.faint_bg_color);

    // One-sided rows as a density: bands of a few pixels, shaded by the share of their rows that
    // have one side only, so that at 130,000 rows clusters stand out instead of a grey blur.
    let bands = ((height / BAND).ceil() as usize).max(1);
    let band_of = |row: usize| (((layout.start(row) / total) * bands as f32) as usize).min(bands - 1);
    let counts = density(layout.len(), &cache.unpaired, bands, band_of);
    let (left_only, right_only, hit) = if visuals.dark_mode {
        (Color32::from_rgb(0xf0, 0x9a, 0x5a), Color32::from_rgb(0x6f, 0xb6, 0xff), Color32::from_rgb(0xff, 0xe0, 0x4d))
    } else {
        (Color32::from_rgb(0xd0, 0x6a, 0x1a), Color32::from_rgb(0x1f, 0x6f, 0xd0), Color32::from_rgb(0xc7, 0x9a, 0x00))
    };
    let mid = strip.center().x;
    for (band, c) in counts.iter().enumerate() {
        let (y0, y1) = (strip.top() + band as f32 * BAND, strip.top() + (band + 1) as f32 * BAND);
        let shade = |count: u32, colour: Color32| {
            // Any one-sided row shows; the more of the band's rows, the stronger.
            let share = count as f32 / c.rows.max(1) as f32;
            colour.gamma_multiply(if count == 0 { 0.0 } else { 0.25 + 0.75 * share.sqrt() })
        };
        painter.rect_filled(
            Rect::from_min_max(pos2(strip.left() + 1.0, y0), pos2(mid, y1)),
            0.0,
            shade(c.left, left_only),
        );
        painter.rect_filled(
            Rect::from_min_max(pos2(mid, y0), pos2(strip.right() - 1.0, y1)),
            0.0,
            shade(c.right, right_only),
        );
    }
    // Hits and flags: one mark per pixel row at most, whatever the number of rows.
    let pixels = height.ceil() as usize + 1;
    let mut kinds = vec![0u8; pixels];
    let mut mark = |row: usize, kind: u8| {
        if row < layout.len() {
            let px = ((layout.start(row) / total) * height) as usize;
            kinds[px.min(pixels - 1)] |= kind;
        }
    };
    for hit in marks.hits {
        mark(hit.row, 4);
    }
    if let Some(review) = marks.review {
        for &k in &review.shown {
            mark(review.flags[k].1.row, 8);
        }
    }
    for (px, &k) in kinds.iter().enumerate() {
        let y = strip.top() + px as f32;
        let paint = |x0: f32, x1: f32, colour: Color32| {
            painter.rect_filled(Rect::from_min_max(pos2(x0, y), pos2(x1, y + 2.0)), 0.0, colour);
        };
        if k & 4 != 0 {
            paint(strip.left() + 3.0, strip.right() - 3.0, hit);
        }
        if k & 8 != 0 {
            // Flags: a notch on the outer edge.
            paint(strip.right() - 4.0, strip.right(), crate::ui::theme::flag_colour(visuals.dark_mode));
        }
    }
    if let Some(row) = marks.current.filter(|&r| r < layout.len()) {
        let y = y_of(layout.start(row));
        painter.hline(strip.x_range(), y, egui::Stroke::new(2.0, visuals.selection.stroke.color));
    }
    let view = Rect::from_min_max(
        pos2(strip.left(), y_of(viewport.min.y)),
        pos2(strip.right(), y_of(viewport.max.y).max(y_of(viewport.min.y) + 4.0)),
    );
    painter.rect_stroke(view, 2.0, egui::Stroke::new(1.0, visuals.text_color()), egui::StrokeKind::Inside);

    let response = ui.interact(strip, ui.scope_id().with("overview"), Sense::click_and_drag());
    let response = response.on_hover_text(
        "Overview: orange, a turn only on the left; blue, only on the right; yellow, search hits; red notch, review flags. Click to jump.",
    );
    if response.clicked() || response.dragged() {
        let y = response.interact_pointer_pos()?.y;
        let offset = ((y - strip.top()) / height).clamp(0.0, 1.0) * total;
        return Some(layout.row_at(offset));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_of_one_sided_rows_stands_out_from_scattered_ones() {
        // 130,000 rows in 200 bands: one in 50 rows is left-only everywhere, and rows 60,000 to
        // 61,000 are all right-only (a speech cut on the left).
        let rows = 130_000;
        let mut unpaired: Vec<(usize, Side)> = (0..rows).step_by(50).map(|r| (r, Side::Left)).collect();
        unpaired.extend((60_000..61_000).map(|r| (r, Side::Right)));
        let bands = density(rows, &unpaired, 200, |r| r * 200 / rows);
        assert_eq!(bands.iter().map(|b| b.rows).sum::<u32>(), 130_000);
        let share = |b: &Band, n: u32| n as f32 / b.rows as f32;
        let cut = bands.iter().max_by_key(|b| b.right).unwrap();
        assert!(share(cut, cut.right) > 0.8, "{cut:?}");
        assert!(bands.iter().all(|b| share(b, b.left) < 0.05), "scattered rows stay faint");
        assert!(bands[10].right == 0 && bands[10].left > 0);
    }
}
