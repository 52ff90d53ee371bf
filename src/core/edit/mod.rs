//! Editing an alignment by hand: every change is an [`Edit`], applied as a splice of rows that
//! can be undone. An edited link belongs to the user (an anchor): the aligner then recomputes only
//! the automatic rows near it, between the nearest anchors, and never moves an anchor.

pub mod annotations;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::core::align;
use crate::core::align::anchors;
use crate::core::alignment::{Alignment, Link, Origin};
use crate::core::document::Document;
use crate::core::side::{Side, Sides};
use crate::core::turns::Segmentation;
pub use annotations::{Annotations, TurnRef};
use std::sync::Arc;

/// How many automatic rows on each side of an edit the aligner may recompute. The rows beyond
/// stay as they were, so an edit is quick on any length and never changes distant rows.
pub const REALIGN_REACH: usize = 24;

/// One change a person makes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Rows `start..end` become one link holding all their turns ("link these rows").
    Merge {
        start: usize,
        end: usize,
    },
    /// One side's turns of the next (`forward`) or previous row join row `row`.
    MergeSide {
        row: usize,
        side: Side,
        forward: bool,
    },
    /// Row `row` comes apart: each of its turns stands alone, unpaired.
    Unlink {
        row: usize,
    },
    /// One turn of `side` moves to the neighbouring row: the last one down, or the first one up.
    Shift {
        row: usize,
        side: Side,
        down: bool,
    },
    /// Sets (or, with `None`, removes) the note of a row.
    Note {
        row: usize,
        text: Option<String>,
    },
    Bookmark {
        row: usize,
        on: bool,
    },
    /// Sets (or, with `None`, removes) the title shown for one side's document.
    Title {
        side: Side,
        text: Option<String>,
    },
    /// A label (canonical form) of one side is no speaker there.
    NotASpeaker {
        side: Side,
        speaker: String,
    },
    /// Speaker `speaker` of one side is the same person as speaker `same_as`.
    SameSpeaker {
        side: Side,
        speaker: String,
        same_as: String,
    },
    /// The turn of `side` that starts on `line` is split before its paragraph `paragraph`
    /// (0-based), which starts a turn of the same speaker.
    SplitTurn {
        side: Side,
        line: usize,
        paragraph: usize,
    },
    /// The turn of `side` that starts on `line` is cut inside its text, before character `at`
    /// (a sentence's start).
    CutTurn {
        side: Side,
        line: usize,
        at: usize,
    },
    /// The flag with key `key` (on row `row`) is "not a problem" (`on`), or is one again.
    Dismiss {
        key: u64,
        on: bool,
        row: usize,
    },
    /// The agreed terms of the pair, as a term list (tab-separated), before and after; `row`:
    /// where the view was.
    Glossary {
        before: String,
        after: String,
        row: usize,
    },
}

impl Edit {
    /// Edits that change how a document is split into turns (they need its text again).
    pub fn side_resplit(&self) -> Option<Side> {
        match self {
            Edit::NotASpeaker { side, .. }
            | Edit::SameSpeaker { side, .. }
            | Edit::SplitTurn { side, .. }
            | Edit::CutTurn { side, .. } => Some(*side),
            _ => None,
        }
    }

    /// The corrections of a document after this edit.
    pub fn segmentation(&self, now: &Segmentation) -> Segmentation {
        let mut seg = now.clone();
        match self {
            Edit::NotASpeaker { speaker, .. } => {
                seg.not_speakers.insert(speaker.clone());
            }
            Edit::SameSpeaker { speaker, same_as, .. } => {
                seg.aliases.insert(speaker.clone(), same_as.clone());
            }
            Edit::SplitTurn { line, paragraph, .. } => {
                seg.breaks.insert((*line, *paragraph));
            }
            Edit::CutTurn { line, at, .. } => {
                seg.cuts.insert((*line, *at));
            }
            _ => {}
        }
        seg
    }
}

