//! The window's parts, drawn from the app's state; user intents come back as commands.

pub mod editing;
pub mod export_window;
pub mod flags_panel;
pub mod fonts;
pub mod glossary_window;
pub mod keymap;
pub mod menu;
pub mod presentation;
pub mod presenter;
pub mod search_bar;
pub mod selection;
pub mod system_fonts;
pub mod theme;
pub mod view;

use egui::{RichText, Ui};

use crate::core::side::{Side, Sides};
use crate::state::{Action, AppState, NavAction, ReviewAction, Target};
use view::{ViewCache, ViewParams};

/// What is being typed in the window's fields: widget state the UI edits. The app fills a field
/// when it opens one (a path to correct, a note to edit, the export's languages, where the row
/// menu opens, where the keyboard goes) and reads two when it acts on them: the search query (to
/// search again after a change) and the export's languages (when the export starts).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drafts {
    pub query: String,
    pub goto: String,
    pub paths: Sides<String>,
    /// The language codes in the Export window.
    pub export_langs: Sides<String>,
    /// Put the keyboard in the search field on the next frame.
    pub search_focus: bool,
    /// The search field had the keyboard at the end of the last frame.
    pub search_field_focused: bool,
    /// The note being written.
    pub note: String,
    /// The glossary as typed in its window.
    pub glossary: String,
    /// Put the keyboard in the glossary's text on the next frame.
    pub glossary_focus: bool,
    pub note_focus: bool,
    /// A row's context menu, open at a point.
    pub context: Option<(usize, egui::Pos2)>,
    /// The frame the context menu opened in (the click that opened it does not close it).
    pub context_opened_frame: u64,
}

/// The whole window: menu, path entry, status line, settings, and the aligned view.
pub fn shell_ui(
    ui: &mut Ui,
    state: &AppState,
    view: Option<&mut ViewCache>,
    drafts: &mut Drafts,
    params: &ViewParams,
) -> Vec<Action> {
    let mut out = Vec::new();
    let presenting = state.nav.presenting;
    if !presenting {
        egui::Panel::top("menu").show(ui, |ui| out.extend(menu::menu_bar_ui(ui, state)));
        if state.project.recovery.is_some() {
            egui::Panel::top("recovery").show(ui, |ui| out.extend(editing::recovery_banner_ui(ui, state)));
        }
        if state.path_entry.is_some() {
            egui::Panel::top("path-entry").show(ui, |ui| out.extend(path_entry_ui(ui, state, drafts)));
        }
        if state.project.note_row.is_some() {
            egui::Panel::top("note").show(ui, |ui| out.extend(editing::note_bar_ui(ui, state, drafts)));
        }
        egui::Panel::bottom("status").show(ui, |ui| out.extend(status_ui(ui, state, view.as_deref())));
        if state.settings_open {
            out.extend(settings_window_ui(ui, state));
        }
        if state.project.keys_open {
            out.extend(editing::keys_window_ui(ui, state));
        }
        if state.export.open {
            out.extend(export_window::export_window_ui(ui, state, drafts));
        }
        if state.review.glossary_open {
            out.extend(glossary_window::glossary_window_ui(ui, state, drafts));
        }
    }
    out.extend(editing::close_dialog_ui(ui, state));
    out.extend(editing::outside_dialog_ui(ui, state));
    if presenting && let Some(black) = state.nav.blank {
        // A blank screen for the room: nothing but the colour, until the key is pressed again.
        let fill = if black { egui::Color32::BLACK } else { egui::Color32::WHITE };
        egui::CentralPanel::default().frame(egui::Frame::NONE.fill(fill)).show(ui, |ui| {
            ui.allocate_space(ui.available_size());
        });
        return out;
    }
    if state.nav.goto_open {
        egui::Panel::top("goto").show(ui, |ui| out.extend(search_bar::goto_bar_ui(ui, state, drafts)));
    }
    if state.search.open {
        egui::Panel::top("search").show(ui, |ui| out.extend(search_bar::search_bar_ui(ui, state, drafts)));
    }
    if !presenting && state.review.panel_open {
        // At most 28% of the window to begin with (it took 40% of an 800-pixel one); resizable.
        let width = (ui.ctx().content_rect().width() * 0.28).clamp(220.0, 340.0);
        egui::Panel::right("flags").resizable(true).default_size(width).min_size(200.0).show(ui, |ui| {
            out.extend(flags_panel::flags_panel_ui(ui, state));
        });
    }
    if presenting && let Some(pair) = state.pair() {
        egui::Panel::bottom("position").show(ui, |ui| presentation::position_ui(ui, pair, &state.nav));
    }
    let marks = view::Marks {
        current: Some(state.nav.current),
        hits: &state.search.hits,
        current_hit: state.search.current,
        review: Some(&state.review),
        annotations: state.annotations(),
        phrases: &state.nav.phrases,
        inside: state.inside.as_deref(),
        pointed: view.as_ref().and_then(|v| v.pointed),
        sentence: state.nav.sentence.filter(|(row, _)| presenting && *row == state.nav.current),
    };
    egui::CentralPanel::default().show(ui, |ui| {
        match (state.pair(), view) {
            (Some(pair), Some(view)) if presenting && state.nav.one_per_screen => {
                presentation::single_pair_ui(ui, pair, view, params, &marks);
            }
            (Some(pair), Some(view)) => {
                if pair.alignment.unrelated() {
                    unrelated_banner_ui(ui);
                }
                let events = view::columns::aligned_view_ui(ui, pair, view, params, &marks);
                out.extend(events.split.map(Action::SetSplit));
                // A click selects the row where it is; the overview strip jumps.
                out.extend(events.clicked_row.map(|row| Action::Nav(NavAction::Select(row))));
                out.extend(events.jump_row.map(|row| Action::Nav(NavAction::To(row))));
                out.extend(
                    events.title.map(|(side, text)| Action::Edit(crate::core::edit::Edit::Title { side, text })),
                );
                if let Some((row, pos)) = events.context_row {
                    // The row becomes current, and its edits are offered where the click was.
                    out.push(Action::Nav(NavAction::Select(row)));
                    drafts.context = Some((row, pos));
                    drafts.context_opened_frame = ui.ctx().cumulative_frame_nr();
                }
            }
            _ => {
                out.extend(empty_window_ui(ui, state));
            }
        }
    });
    if let Some(loading) = &state.loading {
        out.extend(loading_ui(ui, loading));
    }
    editing::context_menu_ui(ui, state, drafts, &mut out);
    out
}

