//! What presenting adds to the window: the presenter's own window, and words picked out for the room.

use super::{TandemApp, keys};
use crate::state::Action;
use crate::ui;

impl TandemApp {
    /// The presenter's own window, while it is open: a second native window where the system
    /// has room for one (drag it to the laptop's screen), else a window inside this one. Keys
    /// pressed there step the pair like here.
    pub(super) fn presenter_window(&mut self, ui: &egui::Ui) -> Vec<Action> {
        if !self.state.nav.presenter_view {
            return Vec::new();
        }
        let id = egui::ViewportId::from_hash_of("tandem-presenter");
        let builder =
            egui::ViewportBuilder::default().with_title("Tandem — presenter view").with_inner_size([760.0, 620.0]);
        let state = &self.state;
        ui.ctx().show_viewport_immediate(id, builder, |ui, class| {
            let mut out = Vec::new();
            if class != egui::ViewportClass::EmbeddedWindow {
                out.extend(keys::read(ui, state));
            }
            out.extend(ui::presenter::presenter_ui(ui, state));
            if ui.input(|i| i.viewport().close_requested()) {
                out.push(Action::Nav(crate::state::NavAction::TogglePresenterView));
            }
            out
        })
    }

    /// Words selected in a row (the selection settled last frame, over that row) become what H
    /// highlights; a selection anywhere else forgets it.
    pub(super) fn catch_selection(&mut self) {
        let Some(text) = self.selection_watch.take() else { return };
        let nav = &self.state.nav;
        let row = if nav.presenting && nav.one_per_screen {
            Some(nav.current)
        } else {
            self.view.as_ref().and_then(|v| v.hovered_row)
        };
        let text = text.trim().to_string();
        self.state.nav.selection = row.filter(|_| !text.is_empty() && text.chars().count() <= 300).map(|r| (r, text));
        if self.state.nav.selection.is_some() {
            self.state.project.last = Some(WORDS_SELECTED.into());
        } else if self.state.project.last.as_deref() == Some(WORDS_SELECTED) {
            // Nothing selected any more: the line no longer says there is.
            self.state.project.last = None;
        }
    }
}

/// What the status line says while words are selected.
const WORDS_SELECTED: &str = "Words selected: H highlights them for the room";
