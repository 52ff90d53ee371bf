//! Notes, bookmarks and titles: what a person attaches to a pair besides its links.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::core::alignment::{Alignment, Link};
use crate::core::side::Side;

/// A row is known by its first turn (of the left side when it has one), so that notes and
/// bookmarks follow their text through edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TurnRef {
    pub side: Side,
    pub turn: usize,
}

impl TurnRef {
    /// The turn that names a link.
    pub fn of(link: &Link) -> Option<TurnRef> {
        Side::BOTH.into_iter().find_map(|side| {
            let t = link.turns(side);
            (!t.is_empty()).then_some(TurnRef { side, turn: t.start })
        })
    }
}

/// Notes and bookmarks, attached to turns; and the titles a person gave the documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotations {
    pub notes: BTreeMap<TurnRef, String>,
    pub bookmarks: BTreeSet<TurnRef>,
    /// A side's title as the user wrote it, instead of the one taken from the document.
    #[serde(default)]
    pub titles: BTreeMap<Side, String>,
}

impl Annotations {
    /// The same notes and bookmarks, seen from the other side.
    pub fn swapped(self) -> Annotations {
        let flip = |r: TurnRef| TurnRef { side: r.side.other(), turn: r.turn };
        Annotations {
            notes: self.notes.into_iter().map(|(r, t)| (flip(r), t)).collect(),
            bookmarks: self.bookmarks.into_iter().map(flip).collect(),
            titles: self.titles.into_iter().map(|(s, t)| (s.other(), t)).collect(),
        }
    }

    /// The note of a row.
    pub fn note(&self, alignment: &Alignment, row: usize) -> Option<&str> {
        let link = alignment.links.get(row)?;
        Side::BOTH
            .into_iter()
            .flat_map(|s| link.turns(s).clone().map(move |turn| TurnRef { side: s, turn }))
            .find_map(|r| self.notes.get(&r).map(String::as_str))
    }

    /// The rows bookmarked, in order, each once.
    pub fn bookmarked_rows(&self, alignment: &Alignment) -> Vec<usize> {
        let mut rows: Vec<usize> = self.bookmarks.iter().filter_map(|r| alignment.link_of(r.side, r.turn)).collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }

    /// Whether a row is bookmarked.
    pub fn bookmarked(&self, alignment: &Alignment, row: usize) -> bool {
        alignment.links.get(row).is_some_and(|link| {
            Side::BOTH
                .into_iter()
                .any(|s| link.turns(s).clone().any(|turn| self.bookmarks.contains(&TurnRef { side: s, turn })))
        })
    }
}
