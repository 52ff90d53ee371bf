//! What is matched inside the rows of an alignment — sentences with sentences, words with words — computed once for the whole pair, for the window to point at.

use super::counterparts::{self, Lexicon, WordLink};
use super::sentences::{self, RowSentences};
use crate::core::alignment::Alignment;
use crate::core::side::Side;
use crate::core::turns::Turns;

/// Per row of the alignment it was computed for: its sentences in groups and its word links.
#[derive(Debug, Clone, Default)]
pub struct Inside {
    pub rows: Vec<RowSentences>,
    pub words: Vec<Vec<WordLink>>,
}

/// What lies under a point of one side's text: the sentence group and the word link holding it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pointed<'a> {
    pub group: Option<&'a sentences::Group>,
    pub words: Vec<&'a WordLink>,
}

impl Inside {
    /// Matches the sentences and words inside every row; `None` when `stop` said to stop.
    pub fn compute(
        left: &Turns,
        right: &Turns,
        alignment: &Alignment,
        stop: impl Fn() -> bool + Sync,
    ) -> Option<Inside> {
        let rows = sentences::inside_rows(left, right, alignment);
        if stop() {
            return None;
        }
        let words = counterparts::of_rows(left, right, &rows, &Lexicon::of(&alignment.learned), stop)?;
        Some(Inside { rows, words })
    }

    /// What byte `at` of turn `turn`'s text, on `side`, falls in, in row `row`.
    pub fn at(&self, row: usize, side: Side, turn: usize, at: usize) -> Pointed<'_> {
        let (Some(r), Some(words)) = (self.rows.get(row), self.words.get(row)) else { return Pointed::default() };
        let list = match side {
            Side::Left => &r.left,
            Side::Right => &r.right,
        };
        let group = list
            .iter()
            .position(|s| s.turn == turn && s.range.start <= at && at < s.range.end)
            .and_then(|k| r.group_of(side, k))
            .map(|g| &r.groups[g]);
        let words = words
            .iter()
            .filter(|l| {
                let spot = if side == Side::Left { &l.left } else { &l.right };
                spot.turn == turn && spot.range.start <= at && at < spot.range.end
            })
            .collect();
        Pointed { group, words }
    }
}
