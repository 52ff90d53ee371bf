//! Review flags in the real app: counted in the status line, F8 / Shift+F8, the Flags panel
//! (click to go, filter by kind), "Not a problem" remembered for the pair of files.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tandem::app::{Settings, TandemApp};
use tandem::core::review::FlagKind;

mod common;
use common::fixture;

fn files() -> [PathBuf; 2] {
    [fixture("review/bakery_fr.txt"), fixture("review/bakery_en_changed.txt")]
}

/// The app on the changed bakery pair, flags computed, dismissals kept in `store`.
fn app(store: &std::path::Path) -> Harness<'static, TandemApp> {
    let store = store.to_path_buf();
    let mut h = Harness::builder().with_size([1400.0, 850.0]).build_eframe(move |cc| {
        let mut app = TandemApp::with_settings(cc.egui_ctx.clone(), Settings::default(), Some(files()));
        app.set_store_dir(Some(store.clone()));
        app
    });
    h.state_mut().finish_loading();
    h.run_steps(1);
    h.state_mut().finish_review();
    h.run_steps(3);
    h
}

fn store(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tandem-ui-review-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn flag_rows(h: &Harness<'_, TandemApp>) -> Vec<usize> {
    let r = &h.state().review;
    r.shown.iter().map(|&k| r.flags[k].1.row).collect()
}

#[test]
fn flags_are_counted_and_f8_steps_through_them() {
    let dir = store("f8");
    let mut h = app(&dir);
    let rows = flag_rows(&h);
    let kinds: Vec<FlagKind> = h.state().review.shown.iter().map(|&k| h.state().review.flags[k].1.kind).collect();
    assert_eq!(kinds, [FlagKind::Numbers, FlagKind::Numbers, FlagKind::Names], "{:?}", h.state().review.flags);
    h.get_by_label("3 flags");
    h.key_press(Key::F8);
    h.run_steps(2);
    assert_eq!(h.state().nav.current, rows[0]);
    h.key_press(Key::F8);
    h.run_steps(2);
    assert_eq!(h.state().nav.current, rows[1]);
    h.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    h.run_steps(2);
    assert_eq!(h.state().nav.current, rows[0]);
    h.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    h.run_steps(2);
    assert_eq!(h.state().nav.current, rows[2], "before the first flag comes the last");
    // In presentation too.
    h.key_press(Key::F5);
    h.run_steps(2);
    h.key_press(Key::F8);
    h.run_steps(2);
    assert_eq!(h.state().nav.current, rows[0]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_panel_lists_filters_and_goes_to_flags() {
    let dir = store("panel");
    let mut h = app(&dir);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run_steps(2);
    assert!(h.state().review.panel_open);
    h.get_by_label("Numbers differ (2)");
    let rows = flag_rows(&h);
    let name = h.state().pair().unwrap().alignment.row_name(rows[2]);
    h.get_by_label_contains(&format!("Names and tokens · {name}")).click();
    h.run_steps(2);
    assert_eq!(h.state().nav.current, rows[2]);
    h.get_by_label("Numbers differ (2)").click();
    h.run_steps(2);
    assert_eq!(flag_rows(&h), [rows[2]], "numbers hidden by the filter");
    h.get_by_label("1 flag");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn not_a_problem_is_remembered_for_the_pair_of_files() {
    let dir = store("dismiss");
    let mut h = app(&dir);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run_steps(2);
    let first = h.state().review.shown[0];
    let key = h.state().review.flags[first].0;
    h.get_all_by_role_and_label(Role::Button, "Not a problem").next().unwrap().click();
    h.run_steps(2);
    assert!(h.state().session.as_ref().unwrap().dismissed().contains(&key));
    assert_eq!(h.state().review.shown.len(), 2);
    h.get_by_label("2 flags");
    assert!(dir.join("dismissed.json").is_file(), "written beside the settings");
    drop(h);
    // A new run on the same files: the flag stays dismissed, and can be brought back.
    let mut h = app(&dir);
    assert!(h.state().session.as_ref().unwrap().dismissed().contains(&key));
    assert_eq!(h.state().review.shown.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run_steps(2);
    h.get_by_label("Show the dismissed ones (1)").click();
    h.run_steps(2);
    assert_eq!(h.state().review.shown.len(), 3);
    // Shown again, a dismissed flag is not one more to look at: the counts stay.
    h.get_by_label("2 flags");
    h.get_by_label("Flags (2)");
    h.get_by_role_and_label(Role::Button, "Restore").click();
    h.run_steps(2);
    assert!(h.state().session.as_ref().unwrap().dismissed().is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_damaged_dismissals_file_is_set_aside_with_a_message() {
    let dir = store("damaged");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("dismissed.json"), "{ this is not").unwrap();
    let h = app(&dir);
    let error = h.state().status_text().unwrap_or_default().to_string();
    assert!(error.contains("cannot be read"), "{error}");
    // Read as a warning, not an error: the window works on, with an empty list.
    assert_eq!(h.state().status.as_ref().map(|s| s.level), Some(tandem::state::Level::Warning));
    assert!(dir.join("dismissed.json.damaged").is_file(), "kept for a person to look at");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_projects_dismissed_flags_stay_dismissed_on_another_computer() {
    // This computer dismisses a flag and saves the project beside copies of the texts.
    let dir = store("project-dismiss");
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    let copies: Vec<PathBuf> = files()
        .iter()
        .map(|f| {
            let copy = texts.join(f.file_name().unwrap());
            std::fs::copy(f, &copy).unwrap();
            copy
        })
        .collect();
    let here = dir.join("here");
    let open = |files: Vec<PathBuf>, store: PathBuf| {
        let mut h = Harness::builder().with_size([1400.0, 850.0]).build_eframe(move |cc| {
            let mut app = TandemApp::opening(cc.egui_ctx.clone(), Settings::default(), files.clone());
            app.set_store_dir(Some(store.clone()));
            app
        });
        h.state_mut().finish_loading();
        h.run_steps(1);
        h.state_mut().finish_review();
        h.run_steps(3);
        h
    };
    let mut h = open(copies.clone(), here.clone());
    let first = h.state().review.shown[0];
    let key = h.state().review.flags[first].0;
    h.state_mut().handle(tandem::app::Action::Review(tandem::state::ReviewAction::Dismiss(key, true)));
    h.run_steps(2);
    let project = texts.join("work.tandem");
    h.state_mut().handle(tandem::app::Action::SaveTo(project.clone()));
    h.run_steps(2);
    drop(h);
    // Another computer: a fresh store that never saw these files.
    let there = dir.join("there");
    let mut h = open(vec![project.clone()], there.clone());
    assert!(
        h.state().session.as_ref().unwrap().dismissed().contains(&key),
        "the project's dismissal holds after the review ran"
    );
    assert_eq!(h.state().review.shown.len(), 2, "the dismissed flag is not shown");
    // Saved again there, the dismissal is still in the file.
    h.state_mut().handle(tandem::app::Action::SaveTo(project.clone()));
    h.run_steps(2);
    let saved = tandem::core::project::ProjectFile::read(&project).unwrap();
    assert!(saved.dismissed.contains(&format!("{key:016x}")), "{:?}", saved.dismissed);
    std::fs::remove_dir_all(&dir).ok();
}

/// Hovers the pointer still over the gutter mark `below` pixels under the top of row `row`'s
/// right cell (the flag mark 16 px under the score dot, the note badge 34 px), long enough for
/// a tooltip.
fn hover_mark(h: &mut Harness<'_, TandemApp>, row: usize, below: f32) {
    let pair = h.state().pair().cloned().expect("a pair");
    let turn = pair.alignment.links[row].right.start;
    let text: String = pair.docs.right.turns.turns[turn].text.chars().take(12).collect();
    let cell = h.get_all_by_label_contains(&text).next().expect("the row's right cell").rect();
    // The gutter (26 px) ends 10 px before the right cell's text; the marks sit in its middle.
    let at = egui::pos2(cell.left() - 10.0 - 13.0, cell.top() + 16.0 * 0.45 + below);
    // Moved once and then still: a tooltip waits for the pointer to rest.
    h.hover_at(at);
    h.run_steps(8);
}

#[test]
fn the_marks_in_the_gutter_say_what_they_mark() {
    let dir = store("marks");
    let mut h = app(&dir);
    let (row, message) = {
        let r = &h.state().review;
        let flag = &r.flags[r.shown[0]].1;
        (flag.row, flag.message.clone())
    };
    h.key_press(Key::F8);
    h.run_steps(2);
    assert!(h.query_by_label_contains(&message).is_none());
    hover_mark(&mut h, row, 16.0);
    assert!(h.query_by_label_contains(&message).is_some(), "the flag's message on hover of its mark");
    // A note: its text on hover of its badge.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    h.get_by_role(Role::TextInput).type_text("ask the baker about the year");
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert!(h.query_by_label_contains("ask the baker").is_none());
    hover_mark(&mut h, row, 34.0);
    assert!(h.query_by_label_contains("ask the baker about the year").is_some(), "the note on hover of its badge");
    std::fs::remove_dir_all(&dir).ok();
}

/// A primary click at `pos`, wherever a widget is.
fn click_at(h: &mut Harness<'_, TandemApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
}

#[test]
fn a_dismissed_flag_stays_in_the_list_so_a_double_click_dismisses_one() {
    let dir = store("linger");
    let mut h = app(&dir);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run_steps(2);
    let button = h.get_all_by_role_and_label(Role::Button, "Not a problem").next().unwrap().rect();
    // Two clicks at the same place, as a double click gives them.
    click_at(&mut h, button.center());
    h.run_steps(2);
    click_at(&mut h, button.center());
    h.run_steps(2);
    assert_eq!(
        h.state().session.as_ref().unwrap().dismissed().len(),
        0,
        "the second click restored the first: nothing else went"
    );
    click_at(&mut h, button.center());
    h.run_steps(2);
    assert_eq!(h.state().session.as_ref().unwrap().dismissed().len(), 1);
    // Still listed, struck through, its Restore where its button was; not counted, not marked.
    assert_eq!(h.state().review.listed.len(), 3);
    assert_eq!(h.state().review.shown.len(), 2);
    let restore = h.get_by_role_and_label(Role::Button, "Restore").rect();
    assert!((restore.right() - button.right()).abs() < 1.0 && (restore.center().y - button.center().y).abs() < 1.0);
    h.get_by_label("2 flags");
    // Closed and opened again, the panel lists the two left to look at.
    h.get_by_role_and_label(Role::Button, "Close").click();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run_steps(2);
    assert_eq!(h.state().review.listed.len(), 2);
    assert!(h.query_by_role_and_label(Role::Button, "Restore").is_none());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn ctrl_z_brings_a_dismissed_flag_back_and_this_computer_forgets_it() {
    let dir = store("undo-dismiss");
    let mut h = app(&dir);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run_steps(2);
    let first = h.state().review.shown[0];
    let (key, row) = (h.state().review.flags[first].0, h.state().review.flags[first].1.row);
    h.get_all_by_role_and_label(Role::Button, "Not a problem").next().unwrap().click();
    h.run_steps(2);
    h.get_by_label("2 flags");
    assert!(!h.state().dirty(), "a dismissal alone is no unsaved work: this computer remembers it");
    // Elsewhere in the pair, Ctrl+Z: the flag is back, and the view goes to it.
    h.key_press(Key::End);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(h.state().session.as_ref().unwrap().dismissed().is_empty(), "undone");
    assert_eq!(h.state().nav.current, row, "the view goes back to the flag's row");
    h.get_by_label("3 flags");
    drop(h);
    // The undo reached the store: a new run does not hide the flag.
    let mut h = app(&dir);
    assert!(!h.state().session.as_ref().unwrap().dismissed().contains(&key));
    h.get_by_label("3 flags");
    // Redo dismisses it again.
    h.key_press(Key::Home);
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run_steps(2);
    h.get_all_by_role_and_label(Role::Button, "Not a problem").next().unwrap().click();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert!(h.state().session.as_ref().unwrap().dismissed().contains(&key), "redone");
    h.get_by_label("2 flags");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_glossary_typed_in_its_window_flags_a_term_without_its_rendering() {
    let dir = store("glossary");
    let mut h = app(&dir);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run_steps(2);
    h.get_by_label("Glossary: 0 terms");
    h.get_by_role_and_label(Role::Button, "Glossary…").click();
    h.run_steps(4);
    assert!(h.state().review.glossary_open);
    h.get_by_label_contains("One term a line");
    // The client wants `mairie` as `city hall`; the translation says `town hall`.
    h.get_by_role(Role::MultilineTextInput).focus();
    h.run_steps(1);
    h.get_by_role(Role::MultilineTextInput).type_text("mairie,city hall");
    h.key_press(Key::Enter);
    h.get_by_role(Role::MultilineTextInput).type_text("boulangerie,bakery");
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, "Apply").click();
    h.run_steps(2);
    h.state_mut().finish_review();
    h.run_steps(2);
    assert_eq!(h.state().review.glossary_error, None);
    h.get_by_label("2 terms in use");
    h.get_by_label("Glossary: 2 terms");
    let review = &h.state().review;
    let glossary: Vec<_> = review.flags.iter().filter(|(_, f)| f.kind == FlagKind::Glossary).collect();
    assert_eq!(glossary.len(), 1, "{:?}", review.flags);
    assert_eq!(glossary[0].1.message, "“mairie” without “city hall”");
    h.get_by_label("Glossary (1)");
    assert!(h.state().dirty(), "a new glossary is work to save");
    // A line that is no term is said in the window, and the glossary in use stays.
    h.get_by_role(Role::MultilineTextInput).focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.key_press(Key::Enter);
    h.get_by_role(Role::MultilineTextInput).type_text("no field here");
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, "Apply").click();
    h.run_steps(2);
    h.get_by_label_contains("line 3");
    assert_eq!(h.state().review.glossary.terms.len(), 2);
    // The glossary is a change like any other: Ctrl+Z (out of the text box) takes it back, and
    // its flag with it; Ctrl+Shift+Z brings both again.
    h.get_by_role(Role::MultilineTextInput).focus();
    h.run_steps(1);
    h.key_press(Key::Escape);
    h.run_steps(1);
    h.get_by_label("Glossary: 2 terms").click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    h.state_mut().finish_review();
    h.run_steps(2);
    assert!(h.state().review.glossary.terms.is_empty(), "undone");
    h.get_by_label("Glossary: 0 terms");
    assert!(h.state().review.flags.iter().all(|(_, f)| f.kind != FlagKind::Glossary));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    h.state_mut().finish_review();
    h.run_steps(2);
    assert_eq!(h.state().review.glossary.terms.len(), 2, "redone");
    h.get_by_label("Glossary (1)");
}

#[test]
fn a_kind_switched_off_in_settings_stays_off_for_the_next_run() {
    let dir = store("settings");
    let mut h = app(&dir);
    h.get_by_label("3 flags");
    h.get_by_role_and_label(Role::Button, "Settings").click();
    h.run_steps(4);
    h.get_by_label_contains("Review checks");
    h.get_by_role_and_label(Role::CheckBox, "Names and tokens").click();
    h.run_steps(2);
    h.get_by_label("2 flags");
    let settings = h.state().settings.clone();
    assert!(settings.hidden_flag_kinds.contains(&FlagKind::Names));
    // The next run, with the settings kept: names stay switched off.
    let mut next = Harness::builder()
        .with_size([1400.0, 850.0])
        .build_eframe(move |cc| TandemApp::with_settings(cc.egui_ctx.clone(), settings.clone(), Some(files())));
    next.state_mut().finish_loading();
    next.run_steps(1);
    next.state_mut().finish_review();
    next.run_steps(3);
    next.get_by_label("2 flags");
}

#[test]
fn not_a_problem_for_all_like_this_and_ctrl_z_brings_them_back() {
    let dir = store("pattern");
    std::fs::create_dir_all(&dir).unwrap();
    // An interview where the company's name is dropped each time in the translation, on purpose.
    let left =
        "Q: Who trained it?\n\nA: OpenAI trained it in 2023.\n\nQ: And after?\n\nA: OpenAI sold it to many clients.\n";
    let right = "Q : Qui l'a entraîné ?\n\nR : L'entreprise l'a entraîné en 2023.\n\nQ : Et ensuite ?\n\nR : L'entreprise l'a vendu à de nombreux clients.\n";
    std::fs::write(dir.join("en.txt"), left).unwrap();
    std::fs::write(dir.join("fr.txt"), right).unwrap();
    let files = [dir.join("en.txt"), dir.join("fr.txt")];
    let store_dir = dir.join("store");
    let mut h = Harness::builder().with_size([1400.0, 850.0]).build_eframe(move |cc| {
        let mut app = TandemApp::with_settings(cc.egui_ctx.clone(), Settings::default(), Some(files.clone()));
        app.set_store_dir(Some(store_dir.clone()));
        app
    });
    h.state_mut().finish_loading();
    h.run_steps(1);
    h.state_mut().finish_review();
    h.run_steps(3);
    h.get_by_label("2 flags");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.run_steps(2);
    h.get_all_by_role_and_label(Role::Button, "All like this").next().unwrap().click();
    h.run_steps(2);
    h.get_by_label("no flags");
    assert_eq!(h.state().review.dismissed, [true, true], "both rows, with one click");
    // Ctrl+Z brings both back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    h.get_by_label("2 flags");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().review.dismissed, [true, true]);
    // Restore on one of them restores what dismissed it: all like it.
    h.get_by_label("Show the dismissed ones (2)").click();
    h.run_steps(2);
    h.get_all_by_role_and_label(Role::Button, "Restore").next().unwrap().click();
    h.run_steps(2);
    assert_eq!(h.state().review.dismissed, [false, false]);
}
