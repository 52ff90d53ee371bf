//! What the aligned view keeps and is given: its cache (row heights, weights, long turns'
//! pieces, what was on screen), this frame's parameters, what the user did, the columns' widths.

use std::ops::Range;

use super::pieces::PieceCache;
use super::row_layout::RowLayout;
use crate::core::alignment::Counts;
use crate::core::document::{Document, Pair, Script};
use crate::core::side::{Side, Sides};
use crate::ui::theme;

/// Width of the gutter between the columns, which also serves as the split handle.
pub const GUTTER: f32 = 26.0;
pub(crate) const PAD: egui::Vec2 = egui::vec2(10.0, 8.0);

/// How the view is drawn this frame (from the persisted settings).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewParams {
    pub text_size: f32,
    pub split: f32,
    /// Whether each column has a user-chosen font ahead of the bundled ones.
    pub user_fonts: Sides<bool>,
    /// One pair per screen: at the largest size at which it fits, not at `text_size`.
    pub fit_each_pair: bool,
    /// Scrolling jumps instead of gliding.
    pub reduce_motion: bool,
    /// Only this column is shown (a room that reads one language).
    pub only: Option<Side>,
    /// The window is presenting: no hints for the mouse.
    pub presenting: bool,
}

impl ViewParams {
    /// Whether a side's column is on screen.
    pub fn shows(&self, side: Side) -> bool {
        self.only.is_none_or(|o| o == side)
    }
}

/// What the user did in the view this frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewEvents {
    /// The gutter was dragged to this split.
    pub split: Option<f32>,
    /// A row was clicked.
    pub clicked_row: Option<usize>,
    /// A row was picked on the overview strip: go there.
    pub jump_row: Option<usize>,
    /// A row was right-clicked, at this point: its edits are offered.
    pub context_row: Option<(usize, egui::Pos2)>,
    /// A title was renamed (`None`: back to the document's own).
    pub title: Option<(Side, Option<String>)>,
}

/// What the view derives from a pair once, and what it keeps between frames.
pub struct ViewCache {
    pub(crate) layout: RowLayout,
    /// Per side and turn: the text's width in ems (CJK 1, Latin about ½) and its paragraphs.
    pub(crate) weights: Sides<Vec<(f32, u16)>>,
    pub(crate) slots: Sides<Vec<usize>>,
    pub(crate) scripts: Sides<Script>,
    /// Each side's language in words (`French`; empty when not known): what the room sees in
    /// the headers of a presentation.
    pub(crate) languages: Sides<&'static str>,
    /// The first row on screen last frame, and how far down into it the view started.
    pub(crate) anchor: Option<(usize, f32)>,
    /// A scroll offset to apply next frame (an anchor correction or a jump).
    pub(crate) pending_offset: Option<f32>,
    /// Rows on screen in the last frame.
    pub visible: Range<usize>,
    /// A row to bring into view, and how many more frames to try (heights may still settle).
    pub(crate) reveal: Option<(usize, u32)>,
    /// Whether the row being revealed must be in the middle, not merely in view.
    pub(crate) centre: bool,
    /// The height of the rows' viewport last frame.
    pub(crate) viewport_height: f32,
    /// Rows with turns on one side only, and that side, for the overview strip.
    pub(crate) unpaired: Vec<(usize, Side)>,
    /// Counted once for the headers and the status line.
    pub counts: Counts,
    /// The links changed: lay the rows out again (the top row keeps its place).
    pub(crate) stale: bool,
    /// Long turns' pieces and the heights they were measured at.
    pub(crate) pieces: PieceCache,
    /// The text size that fits a pair to the screen: row, width, height, size.
    pub(crate) fit: std::cell::Cell<Option<(usize, i32, i32, f32)>>,
    /// A title being renamed: its side and the text so far.
    pub(crate) title_edit: Option<(Side, String)>,
    /// The row under the pointer last frame (where a selection of words settles).
    pub hovered_row: Option<usize>,
    /// The character of a turn under the pointer last frame, if any.
    pub pointed: Option<super::marks::Point>,
}

