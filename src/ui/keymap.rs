//! Every shortcut declared once: the keyboard handler, the menus, the context menu and
//! Help › Keys all read these tables, and the text shown for a key is made from the key itself.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::edit::Edit;
use crate::core::side::Side;
use crate::state::{Action, AppState, ExportAction, NavAction, ReviewAction, Target};

const fn mods(command: bool, shift: bool, alt: bool) -> Modifiers {
    Modifiers { alt, ctrl: false, shift, mac_cmd: false, command }
}

/// An edit of the current row, with its shortcut.
pub struct EditKey {
    pub label: &'static str,
    pub shortcut: KeyboardShortcut,
    pub edit: fn(usize) -> Edit,
}

/// The edits of the current row, in the order the context menu lists them.
pub const EDIT_KEYS: [EditKey; 12] = [
    EditKey {
        label: "Merge with the next row",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::M),
        edit: |row| Edit::Merge { start: row, end: row + 2 },
    },
    EditKey {
        label: "Merge with the previous row",
        shortcut: KeyboardShortcut::new(mods(true, true, false), Key::M),
        edit: |row| Edit::Merge { start: row.saturating_sub(1), end: row + 1 },
    },
    EditKey {
        label: "Unlink: each turn on its own",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::U),
        edit: |row| Edit::Unlink { row },
    },
    EditKey {
        label: "Take the next row's left turns",
        shortcut: KeyboardShortcut::new(mods(true, false, true), Key::ArrowDown),
        edit: |row| Edit::MergeSide { row, side: Side::Left, forward: true },
    },
    EditKey {
        label: "Take the next row's right turns",
        shortcut: KeyboardShortcut::new(mods(true, true, true), Key::ArrowDown),
        edit: |row| Edit::MergeSide { row, side: Side::Right, forward: true },
    },
    EditKey {
        label: "Take the previous row's left turns",
        shortcut: KeyboardShortcut::new(mods(true, false, true), Key::ArrowUp),
        edit: |row| Edit::MergeSide { row, side: Side::Left, forward: false },
    },
    EditKey {
        label: "Take the previous row's right turns",
        shortcut: KeyboardShortcut::new(mods(true, true, true), Key::ArrowUp),
        edit: |row| Edit::MergeSide { row, side: Side::Right, forward: false },
    },
    EditKey {
        label: "Move the last left turn down",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::ArrowDown),
        edit: |row| Edit::Shift { row, side: Side::Left, down: true },
    },
    EditKey {
        label: "Move the first left turn up",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::ArrowUp),
        edit: |row| Edit::Shift { row, side: Side::Left, down: false },
    },
    EditKey {
        label: "Move the last right turn down",
        shortcut: KeyboardShortcut::new(mods(true, true, false), Key::ArrowDown),
        edit: |row| Edit::Shift { row, side: Side::Right, down: true },
    },
    EditKey {
        label: "Move the first right turn up",
        shortcut: KeyboardShortcut::new(mods(true, true, false), Key::ArrowUp),
        edit: |row| Edit::Shift { row, side: Side::Right, down: false },
    },
    EditKey {
        label: "Bookmark",
        shortcut: KeyboardShortcut::new(mods(true, false, false), Key::B),
        // The handler turns this into "on" or "off" by the row's state.
        edit: |row| Edit::Bookmark { row, on: true },
    },
];

const fn key(command: bool, shift: bool, alt: bool, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(mods(command, shift, alt), key)
}

/// A command the keyboard, a menu and Help › Keys name alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    OpenPair,
    Save,
    SaveAs,
    Export,
    Find,
    Goto,
    Larger,
    Smaller,
    DefaultSize,
    Swap,
    FlagsPanel,
    NextFlag,
    PreviousFlag,
    NextBookmark,
    PreviousBookmark,
    Present,
    FullScreen,
    PresenterView,
    OnePerScreen,
    HighContrast,
    BlackScreen,
    WhiteScreen,
    OnlyLeft,
    OnlyRight,
    BothColumns,
    Highlight,
    ClearHighlights,
    NextSentence,
    PreviousSentence,
    Undo,
    Redo,
    Note,
    RowMenu,
    Keys,
}

/// When a binding listens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Even while a text field has the keyboard.
    Always,
    /// Not while typing in a field (the field keeps its own Ctrl+Z, its letters).
    NotTyping,
    /// Only in presentation.
    Presenting,
    /// In presentation, not while typing.
    PresentingNotTyping,
    /// With a pair open.
    WithPair,
    /// With a pair open, not while typing.
    WithPairNotTyping,
}

