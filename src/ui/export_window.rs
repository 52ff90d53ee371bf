//! The Export window: format, rows and languages; then "Export…" asks where, and a progress bar
//! shows the writing of a large pair.

use egui::{RichText, Ui};

use super::Drafts;
use crate::core::export::{Format, Segments};
use crate::core::side::Side;
use crate::state::export::{ExportForm, RowChoice};
use crate::state::{Action, AppState, ExportAction};

pub fn export_window_ui(ui: &mut Ui, state: &AppState, drafts: &mut Drafts) -> Vec<Action> {
    let mut out = Vec::new();
    let mut open = true;
    let centre = ui.ctx().content_rect().center();
    let window = egui::Window::new("Export").open(&mut open).resizable(false).collapsible(false);
    // In the middle, clear of the path field that opens at the top when no dialog can appear.
    let window = window.pivot(egui::Align2::CENTER_CENTER).default_pos(centre);
    window.show(ui.ctx(), |ui| {
        let Some(pair) = state.pair() else {
            ui.label("Open a pair first.");
            return;
        };
        let form = &state.export.form;
        let running = state.export.running.is_some();
        ui.add_enabled_ui(!running, |ui| {
            ui.strong("Format");
            for format in Format::ALL {
                if ui.radio(form.format == format, format.title()).clicked() {
                    out.push(ExportAction::Form(ExportForm { format, ..form.clone() }).into());
                }
            }
            ui.add_space(6.0);
            ui.strong("Rows");
            let counts = pair.alignment.counts();
            let flagged = {
                let mut rows: Vec<usize> = state.review.shown.iter().map(|&k| state.review.flags[k].1.row).collect();
                rows.dedup();
                rows.len()
            };
            let choices = [
                (RowChoice::All, format!("All rows ({})", counts.rows)),
                (RowChoice::Paired, format!("Paired rows only ({})", counts.paired_rows)),
                (RowChoice::Flagged, format!("Flagged rows only ({flagged})")),
            ];
            for (rows, label) in choices {
                if ui.radio(form.rows == rows, label).clicked() {
                    out.push(ExportAction::Form(ExportForm { rows, ..form.clone() }).into());
                }
            }
            ui.horizontal(|ui| {
                let now = state.nav.current + 1;
                let (mut from, mut to) = match form.rows {
                    RowChoice::Range { from, to } => (from, to),
                    _ => (now, now),
                };
                let picked = matches!(form.rows, RowChoice::Range { .. });
                let mut changed = ui.radio(picked, "Pairs").clicked();
                let max = counts.rows.max(1);
                changed |= ui.add(egui::DragValue::new(&mut from).range(1..=max)).changed();
                ui.label("to");
                changed |= ui.add(egui::DragValue::new(&mut to).range(1..=max)).changed();
                if changed {
                    let rows = RowChoice::Range { from, to };
                    out.push(ExportAction::Form(ExportForm { rows, ..form.clone() }).into());
                }
            })
            .response
            .on_hover_text("The current pair, or a stretch of pairs by their numbers");
            ui.add_space(6.0);
            ui.strong("Segments");
            let segments = [
                (Segments::Turn, "A row per pair of turns"),
                (Segments::Sentence, "A row per sentence group (for a translation memory)"),
            ];
            for (segments, label) in segments {
                if ui.radio(form.segments == segments, label).clicked() {
                    out.push(ExportAction::Form(ExportForm { segments, ..form.clone() }).into());
                }
            }
            ui.add_space(6.0);
            ui.strong("Languages");
            ui.label(RichText::new("Codes such as zh-CN, fr, en — detected from the texts").weak());
            egui::Grid::new("export-langs").num_columns(2).show(ui, |ui| {
                for side in Side::BOTH {
                    let name = if side == Side::Left { "Left" } else { "Right" };
                    let label = ui.label(format!("{name} ({})", pair.doc(side).name()));
                    ui.add(egui::TextEdit::singleline(&mut drafts.export_langs[side]).desired_width(90.0))
                        .labelled_by(label.id);
                    ui.end_row();
                }
            });
        });
        ui.add_space(8.0);
        if let Some(run) = &state.export.running {
            let fraction = run.share;
            ui.add(egui::ProgressBar::new(fraction).show_percentage().text(format!(
                "Writing {} … {:.0} %",
                run.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                fraction * 100.0
            )));
            if ui.button("Cancel").clicked() {
                out.push(ExportAction::Cancel.into());
            }
            // The bar moves while the thread writes.
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
        } else {
            ui.horizontal(|ui| {
                if ui.add_enabled(!state.dialog_open, egui::Button::new("Export…")).clicked() {
                    out.push(ExportAction::Choose.into());
                }
                if ui.button("Type a path…").on_hover_text("For when no file dialog appears").clicked() {
                    out.push(Action::ShowPathEntry(crate::state::Target::Export(form.format)));
                }
                if ui.button("Close").clicked() {
                    out.push(ExportAction::Show(false).into());
                }
            });
        }
        if let Some(path) = &state.export.replace_asked {
            let name =
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            ui.label(RichText::new(format!("⚠ {name} already exists. Replace it?")).color(ui.visuals().warn_fg_color))
                .on_hover_text(path.display().to_string());
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    out.push(ExportAction::Write { path: path.clone(), replace: true }.into());
                }
                if ui.button("Keep it").clicked() {
                    out.push(ExportAction::KeepExisting.into());
                }
            });
        }
        match &state.export.outcome {
            Some(Ok(done)) => {
                ui.label(RichText::new(done).color(ui.visuals().hyperlink_color));
            }
            Some(Err(why)) => {
                ui.label(RichText::new(format!("⚠ {why}")).color(ui.visuals().error_fg_color));
            }
            None => {}
        }
    });
    if !open {
        out.push(ExportAction::Show(false).into());
    }
    out
}
