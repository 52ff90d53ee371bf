//! The session: dismissals undone like any change, what counts as unsaved, stale changes refused,
//! rows mapped through a change.

use super::*;

fn pair() -> Pair {
    let zh = "主持人：你好。\n\n林晓：你好啊，很高兴见到你。\n\n主持人：我们开始吧？\n\n林晓：好的，请问。\n\n主持人：再见。";
    let fr = "Animateur : Bonjour.\n\nLin Xiao : Bonjour, ravie de vous voir.\n\nAnimateur : On commence ?\n\nLin Xiao : D'accord, je vous écoute.\n\nAnimateur : Au revoir.";
    Pair::new(Document::from_text("zh", zh, "UTF-8", 0), Document::from_text("fr", fr, "UTF-8", 0))
}

#[test]
fn a_dismissal_is_undone_and_redone_but_is_no_unsaved_work() {
    let mut s = Session::new(pair());
    s.apply(Edit::Dismiss { key: 7, on: true, row: 3 }).unwrap();
    assert!(s.dismissed().contains(&7));
    assert!(s.can_undo());
    assert!(!s.dirty(), "this computer remembers a dismissal: closing need not ask");
    assert_eq!(s.apply(Edit::Dismiss { key: 7, on: true, row: 3 }).err(), Some(EditError::AlreadySo));
    assert_eq!(s.undo().map(|c| c.row), Some(3), "the view goes back to the flag's row");
    assert!(s.dismissed().is_empty());
    s.redo();
    assert!(s.dismissed().contains(&7));
    // Restoring it is a change too.
    s.apply(Edit::Dismiss { key: 7, on: false, row: 3 }).unwrap();
    assert!(s.dismissed().is_empty());
    s.undo();
    assert!(s.dismissed().contains(&7));
}

#[test]
fn unsaved_means_the_work_differs_from_the_save() {
    let mut s = Session::new(pair());
    assert!(!s.dirty());
    s.apply(Edit::Unlink { row: 1 }).unwrap();
    assert!(s.dirty());
    s.mark_saved();
    assert!(!s.dirty());
    s.apply(Edit::Dismiss { key: 1, on: true, row: 0 }).unwrap();
    s.undo();
    s.undo();
    assert!(s.dirty(), "undone past the save");
    s.redo();
    assert!(!s.dirty(), "back at the save");
    // Undo a dismissal made after the save, then edit: the saved work is still what is open
    // before the new edit, and the new edit makes it unsaved.
    s.redo();
    s.undo();
    s.apply(Edit::Note { row: 0, text: Some("à voir".into()) }).unwrap();
    assert!(s.dirty());
    s.undo();
    assert!(!s.dirty(), "the saved state is still within reach");
    // Undo past the save and edit: the saved state is out of reach for good.
    s.undo();
    s.apply(Edit::Bookmark { row: 2, on: true }).unwrap();
    assert!(s.dirty());
    s.undo();
    assert!(s.dirty(), "neither state is the saved one");
}

#[test]
fn recovered_work_is_unsaved_and_a_swap_keeps_it_so() {
    let mut s = Session::restored(pair(), Annotations::default(), [5]);
    assert!(!s.dirty());
    s.mark_unsaved();
    assert!(s.dirty());
    let swapped = s.swapped();
    assert!(swapped.dirty());
    assert!(!swapped.can_undo(), "undo does not reach across a swap");
    assert!(swapped.dismissed().contains(&5));
}

#[test]
fn a_snapshot_has_the_work_but_not_its_history() {
    let mut s = Session::new(pair());
    s.apply(Edit::Unlink { row: 1 }).unwrap();
    let snap = s.snapshot();
    assert_eq!(snap.pair(), s.pair());
    assert!(snap.dirty() && !snap.can_undo(), "unsaved as the session is, with nothing to undo");
    assert_eq!(snap.generation(), s.generation(), "a change worked out on it installs on the session");
    s.mark_saved();
    assert!(!s.snapshot().dirty());
}

