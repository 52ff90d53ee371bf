//! Undo and redo: the changes made, the changes taken back, and where the last save was.

use std::sync::Arc;

use super::{Annotations, Change};
use crate::core::alignment::Alignment;
use crate::core::document::Document;
use crate::core::side::Sides;

/// Every change while the project is open, without limit.
#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<Change>,
    undone: Vec<Change>,
    /// How many changes were done when the project was last saved (`None`: never saved, or the
    /// saved state was undone past and then replaced).
    saved: Option<usize>,
}

impl History {
    /// A change just made: it can be undone; what was undone can no longer be redone.
    pub fn record(&mut self, change: Change) {
        if self.saved.is_some_and(|s| s > self.done.len()) {
            self.saved = None;
        }
        self.done.push(change);
        self.undone.clear();
    }

    /// Takes the last change back; returns it, for the view to show where it was.
    pub fn undo(
        &mut self,
        docs: &mut Sides<Arc<Document>>,
        alignment: &mut Alignment,
        annotations: &mut Annotations,
    ) -> Option<&Change> {
        let change = self.done.pop()?;
        change.apply(docs, alignment, annotations, false);
        self.undone.push(change);
        self.undone.last()
    }

    /// Makes the last change taken back again.
    pub fn redo(
        &mut self,
        docs: &mut Sides<Arc<Document>>,
        alignment: &mut Alignment,
        annotations: &mut Annotations,
    ) -> Option<&Change> {
        let change = self.undone.pop()?;
        change.apply(docs, alignment, annotations, true);
        self.done.push(change);
        self.done.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The changes in effect, oldest first.
    pub fn done(&self) -> &[Change] {
        &self.done
    }

    /// What is open differs from what is saved, whatever the changes say (after a swap, which
    /// starts a new history).
    pub fn mark_unsaved(&mut self) {
        self.saved = Some(usize::MAX);
    }

    /// The state now is the saved one.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.done.len());
    }

    /// Something changed since the last save (or, never saved, since opening).
    pub fn is_dirty(&self) -> bool {
        self.saved.map_or(!self.done.is_empty(), |s| s != self.done.len())
    }
}
