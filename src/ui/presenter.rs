//! The presenter's own window (a second egui viewport, for the laptop's screen while the room
//! sees the slide): where the talk is, the current pair, the next one, the row's note and flags.

use egui::{RichText, Ui};

use crate::core::document::Pair;
use crate::core::side::Side;
use crate::state::{Action, AppState, NavAction};

/// The most characters of a turn shown here: the presenter glances, the room reads.
const GLANCE: usize = 600;

/// The presenter view's content; returns what its buttons asked for.
pub fn presenter_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    let Some(pair) = state.pair() else {
        ui.label("No pair is open.");
        return out;
    };
    let rows = pair.alignment.links.len();
    let row = state.nav.current.min(rows.saturating_sub(1));
    // The clock and what the room sees on top, the start of the next pair at the bottom: both
    // always in view (at 760×620 a long pair pushed them out); the current pair scrolls between.
    egui::Panel::top("presenter-top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui.button("◀ Previous").clicked() {
                out.push(Action::Nav(NavAction::Step(-1)));
            }
            if ui.button("Next ▶").clicked() {
                out.push(Action::Nav(NavAction::Step(1)));
            }
            ui.separator();
            ui.label(RichText::new(super::presentation::position_text(pair, &state.nav)).strong());
            if let Some(since) = state.nav.presenting_since {
                let minutes = since.elapsed().as_secs() / 60;
                ui.label(RichText::new(format!("{minutes} min")).strong())
                    .on_hover_text("Time since presentation began");
                // The clock moves once a minute, not with every frame.
                ui.ctx().request_repaint_after(std::time::Duration::from_secs(60 - since.elapsed().as_secs() % 60));
            }
            let audience = match (state.nav.presenting, state.nav.blank) {
                (false, _) => "the main window is not presenting (F5 there, or here)",
                (true, Some(true)) => "the room sees a black screen",
                (true, Some(false)) => "the room sees a white screen",
                (true, None) => "the room sees this pair",
            };
            ui.label(RichText::new(audience).weak());
        });
    });
    let next_height = ui.available_height() * 0.3;
    egui::Panel::bottom("presenter-next").show(ui, |ui| {
        if row + 1 < rows {
            ui.label(RichText::new("Next").strong().size(15.0));
            egui::ScrollArea::vertical().id_salt("presenter-next-pair").max_height(next_height).show(ui, |ui| {
                pair_glance(ui, pair, row + 1, 14.0);
            });
        } else {
            ui.label(RichText::new("This is the last pair.").weak());
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt(("presenter-now", row)).auto_shrink(false).show(ui, |ui| {
            // The row's note and flags first: they are what the presenter looks down for.
            if let Some(note) = state.annotations().and_then(|a| a.note(&pair.alignment, row)) {
                ui.label(RichText::new(format!("Note: {note}")).size(15.0).color(ui.visuals().warn_fg_color));
            }
            for (_, flag) in state.review.shown_in_row(row) {
                ui.label(RichText::new(format!("Flag — {}: {}", flag.kind.title(), flag.message)).size(14.0));
            }
            ui.label(RichText::new("Now").strong().size(15.0));
            pair_glance(ui, pair, row, 17.0);
        });
    });
    out
}

/// The two sides of a row, one above the other, cut short when long.
fn pair_glance(ui: &mut Ui, pair: &Pair, row: usize, size: f32) {
    let link = &pair.alignment.links[row];
    for side in Side::BOTH {
        let doc = pair.doc(side);
        let turns = link.turns(side).clone();
        if turns.is_empty() {
            ui.label(RichText::new(format!("{}: — no counterpart —", side.name())).weak().size(size * 0.8));
            continue;
        }
        for t in turns {
            let turn = &doc.turns.turns[t];
            let mut text: String = turn.text.chars().take(GLANCE).collect();
            if text.len() < turn.text.len() {
                text.push('…');
            }
            if let Some(name) = doc.turns.speaker_name(turn) {
                ui.label(RichText::new(name).strong().size(size * 0.8));
            }
            ui.add(egui::Label::new(RichText::new(text).size(size)).wrap());
        }
        ui.add_space(4.0);
    }
}
