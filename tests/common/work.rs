//! Helpers for the tests of the user's work (editing, projects, recovery): the app opened with a
//! store of its own, a scratch folder, the interview pair, a key and its frames.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use tandem::app::{Settings, TandemApp};
use tandem::core::alignment::Link;

use super::fixture;

/// The recovery copies in a store (one per pair).
pub fn recovery_copies(store: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(store.join("recovery")) else { return Vec::new() };
    entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "tandem")).collect()
}

pub fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tandem-ui-work-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The app opening `files` (two texts or one project), with its store in `store`.
pub fn app(files: Vec<PathBuf>, store: &Path) -> Harness<'static, TandemApp> {
    let store = store.to_path_buf();
    let mut h = Harness::builder().with_size([1300.0, 850.0]).build_eframe(move |cc| {
        let mut app = TandemApp::opening(cc.egui_ctx.clone(), Settings::default(), files.clone());
        app.set_store_dir(Some(store.clone()));
        app
    });
    h.state_mut().finish_loading();
    h.run_steps(2);
    h
}

pub fn pair_files() -> Vec<PathBuf> {
    vec![fixture("lin_xiao_zh.txt"), fixture("lin_xiao_fr.txt")]
}

/// The interview pair copied into `dir` as `zh.txt` and `fr.txt` (files a test may change, move
/// or delete).
pub fn pair_copied_into(dir: &Path) -> (PathBuf, PathBuf) {
    let (zh, fr) = (dir.join("zh.txt"), dir.join("fr.txt"));
    std::fs::copy(fixture("lin_xiao_zh.txt"), &zh).unwrap();
    std::fs::copy(fixture("lin_xiao_fr.txt"), &fr).unwrap();
    (zh, fr)
}

pub fn links(h: &Harness<'_, TandemApp>) -> Vec<Link> {
    h.state().pair().unwrap().alignment.links.clone()
}

pub fn press(h: &mut Harness<'_, TandemApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(2);
}