/// Why an edit cannot be made here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no row {0}")]
    NoRow(usize),
    #[error("nothing to merge: choose two rows or more")]
    NothingToMerge,
    #[error("the {0} side of the neighbouring row is empty")]
    NothingOnThatSide(&'static str),
    #[error("this row has turns on one side only: there is nothing to unlink")]
    NotPaired,
    #[error("this row has no turn on the {0} side")]
    NoTurn(&'static str),
    #[error("this edit splits a document again and needs its text")]
    NeedsText,
    #[error("it is so already")]
    AlreadySo,
}

/// Rows `at..at + old.len()` replaced by `new`.
#[derive(Debug, Clone, PartialEq)]
pub struct Splice {
    pub at: usize,
    pub old: Vec<Link>,
    pub new: Vec<Link>,
}

impl Splice {
    /// The smallest splice that turns `before` into `after` (common ends left out).
    pub fn between(before: &[Link], after: &[Link]) -> Splice {
        let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
        let max_suffix = before.len().min(after.len()) - prefix;
        let suffix = before.iter().rev().zip(after.iter().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
        Splice {
            at: prefix,
            old: before[prefix..before.len() - suffix].to_vec(),
            new: after[prefix..after.len() - suffix].to_vec(),
        }
    }

    /// Where a row before the splice is after it: rows before it stay, rows after it move by
    /// the difference, rows it replaced are gone (`None`).
    /// A row among those replaced is found again when a new row pairs the same turns (the
    /// aligner, going over the rows around an edit, often gives back the same link with
    /// another score).
    pub fn map_row(&self, row: usize) -> Option<usize> {
        map_row(row, self.at, &self.old, &self.new)
    }

    /// [`Self::map_row`] for the splice taken back.
    pub fn map_row_back(&self, row: usize) -> Option<usize> {
        map_row(row, self.at, &self.new, &self.old)
    }

    fn apply(&self, links: &mut Vec<Link>, forward: bool) {
        let (remove, insert) = if forward { (&self.old, &self.new) } else { (&self.new, &self.old) };
        links.splice(self.at..self.at + remove.len(), insert.iter().cloned());
    }
}

fn map_row(row: usize, at: usize, removed: &[Link], added: &[Link]) -> Option<usize> {
    if row < at {
        Some(row)
    } else if row >= at + removed.len() {
        Some(row - removed.len() + added.len())
    } else {
        let was = &removed[row - at];
        added.iter().position(|l| l.left == was.left && l.right == was.right).map(|k| at + k)
    }
}

/// What one edit changed, enough to undo and redo it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub edit: Edit,
    pub splice: Option<Splice>,
    /// Annotations before and after (notes, bookmarks, and a document split again).
    pub annotations: Option<(Annotations, Annotations)>,
    /// A document split again: the side, the document before and after, and what the aligner
    /// learned (ratio, speaker roles, its model of the pair) before and after.
    pub document: Option<(Side, Arc<Document>, Arc<Document>)>,
    pub learned: Option<[Model; 2]>,
    /// The row to show after the change.
    pub row: usize,
}

/// What the aligner learned of a pair: the length ratio, the speaker roles, its model.
pub type Model = (f32, Vec<Option<usize>>, crate::core::alignment::Learned);

impl Change {
    /// A change of no rows, no notes and no document (a dismissal, a glossary), showing `row`.
    pub fn of(edit: Edit, row: usize) -> Change {
        Change { edit, splice: None, annotations: None, document: None, learned: None, row }
    }

    /// Whether the change is to the user's work (links, turns, notes, titles), which a project
    /// saves, rather than a flag dismissed, which this computer also remembers.
    pub fn is_work(&self) -> bool {
        !matches!(self.edit, Edit::Dismiss { .. })
    }

    /// Where a row is after the change is made (`forward`) or taken back; `None`: a row it
    /// replaced.
    pub fn map_row(&self, row: usize, forward: bool) -> Option<usize> {
        match &self.splice {
            None => Some(row),
            Some(s) if forward => s.map_row(row),
            Some(s) => s.map_row_back(row),
        }
    }

    /// Applies the change again (`forward`) or takes it back.
    pub fn apply(
        &self,
        docs: &mut Sides<Arc<Document>>,
        alignment: &mut Alignment,
        annotations: &mut Annotations,
        forward: bool,
    ) {
        if let Some((side, before, after)) = &self.document {
            docs[*side] = if forward { after.clone() } else { before.clone() };
        }
        if let Some([before, after]) = &self.learned {
            let (ratio, map, learned) = if forward { after } else { before };
            alignment.ratio = *ratio;
            alignment.speaker_map = map.clone();
            alignment.learned = learned.clone();
        }
        if let Some(s) = &self.splice {
            s.apply(&mut alignment.links, forward);
        }
        if let Some((before, after)) = &self.annotations {
            *annotations = if forward { after.clone() } else { before.clone() };
        }
    }

    /// The rows the change touched, after it (for marking and for the view).
    pub fn rows(&self) -> Range<usize> {
        self.splice.as_ref().map_or(self.row..self.row + 1, |s| s.at..s.at + s.new.len())
    }
}

fn user(left: Range<usize>, right: Range<usize>) -> Link {
    Link { left, right, score: 1.0, origin: Origin::User }
}

fn union(links: &[Link]) -> Link {
    let (first, last) = (&links[0], &links[links.len() - 1]);
    user(first.left.start..last.left.end, first.right.start..last.right.end)
}

/// The links that replace rows `range` for a structural edit, and the row to show.
fn restructure(links: &[Link], edit: &Edit) -> Result<(Range<usize>, Vec<Link>, usize), EditError> {
    let get = |row: usize| links.get(row).ok_or(EditError::NoRow(row));
    match *edit {
        Edit::Merge { start, end } => {
            if end <= start + 1 {
                return Err(EditError::NothingToMerge);
            }
            get(end - 1)?;
            Ok((start..end, vec![union(&links[start..end])], start))
        }
        Edit::MergeSide { row, side, forward } => {
            let link = get(row)?;
            let other = if forward { row + 1 } else { row.checked_sub(1).ok_or(EditError::NoRow(0))? };
            let neighbour = get(other)?;
            let taken = neighbour.turns(side).clone();
            if taken.is_empty() {
                return Err(EditError::NothingOnThatSide(side.name()));
            }
            let mut grown = link.clone();
            let mine = link.turns(side).clone();
            let joined = if forward { mine.start..taken.end } else { taken.start..mine.end };
            match side {
                Side::Left => grown.left = joined,
                Side::Right => grown.right = joined,
            }
            let mut rest = neighbour.clone();
            let emptied = if forward { taken.end..taken.end } else { taken.start..taken.start };
            match side {
                Side::Left => rest.left = emptied,
                Side::Right => rest.right = emptied,
            }
            grown.origin = Origin::User;
            grown.score = 1.0;
            rest.origin = Origin::User;
            rest.score = 1.0;
            let rest = (!rest.left.is_empty() || !rest.right.is_empty()).then_some(rest);
            let range = row.min(other)..row.max(other) + 1;
            let new: Vec<Link> = if forward {
                std::iter::once(grown).chain(rest).collect()
            } else {
                rest.into_iter().chain(std::iter::once(grown)).collect()
            };
            let show = range.start + usize::from(!forward && new.len() == 2);
            Ok((range, new, show))
        }
        Edit::Unlink { row } => {
            let link = get(row)?;
            if !link.is_paired() && link.left.len() + link.right.len() < 2 {
                return Err(EditError::NotPaired);
            }
            let mut new: Vec<Link> =
                link.left.clone().map(|t| user(t..t + 1, link.right.start..link.right.start)).collect();
            new.extend(link.right.clone().map(|t| user(link.left.end..link.left.end, t..t + 1)));
            Ok((row..row + 1, new, row))
        }
        Edit::Shift { row, side, down } => {
            let link = get(row)?;
            let mine = link.turns(side).clone();
            if mine.is_empty() {
                return Err(EditError::NoTurn(side.name()));
            }
            let set = |l: &mut Link, r: Range<usize>| match side {
                Side::Left => l.left = r,
                Side::Right => l.right = r,
            };
            let mut source = link.clone();
            source.origin = Origin::User;
            let (range, moved_into) = if down {
                let t = mine.end - 1;
                set(&mut source, mine.start..t);
                let target = match links.get(row + 1) {
                    Some(next) => {
                        let mut n = next.clone();
                        let end = n.turns(side).end;
                        set(&mut n, t..end);
                        n
                    }
                    // Past the last row: a row of its own.
                    None => {
                        let other = link.turns(side.other()).end;
                        let mut n = user(other..other, other..other);
                        set(&mut n, t..t + 1);
                        n
                    }
                };
                (row..(row + 2).min(links.len()), [source, target])
            } else {
                let t = mine.start;
                set(&mut source, t + 1..mine.end);
                let target = match row.checked_sub(1).map(|r| &links[r]) {
                    Some(prev) => {
                        let mut p = prev.clone();
                        let start = p.turns(side).start;
                        set(&mut p, start..t + 1);
                        p
                    }
                    None => {
                        let other = link.turns(side.other()).start;
                        let mut p = user(other..other, other..other);
                        set(&mut p, t..t + 1);
                        p
                    }
                };
                (row.saturating_sub(1)..row + 1, [target, source])
            };
            let new: Vec<Link> = moved_into
                .into_iter()
                .filter(|l| !l.left.is_empty() || !l.right.is_empty())
                .map(|mut l| {
                    l.origin = Origin::User;
                    l.score = 1.0;
                    l
                })
                .collect();
            let last = range.start + new.len().saturating_sub(1);
            let show = if down { last } else { range.start };
            Ok((range, new, show))
        }
        Edit::Note { row, .. } | Edit::Bookmark { row, .. } => {
            get(row)?;
            Ok((row..row, Vec::new(), row))
        }
        Edit::Title { .. } | Edit::Dismiss { .. } | Edit::Glossary { .. } => Ok((0..0, Vec::new(), 0)),
        Edit::NotASpeaker { .. } | Edit::SameSpeaker { .. } | Edit::SplitTurn { .. } | Edit::CutTurn { .. } => {
            Err(EditError::NeedsText)
        }
    }
}

/// Applies an edit: splices the rows, then lets the aligner recompute the automatic rows around
/// them (up to [`REALIGN_REACH`] rows each way, never past a link of the user's).
///
/// # Errors
/// The edit does not apply to these rows; nothing is changed.
pub fn apply(
    docs: &Sides<std::sync::Arc<Document>>,
    alignment: &mut Alignment,
    annotations: &mut Annotations,
    edit: Edit,
) -> Result<Change, EditError> {
    // Dismissals are the session's (see `core::session`), the glossary the review's: nothing
    // here changes.
    if let Edit::Dismiss { row, .. } | Edit::Glossary { row, .. } = edit {
        return Ok(Change::of(edit, row));
    }
    if let Edit::Title { side, text } = &edit {
        let before = annotations.clone();
        match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => drop(annotations.titles.insert(*side, t.to_string())),
            None => drop(annotations.titles.remove(side)),
        }
        let after = annotations.clone();
        let annotations = Some((before, after));
        return Ok(Change { edit, splice: None, annotations, document: None, learned: None, row: 0 });
    }
    // Notes and bookmarks: a row's note (or bookmark) lives on its first turn, and any other
    // inside the row goes.
    let annotation = match &edit {
        Edit::Note { row, text } => Some((*row, text.clone().filter(|t| !t.trim().is_empty()), None)),
        Edit::Bookmark { row, on } => Some((*row, None, Some(*on))),
        _ => None,
    };
    if let Some((row, note, bookmark)) = annotation {
        let link = alignment.links.get(row).ok_or(EditError::NoRow(row))?;
        let key = TurnRef::of(link).ok_or(EditError::NoRow(row))?;
        let before = annotations.clone();
        let inside =
            Side::BOTH.into_iter().flat_map(|s| link.turns(s).clone().map(move |turn| TurnRef { side: s, turn }));
        for r in inside {
            match bookmark {
                None => drop(annotations.notes.remove(&r)),
                Some(_) => drop(annotations.bookmarks.remove(&r)),
            }
        }
        match (note, bookmark) {
            (Some(text), None) => drop(annotations.notes.insert(key, text)),
            (None, Some(true)) => drop(annotations.bookmarks.insert(key)),
            _ => {}
        }
        let after = annotations.clone();
        return Ok(Change {
            edit,
            splice: None,
            annotations: Some((before, after)),
            document: None,
            learned: None,
            row,
        });
    }
    if edit.side_resplit().is_some() {
        return Err(EditError::NeedsText);
    }
    let (range, new, show) = restructure(&alignment.links, &edit)?;
    let before = alignment.links.clone();
    let added = new.len();
    alignment.links.splice(range.clone(), new);
    let edited = range.start..range.start + added;
    let window = neighbourhood(&alignment.links, edited.clone());
    let realigned = align::realign_rows(&docs.left.turns, &docs.right.turns, alignment, window.clone());
    alignment.links.splice(window.clone(), realigned);
    // The row to show keeps its place unless the rows before it changed in number.
    let show = show.min(alignment.links.len().saturating_sub(1));
    let splice = Splice::between(&before, &alignment.links);
    Ok(Change { edit, splice: Some(splice), annotations: None, document: None, learned: None, row: show })
}

