//! What runs off the UI thread now: one slot for each kind of [`Task`](super::tasks::Task).

use super::dialog::Dialog;
use super::export::ExportTask;
use super::loader::Job;
use super::nav::SearchJob;
use super::project::Resplit;
use super::review::ReviewJob;
use super::tasks::Task;
use super::watch::Watcher;

/// The work running off the UI thread, one slot for each kind: a newer task of a kind replaces
/// (and so cancels) the one before. Each is started where its work is asked for and finished in
/// its `poll_*`, called by `poll_background` every frame.
#[derive(Default)]
pub(super) struct Running {
    /// A pair or a project being read and aligned.
    pub load: Option<Job>,
    /// A native file dialog.
    pub dialog: Option<Dialog>,
    pub search: Option<SearchJob>,
    /// The review flags being computed.
    pub review: Option<ReviewJob>,
    /// Sentences and words being matched inside the rows.
    pub inside: Option<Task<crate::core::align::inside::Inside>>,
    pub export: Option<ExportTask>,
    /// A document being cut into turns anew after an edit of its turns.
    pub resplit: Option<Task<Resplit>>,
    /// The installed font families being listed.
    pub fonts: Option<Task<Vec<String>>>,
    /// The open pair's files, watched for changes on disk.
    pub watcher: Option<Watcher>,
}
