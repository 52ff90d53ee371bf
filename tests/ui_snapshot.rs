//! Image snapshot of the window: Chinese next to French, drawn by the bundled fonts.
//!
//! Renders with wgpu; on a machine without a GPU this needs Mesa's lavapipe
//! (`apt-get install mesa-vulkan-drivers libvulkan1`, which `.ci/run` does).

use egui_kittest::Harness;
use tandem::app::{Settings, TandemApp};

#[test]
fn chinese_next_to_french() {
    let mut harness = Harness::builder()
        .with_size([1100.0, 640.0])
        .wgpu()
        .build_eframe(|cc| TandemApp::with_settings(cc.egui_ctx.clone(), Settings::default(), None));
    harness.state_mut().finish_loading();
    harness.run_steps(4);
    harness.snapshot("sample_pair");
}
