//! What the window shows, as plain data: the open pair, where the reader is, the search results,
//! what is loading, and the actions the UI returns. The UI reads this and never changes it; the
//! app changes it for actions and finished tasks (see `app/mod.rs`).

pub mod action;
pub mod export;
pub mod settings;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use crate::core::document::Pair;
use crate::core::edit::Annotations;
use crate::core::review::{Flag, FlagKind};
use crate::core::search::{Hit, Scope};
use crate::core::session::Session;
use crate::core::side::{Side, Sides};
pub use action::{Action, CloseChoice, ExportAction, NavAction, ReviewAction, Target};
pub use settings::Settings;

/// Where the reader is and how the pair is presented.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Nav {
    /// The current row (alignment link).
    pub current: usize,
    pub presenting: bool,
    /// Presentation shows the current pair alone, as large as it fits.
    pub one_per_screen: bool,
    /// Digits typed to jump to a turn number (Enter jumps, Esc forgets).
    pub typed: String,
    /// The "go to" bar is open.
    pub goto_open: bool,
    pub goto_error: Option<String>,
    /// The speaker that Alt+↓/↑ follows; `None`: the current pair's speaker.
    pub speaker: Option<(Side, usize)>,
    /// Presentation shows a black (`Some(true)`) or white (`Some(false)`) screen instead of the
    /// text, as a clicker's "blank screen" key asks.
    pub blank: Option<bool>,
    /// Only this column is shown, the other hidden (a room that reads one language).
    pub only: Option<Side>,
    /// Words just selected in a row, and that row: what H highlights.
    pub selection: Option<(usize, String)>,
    /// Words highlighted for the room, each in the row it was picked in, until cleared.
    pub phrases: Vec<(usize, String)>,
    /// The sentence group shaded in presentation: its row and its index among the row's groups
    /// (shown only while that row is current).
    pub sentence: Option<(usize, usize)>,
    /// The presenter's own window is open (a second viewport).
    pub presenter_view: bool,
    /// When presentation began (for the presenter's clock).
    pub presenting_since: Option<Instant>,
}

/// The search bar and its results (the query being typed lives in the UI's drafts).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SearchState {
    pub open: bool,
    /// The scope the hits were (or are being) computed for.
    pub scope: Scope,
    pub hits: Vec<Hit>,
    /// The hit last brought into view.
    pub current: Option<usize>,
    /// The query and scope the hits were computed for.
    pub searched: Option<(String, Scope)>,
    /// The query and scope of the search still running, if one is.
    pub running: Option<(String, Scope)>,
}

impl SearchState {
    /// A search is still running.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }
}

/// The review flags of the open pair, and how the user looks at them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ReviewState {
    /// Every flag, in row order, with its key (see [`Flag::key`]). Those called "not a problem"
    /// are the session's ([`Session::dismissed`]).
    pub flags: Vec<(u64, Flag)>,
    /// The flags are being computed.
    pub running: bool,
    pub panel_open: bool,
    /// Kinds the panel's filter hides.
    pub hidden_kinds: BTreeSet<FlagKind>,
    pub show_dismissed: bool,
    /// Flags dismissed in the panel while it is open: they stay listed (struck through, with
    /// Restore) until it closes or the filter changes, so that the list does not shift and put
    /// the next "Not a problem" under the pointer (a double click dismissed two).
    pub lingering: BTreeSet<u64>,
    /// Indices into `flags` of the flags shown: kind not hidden, not dismissed (unless asked).
    pub shown: Vec<usize>,
    /// What the panel lists: [`Self::shown`] and the lingering ones, in order.
    pub listed: Vec<usize>,
    /// Whether each flag is dismissed (from the session's dismissals, at the last refresh).
    pub dismissed: Vec<bool>,
    /// The flag last gone to (an index into `flags`).
    pub current: Option<usize>,
    /// The project's agreed terms (see [`crate::core::review::Glossary`]).
    pub glossary: crate::core::review::Glossary,
    pub glossary_open: bool,
    /// Why the glossary typed or loaded last could not be used.
    pub glossary_error: Option<String>,
}