fn status_ui(ui: &mut Ui, state: &AppState, view: Option<&ViewCache>) -> Vec<Action> {
    let mut out = Vec::new();
    ui.horizontal(|ui| {
        if let Some(loading) = &state.loading {
            // No spinner: it would draw frames without end while a slow source is waited for.
            ui.label(format!(
                "Reading and aligning {} — {} … {:.0} s",
                loading.what,
                loading.now.to_lowercase(),
                loading.started.elapsed().as_secs_f32().floor()
            ));
            if ui.small_button("Cancel").on_hover_text("Stop waiting (Esc); the pair on screen stays").clicked() {
                out.push(Action::CancelLoading);
            }
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(500));
        } else if state.dialog_open {
            ui.spinner();
            ui.label("Waiting for the file dialog…");
        } else if let (Some(pair), Some(view)) = (state.pair(), view) {
            if state.showing_sample() {
                ui.label(RichText::new("Built-in sample").strong())
                    .on_hover_text("A pair written for Tandem to show what it does: File › Open… opens your own texts");
                ui.separator();
            }
            let c = view.counts;
            let rows = view.visible.clone();
            debug_assert_eq!(c.rows, pair.alignment.links.len());
            ui.label(format!(
                "{} rows · {} paired · {} only left · {} only right · rows {}–{} in view",
                c.rows,
                c.paired_rows,
                c.left_only,
                c.right_only,
                rows.start + 1,
                rows.end.max(rows.start + 1),
            ));
            let review = &state.review;
            let flags = if review.running {
                "checking…".to_string()
            } else {
                match review.open() {
                    0 => "no flags".to_string(),
                    1 => "1 flag".to_string(),
                    n => format!("{n} flags"),
                }
            };
            if ui
                .link(flags)
                .on_hover_text(format!(
                    "Show the review flags ({}); {} goes to the next",
                    keymap::keys_text(keymap::Command::FlagsPanel),
                    keymap::keys_text(keymap::Command::NextFlag)
                ))
                .clicked()
            {
                out.push(Action::Review(ReviewAction::TogglePanel));
            }
            if let Some(side) = state.nav.only {
                ui.separator();
                let hidden = format!("the {} column is hidden", side.other().name());
                if ui
                    .link(hidden)
                    .on_hover_text(format!("Show both columns ({})", keymap::keys_text(keymap::Command::BothColumns)))
                    .clicked()
                {
                    out.push(Action::Nav(NavAction::ShowOnly(None)));
                }
            }
        }
        if !state.nav.typed.is_empty() {
            ui.separator();
            ui.label(RichText::new(format!("go to turn {}… (Enter)", state.nav.typed)).strong());
        }
        // A long message is cut short with `…` (whole on hover) rather than run off the right
        // edge; an error's Dismiss comes first, so that it is always there to click.
        if let Some(status) = &state.status {
            ui.separator();
            if ui.small_button("Dismiss").clicked() {
                out.push(Action::DismissError);
            }
            let share = if state.project.last.is_some() { 0.65 } else { 1.0 };
            let color = match status.level {
                crate::state::Level::Warning => ui.visuals().warn_fg_color,
                crate::state::Level::Error => ui.visuals().error_fg_color,
            };
            let text = RichText::new(format!("⚠ {}", status.text)).color(color);
            elided(ui, text, ui.available_width() * share);
        }
        if let Some(last) = &state.project.last {
            ui.separator();
            elided(ui, RichText::new(last).weak(), ui.available_width());
        }
    });
    out
}

