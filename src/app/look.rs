//! The window's look: the theme (light, dark, high contrast when presenting) and the fonts.

use super::TandemApp;
use crate::core::side::Side;
use crate::ui::{self, fonts};

impl TandemApp {
    /// Lists the installed font families on a background thread (fontdb reads them in 20–70 ms).
    pub(super) fn list_installed_fonts(&mut self) {
        if self.state.installed_fonts.is_some() || self.tasks.fonts.is_some() {
            return;
        }
        self.tasks.fonts = Some(super::tasks::Task::spawn(self.wake(), |_| Some(ui::system_fonts::families())));
    }

    pub(super) fn apply_theme(&self) {
        let high_contrast = self.state.nav.presenting && self.state.settings.high_contrast;
        let dark = self.state.settings.dark || high_contrast;
        let theme = if dark { egui::Theme::Dark } else { egui::Theme::Light };
        let mut visuals = if dark { egui::Visuals::dark() } else { egui::Visuals::light() };
        ui::theme::readable(&mut visuals);
        if high_contrast {
            ui::theme::high_contrast(&mut visuals);
        }
        self.ctx.set_visuals_of(theme, visuals);
        self.ctx.set_theme(theme);
    }

    /// The bundled fonts, with the user's chosen ones ahead where set.
    pub(super) fn install_fonts(&mut self) {
        for side in Side::BOTH {
            let wanted = self.state.settings.fonts[side].clone();
            if self.user_fonts[side].as_ref().map(|f| &f.name) != wanted.as_ref() {
                self.user_fonts[side] = wanted.and_then(|name| ui::system_fonts::load(&name));
            }
        }
        self.state.user_fonts = self.user_fonts.as_ref().map(Option::is_some);
        self.ctx.set_fonts(fonts::definitions(self.user_fonts.as_ref().map(Option::as_ref)));
        self.fonts_dirty = false;
    }

    /// Notes whether the renderer is a software one, and sets the motion accordingly.
    pub(super) fn detect_renderer(&mut self, frame: &eframe::Frame) {
        use eframe::glow::HasContext;
        // wgpu says what kind of device it drew with; OpenGL names its renderer (Mesa's
        // `llvmpipe`, `softpipe`, Google's `SwiftShader`, Apple's "Software Renderer").
        // SAFETY: a query of a string on the context eframe made current for this frame.
        let gl_name = frame.gl().map(|gl| unsafe { gl.get_parameter_string(eframe::glow::RENDERER) });
        let gl_software = gl_name.as_deref().is_some_and(|name| {
            let name = name.to_lowercase();
            ["llvmpipe", "softpipe", "swiftshader", "software"].iter().any(|s| name.contains(s))
        });
        let wgpu = frame.wgpu_render_state().map(|rs| rs.adapter.get_info());
        self.window.software_renderer =
            gl_software || wgpu.as_ref().is_some_and(|info| info.device_type == eframe::wgpu::DeviceType::Cpu);
        if std::env::var_os("TANDEM_TIMINGS").is_some() {
            let name = gl_name.map_or_else(
                || wgpu.map(|i| format!("wgpu: {}", i.name)).unwrap_or_default(),
                |n| format!("OpenGL: {n}"),
            );
            eprintln!("tandem: drawn by {name} (software: {})", self.window.software_renderer);
        }
        self.apply_motion();
    }

    /// Whether scrolling jumps instead of gliding: the user's choice, else on with a software
    /// renderer (every frame of a glide costs 15–25 ms of CPU there).
    pub fn reduce_motion(&self) -> bool {
        self.state.settings.reduce_motion.unwrap_or(self.window.software_renderer)
    }

    pub(super) fn apply_motion(&self) {
        let reduce = self.reduce_motion();
        self.ctx.all_styles_mut(|style| {
            style.scroll_animation =
                if reduce { egui::style::ScrollAnimation::none() } else { egui::style::ScrollAnimation::default() };
            style.animation_time = if reduce { 0.0 } else { egui::Style::default().animation_time };
        });
    }
}