/// Applies an edit that splits a document again (`resplit` is that document with its new
/// turns): the user's links, notes and bookmarks are found again by their text, the rest is
/// aligned anew.
pub fn apply_resplit(
    docs: &mut Sides<Arc<Document>>,
    alignment: &mut Alignment,
    annotations: &mut Annotations,
    edit: Edit,
    resplit: Document,
    row: usize,
) -> Change {
    let side = edit.side_resplit().expect("an edit that splits a document again");
    let kept = anchors::kept(docs.as_ref().map(|d| &d.turns), alignment);
    let before_doc = docs[side].clone();
    docs[side] = Arc::new(resplit);
    let found = anchors::reanchor(docs.as_ref().map(|d| &d.turns), &kept);
    let before_links = std::mem::replace(alignment, found.alignment);
    // Notes and bookmarks on the side cut anew follow their turn's text, not its number.
    let remapped = remap_annotations(annotations, side, &before_doc, &docs[side]);
    let before_notes = std::mem::replace(annotations, remapped);
    Change {
        splice: Some(Splice::between(&before_links.links, &alignment.links)),
        annotations: Some((before_notes, annotations.clone())),
        document: Some((side, before_doc, docs[side].clone())),
        learned: Some([
            (before_links.ratio, before_links.speaker_map.clone(), before_links.learned.clone()),
            (alignment.ratio, alignment.speaker_map.clone(), alignment.learned.clone()),
        ]),
        row: row.min(alignment.links.len().saturating_sub(1)),
        edit,
    }
}