/// A label no wider than `width`, cut short with `…` when longer (egui then shows its whole
/// text on hover).
fn elided(ui: &mut Ui, text: RichText, width: f32) {
    ui.scope(|ui| {
        ui.set_max_width(width.max(40.0));
        ui.add(egui::Label::new(text).truncate());
    });
}

fn path_entry_ui(ui: &mut Ui, state: &AppState, drafts: &mut Drafts) -> Vec<Action> {
    let mut out = Vec::new();
    let Some(entry) = state.path_entry.as_ref() else { return out };
    let target = entry.target.unwrap_or(Target::Pair);
    if !entry.reason.is_empty() {
        ui.label(RichText::new(&entry.reason).color(ui.visuals().warn_fg_color));
    }
    let (mut submit, mut cancel) = (false, false);
    ui.horizontal(|ui| {
        let project = matches!(
            target,
            Target::Project | Target::SaveProject | Target::Locate(_) | Target::Export(_) | Target::Glossary
        );
        if project {
            let label = ui.label(match target {
                Target::Locate(_) => "File",
                Target::Export(_) => "Export to",
                Target::Glossary => "Glossary file",
                _ => "Project file",
            });
            let edit =
                ui.add(egui::TextEdit::singleline(&mut drafts.paths.left).desired_width(480.0)).labelled_by(label.id);
            submit |= edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        }
        for side in Side::BOTH {
            if !project && (target == Target::Pair || target == Target::Side(side)) {
                let label = ui.label(if side == Side::Left { "Left" } else { "Right" });
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut drafts.paths[side]).desired_width(320.0))
                    .labelled_by(label.id);
                submit |= edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            }
        }
        if !state.no_dialog && ui.button("Choose…").on_hover_text("The system's file dialog").clicked() {
            out.push(Action::OpenDialog(target));
        }
        submit |= ui
            .button(match target {
                Target::SaveProject => "Save",
                Target::Export(_) => "Export",
                _ => "Open",
            })
            .clicked();
        cancel = ui.button("Cancel").clicked();
    });
    if cancel {
        out.push(Action::ClosePathEntry);
    } else if submit {
        let path = |side: Side| drafts.paths[side].trim().into();
        let files = match target {
            Target::Pair => vec![path(Side::Left), path(Side::Right)],
            Target::Side(side) => vec![path(side)],
            Target::Project | Target::SaveProject | Target::Locate(_) | Target::Export(_) | Target::Glossary => {
                vec![path(Side::Left)]
            }
        };
        out.push(Action::OpenPaths(files, target));
    }
    out
}

