//! The parts of the window for correcting the alignment: a row's context menu, the Edit menu,
//! the note field, Help › Keys, the question on closing and the offer of recovered work.

use egui::{RichText, Ui};

use super::Drafts;
use super::keymap::{self, Command, EDIT_KEYS};
use crate::core::edit::Edit;
use crate::core::side::Side;
use crate::state::{Action, AppState, CloseChoice};

/// Where sentences start inside a text (character indices), after the first: after `.`, `!`,
/// `?` and a space, or after `。`, `！`, `？`.
fn sentence_starts(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for k in 1..chars.len() {
        let prev = chars[k - 1];
        let full = matches!(prev, '。' | '！' | '？') && !chars[k].is_whitespace();
        let latin = k >= 2 && chars[k - 1] == ' ' && matches!(chars[k - 2], '.' | '!' | '?') && chars[k].is_uppercase();
        if full || latin {
            out.push(k);
        }
    }
    out
}

/// The edits of one row, as menu entries (the context menu and the Edit menu share them).
fn row_edits_ui(ui: &mut Ui, state: &AppState, row: usize, out: &mut Vec<Action>) {
    let bookmarked = state.session.as_ref().is_some_and(|s| s.annotations().bookmarked(&s.pair().alignment, row));
    for key in &EDIT_KEYS {
        let label = if key.label == "Bookmark" && bookmarked { "Remove the bookmark" } else { key.label };
        if ui.add(egui::Button::new(label).shortcut_text(keymap::describe(&key.shortcut))).clicked() {
            out.push(Action::Edit((key.edit)(row)));
            ui.close();
        }
    }
    if ui.add(egui::Button::new("Note…").shortcut_text(keymap::keys_text(Command::Note))).clicked() {
        out.push(Action::EditNote(Some(row)));
        ui.close();
    }
    turns_edits_ui(ui, state, row, out);
}

/// How the row's turns are cut: split a speech at a paragraph, a label that is no speaker, two
/// names of one speaker.
fn turns_edits_ui(ui: &mut Ui, state: &AppState, row: usize, out: &mut Vec<Action>) {
    let Some(pair) = state.pair() else { return };
    let Some(link) = pair.alignment.links.get(row) else { return };
    let mut any = false;
    for side in Side::BOTH {
        let doc = pair.doc(side);
        let turns = &doc.turns;
        for t in link.turns(side).clone() {
            let turn = &turns.turns[t];
            let paragraphs: Vec<&str> = turn.text.split('\n').collect();
            let sentences = sentence_starts(&turn.text);
            if paragraphs.len() == 1 && !sentences.is_empty() {
                if !any {
                    ui.separator();
                    any = true;
                }
                ui.menu_button(format!("Cut turn #{} ({}) at a sentence", t + 1, side.name()), |ui| {
                    for &at in sentences.iter().take(12) {
                        let start: String = turn.text.chars().skip(at).take(32).collect();
                        if ui.button(format!("before “{start}…”")).clicked() {
                            out.push(Action::Edit(Edit::CutTurn { side, line: turn.first_line, at }));
                            ui.close();
                        }
                    }
                });
            }
            if paragraphs.len() > 1 {
                if !any {
                    ui.separator();
                    any = true;
                }
                ui.menu_button(format!("Split turn #{} ({})", t + 1, side.name()), |ui| {
                    for (k, para) in paragraphs.iter().enumerate().skip(1).take(12) {
                        let start: String = para.chars().take(32).collect();
                        if ui.button(format!("before “{start}…”")).clicked() {
                            out.push(Action::Edit(Edit::SplitTurn { side, line: turn.first_line, paragraph: k }));
                            ui.close();
                        }
                    }
                });
            }
        }
        let mut speakers: Vec<usize> = link.turns(side).clone().filter_map(|t| turns.turns[t].speaker).collect();
        speakers.dedup();
        for s in speakers {
            let speaker = &turns.speakers[s];
            if !any {
                ui.separator();
                any = true;
            }
            if ui.button(format!("“{}” is no speaker ({})", speaker.name, side.name())).clicked() {
                out.push(Action::Edit(Edit::NotASpeaker { side, speaker: speaker.canonical.clone() }));
                ui.close();
            }
            let others: Vec<_> = turns.speakers.iter().enumerate().filter(|(k, _)| *k != s).collect();
            if !others.is_empty() {
                ui.menu_button(format!("“{}” is the same speaker as…", speaker.name), |ui| {
                    for (_, other) in others {
                        if ui.button(&other.name).clicked() {
                            out.push(Action::Edit(Edit::SameSpeaker {
                                side,
                                speaker: speaker.canonical.clone(),
                                same_as: other.canonical.clone(),
                            }));
                            ui.close();
                        }
                    }
                });
            }
        }
    }
}

