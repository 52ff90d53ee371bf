//! What the window shows, as plain data: the open pair, where the reader is, the search results,
//! what is loading, and the actions the UI returns. The UI reads this and never changes it; the
//! app applies actions to it in one place.

pub mod action;
pub mod settings;

use std::path::PathBuf;
use std::time::Instant;

use crate::core::document::Pair;
use crate::core::search::{Hit, Scope};
use crate::core::side::{Side, Sides};
pub use action::{Action, NavAction, Target};
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

/// A pair being read and aligned in the background.
#[derive(Debug, Clone, PartialEq)]
pub struct Loading {
    /// `left.txt ↔ right.txt`
    pub what: String,
    pub started: Instant,
}

/// A path typed by hand, for when no file dialog can appear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathEntry {
    pub target: Option<Target>,
    /// Why the field is shown (no dialog could appear), or empty.
    pub reason: String,
}

/// Everything the UI reads. Only the app's action handler changes it.
#[derive(Debug, Default)]
pub struct AppState {
    pub settings: Settings,
    /// The texts and their alignment; cheap to clone, shared with background tasks.
    pub pair: Option<Pair>,
    pub nav: Nav,
    pub search: SearchState,
    pub loading: Option<Loading>,
    /// A native file dialog is open.
    pub dialog_open: bool,
    pub path_entry: Option<PathEntry>,
    pub error: Option<String>,
    pub settings_open: bool,
    /// Installed font families (from fontdb), once listed.
    pub installed_fonts: Option<Vec<String>>,
    /// Whether each column has a user-chosen font installed ahead of the bundled ones.
    pub user_fonts: Sides<bool>,
}

impl AppState {
    /// Rows of the open pair.
    pub fn rows(&self) -> usize {
        self.pair.as_ref().map_or(0, |p| p.alignment.links.len())
    }

    /// The text size in use: presentation has its own.
    pub fn text_size(&self) -> f32 {
        if self.nav.presenting { self.settings.present_text_size } else { self.settings.text_size }
    }

    /// The open files' paths, as text (for the path field).
    pub fn current_paths(&self) -> Sides<String> {
        self.pair.as_ref().map_or_else(Default::default, |p| p.docs.as_ref().map(|d| d.path.display().to_string()))
    }

    /// The paths of the open pair, when both are files on disk.
    pub fn file_paths(&self) -> Option<[PathBuf; 2]> {
        let p = self.pair.as_ref()?;
        let paths = [p.docs.left.path.clone(), p.docs.right.path.clone()];
        paths.iter().all(|p| p.is_file()).then_some(paths)
    }
}
