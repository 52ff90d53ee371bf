//! Hand correction in the window: edits through the core's model with undo and redo, the
//! project file (save, save as, open), the recovery file written after every change, and the
//! question on closing with unsaved changes.

use std::path::{Path, PathBuf};

use super::TandemApp;
use super::loader::Job;
use super::tasks::Task;
use crate::core::edit::{Change, Edit};
use crate::core::project::{ProjectFile, View};
use crate::core::session::{self, Session};
use crate::core::side::Sides;
use crate::state::Status;
use crate::state::{Action, CloseChoice, RecoveryOffer, Target};

/// Recovery copies are `recovery-KEY.tandem`, one per pair (the key from its two sources, in
/// either order): two windows with unsaved work leave two copies, and both are offered.
const RECOVERY: &str = "recovery";

/// What cutting a document into turns anew gives: the change to install (or why it could not
/// be worked out).
pub(super) type Resplit = Result<session::Prepared, String>;

/// What waits for the user's answer — to "save the changes?" (and, after Save, for the save to
/// be made), or to "where is this source now?": one thing at a time, and nothing once the save
/// fails or the user cancels.
#[derive(Debug, Default)]
pub(super) enum Waiting {
    #[default]
    Nothing,
    /// The window closes.
    Close,
    /// Another pair opens (what the user asked for while the work was unsaved).
    Open(Box<Action>),
    /// A project whose sources are missing opens once the user says where they went: the
    /// project, and the sources found so far.
    Locate { project: PathBuf, located: Sides<Option<PathBuf>> },
}

impl TandemApp {
    /// Applies an edit to the open pair; a bad one says why in the status line.
    pub(super) fn handle_edit(&mut self, edit: Edit) {
        if edit.side_resplit().is_some() {
            return self.handle_resplit(edit);
        }
        let Some(session) = self.state.session.as_mut() else { return };
        // A bookmark key toggles.
        let edit = match edit {
            Edit::Bookmark { row, .. } => {
                Edit::Bookmark { row, on: !session.annotations().bookmarked(&session.pair().alignment, row) }
            }
            e => e,
        };
        match session.apply(edit) {
            Ok(change) => {
                let mut change = change.clone();
                if matches!(change.edit, Edit::Title { .. }) {
                    // A title is no row's: the view stays where it is.
                    change.row = self.state.nav.current;
                }
                self.state.project.last = Some(describe(&change));
                self.after_change(&change, true);
            }
            Err(e) => self.state.project.last = Some(format!("Cannot do that here: {e}")),
        }
    }

    /// An edit of how a document is split into turns: its text is read again and split with the
    /// new correction; the user's links, notes and bookmarks are found again by their text.
    fn handle_resplit(&mut self, edit: Edit) {
        let Some(side) = edit.side_resplit() else { return };
        if self.tasks.resplit.is_some() {
            self.state.project.last = Some("Still cutting the turns anew: one moment".into());
            return;
        }
        let current = self.state.nav.current;
        let Some(session) = self.state.session.as_ref().map(Session::snapshot) else { return };
        // Reading, splitting and aligning again take as long as opening the pair: off the UI thread.
        self.tasks.resplit = Some(Task::spawn(self.wake(), move |_| {
            let doc = session.pair().docs[side].clone();
            let result = super::loader::text_of(&doc)
                .map_err(|e| format!("Cannot read {} again to split it: {e}", doc.name()))
                .and_then(|text| {
                    session::prepare(&session, edit, &text, current).ok_or_else(|| "Not an edit of the turns".into())
                });
            Some(result)
        }));
        self.state.project.last = Some("Cutting the turns anew…".into());
    }

