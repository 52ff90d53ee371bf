//! The core never names a GUI crate: decoding, turns, alignment and reports stay testable alone.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_modules_do_not_import_gui_crates() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"), &mut files);
    assert!(files.len() >= 8, "the core is where we think it is");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for word in ["egui", "eframe", "rfd"] {
            let named = text.lines().any(|l| {
                let l = l.trim_start();
                !l.starts_with("//") && (l.contains(&format!("{word}::")) || l.contains(&format!("use {word}")))
            });
            assert!(!named, "{} names {word}", file.display());
        }
        let first = text.lines().next().unwrap_or("");
        assert!(first.starts_with("//!"), "{} opens with a //! line saying what it is for", file.display());
    }
}

#[test]
fn the_ui_reads_the_state_and_never_names_the_app() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"), &mut files);
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/state"), &mut files);
    assert!(files.len() >= 8, "the UI is where we think it is");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let named = text.lines().any(|l| !l.trim_start().starts_with("//") && l.contains("crate::app"));
        assert!(!named, "{} names the app: UI functions get the state and return actions", file.display());
        let gui = text.lines().any(|l| !l.trim_start().starts_with("//") && l.contains("egui::"));
        assert!(
            !gui || file.starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui")),
            "{} is plain data and names egui",
            file.display()
        );
    }
}
