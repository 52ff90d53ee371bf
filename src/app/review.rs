//! Review flags in the window: computed on a background thread whenever the pair changes,
//! stepped through with F8, dismissed as "not a problem" and remembered per pair of files.

use std::path::PathBuf;

use super::TandemApp;
use super::tasks::Task;
use crate::core::review::dismissed::Dismissals;
use crate::core::review::{self, Flag, Glossary};
use crate::state::ReviewAction;
use crate::state::Status;

/// A check running on a background thread, each flag with its key; dropping it (a newer pair)
/// stops it.
pub type ReviewJob = Task<Vec<(u64, Flag)>>;

/// Where dismissals are kept, and what they hold.
#[derive(Debug, Default)]
pub struct DismissalStore {
    /// `None`: kept for this run only (tests, or no place to write).
    pub path: Option<PathBuf>,
    pub dismissals: Dismissals,
}

impl DismissalStore {
    /// The store in `dir` (`dismissed.json`); an unreadable file is reported and set aside.
    pub fn open(dir: Option<PathBuf>) -> (Self, Option<Status>) {
        let Some(path) = dir.map(|d| d.join("dismissed.json")) else { return (Self::default(), None) };
        match Dismissals::load(&path) {
            Ok(dismissals) => (DismissalStore { path: Some(path), dismissals }, None),
            Err(e) => {
                let message = Status::warning(format!(
                    "The list of dismissed flags ({}) cannot be read ({e}); starting afresh.",
                    path.display()
                ));
                // Keep the damaged file for a person to look at; never write over it.
                let aside = path.with_extension("json.damaged");
                let _ = std::fs::rename(&path, &aside);
                (DismissalStore { path: Some(path), dismissals: Dismissals::default() }, Some(message))
            }
        }
    }
}

impl TandemApp {
    /// Reads a glossary file into the Glossary window and checks with it.
    pub(super) fn load_glossary(&mut self, path: &std::path::Path) {
        self.state.review.glossary_open = true;
        match Glossary::read(path) {
            Ok(glossary) => {
                self.drafts.glossary = glossary.to_tsv();
                self.set_glossary(glossary);
            }
            Err(why) => self.state.review.glossary_error = Some(why),
        }
    }

    /// A new glossary: a change of the session like any edit (Ctrl+Z takes it back, the project
    /// has unsaved work), after which the pair is checked again with it.
    fn set_glossary(&mut self, glossary: Glossary) {
        self.state.review.glossary_error = None;
        if glossary == self.state.review.glossary {
            return;
        }
        if self.state.session.is_some() {
            let (before, after) = (self.state.review.glossary.to_tsv(), glossary.to_tsv());
            self.handle_edit(crate::core::edit::Edit::Glossary { before, after, row: self.state.nav.current });
        } else {
            self.state.review.glossary = glossary;
        }
    }

    /// The glossary is the term list `tsv` (a change made, undone or redone): the window shows
    /// it, the pair is checked again with it, and the recovery copy holds it (written by the
    /// change that called this).
    pub(super) fn glossary_is(&mut self, tsv: &str) {
        self.state.review.glossary = Glossary::parse(tsv).unwrap_or_default();
        self.drafts.glossary = tsv.to_string();
        self.state.review.glossary_error = None;
        self.start_review();
    }

    /// Checks the open pair again, off the UI thread.
    pub(super) fn start_review(&mut self) {
        self.start_inside();
        self.tasks.review = None;
        let Some(pair) = self.state.pair().cloned() else { return };
        if pair.alignment.unrelated() {
            // Texts that are not translations of each other: every pair is a guess, and flags
            // on guesses would only be noise.
            let review = &mut self.state.review;
            review.flags.clear();
            review.running = false;
            self.state.refresh_review();
            return;
        }
        let glossary = self.state.review.glossary.clone();
        self.tasks.review = Some(Task::spawn(self.wake(), move |cancel| {
            let flags = review::check_until(&pair, &glossary, || cancel.is_set())?;
            Some(flags.into_iter().map(|f| (f.key(&pair), f)).collect())
        }));
        self.state.review.running = true;
    }