    /// A document split again in the background: install it as one undoable change.
    pub(super) fn poll_resplit(&mut self) {
        let Some(result) = self.tasks.resplit.as_ref().and_then(Task::poll) else { return };
        self.tasks.resplit = None;
        let result = result.unwrap_or_else(|_| Err("Cutting the turns anew stopped unexpectedly".into()));
        let Some(session) = self.state.session.as_mut() else { return };
        let installed = result.and_then(|prepared| session.install(prepared).map_err(|e| format!("Not done: {e}")));
        match installed {
            Ok(change) => {
                let change = change.clone();
                self.state.project.last = Some(describe(&change));
                self.after_change(&change, true);
            }
            Err(e) => self.state.project.last = Some(e),
        }
    }

    /// Waits for a document being split again (tests).
    pub fn finish_resplit(&mut self) {
        if let Some(job) = self.tasks.resplit.as_ref() {
            job.wait();
        }
        self.poll_resplit();
    }

    /// Undoes (`forward` false) or redoes the last change.
    pub(super) fn undo(&mut self, forward: bool) {
        let Some(session) = self.state.session.as_mut() else { return };
        let change = if forward { session.redo() } else { session.undo() };
        let Some(change) = change.cloned() else { return };
        let verb = if forward { "Redone" } else { "Undone" };
        self.state.project.last = Some(format!("{verb}: {}", describe(&change)));
        self.after_change(&change, forward);
    }

    /// What follows a change made (`forward`) or taken back: every row number kept elsewhere
    /// (highlights, search hits, flags) mapped through it, the view's counts and row heights,
    /// the flags checked again, the current row, and the recovery copy.
    fn after_change(&mut self, change: &Change, forward: bool) {
        // A clone shares the texts and the links (dropped before any further change).
        let Some(pair) = self.state.pair().cloned() else { return };
        let pair = &pair;
        let nav = &mut self.state.nav;
        nav.phrases = std::mem::take(&mut nav.phrases)
            .into_iter()
            .filter_map(|(row, words)| Some((change.map_row(row, forward)?, words)))
            .collect();
        if let Some((row, words)) = nav.selection.take() {
            nav.selection = change.map_row(row, forward).map(|row| (row, words));
        }
        if change.document.is_some() {
            self.state.nav.phrases.clear();
            // Sentences and words were found in the old turns (a row's links may not change).
            if change.splice.is_none() {
                self.start_inside();
            }
            // The turns themselves changed: everything the view derived from them goes.
            let first = self.view.as_ref().map_or(0, |v| v.visible.start);
            let mut view = crate::ui::view::ViewCache::new(pair);
            view.scroll_to_row(first);
            self.view = Some(view);
        }
        if change.splice.is_some() {
            if let Some(view) = self.view.as_mut() {
                view.links_changed(pair);
            }
            // Until the check run again says otherwise, flags keep their rows; those of rows the
            // change replaced go.
            let review = &mut self.state.review;
            review.flags.retain_mut(|(_, flag)| change.map_row(flag.row, forward).map(|row| flag.row = row).is_some());
            review.current = None;
            self.start_review();
            let search = &mut self.state.search;
            if change.document.is_some() {
                // Other turns: search them again.
                if search.open {
                    search.searched = None;
                    let (query, scope) = (self.drafts.query.clone(), search.scope);
                    self.handle_nav(crate::state::NavAction::Search(query, scope));
                }
            } else {
                // The same turns in other rows: each hit's row is found again.
                let current = search.current.and_then(|k| search.hits.get(k)).map(|h| (h.side, h.turn, h.chars.start));
                for hit in &mut search.hits {
                    hit.row = pair.alignment.link_of(hit.side, hit.turn).unwrap_or(hit.row);
                }
                search.hits.sort_by_key(|h| (h.row, h.side, h.turn, h.chars.start));
                search.current =
                    current.and_then(|c| search.hits.iter().position(|h| (h.side, h.turn, h.chars.start) == c));
            }
        }
        if let Edit::Dismiss { key, .. } = change.edit {
            self.remember_dismissal(key);
        }
        if let Edit::Glossary { before, after, .. } = &change.edit {
            self.glossary_is(if forward { after } else { before });
        }
        self.state.refresh_review();
        let rows = self.state.rows();
        self.state.nav.current = change.row.min(rows.saturating_sub(1));
        if let Some(view) = self.view.as_mut() {
            view.reveal(self.state.nav.current);
        }
        self.write_recovery();
    }

