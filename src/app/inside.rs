//! Sentences and words matched inside the rows, off the UI thread, whenever the pair changes.

use std::sync::Arc;

use super::TandemApp;
use super::tasks::Task;
use crate::core::align::inside::Inside;
use crate::core::side::Side;

impl TandemApp {
    /// Matches the open pair's sentences and words again; what was matched for the pair before
    /// goes at once (its rows may no longer be these).
    pub(super) fn start_inside(&mut self) {
        self.tasks.inside = None;
        self.state.inside = None;
        let Some(pair) = self.state.pair().cloned() else { return };
        if pair.alignment.unrelated() {
            return;
        }
        self.tasks.inside = Some(Task::spawn(self.wake(), move |cancel| {
            Inside::compute(&pair.docs.left.turns, &pair.docs.right.turns, &pair.alignment, || cancel.is_set())
        }));
    }

    pub(super) fn poll_inside(&mut self) {
        let Some(result) = self.tasks.inside.as_ref().and_then(Task::poll) else { return };
        self.tasks.inside = None;
        self.state.inside = result.ok().map(Arc::new);
    }

    /// Waits for the sentences and words (tests).
    pub fn finish_inside(&mut self) {
        if let Some(job) = self.tasks.inside.as_ref() {
            job.wait();
        }
        self.poll_inside();
    }
}

impl TandemApp {
    /// The words highlighted as answering the word under the pointer, as each side's text reads
    /// them (the pointed word among them): what the window shows, for tests and for anyone
    /// asking without looking.
    pub fn pointed_words(&self) -> crate::core::side::Sides<Vec<String>> {
        let mut out = crate::core::side::Sides::<Vec<String>>::default();
        let (Some(p), Some(inside), Some(pair)) =
            (self.view.as_ref().and_then(|v| v.pointed), self.state.inside.as_ref(), self.state.pair())
        else {
            return out;
        };
        for link in inside.at(p.row, p.side, p.turn, p.byte).words {
            for (side, spot) in [(Side::Left, &link.left), (Side::Right, &link.right)] {
                let text = &pair.doc(side).turns.turns[spot.turn].text;
                out[side].push(text.get(spot.range.clone()).unwrap_or("").to_string());
            }
        }
        out
    }
}
