//! What is marked on the rows this frame — the current pair, search hits, review flags, notes,
//! words picked for the room — and how a stretch of text is highlighted.

use std::ops::Range;

use crate::core::align::inside::Inside;
use crate::core::edit::Annotations;
use crate::core::search::Hit;
use crate::core::side::Side;
use crate::state::ReviewState;

/// What is marked on the rows this frame: the current pair, the search hits, the review flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct Marks<'a> {
    pub current: Option<usize>,
    /// Sorted by row.
    pub hits: &'a [Hit],
    pub current_hit: Option<usize>,
    pub review: Option<&'a ReviewState>,
    /// Notes and bookmarks.
    pub annotations: Option<&'a Annotations>,
    /// Words highlighted for the room, with the row they were picked in.
    pub phrases: &'a [(usize, String)],
    /// Sentences and words matched inside the rows, once computed.
    pub inside: Option<&'a Inside>,
    /// What the pointer is on.
    pub pointed: Option<Point>,
    /// The sentence group shaded in presentation: its row and index among the row's groups.
    pub sentence: Option<(usize, usize)>,
}

/// A character of a turn's text under the pointer: its row, side, turn and byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub row: usize,
    pub side: Side,
    pub turn: usize,
    pub byte: usize,
}

/// How a stretch of text is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Highlight {
    Hit,
    CurrentHit,
    /// Words a review flag points at.
    Flag,
    /// Words picked out for the room.
    Phrase,
    /// The word under the pointer and its counterparts.
    Counterpart,
    /// The sentences under the pointer and their counterparts (a soft background).
    Sentence,
}

impl Marks<'_> {
    /// The highlighted stretches of one turn (character ranges), in order, not overlapping.
    pub(crate) fn highlights(&self, row: usize, side: Side, turn: usize, text: &str) -> Vec<(Range<usize>, Highlight)> {
        let start = self.hits.partition_point(|h| h.row < row);
        let mut out: Vec<(Range<usize>, Highlight)> = self.hits[start..]
            .iter()
            .enumerate()
            .take_while(|(_, h)| h.row == row)
            .filter(|(_, h)| h.side == side && h.turn == turn)
            .map(|(k, h)| {
                let current = self.current_hit == Some(start + k);
                (h.chars.clone(), if current { Highlight::CurrentHit } else { Highlight::Hit })
            })
            .collect();
        if let Some(review) = self.review {
            for (_, flag) in review.shown_in_row(row) {
                out.extend(
                    flag.spans[side].iter().filter(|s| s.turn == turn).map(|s| (s.chars.clone(), Highlight::Flag)),
                );
            }
        }
        let mut chars: Vec<char> = Vec::new();
        for (_, phrase) in self.phrases.iter().filter(|(r, _)| *r == row) {
            if let Some(query) = crate::core::search::Query::new(phrase) {
                if chars.is_empty() {
                    chars = text.chars().collect();
                }
                // A drag that stopped inside a word highlights the whole word.
                let inner = |c: char| c.is_alphanumeric() && !crate::core::text::is_cjk(c);
                out.extend(query.find(text).into_iter().map(|mut r| {
                    while r.start > 0 && inner(chars[r.start - 1]) && inner(chars[r.start]) {
                        r.start -= 1;
                    }
                    while r.end < chars.len() && inner(chars[r.end - 1]) && inner(chars[r.end]) {
                        r.end += 1;
                    }
                    (r, Highlight::Phrase)
                }));
            }
        }
        let (words, sentences) = self.pointed_in(row, side, turn, text);
        out.extend(words.into_iter().map(|r| (r, Highlight::Counterpart)));
        out.sort_by_key(|(r, h)| (r.start, *h != Highlight::CurrentHit));
        let mut end = 0;
        out.retain(|(r, _)| {
            let keep = r.start >= end;
            end = end.max(r.end);
            keep
        });
        // The pointed sentences under everything else: what no other highlight takes.
        for s in sentences {
            let mut gaps = Vec::new();
            let mut at = s.start;
            for (r, _) in out.iter().filter(|(r, _)| r.end > s.start && r.start < s.end) {
                if r.start > at {
                    gaps.push((at..r.start, Highlight::Sentence));
                }
                at = at.max(r.end);
            }
            if at < s.end {
                gaps.push((at..s.end, Highlight::Sentence));
            }
            out.extend(gaps);
        }
        out.sort_by_key(|(r, _)| r.start);
        out
    }

    /// The words and the sentences of one turn (character ranges) that answer what the pointer
    /// is on, in its row — the pointed word and its counterparts, the pointed sentence group —
    /// or the sentence group stepped to in presentation.
    fn pointed_in(&self, row: usize, side: Side, turn: usize, text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
        let Some(inside) = self.inside else { return Default::default() };
        let chars = |b: Range<usize>| -> Range<usize> {
            let start = text.get(..b.start).map_or(0, |t| t.chars().count());
            start..start + text.get(b).map_or(0, |t| t.chars().count())
        };
        let (mut words, mut group) = (Vec::new(), None);
        if let Some(p) = self.pointed.filter(|p| p.row == row) {
            let at = inside.at(row, p.side, p.turn, p.byte);
            words = at
                .words
                .iter()
                .map(|l| if side == Side::Left { &l.left } else { &l.right })
                .filter(|spot| spot.turn == turn)
                .map(|spot| chars(spot.range.clone()))
                .collect();
            group = at.group;
        }
        if let Some((_, g)) = self.sentence.filter(|(r, _)| *r == row) {
            group = inside.rows.get(row).and_then(|r| r.groups.get(g)).or(group);
        }
        let sentences = match (group, inside.rows.get(row)) {
            (Some(g), Some(r)) => {
                let (list, range) = if side == Side::Left { (&r.left, &g.left) } else { (&r.right, &g.right) };
                list[range.clone()].iter().filter(|s| s.turn == turn).map(|s| chars(s.range.clone())).collect()
            }
            _ => Vec::new(),
        };
        (words, sentences)
    }

    /// The messages of the flags shown on a row.
    pub(crate) fn flag_messages(&self, row: usize) -> Vec<String> {
        self.review.map_or_else(Vec::new, |r| {
            r.shown_in_row(row).map(|(_, f)| format!("{}: {}", f.kind.title(), f.message)).collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighted_words_are_marked_wherever_they_occur_in_their_row() {
        let phrases = [(2, "Lin Xiao".to_string())];
        let marks = Marks { phrases: &phrases, ..Marks::default() };
        let text = "Lin Xiao a parlé ; LIN XIAO répond.";
        assert_eq!(marks.highlights(2, Side::Right, 0, text), [(0..8, Highlight::Phrase), (19..27, Highlight::Phrase)]);
        assert!(marks.highlights(3, Side::Right, 0, text).is_empty(), "only in the pair it was picked in");
        let phrases = [(0, "remière no".to_string())];
        let marks = Marks { phrases: &phrases, ..Marks::default() };
        let words = marks.highlights(0, Side::Left, 0, "ma première nouvelle");
        assert_eq!(words, [(3..20, Highlight::Phrase)], "a drag that stopped inside words takes them whole");
    }
}
