//! The search bar (Ctrl+F) and the "go to" bar (Ctrl+G).

use egui::{Key, RichText, Ui};

use crate::app::{Command, NavCommand, TandemApp};
use crate::core::search::Scope;

pub fn search_bar_ui(ui: &mut Ui, app: &mut TandemApp) -> Vec<Command> {
    let mut out = Vec::new();
    let s = &mut app.search;
    ui.horizontal(|ui| {
        ui.label("Find");
        let id = ui.make_persistent_id("search-field");
        // egui takes the focus away on Escape before the field is drawn: remember it from last frame.
        let had_focus = s.field_focused;
        let escape = escape_pressed(ui);
        let edit = ui.add(
            egui::TextEdit::singleline(&mut s.query).id(id).hint_text("modèle, 节奏, GPT-4…").desired_width(280.0),
        );
        if s.focus {
            edit.request_focus();
            s.focus = false;
        }
        s.field_focused = edit.has_focus();
        let mut changed = edit.changed();
        let (enter, shift) = ui.input(|i| (i.key_pressed(Key::Enter), i.modifiers.shift));
        if edit.lost_focus() && enter {
            out.push(Command::Nav(NavCommand::NextHit(!shift)));
            edit.request_focus();
        }
        if had_focus && escape {
            out.push(Command::Nav(NavCommand::CloseSearch));
        }
        for (scope, name) in [(Scope::Both, "Both"), (Scope::Left, "Left"), (Scope::Right, "Right")] {
            changed |= ui.radio_value(&mut s.scope, scope, name).changed();
        }
        if changed {
            out.push(Command::Nav(NavCommand::Search));
        }
        let count = match (s.hits.len(), s.current) {
            (0, _) if s.query.trim().is_empty() => String::new(),
            (0, _) => "no match".to_string(),
            (n, Some(k)) => format!("{} / {n}", k + 1),
            (n, None) => format!("{n} found"),
        };
        ui.label(RichText::new(count).strong());
        if ui.button("▲").on_hover_text("Previous (Shift+Enter)").clicked() {
            out.push(Command::Nav(NavCommand::NextHit(false)));
        }
        if ui.button("▼").on_hover_text("Next (Enter)").clicked() {
            out.push(Command::Nav(NavCommand::NextHit(true)));
        }
        if ui.button("Close").clicked() {
            out.push(Command::Nav(NavCommand::CloseSearch));
        }
    });
    out
}

pub fn goto_bar_ui(ui: &mut Ui, app: &mut TandemApp) -> Vec<Command> {
    let mut out = Vec::new();
    let error = app.nav.goto_error.clone();
    let Some(text) = app.nav.goto.as_mut() else { return out };
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
            out.push(Command::Nav(NavCommand::Goto(text.clone())));
        }
        if escape || ui.button("Close").clicked() {
            out.push(Command::Nav(NavCommand::CloseGoto));
        }
        ui.label(RichText::new("turn N (left), lN line N, r… for the right side").weak());
        if let Some(e) = error {
            ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
        }
    });
    out
}

/// Escape pressed this frame, even if egui already used it to take the focus from a field.
fn escape_pressed(ui: &Ui) -> bool {
    ui.input(|i| i.raw.events.iter().any(|e| matches!(e, egui::Event::Key { key: Key::Escape, pressed: true, .. })))
}
