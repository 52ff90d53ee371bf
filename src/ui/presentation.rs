//! Presentation mode's own pieces: the current pair alone on screen, and the position indicator.

use egui::{Rect, RichText, Ui, pos2, vec2};

use super::view::cache::{GUTTER, ViewCache, ViewParams, column_lefts, column_widths};
use super::view::cell::cell_layout;
use super::view::columns::draw_cell;
use super::view::marks::Marks;
use super::view::pieces::Window;
use crate::core::document::Pair;
use crate::core::side::{Side, Sides};
use crate::state::Nav;

/// The titles above the columns and each side's language: what the room needs to know which
/// text is which when one pair fills the screen.
fn titles_ui(ui: &mut Ui, pair: &Pair, cache: &ViewCache, widths: Sides<f32>, p: &ViewParams, marks: &Marks) {
    let top = ui.cursor().top();
    let lefts = column_lefts(ui.max_rect().left(), widths);
    let mut bottom = top;
    for (side, doc) in pair.docs.iter().filter(|&(s, _)| p.shows(s)) {
        let rect = Rect::from_min_size(pos2(lefts[side] + 24.0, top + 8.0), vec2(widths[side] - 48.0, 120.0));
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
        let title = marks.annotations.and_then(|a| a.titles.get(&side).cloned()).unwrap_or_else(|| doc.title());
        // No tooltip of the whole title where the pointer happens to rest: the room sees it.
        child
            .add(egui::Label::new(RichText::new(title).strong().size(18.0)).truncate().show_tooltip_when_elided(false));
        if !cache.languages[side].is_empty() {
            child.label(RichText::new(cache.languages[side]).weak().size(14.0));
        }
        bottom = bottom.max(child.min_rect().bottom());
    }
    ui.allocate_rect(
        Rect::from_min_max(pos2(ui.max_rect().left(), top), pos2(ui.max_rect().right(), bottom + 6.0)),
        egui::Sense::hover(),
    );
}

/// The current pair alone, its two cells side by side, centred when it fits.
pub fn single_pair_ui(ui: &mut Ui, pair: &Pair, cache: &ViewCache, p: &ViewParams, marks: &Marks) {
    let Some(row) = marks.current.filter(|&r| r < pair.alignment.links.len()) else { return };
    let widths = column_widths(ui.available_rect_before_wrap().width(), p.split, p.only);
    titles_ui(ui, pair, cache, widths, p, marks);
    let full = ui.available_rect_before_wrap();
    let pad = 24.0;
    let fitted;
    let p = if p.fit_each_pair {
        fitted =
            ViewParams { text_size: fitted_size(ui, pair, cache, row, widths, full.height(), pad, p, marks), ..*p };
        &fitted
    } else {
        p
    };
    let lefts = column_lefts(full.left(), widths);
    egui::ScrollArea::vertical().id_salt(("one-pair", row)).auto_shrink(false).show_viewport(ui, |ui, viewport| {
        let origin = ui.max_rect().top();
        // A long pair is laid out where the viewport crosses it only (it starts `pad` down).
        let window = Window { cell_top: pad, viewport: viewport.y_range() };
        let cells = Sides::from_fn(|side| {
            cell_layout(ui, pair, cache, side, row, widths[side] - 2.0 * pad, p, marks, Some(window.clone()))
        });
        let height = cells.iter().filter_map(|(_, c)| c.as_ref()).map(|c| c.height).fold(0.0_f32, f32::max);
        let top = origin + ((full.height() - height) / 2.0).max(pad);
        for side in Side::BOTH.into_iter().filter(|&s| p.shows(s)) {
            let rect = Rect::from_min_size(pos2(lefts[side] + pad, top), vec2(widths[side] - 2.0 * pad, height));
            match &cells[side] {
                Some(cell) => draw_cell(ui, cell, rect),
                None => {
                    let mut child = ui.new_child(
                        egui::UiBuilder::new().max_rect(rect).layout(egui::Layout::top_down(egui::Align::Min)),
                    );
                    child.label(RichText::new("— no counterpart —").weak().size(p.text_size * 0.8));
                }
            }
        }
        ui.set_height((top - origin) + height + pad);
        if p.only.is_none() {
            let x = full.left() + widths.left + GUTTER / 2.0;
            ui.painter().vline(x, top..=top + height, ui.visuals().widgets.noninteractive.bg_stroke);
        }
    });
}