fn settings_window_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    let mut open = true;
    egui::Window::new("Settings").open(&mut open).resizable(false).min_width(460.0).show(ui.ctx(), |ui| {
        // Labels keep their words whole: the window is as wide as they need.
        let label = |ui: &mut Ui, text: &str| ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
        label(ui, "Font of each column, ahead of the bundled Noto fonts:");
        egui::Grid::new("settings-fonts").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
            for (side, name) in [(Side::Left, "Left column"), (Side::Right, "Right column")] {
                let current = state.settings.fonts[side].clone();
                let shown = current.clone().unwrap_or_else(|| "Bundled (Noto Sans, Noto Sans SC)".into());
                label(ui, name);
                egui::ComboBox::from_id_salt(("font", side)).selected_text(shown).width(320.0).show_ui(ui, |ui| {
                    if ui.selectable_label(current.is_none(), "Bundled (Noto Sans, Noto Sans SC)").clicked() {
                        out.push(Action::SetFont(side, None));
                    }
                    match &state.installed_fonts {
                        None => {
                            ui.spinner();
                        }
                        Some(list) => {
                            for family in list {
                                if ui.selectable_label(current.as_ref() == Some(family), family).clicked() {
                                    out.push(Action::SetFont(side, Some(family.clone())));
                                }
                            }
                        }
                    }
                });
                ui.end_row();
            }
        });
        ui.separator();
        label(ui, "Scrolling to a pair:");
        let choice = state.settings.reduce_motion;
        ui.horizontal(|ui| {
            for (value, name, tip) in [
                (None, "Automatic", "Jumps when the picture is drawn by the CPU (no GPU), glides otherwise"),
                (Some(false), "Glide", "A short scrolling animation"),
                (Some(true), "Jump", "No animation: the least CPU, and no motion on a projector"),
            ] {
                if ui.radio(choice == value, name).on_hover_text(tip).clicked() && choice != value {
                    out.push(Action::SetReduceMotion(value));
                }
            }
        });
        ui.separator();
        label(ui, "Review checks (a kind switched off is neither listed nor counted):");
        egui::Grid::new("settings-checks").num_columns(2).show(ui, |ui| {
            for (k, kind) in crate::core::review::FlagKind::ALL.into_iter().enumerate() {
                let mut on = !state.review.hidden_kinds.contains(&kind);
                if ui.checkbox(&mut on, kind.title()).changed() {
                    out.push(crate::state::ReviewAction::ToggleKind(kind).into());
                }
                if k % 2 == 1 {
                    ui.end_row();
                }
            }
        });
    });
    if !open {
        out.push(Action::ShowSettings(false));
    }
    out
}

/// Escape pressed this frame, even if something already used it (egui takes it to drop a
/// field's focus; the app's keys take it to leave presentation).
pub(super) fn escape_pressed(ui: &Ui) -> bool {
    ui.input(|i| {
        i.raw.events.iter().any(|e| matches!(e, egui::Event::Key { key: egui::Key::Escape, pressed: true, .. }))
    })
}

/// No pair on screen: what is being loaded, or how to open one.
fn empty_window_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.3);
        if state.loading.is_some() {
            // The loading box is drawn over the middle of the window by `loading_ui`.
            return;
        }
        ui.heading("Open a text and its translation");
        ui.label(format!(
            "File › Open pair… ({}) — or drop two files on this window — or run `tandem LEFT RIGHT`.",
            keymap::keys_text(keymap::Command::OpenPair)
        ));
        ui.label("A .tandem project opens the same ways.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Open pair…").clicked() {
                out.push(Action::OpenDialog(Target::Pair));
            }
            if ui.button("Open the sample pair").clicked() {
                out.push(Action::OpenSample);
            }
        });
    });
    out
}

/// Above the columns when the two texts do not look like translations of each other, so that the
/// pairs below are read as the guesses they are.
fn unrelated_banner_ui(ui: &mut Ui) {
    let dark = ui.visuals().dark_mode;
    let (fill, text) = if dark {
        (egui::Color32::from_rgb(0x5a, 0x3a, 0x00), egui::Color32::from_rgb(0xff, 0xe8, 0xc0))
    } else {
        (egui::Color32::from_rgb(0xff, 0xf0, 0xcc), egui::Color32::from_rgb(0x4a, 0x30, 0x00))
    };
    egui::Frame::new().fill(fill).inner_margin(egui::Margin::symmetric(10, 6)).corner_radius(4).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(
            egui::RichText::new(
                "These two texts do not look like translations of each other: their turns pair no better \
                 in their own order than shuffled. The pairs below are guesses by length.",
            )
            .color(text),
        );
    });
    ui.add_space(4.0);
}

/// In the middle of the window while a pair loads: what is being done, how far, and Cancel. The
/// pair on screen stays usable around it; redrawn twice a second (by the status line), no faster.
pub fn loading_ui(ui: &mut Ui, loading: &crate::state::Loading) -> Vec<Action> {
    let mut out = Vec::new();
    let (now, done) = (&loading.now, loading.share);
    egui::Area::new(egui::Id::unique("loading-box"))
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).inner_margin(egui::Margin::same(14)).show(ui, |ui| {
                ui.set_width(420.0);
                ui.label(egui::RichText::new(format!("Opening {}", loading.what)).strong());
                ui.label(if now.is_empty() { "Starting…".to_string() } else { format!("{now}…") });
                let seconds = loading.started.elapsed().as_secs_f32().floor();
                ui.add(egui::ProgressBar::new(done).text(format!("{:.0} %  ·  {seconds:.0} s", done * 100.0)));
                if ui.button("Cancel").on_hover_text("Stop opening (Esc); the pair on screen stays").clicked() {
                    out.push(Action::CancelLoading);
                }
            });
        });
    out
}
