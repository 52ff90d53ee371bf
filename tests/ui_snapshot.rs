//! Image snapshot of the window: Chinese next to French, drawn by the bundled fonts.
//!
//! Renders with wgpu; on a machine without a GPU this needs Mesa's lavapipe
//! (`apt-get install mesa-vulkan-drivers libvulkan1`, which `.ci/run` does). Without any renderer
//! the test says so and skips, unless `TANDEM_REQUIRE_RENDERER` is set (as `.ci/run` does).

use std::panic::{AssertUnwindSafe, catch_unwind};

use egui_kittest::Harness;
use tandem::app::{Settings, TandemApp};

#[test]
fn chinese_next_to_french() {
    let run = catch_unwind(AssertUnwindSafe(|| {
        let mut harness = Harness::builder()
            .with_size([1100.0, 640.0])
            .with_theme(egui::Theme::Light)
            .wgpu()
            .build_eframe(|cc| TandemApp::with_settings(cc.egui_ctx.clone(), Settings::default(), None));
        harness.state_mut().finish_loading();
        harness.run_steps(1);
        // The review flags too, so the status line is the same on every run.
        harness.state_mut().finish_review();
        harness.run_steps(4);
        harness.render().map(|_| harness)
    }));
    let required = std::env::var_os("TANDEM_REQUIRE_RENDERER").is_some();
    let mut harness = match run {
        Ok(Ok(harness)) => harness,
        Ok(Err(why)) if !required => {
            println!("skipped: no renderer for image snapshots here ({why}); install mesa-vulkan-drivers");
            return;
        }
        Err(_) if !required => {
            println!("skipped: no wgpu adapter for image snapshots here; install mesa-vulkan-drivers");
            return;
        }
        Ok(Err(why)) => panic!("cannot render: {why}"),
        Err(panic) => std::panic::resume_unwind(panic),
    };
    harness.snapshot("sample_pair");
}