/// Sizes tried when fitting a pair to the screen, in points.
const FIT_SIZES: std::ops::RangeInclusive<f32> = 14.0..=120.0;
/// Pairs longer than this (bytes of text) are not fitted: they are read scrolling anyway.
const FIT_BYTES: usize = 16_000;

/// The largest text size at which the pair of `row` fits the screen (its two cells side by side
/// within `height`), found by bisection and kept until the row or the screen changes.
#[allow(clippy::too_many_arguments)]
fn fitted_size(
    ui: &Ui,
    pair: &Pair,
    cache: &ViewCache,
    row: usize,
    widths: Sides<f32>,
    height: f32,
    pad: f32,
    p: &ViewParams,
    marks: &Marks,
) -> f32 {
    let key = (row, widths.left.round() as i32 + 10_000 * widths.right.round() as i32, height.round() as i32);
    if let Some((r, w, h, size)) = cache.fit.get()
        && (r, w, h) == key
    {
        return size;
    }
    let link = &pair.alignment.links[row];
    let bytes: usize = Side::BOTH
        .iter()
        .flat_map(|&side| link.turns(side).clone().map(move |t| pair.doc(side).turns.turns[t].text.len()))
        .sum();
    if bytes > FIT_BYTES {
        return p.text_size;
    }
    let tall = |size: f32| {
        let q = ViewParams { text_size: size, ..*p };
        Side::BOTH
            .iter()
            .filter_map(|&side| cell_layout(ui, pair, cache, side, row, widths[side] - 2.0 * pad, &q, marks, None))
            .map(|c| c.height)
            .fold(0.0_f32, f32::max)
    };
    let room = height - 2.0 * pad;
    let (mut lo, mut hi) = (*FIT_SIZES.start(), *FIT_SIZES.end());
    if tall(lo) > room {
        hi = lo;
    }
    while hi - lo > 0.5 {
        let mid = (lo + hi) / 2.0;
        if tall(mid) <= room { lo = mid } else { hi = mid }
    }
    let size = lo.floor();
    cache.fit.set(Some((key.0, key.1, key.2, size)));
    size
}

/// "pair 12 of 40 · row 15 of 48 · 主持人 — Animateur", discreetly in the strip below the rows (pairs and rows
/// counted apart: a row with one side only is no pair); and the digits being typed.
pub fn position_ui(ui: &mut Ui, pair: &Pair, nav: &Nav) {
    let text = position_text(pair, nav);
    // In a strip of its own below the rows, so it never covers the text.
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.add(egui::Label::new(RichText::new(text).size(13.0).weak()).wrap_mode(egui::TextWrapMode::Extend));
    });
}

/// Where the talk is: "pair 12 of 40 · row 15 of 48 · 主持人 — Animateur", and the digits typed.
pub fn position_text(pair: &Pair, nav: &Nav) -> String {
    let rows = pair.alignment.links.len();
    let row = nav.current.min(rows.saturating_sub(1));
    let links = &pair.alignment.links;
    let pairs = links.iter().filter(|l| l.is_paired()).count();
    let mut text = match links.get(row) {
        Some(link) if link.is_paired() => {
            let k = links[..row].iter().filter(|l| l.is_paired()).count() + 1;
            format!("pair {k} of {pairs} · row {} of {rows}", row + 1)
        }
        _ => format!("row {} of {rows} (one side only; {pairs} pairs)", row + 1),
    };
    if let Some(link) = pair.alignment.links.get(nav.current) {
        let name = |side: Side| {
            let doc = pair.doc(side);
            link.turns(side).clone().find_map(|t| doc.turns.speaker_name(&doc.turns.turns[t]).map(str::to_string))
        };
        let names: Vec<String> = Side::BOTH.into_iter().filter_map(name).collect();
        if !names.is_empty() {
            text.push_str(&format!(" · {}", names.join(" — ")));
        }
    }
    if !nav.typed.is_empty() {
        text.push_str(&format!(" · go to turn {}…", nav.typed));
    }
    text
}
