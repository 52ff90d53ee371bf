//! Each edit and its undo, on a small interview; and properties of any sequence of edits.

use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::core::document::{Document, Pair};
use crate::core::session::{self, Session};

fn pair() -> Pair {
    let zh = "标题\n\n主持人：你好。\n\n林晓：你好啊，很高兴见到你。\n\n主持人：我们开始吧？\n\n林晓：好的，请问。\n\n主持人：再见。\n\n林晓：再见啦。";
    let fr = "Titre\n\nAnimateur : Bonjour.\n\nLin Xiao : Bonjour, ravie de vous voir.\n\nAnimateur : On commence ?\n\nLin Xiao : D'accord, je vous écoute.\n\nAnimateur : Au revoir.\n\nLin Xiao : Au revoir, merci.";
    Pair::new(Document::from_text("zh", zh, "UTF-8", 0), Document::from_text("fr", fr, "UTF-8", 0))
}

fn check_cover(a: &Alignment, n: usize, m: usize) {
    let (mut i, mut j) = (0, 0);
    for l in &a.links {
        assert_eq!((l.left.start, l.right.start), (i, j), "in order, contiguous: {:?}", a.links);
        assert!(!l.left.is_empty() || !l.right.is_empty(), "no empty row");
        (i, j) = (l.left.end, l.right.end);
    }
    assert_eq!((i, j), (n, m), "every turn once");
}

fn run(p: &Pair, edit: Edit) -> (Alignment, Annotations, Change) {
    let mut a = (*p.alignment).clone();
    let mut notes = Annotations::default();
    let change = apply(&p.docs, &mut a, &mut notes, edit).expect("applies");
    (a, notes, change)
}

fn shapes(a: &Alignment) -> Vec<(usize, usize)> {
    a.links.iter().map(|l| (l.left.len(), l.right.len())).collect()
}

#[test]
fn the_sample_aligns_one_to_one() {
    let p = pair();
    assert_eq!(shapes(&p.alignment), vec![(1, 1); 7]);
}

#[test]
fn unlink_then_merge_back() {
    let p = pair();
    let (a, _, change) = run(&p, Edit::Unlink { row: 2 });
    check_cover(&a, 7, 7);
    assert_eq!(&shapes(&a)[2..4], [(1, 0), (0, 1)], "the pair came apart and stays apart");
    assert!(a.links[2].origin == Origin::User && a.links[3].origin == Origin::User);
    assert_eq!(change.row, 2);
    let mut back = a.clone();
    let (_, merged_notes, merged) = {
        let mut notes = Annotations::default();
        let c = apply(&p.docs, &mut back, &mut notes, Edit::Merge { start: 2, end: 4 }).unwrap();
        ((), notes, c)
    };
    assert_eq!(shapes(&back), vec![(1, 1); 7]);
    assert_eq!(back.links[2].origin, Origin::User);
    assert_eq!(merged_notes, Annotations::default());
    let mut undone = back.clone();
    merged.apply(&mut p.docs.clone(), &mut undone, &mut Annotations::default(), false);
    assert_eq!(undone, a, "undo gives back the unlinked rows");
}

#[test]
fn merge_one_side_of_the_next_row() {
    let p = pair();
    let (a, _, _) = run(&p, Edit::MergeSide { row: 1, side: Side::Right, forward: true });
    check_cover(&a, 7, 7);
    assert_eq!(a.links[1].right, 1..3, "the next row's right turn joined");
    assert_eq!(a.links[1].origin, Origin::User);
    let (b, _, _) = run(&p, Edit::MergeSide { row: 2, side: Side::Left, forward: false });
    check_cover(&b, 7, 7);
    assert_eq!((b.links[1].left.clone(), b.links[2].left.clone()), (1..1, 1..3), "the previous row's left turn joined");
    assert!(matches!(
        apply(
            &p.docs,
            &mut (*p.alignment).clone(),
            &mut Annotations::default(),
            Edit::MergeSide { row: 6, side: Side::Left, forward: true }
        ),
        Err(EditError::NoRow(7))
    ));
}

