//! Numbers one side writes in other groups of digits (`031/433611`, `031/43 36 11`), or a few
//! rows away from where the other does: the same figures, matched rather than flagged.

use super::{Quantity, RowNumbers, same};
use crate::core::document::Pair;
use crate::core::side::{Side, Sides};

/// Unmatched numbers a side writes in other groups of digits than the other: a telephone
/// number whole on one side and in pairs on the other (`031/433611`, `031/43 36 11`), or a
/// duration or a time with its parts named on one side only (`1 h 30`, `1 Std. 30 Min.`). Both
/// sides' are matched and dropped when one's digit groups, in order, are the other's.
pub(super) fn drop_digit_groups(odd: &mut Sides<Vec<&(usize, Quantity)>>) {
    // Each side's unmatched numbers are few; a turn of megabytes is left as it is.
    if odd.left.is_empty() || odd.right.is_empty() || odd.left.len() + odd.right.len() > 64 {
        return;
    }
    let groups = |q: &Quantity| -> Vec<String> {
        q.text.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).map(str::to_string).collect()
    };
    let plain = |q: &Quantity| !q.text.is_empty() && q.text.chars().all(|c| c.is_ascii_digit());
    for side in Side::BOTH {
        let other = side.other();
        let mut k = 0;
        while k < odd[side].len() {
            let q = &odd[side][k].1;
            let mine = groups(q);
            let digits: String = mine.concat();
            // A run of the other side's plain numbers in one turn, close together.
            let found = (0..odd[other].len()).find_map(|start| {
                let mut joined = String::new();
                let (mut parts, mut widest) = (0, 0);
                for (n, (t, o)) in odd[other][start..].iter().enumerate() {
                    if n > 0 {
                        widest = widest.max(o.chars.start.saturating_sub(odd[other][start + n - 1].1.chars.end));
                    }
                    if *t != odd[other][start].0 || !plain(o) || widest > MAX_GAP {
                        return None;
                    }
                    joined.push_str(&o.text);
                    parts += 1;
                    // Groups of a whole number stand a space apart.
                    let whole = parts >= 2 && mine.len() == 1 && widest <= 1 && joined == digits;
                    let by_part = mine.len() >= 2 && parts == mine.len() && joined == digits && {
                        odd[other][start..=start + n].iter().zip(&mine).all(|((_, o), g)| o.text == *g)
                    };
                    if whole || by_part {
                        return Some(start..start + n + 1);
                    }
                    if joined.len() >= digits.len() {
                        return None;
                    }
                }
                None
            });
            match found {
                Some(run) => {
                    odd[other].drain(run);
                    odd[side].remove(k);
                }
                None => k += 1,
            }
        }
    }
}

/// A clock time one side writes as one (`九点半`, `9:30`) and the other as its hour and its
/// minutes said one after the other (`nine thirty`, `neuf heures trente`): both dropped.
pub(super) fn drop_spoken_clocks(odd: &mut Sides<Vec<&(usize, Quantity)>>) {
    if odd.left.len() + odd.right.len() > 64 {
        return;
    }
    for side in Side::BOTH {
        let other = side.other();
        let mut k = 0;
        while k < odd[side].len() {
            let q = &odd[side][k].1;
            let (hours, minutes) = (q.lo.trunc(), ((q.lo.fract()) * 60.0).round());
            let spoken = q.clock && q.lo == q.hi && minutes > 0.0;
            let found = spoken
                .then(|| {
                    odd[other].windows(2).position(|w| {
                        let ((ta, a), (tb, b)) = (w[0], w[1]);
                        ta == tb
                            && (a.lo == hours || a.lo == hours + 12.0 || a.lo + 12.0 == hours)
                            && b.lo == minutes
                            && b.chars.start.saturating_sub(a.chars.end) <= MAX_GAP
                    })
                })
                .flatten();
            match found {
                Some(at) => {
                    odd[other].drain(at..at + 2);
                    odd[side].remove(k);
                }
                None => k += 1,
            }
        }
    }
}

/// How many characters may stand between two groups of digits of one number (`1 Std. 30`).
const MAX_GAP: usize = 8;

/// How many rows apart a number and its counterpart may stand when the passage holding them
/// was moved (a caption, a sentence the translator put later).
const MOVED: usize = 6;
/// How many checks of whether two turns answer each other one pair may ask for.
const MOVED_LOOKS: usize = 500;

/// A number unmatched in a row and the same value unmatched on the other side a few rows on,
/// in turns whose words answer each other beyond the number (a yearbook's caption `Dach der
/// Route « Fusion » ( 10- )` that each language's layout placed elsewhere): the passage was
/// moved, the figure is right; both are dropped.
pub(super) fn moved_a_few_rows(pair: &Pair, rows: &mut [RowNumbers]) {
    use crate::core::align::counterparts::{self, Lexicon};
    let texts = [&pair.docs.left.turns, &pair.docs.right.turns];
    let mut words: Option<(crate::core::lexicon::Dictionaries, Lexicon)> = None;
    let mut looks = 0;
    for k in 0..rows.len() {
        for side in Side::BOTH {
            let other = side.other();
            let mut i = 0;
            while i < rows[k].odd[side].len() {
                let (turn, q) = rows[k].odd[side][i].clone();
                let mut found = None;
                for n in k + 1..rows.len() {
                    if rows[n].row > rows[k].row + MOVED || looks >= MOVED_LOOKS {
                        break;
                    }
                    let equal =
                        |(_, o): &(usize, Quantity)| same(o.lo, q.lo) && same(o.hi, q.hi) && o.percent == q.percent;
                    let Some(at) = rows[n].odd[other].iter().position(equal) else { continue };
                    looks += 1;
                    let (dictionaries, lexicon) = words.get_or_insert_with(|| {
                        (counterparts::dictionaries(texts[0], texts[1]), Lexicon::of(&pair.alignment.learned))
                    });
                    let theirs = rows[n].odd[other][at].0;
                    let turns = match side {
                        Side::Left => [turn..turn + 1, theirs..theirs + 1],
                        Side::Right => [theirs..theirs + 1, turn..turn + 1],
                    };
                    // The number itself is one link; the passage needs two more.
                    if counterparts::answering(texts, turns, *dictionaries, lexicon).0 >= 3 {
                        found = Some((n, at));
                        break;
                    }
                }
                match found {
                    Some((n, at)) => {
                        rows[n].odd[other].remove(at);
                        rows[k].odd[side].remove(i);
                    }
                    None => i += 1,
                }
            }
        }
    }
}