    pub(super) fn poll_review(&mut self) {
        self.poll_inside();
        let Some(result) = self.tasks.review.as_ref().and_then(Task::poll) else { return };
        self.tasks.review = None;
        let review = &mut self.state.review;
        // A check that stopped without flags leaves the last ones (a bug in it is no reason to
        // hide what was found before).
        let Ok(flags) = result else {
            review.running = false;
            return;
        };
        review.flags = flags;
        review.running = false;
        review.current = None;
        review.lingering.clear();
        self.state.refresh_review();
    }

    /// Waits for the flags (tests).
    pub fn finish_review(&mut self) {
        if let Some(job) = self.tasks.review.as_ref() {
            job.wait();
        }
        self.poll_review();
    }

    pub(super) fn handle_review(&mut self, action: ReviewAction) {
        let review = &mut self.state.review;
        match action {
            ReviewAction::TogglePanel => {
                review.panel_open = !review.panel_open;
                review.lingering.clear();
                self.state.refresh_review();
            }
            ReviewAction::Step(forward) => {
                let from = self.state.nav.current;
                let open = &review.shown;
                let rows: Vec<usize> = open.iter().map(|&k| review.flags[k].1.row).collect();
                let next = if forward {
                    open.iter().zip(&rows).find(|&(_, &r)| r > from)
                } else {
                    open.iter().zip(&rows).rev().find(|&(_, &r)| r < from)
                };
                // Past the last flag, go round to the first (and back).
                let next = next
                    .or_else(|| if forward { open.first().zip(rows.first()) } else { open.last().zip(rows.last()) });
                if let Some((&k, _)) = next {
                    self.handle_review(ReviewAction::Select(k));
                }
            }
            ReviewAction::Select(k) => {
                let Some((_, flag)) = review.flags.get(k) else { return };
                let row = flag.row;
                review.current = Some(k);
                self.go(row);
            }
            ReviewAction::Dismiss(key, on) => {
                let flag = review.flags.iter().find(|(k, f)| *k == key || f.pattern() == Some(key));
                let row = flag.map_or(self.state.nav.current, |(_, f)| f.row);
                // Restoring a flag dismissed with all like it restores them all.
                let dismissed = self.state.session.as_ref().map(|s| s.dismissed());
                let key = match (on, flag.and_then(|(_, f)| f.pattern()), dismissed) {
                    (false, Some(pattern), Some(set)) if !set.contains(&key) && set.contains(&pattern) => pattern,
                    _ => key,
                };
                if on && review.panel_open {
                    review.lingering.insert(key);
                }
                // A change of the session like any edit: Ctrl+Z brings the flag back.
                self.handle_edit(crate::core::edit::Edit::Dismiss { key, on, row });
            }
            ReviewAction::ToggleKind(kind) => {
                if !review.hidden_kinds.remove(&kind) {
                    review.hidden_kinds.insert(kind);
                }
                review.lingering.clear();
                // Remembered between runs: a kind switched off stays off.
                self.state.settings.hidden_flag_kinds = review.hidden_kinds.clone();
                self.state.refresh_review();
            }
            ReviewAction::ShowGlossary(open) => {
                if open {
                    self.drafts.glossary = self.state.review.glossary.to_tsv();
                    self.drafts.glossary_focus = true;
                    self.state.review.glossary_error = None;
                }
                self.state.review.glossary_open = open;
            }
            ReviewAction::SetGlossary(text) => match Glossary::parse(&text) {
                Ok(glossary) => self.set_glossary(glossary),
                Err(why) => self.state.review.glossary_error = Some(why),
            },
            ReviewAction::ShowDismissed(show) => {
                review.show_dismissed = show;
                review.lingering.clear();
                self.state.refresh_review();
            }
        }
    }

    /// This computer remembers whether the flag `key` of the open pair is dismissed, as the
    /// session now says (after a dismissal, its undo or its redo).
    pub(super) fn remember_dismissal(&mut self, key: u64) {
        let Some(session) = self.state.session.as_ref() else { return };
        let store = &mut self.dismissal_store;
        store.dismissals.set(session.pair(), key, session.dismissed().contains(&key));
        if let Some(path) = &store.path
            && let Err(e) = store.dismissals.save(path)
        {
            self.state.status =
                Some(Status::error(format!("Cannot remember the dismissal in {}: {e}", path.display())));
        }
    }
}
