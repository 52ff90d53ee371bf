//! The keyboard and dropped files, read once a frame and turned into actions.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::side::Side;
use crate::state::{Action, AppState, NavAction, Target};
use crate::ui::keymap::{self, EDIT_KEYS};

/// Every shortcut pressed this frame, as actions. Navigation keys count only when no text field
/// has the keyboard.
pub fn read(ui: &egui::Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    let typing = ui.ctx().egui_wants_keyboard_input();
    // An open menu or pop-up closes on Esc by itself: the key is left to it.
    let popup = egui::Popup::is_any_open(ui.ctx());
    ui.input_mut(|i| {
        // Every binding that listens now, with the edits of the current row when no field has
        // the keyboard; those with more modifiers first (Ctrl+S would also take Ctrl+Shift+S).
        let mut shortcuts: Vec<(KeyboardShortcut, Action)> = keymap::BINDINGS
            .iter()
            .filter(|b| keymap::listens(b.when, state, typing))
            .flat_map(|b| b.keys.iter().map(move |k| (*k, keymap::action(b.command, state))))
            .collect();
        if !typing {
            shortcuts.extend(EDIT_KEYS.iter().map(|e| (e.shortcut, Action::Edit((e.edit)(state.nav.current)))));
        }
        shortcuts.sort_by_key(|(k, _)| std::cmp::Reverse(keymap::modifier_count(k)));
        for (shortcut, action) in shortcuts {
            if i.consume_shortcut(&shortcut) {
                out.push(action);
            }
        }
        let zoom = i.zoom_delta();
        if zoom != 1.0 {
            out.push(Action::TextSize(if zoom > 1.0 { 1 } else { -1 }));
        }
        if typing {
            return;
        }
        // Esc first stops waiting for a pair being read.
        if !popup && state.loading.is_some() && i.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(Action::CancelLoading);
        }
        // Then it closes the window on top (Help › Keys, then Export).
        if !popup && (state.project.keys_open || state.export.open) && i.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(if state.project.keys_open {
                Action::ShowKeys(false)
            } else {
                Action::Export(crate::state::ExportAction::Show(false))
            });
        }
        let mut nav = |a: NavAction| out.push(Action::Nav(a));
        // Every press counts, even several in one frame (a clicker pressed fast, a slow renderer).
        let mut count = |keys: &[Key]| keys.iter().map(|&k| i.count_and_consume_key(Modifiers::NONE, k)).sum::<usize>();
        let forward = count(&[Key::ArrowRight, Key::Space, Key::PageDown]) as i64;
        let back = count(&[Key::ArrowLeft, Key::PageUp]) as i64;
        if forward != back {
            nav(NavAction::Step(forward - back));
        }
        let mut key = |k| i.consume_key(Modifiers::NONE, k);
        if key(Key::Home) {
            nav(NavAction::First);
        }
        if key(Key::End) {
            nav(NavAction::Last);
        }
        if i.consume_key(Modifiers::ALT, Key::ArrowDown) {
            nav(NavAction::SpeakerStep(true));
        }
        if i.consume_key(Modifiers::ALT, Key::ArrowUp) {
            nav(NavAction::SpeakerStep(false));
        }
        if !popup && i.consume_key(Modifiers::NONE, Key::Escape) {
            nav(if !state.nav.typed.is_empty() { NavAction::ClearTyped } else { NavAction::LeavePresent });
        }
        // Digits typed outside any field, then Enter: jump to that turn (left numbering).
        let digits: String = i
            .events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Text(t) => Some(t.chars().filter(char::is_ascii_digit).collect::<String>()),
                _ => None,
            })
            .collect();
        if !digits.is_empty() {
            nav(NavAction::Type(digits));
        }
        if i.consume_key(Modifiers::NONE, Key::Backspace) {
            nav(NavAction::Untype);
        }
        if i.consume_key(Modifiers::NONE, Key::Enter) {
            // The digits typed in this very frame count too.
            let typed: String = out
                .iter()
                .filter_map(|a| match a {
                    Action::Nav(NavAction::Type(d)) => Some(d.as_str()),
                    _ => None,
                })
                .collect();
            if !state.nav.typed.is_empty() || !typed.is_empty() {
                out.push(Action::Nav(NavAction::Goto(format!("{}{typed}", state.nav.typed))));
                out.push(Action::Nav(NavAction::ClearTyped));
            }
        }
    });
    out
}

/// Where dropped files go: two or more make a pair; one replaces the side it is dropped on.
pub fn dropped_files(ui: &egui::Ui, split: f32) -> Option<Action> {
    let (files, pos) = ui.input(|i| {
        (i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect::<Vec<_>>(), i.pointer.latest_pos())
    });
    if files.is_empty() {
        return None;
    }
    let target = if files.len() >= 2 {
        Target::Pair
    } else {
        let split_x = ui.max_rect().left() + ui.max_rect().width() * split;
        Target::Side(if pos.is_some_and(|p| p.x > split_x) { Side::Right } else { Side::Left })
    };
    Some(Action::OpenPaths(files, target))
}