impl ReviewState {
    /// Recomputes [`Self::shown`] and [`Self::open`] after a change of flags, filter or
    /// `dismissed` (the session's).
    pub fn refresh(&mut self, dismissed: &BTreeSet<u64>) {
        self.listed = (0..self.flags.len())
            .filter(|&k| {
                let (key, flag) = &self.flags[k];
                let lingering =
                    self.lingering.contains(key) || flag.pattern().is_some_and(|p| self.lingering.contains(&p));
                !self.hidden_kinds.contains(&flag.kind)
                    && (self.show_dismissed || !flag.dismissed_by(*key, dismissed) || lingering)
            })
            .collect();
        // The same less the lingering ones.
        self.shown = self
            .listed
            .iter()
            .copied()
            .filter(|&k| self.show_dismissed || !self.flags[k].1.dismissed_by(self.flags[k].0, dismissed))
            .collect();
        self.dismissed = self.flags.iter().map(|(key, flag)| flag.dismissed_by(*key, dismissed)).collect();
    }

    /// The shown flags of one row.
    pub fn shown_in_row(&self, row: usize) -> impl Iterator<Item = &(u64, Flag)> {
        let start = self.shown.partition_point(|&k| self.flags[k].1.row < row);
        self.shown[start..].iter().map(|&k| &self.flags[k]).take_while(move |(_, f)| f.row == row)
    }

    /// How many flags are still to be looked at: of a kind not hidden, not dismissed. What the
    /// header and the status line count: showing the dismissed ones again does not add to it.
    pub fn open(&self) -> usize {
        self.shown.iter().filter(|&&k| !self.dismissed[k]).count()
    }

    /// How many flags of a kind there are (dismissed ones apart, unless shown).
    pub fn count(&self, kind: FlagKind) -> usize {
        (0..self.flags.len())
            .filter(|&k| self.flags[k].1.kind == kind && (self.show_dismissed || !self.dismissed[k]))
            .count()
    }
}

/// The project around the open session: where it is saved, what the last change did, and the
/// questions asked about it (recovery, closing, replacing, sources outside its folder).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ProjectState {
    /// The `.tandem` file, once saved or opened.
    pub path: Option<PathBuf>,
    /// What the last edit, undo or save did, for the status line.
    pub last: Option<String>,
    /// Unsaved work found from a run that did not end well, offered back.
    pub recovery: Option<RecoveryOffer>,
    /// The window is being closed with unsaved changes: Save, Discard or Cancel?
    pub closing: bool,
    /// The same question before another pair replaces unsaved changes: what would open.
    pub replacing: Option<String>,
    /// A project not opened before whose sources lie outside its folder, and those sources:
    /// shown before anything is read.
    pub outside: Option<(PathBuf, Vec<PathBuf>)>,
    /// The note being written, for a row.
    pub note_row: Option<usize>,
    pub keys_open: bool,
}

/// Unsaved work from an earlier run, found at start.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryOffer {
    /// `a.txt ↔ b.txt`
    pub what: String,
    /// When it was written, as a person reads it.
    pub when: String,
    /// The recovery copy offered (one per pair: several windows, several copies).
    pub path: std::path::PathBuf,
}

/// A pair being read and aligned in the background: what the window shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loading {
    /// `left.txt ↔ right.txt`
    pub what: String,
    pub started: Instant,
    /// What is being done now (`reading and decoding left.txt`, `aligning`), and the share done
    /// (0 to 1): the loading task's progress as it was at the start of this frame.
    pub now: String,
    pub share: f32,
}

/// A message of the status line that asks for the user's eye: how grave, and what it says
/// (written where the error was met, from its type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub level: Level,
    pub text: String,
}

/// How grave a [`Status`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Done, but not all of it as it was: a project opened on changed texts, a decision that no
    /// longer applies, a damaged file set aside.
    Warning,
    /// Not done: nothing was opened, saved or kept.
    Error,
}