#[test]
fn a_change_prepared_on_an_older_state_is_refused() {
    let zh = "主持人：你好。\n\n林晓：第一段。\n\n第二段，很长。\n\n主持人：再见。";
    let fr = "Animateur : Bonjour.\n\nLin Xiao : Premier.\n\nDeuxième, long.\n\nAnimateur : Au revoir.";
    let p = Pair::new(Document::from_text("zh", zh, "UTF-8", 0), Document::from_text("fr", fr, "UTF-8", 0));
    let mut s = Session::new(p);
    let edit = Edit::SplitTurn { side: crate::core::side::Side::Left, line: 3, paragraph: 1 };
    let prepared = prepare(&s, edit.clone(), zh, 0).unwrap();
    s.apply(Edit::Note { row: 0, text: Some("x".into()) }).unwrap();
    let before = s.pair().clone();
    assert_eq!(s.install(prepared).err(), Some(Stale));
    assert_eq!(*s.pair(), before, "nothing changed");
    let prepared = prepare(&s, edit, zh, 0).unwrap();
    assert!(s.install(prepared).is_ok());
    assert!(prepare(&s, Edit::Unlink { row: 0 }, zh, 0).is_none(), "only an edit that cuts turns anew");
}

#[test]
fn rows_are_mapped_through_a_change() {
    // Long enough that the rows the aligner may redo around an edit end before the last row.
    let (zh, fr): (Vec<String>, Vec<String>) = (0..80)
        .map(|k| (format!("主持人：第{k}个问题，好吗？"), format!("Animateur : Question numéro {k}, d'accord ?")))
        .unzip();
    let doc = |name: &str, paras: &[String]| Document::from_text(name, &paras.join("\n\n"), "UTF-8", 0);
    let mut s = Session::new(Pair::new(doc("zh", &zh), doc("fr", &fr)));
    let rows = s.pair().alignment.links.len();
    let change = s.apply(Edit::Unlink { row: 1 }).unwrap().clone();
    let splice = change.splice.clone().expect("links changed");
    let added = s.pair().alignment.links.len() - rows;
    assert_eq!(splice.map_row(0), Some(0), "before the change: where it was");
    assert_eq!(splice.map_row(rows - 1), Some(rows - 1 + added), "after it: moved by the rows it added");
    // A row the change replaced is gone, unless a new row pairs the same turns.
    for r in splice.at..splice.at + splice.old.len() {
        let was = &splice.old[r - splice.at];
        let now = s.pair().alignment.links.iter().position(|l| l.left == was.left && l.right == was.right);
        assert_eq!(splice.map_row(r), now, "row {r}");
    }
    assert_eq!(splice.map_row(1), None, "the row unlinked is gone");
    assert_eq!(splice.map_row_back(rows - 1 + added), Some(rows - 1));
    assert_eq!(change.map_row(rows - 1 + added, false), Some(rows - 1), "and through the change taken back");
}

#[test]
fn a_text_read_again_keeps_the_users_links_notes_and_dismissals_by_their_text() {
    let fr2 = "Animateur : Bonjour à tous.\n\nAnimateur : Bonjour.\n\nLin Xiao : Bonjour, ravie de vous voir.\n\nAnimateur : On commence ?\n\nLin Xiao : D'accord, je vous écoute.\n\nAnimateur : Au revoir.";
    let mut s = Session::new(pair());
    s.apply(Edit::Unlink { row: 1 }).unwrap();
    // A note on the row with the unlinked French turn alone: it lives on that French turn.
    let noted_row = s.pair().alignment.links.iter().position(|l| l.left.is_empty()).unwrap();
    s.apply(Edit::Note { row: noted_row, text: Some("fin".into()) }).unwrap();
    s.apply(Edit::Dismiss { key: 9, on: true, row: 0 }).unwrap();
    let noted = *s.annotations().notes.keys().next().unwrap();
    assert_eq!(noted.side, Side::Right);
    let noted_text = s.pair().docs[noted.side].turns.turns[noted.turn].text.clone();
    // The French text gains a turn at its start.
    let mut docs = s.pair().docs.clone();
    docs.right = Arc::new(Document::from_text("fr", fr2, "UTF-8", 0));
    let r = s.reread(docs);
    assert!(Arc::ptr_eq(&r.session.pair().docs.left, &s.pair().docs.left), "the side not read again is shared");
    let (k, _) = r.session.annotations().notes.iter().next().expect("the note is kept");
    assert_eq!(r.session.pair().docs[k.side].turns.turns[k.turn].text, noted_text, "on its turn's text");
    assert_eq!(k.turn, noted.turn + 1, "which moved down by the turn added");
    assert!(r.session.dismissed().contains(&9));
    assert!(r.kept >= 1, "the user's links found again: {r:?}");
    assert!(r.session.dirty(), "unsaved work stays unsaved");
    assert!(!r.session.can_undo(), "undo does not reach across a reread");
}