impl ViewCache {
    pub fn new(pair: &Pair) -> Self {
        let weigh = |doc: &Document| -> Vec<(f32, u16)> {
            doc.turns
                .turns
                .iter()
                .map(|t| {
                    // Counted fast (a long record has millions of characters): a CJK character
                    // takes three bytes in UTF-8 and one em; most others one byte and half an em.
                    let chars = t.text.chars().count();
                    let wide = (t.text.len() - chars) / 2;
                    let ems = wide as f32 + (chars - wide) as f32 * 0.52;
                    (ems, t.text.matches('\n').count().min(u16::MAX as usize - 1) as u16 + 1)
                })
                .collect()
        };
        ViewCache {
            layout: RowLayout::default(),
            weights: pair.docs.as_ref().map(|d| weigh(d)),
            slots: theme::speaker_slots(pair),
            scripts: pair.docs.as_ref().map(|d| d.script()),
            languages: pair
                .docs
                .as_ref()
                .map(|d| crate::core::export::lang::name(crate::core::export::lang::detect(d))),
            anchor: None,
            // A new pair opens at its first row, not where the previous one was scrolled to.
            pending_offset: Some(0.0),
            visible: 0..0,
            reveal: None,
            centre: false,
            viewport_height: 0.0,
            counts: pair.alignment.counts(),
            unpaired: pair.alignment.one_sided(),
            stale: false,
            pieces: PieceCache::default(),
            fit: std::cell::Cell::new(None),
            title_edit: None,
            hovered_row: None,
            pointed: None,
        }
    }

    /// Characters of text laid out since the last call (the memory text costs follows it).
    pub fn take_laid_out(&self) -> usize {
        self.pieces.take_laid_out()
    }

    /// The links changed (an edit, an undo): counts, one-sided rows and row heights follow; what
    /// depends on the texts alone is kept.
    pub fn links_changed(&mut self, pair: &Pair) {
        self.counts = pair.alignment.counts();
        self.unpaired = pair.alignment.one_sided();
        self.stale = true;
        self.fit.set(None);
    }

    /// Brings a row into view, smoothly, over the next frames.
    pub fn reveal(&mut self, row: usize) {
        self.reveal = Some((row, 40));
        self.centre = false;
    }

    /// Brings a row to the middle of the view at once, in the next frame drawn (no glide): then
    /// makes sure it is in view as heights become exact.
    pub fn jump_to(&mut self, row: usize) {
        if !self.layout.is_empty() && self.viewport_height > 0.0 {
            let row = row.min(self.layout.len() - 1);
            let (top, height) = (self.layout.start(row), self.layout.height(row));
            let offset =
                if height <= self.viewport_height { top + height / 2.0 - self.viewport_height / 2.0 } else { top };
            // Never past either end: egui would spring back over many frames.
            let last = (self.layout.total() - self.viewport_height).max(0.0);
            self.pending_offset = Some(offset.clamp(0.0, last));
            self.anchor = None;
        }
        self.reveal(row);
    }

    /// Brings a row to the middle of the view (or its top to the top when it is taller), even
    /// when it is already in view: after the window changed size under a presentation.
    pub fn centre(&mut self, row: usize) {
        self.reveal = Some((row, 40));
        self.centre = true;
    }

    /// Brings row `row` to the top of the view on the next frame.
    pub fn scroll_to_row(&mut self, row: usize) {
        if !self.layout.is_empty() {
            self.pending_offset = Some(self.layout.start(row.min(self.layout.len() - 1)));
        } else {
            self.pending_offset = None;
            self.anchor = Some((row, 0.0));
        }
    }

    /// The row layout (for tests and the overview).
    pub fn layout(&self) -> &RowLayout {
        &self.layout
    }
}

/// Column geometry for a given total width; a hidden column has none.
pub(crate) fn column_widths(width: f32, split: f32, only: Option<Side>) -> Sides<f32> {
    let usable = (width - GUTTER).max(80.0);
    let left = match only {
        Some(Side::Left) => usable,
        Some(Side::Right) => 0.0,
        None => (usable * split).round(),
    };
    Sides::new(left, usable - left)
}

/// Where each column starts, left of `origin_x`.
pub(crate) fn column_lefts(origin_x: f32, widths: Sides<f32>) -> Sides<f32> {
    Sides::new(origin_x, origin_x + widths.left + GUTTER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_share_the_width_by_the_split() {
        let Sides { left: l, right: r } = column_widths(1026.0, 0.5, None);
        assert_eq!((l, r), (500.0, 500.0));
        let Sides { left: l, right: r } = column_widths(1026.0, 0.25, None);
        assert_eq!(l + r + GUTTER, 1026.0);
        assert!(l < r);
        assert_eq!(column_widths(1026.0, 0.25, Some(Side::Right)), Sides::new(0.0, 1000.0), "the translation alone");
        assert_eq!(column_widths(1026.0, 0.25, Some(Side::Left)), Sides::new(1000.0, 0.0));
    }
}
