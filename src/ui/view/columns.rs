//! The aligned view: two columns, one row per alignment link, only the visible rows laid out.
//!
//! Every row is as tall as its taller cell, so paired turns start on the same line whatever the
//! wrapping; rows off screen carry an estimated height until they are first shown.

use std::hash::{Hash, Hasher};

use egui::{Color32, CursorIcon, FontId, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::cache::{GUTTER, PAD, ViewCache, ViewEvents, ViewParams, column_lefts, column_widths};
use super::cell::{CellLayout, cell_layout};
use super::marks::{Marks, Point};
use super::pieces::Window;
use super::row_layout::RowLayout;
use crate::core::document::Pair;
use crate::core::side::{Side, Sides};
use crate::ui::theme;

/// Draws the headers, the rows and the overview strip.
pub fn aligned_view_ui(ui: &mut Ui, pair: &Pair, cache: &mut ViewCache, p: &ViewParams, marks: &Marks) -> ViewEvents {
    let mut events = ViewEvents::default();
    let full = ui.available_rect_before_wrap();
    let full = full.with_max_x(full.max.x - super::overview::WIDTH);
    let widths = column_widths(full.width(), p.split, p.only);
    events.title = super::headers::headers_ui(ui, pair, cache, widths, marks.annotations, p);
    ui.add_space(2.0);
    let view_top = ui.cursor().top();

    let inner = widths.map(|w| w - 2.0 * PAD.x);
    let key = layout_key(inner, p);
    if cache.layout.key() != key || cache.layout.len() != pair.alignment.links.len() || cache.stale {
        cache.stale = false;
        let rows = estimate_rows(pair, cache, inner, p);
        cache.layout = RowLayout::new(rows, key);
        if let Some((row, _)) = cache.anchor {
            cache.pending_offset = Some(cache.layout.start(row));
        }
    }

    // The split handle is sensed before the rows, so that the marks in the gutter, sensed after
    // it, win the pointer where they overlap it (their tooltips never showed); it is painted
    // after them.
    let handle = p.only.is_none().then(|| split_handle(ui, full, view_top, widths));
    let mut area = egui::ScrollArea::vertical().id_salt("aligned-rows").auto_shrink(false).animated(!p.reduce_motion);
    if let Some(offset) = cache.pending_offset.take() {
        area = area.vertical_scroll_offset(offset);
    }
    let rows_rect = Rect::from_min_max(pos2(full.left(), view_top), full.max);
    let mut rows_ui = ui.new_child(egui::UiBuilder::new().max_rect(rows_rect));
    let viewport_seen = area.show_viewport(&mut rows_ui, |ui, viewport| {
        ui.set_height(cache.layout.total().max(viewport.height()));
        cache.viewport_height = viewport.height();
        let origin = ui.max_rect().min;
        let first = cache.layout.row_at(viewport.min.y);
        // Measure the rows on screen first, so that what is painted uses exact heights.
        let mut row = first;
        let mut galleys = Vec::new();
        let mut shift_above_anchor = 0.0;
        // Rows below `first` move as heights become exact: track their tops here and bring the
        // prefix sums up to date once, after the loop.
        let mut top = cache.layout.start(first);
        while row < cache.layout.len() && top < viewport.max.y {
            let window = Window { cell_top: top + PAD.y, viewport: viewport.y_range() };
            let cells = Sides::from_fn(|side| {
                cell_layout(ui, pair, cache, side, row, inner[side], p, marks, Some(window.clone()))
            });
            let height =
                cells.iter().filter_map(|(_, c)| c.as_ref()).map(|c| c.height).fold(0.0_f32, f32::max) + 2.0 * PAD.y;
            let height = height.max(PAD.y * 4.0);
            let delta = cache.layout.set_exact(row, height);
            if cache.anchor.is_some_and(|(a, _)| row < a) {
                shift_above_anchor += delta;
            }
            top += height;
            galleys.push((row, cells));
            row += 1;
        }
        cache.layout.refresh();
        cache.visible = first..row;
        let pointer = ui.input(|i| i.pointer.interact_pos());
        let clicked = ui.input(|i| i.pointer.primary_clicked()).then_some(pointer).flatten();
        let right_clicked = ui.input(|i| i.pointer.secondary_clicked()).then_some(pointer).flatten();
        // Clicks that land on a pop-up (a menu, the context menu) are not for the rows below.
        let ctx = ui.ctx().clone();
        let on_top = |pos: egui::Pos2| ctx.layer_id_at(pos).is_some_and(|l| l.order != egui::Order::Background);
        let clip = ui.clip_rect();
        let hover = ui.input(|i| i.pointer.hover_pos());
        cache.hovered_row = None;
        let mut pointed = None;
        for (row, cells) in galleys {
            if let Some(pos) = hover.filter(|&h| clip.contains(h) && !on_top(h)) {
                let top = origin.y + cache.layout.start(row) + PAD.y;
                let lefts = column_lefts(origin.x, widths);
                for side in Side::BOTH {
                    if let Some(cell) = &cells[side] {
                        let at = pos2(lefts[side] + PAD.x, top);
                        pointed = pointed.or_else(|| point_in(pair, row, side, cell, pos - at));
                    }
                }
            }
            let rect = row_ui(ui, pair, cache, row, cells, origin, widths, p, marks);
            let inside = |pos: egui::Pos2| rect.contains(pos) && clip.contains(pos) && !on_top(pos);
            if clicked.is_some_and(inside) {
                events.clicked_row = Some(row);
            }
            if hover.is_some_and(inside) {
                cache.hovered_row = Some(row);
            }
            if let Some(pos) = right_clicked.filter(|&p| inside(p)) {
                events.context_row = Some((row, pos));
            }
        }
        if pointed != cache.pointed {
            // What the pointer is on changed: the next frame highlights it (and only then).
            cache.pointed = pointed;
            if marks.inside.is_some() {
                ui.ctx().request_repaint();
            }
        }
        reveal_ui(ui, cache, origin, viewport);
        let first_now = cache.layout.row_at(viewport.min.y + shift_above_anchor);
        if shift_above_anchor != 0.0 {
            // Rows above the one in view changed height: keep that row where the reader saw it.
            cache.pending_offset = Some(viewport.min.y + shift_above_anchor);
            ui.ctx().request_repaint();
        }
        cache.anchor = Some((first_now, viewport.min.y + shift_above_anchor - cache.layout.start(first_now)));
        viewport
    });
    let strip =
        Rect::from_min_max(pos2(full.right(), view_top), pos2(full.right() + super::overview::WIDTH, full.bottom()));
    let seen = viewport_seen.inner;
    if let Some(row) = super::overview::overview_ui(ui, strip, cache, marks, seen) {
        events.jump_row = Some(row);
    }
    if let Some(handle) = handle {
        events.split = split_handle_ui(ui, &handle, full, view_top, widths, p.split);
    }
    events
}

/// The character of a turn at `local` (from the top left of a cell's text), for a cell laid
/// out whole; `None` off its text or in a turn's heading line.
fn point_in(pair: &Pair, row: usize, side: Side, cell: &CellLayout, local: egui::Vec2) -> Option<Point> {
    let [(_, galley)] = cell.pieces.as_slice() else { return None };
    if !galley.rect.expand(1.0).contains(local.to_pos2()) {
        return None;
    }
    let index = galley.cursor_from_pos(local).index.0;
    let &(start, turn) = cell.turn_starts.iter().rev().find(|(start, _)| *start <= index)?;
    let text = &pair.doc(side).turns.turns.get(turn)?.text;
    let byte = text.char_indices().nth(index - start)?.0;
    Some(Point { row, side, turn, byte })
}

/// Scrolls towards the row being revealed until it is fully in view.
fn reveal_ui(ui: &Ui, cache: &mut ViewCache, origin: egui::Pos2, viewport: Rect) {
    let Some((row, tries)) = cache.reveal else { return };
    if row >= cache.layout.len() || tries == 0 {
        cache.reveal = None;
        return;
    }
    let (top, height) = (cache.layout.start(row), cache.layout.height(row));
    let fits = height <= viewport.height();
    let inside =
        top >= viewport.min.y - 0.5 && (top + height <= viewport.max.y + 0.5 || !fits && top <= viewport.min.y + 0.5);
    let centred = !cache.centre || !fits || ((top + height / 2.0) - viewport.center().y).abs() < 2.0;
    if inside && centred && cache.layout.is_exact(row) {
        cache.reveal = None;
        return;
    }
    let rect = Rect::from_min_size(pos2(origin.x, origin.y + top), vec2(1.0, height.min(viewport.height())));
    ui.scroll_to_rect(rect, Some(if fits { egui::Align::Center } else { egui::Align::Min }));
    cache.reveal = Some((row, tries - 1));
    ui.ctx().request_repaint();
}

fn layout_key(inner: Sides<f32>, p: &ViewParams) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (inner.left.round() as i32, inner.right.round() as i32, (p.text_size * 4.0) as i32, p.user_fonts).hash(&mut h);
    h.finish()
}

