//! Consistency, as translation QA tools check it: one source passage translated two different
//! ways in the pair, and one translation given for two different sources. Passages are the turns
//! of one-to-one rows, compared with case, spaces and punctuation aside; short ones (`Yes.`,
//! `Thank you.`) vary by context and are left out.

use std::collections::HashMap;

use super::{Flag, FlagKind, flag_at};
use crate::core::document::Pair;
use crate::core::hash::FnvBuild;
use crate::core::side::{Side, Sides};

/// A passage needs this many letters and digits (Latin script), or this many CJK characters,
/// to be compared: shorter ones repeat by chance and are translated by context.
const MIN_LATIN: usize = 24;
const MIN_CJK: usize = 8;

/// A passage's identity, case, spaces and punctuation aside, or `None` when it is too short.
fn key(text: &str) -> Option<u64> {
    let k = super::PassageKey::of(text);
    (k.latin >= MIN_LATIN || k.cjk >= MIN_CJK).then_some(k.hash)
}

/// Rows whose one side repeats a passage the other side renders otherwise: for each group of
/// such rows, one flag per row, naming the other rows.
pub(super) fn check(pair: &Pair) -> Vec<Flag> {
    // Each one-to-one row's two keys.
    let rows: Vec<(usize, Sides<u64>)> = pair
        .alignment
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.left.len() == 1 && l.right.len() == 1)
        .filter_map(|(row, l)| {
            let text = |side: Side| &pair.doc(side).turns.turns[l.turns(side).start].text;
            Some((row, Sides::new(key(text(Side::Left))?, key(text(Side::Right))?)))
        })
        .collect();
    let mut flags = Vec::new();
    for side in Side::BOTH {
        let mut groups: HashMap<u64, Vec<(usize, u64)>, FnvBuild> = HashMap::default();
        for (row, keys) in &rows {
            groups.entry(keys[side]).or_default().push((*row, keys[side.other()]));
        }
        for group in groups.values().filter(|g| g.iter().any(|&(_, other)| other != g[0].1)) {
            let mut count: HashMap<u64, usize, FnvBuild> = HashMap::default();
            for &(_, o) in group {
                *count.entry(o).or_default() += 1;
            }
            let renderings = count.len();
            // The rendering most rows give, when one does: those rows are consistent, the others
            // are the ones to look at (a formula said the same way forty times and otherwise
            // once is flagged once).
            let most = count.values().copied().max().unwrap_or(0);
            let usual = count.iter().filter(|&(_, &n)| n == most).map(|(&o, _)| o).collect::<Vec<_>>();
            let usual = (usual.len() == 1 && most > 1).then(|| usual[0]);
            for &(row, _) in group.iter().filter(|&&(_, o)| usual != Some(o)) {
                let mut others: Vec<String> =
                    group.iter().filter(|&&(r, _)| r != row).map(|&(r, _)| (r + 1).to_string()).take(12).collect();
                if group.len() - 1 > others.len() {
                    others.push(format!("and {} more", group.len() - 1 - others.len()));
                }
                let message = match side {
                    Side::Left => format!(
                        "the same text on the left is translated {} ways (rows {})",
                        renderings,
                        others.join(", ")
                    ),
                    Side::Right => format!(
                        "the same translation on the right stands for {} different texts (rows {})",
                        renderings,
                        others.join(", ")
                    ),
                };
                flags.push(flag_at(pair, FlagKind::Consistency, row, Sides::default(), message));
            }
        }
    }
    flags.sort_by_key(|f| f.row);
    flags.dedup_by_key(|f| f.row);
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Document;

    fn pair(left: &str, right: &str) -> Pair {
        Pair::new(Document::from_text("l", left, "UTF-8", 0), Document::from_text("r", right, "UTF-8", 0))
    }

    #[test]
    fn one_text_translated_two_ways_is_flagged_at_both_rows() {
        // A parliamentary record: the same motion read twice, rendered differently the second time.
        let left = "The question is on the motion as amended.\n\nSome other business today.\n\nThe question is on the motion as amended.\n";
        let right = "La question porte sur la motion modifiée.\n\nD'autres affaires aujourd'hui.\n\nLe vote porte sur la motion telle que modifiée.\n";
        let p = pair(left, right);
        let flags = check(&p);
        assert_eq!(flags.iter().map(|f| f.row).collect::<Vec<_>>(), [0, 2], "{flags:?}");
        assert!(flags[0].message.contains("translated 2 ways"), "{}", flags[0].message);
        // Said the same way twice: nothing.
        let right_same = "La question porte sur la motion modifiée.\n\nD'autres affaires aujourd'hui.\n\nLa question porte sur la motion modifiée !\n";
        assert!(check(&pair(left, right_same)).is_empty());
    }

    #[test]
    fn a_formula_rendered_otherwise_once_is_flagged_there_only() {
        // The chair's formula, the same four times in French and once otherwise.
        let en = "The question is on the motion as amended.\n\n";
        let usual = "La question porte sur la motion modifiée.\n\n";
        let odd = "Le vote porte sur la motion telle que modifiée.\n\n";
        let left = format!("{en}A.\n\n{en}B.\n\n{en}C.\n\n{en}D.\n\n{en}");
        let right = format!("{usual}A.\n\n{usual}B.\n\n{odd}C.\n\n{usual}D.\n\n{usual}");
        let flags = check(&pair(&left, &right));
        assert_eq!(flags.iter().map(|f| f.row).collect::<Vec<_>>(), [4], "{flags:?}");
        assert_eq!(flags[0].message, "the same text on the left is translated 2 ways (rows 1, 3, 7, 9)");
    }

    #[test]
    fn short_replies_vary_by_context_and_are_left_alone() {
        let p = pair("Yes.\n\nNo.\n\nYes.\n", "Oui.\n\nNon.\n\nSi.\n");
        assert!(check(&p).is_empty());
    }

    #[test]
    fn one_translation_for_two_texts() {
        let left = "我们明天上午九点钟开会讨论预算。\n\n别的事。\n\n我们明天上午九点开会讨论明年的预算。\n";
        let right = "We meet tomorrow at nine to discuss the budget.\n\nSomething else.\n\nWe meet tomorrow at nine to discuss the budget.\n";
        let flags = check(&pair(left, right));
        assert_eq!(flags.len(), 2, "{flags:?}");
        assert!(flags[0].message.contains("stands for 2 different texts"), "{}", flags[0].message);
    }
}
