//! The real app driven headless with egui_kittest: what a user sees and does.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tandem::app::{Action, Settings, TandemApp, Target};

use tandem::core::review::FlagKind;

mod common;
use common::{app_with, fixture, wheel};

/// A file dropped on the window, as the windowing integration would hand it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn dropped(path: PathBuf) -> egui::DroppedFileHandle {
    std::sync::Arc::new(Dropped(path))
}

#[test]
fn the_sample_pair_shows_its_rows_and_speakers() {
    let harness = app_with(None);
    // Each header: the document's own title, its file name below.
    harness.get_by_label_contains("interview_zh.txt · ");
    harness.get_by_label_contains("interview_fr.txt · ");
    assert!(!harness.query_all_by_label_contains("林晓").collect::<Vec<_>>().is_empty());
    assert!(!harness.query_all_by_label_contains("Lin Xiao").collect::<Vec<_>>().is_empty());
    harness.get_by_label_contains("最难的是节奏");
    harness.get_by_label_contains("Le plus difficile, c’est le rythme");
    harness.get_by_label_contains("Chinese · UTF-8 · 17 turns");
}

#[test]
fn the_sample_shows_the_review_at_work_a_number_and_a_missing_answer() {
    let mut harness = app_with(None);
    harness.state_mut().finish_review();
    harness.run_steps(2);
    let review = &harness.state().review;
    let kinds: Vec<FlagKind> = review.shown.iter().map(|&k| review.flags[k].1.kind).collect();
    assert_eq!(kinds, [FlagKind::Numbers, FlagKind::Missing], "{:?}", review.flags);
    // The answer the French left out faces an empty cell, a row of its own.
    let row = review.flags[review.shown[1]].1.row;
    let link = harness.state().pair().unwrap().alignment.links[row].clone();
    assert!(link.right.is_empty() && link.left.len() == 1, "{link:?}");
    harness.get_by_label("2 flags");
}

#[test]
fn a_pair_from_the_command_line_appears() {
    let mut harness = app_with(Some([fixture("lin_xiao_zh_gbk_crlf.txt"), fixture("lin_xiao_fr.txt")]));
    harness.get_by_label_contains("lin_xiao_zh_gbk_crlf.txt · ");
    harness.get_by_label_contains("Chinese · GBK · 15 turns");
    assert!(harness.query_all_by_label_contains("Animateur").count() >= 2);
    // The question the French left out faces an empty cell.
    assert!(harness.state().pair().unwrap().alignment.links.iter().any(|l| l.right.is_empty()));
    harness.state_mut().view.as_mut().unwrap().scroll_to_row(9);
    harness.run_steps(3);
    harness.get_by_label_contains("您现在每天工作多少小时");
    assert!(harness.query_all_by_label_contains("no counterpart").count() >= 1);
}

/// The top of each visible row's left and right cells, found by their turn numbers.
fn cell_tops(harness: &Harness<'_, TandemApp>) -> Vec<(f32, f32)> {
    let app = harness.state();
    let pair = app.pair().unwrap();
    let view = app.view.as_ref().unwrap();
    let mut tops = Vec::new();
    for row in view.visible.clone() {
        let link = &pair.alignment.links[row];
        let (Some(l), Some(r)) = (link.left.clone().next(), link.right.clone().next()) else { continue };
        let find = |t: usize, right: bool| {
            let label = format!("#{}  l.", t + 1);
            harness
                .query_all_by_label_contains(&label)
                .map(|n| n.rect())
                .find(|r| (r.left() > 600.0) == right)
                .map(|r| r.top())
        };
        if let (Some(a), Some(b)) = (find(l, false), find(r, true)) {
            tops.push((a, b));
        }
    }
    tops
}

