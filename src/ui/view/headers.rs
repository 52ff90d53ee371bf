//! The column headers: each document's title (double-click to rename it) and what it is.

use egui::{Rect, Sense, Ui, pos2, vec2};

use super::cache::{PAD, ViewCache, ViewParams, column_lefts};
use crate::core::document::Pair;
use crate::core::edit::Annotations;
use crate::core::side::{Side, Sides};

/// Draws both headers; returns a title renamed this frame (`None` inside: back to the
/// document's own title).
pub(crate) fn headers_ui(
    ui: &mut Ui,
    pair: &Pair,
    cache: &mut ViewCache,
    widths: Sides<f32>,
    annotations: Option<&Annotations>,
    p: &ViewParams,
) -> Option<(Side, Option<String>)> {
    let top = ui.cursor().top();
    let left = ui.max_rect().left();
    let mut bottom = top;
    let lefts = column_lefts(left, widths);
    let mut renamed = None;
    for (side, doc) in pair.docs.iter().filter(|&(s, _)| p.shows(s)) {
        let x = lefts[side];
        let rect = Rect::from_min_size(pos2(x + PAD.x, top), vec2(widths[side] - 2.0 * PAD.x, 0.0));
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect.with_max_y(top + 200.0)));
        let own = doc.title();
        let title = annotations.and_then(|a| a.titles.get(&side).cloned()).unwrap_or_else(|| own.clone());
        match cache.title_edit.as_mut().filter(|(s, _)| *s == side) {
            Some((_, text)) => {
                let edit = egui::TextEdit::singleline(text)
                    .font(egui::FontId::proportional(15.0))
                    .desired_width(f32::INFINITY)
                    .hint_text(own.as_str());
                let response = child.add(edit);
                if !response.has_focus() && !response.lost_focus() {
                    response.request_focus();
                }
                let cancel = child.input(|i| i.key_pressed(egui::Key::Escape));
                if response.lost_focus() || cancel {
                    let text = text.trim().to_string();
                    cache.title_edit = None;
                    // An emptied title, or the document's own, is no title of the user's.
                    let wanted = (!text.is_empty() && text != own).then_some(text);
                    let had = annotations.and_then(|a| a.titles.get(&side).cloned());
                    if !cancel && wanted != had {
                        renamed = Some((side, wanted));
                    }
                }
            }
            None => {
                let label = egui::Label::new(egui::RichText::new(&title).strong().size(15.0))
                    .truncate()
                    .show_tooltip_when_elided(!p.presenting)
                    .sense(Sense::click());
                let mut response = child.add(label);
                // A hint for the mouse, not for the room.
                if !p.presenting {
                    response = response.on_hover_text("Double-click to rename");
                }
                if response.double_clicked() {
                    cache.title_edit = Some((side, title.clone()));
                }
            }
        }
        let t = &doc.turns;
        let paired = cache.counts.paired_turns[side];
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        // When the header shows another title, the file name comes first below it.
        let file = if title == doc.name() { String::new() } else { format!("{} · ", doc.name()) };
        // The room sees the title and the language; the rest is for the one at the keyboard.
        let info = if p.presenting {
            cache.languages[side].to_string()
        } else {
            format!(
                "{file}{} · {} · {} ({} paired) · {}{}",
                cache.scripts[side].name(),
                // A text file says its encoding; a Word file or subtitles say what they are.
                match (doc.format, &doc.guess) {
                    (crate::core::formats::InputFormat::Text, None) => doc.encoding.to_string(),
                    (crate::core::formats::InputFormat::Text, Some(_)) => format!("{} (a guess)", doc.encoding),
                    (format, _) => format.title().to_string(),
                },
                plural(t.turns.len(), "turn", "turns"),
                paired,
                plural(t.speakers.len(), "speaker", "speakers"),
                if doc.replaced > 0 { format!(" · {} bytes replaced", doc.replaced) } else { String::new() }
            )
        };
        let shown = child.add(egui::Label::new(egui::RichText::new(info).weak().size(12.0)).truncate());
        if let Some(why) = &doc.guess {
            shown.on_hover_text(why);
        }
        bottom = bottom.max(child.min_rect().bottom());
    }
    ui.allocate_rect(Rect::from_min_max(pos2(left, top), pos2(ui.max_rect().right(), bottom + 4.0)), Sense::hover());
    ui.painter().hline(ui.max_rect().x_range(), bottom + 4.0, ui.visuals().widgets.noninteractive.bg_stroke);
    renamed
}