    /// The project as it stands, to be written at `at`.
    fn project_file(&self, at: &Path) -> Option<ProjectFile> {
        let session = self.state.session.as_ref()?;
        let dismissed: Vec<u64> = session.dismissed().iter().copied().collect();
        let view = View { current: self.state.nav.current, split: self.state.settings.split, swapped: false };
        let mut file = ProjectFile::of(session.pair(), session.annotations(), &dismissed, view, at);
        file.glossary = self.state.review.glossary.clone();
        Some(file)
    }

    /// Where a project of the open pair is suggested: its own file, else `<left name>.tandem`
    /// beside the left text.
    pub(super) fn suggested_project_path(&self) -> PathBuf {
        if let Some(path) = &self.state.project.path {
            return path.clone();
        }
        let left = self.state.pair().map(|p| p.docs.left.path.clone()).unwrap_or_default();
        let stem = left.file_stem().map_or_else(|| "work".into(), |s| s.to_string_lossy().into_owned());
        let dir = left.parent().filter(|d| d.is_dir()).map(PathBuf::from).unwrap_or_default();
        dir.join(format!("{stem}.tandem"))
    }

    /// Saves to `path` (typed: an existing file is not replaced), or to the project's own file;
    /// asks where when there is none yet.
    pub(super) fn save(&mut self, path: Option<PathBuf>) {
        self.save_checked(path, false);
    }

