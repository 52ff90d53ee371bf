//! An alignment: the links between two turn lists, who made each, and what follows from them
//! (counts, one-sided rows, the row of a turn). It holds no text, so it is cheap to edit.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::side::{Side, Sides};

/// The most turns one side of a link may hold.
pub const MAX_GROUP: usize = 5;

/// Who made a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The aligner; it may be recomputed.
    #[default]
    Auto,
    /// The user; the aligner never moves or dissolves it.
    User,
}

/// One link (a row of the view): some left turns with some right turns (either may be empty).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub left: Range<usize>,
    pub right: Range<usize>,
    /// 0 to 1: how sure the aligner is of this link (1 for a link the user made).
    pub score: f32,
    pub origin: Origin,
}

impl Link {
    /// An automatic link.
    pub fn auto(left: Range<usize>, right: Range<usize>, score: f32) -> Link {
        Link { left, right, score, origin: Origin::Auto }
    }

    /// The turns of one side.
    pub fn turns(&self, side: Side) -> &Range<usize> {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }

    /// Turns on both sides.
    pub fn is_paired(&self) -> bool {
        !self.left.is_empty() && !self.right.is_empty()
    }

    /// The one side that has turns, for a link with turns on one side only.
    pub fn only_side(&self) -> Option<Side> {
        match (self.left.is_empty(), self.right.is_empty()) {
            (false, true) => Some(Side::Left),
            (true, false) => Some(Side::Right),
            _ => None,
        }
    }

    /// The same link seen from the other side.
    pub fn swapped(&self) -> Link {
        Link { left: self.right.clone(), right: self.left.clone(), score: self.score, origin: self.origin }
    }
}

/// The alignment of two documents, and what was learned on the way.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// In document order; every turn of each side in exactly one link.
    pub links: Vec<Link>,
    /// Right characters per left character.
    pub ratio: f32,
    /// For each left speaker, the right speaker found to play the same role.
    pub speaker_map: Vec<Option<usize>>,
    /// How much better the turns pair in their own order than with one side reversed, per turn
    /// (see `align::relatedness`): near 0 when the texts are not translations of each other;
    /// `None` when too short to tell.
    pub evidence: Option<f32>,
    /// What the aligner learned from the pair beyond the ratio and the speakers, so that
    /// re-aligning some rows after an edit weighs links as the whole alignment did.
    pub learned: Learned,
}

/// The aligner's model of a pair, as learned from it (all empty or 0: the defaults).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Learned {
    /// Variance of the log length ratio (0: the default).
    pub sigma2: f32,
    /// Cost of each link shape, `[left turns * (MAX_GROUP + 1) + right turns]` (empty: the defaults).
    pub shapes: Vec<f32>,
    /// Weight of the words' answering each other (0: words unused) and where it is neutral.
    pub lexical: f32,
    pub lex_mean: f32,
    /// Word keys learned to translate each other: (left key, right key).
    pub lexicon: std::sync::Arc<[(String, String)]>,
    /// What a question, a colon and a closed quotation ending one group of a link and not the
    /// other cost in this pair (`None`: measured again from the turns aligned).
    pub ends: Option<[f32; 3]>,
}

/// Below this evidence (see [`Alignment::evidence`]) two texts are taken for unrelated: their
/// turns pair no better in their own order than shuffled. (Measured: unrelated pairs up to 0.10,
/// translations from 1.37 since words are compared; the 31 public benchmark pairs all above the line.)
pub const UNRELATED_BELOW: f32 = 0.2;
/// A paired link at least this sure counts as confident.
pub const CONFIDENT: f32 = 0.8;
/// Less than this share of one side's turns paired: a translation with a large part missing.
const PARTIAL_BELOW: f32 = 0.6;

/// What the alignment says about the pair as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// One text translates the other.
    Translation,
    /// A translation of which a large part is missing on one side (or a side holds more).
    Partial,
    /// Not translations of each other: any pairs are chance.
    Unrelated,
}

/// The pair in figures, as `tandem align --json` gives it under `"summary"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Rows with turns on both sides.
    pub paired: usize,
    /// Rows with turns on one side only.
    pub left_only: usize,
    pub right_only: usize,
    /// Paired rows with a score of at least [`CONFIDENT`].
    pub confident: usize,
    pub verdict: Verdict,
}

/// How many rows are paired or one-sided, and how many turns of each side are paired.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub rows: usize,
    pub paired_rows: usize,
    pub left_only: usize,
    pub right_only: usize,
    pub paired_turns: Sides<usize>,
}

impl Alignment {
    /// Row `row` (0-based) as the window names it: its number and the numbers its cells show,
    /// `Row 7 · #4 ↔ #4`, `Row 24 · #21–22 ↔ #19`, `Row 3 · #3 ↔ —` (one side only). The
    /// cells number turns, the menus and lists rows: both are given, so that either is found.
    pub fn row_name(&self, row: usize) -> String {
        let Some(link) = self.links.get(row) else { return format!("Row {}", row + 1) };
        let turns = |r: &std::ops::Range<usize>| match r.len() {
            0 => "—".to_string(),
            1 => format!("#{}", r.start + 1),
            _ => format!("#{}–{}", r.start + 1, r.end),
        };
        format!("Row {} · {} ↔ {}", row + 1, turns(&link.left), turns(&link.right))
    }

    /// The row (link) holding turn `turn` of `side`.
    pub fn link_of(&self, side: Side, turn: usize) -> Option<usize> {
        // Ranges are contiguous and in order: the first link ending after `turn` holds it.
        let pos = self.links.partition_point(|l| l.turns(side).end <= turn);
        self.links.get(pos).filter(|l| l.turns(side).contains(&turn)).map(|_| pos)
    }

