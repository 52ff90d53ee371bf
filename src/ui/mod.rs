//! The window's parts, drawn from the app's state; user intents come back as commands.

pub mod columns;
pub mod fonts;
pub mod menu;
pub mod overview;
pub mod presentation;
pub mod row_layout;
pub mod search_bar;
pub mod system_fonts;
pub mod theme;

use egui::{RichText, Ui};

use crate::app::loader::Target;
use crate::app::{Command, NavCommand, TandemApp};

/// The whole window: menu, path entry, status line, settings, and the aligned view.
pub fn shell_ui(ui: &mut Ui, app: &mut TandemApp) -> Vec<Command> {
    let mut out = Vec::new();
    let presenting = app.nav.presenting;
    if !presenting {
        egui::Panel::top("menu").show(ui, |ui| {
            let mut open = app.settings_open;
            out.extend(menu::menu_bar_ui(ui, app, &mut open));
            if open && !app.settings_open {
                app.list_installed_fonts();
            }
            app.settings_open = open;
        });
        if app.path_entry.is_some() {
            egui::Panel::top("path-entry").show(ui, |ui| out.extend(path_entry_ui(ui, app)));
        }
        egui::Panel::bottom("status").show(ui, |ui| out.extend(status_ui(ui, app)));
        if app.settings_open {
            out.extend(settings_window_ui(ui, app));
        }
    }
    if app.nav.goto.is_some() {
        egui::Panel::top("goto").show(ui, |ui| out.extend(search_bar::goto_bar_ui(ui, app)));
    }
    if app.search.open {
        egui::Panel::top("search").show(ui, |ui| out.extend(search_bar::search_bar_ui(ui, app)));
    }
    let params = app.view_params();
    let marks =
        columns::Marks { current: Some(app.nav.current), hits: &app.search.hits, current_hit: app.search.current };
    egui::CentralPanel::default().show(ui, |ui| {
        match (app.pair.as_ref(), app.view.as_mut()) {
            (Some(pair), Some(view)) if presenting && app.nav.one_per_screen => {
                presentation::single_pair_ui(ui, pair, view, &params, &marks);
            }
            (Some(pair), Some(view)) => {
                let events = columns::aligned_view_ui(ui, pair, view, &params, &marks);
                out.extend(events.split.map(Command::SetSplit));
                out.extend(events.clicked_row.map(|row| Command::Nav(NavCommand::To(row))));
            }
            _ => {
                ui.centered_and_justified(|ui| ui.label("Open a text and its translation: File › Open pair… (Ctrl+O)"));
            }
        }
        if presenting && let Some(pair) = app.pair.as_ref() {
            presentation::position_ui(ui, pair, &app.nav);
        }
    });
    out
}

fn status_ui(ui: &mut Ui, app: &TandemApp) -> Vec<Command> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        if let Some(job) = &app.job {
            ui.spinner();
            ui.label(format!("Reading and aligning {} … {:.1} s", job.what, job.started.elapsed().as_secs_f32()));
        } else if app.dialog.is_some() {
            ui.spinner();
            ui.label("Waiting for the file dialog…");
        } else if let Some(view) = &app.view {
            let c = view.counts;
            let rows = view.visible.clone();
            ui.label(format!(
                "{} rows · {} paired · {} only left · {} only right · rows {}–{} in view",
                c.rows,
                c.paired_rows,
                c.left_only,
                c.right_only,
                rows.start + 1,
                rows.end.max(rows.start + 1),
            ));
        }
        if let Some(error) = &app.error {
            ui.separator();
            ui.label(RichText::new(format!("⚠ {error}")).color(ui.visuals().error_fg_color));
            if ui.small_button("Dismiss").clicked() {
                out.push(Command::DismissError);
            }
        }
    });
    out
}

fn path_entry_ui(ui: &mut Ui, app: &mut TandemApp) -> Vec<Command> {
    let mut out = Vec::new();
    let Some(entry) = app.path_entry.as_mut() else { return out };
    let target = entry.target.unwrap_or(Target::Pair);
    if !entry.reason.is_empty() {
        ui.label(RichText::new(&entry.reason).color(ui.visuals().warn_fg_color));
    }
    let (mut submit, mut cancel) = (false, false);
    ui.horizontal(|ui| {
        for (side, name) in [(0, "Left"), (1, "Right")] {
            let wanted = target == Target::Pair || (side == 0) == (target == Target::Left);
            if wanted {
                ui.label(name);
                let edit = ui.add(egui::TextEdit::singleline(&mut entry.paths[side]).desired_width(320.0));
                submit |= edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            }
        }
        submit |= ui.button("Open").clicked();
        cancel = ui.button("Cancel").clicked();
    });
    if cancel {
        app.path_entry = None;
    }
    if submit && let Some(entry) = app.path_entry.as_ref() {
        let files = match target {
            Target::Pair => entry.paths.iter().map(|p| p.trim().into()).collect(),
            Target::Left => vec![entry.paths[0].trim().into()],
            Target::Right => vec![entry.paths[1].trim().into()],
        };
        out.push(Command::OpenPaths(files, target));
    }
    out
}

fn settings_window_ui(ui: &mut Ui, app: &mut TandemApp) -> Vec<Command> {
    let mut out = Vec::new();
    let mut open = true;
    egui::Window::new("Settings").open(&mut open).resizable(false).show(ui.ctx(), |ui| {
        ui.label("Font of each column, ahead of the bundled Noto fonts:");
        for (side, name) in [(0, "Left column"), (1, "Right column")] {
            let current = app.settings.fonts[side].clone();
            let shown = current.clone().unwrap_or_else(|| "Bundled (Noto Sans, Noto Sans SC)".into());
            egui::ComboBox::from_label(name).selected_text(shown).width(280.0).show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), "Bundled (Noto Sans, Noto Sans SC)").clicked() {
                    out.push(Command::SetFont(side, None));
                }
                match &app.installed_fonts {
                    None => {
                        ui.spinner();
                    }
                    Some(list) => {
                        for family in list {
                            if ui.selectable_label(current.as_ref() == Some(family), family).clicked() {
                                out.push(Command::SetFont(side, Some(family.clone())));
                            }
                        }
                    }
                }
            });
        }
    });
    app.settings_open = open;
    out
}
