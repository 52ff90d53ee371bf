//! The menu bar: File (open pair, left, right, recent, sample), View, Settings.

use egui::Ui;

use crate::app::loader::Target;
use crate::app::{Command, TandemApp};

pub fn menu_bar_ui(ui: &mut Ui, app: &TandemApp, settings_open: &mut bool) -> Vec<Command> {
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            let busy = app.dialog.is_some();
            if ui.add_enabled(!busy, egui::Button::new("Open pair…").shortcut_text("Ctrl+O")).clicked() {
                out.push(Command::OpenDialog(Target::Pair));
            }
            if ui.add_enabled(!busy, egui::Button::new("Open left…")).clicked() {
                out.push(Command::OpenDialog(Target::Left));
            }
            if ui.add_enabled(!busy, egui::Button::new("Open right…")).clicked() {
                out.push(Command::OpenDialog(Target::Right));
            }
            if ui.button("Type paths…").clicked() {
                out.push(Command::ShowPathEntry(Target::Pair));
            }
            ui.menu_button("Recent pairs", |ui| {
                if app.settings.recent.is_empty() {
                    ui.label("(none yet)");
                }
                for (k, [l, r]) in app.settings.recent.iter().enumerate() {
                    let name =
                        |p: &std::path::Path| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into());
                    if ui
                        .button(format!("{} ↔ {}", name(l), name(r)))
                        .on_hover_text(format!("{}\n{}", l.display(), r.display()))
                        .clicked()
                    {
                        out.push(Command::OpenRecent(k));
                    }
                }
            });
            if ui.button("Open the sample pair").clicked() {
                out.push(Command::OpenSample);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                out.push(Command::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            if ui.add(egui::Button::new("Larger text").shortcut_text("Ctrl +")).clicked() {
                out.push(Command::TextSize(1));
            }
            if ui.add(egui::Button::new("Smaller text").shortcut_text("Ctrl −")).clicked() {
                out.push(Command::TextSize(-1));
            }
            if ui.add(egui::Button::new("Reset text size").shortcut_text("Ctrl 0")).clicked() {
                out.push(Command::TextSize(0));
            }
            ui.separator();
            let theme = if app.settings.dark { "Light theme" } else { "Dark theme" };
            if ui.button(theme).clicked() {
                out.push(Command::ToggleTheme);
            }
            if ui.add(egui::Button::new("Swap sides").shortcut_text("Ctrl+Shift+S")).clicked() {
                out.push(Command::Swap);
            }
        });
        if ui.button("Settings").clicked() {
            *settings_open = !*settings_open;
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("⇄ Swap").on_hover_text("Swap the two sides (Ctrl+Shift+S)").clicked() {
                out.push(Command::Swap);
            }
            let theme = if app.settings.dark { "☀ Light" } else { "● Dark" };
            if ui.button(theme).clicked() {
                out.push(Command::ToggleTheme);
            }
            if ui.button("A+").on_hover_text("Larger text (Ctrl +)").clicked() {
                out.push(Command::TextSize(1));
            }
            ui.label(format!("{:.0} pt", app.settings.text_size));
            if ui.button("A−").on_hover_text("Smaller text (Ctrl −)").clicked() {
                out.push(Command::TextSize(-1));
            }
        });
    });
    out
}
