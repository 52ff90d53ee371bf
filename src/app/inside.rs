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
                let turn = pair.doc(side).turns.turns.get(spot.turn);
                out[side].push(turn.and_then(|t| t.text.get(spot.range.clone())).unwrap_or("").to_string());
            }
        }
        out
    }

    /// The counterparts of the linked words inside `text`, words selected in row `row`: where
    /// `text` is found in one of the row's turns, the other side's words linked to words in it.
    pub(super) fn counterparts_of(&self, row: usize, text: &str) -> Vec<String> {
        let (Some(inside), Some(pair)) = (self.state.inside.as_ref(), self.state.pair()) else { return Vec::new() };
        let (Some(link), Some(links)) = (pair.alignment.links.get(row), inside.words.get(row)) else {
            return Vec::new();
        };
        let mut out: Vec<String> = Vec::new();
        for side in Side::BOTH {
            let turns = &pair.doc(side).turns.turns;
            for t in link.turns(side).clone() {
                let Some(chosen) = find_spaced(&turns[t].text, text) else { continue };
                for l in links {
                    let (mine, theirs) = if side == Side::Left { (&l.left, &l.right) } else { (&l.right, &l.left) };
                    if mine.turn == t && mine.range.start >= chosen.start && mine.range.end <= chosen.end {
                        let other = pair.doc(side.other()).turns.turns.get(theirs.turn);
                        let word = other.and_then(|t| t.text.get(theirs.range.clone())).unwrap_or("").to_string();
                        if !word.is_empty() && !out.contains(&word) {
                            out.push(word);
                        }
                    }
                }
            }
        }
        out
    }

    /// Shades the current pair's next or previous sentence group; past the first or last, the
    /// pair before or after becomes current with its first or last group.
    pub(super) fn sentence_step(&mut self, forward: bool) {
        let Some(inside) = self.state.inside.clone() else {
            self.state.project.last = Some("The sentences are still being matched".into());
            return;
        };
        let current = self.state.nav.current;
        let groups = |row: usize| inside.rows.get(row).map_or(0, |r| r.groups.len());
        let next = match self.state.nav.sentence.filter(|(row, _)| *row == current) {
            Some((row, g)) if forward && g + 1 < groups(row) => Some((row, g + 1)),
            Some((row, g)) if !forward && g > 0 => Some((row, g - 1)),
            Some(_) => {
                let rows = inside.rows.len();
                let row = if forward { current + 1 } else { current.wrapping_sub(1) };
                (row < rows).then(|| (row, if forward { 0 } else { groups(row).saturating_sub(1) }))
            }
            None if groups(current) > 0 => Some((current, if forward { 0 } else { groups(current) - 1 })),
            None => None,
        };
        let Some((row, group)) = next else { return };
        if row != current {
            self.go(row);
        }
        self.state.nav.sentence = Some((row, group));
    }
}

/// Where `needle` is in `hay` (bytes of `hay`), any kind of white space matching any other: the
/// words selected on screen have no-break spaces where the text has spaces (and the reverse).
fn find_spaced(hay: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    let fold = |c: char| if crate::core::text::is_space(c) { ' ' } else { c };
    let want: Vec<char> = needle.chars().map(fold).collect();
    let have: Vec<(usize, char)> = hay.char_indices().map(|(b, c)| (b, fold(c))).collect();
    if want.is_empty() || want.len() > have.len() {
        return None;
    }
    let start = (0..=have.len() - want.len())
        .find(|&k| have[k..k + want.len()].iter().map(|x| x.1).eq(want.iter().copied()))?;
    let end = have.get(start + want.len()).map_or(hay.len(), |x| x.0);
    Some(have[start].0..end)
}

#[cfg(test)]
mod tests {
    #[test]
    fn selected_words_are_found_whatever_their_spaces() {
        let hay = "Quand ? Puis\u{a0}: non";
        assert_eq!(super::find_spaced(hay, "Quand\u{a0}?"), Some(0..7));
        assert_eq!(super::find_spaced(hay, "Puis :").map(|r| &hay[r]), Some("Puis\u{a0}:"));
        assert_eq!(super::find_spaced(hay, "absent"), None);
    }
}