fn estimate_rows(pair: &Pair, cache: &ViewCache, inner: Sides<f32>, p: &ViewParams) -> Vec<f32> {
    let size = p.text_size;
    let line = size * 1.4;
    let meta = size * 0.75 * 1.4;
    pair.alignment
        .links
        .iter()
        .map(|link| {
            let side = |s: Side| -> f32 {
                if !p.shows(s) {
                    return 0.0;
                }
                link.turns(s)
                    .clone()
                    .map(|t| {
                        let (ems, paras) = cache.weights[s][t];
                        meta + line * (paras as f32 + (ems * size / inner[s].max(20.0)).floor())
                    })
                    .sum()
            };
            side(Side::Left).max(side(Side::Right)) + 2.0 * PAD.y
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn row_ui(
    ui: &mut Ui,
    pair: &Pair,
    cache: &ViewCache,
    row: usize,
    cells: Sides<Option<CellLayout>>,
    origin: egui::Pos2,
    widths: Sides<f32>,
    p: &ViewParams,
    marks: &Marks,
) -> Rect {
    let current = marks.current == Some(row);
    let top = origin.y + cache.layout.start(row);
    let height = cache.layout.height(row);
    let rect = Rect::from_min_size(pos2(origin.x, top), vec2(widths.left + GUTTER + widths.right, height));
    let visuals = ui.visuals().clone();
    if current {
        ui.painter().rect_filled(rect, 0.0, visuals.selection.bg_fill.gamma_multiply(0.35));
        for x in [rect.left(), origin.x + widths.left + GUTTER] {
            let bar = Rect::from_min_size(pos2(x, rect.top()), vec2(4.0, rect.height()));
            ui.painter().rect_filled(bar, 0.0, visuals.selection.stroke.color);
        }
    } else if row % 2 == 1 {
        ui.painter().rect_filled(rect, 0.0, visuals.faint_bg_color);
    }
    ui.painter().hline(
        rect.x_range(),
        rect.bottom() - 0.5,
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
    let lefts = column_lefts(origin.x, widths);
    for side in Side::BOTH.into_iter().filter(|&s| p.shows(s)) {
        let cell_rect = Rect::from_min_size(pos2(lefts[side], top), vec2(widths[side], height));
        match &cells[side] {
            Some(cell) => draw_cell(ui, cell, cell_rect.shrink2(PAD)),
            None => {
                let tint = if visuals.dark_mode { Color32::from_white_alpha(8) } else { Color32::from_black_alpha(10) };
                ui.painter().rect_filled(cell_rect.shrink(3.0), 4.0, tint);
                let builder = egui::UiBuilder::new()
                    .max_rect(cell_rect)
                    .layout(egui::Layout::centered_and_justified(egui::Direction::TopDown));
                let note = egui::RichText::new("— no counterpart —").size((p.text_size * 0.8).max(10.0)).weak();
                ui.new_child(builder).add(egui::Label::new(note).selectable(false));
            }
        }
    }
    let link = &pair.alignment.links[row];
    if link.is_paired() {
        let centre = pos2(origin.x + widths.left + GUTTER / 2.0, top + PAD.y + p.text_size * 0.45);
        ui.painter().circle_filled(centre, 4.0, theme::score_colour(link.score, visuals.dark_mode));
    }
    let gutter_x = origin.x + widths.left + GUTTER / 2.0;
    if link.origin == crate::core::alignment::Origin::User {
        // A link made by hand: a ring round the dot.
        let centre = pos2(gutter_x, top + PAD.y + p.text_size * 0.45);
        let ring = Rect::from_center_size(centre, vec2(14.0, 14.0));
        ui.painter().circle_stroke(centre, 7.0, Stroke::new(2.0, theme::user_link_colour(visuals.dark_mode)));
        ui.interact(ring, ui.scope_id().with(("user-link", row)), Sense::hover()).on_hover_text("Linked by hand");
    }
    if let Some(notes) = marks.annotations {
        if notes.bookmarked(&pair.alignment, row) {
            let ribbon = Rect::from_min_size(pos2(rect.left(), top), vec2(6.0, 18.0));
            ui.painter().rect_filled(ribbon, 1.0, theme::user_link_colour(visuals.dark_mode));
        }
        if let Some(note) = notes.note(&pair.alignment, row) {
            let centre = pos2(gutter_x, top + PAD.y + p.text_size * 0.45 + 34.0);
            let badge = Rect::from_center_size(centre, vec2(14.0, 14.0));
            ui.painter().rect_filled(badge, 3.0, theme::note_colour());
            ui.painter().text(centre, egui::Align2::CENTER_CENTER, "n", FontId::proportional(11.0), Color32::BLACK);
            ui.interact(badge, ui.scope_id().with(("note", row)), Sense::hover())
                .on_hover_text(format!("Note: {note}"));
        }
    }
    let messages = marks.flag_messages(row);
    if !messages.is_empty() {
        // A flag mark in the gutter, its messages on hover.
        let centre = pos2(origin.x + widths.left + GUTTER / 2.0, top + PAD.y + p.text_size * 0.45 + 16.0);
        let badge = Rect::from_center_size(centre, vec2(14.0, 14.0));
        ui.painter().rect_filled(badge, 3.0, theme::flag_colour(visuals.dark_mode));
        let font = FontId::proportional(11.0);
        ui.painter().text(centre, egui::Align2::CENTER_CENTER, "!", font, Color32::WHITE);
        ui.interact(badge, ui.scope_id().with(("flag-mark", row)), Sense::hover()).on_hover_text(messages.join("\n"));
    }
    rect
}

/// Draws a cell's laid-out pieces at their offsets inside `rect`, text selectable.
pub(crate) fn draw_cell(ui: &mut Ui, cell: &CellLayout, rect: Rect) {
    for (offset, galley) in &cell.pieces {
        let rect = Rect::from_min_size(pos2(rect.left(), rect.top() + offset), vec2(rect.width(), galley.size().y));
        let builder = egui::UiBuilder::new().max_rect(rect).layout(egui::Layout::top_down(egui::Align::Min));
        ui.new_child(builder).add(egui::Label::new(galley.clone()).selectable(true));
    }
}

/// The gutter between the columns, sensed: drag it to move the split.
fn split_handle(ui: &mut Ui, full: Rect, view_top: f32, widths: Sides<f32>) -> egui::Response {
    let x = full.left() + widths.left;
    let handle = Rect::from_min_max(pos2(x + GUTTER * 0.3, view_top), pos2(x + GUTTER * 0.7, full.bottom()));
    ui.interact(handle, ui.scope_id().with("split-handle"), Sense::drag()).on_hover_cursor(CursorIcon::ResizeHorizontal)
}

/// The split handle painted, and the split it was dragged to.
fn split_handle_ui(
    ui: &mut Ui,
    response: &egui::Response,
    full: Rect,
    view_top: f32,
    widths: Sides<f32>,
    split: f32,
) -> Option<f32> {
    let x = full.left() + widths.left;
    let colour = if response.hovered() || response.dragged() {
        ui.visuals().widgets.hovered.bg_stroke.color
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke.color
    };
    ui.painter().vline(x + GUTTER / 2.0, view_top..=full.bottom(), Stroke::new(1.0, colour));
    if response.dragged() {
        let usable = (full.width() - GUTTER).max(1.0);
        let pointer = response.interact_pointer_pos()?.x - full.left() - GUTTER / 2.0;
        let new = (pointer / usable).clamp(0.15, 0.85);
        return (new != split).then_some(new);
    }
    None
}
