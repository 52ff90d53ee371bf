//! Passages given twice in one document (a pasted second copy, a repeated answer): each run of
//! turns that repeats earlier ones is one flag, at its first row.

use std::collections::HashMap;

use super::{Flag, FlagKind, flag_at};
use crate::core::document::Pair;
use crate::core::hash::Fnv;
use crate::core::side::{Side, Sides};

/// Turns shorter than this (letters and digits) repeat by chance: "Yes.", "Thank you."
const MIN_LEN: usize = 40;

/// A passage's identity: its bytes, ASCII letters in lower case, ASCII spaces and punctuation
/// left out (no decoding, no allocation: this runs over every turn).
fn key(text: &str) -> Option<u64> {
    let mut h = Fnv::default();
    let mut kept = 0usize;
    for &b in text.as_bytes() {
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                continue;
            }
            h.write(&[b.to_ascii_lowercase()]);
            kept += 1;
        } else {
            h.write(&[b]);
            // Count characters by their first byte.
            kept += usize::from(b >= 0xC0);
        }
    }
    (kept >= MIN_LEN).then_some(h.0)
}

/// For each turn of a side, the earlier turn it repeats.
fn repeats(pair: &Pair, side: Side) -> Vec<Option<usize>> {
    let mut first: HashMap<u64, usize, crate::core::hash::FnvBuild> = HashMap::default();
    pair.doc(side)
        .turns
        .turns
        .iter()
        .enumerate()
        .map(|(t, turn)| {
            let k = key(&turn.text)?;
            let seen = *first.entry(k).or_insert(t);
            (seen != t).then_some(seen)
        })
        .collect()
}

pub(super) fn check(pair: &Pair) -> Vec<Flag> {
    let mut out = Vec::new();
    let reps = Sides::from_fn(|side| repeats(pair, side));
    for side in Side::BOTH {
        let rep = &reps[side];
        let turns = &pair.doc(side).turns.turns;
        let mut t = 0;
        while t < rep.len() {
            let Some(original) = rep[t] else {
                t += 1;
                continue;
            };
            let end = (t..rep.len()).find(|&k| rep[k].is_none()).unwrap_or(rep.len());
            let Some(row) = pair.alignment.link_of(side, t) else {
                t = end;
                continue;
            };
            // One sentence said again on both sides (a motto, a refrain) is the author's; a
            // pasted copy is a run of turns, or on one side only.
            let refrain = end - t == 1
                && pair.alignment.links[row].turns(side.other()).clone().any(|o| reps[side.other()][o].is_some());
            if refrain {
                t = end;
                continue;
            }
            let (first, last) = (turns[t].first_line, turns[end - 1].last_line);
            let what = if end - t == 1 {
                format!("Turn #{} repeats turn #{} (line {})", t + 1, original + 1, turns[original].first_line)
            } else {
                format!(
                    "Turns #{}–#{} (lines {first}–{last}) repeat the text from turn #{} (line {})",
                    t + 1,
                    end,
                    original + 1,
                    turns[original].first_line
                )
            };
            let mut flag =
                flag_at(pair, FlagKind::Duplicate, row, Sides::default(), format!("{what} on the {}", side.name()));
            flag.lines[side] = Some((first, last));
            out.push(flag);
            t = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::core::document::{Document, Pair};
    use crate::core::review::{FlagKind, check};

    fn duplicates(left: &[&str], right: &[&str]) -> Vec<String> {
        let doc = |name: &str, lines: &[&str]| Document::from_text(name, &lines.join("\n\n"), "UTF-8", 0);
        let pair = Pair::new(doc("de.txt", left), doc("fr.txt", right));
        check(&pair).into_iter().filter(|f| f.kind == FlagKind::Duplicate).map(|f| f.message).collect()
    }

    #[test]
    fn a_refrain_on_both_sides_is_the_authors_and_a_pasted_copy_is_flagged() {
        let motto_de = "Geduld ist die halbe Miete jeder langen Klettertour!";
        let motto_fr = "La patience est la moitié de toute longue escalade !";
        let de = [
            motto_de,
            "Wir stiegen früh auf und kamen spät zurück, müde und zufrieden.",
            "Am Ende sage ich es noch einmal:",
            motto_de,
        ];
        let fr = [
            motto_fr,
            "Nous sommes partis tôt et rentrés tard, fatigués et contents.",
            "À la fin, je le redis :",
            motto_fr,
        ];
        assert_eq!(duplicates(&de, &fr), Vec::<String>::new());
        // Said again on one side only: a copy to look at.
        let fr_once = [motto_fr, fr[1], fr[2], "Et voilà."];
        assert_eq!(duplicates(&de, &fr_once).len(), 1, "{:?}", duplicates(&de, &fr_once));
    }
}
