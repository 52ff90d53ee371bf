//! Every character of the shared samples, our samples and our fixtures has a real glyph in the
//! bundled font stack (no system font needed), in both the Latin-first and the CJK-first order.

use std::path::Path;

use egui::FontId;
use egui::epaint::text::{Fonts, TextOptions};
use tandem::core::document::Script;
use tandem::ui::fonts::{Face, definitions};

fn texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut dirs = vec![root.join("assets/samples"), root.join("tests/fixtures")];
    let shared = root.join("../shared/samples");
    if shared.is_dir() {
        dirs.push(shared);
    } else {
        println!("skipped: ../shared/samples is not here; checking our own files only");
    }
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "txt")
                && let Ok(doc) = tandem::core::decode::read_file(&path, None)
            {
                out.push((path.display().to_string(), doc.text));
            }
        }
    }
    assert!(out.len() >= 4);
    out
}

#[test]
fn every_character_has_a_bundled_glyph() {
    let mut fonts = Fonts::new(TextOptions::default(), definitions(Default::default()));
    let faces = [Script::Latin, Script::Chinese].map(|s| Face::for_script(s, false, None));
    let bold = [Script::Latin, Script::Chinese].map(|s| Face::for_script(s, true, None));
    let mut checked = 0;
    for (path, text) in texts() {
        let mut chars: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
        chars.sort_unstable();
        chars.dedup();
        for face in faces.iter().chain(&bold) {
            let id: FontId = face.id(16.0);
            let missing: Vec<String> = chars
                .iter()
                .filter(|&&c| !fonts.has_glyph(&id, c))
                .map(|c| format!("{c} U+{:04X}", *c as u32))
                .collect();
            assert!(missing.is_empty(), "{path}: no bundled glyph in {face:?} for {missing:?}");
        }
        checked += chars.len();
    }
    assert!(checked > 1000, "{checked} distinct characters checked");
}

#[test]
fn the_interface_strings_have_glyphs_too() {
    let mut fonts = Fonts::new(TextOptions::default(), definitions(Default::default()));
    let id = FontId::proportional(14.0);
    for s in ["⇄ Swap", "● Dark", "☀ Light", "A− A+", "— no counterpart —", "⚠", "↔", "Ctrl+O", "l. 15–17 · #"]
    {
        assert!(s.chars().all(|c| fonts.has_glyph(&id, c)), "{s}");
    }
    assert!(!fonts.has_glyph(&id, '\u{20000}'), "the check does tell a missing glyph (CJK Ext-B)");
}