    /// [`Self::save`]; `replace`: the user agreed to replace an existing file (the system's
    /// save dialog asked). A project is never written over one of the pair's sources, and its
    /// name ends in `.tandem`.
    pub(super) fn save_checked(&mut self, path: Option<PathBuf>, replace: bool) {
        let Some(path) = path.or_else(|| self.state.project.path.clone()) else {
            self.handle(Action::OpenDialog(Target::SaveProject));
            return;
        };
        let path = {
            let Some(pair) = self.state.pair() else { return };
            let sources = [pair.docs.left.path.as_path(), pair.docs.right.path.as_path()];
            match crate::core::files::save_path(&path, sources, self.state.project.path.as_deref(), replace) {
                Ok(path) => path,
                Err(why) => {
                    self.waiting = Waiting::Nothing;
                    self.state.status = Some(Status::error(format!("Not saved: {why}")));
                    return;
                }
            }
        };
        let Some(file) = self.project_file(&path) else { return };
        match file.write(&path) {
            Ok(()) => {
                if let Some(session) = self.state.session.as_mut() {
                    session.mark_saved();
                }
                self.state.project.path = Some(path.clone());
                self.state.settings.remember_project(path.clone());
                self.state.project.last = Some(format!("Saved to {}", path.display()));
                self.remove_recovery();
                match std::mem::take(&mut self.waiting) {
                    Waiting::Open(action) => self.open_now(*action),
                    Waiting::Close => {
                        self.window.close_confirmed = true;
                        self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                    // Still waiting for where a source went.
                    locate @ Waiting::Locate { .. } => self.waiting = locate,
                    Waiting::Nothing => {}
                }
            }
            Err(e) => {
                // Nothing is opened over work that could not be saved, and the window stays.
                self.waiting = Waiting::Nothing;
                self.state.status = Some(Status::error(format!("Cannot save the project to {}: {e}", path.display())));
            }
        }
    }

    /// A source changed on disk: read it again, keep the decisions that still apply (found by
    /// their text) and say which no longer do. Undo does not reach across a reload.
    pub(super) fn reload(&mut self, sides: &[crate::core::side::Side]) {
        let Some(session) = self.state.session.as_ref().map(Session::snapshot) else { return };
        if self.tasks.load.is_some() {
            return;
        }
        let names: Vec<String> = sides.iter().map(|&s| session.pair().doc(s).name()).collect();
        self.state.project.last = Some(format!("{} changed on disk: reading it again", names.join(" and ")));
        let job = Job::spawn_reread(session, sides.to_vec(), self.wake());
        self.state.loading = Some(job.loading());
        self.tasks.load = Some(job);
    }

    /// A project just read: its notes, dismissals and view, and word of what no longer applies.
    pub(super) fn apply_restored(
        &mut self,
        path: PathBuf,
        restored: crate::core::project::Restored,
        purpose: super::loader::Purpose,
    ) {
        let recovering = purpose == super::loader::Purpose::Recover;
        self.state.project.path = if recovering { restored.recovery_of } else { Some(path) };
        if let Some(p) = self.state.project.path.clone() {
            self.state.settings.remember_project(p);
        }
        if (0.15..=0.85).contains(&restored.view.split) {
            self.state.settings.split = restored.view.split;
        }
        self.go(restored.view.current);
        let mut said = Vec::new();
        for (side, changed) in restored.changed.iter() {
            if *changed {
                said.push(format!("the {} file changed since the project was saved", side.name()));
            }
        }
        if restored.moved > 0 {
            said.push(format!("{} decisions found again further on", restored.moved));
        }
        if !restored.dropped.is_empty() {
            said.push(format!("no longer applies: {}", restored.dropped.join("; ")));
        }
        if !said.is_empty() {
            self.state.status = Some(Status::warning(format!("Project opened, but {}.", said.join(", "))));
        }
        if recovering {
            // Another window's unsaved work, if any, is offered next.
            self.look_for_recovery_except(self.recovery_path());
        }
        self.state.project.last = Some(if recovering { "Unsaved work restored" } else { "Project opened" }.into());
    }

    /// Opens a project: its sources are read and its alignment rebuilt in the background.
    /// A project opened (or saved) here before is trusted; another whose sources lie outside
    /// its folder shows them first ([`Self::trust_project`]).
    pub(super) fn open_project(&mut self, path: PathBuf) {
        let trusted = self.state.settings.recent_projects.contains(&path);
        let job = Job::spawn_project(path, trusted, self.wake());
        self.state.loading = Some(job.loading());
        self.tasks.load = Some(job);
    }

    /// The user saw where a project's sources are: read them, or open nothing.
    pub(super) fn trust_project(&mut self, yes: bool) {
        let Some((path, _)) = self.state.project.outside.take() else { return };
        if yes {
            let job = Job::spawn_project(path, true, self.wake());
            self.state.loading = Some(job.loading());
            self.tasks.load = Some(job);
        } else {
            self.state.project.last = Some(format!("{} was not opened", path.display()));
        }
    }

    fn recovery_path(&self) -> Option<PathBuf> {
        let pair = self.state.pair()?;
        let mut sources = [pair.docs.left.path.display().to_string(), pair.docs.right.path.display().to_string()];
        sources.sort();
        let mut h = crate::core::hash::Fnv::default();
        h.write(sources.join("\0").as_bytes());
        self.recovery_dir.as_ref().map(|d| d.join(format!("{RECOVERY}-{:016x}.tandem", h.0)))
    }

    /// The recovery copies left in the folder, the newest first.
    fn recovery_copies(&self) -> Vec<PathBuf> {
        let Some(dir) = self.recovery_dir.as_ref() else { return Vec::new() };
        let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
        let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(RECOVERY) && n.ends_with(".tandem"))
            })
            .map(|p| (std::fs::metadata(&p).and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH), p))
            .collect();
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        found.into_iter().map(|(_, p)| p).collect()
    }

    /// Writes the unsaved work where the next start looks for it (whole or not at all).
    pub(super) fn write_recovery(&mut self) {
        let Some(path) = self.recovery_path() else { return };
        if !self.state.dirty() {
            self.remove_recovery();
            return;
        }
        let Some(mut file) = self.project_file(&path) else { return };
        file.recovery_of = self.state.project.path.clone();
        if let Err(e) = file.write_own(&path) {
            self.state.status = Some(Status::error(format!("Cannot keep a recovery copy in {}: {e}", path.display())));
        }
    }

    pub(super) fn remove_recovery(&mut self) {
        if let Some(path) = self.recovery_path() {
            let _ = std::fs::remove_file(path);
        }
    }

    /// At start: unsaved work left by a run that did not end well is offered back (the newest
    /// copy first; the others once it is restored or thrown away).
    pub(super) fn look_for_recovery(&mut self) {
        self.look_for_recovery_except(None);
    }

    /// [`Self::look_for_recovery`], leaving out the copy of the work just restored.
    fn look_for_recovery_except(&mut self, restored: Option<PathBuf>) {
        let copies = self.recovery_copies();
        let Some(path) = copies.into_iter().find(|p| Some(p) != restored.as_ref()) else { return };
        match ProjectFile::read(&path) {
            Ok(file) => {
                let name =
                    |p: &Path| p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into());
                let ago = std::fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .map_or_else(String::new, |d| format!(" from {}", ago(d.as_secs())));
                self.state.project.recovery = Some(RecoveryOffer {
                    what: format!("{} ↔ {}", name(&file.left.path), name(&file.right.path)),
                    when: ago,
                    path,
                });
            }
            Err(e) => {
                // Keep it for a person to look at, out of the way.
                let _ = std::fs::rename(&path, path.with_extension("tandem.damaged"));
                self.state.status =
                    Some(Status::warning(format!("The recovery copy could not be read ({e}); it was set aside.")));
            }
        }
    }

    /// Restores (or throws away) the offered unsaved work.
    pub(super) fn recover(&mut self, restore: bool) {
        let Some(offer) = self.state.project.recovery.take() else { return };
        if restore {
            // A recovery copy is Tandem's own, written from a pair the user opened.
            let job = Job::spawn_project(offer.path, true, self.wake()).for_purpose(super::loader::Purpose::Recover);
            self.state.loading = Some(job.loading());
            self.tasks.load = Some(job);
        } else {
            let _ = std::fs::remove_file(&offer.path);
            // Another window's work may be waiting too.
            self.look_for_recovery();
        }
    }

    pub(super) fn close(&mut self, choice: CloseChoice) {
        self.state.project.closing = false;
        // The question was asked before opening another pair, not on closing.
        if self.state.project.replacing.take().is_some() {
            match choice {
                CloseChoice::Save => self.save(None),
                CloseChoice::Discard => {
                    self.remove_recovery();
                    if let Waiting::Open(action) = std::mem::take(&mut self.waiting) {
                        self.open_now(*action);
                    }
                }
                CloseChoice::Cancel => self.waiting = Waiting::Nothing,
            }
            return;
        }
        match choice {
            CloseChoice::Save => {
                self.waiting = Waiting::Close;
                self.save(None);
            }
            CloseChoice::Discard => {
                self.remove_recovery();
                self.window.close_confirmed = true;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            CloseChoice::Cancel => self.waiting = Waiting::Nothing,
        }
    }

    /// `action`, unless another pair would replace unsaved changes: then it waits, and the
    /// question is asked (Save, Discard, Cancel).
    pub(super) fn unless_it_replaces_unsaved_work(&mut self, action: Action) -> Option<Action> {
        if replaces_the_pair(&action) && self.state.dirty() {
            self.state.project.replacing = Some(what_opens(&action));
            self.waiting = Waiting::Open(Box::new(action));
            return None;
        }
        Some(action)
    }

    /// Opens what was asked for while the question "save the changes?" was pending.
    fn open_now(&mut self, action: Action) {
        self.apply(action);
    }

    /// Whether the window may close now; if not, the question is asked.
    pub(super) fn may_close(&mut self) -> bool {
        if self.window.close_confirmed || !self.state.dirty() {
            return true;
        }
        self.state.project.closing = true;
        false
    }

    /// The title bar: the project's name (or the pair's), and a dot while changes are unsaved.
    pub(super) fn title(&self) -> String {
        let name = match (&self.state.project.path, self.state.pair()) {
            (Some(p), _) => p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into()),
            (None, Some(pair)) => format!("{} ↔ {}", pair.docs.left.name(), pair.docs.right.name()),
            (None, None) => return "Tandem".into(),
        };
        let dot = if self.state.dirty() { " ●" } else { "" };
        format!("{name}{dot} — Tandem")
    }
}