/// A command, the keys that give it (the first is the one shown), when, and what Help says.
pub struct Binding {
    pub command: Command,
    pub keys: &'static [KeyboardShortcut],
    pub when: When,
    pub help: &'static str,
}

const fn bind(command: Command, keys: &'static [KeyboardShortcut], when: When, help: &'static str) -> Binding {
    Binding { command, keys, when, help }
}

const NONE: bool = false;
const CTRL: bool = true;

/// Every command with a key, in the order Help › Keys lists them.
pub const BINDINGS: &[Binding] = &[
    bind(Command::Goto, &[key(CTRL, NONE, NONE, Key::G)], When::Always, "go to a turn or a line"),
    bind(Command::Find, &[key(CTRL, NONE, NONE, Key::F)], When::Always, "search"),
    bind(Command::Present, &[key(NONE, NONE, NONE, Key::F5)], When::Always, "presentation on · off (Esc leaves)"),
    bind(
        Command::FullScreen,
        &[key(NONE, NONE, NONE, Key::F11)],
        When::Always,
        "full screen on · off (in presentation: leaves it)",
    ),
    bind(
        Command::PresenterView,
        &[key(CTRL, true, NONE, Key::P)],
        When::Always,
        "the presenter view: a second window with the next pair, the note and the flags",
    ),
    bind(
        Command::OnePerScreen,
        &[key(NONE, NONE, NONE, Key::F6)],
        When::Presenting,
        "in presentation: one pair per screen",
    ),
    bind(Command::HighContrast, &[key(NONE, NONE, NONE, Key::F7)], When::Presenting, "in presentation: high contrast"),
    bind(
        Command::BlackScreen,
        &[key(NONE, NONE, NONE, Key::B), key(NONE, NONE, NONE, Key::Period)],
        When::PresentingNotTyping,
        "in presentation: a black screen (again: the text back)",
    ),
    bind(
        Command::WhiteScreen,
        &[key(NONE, NONE, NONE, Key::W)],
        When::PresentingNotTyping,
        "in presentation: a white screen (again: the text back)",
    ),
    bind(Command::NextFlag, &[key(NONE, NONE, NONE, Key::F8)], When::Always, "next review flag"),
    bind(Command::PreviousFlag, &[key(NONE, true, NONE, Key::F8)], When::Always, "previous review flag"),
    bind(Command::NextBookmark, &[key(NONE, NONE, NONE, Key::F2)], When::WithPair, "next bookmark (Ctrl+B sets one)"),
    bind(Command::PreviousBookmark, &[key(NONE, true, NONE, Key::F2)], When::WithPair, "previous bookmark"),
    bind(Command::FlagsPanel, &[key(CTRL, true, NONE, Key::R)], When::Always, "the Flags panel"),
    bind(
        Command::RowMenu,
        &[key(NONE, true, NONE, Key::F10)],
        When::NotTyping,
        "the current row's edits, from the keyboard (split a turn, a label that is no speaker…)",
    ),
    bind(Command::Note, &[key(CTRL, NONE, NONE, Key::E)], When::NotTyping, "a note on the current row"),
    bind(Command::Undo, &[key(CTRL, NONE, NONE, Key::Z)], When::NotTyping, "undo"),
    bind(Command::Redo, &[key(CTRL, true, NONE, Key::Z), key(CTRL, NONE, NONE, Key::Y)], When::NotTyping, "redo"),
    bind(Command::Save, &[key(CTRL, NONE, NONE, Key::S)], When::Always, "save the project"),
    bind(Command::SaveAs, &[key(CTRL, NONE, true, Key::S)], When::Always, "save the project as…"),
    bind(Command::OpenPair, &[key(CTRL, NONE, NONE, Key::O)], When::Always, "open a pair or a project"),
    bind(
        Command::Export,
        &[key(CTRL, true, NONE, Key::E)],
        When::WithPair,
        "export the pair (TMX, TSV, CSV, XLSX, DOCX, HTML)",
    ),
    bind(
        Command::Larger,
        &[key(CTRL, NONE, NONE, Key::Plus), key(CTRL, NONE, NONE, Key::Equals)],
        When::Always,
        "larger text",
    ),
    bind(Command::Smaller, &[key(CTRL, NONE, NONE, Key::Minus)], When::Always, "smaller text"),
    bind(Command::DefaultSize, &[key(CTRL, NONE, NONE, Key::Num0)], When::Always, "the default text size"),
    bind(Command::Swap, &[key(CTRL, true, NONE, Key::S)], When::Always, "swap the sides"),
    bind(Command::OnlyLeft, &[key(CTRL, NONE, NONE, Key::Num1)], When::Always, "only the left column"),
    bind(Command::OnlyRight, &[key(CTRL, NONE, NONE, Key::Num2)], When::Always, "only the right column"),
    bind(Command::BothColumns, &[key(CTRL, NONE, NONE, Key::Num3)], When::Always, "both columns"),
    bind(
        Command::Highlight,
        &[key(NONE, NONE, NONE, Key::H)],
        When::WithPairNotTyping,
        "highlight the selected words in their pair, for the room",
    ),
    bind(Command::ClearHighlights, &[key(NONE, true, NONE, Key::H)], When::WithPairNotTyping, "clear the highlights"),
    bind(
        Command::NextSentence,
        &[key(NONE, NONE, NONE, Key::S)],
        When::PresentingNotTyping,
        "in presentation: the current pair's next sentence and its translation, shaded (past the last: the next pair)",
    ),
    bind(
        Command::PreviousSentence,
        &[key(NONE, true, NONE, Key::S)],
        When::PresentingNotTyping,
        "in presentation: the previous sentence",
    ),
    bind(Command::Keys, &[key(NONE, NONE, NONE, Key::F1)], When::Always, "this list"),
];

