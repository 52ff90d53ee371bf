//! Prefix sums of row heights: where each aligned row starts, and which rows a viewport shows.
//!
//! Rows start with an estimated height and get their exact one once laid out, so a 100,000-row
//! pair never lays out more than what is on screen. Pure arithmetic, tested without egui.

/// Heights and start offsets of the rows of the aligned view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowLayout {
    heights: Vec<f32>,
    /// `starts[i]` is the top of row `i`; `starts[len]` is the total height.
    starts: Vec<f32>,
    /// Which rows carry their exact (laid out) height rather than an estimate.
    exact: Vec<bool>,
    /// The first row whose start is out of date.
    dirty_from: usize,
    /// The key (width, text size…) the exact heights were measured for.
    key: u64,
}

impl RowLayout {
    /// A layout from estimated heights.
    pub fn new(estimates: impl IntoIterator<Item = f32>, key: u64) -> Self {
        let heights: Vec<f32> = estimates.into_iter().collect();
        let n = heights.len();
        let mut layout = RowLayout { heights, starts: Vec::new(), exact: vec![false; n], dirty_from: 0, key };
        layout.refresh();
        layout
    }

    pub fn len(&self) -> usize {
        self.heights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heights.is_empty()
    }

    /// The measuring key (column width, text size) this layout was made for.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// Records a row's exact height; returns by how much it changed.
    pub fn set_exact(&mut self, row: usize, height: f32) -> f32 {
        let delta = height - self.heights[row];
        self.exact[row] = true;
        if delta != 0.0 {
            self.heights[row] = height;
            self.dirty_from = self.dirty_from.min(row + 1);
        }
        delta
    }

    pub fn is_exact(&self, row: usize) -> bool {
        self.exact[row]
    }

    /// Brings the start offsets up to date (linear in the rows after the first change).
    pub fn refresh(&mut self) {
        let n = self.heights.len();
        if self.starts.len() != n + 1 {
            self.starts = vec![0.0; n + 1];
            self.dirty_from = 1;
        }
        for i in self.dirty_from.max(1)..=n {
            self.starts[i] = self.starts[i - 1] + self.heights[i - 1];
        }
        self.dirty_from = n + 1;
    }

    /// Top of a row (up to date only after [`Self::refresh`]).
    pub fn start(&self, row: usize) -> f32 {
        self.starts[row.min(self.heights.len())]
    }

    pub fn height(&self, row: usize) -> f32 {
        self.heights[row]
    }

    pub fn total(&self) -> f32 {
        *self.starts.last().unwrap_or(&0.0)
    }

    /// The row under offset `y` (the last row for offsets past the end).
    pub fn row_at(&self, y: f32) -> usize {
        if self.heights.is_empty() {
            return 0;
        }
        let p = self.starts.partition_point(|&s| s <= y);
        p.saturating_sub(1).min(self.heights.len() - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_are_prefix_sums() {
        let l = RowLayout::new([10.0, 20.0, 30.0], 0);
        assert_eq!((l.start(0), l.start(1), l.start(2), l.total()), (0.0, 10.0, 30.0, 60.0));
        assert_eq!((l.row_at(0.0), l.row_at(9.9), l.row_at(10.0), l.row_at(59.0), l.row_at(1e9)), (0, 0, 1, 2, 2));
    }

    #[test]
    fn exact_heights_move_only_the_rows_below() {
        let mut l = RowLayout::new([10.0; 5], 7);
        assert_eq!(l.set_exact(2, 25.0), 15.0);
        l.refresh();
        assert_eq!((l.start(2), l.start(3), l.total()), (20.0, 45.0, 65.0));
        assert!(l.is_exact(2) && !l.is_exact(3));
        assert_eq!(l.set_exact(2, 25.0), 0.0);
        assert_eq!(l.key(), 7);
    }

    #[test]
    fn empty_layout() {
        let l = RowLayout::new([], 0);
        assert!(l.is_empty());
        assert_eq!((l.total(), l.row_at(5.0)), (0.0, 0));
    }
}