#[test]
fn scrolling_keeps_paired_turns_on_one_row() {
    let (dir, files) = common::generated_interview("ui-scroll", 400, 3);
    let mut harness = app_with(Some(files));
    let before = harness.state().view.as_ref().unwrap().visible.clone();
    harness.hover_at(egui::pos2(300.0, 400.0));
    for _ in 0..40 {
        wheel(&harness, -400.0);
        harness.run_steps(1);
    }
    harness.run_steps(2);
    let after = harness.state().view.as_ref().unwrap().visible.clone();
    assert!(after.start > before.start + 20, "the view scrolled: {before:?} → {after:?}");
    let tops = cell_tops(&harness);
    assert!(tops.len() >= 3, "several paired rows are on screen: {tops:?}");
    for (l, r) in tops {
        assert!((l - r).abs() < 0.5, "paired turns start on the same line: {l} vs {r}");
    }
    // Another pair opens at its first row, not at the scroll position of this one.
    harness.state_mut().handle(Action::OpenSample);
    harness.state_mut().finish_loading();
    harness.run_steps(4);
    assert_eq!(harness.state().view.as_ref().unwrap().visible.start, 0, "a new pair opens at row 1");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn swap_exchanges_the_sides() {
    let mut harness = app_with(None);
    harness.get_by_role_and_label(Role::Button, "⇄ Swap").click();
    harness.run_steps(2);
    let pair = harness.state().pair().unwrap();
    assert!(pair.docs.left.path.ends_with("interview_fr.txt"));
    let left_header = harness.get_by_label_contains("interview_fr.txt · ").rect();
    let right_header = harness.get_by_label_contains("interview_zh.txt · ").rect();
    assert!(left_header.left() < right_header.left());
}

#[test]
fn text_size_follows_the_keyboard() {
    let mut harness = app_with(None);
    let start = harness.state().settings.text_size;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.text_size, start + 1.0);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.text_size, start - 1.0);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num0);
    harness.run_steps(2);
    assert_eq!(harness.state().settings.text_size, start);
    harness.get_by_label(&format!("{start:.0} pt"));
}

