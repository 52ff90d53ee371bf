//! The Glossary window: the project's agreed terms typed or pasted one a line, or read from a
//! TSV or CSV file; the review flags a row whose term lacks its agreed rendering.

use egui::Ui;

use super::Drafts;
use crate::state::{Action, AppState, ReviewAction, Target};

pub fn glossary_window_ui(ui: &mut Ui, state: &AppState, drafts: &mut Drafts) -> Vec<Action> {
    let mut out = Vec::new();
    let mut open = true;
    egui::Window::new("Glossary").open(&mut open).default_width(520.0).show(ui.ctx(), |ui| {
        ui.label("One term a line: the term, a tab or a comma, then its agreed renderings separated by |.");
        ui.label(
            egui::RichText::new(
                "A pair whose one side has the term and whose other side has none of its renderings is flagged.",
            )
            .weak(),
        );
        egui::ScrollArea::vertical().max_height(280.0).show(ui, |ui| {
            let text = ui.add(
                egui::TextEdit::multiline(&mut drafts.glossary)
                    .code_editor()
                    .desired_rows(10)
                    .desired_width(f32::INFINITY)
                    .hint_text("mairie\tcity hall|town council")
                    .id_salt("glossary-text"),
            );
            // Opened: the keyboard goes to the terms, not to the pair's keys.
            if std::mem::take(&mut drafts.glossary_focus) {
                text.request_focus();
            }
        });
        if let Some(why) = &state.review.glossary_error {
            ui.colored_label(ui.visuals().warn_fg_color, why);
        }
        ui.horizontal(|ui| {
            if ui.button("Apply").clicked() {
                out.push(ReviewAction::SetGlossary(drafts.glossary.clone()).into());
            }
            if ui.button("Load a file…").clicked() {
                out.push(Action::OpenDialog(Target::Glossary));
            }
            let n = state.review.glossary.terms.len();
            ui.label(match n {
                0 => "No terms in use".to_string(),
                1 => "1 term in use".to_string(),
                n => format!("{n} terms in use"),
            });
        });
    });
    if !open {
        out.push(ReviewAction::ShowGlossary(false).into());
    }
    out
}
