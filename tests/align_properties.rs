//! Properties of every alignment: monotone, complete, only the allowed link shapes; and the
//! banded coarse-to-fine path agrees with the full table on what it recovers.

use proptest::prelude::*;
use tandem::core::align::{self, Alignment, Origin};
use tandem::core::synth::{self, Fate};
use tandem::core::turns::{self, Turn, TurnKind, Turns};

fn turns_from(spec: &[(u8, u16)]) -> Turns {
    let speakers = (0..3).map(|i| turns::Speaker { name: format!("S{i}"), canonical: format!("s{i}") }).collect();
    let turns = spec
        .iter()
        .enumerate()
        .map(|(k, &(kind, len))| Turn {
            kind: match kind % 3 {
                0 => TurnKind::Speech,
                1 => TurnKind::Narration,
                _ => TurnKind::Heading,
            },
            speaker: (kind % 3 == 0).then_some(kind as usize % 2),
            label: None,
            first_line: k + 1,
            last_line: k + 1,
            text: "x".repeat(len as usize + 1),
        })
        .collect();
    Turns { speakers, turns, ..Turns::default() }
}

fn check_invariants(a: &Alignment, n: usize, m: usize) {
    let (mut i, mut j) = (0, 0);
    for link in &a.links {
        assert_eq!((link.left.start, link.right.start), (i, j), "links are contiguous and in order");
        let shape = (link.left.len(), link.right.len());
        assert!(align::MOVES.contains(&shape), "allowed link shape, not {shape:?}");
        assert!((0.0..=1.0).contains(&link.score));
        (i, j) = (link.left.end, link.right.end);
    }
    assert_eq!((i, j), (n, m), "every turn of each side is in exactly one link");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_turn_is_in_exactly_one_link_in_order(
        left in prop::collection::vec((0u8..6, 0u16..400), 0..60),
        right in prop::collection::vec((0u8..6, 0u16..400), 0..60),
    ) {
        let (l, r) = (turns_from(&left), turns_from(&right));
        check_invariants(&align::align(&l, &r), left.len(), right.len());
    }

    #[test]
    fn the_banded_path_keeps_the_invariants(
        left in prop::collection::vec((0u8..6, 0u16..400), 10..120),
        right in prop::collection::vec((0u8..6, 0u16..400), 10..120),
    ) {
        let (l, r) = (turns_from(&left), turns_from(&right));
        check_invariants(&align::align_with_limit(&l, &r, 64), left.len(), right.len());
    }

    #[test]
    fn generated_translations_are_recovered(seed in 0u64..1000) {
        let pair = synth::interview_pair(120, seed);
        let (l, r) = (turns::split(&pair.left), turns::split(&pair.right));
        for limit in [usize::MAX, 200] {
            let a = align::align_with_limit(&l, &r, limit);
            check_invariants(&a, l.turns.len(), r.turns.len());
            let right_of = |i: usize| a.links[a.link_of(tandem::core::side::Side::Left, i).unwrap()].right.len();
            let right_len = |f: &Fate| match f { Fate::Kept => 1, Fate::Dropped => 0, Fate::Split => 2 };
            let correct = pair.fates.iter().enumerate().filter(|&(i, f)| right_of(i) == right_len(f)).count();
            prop_assert!(correct * 100 >= pair.fates.len() * 95, "limit {}: {} of {} right", limit, correct, pair.fates.len());
        }
    }

    #[test]
    fn realigning_a_range_keeps_the_user_links_and_the_rest(
        left in prop::collection::vec((0u8..6, 0u16..400), 1..60),
        right in prop::collection::vec((0u8..6, 0u16..400), 1..60),
        fixed in prop::collection::vec(any::<bool>(), 0..120),
        range in (0usize..120, 0usize..120),
    ) {
        let (l, r) = (turns_from(&left), turns_from(&right));
        let mut a = align::align(&l, &r);
        // Re-aligning every row of a fresh alignment finds it again.
        prop_assert_eq!(&align::realign_rows(&l, &r, &a, 0..a.links.len()), &a.links);
        for (link, user) in a.links.iter_mut().zip(&fixed) {
            if *user {
                link.origin = Origin::User;
            }
        }
        let rows = range.0.min(range.1).min(a.links.len())..range.0.max(range.1).min(a.links.len());
        let replaced = align::realign_rows(&l, &r, &a, rows.clone());
        let mut b = a.clone();
        b.links.splice(rows.clone(), replaced);
        check_invariants(&b, left.len(), right.len());
        for link in a.links.iter().filter(|k| k.origin == Origin::User) {
            prop_assert!(b.links.contains(link), "the user's link {:?} stays", link);
        }
        prop_assert_eq!(&b.links[..rows.start], &a.links[..rows.start]);
        let tail = a.links.len() - rows.end;
        prop_assert_eq!(&b.links[b.links.len() - tail..], &a.links[rows.end..]);
    }
}