#[test]
fn a_bad_file_shows_an_error_and_keeps_the_open_pair() {
    let mut harness = app_with(None);
    let dir = std::env::temp_dir().join(format!("tandem-ui-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("photo.jpg");
    std::fs::write(&binary, b"\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01").unwrap();
    for bad in [binary.clone(), dir.join("vanished.txt")] {
        harness.state_mut().handle(Action::OpenPaths(vec![bad.clone(), fixture("lin_xiao_fr.txt")], Target::Pair));
        harness.state_mut().finish_loading();
        harness.run_steps(2);
        let app = harness.state();
        assert!(app.pair().unwrap().docs.left.path.ends_with("interview_zh.txt"), "the sample stays open");
        let error = app.status_text().unwrap().to_string();
        assert!(error.contains(&bad.display().to_string()), "{error}");
        harness.get_by_label_contains("⚠");
    }
    harness.get_by_role_and_label(Role::Button, "Dismiss").click();
    harness.run_steps(2);
    assert!(harness.state().status.is_none());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn dropped_files_open() {
    let mut harness = app_with(None);
    let files = [fixture("lin_xiao_zh.txt"), fixture("lin_xiao_fr.txt")];
    harness.input_mut().dropped_files = files.iter().cloned().map(dropped).collect();
    harness.run_steps(1);
    harness.state_mut().finish_loading();
    harness.run_steps(2);
    assert!(harness.state().pair().unwrap().docs.left.path.ends_with("lin_xiao_zh.txt"));
    harness.get_by_label_contains("lin_xiao_fr.txt · ");

    // One file dropped on the right half replaces the right side only.
    harness.hover_at(egui::pos2(1000.0, 400.0));
    harness.input_mut().dropped_files = vec![dropped(fixture("lin_xiao_fr_utf16.txt"))];
    harness.run_steps(1);
    harness.state_mut().finish_loading();
    harness.run_steps(2);
    let pair = harness.state().pair().unwrap();
    assert!(
        pair.docs.left.path.ends_with("lin_xiao_zh.txt") && pair.docs.right.path.ends_with("lin_xiao_fr_utf16.txt")
    );
    assert_eq!(pair.docs.right.encoding, "UTF-16LE");
}

#[test]
fn the_theme_toggles_and_persists_in_settings() {
    let mut harness = app_with(None);
    harness.get_by_role_and_label(Role::Button, "● Dark").click();
    harness.run_steps(2);
    assert!(harness.state().settings.dark);
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    let saved = serde_json::to_string(&harness.state().settings).unwrap();
    assert!(saved.contains("\"dark\":true"));
}

#[test]
fn with_no_file_dialog_a_path_field_is_offered() {
    if std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some() {
        println!("skipped: a desktop is present, so a real file dialog would open and wait for a person");
        return;
    }
    let mut harness = app_with(None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    let started = std::time::Instant::now();
    while harness.state().path_entry.is_none() && started.elapsed().as_secs() < 20 {
        harness.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    harness.run_steps(2);
    assert!(harness.state().path_entry.is_some(), "the UI never froze and offers a path field");
    harness.get_by_label_contains("No file dialog could be shown");
    assert_eq!(harness.query_all_by_role(Role::TextInput).count(), 2);
    let (zh, fr) = (fixture("lin_xiao_zh.txt"), fixture("lin_xiao_fr.txt"));
    for (k, path) in [zh, fr].iter().enumerate() {
        harness.query_all_by_role(Role::TextInput).nth(k).unwrap().focus();
        harness.run_steps(1);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.query_all_by_role(Role::TextInput).nth(k).unwrap().type_text(&path.display().to_string());
        harness.run_steps(1);
    }
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.run_steps(1);
    harness.state_mut().finish_loading();
    harness.run_steps(2);
    assert!(harness.state().pair().unwrap().docs.left.path.ends_with("lin_xiao_zh.txt"));
    assert!(harness.state().path_entry.is_none());
}

#[test]
fn dragging_the_gutter_moves_the_split() {
    let mut harness = app_with(None);
    let before = harness.state().settings.split;
    let x = 1200.0 * before;
    harness.drag_at(egui::pos2(x, 400.0));
    harness.run_steps(1);
    harness.hover_at(egui::pos2(x - 240.0, 400.0));
    harness.run_steps(1);
    harness.drop_at(egui::pos2(x - 240.0, 400.0));
    harness.run_steps(2);
    let after = harness.state().settings.split;
    assert!(after < before - 0.1, "split {before} → {after}");
    let left = harness.get_by_label_contains("interview_zh.txt · ").rect();
    let right = harness.get_by_label_contains("interview_fr.txt · ").rect();
    assert!(right.left() < 600.0 && left.left() < right.left());
}

#[test]
fn an_empty_window_says_how_to_open_files_and_offers_the_sample() {
    let mut harness = app_with(Some([fixture("nowhere_zh.txt"), fixture("nowhere_fr.txt")]));
    assert!(harness.state().pair().is_none());
    assert!(harness.state().status_text().is_some_and(|e| e.contains("nowhere_zh.txt")));
    harness.get_by_label_contains("drop two files on this window");
    harness.get_by_role_and_label(Role::Button, "Open the sample pair").click();
    harness.run_steps(2);
    harness.state_mut().finish_loading();
    harness.run_steps(2);
    assert!(harness.state().pair().unwrap().docs.left.path.ends_with("interview_zh.txt"));
}

#[test]
fn a_swap_is_remembered_for_the_next_start() {
    let mut harness = app_with(Some([fixture("lin_xiao_zh.txt"), fixture("lin_xiao_fr.txt")]));
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::S);
    harness.run_steps(2);
    let last = harness.state().settings.last_pair.clone().unwrap();
    assert!(last[0].ends_with("lin_xiao_fr.txt") && last[1].ends_with("lin_xiao_zh.txt"), "{last:?}");
}

#[test]
fn a_remembered_pair_whose_file_is_gone_is_named_and_a_way_offered() {
    let settings =
        Settings { last_pair: Some([fixture("lin_xiao_zh.txt"), fixture("gone_fr.txt")]), ..Settings::default() };
    let mut harness = Harness::builder()
        .with_size([1200.0, 800.0])
        .build_eframe(move |cc| TandemApp::with_settings(cc.egui_ctx.clone(), settings.clone(), None));
    harness.state_mut().finish_loading();
    harness.run_steps(3);
    assert!(harness.state().pair().unwrap().docs.left.path.ends_with("interview_zh.txt"), "the sample");
    harness.get_by_label_contains("gone_fr.txt is no longer there");
    assert_eq!(harness.query_all_by_role(Role::TextInput).count(), 2, "the paths, to correct");
}

#[test]
fn a_word_pair_opens_and_shows_paragraphs_instead_of_lines() {
    let h =
        common::app_with(Some([common::fixture("formats/bakery_zh.docx"), common::fixture("formats/bakery_fr.docx")]));
    assert!(h.state().status.is_none(), "{:?}", h.state().status);
    assert_eq!(h.get_all_by_label_contains("#4  paragraph 4").count(), 2, "both columns");
    assert!(h.query_by_label_contains("#4  l. ").is_none(), "no line numbers a Word file does not have");
    assert!(h.get_all_by_label_contains("克莱尔·莫雷尔").count() > 0);
}

#[cfg(unix)]
#[test]
fn waiting_for_a_pipe_nobody_writes_to_can_be_cancelled_and_the_pair_stays() {
    let dir = std::env::temp_dir().join(format!("tandem-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("nobody.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let mut h = app_with(None);
    let sample = h.state().pair().map(|p| p.docs.left.path.clone());
    h.state_mut().handle(Action::OpenPaths(vec![fifo.clone(), fixture("lin_xiao_fr.txt")], Target::Pair));
    h.run_steps(2);
    assert!(h.state().loading.is_some(), "the pipe is being waited for");
    h.get_by_label_contains("Reading and aligning nobody.txt");
    // In the middle of the window: what is being done, a progress bar, and Cancel.
    h.get_by_label("Opening nobody.txt ↔ lin_xiao_fr.txt");
    for _ in 0..200 {
        if h.query_by_label_contains("Reading and decoding nobody.txt").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
    h.get_by_label_contains("Reading and decoding nobody.txt");
    assert!(h.query_all_by_role(egui::accesskit::Role::ProgressIndicator).next().is_some(), "a progress bar");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(h.state().loading.is_none(), "Esc stops waiting");
    assert_eq!(h.state().pair().map(|p| p.docs.left.path.clone()), sample, "the pair on screen stays");
    h.get_by_label_contains("Stopped opening nobody.txt");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_wrong_typed_path_keeps_the_field_open_with_the_reason() {
    let mut h = app_with(None);
    h.state_mut().handle(Action::ShowPathEntry(Target::Pair));
    h.run_steps(1);
    let missing = std::env::temp_dir().join("tandem-no-such-file.txt");
    h.state_mut().handle(Action::OpenPaths(vec![missing, fixture("lin_xiao_fr.txt")], Target::Pair));
    h.state_mut().finish_loading();
    h.run_steps(2);
    let entry = h.state().path_entry.clone().expect("the field stays open");
    assert!(entry.reason.contains("no such file"), "{}", entry.reason);
    h.get_by_role_and_label(Role::Button, "Open");
    // A right path opens the pair and closes the field.
    h.state_mut().handle(Action::OpenPaths(vec![fixture("lin_xiao_zh.txt"), fixture("lin_xiao_fr.txt")], Target::Pair));
    h.state_mut().finish_loading();
    h.run_steps(2);
    assert!(h.state().path_entry.is_none());
}

#[test]
fn digits_typed_to_go_to_a_turn_are_shown_until_enter() {
    let mut h = app_with(None);
    h.event(egui::Event::Text("12".into()));
    h.run_steps(2);
    assert_eq!(h.state().nav.typed, "12");
    h.get_by_label_contains("go to turn 12… (Enter)");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(h.query_by_label_contains("go to turn").is_none(), "gone once Enter is pressed");
}

#[test]
fn esc_closes_an_open_menu() {
    let mut h = app_with(None);
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("Open pair…").is_some(), "the File menu is open");
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert!(h.query_by_label_contains("Open pair…").is_none(), "Esc closed it");
}

#[test]
fn a_documents_heading_is_its_title_and_can_be_renamed() {
    let dir = std::env::temp_dir().join(format!("tandem-title-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let hashed = dir.join("000_c399a18dbf3f9303.txt");
    std::fs::write(&hashed, "Le sel de la terre\n\nAnimatrice : Bonjour.\n\nAda : Bonjour à vous.\n").unwrap();
    let named = dir.join("salt_en.txt");
    std::fs::write(&named, "The salt of the earth\n\nHost: Hello.\n\nAda: Hello to you.\n").unwrap();
    let mut h = common::app_stepping(Some([hashed, named]), 0.05);
    h.get_by_label("Le sel de la terre");
    h.get_by_label_contains("000_c399a18dbf3f9303.txt · ");
    // A named file too shows the heading it opens with, its name below.
    h.get_by_label("The salt of the earth");
    h.get_by_label_contains("salt_en.txt · ");
    // Double-click a title to rename it; Enter keeps the new one, and undo brings the old back.
    let title = h.get_by_label("The salt of the earth");
    title.click();
    title.click();
    h.run_steps(2);
    h.get_by_role(egui::accesskit::Role::TextInput).focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role(egui::accesskit::Role::TextInput).type_text("Salt — English");
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    h.get_by_label("Salt — English");
    assert_eq!(
        h.state().annotations().unwrap().titles.get(&tandem::core::side::Side::Right).map(String::as_str),
        Some("Salt — English")
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    h.get_by_label("The salt of the earth");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_site_banner_is_no_title() {
    let dir = std::env::temp_dir().join(format!("tandem-banner-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let hashed = dir.join("002_a788a5ca975c5a75.txt");
    std::fs::write(&hashed, "<100 subscribers\n\nShare Dialog\n\nHost: Hello.\n\nAda: Hello to you.\n").unwrap();
    let other = dir.join("salt_fr.txt");
    std::fs::write(&other, "Animatrice : Bonjour.\n\nAda : Bonjour à vous.\n").unwrap();
    let h = app_with(Some([hashed, other]));
    // The header keeps the file name: the banner says nothing about the document.
    h.get_by_label("002_a788a5ca975c5a75.txt");
    std::fs::remove_dir_all(&dir).ok();
}

/// Characters laid out by the next frames, and the numbers of the sentences shown (a label's
/// text is its accessible value).
fn shown_sentences(h: &mut Harness<'_, TandemApp>) -> (usize, Vec<usize>) {
    h.state().view.as_ref().unwrap().take_laid_out();
    h.run_steps(2);
    let laid_out = h.state().view.as_ref().unwrap().take_laid_out();
    let mut numbers: Vec<usize> = h
        .query_all_by_label_contains("Sentence ")
        .filter_map(|n| n.accesskit_node().value())
        .flat_map(|l| {
            l.split("Sentence ").skip(1).filter_map(|s| s.split(' ').next()?.parse().ok()).collect::<Vec<usize>>()
        })
        .collect();
    numbers.sort_unstable();
    (laid_out, numbers)
}

#[test]
fn a_turn_of_megabytes_is_laid_out_only_where_it_is_on_screen() {
    let dir = std::env::temp_dir().join(format!("tandem-long-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let long: String = (1..=45_000).map(|k| format!("Sentence {k} of the one answer that never ends. ")).collect();
    assert!(long.len() > 2_000_000);
    std::fs::write(dir.join("en.txt"), format!("Host: Hello.\n\nGuest: {long}\n\nHost: Thank you.\n")).unwrap();
    std::fs::write(dir.join("fr.txt"), "Hôte : Bonjour.\n\nInvité : Une réponse courte.\n\nHôte : Merci.\n").unwrap();
    let mut h = app_with(Some([dir.join("en.txt"), dir.join("fr.txt")]));
    assert!(h.state().status.is_none(), "{:?}", h.state().status);
    let (laid_out, first) = shown_sentences(&mut h);
    assert!(laid_out < 60_000, "{laid_out} characters laid out for one screen");
    assert_eq!(first.first(), Some(&1), "{first:?}");
    let layout = h.state().view.as_ref().unwrap().layout();
    assert!(layout.total() > 200_000.0, "the whole turn has a height: {}", layout.total());
    // Far down the turn: other sentences, still a screen's worth of text.
    h.hover_at(egui::pos2(300.0, 400.0));
    for _ in 0..40 {
        wheel(&h, -2000.0);
        h.run_steps(2);
    }
    h.run_steps(8);
    let (laid_out, later) = shown_sentences(&mut h);
    assert!(laid_out < 60_000, "{laid_out} characters laid out for one screen");
    assert!(later.first().is_some_and(|&k| k > 500), "{:?}", later.first());
    assert!(later.len() < 300, "{} sentences on screen", later.len());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unrelated_texts_get_a_banner_above_the_columns() {
    let banner = "do not look like translations of each other";
    let mut h = app_with(Some([fixture("formats/bakery_zh.docx"), fixture("lin_xiao_fr.txt")]));
    assert!(h.query_by_label_contains(banner).is_some(), "the banner says so");
    // Flags on guessed pairs would be noise: there are none, and the panel says why.
    h.state_mut().finish_review();
    assert!(h.state().review.flags.is_empty() && !h.state().review.running);
    h.state_mut().handle(Action::Review(tandem::app::ReviewAction::TogglePanel));
    h.run_steps(3);
    assert!(h.query_by_label_contains("Not checked: these texts are not translations").is_some());
    let mut h = app_with(Some([fixture("lin_xiao_zh.txt"), fixture("lin_xiao_fr.txt")]));
    assert!(h.query_by_label_contains(banner).is_none(), "a translation has no banner");
    h.state_mut().finish_review();
    assert!(!h.state().review.flags.is_empty(), "a translation is checked (our fixture has flags)");
}

#[test]
fn settings_labels_keep_their_words_whole() {
    let mut h = app_with(None);
    h.state_mut().handle(Action::ShowSettings(true));
    h.run_steps(3);
    for label in ["Left column", "Right column", "Font of each column, ahead of the bundled Noto fonts:"] {
        let rect = h.get_by_label(label).rect();
        assert!(rect.height() < 24.0, "{label:?} is on one line: {rect:?}");
    }
}

#[test]
fn f1_lists_the_keys_from_the_one_table_and_the_menus_show_the_same() {
    let mut harness = app_with(None);
    harness.key_press(egui::Key::F1);
    harness.run_steps(2);
    harness.get_by_label("Keys");
    // Key texts made from the keys themselves, with what Help says of them.
    harness.get_by_label("Ctrl+Shift+Z · Ctrl+Y");
    harness.get_by_label("save the project as…");
    harness.get_by_label("Ctrl+Alt+S");
    assert!(harness.state().project.keys_open);
    // F1 again closes it, and so does Esc.
    harness.key_press(egui::Key::F1);
    harness.run_steps(2);
    assert!(!harness.state().project.keys_open);
    harness.key_press(egui::Key::F1);
    harness.run_steps(2);
    assert!(harness.state().project.keys_open);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().project.keys_open, "Esc closes Help › Keys");
    // The Export window too.
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::E);
    harness.run_steps(2);
    assert!(harness.state().export.open);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().export.open, "Esc closes the Export window");
}

#[test]
fn one_text_given_alone_asks_for_its_translation() {
    // What a double click on a text (the desktop entry's %F) gives: the text named, the other
    // file asked for, nothing else opened meanwhile.
    let text = fixture("lin_xiao_zh.txt");
    let one = vec![text.clone()];
    let mut harness = Harness::builder()
        .with_size([1200.0, 800.0])
        .build_eframe(move |cc| TandemApp::opening(cc.egui_ctx.clone(), Settings::default(), one.clone()));
    harness.state_mut().finish_loading();
    harness.run_steps(3);
    assert!(harness.state().pair().is_none());
    harness.get_by_label_contains("lin_xiao_zh.txt is on the left; give the other file");
    assert_eq!(harness.state().drafts.paths.left, text.display().to_string());
    assert_eq!(harness.state().path_entry.as_ref().and_then(|e| e.target), Some(Target::Pair));
}

#[test]
fn a_long_message_in_the_status_line_is_cut_short_and_its_dismiss_stays_in_the_window() {
    let mut harness = egui_kittest::Harness::builder().with_size([800.0, 600.0]).build_eframe(|cc| {
        tandem::app::TandemApp::with_settings(cc.egui_ctx.clone(), tandem::app::Settings::default(), None)
    });
    harness.state_mut().finish_loading();
    harness.run_steps(2);
    // Two files deep in folders that are not there: the message names the whole path.
    let deep = PathBuf::from("/very/deep/folder/".repeat(12));
    let files = vec![deep.join("interview_zh.txt"), deep.join("interview_fr.txt")];
    harness.state_mut().handle(Action::OpenPaths(files, Target::Pair));
    harness.run_steps(1);
    harness.state_mut().finish_loading();
    harness.run_steps(3);
    let long = harness.state().status_text().expect("an error").to_string();
    assert!(long.contains("interview_zh.txt"), "{long}");
    let dismiss = harness.get_by_label("Dismiss").rect();
    assert!(dismiss.right() <= 800.0, "Dismiss at {dismiss:?}");
    let shown = harness.get_by_label_contains("⚠ ").rect();
    assert!(shown.right() <= 800.0, "the message ends inside the window: {shown:?}");
    harness.get_by_label("Dismiss").click();
    harness.run_steps(2);
    assert!(harness.state().status.is_none());
}

#[test]
fn the_built_in_sample_says_it_is_one_and_offers_no_path_that_is_not_on_disk() {
    let mut harness = app_with(None);
    harness.get_by_label("Built-in sample");
    harness.state_mut().handle(Action::ShowPathEntry(Target::Pair));
    harness.run_steps(2);
    let field = harness.get_by_role_and_label(Role::TextInput, "Left");
    assert_eq!(field.value().unwrap_or_default(), "", "no `sample/interview_zh.txt` offered");
    // A pair of the user's files is no sample.
    harness
        .state_mut()
        .handle(Action::OpenPaths(vec![fixture("lin_xiao_zh.txt"), fixture("lin_xiao_fr.txt")], Target::Pair));
    harness.run_steps(1);
    harness.state_mut().finish_loading();
    harness.run_steps(2);
    assert!(harness.query_by_label("Built-in sample").is_none());
}

#[test]
fn a_transcripts_times_show_beside_each_turn() {
    let h = app_with(Some([fixture("formats/tunnel_en.txt"), fixture("formats/tunnel_zh.txt")]));
    h.get_by_label_contains("#2  l. 4–5 · 00:00:12");
    h.get_by_label_contains("#2  l. 4–5 · 00:12");
    assert!(h.query_by_label_contains("(00:00:12)").is_none(), "the time is not left in the speech");
}

/// A play's stage note written in the label (`LE VIEUX WREN, à la porte. — …`) is shown beside
/// the speaker's name, not lost with the label; the name alone is no note.
#[test]
fn a_labels_stage_note_shows_beside_the_speaker() {
    let h = app_with(Some([fixture("play/gull_fr.txt"), fixture("play/gull_zh.txt")]));
    h.get_by_label_contains("LE VIEUX WREN");
    h.get_by_label_contains("à la porte");
    h.get_by_label_contains("entrant, trempé");
    assert!(h.query_by_label_contains("MARA. —").is_none(), "a label's punctuation is not shown");
}
