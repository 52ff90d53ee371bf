//! Search (Ctrl+F) through the real app: accents, case, Chinese, full-width forms, scope,
//! Enter / Shift+Enter, and the focus rule that typing in the field never moves the current pair.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tandem::app::TandemApp;
use tandem::core::search::Scope;
use tandem::core::side::Side;

mod common;

fn app() -> Harness<'static, TandemApp> {
    common::app_with(None)
}

fn find(h: &mut Harness<'_, TandemApp>, query: &str) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    let field = h.get_by_role(Role::TextInput);
    assert!(field.is_focused(), "Ctrl+F puts the keyboard in the search field");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role(Role::TextInput).type_text(query);
    h.run_steps(1);
    h.state_mut().finish_search();
    h.run_steps(3);
}

#[test]
fn an_accented_french_word_is_found_without_its_accents_and_case() {
    let mut h = app();
    find(&mut h, "PREMIERE");
    assert_eq!(h.state().search.hits.len(), 2, "première ×2");
    assert!(h.state().search.hits.iter().all(|hit| hit.side == Side::Right));
    h.get_by_label("1 / 2");
    h.key_press(Key::Enter);
    h.run_steps(3);
    h.get_by_label("2 / 2");
    let row = h.state().search.hits[1].row;
    h.run_steps(30);
    assert!(h.state().view.as_ref().unwrap().visible.contains(&row), "the hit's row is brought into view");
    assert_eq!(h.state().nav.current, row, "a hit gone to becomes the current pair");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run_steps(3);
    h.get_by_label("1 / 2");
    assert!(h.get_by_role(Role::TextInput).is_focused(), "the field keeps the keyboard");
}

#[test]
fn a_search_closed_and_opened_again_finds_what_its_field_still_holds() {
    let mut h = app();
    find(&mut h, "PREMIERE");
    h.get_by_label("1 / 2");
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(!h.state().search.open, "Esc closes the bar");
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(1);
    h.state_mut().finish_search();
    h.run_steps(3);
    assert_eq!(h.state().search.hits.len(), 2, "the query still in the field is searched again");
    assert!(h.query_by_label("no match").is_none());
    h.get_by_label("1 / 2");
    h.key_press(Key::Enter);
    h.run_steps(3);
    h.get_by_label("2 / 2");
}

#[test]
fn a_chinese_query_needs_no_word_boundaries_and_scope_narrows_it() {
    let mut h = app();
    find(&mut h, "节奏");
    let hits = &h.state().search.hits;
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].side, hits[0].row), (Side::Left, 7));
    h.get_by_role_and_label(Role::RadioButton, "Right").click();
    h.run_steps(1);
    h.state_mut().finish_search();
    h.run_steps(2);
    assert_eq!(h.state().search.scope, Scope::Right);
    h.get_by_label("no match");
    h.get_by_role_and_label(Role::RadioButton, "Left").click();
    h.run_steps(1);
    h.state_mut().finish_search();
    h.run_steps(2);
    h.get_by_label("1 / 1");
}

#[test]
fn full_width_and_half_width_forms_match() {
    let mut h = app();
    find(&mut h, "ＧＰＴ－４");
    let sides: Vec<Side> = h.state().search.hits.iter().map(|hit| hit.side).collect();
    assert_eq!(sides, [Side::Left, Side::Right], "GPT-4 in both columns");
    find(&mut h, "deepl");
    assert_eq!(h.state().search.hits.len(), 2);
}

#[test]
fn typing_in_the_search_field_never_moves_the_current_pair() {
    let mut h = app();
    find(&mut h, "12");
    let before = h.state().nav.current;
    for key in [Key::ArrowRight, Key::Space, Key::End, Key::PageDown, Key::ArrowLeft, Key::Home] {
        h.key_press(key);
        h.run_steps(1);
        assert_eq!(h.state().nav.current, before, "{key:?} in the field");
    }
    assert!(h.state().nav.typed.is_empty(), "digits typed in the field are not a turn number");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!h.state().search.open, "Esc closes the search bar");
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().nav.current, before + 1, "outside the field the keys move the pair again");
}

#[test]
fn in_presentation_a_hit_becomes_the_current_pair() {
    let mut h = app();
    h.key_press(Key::F5);
    h.run_steps(2);
    find(&mut h, "rythme");
    let row = h.state().search.hits[0].row;
    assert_eq!(h.state().nav.current, row);
}

#[test]
fn an_edit_of_the_links_moves_the_hits_with_their_turns_without_searching_again() {
    let mut h = app();
    find(&mut h, "PREMIERE");
    h.key_press(Key::Enter);
    h.run_steps(3);
    h.get_by_label("2 / 2");
    let before: Vec<usize> = h.state().search.hits.iter().map(|hit| hit.row).collect();
    let first_paired = h.state().pair().unwrap().alignment.links.iter().position(|l| l.is_paired()).unwrap();
    assert!(before.iter().all(|&r| r > first_paired), "the hits lie below the row unlinked");
    h.state_mut().handle(tandem::app::Action::Edit(tandem::core::edit::Edit::Unlink { row: first_paired }));
    h.run_steps(2);
    let state = h.state();
    assert!(state.search.running.is_none(), "no search started again: the hits were mapped");
    let pair = state.pair().unwrap();
    for hit in &state.search.hits {
        assert_eq!(Some(hit.row), pair.alignment.link_of(hit.side, hit.turn), "each hit on its turn's row");
    }
    let after: Vec<usize> = state.search.hits.iter().map(|hit| hit.row).collect();
    assert!(after.iter().zip(&before).all(|(a, b)| a > b), "moved down by the row added: {before:?} → {after:?}");
    assert_eq!(state.search.current, Some(1), "{:?}", state.search);
    h.get_by_label("2 / 2");
}