/// "3 minutes ago", "2 hours ago".
fn ago(secs: u64) -> String {
    match secs {
        0..=89 => "a moment ago".into(),
        90..=5399 => format!("{} minutes ago", (secs + 30) / 60),
        5400..=172_799 => format!("{} hours ago", (secs + 1800) / 3600),
        _ => format!("{} days ago", (secs + 43_200) / 86_400),
    }
}

/// What a change did, in words.
fn describe(change: &Change) -> String {
    let row = change.row + 1;
    match &change.edit {
        Edit::Merge { start, end } => format!("rows {}–{} merged", start + 1, end),
        Edit::MergeSide { side, forward, .. } => {
            format!("{} turns of the {} row joined row {row}", side.name(), if *forward { "next" } else { "previous" })
        }
        Edit::Unlink { .. } => format!("row {row} unlinked"),
        Edit::Shift { side, down, .. } => format!("a {} turn moved {}", side.name(), if *down { "down" } else { "up" }),
        Edit::Note { text: Some(_), .. } => format!("note on row {row}"),
        Edit::Note { text: None, .. } => format!("note on row {row} removed"),
        Edit::Bookmark { on: true, .. } => format!("row {row} bookmarked"),
        Edit::Bookmark { on: false, .. } => format!("bookmark on row {row} removed"),
        Edit::Title { side, text: Some(t) } => format!("the {} title is now “{t}”", side.name()),
        Edit::Title { side, text: None } => format!("the {} title is the document's own again", side.name()),
        Edit::NotASpeaker { side, speaker } => format!("“{speaker}” is no speaker on the {} side", side.name()),
        Edit::SameSpeaker { side, speaker, same_as } => {
            format!("“{speaker}” is “{same_as}” on the {} side", side.name())
        }
        Edit::CutTurn { side, line, .. } => format!("the {} turn of line {line} cut at a sentence", side.name()),
        Edit::SplitTurn { side, line, paragraph } => {
            format!("the {} turn of line {line} split before its paragraph {}", side.name(), paragraph + 1)
        }
        Edit::Dismiss { on: true, .. } => format!("a flag on row {row} called not a problem"),
        Edit::Dismiss { on: false, .. } => format!("a flag on row {row} restored"),
        Edit::Glossary { after, .. } => match after.lines().filter(|l| !l.trim().is_empty()).count() {
            0 => "the glossary emptied".into(),
            1 => "the glossary changed (1 term)".into(),
            n => format!("the glossary changed ({n} terms)"),
        },
    }
}

/// Whether an action opens another pair (or another side) in place of the open one.
fn replaces_the_pair(action: &Action) -> bool {
    matches!(
        action,
        Action::OpenPaths(_, Target::Pair | Target::Side(_) | Target::Project)
            | Action::OpenRecent(_)
            | Action::OpenSample
            | Action::OpenProject(_)
    )
}

/// What an action would open, in words, for the question.
fn what_opens(action: &Action) -> String {
    fn name(f: &std::path::Path) -> String {
        f.file_name().map_or_else(|| f.display().to_string(), |n| n.to_string_lossy().into())
    }
    match action {
        Action::OpenPaths(files, _) => files.iter().map(|f| name(f)).collect::<Vec<String>>().join(" and "),
        Action::OpenProject(path) => name(path),
        Action::OpenSample => "the sample pair".into(),
        _ => "another pair".into(),
    }
}