/// The Edit menu: undo, redo, and the edits of the current row.
pub fn edit_menu_ui(ui: &mut Ui, state: &AppState, out: &mut Vec<Action>) {
    ui.menu_button("Edit", |ui| {
        // A small window (800×600) cannot hold every entry: the menu scrolls rather than cut
        // its last ones off.
        menu_scroll(ui).show(ui, |ui| {
            if ui
                .add_enabled(
                    state.can_undo(),
                    egui::Button::new("Undo").shortcut_text(keymap::keys_text(Command::Undo)),
                )
                .clicked()
            {
                out.push(Action::Undo);
            }
            if ui
                .add_enabled(
                    state.can_redo(),
                    egui::Button::new("Redo").shortcut_text(keymap::keys_text(Command::Redo)),
                )
                .clicked()
            {
                out.push(Action::Redo);
            }
            ui.separator();
            ui.label(RichText::new(row_name(state, state.nav.current)).weak());
            row_edits_ui(ui, state, state.nav.current, out);
        });
    });
}

/// A menu's entries scrolling, as tall as a menu opened here may be and stay on screen.
fn menu_scroll(ui: &Ui) -> egui::ScrollArea {
    let room = (ui.ctx().content_rect().bottom() - ui.cursor().top() - 16.0).max(120.0);
    egui::ScrollArea::vertical().max_height(room).min_scrolled_height(room)
}

/// `Row 7 · #4 ↔ #4`: the row's number and the turn numbers its cells show.
pub fn row_name(state: &AppState, row: usize) -> String {
    state.pair().map_or_else(|| format!("Row {}", row + 1), |p| p.alignment.row_name(row))
}

/// The context menu of a right-clicked row, until an entry is chosen or the user clicks away.
pub fn context_menu_ui(ui: &mut Ui, state: &AppState, drafts: &mut Drafts, out: &mut Vec<Action>) {
    let Some((row, pos)) = drafts.context else { return };
    if row >= state.rows() {
        drafts.context = None;
        return;
    }
    let area = egui::Area::new(egui::Id::unique("row-context-menu"))
        .order(egui::Order::Foreground)
        .fixed_pos(pos)
        .show(ui.ctx(), |ui| {
            egui::Frame::menu(ui.style()).show(ui, |ui| {
                ui.set_min_width(260.0);
                ui.style_mut().visuals.button_frame = false;
                ui.label(RichText::new(row_name(state, row)).strong());
                let before = out.len();
                menu_scroll(ui).show(ui, |ui| row_edits_ui(ui, state, row, out));
                out.len() > before
            })
        });
    let chosen = area.inner.inner;
    // Away: on the window's background, not on the menu nor on one of its submenus.
    let clicked_away = ui.input(|i| i.pointer.any_pressed())
        && ui.input(|i| i.pointer.interact_pos()).is_some_and(|p| {
            !area.response.rect.contains(p)
                && ui.ctx().layer_id_at(p).is_none_or(|l| l.order == egui::Order::Background)
        });
    let escape = super::escape_pressed(ui);
    if chosen || escape || (clicked_away && drafts.context_opened_frame != ui.ctx().cumulative_frame_nr()) {
        drafts.context = None;
    }
}