#[test]
fn shift_a_turn_down_and_up() {
    let p = pair();
    let (a, _, _) = run(&p, Edit::Shift { row: 3, side: Side::Left, down: true });
    check_cover(&a, 7, 7);
    assert_eq!(a.links[3].left.len(), 0, "the left turn left row 3");
    assert_eq!(a.links[4].left, 3..5, "and joined row 4");
    let (b, _, _) = run(&p, Edit::Shift { row: 0, side: Side::Right, down: false });
    check_cover(&b, 7, 7);
    assert_eq!((b.links[0].left.len(), b.links[0].right.clone()), (0, 0..1), "a row of its own above the first");
    let (c, _, _) = run(&p, Edit::Shift { row: 6, side: Side::Left, down: true });
    check_cover(&c, 7, 7);
    assert_eq!(c.links.last().unwrap().left, 6..7, "a row of its own below the last");
}

#[test]
fn notes_and_bookmarks_follow_their_turn_and_undo() {
    let p = pair();
    let mut s = Session::new(p.clone());
    s.apply(Edit::Note { row: 4, text: Some("Vérifier".into()) }).unwrap();
    s.apply(Edit::Bookmark { row: 4, on: true }).unwrap();
    let (a, notes) = (s.pair().alignment.clone(), s.annotations().clone());
    assert_eq!(notes.note(&a, 4), Some("Vérifier"));
    assert!(notes.bookmarked(&a, 4));
    // A structural edit above moves the row; the note stays with its turn.
    s.apply(Edit::Unlink { row: 1 }).unwrap();
    assert_eq!(s.annotations().note(&s.pair().alignment, 5), Some("Vérifier"));
    assert!(s.dirty());
    s.undo();
    s.undo();
    assert!(!s.annotations().bookmarked(&s.pair().alignment, 4));
    s.undo();
    assert_eq!(*s.annotations(), Annotations::default());
    assert_eq!(s.pair().alignment, p.alignment);
    assert!(!s.dirty());
    s.redo();
    assert_eq!(s.annotations().note(&s.pair().alignment, 4), Some("Vérifier"));
}

#[test]
fn bad_edits_change_nothing() {
    let p = pair();
    let mut a = (*p.alignment).clone();
    let mut notes = Annotations::default();
    for edit in [
        Edit::Merge { start: 3, end: 4 },
        Edit::Merge { start: 5, end: 9 },
        Edit::Unlink { row: 40 },
        Edit::Note { row: 7, text: None },
    ] {
        assert!(apply(&p.docs, &mut a, &mut notes, edit).is_err());
    }
    assert_eq!(a, *p.alignment);
}

