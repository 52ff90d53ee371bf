//! What a finished load does to the window: a pair or a project opened, unsaved work restored,
//! a source read again — or, when it failed, what the user is told or asked.

use super::TandemApp;
use super::loader::{Failure, Loaded, Purpose};
use super::watch;
use crate::core::session::{Reread, Session};
use crate::state::Status;
use crate::state::Target;

impl TandemApp {
    /// `notice`: what came up while it ran, to be said once the pair is open.
    pub(super) fn finish_load(&mut self, result: Result<Loaded, Failure>, purpose: Purpose, notice: Option<Status>) {
        let recovering = purpose == Purpose::Recover;
        match result {
            Ok(Loaded::Reread(reread)) => {
                self.state.status = notice;
                self.apply_reread(reread);
            }
            Ok(Loaded::Opened { pair, mut project }) => {
                self.state.status = notice;
                // The path field closes when the files it named open (not when the sample
                // opens beside a field that asks where the last pair's files went).
                if pair.docs.left.path.is_file()
                    && matches!(
                        self.state.path_entry.as_ref().and_then(|e| e.target),
                        Some(Target::Pair | Target::Side(_))
                    )
                {
                    self.state.path_entry = None;
                }
                // What the status line said was about the pair that was open (an export written
                // or not, a save, words selected), not about this one.
                self.state.project.last = None;
                self.state.export.outcome = None;
                let mut session = match project.as_mut() {
                    Some((_, restored)) => Session::restored(
                        pair,
                        std::mem::take(&mut restored.annotations),
                        std::mem::take(&mut restored.dismissed),
                    ),
                    None => Session::new(pair),
                };
                // Restored work is still unsaved.
                if recovering {
                    session.mark_unsaved();
                }
                // A glossary is a project's: another pair starts without one.
                self.state.review.glossary =
                    project.as_mut().map(|(_, r)| std::mem::take(&mut r.glossary)).unwrap_or_default();
                self.set_session(session);
                // A project waiting for where its source went is open now.
                if matches!(self.waiting, super::project::Waiting::Locate { .. }) {
                    self.waiting = super::project::Waiting::Nothing;
                }
                self.state.project.path = None;
                if let Some((file, restored)) = project {
                    self.apply_restored(file, restored, purpose);
                }
                self.watch_the_files();
            }
            Err(failure) if failure.outside.is_some() => self.state.project.outside = failure.outside.map(|b| *b),
            Err(failure) => match failure.missing {
                // A project's source is gone: ask where it is now (a dialog, or a path).
                Some((project, side, was)) => {
                    // The sources found so far stay found.
                    let located = match std::mem::take(&mut self.waiting) {
                        super::project::Waiting::Locate { located, .. } => located,
                        _ => Default::default(),
                    };
                    self.waiting = super::project::Waiting::Locate { project, located };
                    let reason = format!(
                        "{}. Where is it now? (It was {}.)",
                        failure.message,
                        was.file_name().map_or_else(|| was.display().to_string(), |n| n.to_string_lossy().into())
                    );
                    self.show_path_entry(Target::Locate(side), &reason);
                    self.drafts.paths.left = was.display().to_string();
                }
                None => {
                    // The path field, if the paths came from it, stays open and says why.
                    if let Some(entry) = self.state.path_entry.as_mut() {
                        entry.reason.clone_from(&failure.message);
                    }
                    self.state.status = Some(Status::error(failure.message));
                }
            },
        }
    }

    /// The open pair's work on its texts read again: the project, the view and what was unsaved
    /// stay; what no longer applies is said.
    fn apply_reread(&mut self, reread: Reread) {
        let (path, current) = (self.state.project.path.clone(), self.state.nav.current);
        self.state.project.last = None;
        self.state.export.outcome = None;
        self.set_session(reread.session);
        self.state.project.path = path;
        self.go(current);
        if !reread.dropped.is_empty() {
            let dropped = reread.dropped.join("; ");
            self.state.status =
                Some(Status::warning(format!("A source was read again, but no longer applies: {dropped}.")));
        }
        self.state.project.last = Some(format!(
            "A source changed on disk and was read again; {} decisions kept ({} found further on)",
            reread.kept, reread.moved
        ));
        self.watch_the_files();
    }

    /// Watches the open pair's files for changes on disk, and remembers them as the last pair.
    fn watch_the_files(&mut self) {
        if let Some(paths) = self.state.file_paths() {
            self.tasks.watcher = Some(watch::Watcher::spawn(paths.clone().into(), self.wake()));
            self.state.settings.remember(paths);
        } else {
            self.tasks.watcher = None;
        }
    }
}