/// The note of a row, being written.
pub fn note_bar_ui(ui: &mut Ui, state: &AppState, drafts: &mut Drafts) -> Vec<Action> {
    let mut out = Vec::new();
    let Some(row) = state.project.note_row else { return out };
    ui.horizontal(|ui| {
        let label = ui.label(format!("Note on {}", row_name(state, row).replacen("Row", "row", 1)));
        let edit = ui
            .add(egui::TextEdit::singleline(&mut drafts.note).id_salt("note-field").desired_width(480.0))
            .labelled_by(label.id);
        if std::mem::take(&mut drafts.note_focus) {
            edit.request_focus();
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Save note").clicked() || enter {
            let text = Some(drafts.note.trim().to_string()).filter(|t| !t.is_empty());
            out.push(Action::Edit(crate::core::edit::Edit::Note { row, text }));
            out.push(Action::EditNote(None));
        }
        if ui.button("Remove").clicked() {
            out.push(Action::Edit(crate::core::edit::Edit::Note { row, text: None }));
            out.push(Action::EditNote(None));
        }
        if ui.button("Cancel").clicked() || super::escape_pressed(ui) {
            out.push(Action::EditNote(None));
        }
    });
    out
}

/// Help › Keys: every shortcut.
pub fn keys_window_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    let mut open = state.project.keys_open;
    // Taller than a small screen: the list scrolls inside the window.
    let height = ui.ctx().content_rect().height() * 0.75;
    egui::Window::new("Keys").open(&mut open).resizable(false).show(ui.ctx(), |ui| {
        egui::ScrollArea::vertical().max_height(height).min_scrolled_height(height).show(ui, |ui| {
            egui::Grid::new("keys-table").striped(true).num_columns(2).show(ui, |ui| {
                let mut row = |keys: &str, what: &str| {
                    ui.label(RichText::new(keys).strong());
                    ui.label(what);
                    ui.end_row();
                };
                for (keys, what) in keymap::OTHER_KEYS {
                    row(keys, what);
                }
                for b in keymap::BINDINGS {
                    let keys: Vec<String> = b.keys.iter().map(keymap::describe).collect();
                    row(&keys.join(" · "), b.help);
                }
                for e in &EDIT_KEYS {
                    row(&keymap::describe(&e.shortcut), &e.label.to_lowercase());
                }
            });
        });
    });
    if !open {
        out.push(Action::ShowKeys(false));
    }
    out
}

/// "Save the changes before closing?"
pub fn close_dialog_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    if !state.project.closing && state.project.replacing.is_none() {
        return out;
    }
    egui::Modal::new(egui::Id::unique("close-unsaved")).show(ui.ctx(), |ui| {
        ui.heading("Save the changes?");
        let name = state.project.path.as_ref().map_or_else(
            || "This alignment has changes that are in no project file yet.".to_string(),
            |p| format!("{} has unsaved changes.", p.display()),
        );
        ui.label(name);
        if let Some(what) = &state.project.replacing {
            ui.label(format!("Opening {what} replaces them."));
        }
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                out.push(Action::Close(CloseChoice::Save));
            }
            if ui.button("Discard").clicked() {
                out.push(Action::Close(CloseChoice::Discard));
            }
            if ui.button("Cancel").clicked() || super::escape_pressed(ui) {
                out.push(Action::Close(CloseChoice::Cancel));
            }
        });
    });
    out
}

/// "This project reads files outside its folder": where they are, before anything is read.
pub fn outside_dialog_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    let Some((project, paths)) = &state.project.outside else { return out };
    egui::Modal::new(egui::Id::unique("project-outside")).show(ui.ctx(), |ui| {
        ui.heading("Read files outside the project's folder?");
        ui.label(format!("The project {} reads these files, which are not in its folder:", project.display()));
        for path in paths {
            ui.label(RichText::new(path.display().to_string()).monospace());
        }
        ui.label("Open them only if they are the texts you expect. Nothing has been read yet.");
        ui.horizontal(|ui| {
            if ui.button("Open them").clicked() {
                out.push(Action::TrustProject(true));
            }
            if ui.button("Cancel").clicked() || super::escape_pressed(ui) {
                out.push(Action::TrustProject(false));
            }
        });
    });
    out
}

/// The offer of unsaved work from a run that did not end well.
pub fn recovery_banner_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    let Some(offer) = &state.project.recovery else { return out };
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Unsaved work on {}{} was kept when Tandem last stopped.", offer.what, offer.when))
                .color(ui.visuals().warn_fg_color),
        );
        if ui.button("Restore").clicked() {
            out.push(Action::Recover(true));
        }
        if ui.button("Discard").clicked() {
            out.push(Action::Recover(false));
        }
    });
    out
}