/// Keys that are not one shortcut (a row of keys, digits, the mouse), for Help › Keys.
pub const OTHER_KEYS: &[(&str, &str)] = &[
    ("→ · Space · PgDn", "next pair"),
    ("← · PgUp", "previous pair"),
    ("Home · End", "first · last pair"),
    ("digits, then Enter", "go to that turn (left numbering)"),
    ("Alt+↓ · Alt+↑", "next · previous turn of the speaker"),
    ("Esc", "close Help › Keys or the Export window; leave presentation; stop opening a pair"),
    ("right click on a row", "the row's edits"),
    ("select words", "then H highlights them"),
];

/// The binding of a command.
pub fn binding(command: Command) -> &'static Binding {
    BINDINGS.iter().find(|b| b.command == command).expect("every command is bound (a test checks)")
}

/// What a command's key is called on screen (`Ctrl+Shift+S`, `F8`): made from the key itself.
pub fn keys_text(command: Command) -> String {
    binding(command).keys.first().map(describe).unwrap_or_default()
}

/// A shortcut as a person reads it: `Ctrl+Alt+Shift+↓`.
pub fn describe(shortcut: &KeyboardShortcut) -> String {
    let m = shortcut.modifiers;
    let mut text = String::new();
    for (on, name) in [(m.command || m.ctrl, "Ctrl+"), (m.alt, "Alt+"), (m.shift, "Shift+")] {
        if on {
            text.push_str(name);
        }
    }
    let name = match shortcut.logical_key {
        Key::ArrowDown => "↓",
        Key::ArrowUp => "↑",
        Key::ArrowLeft => "←",
        Key::ArrowRight => "→",
        Key::Plus => "+",
        Key::Minus => "−",
        Key::Equals => "=",
        Key::Period => ".",
        other => other.name(),
    };
    // `Ctrl+1`, not `Ctrl+Num1`.
    text.push_str(name.strip_prefix("Num").filter(|d| d.len() == 1).unwrap_or(name));
    text
}

/// What a command does now.
pub fn action(command: Command, state: &AppState) -> Action {
    let nav = Action::Nav;
    match command {
        Command::OpenPair => Action::OpenDialog(Target::Pair),
        Command::Save => Action::Save,
        Command::SaveAs => Action::SaveAs,
        Command::Export => ExportAction::Show(true).into(),
        Command::Find => nav(NavAction::OpenSearch),
        Command::Goto => nav(NavAction::OpenGoto),
        Command::Larger => Action::TextSize(1),
        Command::Smaller => Action::TextSize(-1),
        Command::DefaultSize => Action::TextSize(0),
        Command::Swap => Action::Swap,
        Command::FlagsPanel => Action::Review(ReviewAction::TogglePanel),
        Command::NextFlag => Action::Review(ReviewAction::Step(true)),
        Command::PreviousFlag => Action::Review(ReviewAction::Step(false)),
        Command::NextBookmark => nav(NavAction::BookmarkStep(true)),
        Command::PreviousBookmark => nav(NavAction::BookmarkStep(false)),
        Command::Present => nav(NavAction::TogglePresent),
        Command::FullScreen => nav(NavAction::ToggleFullScreen),
        Command::PresenterView => nav(NavAction::TogglePresenterView),
        Command::OnePerScreen => nav(NavAction::ToggleOnePerScreen),
        Command::HighContrast => nav(NavAction::ToggleHighContrast),
        Command::BlackScreen => nav(NavAction::Blank(true)),
        Command::WhiteScreen => nav(NavAction::Blank(false)),
        Command::OnlyLeft => nav(NavAction::ShowOnly(Some(Side::Left))),
        Command::OnlyRight => nav(NavAction::ShowOnly(Some(Side::Right))),
        Command::BothColumns => nav(NavAction::ShowOnly(None)),
        Command::Highlight => nav(NavAction::Highlight),
        Command::ClearHighlights => nav(NavAction::ClearHighlights),
        Command::NextSentence => nav(NavAction::SentenceStep(true)),
        Command::PreviousSentence => nav(NavAction::SentenceStep(false)),
        Command::Undo => Action::Undo,
        Command::Redo => Action::Redo,
        Command::Note => Action::EditNote(Some(state.nav.current)),
        Command::RowMenu => Action::RowMenu,
        Command::Keys => Action::ShowKeys(!state.project.keys_open),
    }
}

