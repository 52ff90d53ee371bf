//! The Export window's state: the chosen format, rows and languages, a running export and what
//! came of the last one.

use std::path::PathBuf;
use std::time::Instant;

use crate::core::export::{Format, RowScope, Segments};

/// Which rows the window exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowChoice {
    #[default]
    All,
    Paired,
    Flagged,
    /// Pairs `from..=to`, 1-based as the window numbers them (the current pair by default).
    Range {
        from: usize,
        to: usize,
    },
}

impl RowChoice {
    /// The core's scope for a pair of `rows` rows.
    pub fn scope(self, rows: usize) -> RowScope {
        match self {
            RowChoice::All => RowScope::All,
            RowChoice::Paired => RowScope::Paired,
            RowChoice::Flagged => RowScope::Flagged,
            RowChoice::Range { from, to } => {
                let (a, b) = (from.min(to).max(1), from.max(to).min(rows));
                RowScope::Rows(a - 1..b.max(a - 1))
            }
        }
    }
}

/// What the user chose in the window.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportForm {
    pub format: Format,
    pub rows: RowChoice,
    /// A row per pair, or per sentence group inside the pairs.
    pub segments: Segments,
}

impl Default for ExportForm {
    fn default() -> Self {
        ExportForm { format: Format::Xlsx, rows: RowChoice::All, segments: Segments::Turn }
    }
}

/// An export being written on a background thread.
#[derive(Debug, Clone)]
pub struct ExportRun {
    pub path: PathBuf,
    pub format: Format,
    pub started: Instant,
    /// The share written (0 to 1), as it was at the start of this frame.
    pub share: f32,
}

#[derive(Debug, Clone, Default)]
pub struct ExportState {
    pub open: bool,
    pub form: ExportForm,
    /// The languages found in the texts, shown until the user types others.
    pub detected: [String; 2],
    pub running: Option<ExportRun>,
    /// "340 rows written to …", or why not.
    pub outcome: Option<Result<String, String>>,
    /// A file at the path typed: the window asks whether to replace it before writing.
    pub replace_asked: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_of_pairs_becomes_rows_within_the_pair() {
        assert_eq!(RowChoice::Range { from: 3, to: 5 }.scope(10), RowScope::Rows(2..5));
        assert_eq!(RowChoice::Range { from: 5, to: 3 }.scope(10), RowScope::Rows(2..5));
        assert_eq!(RowChoice::Range { from: 0, to: 99 }.scope(10), RowScope::Rows(0..10));
        assert_eq!(RowChoice::Range { from: 12, to: 14 }.scope(10), RowScope::Rows(11..11));
    }
}
