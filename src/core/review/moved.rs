//! A passage one side gives a few rows away from where the other gives it — a sentence the translator moved — is not missing and added: its two flags are dropped.

use std::ops::Range;

use super::{Flag, FlagKind};
use crate::core::align::counterparts::{self, Lexicon};
use crate::core::document::Pair;
use crate::core::lexicon::Dictionaries;
use crate::core::side::Side;
use crate::core::turns::Turns;

/// How many rows apart a passage and its moved translation may stand.
const NEAR: usize = 6;

/// Drops each `missing` flag and `added` flag, at most [`NEAR`] rows apart, whose passages
/// answer each other word for word (see [`moved`]).
pub(super) fn drop_moved(pair: &Pair, flags: &mut Vec<Flag>) {
    let at = |kind: FlagKind| -> Vec<usize> {
        flags.iter().enumerate().filter(|(_, f)| f.kind == kind).map(|(k, _)| k).collect()
    };
    let (missing, mut added) = (at(FlagKind::Missing), at(FlagKind::Added));
    if missing.is_empty() || added.is_empty() {
        return;
    }
    let lexicon = Lexicon::of(&pair.alignment.learned);
    let texts = [&pair.docs.left.turns, &pair.docs.right.turns];
    let dictionaries = counterparts::dictionaries(texts[0], texts[1]);
    // By row, so that each missing passage meets only the added ones near it (an unrelated pair
    // has thousands of each).
    added.sort_by_key(|&a| flags[a].row);
    let mut gone = vec![false; flags.len()];
    for &m in &missing {
        let row = flags[m].row;
        let from = added.partition_point(|&a| flags[a].row + NEAR < row);
        for &a in added[from..].iter().take_while(|&&a| flags[a].row <= row + NEAR) {
            if gone[a] {
                continue;
            }
            let turns = [run(pair, flags[m].row, Side::Left), run(pair, flags[a].row, Side::Right)];
            if moved(texts, turns, dictionaries, &lexicon) {
                (gone[m], gone[a]) = (true, true);
                break;
            }
        }
    }
    let mut k = 0;
    flags.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
}

/// The turns of `side` in the run of one-sided rows that starts at `row`.
fn run(pair: &Pair, row: usize, side: Side) -> Range<usize> {
    let links = &pair.alignment.links;
    let mine: Vec<&Range<usize>> = links[row..]
        .iter()
        .take_while(|l| !l.is_paired())
        .filter(|l| l.only_side() == Some(side))
        .map(|l| l.turns(side))
        .collect();
    match (mine.first(), mine.last()) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    }
}

/// Whether two passages translate each other: a third of the shorter one's words linked to
/// the other's (numbers, names, a dictionary's senses, the pair's learned lexicon), and at
/// least two links — two passages that merely share a name or a number do not.
fn moved(texts: [&Turns; 2], [l, r]: [Range<usize>; 2], dictionaries: Dictionaries, lexicon: &Lexicon) -> bool {
    if l.is_empty() || r.is_empty() {
        return false;
    }
    let (links, [nl, nr]) = counterparts::answering(texts, [l, r], dictionaries, lexicon);
    links >= 2 && 3 * links >= nl.min(nr)
}

#[cfg(test)]
mod tests {
    use crate::core::document::{Document, Pair};
    use crate::core::review::{FlagKind, check};

    fn one_sided(left: &str, right: &str) -> Vec<(FlagKind, usize)> {
        let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
        let pair = Pair::new(doc("en.txt", left), doc("fr.txt", right));
        check(&pair)
            .into_iter()
            .filter(|f| matches!(f.kind, FlagKind::Missing | FlagKind::Added))
            .map(|f| (f.kind, f.row))
            .collect()
    }

    const EN: [&str; 8] = [
        "The climb began before dawn on a cold morning in the valley.",
        "We reached the ridge at noon, tired but happy to see the summit.",
        "The old guide had never seen so much snow on the glacier in June.",
        "My brother carried the rope and the heavy bag of food for the whole day.",
        "We went down by the western couloir before the storm arrived.",
        "The hut keeper gave us soup and bread and a warm room for the night.",
        "In the morning the sky was clear again and the mountain was white.",
        "We walked back to the village along the river, singing.",
    ];
    const FR: [&str; 8] = [
        "L'ascension a commencé avant l'aube, par un matin froid dans la vallée.",
        "Nous avons atteint l'arête à midi, fatigués mais heureux de voir le sommet.",
        "Le vieux guide n'avait jamais vu autant de neige sur le glacier en juin.",
        "Mon frère portait la corde et le lourd sac de nourriture pour toute la journée.",
        "Nous sommes descendus par le couloir ouest avant l'arrivée de l'orage.",
        "Le gardien du refuge nous a donné de la soupe, du pain et une chambre chaude pour la nuit.",
        "Le matin, le ciel était de nouveau clair et la montagne était blanche.",
        "Nous sommes rentrés au village le long de la rivière, en chantant.",
    ];

    #[test]
    fn a_sentence_moved_a_few_rows_is_neither_missing_nor_added() {
        let left = EN.join("\n\n");
        // The translator gives the brother's sentence after the descent.
        let order = [0, 1, 2, 4, 5, 3, 6, 7];
        let right = order.map(|k| FR[k]).join("\n\n");
        assert_eq!(one_sided(&left, &right), []);
    }

    #[test]
    fn a_sentence_left_out_and_another_added_nearby_are_still_flagged() {
        let left = EN.join("\n\n");
        let mut right: Vec<&str> = FR.to_vec();
        right.remove(3);
        right.insert(5, "Personne ne savait que la radio était cassée depuis trois semaines déjà.");
        let flags = one_sided(&left, &right.join("\n\n"));
        assert!(flags.iter().any(|f| f.0 == FlagKind::Missing), "{flags:?}");
        assert!(flags.iter().any(|f| f.0 == FlagKind::Added), "{flags:?}");
    }
}