/// Moves the notes and bookmarks of one side from the turns of `old` to those of `new`: to the
/// turn with the same text nearest the old number, else to one that starts or ends it (a turn
/// split in two keeps its note on the first part).
pub(crate) fn remap_annotations(notes: &Annotations, side: Side, old: &Document, new: &Document) -> Annotations {
    let find = |r: TurnRef| -> Option<TurnRef> {
        if r.side != side {
            return Some(r);
        }
        let text = &old.turns.turns.get(r.turn)?.text;
        let turns = &new.turns.turns;
        let nearest = |ok: &dyn Fn(&str) -> bool| {
            (0..turns.len()).filter(|&k| ok(&turns[k].text)).min_by_key(|&k| k.abs_diff(r.turn))
        };
        let k = nearest(&|t| t == text.as_str())
            .or_else(|| nearest(&|t| text.starts_with(t) || t.starts_with(text.as_str())))?;
        Some(TurnRef { side, turn: k })
    };
    Annotations {
        notes: notes.notes.iter().filter_map(|(r, t)| Some((find(*r)?, t.clone()))).collect(),
        bookmarks: notes.bookmarks.iter().filter_map(|r| find(*r)).collect(),
        titles: notes.titles.clone(),
    }
}

/// The automatic rows around `edited` that the aligner may recompute: up to the nearest user's
/// link or [`REALIGN_REACH`] rows away, whichever is nearer.
fn neighbourhood(links: &[Link], edited: Range<usize>) -> Range<usize> {
    let mut lo = edited.start;
    while lo > 0 && edited.start - lo < REALIGN_REACH && links[lo - 1].origin == Origin::Auto {
        lo -= 1;
    }
    let mut hi = edited.end;
    while hi < links.len() && hi - edited.end < REALIGN_REACH && links[hi].origin == Origin::Auto {
        hi += 1;
    }
    lo..hi
}

#[cfg(test)]
mod tests;
