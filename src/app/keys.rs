//! The keyboard and dropped files, read once a frame and turned into actions.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::side::Side;
use crate::state::{Action, AppState, NavAction, ReviewAction, Target};
use crate::ui::keymap::{self, EDIT_KEYS};

/// Every shortcut pressed this frame, as actions. Navigation keys count only when no text field
/// has the keyboard.
pub fn read(ui: &egui::Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    let typing = ui.ctx().egui_wants_keyboard_input();
    // An open menu or pop-up closes on Esc by itself: the key is left to it.
    let popup = egui::Popup::is_any_open(ui.ctx());
    ui.input_mut(|i| {
        let ctrl = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
        // F8 / Shift+F8: next / previous flag, in presentation too.
        if i.consume_key(Modifiers::SHIFT, Key::F8) {
            out.push(Action::Review(ReviewAction::Step(false)));
        }
        if i.consume_key(Modifiers::NONE, Key::F8) {
            out.push(Action::Review(ReviewAction::Step(true)));
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::R)) {
            out.push(Action::Review(ReviewAction::TogglePanel));
        }
        let mut nav = |a: NavAction| out.push(Action::Nav(a));
        if i.consume_key(Modifiers::NONE, Key::F5) {
            nav(NavAction::TogglePresent);
        }
        if state.nav.presenting && i.consume_key(Modifiers::NONE, Key::F6) {
            nav(NavAction::ToggleOnePerScreen);
        }
        if state.nav.presenting && i.consume_key(Modifiers::NONE, Key::F7) {
            nav(NavAction::ToggleHighContrast);
        }
        // Clickers' "blank screen" keys: B or . for black, W for white; again to show the text.
        if state.nav.presenting && !typing {
            if i.consume_key(Modifiers::NONE, Key::B) || i.consume_key(Modifiers::NONE, Key::Period) {
                nav(NavAction::Blank(true));
            }
            if i.consume_key(Modifiers::NONE, Key::W) {
                nav(NavAction::Blank(false));
            }
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::P)) {
            nav(NavAction::TogglePresenterView);
        }
        // H highlights the words just selected for the room; Shift+H clears.
        if !typing && state.pair.is_some() {
            if i.consume_key(Modifiers::SHIFT, Key::H) {
                nav(NavAction::ClearHighlights);
            }
            if i.consume_key(Modifiers::NONE, Key::H) {
                nav(NavAction::Highlight);
            }
        }
        // Ctrl+1, Ctrl+2: the left or the right column alone; Ctrl+3: both.
        for (key, only) in [(Key::Num1, Some(Side::Left)), (Key::Num2, Some(Side::Right)), (Key::Num3, None)] {
            if i.consume_shortcut(&ctrl(key)) {
                nav(NavAction::ShowOnly(only));
            }
        }
        if i.consume_key(Modifiers::COMMAND, Key::F) {
            nav(NavAction::OpenSearch);
        }
        if i.consume_key(Modifiers::COMMAND, Key::G) {
            nav(NavAction::OpenGoto);
        }
        if i.consume_shortcut(&ctrl(Key::O)) {
            out.push(Action::OpenDialog(Target::Pair));
        }
        // Before Ctrl+E (a note), which would also take Ctrl+Shift+E.
        if state.pair.is_some() && i.consume_shortcut(&keymap::EXPORT) {
            out.push(crate::state::ExportAction::Show(true).into());
        }
        if i.consume_shortcut(&ctrl(Key::Plus)) || i.consume_shortcut(&ctrl(Key::Equals)) {
            out.push(Action::TextSize(1));
        }
        if i.consume_shortcut(&ctrl(Key::Minus)) {
            out.push(Action::TextSize(-1));
        }
        if i.consume_shortcut(&ctrl(Key::Num0)) {
            out.push(Action::TextSize(0));
        }
        // Shortcuts with more modifiers first: Ctrl+S would also take Ctrl+Shift+S.
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
            out.push(Action::Swap);
        }
        if i.consume_shortcut(&keymap::SAVE_AS) {
            out.push(Action::SaveAs);
        }
        if i.consume_shortcut(&keymap::SAVE) {
            out.push(Action::Save);
        }
        if i.consume_shortcut(&keymap::KEYS_HELP) {
            out.push(Action::ShowKeys(!state.project.keys_open));
        }
        let zoom = i.zoom_delta();
        if zoom != 1.0 {
            out.push(Action::TextSize(if zoom > 1.0 { 1 } else { -1 }));
        }
        if typing {
            return;
        }
        // Edits of the current row, undo and redo (a text field keeps its own Ctrl+Z).
        if i.consume_shortcut(&keymap::REDO) || i.consume_shortcut(&keymap::REDO_Y) {
            out.push(Action::Redo);
        }
        if i.consume_shortcut(&keymap::UNDO) {
            out.push(Action::Undo);
        }
        if i.consume_shortcut(&keymap::ROW_MENU) {
            out.push(Action::RowMenu);
        }
        if i.consume_shortcut(&keymap::NOTE) {
            out.push(Action::EditNote(Some(state.nav.current)));
        }
        let mut edits: Vec<&keymap::EditKey> = EDIT_KEYS.iter().collect();
        let count = |m: Modifiers| usize::from(m.shift) + usize::from(m.alt) + usize::from(m.command);
        edits.sort_by_key(|k| std::cmp::Reverse(count(k.shortcut.modifiers)));
        for key in edits {
            if i.consume_shortcut(&key.shortcut) {
                out.push(Action::Edit((key.edit)(state.nav.current)));
            }
        }
        // Esc first stops waiting for a pair being read.
        if !popup && state.loading.is_some() && i.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(Action::CancelLoading);
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
