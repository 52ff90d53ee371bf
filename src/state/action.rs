//! What the user asks for: every change to the app's state goes through one of these actions,
//! returned by the UI or read from the keyboard and applied in one place by the app.

use std::path::PathBuf;

use crate::core::edit::Edit;
use crate::core::export::Format;
use crate::core::review::FlagKind;
use crate::core::search::Scope;
use crate::core::side::Side;

/// What a file dialog (or the path field) opens or saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Pair,
    /// One side, the other staying open.
    Side(Side),
    /// A `.tandem` project to open.
    Project,
    /// Where to save the project.
    SaveProject,
    /// Where a project's source file went.
    Locate(Side),
    /// Where to write an export in this format.
    Export(Format),
    /// A glossary file (TSV or CSV) to read.
    Glossary,
}

/// The answer to "save the changes before closing?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseChoice {
    Save,
    Discard,
    Cancel,
}

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Action {
    OpenDialog(Target),
    OpenPaths(Vec<PathBuf>, Target),
    OpenRecent(usize),
    OpenSample,
    /// Stop waiting for the pair being read (a pipe with no writer, a file on a dead network
    /// share); what is on screen stays.
    CancelLoading,
    ShowPathEntry(Target),
    ClosePathEntry,
    Swap,
    TextSize(i32),
    ToggleTheme,
    /// Scrolling animation: automatic (`None`), off (`Some(true)`) or on (`Some(false)`).
    SetReduceMotion(Option<bool>),
    SetSplit(f32),
    SetFont(Side, Option<String>),
    ShowSettings(bool),
    DismissError,
    Nav(NavAction),
    Review(ReviewAction),
    Export(ExportAction),
    /// A change to the alignment, its notes or bookmarks (undoable).
    Edit(Edit),
    Undo,
    Redo,
    /// Save the project (asks where the first time).
    Save,
    SaveAs,
    /// Write the project to this file.
    SaveTo(PathBuf),
    /// Open a `.tandem` project.
    OpenProject(PathBuf),
    /// Take back (true) or throw away (false) the unsaved work of an earlier run.
    Recover(bool),
    /// Read (true) or not the sources a project names outside its folder.
    TrustProject(bool),
    Close(CloseChoice),
    /// Open (Some) or close the note field of a row.
    EditNote(Option<usize>),
    ShowKeys(bool),
    /// The current row's context menu, opened from the keyboard (Shift+F10).
    RowMenu,
    Quit,
}

/// The Export window.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportAction {
    Show(bool),
    Form(super::export::ExportForm),
    /// Ask where to write (the native dialog, or the path field).
    Choose,
    /// Write the export to this file; `replace` when the user already agreed to replace it.
    Write {
        path: PathBuf,
        replace: bool,
    },
    Cancel,
    /// The answer to "already exists: replace it?" — no: the file stays as it is.
    KeepExisting,
}

impl From<ExportAction> for Action {
    fn from(a: ExportAction) -> Action {
        Action::Export(a)
    }
}

/// Looking through the review flags.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewAction {
    TogglePanel,
    /// F8 / Shift+F8: the next (previous) shown flag after the current pair.
    Step(bool),
    /// Go to a flag (an index into the flags).
    Select(usize),
    /// "Not a problem" (true) or restored (false), by the flag's key.
    Dismiss(u64, bool),
    ToggleKind(FlagKind),
    ShowDismissed(bool),
    /// The Glossary window open or closed.
    ShowGlossary(bool),
    /// The glossary as typed in its window (TSV or CSV lines), to check with.
    SetGlossary(String),
}

/// A move through the pair, or a change of how it is presented or searched.
#[derive(Debug, Clone, PartialEq)]
pub enum NavAction {
    Step(i64),
    First,
    Last,
    To(usize),
    /// Makes a row current without scrolling (a click on it).
    Select(usize),
    TogglePresent,
    /// The next (true) or previous bookmarked row, round past the ends.
    BookmarkStep(bool),
    /// The window full screen or not, presentation aside (F11); in presentation, leave it.
    ToggleFullScreen,
    LeavePresent,
    ToggleOnePerScreen,
    /// Black (true) or white (false) screen in presentation; the same again shows the text.
    Blank(bool),
    ToggleHighContrast,
    /// Show only one column (`None`: both).
    ShowOnly(Option<Side>),
    /// Open or close the presenter's own window.
    TogglePresenterView,
    /// Highlight the words just selected, in their pair, until cleared.
    Highlight,
    ClearHighlights,
    /// Shade the current pair's next (true) or previous sentence group, past its ends to the
    /// next or previous pair.
    SentenceStep(bool),
    /// One pair per screen: fit each pair to the screen, or keep the presentation size.
    ToggleFitEachPair,
    SpeakerStep(bool),
    /// Digits typed outside any field, towards a turn number.
    Type(String),
    /// Backspace on the typed digits.
    Untype,
    ClearTyped,
    FollowSpeaker(Option<(Side, usize)>),
    OpenGoto,
    Goto(String),
    CloseGoto,
    OpenSearch,
    CloseSearch,
    /// The query or scope changed: search again and show the first hit from the current pair on.
    Search(String, Scope),
    NextHit(bool),
}

impl From<ReviewAction> for Action {
    fn from(a: ReviewAction) -> Action {
        Action::Review(a)
    }
}

impl From<NavAction> for Action {
    fn from(a: NavAction) -> Action {
        Action::Nav(a)
    }
}
