//! The menu bar: File (open pair, left, right, recent, sample), View, Settings.

use egui::Ui;

use crate::app::loader::Target;
use crate::app::{Command, NavCommand, TandemApp};

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
        ui.menu_button("Navigate", |ui| {
            let nav = |c| Command::Nav(c);
            for (label, keys, cmd) in [
                ("Next pair", "→ Space PgDn", NavCommand::Step(1)),
                ("Previous pair", "← PgUp", NavCommand::Step(-1)),
                ("First pair", "Home", NavCommand::First),
                ("Last pair", "End", NavCommand::Last),
                ("Go to turn or line…", "Ctrl+G", NavCommand::OpenGoto),
                ("Find…", "Ctrl+F", NavCommand::OpenSearch),
                ("Next turn of the speaker", "Alt+↓", NavCommand::SpeakerStep(true)),
                ("Previous turn of the speaker", "Alt+↑", NavCommand::SpeakerStep(false)),
            ] {
                if ui.add(egui::Button::new(label).shortcut_text(keys)).clicked() {
                    out.push(nav(cmd));
                }
            }
            ui.menu_button("Speaker to follow", |ui| {
                if ui.radio(app.nav.speaker.is_none(), "The current pair's").clicked() {
                    out.push(nav(NavCommand::FollowSpeaker(None)));
                }
                if let Some(pair) = &app.pair {
                    for (side, doc) in [(0, &pair.left), (1, &pair.right)] {
                        for (k, speaker) in doc.turns.speakers.iter().enumerate() {
                            let chosen = app.nav.speaker == Some((side, k));
                            if ui.radio(chosen, &speaker.name).clicked() {
                                out.push(nav(NavCommand::FollowSpeaker(Some((side, k)))));
                            }
                        }
                    }
                }
            });
            ui.separator();
            if ui.add(egui::Button::new("Present").shortcut_text("F5")).clicked() {
                out.push(nav(NavCommand::TogglePresent));
            }
            let contrast = if app.settings.high_contrast {
                "High contrast when presenting: on"
            } else {
                "High contrast when presenting: off"
            };
            if ui.add(egui::Button::new(contrast).shortcut_text("F7")).clicked() {
                out.push(nav(NavCommand::ToggleHighContrast));
            }
        });
        if ui.button("Settings").clicked() {
            *settings_open = !*settings_open;
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("▶ Present").on_hover_text("Presentation mode (F5; Esc leaves)").clicked() {
                out.push(Command::Nav(NavCommand::TogglePresent));
            }
            if ui.button("Find").on_hover_text("Search both columns (Ctrl+F)").clicked() {
                out.push(Command::Nav(NavCommand::OpenSearch));
            }
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
