//! The work on one open pair, changed in one place: the texts and their alignment, the notes
//! and bookmarks, the flags called "not a problem", and every change with undo and redo.
//!
//! A [`Session`] changes only through [`Session::apply`], [`Session::install`] (a change made
//! off the UI thread), [`Session::undo`] and [`Session::redo`]; each gives back the [`Change`],
//! whose [`Splice`](crate::core::edit::Splice) lets whoever keeps a row number (the current
//! row, highlights, search hits, flags) map it through the change instead of starting over.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::core::align::anchors;
use crate::core::alignment::{Alignment, Origin};
use crate::core::document::{Document, Pair};
use crate::core::edit::{self, Annotations, Change, Edit, EditError};
use crate::core::side::{Side, Sides};

/// One open pair and what a person did to it.
#[derive(Debug, Clone)]
pub struct Session {
    pair: Pair,
    annotations: Annotations,
    /// Keys of the flags called "not a problem" (see [`crate::core::review::Flag::key`]).
    dismissed: BTreeSet<u64>,
    history: History,
    /// Counts every change made, taken back or redone: a change computed off the UI thread on
    /// an older state is refused rather than laid over newer work.
    generation: u64,
}

/// A change computed away from the session (a document cut into turns anew on another
/// thread), waiting to be installed: the documents, links and notes after it.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub docs: Sides<Arc<Document>>,
    pub alignment: Alignment,
    pub annotations: Annotations,
    pub change: Change,
    /// The session's generation it was computed from.
    pub generation: u64,
}

/// The work of a session on its texts read again: see [`Session::reread`].
#[derive(Debug, Clone)]
pub struct Reread {
    pub session: Session,
    /// The user's links that hold, of them found further on, and what no longer applies.
    pub kept: usize,
    pub moved: usize,
    pub dropped: Vec<String>,
}

/// Why a prepared change was not installed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the pair changed while this was being worked out: do it again")]
pub struct Stale;

impl Session {
    /// A pair just opened: nothing done, nothing unsaved.
    pub fn new(pair: Pair) -> Self {
        Self::restored(pair, Annotations::default(), BTreeSet::new())
    }

    /// A pair opened with the notes and dismissals of a project; nothing unsaved.
    pub fn restored(pair: Pair, annotations: Annotations, dismissed: impl IntoIterator<Item = u64>) -> Self {
        let mut history = History::default();
        history.mark_saved();
        Session { pair, annotations, dismissed: dismissed.into_iter().collect(), history, generation: 0 }
    }

    pub fn pair(&self) -> &Pair {
        &self.pair
    }

    pub fn annotations(&self) -> &Annotations {
        &self.annotations
    }

    /// The flags called "not a problem".
    pub fn dismissed(&self) -> &BTreeSet<u64> {
        &self.dismissed
    }

    /// Dismissals remembered elsewhere (on this computer, in a project) join the session's:
    /// not a change of the user's now, so neither undoable nor unsaved.
    pub fn remember_dismissed(&mut self, keys: impl IntoIterator<Item = u64>) {
        self.dismissed.extend(keys);
    }

    /// The same pair, notes and dismissals, unsaved or not as now, without the history: what
    /// work off the UI thread reads (copying the history would cost as much as it holds).
    pub fn snapshot(&self) -> Session {
        let mut history = History::default();
        if !self.dirty() {
            history.mark_saved();
        }
        Session {
            pair: self.pair.clone(),
            annotations: self.annotations.clone(),
            dismissed: self.dismissed.clone(),
            history,
            generation: self.generation,
        }
    }

    /// Counts the changes made, undone and redone (see [`Prepared::generation`]).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Applies an edit; an edit that cuts a document anew needs its text: see [`prepare`].
    ///
    /// # Errors
    /// The edit does not apply here (no such row, nothing to merge, already so); nothing changed.
    pub fn apply(&mut self, edit: Edit) -> Result<&Change, EditError> {
        let change = match edit {
            Edit::Dismiss { key, on, row } => {
                let changed = if on { self.dismissed.insert(key) } else { self.dismissed.remove(&key) };
                if !changed {
                    return Err(EditError::AlreadySo);
                }
                Change::of(Edit::Dismiss { key, on, row }, row)
            }
            edit => {
                let docs = self.pair.docs.clone();
                // Copies the links only while a background task still reads the old ones.
                let alignment = Arc::make_mut(&mut self.pair.alignment);
                edit::apply(&docs, alignment, &mut self.annotations, edit)?
            }
        };
        Ok(self.record(change))
    }

    /// Installs a change prepared off the UI thread, unless the session changed meanwhile.
    ///
    /// # Errors
    /// [`Stale`]: an edit, undo or redo came in between; nothing changed.
    pub fn install(&mut self, prepared: Prepared) -> Result<&Change, Stale> {
        if prepared.generation != self.generation {
            return Err(Stale);
        }
        self.pair.docs = prepared.docs;
        self.pair.alignment = Arc::new(prepared.alignment);
        self.annotations = prepared.annotations;
        Ok(self.record(prepared.change))
    }

    fn record(&mut self, change: Change) -> &Change {
        self.generation += 1;
        self.history.record(change)
    }

    /// Takes the last change back; gives it, for the view to show where it was.
    pub fn undo(&mut self) -> Option<&Change> {
        self.step(false)
    }

    /// Makes the last change taken back again.
    pub fn redo(&mut self) -> Option<&Change> {
        self.step(true)
    }

    fn step(&mut self, forward: bool) -> Option<&Change> {
        let change = if forward { self.history.forth()? } else { self.history.back()? };
        let alignment = Arc::make_mut(&mut self.pair.alignment);
        change.apply(&mut self.pair.docs, alignment, &mut self.annotations, forward);
        if let Edit::Dismiss { key, on, .. } = change.edit {
            if on == forward {
                self.dismissed.insert(key);
            } else {
                self.dismissed.remove(&key);
            }
        }
        self.generation += 1;
        Some(change)
    }