    /// Rows, paired rows, one-sided rows and paired turns.
    pub fn counts(&self) -> Counts {
        let mut c = Counts { rows: self.links.len(), ..Counts::default() };
        for l in &self.links {
            match l.only_side() {
                None if l.is_paired() => {
                    c.paired_rows += 1;
                    c.paired_turns.left += l.left.len();
                    c.paired_turns.right += l.right.len();
                }
                Some(Side::Left) => c.left_only += 1,
                Some(Side::Right) => c.right_only += 1,
                None => {}
            }
        }
        c
    }

    /// Whether the texts look unrelated (too few turns to tell: not).
    pub fn unrelated(&self) -> bool {
        self.evidence.is_some_and(|e| e < UNRELATED_BELOW)
    }

    /// The pair in figures, and the verdict: unrelated texts, a partial translation, or one.
    pub fn summary(&self) -> Summary {
        let c = self.counts();
        let turns =
            Sides::new(self.links.last().map_or(0, |l| l.left.end), self.links.last().map_or(0, |l| l.right.end));
        let share = |side: Side| c.paired_turns[side] as f32 / turns[side].max(1) as f32;
        let verdict = if self.unrelated() {
            Verdict::Unrelated
        } else if share(Side::Left) < PARTIAL_BELOW || share(Side::Right) < PARTIAL_BELOW {
            Verdict::Partial
        } else {
            Verdict::Translation
        };
        let confident = self.links.iter().filter(|l| l.is_paired() && l.score >= CONFIDENT).count();
        Summary { paired: c.paired_rows, left_only: c.left_only, right_only: c.right_only, confident, verdict }
    }

    /// Rows with turns on one side only, with that side, in order.
    pub fn one_sided(&self) -> Vec<(usize, Side)> {
        self.links.iter().enumerate().filter_map(|(row, l)| l.only_side().map(|s| (row, s))).collect()
    }

    /// The same alignment seen from the other side.
    pub fn swapped(&self, right_speakers: usize) -> Alignment {
        let mut speaker_map = vec![None; right_speakers];
        for (l, r) in self.speaker_map.iter().enumerate() {
            if let Some(r) = *r
                && r < right_speakers
                && speaker_map[r].is_none()
            {
                speaker_map[r] = Some(l);
            }
        }
        Alignment {
            links: self.links.iter().map(Link::swapped).collect(),
            ratio: if self.ratio > 0.0 { 1.0 / self.ratio } else { 1.0 },
            speaker_map,
            evidence: self.evidence,
            learned: Learned {
                shapes: if self.learned.shapes.is_empty() {
                    Vec::new()
                } else {
                    // The shapes' table seen from the other side: rows and columns exchanged.
                    let side = MAX_GROUP + 1;
                    (0..side * side).map(|k| self.learned.shapes[(k % side) * side + k / side]).collect()
                },
                lexicon: self.learned.lexicon.iter().map(|(a, b)| (b.clone(), a.clone())).collect(),
                ..self.learned.clone()
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alignment() -> Alignment {
        Alignment {
            links: vec![
                Link::auto(0..1, 0..1, 0.9),
                Link::auto(1..2, 1..1, 0.1),
                Link::auto(2..4, 1..2, 0.8),
                Link::auto(4..4, 2..3, 0.1),
            ],
            ratio: 2.0,
            speaker_map: vec![Some(1), None],
            evidence: Some(1.0),
            learned: Learned::default(),
        }
    }

    #[test]
    fn a_row_is_named_by_its_number_and_the_turn_numbers_its_cells_show() {
        let a = alignment();
        let names: Vec<String> = (0..5).map(|row| a.row_name(row)).collect();
        assert_eq!(names, ["Row 1 · #1 ↔ #1", "Row 2 · #2 ↔ —", "Row 3 · #3–4 ↔ #2", "Row 4 · — ↔ #3", "Row 5"]);
    }

    #[test]
    fn the_summary_counts_rows_and_gives_a_verdict() {
        let mut a = alignment();
        let s = a.summary();
        assert_eq!((s.paired, s.left_only, s.right_only, s.confident), (2, 1, 1, 2));
        // 3 of 4 left turns and 2 of 3 right turns paired: a translation.
        assert_eq!(s.verdict, Verdict::Translation);
        a.links.push(Link::auto(4..4, 3..6, 0.1));
        assert_eq!(a.summary().verdict, Verdict::Partial, "2 of 6 right turns paired");
        a.evidence = Some(0.1);
        assert_eq!(a.summary().verdict, Verdict::Unrelated);
        a.evidence = None;
        assert_eq!(a.summary().verdict, Verdict::Partial, "too short to tell is not unrelated");
    }

    #[test]
    fn counts_and_one_sided_rows() {
        let a = alignment();
        let c = a.counts();
        assert_eq!((c.rows, c.paired_rows, c.left_only, c.right_only), (4, 2, 1, 1));
        assert_eq!(c.paired_turns, Sides::new(3, 2));
        assert_eq!(a.one_sided(), [(1, Side::Left), (3, Side::Right)]);
    }

    #[test]
    fn rows_of_turns_on_either_side() {
        let a = alignment();
        assert_eq!(a.link_of(Side::Left, 3), Some(2));
        assert_eq!(a.link_of(Side::Right, 2), Some(3));
        assert_eq!(a.link_of(Side::Left, 9), None);
    }

    #[test]
    fn swapping_twice_gives_the_same_alignment() {
        let a = alignment();
        let s = a.swapped(2);
        assert_eq!(s.links[1].only_side(), Some(Side::Right));
        assert_eq!(s.speaker_map, [None, Some(0)]);
        assert_eq!(s.swapped(2), a);
    }
}
