//! The search bar (Ctrl+F) and the "go to" bar (Ctrl+G).

use egui::{Key, RichText, Ui};

use super::{Drafts, escape_pressed};
use crate::core::search::Scope;
use crate::state::{Action, AppState, NavAction};

pub fn search_bar_ui(ui: &mut Ui, state: &AppState, drafts: &mut Drafts) -> Vec<Action> {
    let mut out = Vec::new();
    let s = &state.search;
    let mut scope = s.scope;
    ui.horizontal(|ui| {
        ui.label("Find");
        let id = ui.make_persistent_id("search-field");
        // egui takes the focus away on Escape before the field is drawn: remember it from last frame.
        let had_focus = drafts.search_field_focused;
        let escape = escape_pressed(ui);
        let edit = ui.add(
            egui::TextEdit::singleline(&mut drafts.query).id(id).hint_text("modèle, 节奏, GPT-4…").desired_width(280.0),
        );
        if drafts.search_focus {
            edit.request_focus();
            drafts.search_focus = false;
        }
        drafts.search_field_focused = edit.has_focus();
        let mut changed = edit.changed();
        let (enter, shift) = ui.input(|i| (i.key_pressed(Key::Enter), i.modifiers.shift));
        if edit.lost_focus() && enter {
            out.push(Action::Nav(NavAction::NextHit(!shift)));
            edit.request_focus();
        }
        if had_focus && escape {
            out.push(Action::Nav(NavAction::CloseSearch));
        }
        for (choice, name) in [(Scope::Both, "Both"), (Scope::Left, "Left"), (Scope::Right, "Right")] {
            changed |= ui.radio_value(&mut scope, choice, name).changed();
        }
        if changed {
            out.push(Action::Nav(NavAction::Search(drafts.query.clone(), scope)));
        }
        let count = match (s.hits.len(), s.current) {
            (0, _) if drafts.query.trim().is_empty() => String::new(),
            (0, _) if s.busy() => "searching…".to_string(),
            (0, _) => "no match".to_string(),
            (n, Some(k)) => format!("{} / {n}", k + 1),
            (n, None) => format!("{n} found"),
        };
        ui.label(RichText::new(count).strong());
        if ui.button("▲").on_hover_text("Previous (Shift+Enter)").clicked() {
            out.push(Action::Nav(NavAction::NextHit(false)));
        }
        if ui.button("▼").on_hover_text("Next (Enter)").clicked() {
            out.push(Action::Nav(NavAction::NextHit(true)));
        }
        if ui.button("Close").clicked() {
            out.push(Action::Nav(NavAction::CloseSearch));
        }
    });
    out
}

pub fn goto_bar_ui(ui: &mut Ui, state: &AppState, drafts: &mut Drafts) -> Vec<Action> {
    let mut out = Vec::new();
    let error = state.nav.goto_error.as_ref();
    let text = &mut drafts.goto;
    ui.horizontal(|ui| {
        ui.label("Go to");
        let edit = ui.add(
            egui::TextEdit::singleline(text)
                .id_salt("goto-field")
                .hint_text("12 · l34 · r12 · rl34")
                .desired_width(160.0),
        );
        if !edit.has_focus() && !edit.lost_focus() && text.is_empty() {
            edit.request_focus();
        }
        let enter = ui.input(|i| i.key_pressed(Key::Enter));
        let escape = escape_pressed(ui);
        if edit.lost_focus() && enter {
            out.push(Action::Nav(NavAction::Goto(text.clone())));
        }
        if escape || ui.button("Close").clicked() {
            out.push(Action::Nav(NavAction::CloseGoto));
        }
        ui.label(RichText::new("turn N (left), lN line N, r… for the right side").weak());
        if let Some(e) = error {
            ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
        }
    });
    out
}
