//! The overview strip beside the rows: where the unpaired turns and the search hits are, where
//! the view is; click or drag on it to jump.

use egui::{Color32, Rect, Sense, Ui, pos2};

use super::columns::{Marks, ViewCache};
use crate::core::side::Side;

/// Width of the strip, in points.
pub const WIDTH: f32 = 14.0;

/// Draws the strip; returns the row picked on it, if any.
pub fn overview_ui(ui: &mut Ui, strip: Rect, cache: &ViewCache, marks: &Marks, viewport: Rect) -> Option<usize> {
    let layout = cache.layout();
    let total = layout.total().max(1.0);
    let height = strip.height().max(1.0);
    let y_of = |offset: f32| strip.top() + offset / total * height;
    let painter = ui.painter_at(strip);
    let visuals = ui.visuals();
    painter.rect_filled(strip, 2.0, visuals.faint_bg_color);

    // One mark per pixel row at most, whatever the number of rows.
    let pixels = height.ceil() as usize + 1;
    let mut kinds = vec![0u8; pixels];
    let mut mark = |row: usize, kind: u8| {
        if row < layout.len() {
            let px = ((layout.start(row) / total) * height) as usize;
            kinds[px.min(pixels - 1)] |= kind;
        }
    };
    for &(row, side) in &cache.unpaired {
        mark(row, if side == Side::Left { 1 } else { 2 });
    }
    for hit in marks.hits {
        mark(hit.row, 4);
    }
    if let Some(review) = marks.review {
        for &k in &review.shown {
            mark(review.flags[k].1.row, 8);
        }
    }
    let (left_only, right_only, hit) = if visuals.dark_mode {
        (Color32::from_rgb(0xf0, 0x9a, 0x5a), Color32::from_rgb(0x6f, 0xb6, 0xff), Color32::from_rgb(0xff, 0xe0, 0x4d))
    } else {
        (Color32::from_rgb(0xd0, 0x6a, 0x1a), Color32::from_rgb(0x1f, 0x6f, 0xd0), Color32::from_rgb(0xc7, 0x9a, 0x00))
    };
    for (px, &k) in kinds.iter().enumerate() {
        let y = strip.top() + px as f32;
        let paint = |x0: f32, x1: f32, colour: Color32| {
            painter.rect_filled(Rect::from_min_max(pos2(x0, y), pos2(x1, y + 2.0)), 0.0, colour);
        };
        let mid = strip.center().x;
        if k & 1 != 0 {
            paint(strip.left() + 1.0, mid, left_only);
        }
        if k & 2 != 0 {
            paint(mid, strip.right() - 1.0, right_only);
        }
        if k & 4 != 0 {
            paint(strip.left() + 3.0, strip.right() - 3.0, hit);
        }
        if k & 8 != 0 {
            // Flags: a notch on the outer edge.
            paint(strip.right() - 4.0, strip.right(), super::theme::flag_colour(visuals.dark_mode));
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