#[test]
fn anchors_rebuild_the_same_alignment() {
    let p = pair();
    let (a, _, _) = run(&p, Edit::Unlink { row: 3 });
    let anchors: Vec<Link> = a.links.iter().filter(|l| l.origin == Origin::User).cloned().collect();
    let rebuilt = crate::core::align::anchors::align_with_anchors(&p.docs.left.turns, &p.docs.right.turns, &anchors);
    assert_eq!(rebuilt.links, a.links);
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let side = prop_oneof![Just(Side::Left), Just(Side::Right)];
    prop_oneof![
        (0usize..12, 2usize..4).prop_map(|(start, n)| Edit::Merge { start, end: start + n }),
        (0usize..12, side.clone(), any::<bool>()).prop_map(|(row, side, forward)| Edit::MergeSide {
            row,
            side,
            forward
        }),
        (0usize..12).prop_map(|row| Edit::Unlink { row }),
        (0usize..12, side, any::<bool>()).prop_map(|(row, side, down)| Edit::Shift { row, side, down }),
        (0usize..12, prop::option::of("[a-z]{1,5}")).prop_map(|(row, text)| Edit::Note { row, text }),
        (0usize..12, any::<bool>()).prop_map(|(row, on)| Edit::Bookmark { row, on }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn any_edits_then_as_many_undos_give_back_the_original(edits in prop::collection::vec(edit_strategy(), 1..12)) {
        let p = pair();
        let mut s = Session::new(p.clone());
        let mut states = vec![(p.alignment.clone(), Annotations::default())];
        for edit in edits {
            if s.apply(edit).is_ok() {
                states.push((s.pair().alignment.clone(), s.annotations().clone()));
            }
            check_cover(&s.pair().alignment, 7, 7);
        }
        while s.undo().is_some() {
            states.pop();
            let (sa, sn) = states.last().unwrap();
            prop_assert_eq!(&s.pair().alignment, sa);
            prop_assert_eq!(s.annotations(), sn);
        }
        prop_assert_eq!(&s.pair().alignment, &p.alignment);
        prop_assert_eq!(s.annotations(), &Annotations::default());
        prop_assert!(!s.dirty());
    }
}

#[test]
fn a_document_split_again_keeps_the_users_links_and_undoes() {
    let zh = "主持人：你好。\n\n林晓：第一段。\n\n第二段，很长的一段话。\n\n主持人：再见。\n\n林晓：好。\n\n注：本文经审阅。\n\n注：以上为节选。";
    let fr = "Animateur : Bonjour.\n\nLin Xiao : Premier paragraphe.\n\nDeuxième paragraphe, bien plus long.\n\nAnimateur : Au revoir.\n\nLin Xiao : Bien.\n\nNote : relu par l'auteur.\n\nNote : extraits.";
    let p = Pair::new(Document::from_text("zh", zh, "UTF-8", 0), Document::from_text("fr", fr, "UTF-8", 0));
    let mut s = Session::new(p.clone());
    s.apply(Edit::Unlink { row: 0 }).unwrap();
    s.apply(Edit::Note { row: 4, text: Some("再见".into()) }).unwrap();
    let noted = TurnRef::of(&s.pair().alignment.links[4]).unwrap();
    let noted_text = s.pair().docs[noted.side].turns.turns[noted.turn].text.clone();
    let user: Vec<Link> = s.pair().alignment.links.iter().filter(|l| l.origin == Origin::User).cloned().collect();
    // The second paragraph of Lin Xiao's first answer (line 3) becomes a turn of its own, left side.
    let before = s.pair().docs.left.turns.turns.len();
    let prepared = session::prepare(&s, Edit::SplitTurn { side: Side::Left, line: 3, paragraph: 1 }, zh, 1).unwrap();
    s.install(prepared).expect("nothing changed meanwhile");
    let docs = s.pair().docs.clone();
    assert_eq!(docs.left.turns.turns.len(), before + 1);
    check_cover(&s.pair().alignment, docs.left.turns.turns.len(), docs.right.turns.turns.len());
    for l in &user {
        assert!(s.pair().alignment.links.contains(l), "the user's link {l:?} stays");
    }
    assert_eq!(docs.left.turns.turns[2].text, "第二段，很长的一段话。");
    let (r, _) = s.annotations().notes.iter().next().expect("the note is kept");
    assert_eq!(docs[r.side].turns.turns[r.turn].text, noted_text, "the note follows its turn's text");
    // "注" is no speaker on the left: fewer speakers, the same links of the user's.
    let prepared = session::prepare(&s, Edit::NotASpeaker { side: Side::Left, speaker: "注".into() }, zh, 0).unwrap();
    s.install(prepared).unwrap();
    assert!(s.pair().docs.left.turns.speakers.iter().all(|s| s.canonical != "注"));
    assert!(!s.pair().docs.left.segmentation.breaks.is_empty(), "the earlier split stays");
    s.undo();
    s.undo();
    assert!(Arc::ptr_eq(&s.pair().docs.left, &p.docs.left), "undo gives back the document as it was");
    s.undo();
    s.undo();
    assert_eq!(s.pair().alignment, p.alignment);
}
