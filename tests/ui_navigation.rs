//! Presentation mode, navigation keys, "go to", speaker jumps, the overview strip and search,
//! driven through the real app with egui_kittest.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tandem::app::TandemApp;

mod common;

fn app() -> Harness<'static, TandemApp> {
    common::app_with(None)
}

fn press(h: &mut Harness<'_, TandemApp>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

fn current(h: &Harness<'_, TandemApp>) -> usize {
    h.state().nav.current
}

fn type_digits(h: &mut Harness<'_, TandemApp>, digits: &str) {
    h.event(egui::Event::Text(digits.into()));
    h.run_steps(1);
}

#[test]
fn arrows_space_and_page_keys_move_the_current_pair() {
    let mut h = app();
    assert_eq!(current(&h), 0);
    for (key, expected) in [
        (Key::ArrowRight, 1),
        (Key::Space, 2),
        (Key::PageDown, 3),
        (Key::ArrowLeft, 2),
        (Key::PageUp, 1),
        (Key::End, 16),
        (Key::ArrowRight, 16),
        (Key::Home, 0),
        (Key::ArrowLeft, 0),
    ] {
        press(&mut h, key);
        assert_eq!(current(&h), expected, "after {key:?}");
    }
    // Presses that arrive in one frame all count (a fast clicker on a slow machine).
    for _ in 0..4 {
        h.key_press(Key::PageDown);
    }
    h.run_steps(2);
    assert_eq!(current(&h), 4, "four presses in one frame move four pairs");
}

#[test]
fn typing_a_turn_number_then_enter_jumps_there() {
    let mut h = app();
    type_digits(&mut h, "1");
    type_digits(&mut h, "2");
    assert_eq!(h.state().nav.typed, "12");
    press(&mut h, Key::Enter);
    assert_eq!(current(&h), 11, "turn #12 is in row 12");
    assert!(h.state().nav.typed.is_empty());
    h.run_steps(30);
    assert!(h.state().view.as_ref().unwrap().visible.contains(&11), "and it is in view");
    type_digits(&mut h, "9");
    press(&mut h, Key::Escape);
    assert!(h.state().nav.typed.is_empty(), "Esc forgets the digits");
}

#[test]
fn presentation_mode_hides_the_menus_and_has_its_own_keys() {
    let mut h = app();
    h.get_by_role_and_label(Role::Button, "▶ Present").click();
    h.run_steps(2);
    assert!(h.state().nav.presenting);
    assert!(h.query_by_role_and_label(Role::Button, "File").is_none(), "menus are hidden");
    h.get_by_label_contains("pair 1 of 16 · row 1 of 17");
    // The room sees the titles and the languages, not the encodings and counts.
    h.get_by_label("Chinese (simplified)");
    h.get_by_label("French");
    assert!(h.query_by_label_contains("UTF-8").is_none(), "no technical line for the room");
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    h.get_by_label_contains("pair 3 of 16 · row 3 of 17 · 主持人 — Animateur");

    // Its own text size, remembered apart from the normal one.
    let (normal, present) = (h.state().settings.text_size, h.state().settings.present_text_size);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run_steps(2);
    assert_eq!((h.state().settings.text_size, h.state().settings.present_text_size), (normal, present + 1.0));

    press(&mut h, Key::F7);
    assert!(h.state().settings.high_contrast);
    assert_eq!(h.ctx.global_style().visuals.panel_fill, egui::Color32::BLACK);

    press(&mut h, Key::F6);
    assert!(h.state().nav.one_per_screen);
    h.get_by_label_contains("林老师，您从什么时候开始翻译科幻小说");
    assert!(h.query_by_label_contains("第一篇作品是谁写的").is_none(), "one pair per screen");
    h.get_by_label_contains("L’établi de la traductrice");
    h.get_by_label("French");
    press(&mut h, Key::F6);

    press(&mut h, Key::Escape);
    assert!(!h.state().nav.presenting);
    h.get_by_role_and_label(Role::Button, "File");
    assert_ne!(h.ctx.global_style().visuals.panel_fill, egui::Color32::BLACK, "high contrast is for presenting only");
    press(&mut h, Key::F5);
    assert!(h.state().nav.presenting, "F5 enters too");
    press(&mut h, Key::F11);
    assert!(!h.state().nav.presenting, "F11, full screen off, leaves the presentation");
    h.get_by_role_and_label(Role::Button, "File");
}

#[test]
fn clicking_a_row_makes_it_current() {
    let mut h = app();
    let rect = h.get_by_label_contains("林老师，您从什么时候开始翻译科幻小说").rect();
    h.hover_at(rect.center());
    let first = h.state().view.as_ref().unwrap().visible.start;
    h.get_by_label_contains("林老师，您从什么时候开始翻译科幻小说").click();
    h.run_steps(30);
    assert_eq!(current(&h), 2);
    assert_eq!(h.state().view.as_ref().unwrap().visible.start, first, "a click selects without scrolling");
}

#[test]
fn go_to_a_turn_or_a_line() {
    let mut h = app();
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run_steps(2);
    let field = h.get_by_role(Role::TextInput);
    field.type_text("l15");
    h.run_steps(1);
    press(&mut h, Key::Enter);
    assert_eq!(current(&h), 7, "line 15 of the left file is in turn #8");
    assert!(!h.state().nav.goto_open);
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run_steps(2);
    h.get_by_role(Role::TextInput).type_text("r99");
    h.run_steps(1);
    press(&mut h, Key::Enter);
    h.get_by_label_contains("No turn or line “r99” here");
    assert_eq!(current(&h), 7);
}

#[test]
fn alt_arrows_follow_a_speaker() {
    let mut h = app();
    press(&mut h, Key::End);
    assert_eq!(current(&h), 16, "the host thanks the guest");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run_steps(2);
    assert_eq!(current(&h), 14, "the host's previous question");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run_steps(2);
    assert_eq!(current(&h), 12);
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run_steps(2);
    assert_eq!(current(&h), 14);
}

#[test]
fn the_overview_strip_jumps_where_it_is_clicked() {
    let mut h = app();
    let at = egui::pos2(1185.0, 720.0);
    h.hover_at(at);
    h.run_steps(1);
    h.drag_at(at);
    h.run_steps(1);
    h.drop_at(at);
    h.run_steps(3);
    assert!(current(&h) >= 12, "a click near the bottom of the strip goes near the end: {}", current(&h));
}

#[test]
fn swap_and_zoom_from_the_keyboard() {
    let mut h = app();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run_steps(2);
    assert!(h.state().pair().unwrap().docs.left.path.ends_with("interview_fr.txt"));
    let size = h.state().settings.text_size;
    h.event(egui::Event::Zoom(1.25));
    h.run_steps(2);
    assert_eq!(h.state().settings.text_size, size + 1.0, "Ctrl+wheel (a zoom gesture) enlarges the text");
}

#[test]
fn a_clicker_blanks_the_screen_black_or_white_and_back() {
    let mut h = app();
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    assert!(h.query_by_label_contains("pair 2 of").is_some(), "the text is on screen");
    press(&mut h, Key::B);
    assert_eq!(h.state().nav.blank, Some(true));
    assert!(h.query_by_label_contains("pair 2 of").is_none(), "nothing but black");
    press(&mut h, Key::B);
    assert_eq!(h.state().nav.blank, None, "B again shows the text");
    h.get_by_label_contains("pair 2 of");
    press(&mut h, Key::W);
    assert_eq!(h.state().nav.blank, Some(false), "W: a white screen");
    press(&mut h, Key::Period);
    assert_eq!(h.state().nav.blank, Some(true), ". : black");
    press(&mut h, Key::Escape);
    assert!(!h.state().nav.presenting && h.state().nav.blank.is_none(), "Esc leaves, not blank");
    // Outside presentation the letters do nothing.
    press(&mut h, Key::B);
    assert_eq!(h.state().nav.blank, None);
}

/// The height of the label holding `text` on screen.
fn label_rect(h: &Harness<'_, TandemApp>, text: &str) -> egui::Rect {
    let node = h.get_by_label_contains(text);
    node.rect()
}

#[test]
fn one_pair_per_screen_fits_each_pair_to_the_screen() {
    let mut h = app();
    press(&mut h, Key::F5);
    press(&mut h, Key::F6);
    for _ in 0..2 {
        press(&mut h, Key::ArrowRight);
    }
    h.run_steps(2);
    // A short question: as large as the screen allows, and wholly on it.
    let short = label_rect(&h, "林老师，您从什么时候开始翻译科幻小说");
    assert!(short.bottom() <= 800.0 && short.top() >= 0.0, "{short:?}");
    // The answer below is longer: a smaller size, still wholly on the screen.
    press(&mut h, Key::ArrowRight);
    h.run_steps(2);
    let long = label_rect(&h, "第一篇");
    assert!(long.bottom() <= 800.0 && long.top() >= 0.0, "{long:?}");
    assert!(long.height() > 800.0 * 0.45, "the answer fills much of the screen: {long:?}");
    // With fitting off, every pair has the presentation size: the short question is smaller.
    press(&mut h, Key::ArrowLeft);
    h.state_mut().handle(tandem::app::Action::Nav(tandem::state::NavAction::ToggleFitEachPair));
    h.run_steps(3);
    let fixed = label_rect(&h, "林老师，您从什么时候开始翻译科幻小说");
    assert!(fixed.height() < short.height(), "{fixed:?} vs fitted {short:?}");
}

#[test]
fn presenting_keeps_the_current_pair_in_the_middle_when_the_window_grows() {
    let (dir, files) = common::generated_interview("ui-recentre", 120, 5);
    let mut h = common::app_with(Some(files));
    press(&mut h, Key::F5);
    h.state_mut().handle(tandem::app::Action::Nav(tandem::state::NavAction::To(40)));
    h.run_steps(30);
    // Full screen arrives a few frames later: the window is now much taller.
    h.set_size(egui::vec2(1200.0, 1400.0));
    h.run_steps(40);
    // The current pair's left cell (its text's first characters are its label's) sits near the
    // middle of the new, taller window, not where the middle of the old one was.
    let (text, tall) = {
        let app = h.state();
        let pair = app.pair().unwrap();
        let t = pair.alignment.links[40].left.start;
        (pair.docs.left.turns.turns[t].text.chars().take(10).collect::<String>(), 1400.0)
    };
    let rect = h.get_by_label_contains(&text).rect();
    assert!(rect.top() < tall / 2.0 + 150.0 && rect.bottom() > tall / 2.0 - 150.0, "{rect:?} is not about the middle");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn with_reduced_motion_a_jump_shows_the_pair_in_the_next_frame() {
    let (dir, files) = common::generated_interview("ui-jump", 300, 9);
    let mut h = common::app_with(Some(files));
    h.state_mut().handle(tandem::app::Action::SetReduceMotion(Some(true)));
    assert_eq!(h.ctx.global_style().scroll_animation, egui::style::ScrollAnimation::none());
    h.state_mut().handle(tandem::app::Action::Nav(tandem::state::NavAction::To(200)));
    h.step();
    let rows = h.state().view.as_ref().unwrap().visible.clone();
    assert!(rows.contains(&200), "row 200 is on screen at once: {rows:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn one_column_can_be_hidden_for_a_room_that_reads_one_language() {
    let mut h = common::app_with(None);
    let shown = |h: &Harness<'_, TandemApp>, text: &str| h.query_all_by_label_contains(text).next().is_some();
    assert!(shown(&h, "林晓") && shown(&h, "Lin Xiao"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run_steps(3);
    assert!(!shown(&h, "林晓"), "the Chinese column is hidden");
    assert!(shown(&h, "Lin Xiao"), "the French one stays");
    assert!(shown(&h, "the left column is hidden"), "and the status line says so");
    // The one column takes the whole width.
    let text = h.get_by_label_contains("Lin Xiao, quand avez-vous").rect();
    assert!(text.left() < 100.0, "the translation starts at the left edge: {text:?}");
    h.key_press(Key::F5);
    h.run_steps(3);
    assert!(!shown(&h, "林晓") && shown(&h, "Lin Xiao"), "presenting keeps it hidden");
    h.key_press(Key::Escape);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run_steps(3);
    assert!(shown(&h, "林晓") && shown(&h, "Lin Xiao"), "both again");
}

/// Drags the mouse across the first words of the label holding `text` (its text line, below the
/// turn's number and speaker).
fn drag_select(h: &mut Harness<'_, TandemApp>, text: &str) {
    drag_select_across(h, text, 60.0);
}

/// [`drag_select`] across `width` points of the text line.
fn drag_select_across(h: &mut Harness<'_, TandemApp>, text: &str, width: f32) {
    let rect = h.get_by_label_contains(text).rect();
    let y = rect.top() + 30.0;
    let (from, to) = (egui::pos2(rect.left() + 1.0, y), egui::pos2(rect.left() + width, y));
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    h.event(egui::Event::PointerMoved(from));
    h.event(button(from, true));
    h.event(egui::Event::PointerMoved(to));
    h.event(button(to, false));
    h.run_steps(3);
}

#[test]
fn selected_words_stay_highlighted_in_their_pair_until_cleared() {
    let mut h = common::app_with(None);
    h.state_mut().finish_inside();
    // Drag across the start of the French question of row 3.
    drag_select(&mut h, "Lin Xiao, quand avez-vous");
    let (row, text) = h.state().nav.selection.clone().expect("the selection is caught");
    assert_eq!(row, 2);
    assert!(text.starts_with("Lin") && text.len() < 30, "{text:?}");
    h.state_mut().finish_inside();
    h.key_press(Key::H);
    h.run_steps(2);
    let phrases = h.state().nav.phrases.clone();
    assert_eq!(phrases, [(2, text.clone())], "H keeps it highlighted in its pair");
    assert!(h.state().nav.selection.is_none());
    // It stays while the reader moves on, and goes with Shift+H.
    h.key_press(Key::ArrowRight);
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().nav.phrases, phrases);
    h.key_press_modifiers(Modifiers::SHIFT, Key::H);
    h.run_steps(2);
    assert!(h.state().nav.phrases.is_empty());
    h.key_press(Key::H);
    h.run_steps(1);
    assert!(h.state().nav.phrases.is_empty(), "nothing selected, nothing highlighted");
    // Highlights follow their pair: an edit above it, which moves the rows, moves them with it.
    drag_select(&mut h, "Lin Xiao, quand avez-vous");
    h.key_press(Key::H);
    h.run_steps(2);
    assert_eq!(h.state().nav.phrases, phrases);
    h.key_press(Key::Home);
    h.key_press_modifiers(Modifiers::COMMAND, Key::U);
    h.run_steps(2);
    let moved: Vec<(usize, String)> = phrases.iter().map(|(_, p)| (3, p.clone())).collect();
    assert_eq!(h.state().nav.phrases, moved, "row 1 unlinked into two: the pair is now row 4");
    // And back with Ctrl+Z.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(h.state().nav.phrases, phrases);
}

#[test]
fn the_presenter_view_shows_the_next_pair_and_steps_the_talk() {
    let mut h = common::app_with(None);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run_steps(3);
    assert!(h.state().nav.presenter_view);
    h.get_by_label("Now");
    h.get_by_label("Next");
    // Row 1 is current: the next pair is the source line, in both languages.
    assert!(h.query_by_label_contains("pair 1 of 16 · row 1 of 17").is_some());
    let next = |h: &Harness<'_, TandemApp>| h.query_all_by_label_contains("exemple écrit pour Tandem").count();
    assert!(next(&h) >= 2, "the next pair is shown (and the row itself)");
    h.get_by_label("Next ▶").click();
    h.run_steps(3);
    assert_eq!(h.state().nav.current, 1, "the presenter's button steps the talk");
    assert!(h.query_by_label_contains("pair 2 of 16 · row 2 of 17").is_some());
    assert!(h.query_by_label("0 min").is_none(), "no clock before the talk begins");
    h.key_press(Key::F5);
    h.run_steps(3);
    assert!(h.query_by_label("0 min").is_some(), "the presenter's clock");
    assert!(h.query_by_label_contains("the room sees this pair").is_some());
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run_steps(3);
    assert!(!h.state().nav.presenter_view && h.query_by_label("Now").is_none(), "and it closes");
}

#[test]
fn f2_goes_from_bookmark_to_bookmark_and_the_menu_lists_them() {
    let mut h = app();
    press(&mut h, Key::F2);
    assert_eq!(current(&h), 0, "no bookmarks: nowhere to go");
    h.get_by_label_contains("No bookmarks yet");
    for row in [2, 5] {
        h.state_mut().handle(tandem::app::Action::Nav(tandem::app::NavAction::To(row)));
        h.run_steps(2);
        h.key_press_modifiers(egui::Modifiers::COMMAND, Key::B);
        h.run_steps(2);
    }
    press(&mut h, Key::Home);
    press(&mut h, Key::F2);
    assert_eq!(current(&h), 2);
    press(&mut h, Key::F2);
    assert_eq!(current(&h), 5);
    press(&mut h, Key::F2);
    assert_eq!(current(&h), 2, "past the last, the first");
    h.key_press_modifiers(egui::Modifiers::SHIFT, Key::F2);
    h.run_steps(2);
    assert_eq!(current(&h), 5, "before the first, the last");
    // Navigate › Bookmarks lists them by row and first words.
    h.get_by_role_and_label(Role::Button, "Navigate").click();
    h.run_steps(2);
    h.get_by_label("Bookmarks (2)").click();
    h.run_steps(2);
    h.get_by_label_contains("Row 3 · #3 ↔ #3 — ").click();
    h.run_steps(2);
    assert_eq!(current(&h), 2);
}

#[test]
fn a_long_pair_leaves_the_presenter_the_next_one_and_the_clock_in_view() {
    let mut h = common::app_with(None);
    // Ten rows merged into the first: a long current pair.
    for _ in 0..10 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::M);
        h.run_steps(2);
    }
    assert!(h.state().pair().unwrap().alignment.links[0].left.len() >= 10);
    h.key_press(Key::F5);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run_steps(4);
    let bottom = |h: &Harness<'_, TandemApp>, label: &str| h.get_by_label_contains(label).rect().bottom();
    assert!(bottom(&h, "the room sees this pair") < 800.0);
    assert!(bottom(&h, "0 min") < 800.0);
    let next = h.get_by_label("Next").rect();
    assert!(next.bottom() < 800.0, "the next pair's heading is in view: {next:?}");
}

#[test]
fn pointing_at_a_number_highlights_its_counterpart() {
    let files = [common::fixture("lin_xiao_zh.txt"), common::fixture("lin_xiao_fr.txt")];
    let mut h = common::app_with(Some(files));
    h.state_mut().finish_inside();
    h.run_steps(2);
    // The year is near the start of the answer's text, under the turn's heading line: the
    // pointer goes over it from the left until what it points at is the year.
    let cell = label_rect(&h, "我在2009年翻译了第一篇短篇小说");
    let mut found = None;
    'search: for dy in (4..90).step_by(5) {
        for dx in (2..120).step_by(5) {
            h.hover_at(egui::pos2(cell.left() + dx as f32, cell.top() + dy as f32));
            h.run_steps(2);
            let words = h.state().pointed_words();
            if words.left.iter().any(|w| w == "2009") {
                found = Some(words);
                break 'search;
            }
        }
    }
    let words = found.expect("the pointer found the year");
    assert_eq!(words.right, ["2009"], "the French year is highlighted");
    // Off the text, nothing is.
    h.hover_at(egui::pos2(cell.right() + 300.0, cell.bottom() + 300.0));
    h.run_steps(2);
    assert!(h.state().pointed_words().left.is_empty());
}

#[test]
fn in_presentation_s_steps_through_the_current_pairs_sentences_and_on() {
    let files = [common::fixture("lin_xiao_zh.txt"), common::fixture("lin_xiao_fr.txt")];
    let mut h = common::app_with(Some(files));
    h.state_mut().finish_inside();
    // The answer with two sentences a side.
    let row = (0..h.state().pair().unwrap().alignment.links.len())
        .find(|&r| h.state().inside.as_ref().unwrap().rows[r].left.len() == 2)
        .expect("a pair of two sentences");
    h.state_mut().handle(tandem::state::Action::Nav(tandem::state::NavAction::To(row)));
    press(&mut h, Key::S);
    assert_eq!(h.state().nav.sentence, None, "S is a presentation key");
    press(&mut h, Key::F5);
    press(&mut h, Key::S);
    assert_eq!(h.state().nav.sentence, Some((row, 0)));
    press(&mut h, Key::S);
    assert_eq!(h.state().nav.sentence, Some((row, 1)));
    press(&mut h, Key::S);
    assert_eq!((current(&h), h.state().nav.sentence), (row + 1, Some((row + 1, 0))), "past the last: the next pair");
    h.key_press_modifiers(Modifiers::SHIFT, Key::S);
    h.run_steps(2);
    assert_eq!((current(&h), h.state().nav.sentence), (row, Some((row, 1))), "and back");
    // Help › Keys lists it.
    assert!(tandem::ui::keymap::BINDINGS.iter().any(|b| b.help.contains("next sentence")));
}

#[test]
fn h_highlights_the_selected_words_counterparts_too() {
    let mut h = common::app_with(None);
    h.state_mut().finish_inside();
    // The French question of row 3, whose `traduire` the pair's own lexicon links to `翻译`.
    let question = "Lin Xiao, quand avez-vous";
    let width = h.get_by_label_contains(question).rect().width() - 2.0;
    drag_select_across(&mut h, question, width);
    let (row, text) = h.state().nav.selection.clone().expect("the selection is caught");
    assert!(text.contains("traduire"), "{text:?}");
    press(&mut h, Key::H);
    assert_eq!(h.state().nav.phrases, [(row, text), (row, "翻译".to_string())]);
}
