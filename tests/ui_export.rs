//! File › Export… as a user meets it: the window opens from the keyboard and the menu, offers the
//! detected languages, writes the chosen rows to a typed path with a message, and refuses to
//! replace a file it was not told to replace.

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tandem-ui-export-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn type_path<S>(h: &mut egui_kittest::Harness<'_, S>, path: &std::path::Path) {
    h.get_by_role_and_label(Role::TextInput, "Export to").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Export to").type_text(&path.display().to_string());
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run_steps(2);
}

/// The path typed once more, and the export's question waited for.
fn type_path_again(h: &mut egui_kittest::Harness<'_, tandem::app::TandemApp>, path: &std::path::Path) {
    h.get_by_label("Type a path…").click();
    h.run_steps(2);
    type_path(h, path);
    h.state_mut().finish_export();
    h.run_steps(2);
}

#[test]
fn flagged_rows_go_to_a_typed_path_and_a_file_is_never_replaced_unasked() {
    let dir = temp("flagged");
    // The faithful French text against an English one with numbers changed: rows to flag.
    let files = [common::fixture("review/bakery_fr.txt"), common::fixture("review/bakery_en_changed.txt")];
    let mut h = common::app_with(Some(files));
    h.state_mut().finish_review();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.run_steps(2);
    assert!(h.state().export.open, "Ctrl+Shift+E opens the Export window");
    assert!(h.state().project.note_row.is_none(), "and not the note of Ctrl+E");
    // The languages are found.
    assert_eq!(h.state().drafts.export_langs.left, "fr");
    assert_eq!(h.state().drafts.export_langs.right, "en");
    h.get_by_label("Tab-separated table (TSV)").click();
    h.get_by_label_contains("Flagged rows only").click();
    h.run_steps(1);
    h.get_by_label("Type a path…").click();
    h.run_steps(2);
    let out = dir.join("flagged.tsv");
    type_path(&mut h, &out);
    h.state_mut().finish_export();
    h.run_steps(2);
    let text = std::fs::read_to_string(&out).expect("the export is written");
    let rows: Vec<&str> = text.lines().skip(1).collect();
    let flagged = {
        let review = &h.state().review;
        let mut rows: Vec<usize> = review.shown.iter().map(|&k| review.flags[k].1.row).collect();
        rows.dedup();
        rows.len()
    };
    assert!(flagged > 0, "the sample has flags");
    assert_eq!(rows.len(), flagged, "one line per flagged row");
    assert!(rows.iter().all(|r| !r.split('\t').nth(7).unwrap_or_default().is_empty()));
    // In the window and in the status line.
    assert_eq!(h.get_all_by_label_contains(&format!("Exported {flagged} rows as TSV to")).count(), 2);

    // The same typed path again: the window asks (no command-line hint), and "Keep it" keeps it.
    std::fs::write(&out, "mine").unwrap();
    h.get_by_label("Type a path…").click();
    h.run_steps(2);
    type_path(&mut h, &out);
    h.state_mut().finish_export();
    h.run_steps(2);
    h.get_by_label("⚠ flagged.tsv already exists. Replace it?");
    assert!(h.query_by_label_contains("--force").is_none(), "no command-line hint in a window");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine", "nothing written before the answer");
    h.get_by_role_and_label(Role::Button, "Keep it").click();
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    assert!(h.query_by_label_contains("Replace it?").is_none(), "the question is answered");
    // Asked again, "Replace" writes the export over it.
    h.get_by_label("Type a path…").click();
    h.run_steps(2);
    type_path(&mut h, &out);
    h.state_mut().finish_export();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "Replace").click();
    h.run_steps(2);
    h.state_mut().finish_export();
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), text, "replaced by the same export");
    // And kept once more, for the status line below.
    type_path_again(&mut h, &out);
    h.get_by_role_and_label(Role::Button, "Keep it").click();
    h.run_steps(2);
    assert!(h.get_all_by_label_contains("kept as it was").count() > 0);
    h.get_by_role_and_label(Role::Button, "Close").click();
    h.run_steps(2);
    assert!(!h.state().export.open);
    // Another pair opened: the status line no longer talks about the last pair's export.
    assert!(h.query_by_label_contains("kept as it was").is_some(), "said in the status line");
    h.state_mut().handle(tandem::app::Action::OpenSample);
    h.run_steps(1);
    h.state_mut().finish_loading();
    h.run_steps(2);
    assert!(h.query_by_label_contains("kept as it was").is_none(), "{:?}", h.state().project.last);
    assert!(h.state().export.outcome.is_none());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_menu_opens_it_and_typed_languages_go_into_the_file() {
    let dir = temp("menu");
    let mut h = common::app_with(None);
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run_steps(3);
    h.get_by_label_contains("Export…").click();
    h.run_steps(2);
    assert!(h.state().export.open, "File › Export… opens the window");
    // The menu closes, then the window lays itself out.
    h.run_steps(2);
    h.get_by_label("TMX translation memory").click();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, "Left (interview_zh.txt)").focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Left (interview_zh.txt)").type_text("zh-Hans");
    h.run_steps(1);
    assert_eq!(h.state().drafts.export_langs.left, "zh-Hans");
    h.get_by_label("Type a path…").click();
    h.run_steps(2);
    // A name without an extension gets the format's.
    type_path(&mut h, &dir.join("memory"));
    h.state_mut().finish_export();
    h.run_steps(1);
    let tmx = std::fs::read_to_string(dir.join("memory.tmx")).expect("written with its extension");
    assert!(tmx.contains("srclang=\"zh-Hans\"") && tmx.contains("xml:lang=\"fr\""), "{}", &tmx[..600.min(tmx.len())]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sentence_segments_chosen_in_the_window_give_a_unit_per_sentence_group() {
    let dir = temp("sentences");
    let mut h = common::app_with(None);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.run_steps(3);
    h.get_by_label("TMX translation memory").click();
    h.get_by_label_contains("A row per sentence group").click();
    h.run_steps(1);
    h.get_by_label("Type a path…").click();
    h.run_steps(2);
    type_path(&mut h, &dir.join("sentences.tmx"));
    h.state_mut().finish_export();
    h.run_steps(1);
    let xml = std::fs::read_to_string(dir.join("sentences.tmx")).expect("written");
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(&xml, options).expect("well-formed TMX");
    let ids: Vec<&str> =
        doc.descendants().filter(|n| n.has_tag_name("tu")).filter_map(|n| n.attribute("tuid")).collect();
    // The answer in two sentences a side (pair 8 of the sample) is two units.
    assert!(ids.contains(&"8.1") && ids.contains(&"8.2"), "{ids:?}");
    let segs: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("seg")).filter_map(|n| n.text()).collect();
    assert!(segs.contains(&"Le plus difficile, c’est le rythme."), "{segs:?}");
    std::fs::remove_dir_all(&dir).ok();
}