/// Whether a binding listens now.
pub fn listens(when: When, state: &AppState, typing: bool) -> bool {
    let pair = state.pair().is_some();
    let presenting = state.nav.presenting;
    match when {
        When::Always => true,
        When::NotTyping => !typing,
        When::Presenting => presenting,
        When::PresentingNotTyping => presenting && !typing,
        When::WithPair => pair,
        When::WithPairNotTyping => pair && !typing,
    }
}

/// How many modifiers a shortcut holds: the more, the earlier it is tried (Ctrl+S would also
/// take Ctrl+Shift+S).
pub fn modifier_count(shortcut: &KeyboardShortcut) -> usize {
    let m = shortcut.modifiers;
    usize::from(m.shift) + usize::from(m.alt) + usize::from(m.command || m.ctrl)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Command; 34] = [
        Command::OpenPair,
        Command::Save,
        Command::SaveAs,
        Command::Export,
        Command::Find,
        Command::Goto,
        Command::Larger,
        Command::Smaller,
        Command::DefaultSize,
        Command::Swap,
        Command::FlagsPanel,
        Command::NextFlag,
        Command::PreviousFlag,
        Command::NextBookmark,
        Command::PreviousBookmark,
        Command::Present,
        Command::FullScreen,
        Command::PresenterView,
        Command::OnePerScreen,
        Command::HighContrast,
        Command::BlackScreen,
        Command::WhiteScreen,
        Command::OnlyLeft,
        Command::OnlyRight,
        Command::BothColumns,
        Command::Highlight,
        Command::ClearHighlights,
        Command::NextSentence,
        Command::PreviousSentence,
        Command::Undo,
        Command::Redo,
        Command::Note,
        Command::RowMenu,
        Command::Keys,
    ];

    #[test]
    fn every_command_is_bound_once_and_no_key_twice() {
        for c in ALL {
            assert_eq!(BINDINGS.iter().filter(|b| b.command == c).count(), 1, "{c:?}");
        }
        assert_eq!(BINDINGS.len(), ALL.len(), "a binding for a command missing from this list");
        let mut seen: Vec<KeyboardShortcut> = Vec::new();
        let keys = BINDINGS.iter().flat_map(|b| b.keys.iter()).chain(EDIT_KEYS.iter().map(|e| &e.shortcut));
        for k in keys {
            assert!(!seen.contains(k), "{} bound twice", describe(k));
            seen.push(*k);
        }
    }

    #[test]
    fn keys_are_named_from_the_keys_themselves() {
        assert_eq!(keys_text(Command::SaveAs), "Ctrl+Alt+S");
        assert_eq!(keys_text(Command::PreviousFlag), "Shift+F8");
        assert_eq!(keys_text(Command::OnlyLeft), "Ctrl+1");
        assert_eq!(keys_text(Command::Larger), "Ctrl++");
        assert_eq!(describe(&EDIT_KEYS[4].shortcut), "Ctrl+Alt+Shift+↓");
    }

    #[test]
    fn menus_name_no_key_of_their_own() {
        // Every shortcut text in the menus comes from this table: none is written out there.
        for (file, text) in [("menu.rs", include_str!("menu.rs")), ("editing.rs", include_str!("editing.rs"))] {
            assert!(!text.contains("shortcut_text(\""), "{file} writes a shortcut's text itself");
        }
    }
}
