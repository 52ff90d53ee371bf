//! Helpers shared by the UI tests: the real app in a harness, a wheel turn, our fixtures.

#![allow(dead_code)]

pub mod cli;
pub mod work;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use tandem::app::{Settings, TandemApp};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The app at 1200×800 with default settings, `files` opened (or the sample), loading finished.
pub fn app_with(files: Option<[PathBuf; 2]>) -> Harness<'static, TandemApp> {
    app_stepping(files, 0.25)
}

/// [`app_with`], each frame `step_dt` seconds after the last (kittest runs a frame per input
/// event: a double click needs short frames to be one).
pub fn app_stepping(files: Option<[PathBuf; 2]>, step_dt: f32) -> Harness<'static, TandemApp> {
    let mut harness = Harness::builder()
        .with_size([1200.0, 800.0])
        .with_step_dt(step_dt)
        .build_eframe(move |cc| TandemApp::with_settings(cc.egui_ctx.clone(), Settings::default(), files.clone()));
    harness.state_mut().finish_loading();
    harness.run_steps(3);
    harness
}

/// One turn of the mouse wheel (negative: down the document).
pub fn wheel<S>(harness: &Harness<'_, S>, dy: f32) {
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
}

/// `../shared/samples`, or `None` with a printed notice when it is absent (a user's clone).
pub fn shared_samples() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: ../shared/samples is not here (a user's clone has no shared folder)");
        None
    }
}

/// A generated interview of `turns` turns and its translation, written to a fresh folder
/// (`name` tells the tests' folders apart); remove the folder when done.
pub fn generated_interview(name: &str, turns: usize, seed: u64) -> (PathBuf, [PathBuf; 2]) {
    let dir = std::env::temp_dir().join(format!("tandem-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pair = tandem::core::synth::interview_pair(turns, seed);
    let files = [dir.join("left.txt"), dir.join("right.txt")];
    std::fs::write(&files[0], &pair.left).unwrap();
    std::fs::write(&files[1], &pair.right).unwrap();
    (dir, files)
}
