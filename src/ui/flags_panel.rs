//! The Flags panel: the review flags by kind with their counts, a filter, the list (click to go
//! there) and "Not a problem" to dismiss one.

use egui::{RichText, Ui};

use crate::core::review::FlagKind;
use crate::state::{Action, AppState, ReviewAction};

pub fn flags_panel_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    let review = &state.review;
    ui.horizontal(|ui| {
        ui.heading("Flags");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button("Close").clicked() {
                out.push(ReviewAction::TogglePanel.into());
            }
        });
    });
    if review.running {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Checking the pair…");
        });
    }
    ui.label(RichText::new("What may differ between the two texts. The flags never change the text.").weak());
    ui.separator();
    // The kinds, with counts: untick one to hide it.
    egui::Grid::new("flag-kinds").num_columns(2).show(ui, |ui| {
        for kind in FlagKind::ALL {
            let mut shown = !review.hidden_kinds.contains(&kind);
            let label = format!("{} ({})", kind.title(), review.count(kind));
            if ui.checkbox(&mut shown, label).changed() {
                out.push(ReviewAction::ToggleKind(kind).into());
            }
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        let n = review.glossary.terms.len();
        ui.label(if n == 1 { "Glossary: 1 term".to_string() } else { format!("Glossary: {n} terms") });
        if ui.button("Glossary…").clicked() {
            out.push(ReviewAction::ShowGlossary(true).into());
        }
    });
    let dismissed = review.dismissed.iter().filter(|&&d| d).count();
    let mut show_dismissed = review.show_dismissed;
    if ui.checkbox(&mut show_dismissed, format!("Show the dismissed ones ({dismissed})")).changed() {
        out.push(ReviewAction::ShowDismissed(show_dismissed).into());
    }
    ui.separator();
    let unrelated = state.pair().is_some_and(|p| p.alignment.unrelated());
    if review.listed.is_empty() && !review.running {
        ui.label(match (unrelated, review.flags.is_empty()) {
            (true, _) => "Not checked: these texts are not translations of each other, so every pair is a guess.",
            (false, true) => "Nothing flagged.",
            (false, false) => "Nothing shown: see the filter above.",
        });
    }
    // Every item is two lines (what and where, then the message), so only the visible ones are laid out.
    let line = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = line * 2.0 + ui.spacing().item_spacing.y * 3.0 + 4.0;
    egui::ScrollArea::vertical().id_salt("flag-list").auto_shrink(false).show_rows(
        ui,
        row_height,
        review.listed.len(),
        |ui, range| {
            for &k in &review.listed[range] {
                let (key, flag) = &review.flags[k];
                let is_dismissed = review.dismissed[k];
                ui.allocate_ui(egui::vec2(ui.available_width(), row_height), |ui| {
                    ui.set_min_height(row_height);
                    // The button first, at the right; the title in what is left, cut short with
                    // `…` in a narrow panel (it ran under the button), whole on hover.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let button = if is_dismissed { "Restore" } else { "Not a problem" };
                        if ui.small_button(button).on_hover_text("Remembered for this pair of files").clicked() {
                            out.push(ReviewAction::Dismiss(*key, !is_dismissed).into());
                        }
                        // What, then where: a narrow panel cuts the end.
                        let name = format!("{} · {}", flag.kind.title(), super::editing::row_name(state, flag.row));
                        let title = RichText::new(&name).strong();
                        let title = if is_dismissed { title.weak().strikethrough() } else { title };
                        let selected = review.current == Some(k);
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            let entry = ui.add(egui::Button::selectable(selected, title).truncate());
                            if entry.on_hover_text(format!("{name}\n{}", flag.message)).clicked() {
                                out.push(ReviewAction::Select(k).into());
                            }
                        });
                    });
                    // The message, and "not a problem" for every flag of the pair with the same words.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if let Some(pattern) = flag.pattern().filter(|_| !is_dismissed)
                            && ui
                                .small_button("All like this")
                                .on_hover_text("Not a problem, here and wherever the pair has the same words flagged")
                                .clicked()
                        {
                            out.push(ReviewAction::Dismiss(pattern, true).into());
                        }
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            ui.add(egui::Label::new(RichText::new(&flag.message).weak()).truncate())
                                .on_hover_text(&flag.message);
                        });
                    });
                });
            }
        },
    );
    ui.label(RichText::new("F8 / Shift+F8: next / previous flag").weak());
    out
}
