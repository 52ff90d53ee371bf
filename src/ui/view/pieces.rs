//! A long turn in pieces: where it is cut, and the heights its pieces had, kept between frames so
//! that only the pieces near the viewport are ever laid out.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use crate::core::side::Side;

/// About how many characters a piece of a long turn holds.
const PIECE_CHARS: usize = 2_000;
/// How far past `PIECE_CHARS` a piece may run to end at a sentence or a space.
const PIECE_SLACK: usize = 400;

/// Where the cell sits against the viewport, in the same coordinates; `None` lays it all out.
#[derive(Debug, Clone)]
pub(crate) struct Window {
    pub cell_top: f32,
    pub viewport: egui::Rangef,
}

/// Where a turn's pieces start: (byte, char) pairs, ending with the text's end.
pub(crate) type Cuts = Arc<Vec<(usize, usize)>>;
/// A block of a long cell at one width and size: side, turn, block (0 = the turn's heading line),
/// width and text size (rounded).
pub(crate) type BlockKey = (Side, usize, usize, i32, i32);

/// What laying out long cells keeps between frames.
#[derive(Default)]
pub(crate) struct PieceCache {
    /// Per side and turn: the (byte, char) start of each piece, ending with the text's end.
    cuts: RefCell<HashMap<(Side, usize), Cuts>>,
    /// Exact heights of blocks once laid out: side, turn, block (0 = heading line), width, size.
    heights: RefCell<HashMap<BlockKey, f32>>,
    /// Characters laid out during the current frame (measured by tests).
    laid_out: Cell<usize>,
}

impl PieceCache {
    /// Characters laid out since the last call: the memory a frame's text costs goes with it.
    pub fn take_laid_out(&self) -> usize {
        self.laid_out.replace(0)
    }

    /// Where a turn is cut into pieces (worked out once).
    pub(crate) fn cuts(&self, side: Side, turn: usize, text: &str) -> Cuts {
        let mut map = self.cuts.borrow_mut();
        map.entry((side, turn)).or_insert_with(|| Arc::new(cut_pieces(text))).clone()
    }

    /// Counts characters laid out this frame.
    pub(crate) fn count_laid_out(&self, chars: usize) {
        self.laid_out.set(self.laid_out.get() + chars);
    }

    /// A block's height when it was last laid out (or guessed).
    pub(crate) fn height(&self, key: &BlockKey) -> Option<f32> {
        self.heights.borrow().get(key).copied()
    }

    pub(crate) fn set_height(&self, key: BlockKey, height: f32) {
        self.heights.borrow_mut().insert(key, height);
    }

    /// Forgets every height once there are very many (a long session over long turns).
    pub(crate) fn bound(&self) {
        let mut heights = self.heights.borrow_mut();
        if heights.len() > 200_000 {
            heights.clear();
        }
    }
}

/// Where a long text is cut into pieces: the (byte, char) start of every piece after the first,
/// then the text's end, after a leading (0, 0). A piece ends after a sentence end or, failing
/// that, a space (never one inside a grouped number) when one comes soon enough.
pub(crate) fn cut_pieces(text: &str) -> Vec<(usize, usize)> {
    let mut cuts = vec![(0, 0)];
    let (mut byte, mut chars) = (0, 0);
    while byte < text.len() {
        let rest = &text[byte..];
        let mut best: Option<(usize, usize)> = None;
        let mut space: Option<(usize, usize)> = None;
        let mut prev = '\0';
        let mut end = (rest.len(), 0);
        let mut n = 0;
        let mut iter = rest.char_indices().peekable();
        while let Some((b, c)) = iter.next() {
            n += 1;
            let after = b + c.len_utf8();
            end = (after, n);
            if n >= PIECE_CHARS {
                let next = iter.peek().map(|&(_, c)| c);
                let sentence = matches!(c, '。' | '！' | '？' | '；')
                    || matches!(prev, '.' | '!' | '?' | ';') && c.is_whitespace();
                let spacing = c.is_whitespace() && !(prev.is_ascii_digit() && next.is_some_and(|d| d.is_ascii_digit()));
                if sentence {
                    best = Some((after, n));
                    break;
                }
                if spacing && space.is_none() {
                    space = Some((after, n));
                }
                if n >= PIECE_CHARS + PIECE_SLACK {
                    break;
                }
            }
            prev = c;
        }
        let (b, n) = best.or(space).unwrap_or(end);
        byte += b;
        chars += n;
        cuts.push((byte, chars));
    }
    if cuts.len() == 1 {
        cuts.push((0, 0));
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        cut_pieces(text).windows(2).map(|w| &text[w[0].0..w[1].0]).collect()
    }

    #[test]
    fn a_short_text_is_one_piece() {
        assert_eq!(pieces("Bonjour à tous."), ["Bonjour à tous."]);
        assert_eq!(cut_pieces(""), [(0, 0), (0, 0)]);
    }

    #[test]
    fn a_long_text_is_cut_at_sentence_ends_and_loses_nothing() {
        let sentence = "Nous avons réuni 45 000 euros, puis nous avons recommencé. ";
        let text = sentence.repeat(300);
        let parts = pieces(&text);
        assert!(parts.len() > 5, "{}", parts.len());
        assert_eq!(parts.concat(), text);
        for part in &parts[..parts.len() - 1] {
            assert!(part.ends_with(". "), "{:?}", &part[part.len() - 20..]);
            let n = part.chars().count();
            assert!((PIECE_CHARS..=PIECE_CHARS + PIECE_SLACK).contains(&n), "{n}");
        }
        // The char offsets agree with the bytes.
        for &(b, c) in &cut_pieces(&text) {
            assert_eq!(text[..b].chars().count(), c);
        }
    }

    #[test]
    fn text_without_spaces_or_sentences_is_cut_anyway() {
        let text = "字".repeat(10_000) + &"x".repeat(5_000);
        let parts = pieces(&text);
        assert_eq!(parts.concat(), text);
        assert!(parts.iter().all(|p| p.chars().count() <= PIECE_CHARS + PIECE_SLACK));
        let text = "这是一个很长的句子。".repeat(1_000);
        assert!(pieces(&text)[..2].iter().all(|p| p.ends_with('。')));
    }

    #[test]
    fn a_grouped_number_is_not_cut_at_its_space() {
        // Digits up to the cut, then "000": the space between is no place to cut.
        let text = "1".repeat(PIECE_CHARS - 1) + " 000 and then more words";
        let parts = pieces(&text);
        assert!(parts[0].ends_with("000 "), "{:?}", &parts[0][parts[0].len() - 8..]);
    }
}
