//! Correcting the alignment in the real app: shortcuts, the context menu, undo and redo, turns
//! cut anew and labels corrected. (Saving, projects, closing and recovery: ui_project.rs.)

use std::path::PathBuf;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tandem::app::{Action, TandemApp};
use tandem::core::alignment::Origin;

mod common;
use common::fixture;
use common::work::{app, links, pair_files, press, temp};

#[test]
fn shortcuts_edit_the_current_row_and_undo_redo_take_it_back() {
    let store = temp("keys");
    let mut h = app(pair_files(), &store);
    let original = links(&h);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(h.state().nav.current, 2);
    assert!(original[2].is_paired());
    press(&mut h, Modifiers::COMMAND, Key::U);
    let unlinked = links(&h);
    assert_eq!(unlinked.len(), original.len() + 1, "one pair became two one-sided rows");
    assert_eq!((unlinked[2].origin, unlinked[3].origin), (Origin::User, Origin::User));
    assert!(h.state().dirty() && h.state().can_undo());
    h.get_by_label_contains("row 3 unlinked");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(links(&h), original, "undone");
    assert!(!h.state().dirty(), "back to what was opened");
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(links(&h), unlinked, "redone");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Y);
    assert_eq!(links(&h), unlinked, "Ctrl+Y redoes too");
    // Merge it back with the next row: one link again, the user's.
    press(&mut h, Modifiers::COMMAND, Key::M);
    assert_eq!(links(&h).len(), original.len());
    assert_eq!(links(&h)[2].origin, Origin::User);
    // Move the left turn of row 5 down, and take it back.
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    let before = links(&h);
    press(&mut h, Modifiers::COMMAND, Key::ArrowDown);
    assert_ne!(links(&h), before);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(links(&h), before);
    std::fs::remove_dir_all(&store).ok();
}

#[test]
fn the_context_menu_offers_the_rows_edits() {
    let store = temp("menu");
    let mut h = app(pair_files(), &store);
    let original = links(&h);
    let cell = h.get_by_label_contains("林老师，您从什么时候开始翻译科幻小说").rect();
    h.event(egui::Event::PointerMoved(cell.center()));
    h.event(egui::Event::PointerButton {
        pos: cell.center(),
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: cell.center(),
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(3);
    let row = h.state().nav.current;
    let name = h.state().pair().unwrap().alignment.row_name(row);
    assert!(name.starts_with(&format!("Row {} · #", row + 1)), "{name}: the turn numbers the cells show");
    h.get_by_label(&name);
    h.get_by_label_contains("Merge with the next row").click();
    h.run_steps(3);
    assert_eq!(links(&h).len(), original.len() - 1);
    assert!(h.query_by_label_contains("Merge with the next row").is_none(), "the menu closes");
    assert!(h.state().dirty());
    std::fs::remove_dir_all(&store).ok();
}

#[test]
fn turns_can_be_split_and_labels_corrected_and_the_project_keeps_it() {
    let store = temp("resplit");
    // The texts beside the project, so that it opens without a question.
    let files: Vec<PathBuf> = pair_files()
        .into_iter()
        .map(|f| {
            let copy = store.join(f.file_name().unwrap());
            std::fs::copy(&f, &copy).unwrap();
            copy
        })
        .collect();
    let mut h = app(files, &store);
    let left_turns = |h: &Harness<'_, TandemApp>| h.state().pair().unwrap().docs.left.turns.turns.len();
    let before = left_turns(&h);
    // Turn #8 on the left (lines 15–17) has two paragraphs: split it before the second.
    h.state_mut().handle(Action::Edit(tandem::core::edit::Edit::SplitTurn {
        side: tandem::core::side::Side::Left,
        line: 15,
        paragraph: 1,
    }));
    h.state_mut().finish_resplit();
    h.run_steps(2);
    assert_eq!(left_turns(&h), before + 1);
    h.get_by_label_contains("split before its paragraph 2");
    // A label is no speaker, from the context menu of a row of that speaker.
    let cell = h.get_by_label_contains("林老师，您从什么时候开始翻译科幻小说").rect();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: cell.center(),
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run_steps(3);
    h.get_by_label_contains("“主持人” is no speaker (left)").click();
    h.run_steps(1);
    h.state_mut().finish_resplit();
    h.run_steps(2);
    let speakers: Vec<String> =
        h.state().pair().unwrap().docs.left.turns.speakers.iter().map(|s| s.name.clone()).collect();
    assert_eq!(speakers, ["林晓"], "主持人 is no speaker any more");
    // Undo gives the speaker back; redo takes it away again.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().pair().unwrap().docs.left.turns.speakers.len(), 2);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(h.state().pair().unwrap().docs.left.turns.speakers.len(), 1);
    let turns = left_turns(&h);
    let project = store.join("work.tandem");
    h.state_mut().handle(Action::SaveTo(project.clone()));
    assert_eq!(h.state().settings.recent_projects.first(), Some(&project), "in File › Recent projects");
    drop(h);
    let h = app(vec![project], &store);
    assert_eq!(left_turns(&h), turns, "the project keeps how the turns were cut");
    assert_eq!(h.state().pair().unwrap().docs.left.turns.speakers.len(), 1);
    std::fs::remove_dir_all(&store).ok();
}

#[test]
fn shift_f10_opens_the_current_rows_edits_and_a_turn_can_be_cut_at_a_sentence() {
    let store = temp("f10");
    let mut h = app(pair_files(), &store);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    press(&mut h, Modifiers::SHIFT, Key::F10);
    h.get_by_label_contains("Row 3 · #");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label_contains("Row 3 · #").is_none(), "Esc closes it");
    // Row 4 holds 林晓's first answer, two sentences in one paragraph: cut it at the second.
    let left = |h: &Harness<'_, TandemApp>| h.state().pair().unwrap().docs.left.turns.turns.clone();
    let before = left(&h);
    let turn = before.iter().find(|t| t.text.starts_with("我在2009年")).expect("the answer").clone();
    let at = turn.text.chars().position(|c| c == '。').unwrap() + 1;
    h.state_mut().handle(Action::Edit(tandem::core::edit::Edit::CutTurn {
        side: tandem::core::side::Side::Left,
        line: turn.first_line,
        at,
    }));
    h.state_mut().finish_resplit();
    h.run_steps(2);
    let after = left(&h);
    assert_eq!(after.len(), before.len() + 1);
    assert!(after.iter().any(|t| t.text == "我在2009年翻译了第一篇短篇小说。"));
    std::fs::remove_dir_all(&store).ok();
}

#[test]
fn turns_cut_anew_never_land_on_a_pair_opened_meanwhile() {
    let store = temp("resplit-then-open");
    let mut h = app(pair_files(), &store);
    // Cut a turn of this pair, and before that finishes, open another pair.
    h.state_mut().handle(Action::Edit(tandem::core::edit::Edit::SplitTurn {
        side: tandem::core::side::Side::Left,
        line: 15,
        paragraph: 1,
    }));
    let other = vec![fixture("review/bakery_fr.txt"), fixture("review/bakery_en.txt")];
    h.state_mut().handle(Action::OpenPaths(other, tandem::app::Target::Pair));
    h.state_mut().finish_loading();
    h.state_mut().finish_resplit();
    h.run_steps(3);
    let pair = h.state().pair().unwrap();
    assert!(pair.docs.left.path.ends_with("bakery_fr.txt"), "{}", pair.docs.left.path.display());
    assert!(pair.docs.right.path.ends_with("bakery_en.txt"));
    assert!(!h.state().can_undo(), "no change of the last pair recorded on this one");
    std::fs::remove_dir_all(&store).ok();
}
