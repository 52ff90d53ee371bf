//! The menu bar: File (open, projects, export, recent, sample), Edit, View, Navigate, Settings.

use super::keymap::{Command, keys_text};
use egui::Ui;

use crate::core::side::Side;
use crate::state::{Action, AppState, NavAction, ReviewAction, Target};

pub fn menu_bar_ui(ui: &mut Ui, app: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            let busy = app.dialog_open;
            if ui
                .add_enabled(!busy, egui::Button::new("Open pair…").shortcut_text(keys_text(Command::OpenPair)))
                .clicked()
            {
                out.push(Action::OpenDialog(Target::Pair));
            }
            if ui.add_enabled(!busy, egui::Button::new("Open left…")).clicked() {
                out.push(Action::OpenDialog(Target::Side(Side::Left)));
            }
            if ui.add_enabled(!busy, egui::Button::new("Open right…")).clicked() {
                out.push(Action::OpenDialog(Target::Side(Side::Right)));
            }
            if ui.button("Type paths…").clicked() {
                out.push(Action::ShowPathEntry(Target::Pair));
            }
            ui.separator();
            if ui.add_enabled(!busy, egui::Button::new("Open project…")).clicked() {
                out.push(Action::OpenDialog(Target::Project));
            }
            ui.menu_button("Recent projects", |ui| {
                if app.settings.recent_projects.is_empty() {
                    ui.label("(none yet)");
                }
                for path in &app.settings.recent_projects {
                    let name =
                        path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
                    if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                        out.push(Action::OpenProject(path.clone()));
                    }
                }
            });
            if ui.add(egui::Button::new("Save project").shortcut_text(keys_text(Command::Save))).clicked() {
                out.push(Action::Save);
            }
            if ui
                .add_enabled(!busy, egui::Button::new("Save project as…").shortcut_text(keys_text(Command::SaveAs)))
                .clicked()
            {
                out.push(Action::SaveAs);
            }
            ui.separator();
            let can_export = app.pair().is_some();
            if ui
                .add_enabled(can_export, egui::Button::new("Export…").shortcut_text(keys_text(Command::Export)))
                .clicked()
            {
                out.push(crate::state::ExportAction::Show(true).into());
            }
            ui.separator();
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
                        out.push(Action::OpenRecent(k));
                    }
                }
            });
            if ui.button("Open the sample pair").clicked() {
                out.push(Action::OpenSample);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                out.push(Action::Quit);
            }
        });
        super::editing::edit_menu_ui(ui, app, &mut out);
        ui.menu_button("View", |ui| {
            if ui.add(egui::Button::new("Larger text").shortcut_text(keys_text(Command::Larger))).clicked() {
                out.push(Action::TextSize(1));
            }
            if ui.add(egui::Button::new("Smaller text").shortcut_text(keys_text(Command::Smaller))).clicked() {
                out.push(Action::TextSize(-1));
            }
            if ui.add(egui::Button::new("Reset text size").shortcut_text(keys_text(Command::DefaultSize))).clicked() {
                out.push(Action::TextSize(0));
            }
            ui.separator();
            let theme = if app.settings.dark { "Light theme" } else { "Dark theme" };
            if ui.button(theme).clicked() {
                out.push(Action::ToggleTheme);
            }
            if ui.add(egui::Button::new("Swap sides").shortcut_text(keys_text(Command::Swap))).clicked() {
                out.push(Action::Swap);
            }
            if ui.add(egui::Button::new("Flags panel").shortcut_text(keys_text(Command::FlagsPanel))).clicked() {
                out.push(Action::Review(ReviewAction::TogglePanel));
            }
        });
        ui.menu_button("Navigate", |ui| {
            let nav = |c| Action::Nav(c);
            for (label, keys, cmd) in [
                ("Next pair", "→ Space PgDn".to_string(), NavAction::Step(1)),
                ("Previous pair", "← PgUp".to_string(), NavAction::Step(-1)),
                ("First pair", "Home".to_string(), NavAction::First),
                ("Last pair", "End".to_string(), NavAction::Last),
                ("Go to turn or line…", keys_text(Command::Goto), NavAction::OpenGoto),
                ("Find…", keys_text(Command::Find), NavAction::OpenSearch),
                ("Next turn of the speaker", "Alt+↓".to_string(), NavAction::SpeakerStep(true)),
                ("Previous turn of the speaker", "Alt+↑".to_string(), NavAction::SpeakerStep(false)),
            ] {
                if ui.add(egui::Button::new(label).shortcut_text(keys)).clicked() {
                    out.push(nav(cmd));
                }
            }
            for (label, command, forward) in
                [("Next flag", Command::NextFlag, true), ("Previous flag", Command::PreviousFlag, false)]
            {
                let keys = keys_text(command);
                if ui.add(egui::Button::new(label).shortcut_text(keys)).clicked() {
                    out.push(Action::Review(ReviewAction::Step(forward)));
                }
            }
            for (label, command, forward) in [
                ("Next bookmark", Command::NextBookmark, true),
                ("Previous bookmark", Command::PreviousBookmark, false),
            ] {
                if ui.add(egui::Button::new(label).shortcut_text(keys_text(command))).clicked() {
                    out.push(nav(NavAction::BookmarkStep(forward)));
                }
            }
            if let Some(session) = &app.session {
                let pair = session.pair();
                let rows = session.annotations().bookmarked_rows(&pair.alignment);
                ui.add_enabled_ui(!rows.is_empty(), |ui| {
                    ui.menu_button(format!("Bookmarks ({})", rows.len()), |ui| {
                        for row in rows {
                            let words = first_words(pair, row);
                            if ui.button(format!("{} — {words}…", pair.alignment.row_name(row))).clicked() {
                                out.push(nav(NavAction::To(row)));
                            }
                        }
                    });
                });
            }
            ui.menu_button("Speaker to follow", |ui| {
                if ui.radio(app.nav.speaker.is_none(), "The current pair's").clicked() {
                    out.push(nav(NavAction::FollowSpeaker(None)));
                }
                if let Some(pair) = app.pair() {
                    for (side, doc) in pair.docs.iter() {
                        for (k, speaker) in doc.turns.speakers.iter().enumerate() {
                            let chosen = app.nav.speaker == Some((side, k));
                            if ui.radio(chosen, &speaker.name).clicked() {
                                out.push(nav(NavAction::FollowSpeaker(Some((side, k)))));
                            }
                        }
                    }
                }
            });
            ui.separator();
            let names = app.pair().map(|p| p.docs.as_ref().map(|d| d.name()));
            for (only, label, keys) in [
                (None, "Both columns".to_string(), keys_text(Command::BothColumns)),
                (Some(Side::Left), String::new(), keys_text(Command::OnlyLeft)),
                (Some(Side::Right), String::new(), keys_text(Command::OnlyRight)),
            ] {
                let label = match (only, &names) {
                    (Some(side), Some(n)) => format!("Only the {} column ({})", side.name(), n[side]),
                    (Some(side), None) => format!("Only the {} column", side.name()),
                    (None, _) => label,
                };
                let chosen = app.nav.only == only;
                if ui.add(egui::Button::selectable(chosen, label).shortcut_text(keys)).clicked() {
                    out.push(nav(NavAction::ShowOnly(only)));
                }
            }
            let can = app.nav.selection.is_some();
            let highlight =
                egui::Button::new("Highlight the selected words").shortcut_text(keys_text(Command::Highlight));
            if ui.add_enabled(can, highlight).on_disabled_hover_text("Select words in a row first").clicked() {
                out.push(nav(NavAction::Highlight));
            }
            let clear = egui::Button::new("Clear the highlights").shortcut_text(keys_text(Command::ClearHighlights));
            if ui.add_enabled(!app.nav.phrases.is_empty(), clear).clicked() {
                out.push(nav(NavAction::ClearHighlights));
            }
            ui.separator();
            if ui.add(egui::Button::new("Present").shortcut_text(keys_text(Command::Present))).clicked() {
                out.push(nav(NavAction::TogglePresent));
            }
            let presenter = egui::Button::selectable(app.nav.presenter_view, "Presenter view (a second window)")
                .shortcut_text(keys_text(Command::PresenterView));
            if ui.add(presenter).on_hover_text("The next pair, the note and the flags, for your own screen").clicked() {
                out.push(nav(NavAction::TogglePresenterView));
            }
            let contrast = if app.settings.high_contrast {
                "High contrast when presenting: on"
            } else {
                "High contrast when presenting: off"
            };
            if ui.add(egui::Button::new(contrast).shortcut_text(keys_text(Command::HighContrast))).clicked() {
                out.push(nav(NavAction::ToggleHighContrast));
            }
            let fit = if app.settings.fit_each_pair {
                "One pair per screen: each fitted to the screen"
            } else {
                "One pair per screen: at the presentation size"
            };
            if ui.button(fit).on_hover_text("F6 shows one pair per screen when presenting").clicked() {
                out.push(nav(NavAction::ToggleFitEachPair));
            }
        });
        if ui.button("Settings").clicked() {
            out.push(Action::ShowSettings(!app.settings_open));
        }
        ui.menu_button("Help", |ui| {
            if ui.add(egui::Button::new("Keys").shortcut_text(keys_text(Command::Keys))).clicked() {
                out.push(Action::ShowKeys(true));
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("▶ Present")
                .on_hover_text(format!("Presentation mode ({}; Esc leaves)", keys_text(Command::Present)))
                .clicked()
            {
                out.push(Action::Nav(NavAction::TogglePresent));
            }
            let flags = format!("Flags ({})", app.review.open());
            if ui
                .selectable_label(app.review.panel_open, flags)
                .on_hover_text(format!(
                    "Review flags ({}; {} next)",
                    keys_text(Command::FlagsPanel),
                    keys_text(Command::NextFlag)
                ))
                .clicked()
            {
                out.push(Action::Review(ReviewAction::TogglePanel));
            }
            if ui.button("Find").on_hover_text(format!("Search both columns ({})", keys_text(Command::Find))).clicked()
            {
                out.push(Action::Nav(NavAction::OpenSearch));
            }
            if ui.button("⇄ Swap").on_hover_text(format!("Swap the two sides ({})", keys_text(Command::Swap))).clicked()
            {
                out.push(Action::Swap);
            }
            let theme = if app.settings.dark { "☀ Light" } else { "● Dark" };
            if ui.button(theme).clicked() {
                out.push(Action::ToggleTheme);
            }
            if ui.button("A+").on_hover_text(format!("Larger text ({})", keys_text(Command::Larger))).clicked() {
                out.push(Action::TextSize(1));
            }
            ui.label(format!("{:.0} pt", app.settings.text_size));
            if ui.button("A−").on_hover_text(format!("Smaller text ({})", keys_text(Command::Smaller))).clicked() {
                out.push(Action::TextSize(-1));
            }
        });
    });
    out
}

/// The first words of a row (its first turn, left side first), to name it in a list.
fn first_words(pair: &crate::core::document::Pair, row: usize) -> String {
    let link = &pair.alignment.links[row];
    let turn = Side::BOTH.into_iter().find_map(|side| link.turns(side).clone().next().map(|t| (side, t)));
    turn.map(|(side, t)| pair.doc(side).turns.turns[t].text.chars().take(40).collect()).unwrap_or_default()
}
