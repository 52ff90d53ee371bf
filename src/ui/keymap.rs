//! Every shortcut declared once: the keyboard handler, the menus, the context menu and
//! Help › Keys all read these tables.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::edit::Edit;
use crate::core::side::Side;

const fn mods(command: bool, shift: bool, alt: bool) -> Modifiers {
    Modifiers { alt, ctrl: false, shift, mac_cmd: false, command }
}

/// An edit of the current row, with its shortcut.
pub struct EditKey {
    pub label: &'static str,
    pub keys: &'static str,
    pub shortcut: KeyboardShortcut,
    pub edit: fn(usize) -> Edit,
}

/// The edits of the current row, in the order the context menu lists them.
pub const EDIT_KEYS: [EditKey; 12] = [
    EditKey {
        label: "Merge with the next row",
        keys: "Ctrl+M",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::M),
        edit: |row| Edit::Merge { start: row, end: row + 2 },
    },
    EditKey {
        label: "Merge with the previous row",
        keys: "Ctrl+Shift+M",
        shortcut: KeyboardShortcut::new(mods(true, true, false), Key::M),
        edit: |row| Edit::Merge { start: row.saturating_sub(1), end: row + 1 },
    },
    EditKey {
        label: "Unlink: each turn on its own",
        keys: "Ctrl+U",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::U),
        edit: |row| Edit::Unlink { row },
    },
    EditKey {
        label: "Take the next row's left turns",
        keys: "Ctrl+Alt+↓",
        shortcut: KeyboardShortcut::new(mods(true, false, true), Key::ArrowDown),
        edit: |row| Edit::MergeSide { row, side: Side::Left, forward: true },
    },
    EditKey {
        label: "Take the next row's right turns",
        keys: "Ctrl+Alt+Shift+↓",
        shortcut: KeyboardShortcut::new(mods(true, true, true), Key::ArrowDown),
        edit: |row| Edit::MergeSide { row, side: Side::Right, forward: true },
    },
    EditKey {
        label: "Take the previous row's left turns",
        keys: "Ctrl+Alt+↑",
        shortcut: KeyboardShortcut::new(mods(true, false, true), Key::ArrowUp),
        edit: |row| Edit::MergeSide { row, side: Side::Left, forward: false },
    },
    EditKey {
        label: "Take the previous row's right turns",
        keys: "Ctrl+Alt+Shift+↑",
        shortcut: KeyboardShortcut::new(mods(true, true, true), Key::ArrowUp),
        edit: |row| Edit::MergeSide { row, side: Side::Right, forward: false },
    },
    EditKey {
        label: "Move the last left turn down",
        keys: "Ctrl+↓",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::ArrowDown),
        edit: |row| Edit::Shift { row, side: Side::Left, down: true },
    },
    EditKey {
        label: "Move the first left turn up",
        keys: "Ctrl+↑",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::ArrowUp),
        edit: |row| Edit::Shift { row, side: Side::Left, down: false },
    },
    EditKey {
        label: "Move the last right turn down",
        keys: "Ctrl+Shift+↓",
        shortcut: KeyboardShortcut::new(mods(true, true, false), Key::ArrowDown),
        edit: |row| Edit::Shift { row, side: Side::Right, down: true },
    },
    EditKey {
        label: "Move the first right turn up",
        keys: "Ctrl+Shift+↑",
        shortcut: KeyboardShortcut::new(mods(true, true, false), Key::ArrowUp),
        edit: |row| Edit::Shift { row, side: Side::Right, down: false },
    },
    EditKey {
        label: "Bookmark",
        keys: "Ctrl+B",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::B),
        // The handler turns this into "on" or "off" by the row's state.
        edit: |row| Edit::Bookmark { row, on: true },
    },
];

pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(mods(true, false, false), Key::Z);
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(mods(true, true, false), Key::Z);
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(mods(true, false, false), Key::Y);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(mods(true, false, false), Key::S);
pub const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(mods(true, false, true), Key::S);
pub const EXPORT: KeyboardShortcut = KeyboardShortcut::new(mods(true, true, false), Key::E);
pub const NOTE: KeyboardShortcut = KeyboardShortcut::new(mods(true, false, false), Key::E);
pub const ROW_MENU: KeyboardShortcut = KeyboardShortcut::new(mods(false, true, false), Key::F10);
pub const KEYS_HELP: KeyboardShortcut = KeyboardShortcut::new(mods(false, false, false), Key::F1);

/// Every key, for Help › Keys: what to press, what it does.
pub const ALL_KEYS: &[(&str, &str)] = &[
    ("→ · Space · PgDn", "next pair"),
    ("← · PgUp", "previous pair"),
    ("Home · End", "first · last pair"),
    ("digits, then Enter", "go to that turn (left numbering)"),
    ("Alt+↓ · Alt+↑", "next · previous turn of the speaker"),
    ("Ctrl+G", "go to a turn or a line"),
    ("Ctrl+F", "search"),
    ("F5 · Esc", "presentation on · off"),
    ("Ctrl+Shift+P", "the presenter view: a second window with the next pair, the note and the flags"),
    ("F6 · F7", "in presentation: one pair per screen · high contrast"),
    ("B or . · W", "in presentation: black · white screen (again: the text back)"),
    ("F8 · Shift+F8", "next · previous review flag"),
    ("Ctrl+Shift+R", "the Flags panel"),
    ("right click on a row", "the row's edits"),
    ("Ctrl+M · Ctrl+Shift+M", "merge the current row with the next · previous one"),
    ("Ctrl+U", "unlink the current row"),
    ("Ctrl+Alt+↓ · Ctrl+Alt+Shift+↓", "take the next row's left · right turns"),
    ("Ctrl+Alt+↑ · Ctrl+Alt+Shift+↑", "take the previous row's left · right turns"),
    ("Shift+F10", "the current row's edits, from the keyboard (split a turn, a label that is no speaker…)"),
    ("Ctrl+↓ · Ctrl+↑", "move a left turn down · up a row"),
    ("Ctrl+Shift+↓ · Ctrl+Shift+↑", "move a right turn down · up a row"),
    ("Ctrl+E · Ctrl+B", "note · bookmark on the current row"),
    ("Ctrl+Z · Ctrl+Shift+Z · Ctrl+Y", "undo · redo · redo"),
    ("Ctrl+S · Ctrl+Alt+S", "save the project · save as"),
    ("Ctrl+O", "open a pair or a project"),
    ("Ctrl+Shift+E", "export the pair (TMX, TSV, CSV, XLSX, DOCX, HTML)"),
    ("Ctrl + · Ctrl − · Ctrl 0", "larger · smaller · default text"),
    ("Ctrl+Shift+S", "swap the sides"),
    ("Ctrl+1 · Ctrl+2 · Ctrl+3", "only the left column · only the right column · both"),
    ("select words, then H · Shift+H", "highlight them in their pair for the room · clear the highlights"),
    ("F1", "this list"),
];