    pub fn can_undo(&self) -> bool {
        !self.history.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.history.undone.is_empty()
    }

    /// The changes in effect, oldest first.
    pub fn done(&self) -> &[Change] {
        &self.history.done
    }

    /// What is open differs from what was saved: a change of the user's work since the last save
    /// (a dismissal alone does not count: this computer remembers it whatever happens).
    pub fn dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// The state now is the saved one.
    pub fn mark_saved(&mut self) {
        self.history.mark_saved();
    }

    /// What is open differs from any saved state, whatever the changes say (recovered work).
    pub fn mark_unsaved(&mut self) {
        self.history.saved = Saved::Never;
    }

    /// The same work on `docs`, the texts read again (a source changed on disk; a side not
    /// read again is the same `Arc`): the user's links found again by their text, notes and
    /// bookmarks following their turn's text, dismissals kept; what no longer applies is said.
    /// Undo does not reach across it; what was unsaved stays unsaved.
    pub fn reread(&self, docs: Sides<Arc<Document>>) -> Reread {
        let kept = anchors::kept(self.pair.docs.as_ref().map(|d| &d.turns), &self.pair.alignment);
        let found = anchors::reanchor(docs.as_ref().map(|d| &d.turns), &kept);
        let mut annotations = self.annotations.clone();
        for side in Side::BOTH.into_iter().filter(|&s| !Arc::ptr_eq(&docs[s], &self.pair.docs[s])) {
            annotations = edit::remap_annotations(&annotations, side, &self.pair.docs[side], &docs[side]);
        }
        let mut dropped = found.dropped;
        let lost = |before: usize, after: usize, what: &str| {
            (before > after).then(|| format!("{} {what} on text that is no longer there", before - after))
        };
        dropped.extend(lost(self.annotations.notes.len(), annotations.notes.len(), "note(s)"));
        dropped.extend(lost(self.annotations.bookmarks.len(), annotations.bookmarks.len(), "bookmark(s)"));
        let pair = Pair { docs, alignment: Arc::new(found.alignment) };
        let kept = pair.alignment.links.iter().filter(|l| l.origin == Origin::User).count();
        let mut session = Session::restored(pair, annotations, self.dismissed.iter().copied());
        if self.dirty() {
            session.mark_unsaved();
        }
        Reread { session, kept, moved: found.moved, dropped }
    }

    /// The same work with its sides exchanged. Undo does not reach across a swap; what was
    /// unsaved stays unsaved.
    pub fn swapped(self) -> Session {
        let dirty = self.dirty();
        let mut swapped = Session::restored(self.pair.swapped(), self.annotations.swapped(), self.dismissed);
        if dirty {
            swapped.mark_unsaved();
        }
        swapped
    }
}

/// Works out, away from the session (it reads the text again and aligns: off the UI thread), an
/// edit that cuts one document into turns anew; [`Session::install`] then makes it.
/// `text` is that document's text; `row` the row to show after it.
pub fn prepare(session: &Session, edit: Edit, text: &str, row: usize) -> Option<Prepared> {
    let side = edit.side_resplit()?;
    let doc = &session.pair.docs[side];
    let resplit = doc.resplit(text, edit.segmentation(&doc.segmentation));
    let mut docs = session.pair.docs.clone();
    let mut alignment = (*session.pair.alignment).clone();
    let mut annotations = session.annotations.clone();
    let change = edit::apply_resplit(&mut docs, &mut alignment, &mut annotations, edit, resplit, row);
    Some(Prepared { docs, alignment, annotations, change, generation: session.generation })
}

/// When the work was last saved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Saved {
    /// With this many changes done.
    At(usize),
    /// Never, or the saved state was undone past and then replaced.
    #[default]
    Never,
}

/// Every change while the pair is open, without limit.
#[derive(Debug, Clone, Default)]
struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
    saved: Saved,
}

impl History {
    /// A change just made: it can be undone; what was undone can no longer be redone.
    fn record(&mut self, change: Change) -> &Change {
        let n = self.done.len();
        if let Saved::At(s) = self.saved
            && s > n
        {
            // The saved state is undone past and about to be out of reach: it is still the
            // state now if only dismissals were taken back since.
            let back = s - n;
            let only_dismissals =
                back <= self.undone.len() && !self.undone[self.undone.len() - back..].iter().any(Change::is_work);
            self.saved = if only_dismissals { Saved::At(n) } else { Saved::Never };
        }
        self.undone.clear();
        self.done.push(change);
        &self.done[self.done.len() - 1]
    }

    /// The last change done, now taken back.
    fn back(&mut self) -> Option<&Change> {
        let change = self.done.pop()?;
        self.undone.push(change);
        self.undone.last()
    }

    /// The last change taken back, now done again.
    fn forth(&mut self) -> Option<&Change> {
        let change = self.undone.pop()?;
        self.done.push(change);
        self.done.last()
    }

    fn mark_saved(&mut self) {
        self.saved = Saved::At(self.done.len());
    }

    /// A change of the user's work lies between the saved state and now.
    fn is_dirty(&self) -> bool {
        let Saved::At(s) = self.saved else { return true };
        let n = self.done.len();
        if s <= n {
            self.done[s..].iter().any(Change::is_work)
        } else {
            // Undone past the save: the changes taken back since are the top of `undone`.
            let back = s - n;
            back > self.undone.len() || self.undone[self.undone.len() - back..].iter().any(Change::is_work)
        }
    }
}

#[cfg(test)]
mod tests;