impl Status {
    pub fn warning(text: impl Into<String>) -> Self {
        Status { level: Level::Warning, text: text.into() }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Status { level: Level::Error, text: text.into() }
    }
}

/// A path typed by hand, for when no file dialog can appear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathEntry {
    pub target: Option<Target>,
    /// Why the field is shown (no dialog could appear), or empty.
    pub reason: String,
}

/// Everything the UI reads. Only the app changes it.
#[derive(Debug, Default)]
pub struct AppState {
    pub settings: Settings,
    /// The open pair and the work done on it; its pair is cheap to clone, shared with
    /// background tasks.
    pub session: Option<Session>,
    /// The pair is the built-in sample (set when a pair is shown).
    pub sample: bool,
    pub nav: Nav,
    pub search: SearchState,
    pub review: ReviewState,
    /// Sentences and words matched inside the rows of the pair as it is now (`None` while they
    /// are computed), for pointing at a word to show its counterpart.
    pub inside: Option<std::sync::Arc<crate::core::align::inside::Inside>>,
    pub project: ProjectState,
    pub export: export::ExportState,
    pub loading: Option<Loading>,
    /// A native file dialog is open.
    pub dialog_open: bool,
    /// No native file dialog can appear here (no desktop portal, no zenity; or one came back at
    /// once with nothing): "Choose…" is not offered, only typed paths.
    pub no_dialog: bool,
    pub path_entry: Option<PathEntry>,
    /// What went wrong, or needs the user's eye, until dismissed or replaced.
    pub status: Option<Status>,
    pub settings_open: bool,
    /// Installed font families (from fontdb), once listed.
    pub installed_fonts: Option<Vec<String>>,
    /// Whether each column has a user-chosen font installed ahead of the bundled ones.
    pub user_fonts: Sides<bool>,
}

impl AppState {
    /// The texts and their alignment.
    pub fn pair(&self) -> Option<&Pair> {
        self.session.as_ref().map(Session::pair)
    }

    /// Notes, bookmarks and titles of the open pair.
    pub fn annotations(&self) -> Option<&Annotations> {
        self.session.as_ref().map(Session::annotations)
    }

    /// The work open differs from what was saved (or opened).
    pub fn dirty(&self) -> bool {
        self.session.as_ref().is_some_and(Session::dirty)
    }

    pub fn can_undo(&self) -> bool {
        self.session.as_ref().is_some_and(Session::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.session.as_ref().is_some_and(Session::can_redo)
    }

    /// Recomputes which flags are shown after a change of flags, filter or dismissals.
    pub fn refresh_review(&mut self) {
        let none = BTreeSet::new();
        self.review.refresh(self.session.as_ref().map_or(&none, Session::dismissed));
    }

    /// What the status line's message says, if there is one.
    pub fn status_text(&self) -> Option<&str> {
        self.status.as_ref().map(|s| s.text.as_str())
    }

    /// Rows of the open pair.
    pub fn rows(&self) -> usize {
        self.pair().map_or(0, |p| p.alignment.links.len())
    }

    /// The text size in use: presentation has its own.
    pub fn text_size(&self) -> f32 {
        if self.nav.presenting { self.settings.present_text_size } else { self.settings.text_size }
    }

    /// The open files' paths, as text (for the path field).
    /// The built-in sample (`sample/interview_zh.txt`, no file on disk) gives none: a path field
    /// prefilled with it offered a file that is not there.
    pub fn current_paths(&self) -> Sides<String> {
        self.pair().map_or_else(Default::default, |p| {
            p.docs.as_ref().map(|d| if self.showing_sample() { String::new() } else { d.path.display().to_string() })
        })
    }

    /// The pair on screen is the built-in sample, not files of the user's.
    pub fn showing_sample(&self) -> bool {
        self.sample && self.pair().is_some()
    }

    /// The paths of the open pair, when both are files on disk.
    pub fn file_paths(&self) -> Option<[PathBuf; 2]> {
        let p = self.pair()?;
        let paths = [p.docs.left.path.clone(), p.docs.right.path.clone()];
        paths.iter().all(|p| p.is_file()).then_some(paths)
    }
}
