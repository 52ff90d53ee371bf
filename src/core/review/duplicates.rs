//! Passages given twice in one document (a pasted second copy, a repeated answer): each run of
//! turns that repeats earlier ones is one flag, at its first row.

use std::collections::HashMap;

use super::{Flag, FlagKind, flag_at};
use crate::core::document::Pair;
use crate::core::side::{Side, Sides};

/// Turns shorter than this (letters and digits) repeat by chance: "Yes.", "Thank you."
const MIN_LEN: usize = 40;

/// A passage's identity (see [`super::PassageKey`]) and how many letters it has, a Chinese
/// character counting as three.
fn key(text: &str) -> (u64, usize) {
    let k = super::PassageKey::of(text);
    (k.hash, k.latin + 3 * k.cjk)
}

/// A turn repeated alone is flagged when it is a paragraph, not a sentence.
const MIN_PARAGRAPH: usize = 120;

/// A shorter passage said again is evidence enough that a repetition is the author's.
const MIN_ECHO: usize = 12;

/// For each turn (its key), the earlier turn it repeats (turns of `min` letters or more).
fn repeats(keys: &[(u64, usize)], min: usize) -> Vec<Option<usize>> {
    let mut first: HashMap<u64, usize, crate::core::hash::FnvBuild> = HashMap::default();
    keys.iter()
        .enumerate()
        .map(|(t, &(k, kept))| {
            if kept < min {
                return None;
            }
            let seen = *first.entry(k).or_insert(t);
            (seen != t).then_some(seen)
        })
        .collect()
}

pub(super) fn check(pair: &Pair) -> Vec<Flag> {
    let mut out = Vec::new();
    let keys = Sides::from_fn(|side| pair.doc(side).turns.turns.iter().map(|t| key(&t.text)).collect::<Vec<_>>());
    let reps = Sides::from_fn(|side| repeats(&keys[side], MIN_LEN));
    let echoes = Sides::from_fn(|side| repeats(&keys[side], MIN_ECHO));
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
            // A passage said again on both sides (a motto, a refrain, a law read twice) is the
            // author's; a pasted copy is on one side only.
            let last_row = pair.alignment.link_of(side, end - 1).unwrap_or(row);
            let mut other =
                (row..=last_row).flat_map(|r| pair.alignment.links[r].turns(side.other()).clone()).peekable();
            let refrain = other.peek().is_some() && other.all(|o| echoes[side.other()][o].is_some());
            // One sentence said twice is how people write (a conclusion recalled, a formula);
            // one paragraph said twice is a copy.
            let short = end - t == 1 && keys[side][t].1 < MIN_PARAGRAPH;
            if refrain || short {
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
        // Two paragraphs said again on both sides: the author's too.
        let de2 = [motto_de, de[1], "Dazwischen.", motto_de, de[1]];
        let fr2 = [motto_fr, fr[1], "Entre-temps.", motto_fr, fr[1]];
        assert_eq!(duplicates(&de2, &fr2), Vec::<String>::new());
        // A sentence said again on one side only is how people write; a paragraph, a copy.
        let fr_once = [motto_fr, fr[1], fr[2], "Et voilà."];
        assert_eq!(duplicates(&de, &fr_once), Vec::<String>::new());
        let long_de = "Wir stiegen früh auf, querten den Gletscher im ersten Licht und erreichten den Grat, als die Sonne die Gipfel ringsum in Rot tauchte; niemand sprach ein Wort.";
        let long_fr = "Nous sommes partis tôt, avons traversé le glacier aux premières lueurs et atteint l'arête quand le soleil teintait de rouge les sommets alentour ; personne ne disait mot.";
        let copied = duplicates(&[long_de, "Oben.", "Unten."], &[long_fr, "En haut.", long_fr]);
        assert_eq!(copied.len(), 1, "{copied:?}");
    }
}
