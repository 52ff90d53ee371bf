//! The eframe app: owns the state and the session in it, runs the background tasks, and applies
//! what the user asks.
//!
//! The state changes at three doors, all here at the start of a frame or after it: finished
//! tasks in `poll_background`; what the window itself reports (a close asked for, a new size,
//! words selected) in `may_close`, `recentre_on_resize` and `catch_selection`; and every action
//! — keys, dropped files, what the UI returns after drawing — in [`TandemApp::handle`]. The UI
//! only reads the state. Anything changed asks for one more frame, so that what is shown never
//! lags behind.

mod dialog;
mod export;
mod inside;
mod keys;
pub mod loader;
mod look;
mod nav;
mod opening;
mod present;
mod project;
mod review;
mod running;
mod tasks;
mod watch;

use std::path::PathBuf;

use crate::core::session::Session;
use crate::core::side::{Side, Sides};
pub use crate::state::{
    Action, AppState, CloseChoice, ExportAction, NavAction, PathEntry, ReviewAction, Settings, Status, Target,
};
use crate::ui;
use crate::ui::fonts::UserFont;
use crate::ui::view::{ViewCache, ViewParams};
use dialog::{Dialog, Picked};
use loader::{Job, ToLoad};
pub use nav::SearchJob;
use review::DismissalStore;

/// The compiled-in sample pair: a short Chinese interview and its French translation.
pub const SAMPLE: [(&str, &str); 2] = [
    ("interview_zh.txt", include_str!("../../assets/samples/interview_zh.txt")),
    ("interview_fr.txt", include_str!("../../assets/samples/interview_fr.txt")),
];

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Whether `TANDEM_TIMINGS=1` has reported the time until a pair was first on screen.
static PAIR_SHOWN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Notes when the process started, so that `TANDEM_TIMINGS=1` can report the time to first frame.
pub fn mark_start() {
    STARTED.get_or_init(std::time::Instant::now);
}

/// The whole app: the state the UI reads, what the view derives from it, and the background work.
pub struct TandemApp {
    state: AppState,
    /// Derived from the pair for drawing (row heights, weights); never the source of anything.
    pub view: Option<ViewCache>,
    /// What is being typed in the window's fields.
    pub drafts: ui::Drafts,
    /// The work running off the UI thread.
    tasks: running::Running,
    dismissal_store: DismissalStore,
    /// Where unsaved work is kept between edits (`None`: nowhere, for tests that do not ask).
    recovery_dir: Option<PathBuf>,
    /// What waits for the user's answer (see [`project::Waiting`]).
    waiting: project::Waiting,
    /// What the app knows of its window besides what egui keeps.
    window: Window,
    user_fonts: Sides<Option<UserFont>>,
    /// The fonts must be installed again (a pair, a font or a side changed).
    fonts_dirty: bool,
    /// The words a person selects in the rows (see `catch_selection`).
    selection_watch: ui::selection::SelectionWatch,
    ctx: egui::Context,
}

/// What the app knows of its window besides what egui keeps.
#[derive(Debug, Default)]
struct Window {
    /// The title last given to the window system.
    title: String,
    /// The renderer draws on the CPU (llvmpipe, lavapipe, WARP): animations cost real time.
    software_renderer: bool,
    /// The window's size last frame: presenting, a change (the switch to full screen arriving
    /// a few frames after F5) brings the current pair back to the middle.
    screen: egui::Vec2,
    /// The user chose to close (saved or discarded): let the window go.
    close_confirmed: bool,
}

/// The app reads as its state: tests and the UI see it; only the app changes it (see the module's
/// doc for where).
impl std::ops::Deref for TandemApp {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        &self.state
    }
}

impl TandemApp {
    /// The app as eframe creates it: settings restored, fonts installed, `files` opened (or the
    /// last pair, or the sample).
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        let mut app = Self::opening(cc.egui_ctx.clone(), settings.sanitized(), files);
        // The window system remembers a window left full screen (quit during a presentation),
        // but a start is never a presentation: begin in a window.
        cc.egui_ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        // Dismissed flags and the recovery copy live beside eframe's own settings (or where
        // TANDEM_STORE_DIR says).
        let dir = std::env::var_os("TANDEM_STORE_DIR").map(PathBuf::from).or_else(|| eframe::storage_dir("tandem"));
        app.set_store_dir(dir);
        app
    }

    /// Where the app keeps what it remembers besides its settings (dismissed flags); `None` keeps
    /// it for this run only.
    pub fn set_store_dir(&mut self, dir: Option<PathBuf>) {
        self.recovery_dir = dir.as_ref().map(|d| d.join("recovery"));
        self.look_for_recovery();
        let (store, error) = DismissalStore::open(dir);
        self.dismissal_store = store;
        if error.is_some() {
            self.state.status = error.clone();
            // A pair still loading would clear it on success: said again then.
            if let Some(job) = self.tasks.load.as_mut() {
                job.notice = error;
            }
        }
        if let Some(session) = self.state.session.as_mut() {
            session.remember_dismissed(self.dismissal_store.dismissals.of(session.pair()));
            self.state.refresh_review();
        }
    }

    /// The app with given settings (tests use this to start from a known state).
    pub fn with_settings(ctx: egui::Context, settings: Settings, files: Option<[PathBuf; 2]>) -> Self {
        Self::opening(ctx, settings, files.map(|f| f.to_vec()).unwrap_or_default())
    }

    /// The app opening `files`: two texts, or one `.tandem` project (none: the last pair, or
    /// the sample).
    pub fn opening(ctx: egui::Context, settings: Settings, files: Vec<PathBuf>) -> Self {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let mut app = TandemApp {
            state: AppState { settings, no_dialog: !dialog::dialog_possible(), ..AppState::default() },
            view: None,
            drafts: ui::Drafts::default(),
            tasks: running::Running::default(),
            dismissal_store: DismissalStore::default(),
            recovery_dir: None,
            waiting: project::Waiting::Nothing,
            window: Window::default(),
            user_fonts: Sides::default(),
            fonts_dirty: true,
            selection_watch: ui::selection::SelectionWatch::install(&ctx),
            ctx,
        };
        app.apply_theme();
        app.state.review.hidden_kinds = app.state.settings.hidden_flag_kinds.clone();
        let mut files = files;
        let single = (files.len() == 1).then(|| files.remove(0));
        match (<[PathBuf; 2]>::try_from(files), single) {
            (Ok([l, r]), _) => app.open([ToLoad::File(l), ToLoad::File(r)]),
            (_, Some(file)) if crate::core::project::is_project(&file) => app.open_project(file),
            // One text (a double click, "Open with Tandem"): the other file of the pair is
            // asked for, nothing else opened meanwhile.
            (_, Some(file)) => {
                let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into());
                let reason = format!(
                    "Tandem shows a text beside its translation: {name} is on the left; give the other file \
                     (or choose both with File › Open pair…)."
                );
                app.show_path_entry(Target::Pair, &reason);
                app.drafts.paths = Sides::new(file.display().to_string(), String::new());
            }
            (Err(_), None) => app.open_last_or_sample(),
        }
        if app.state.settings.fonts.iter().any(|(_, f)| f.is_some()) {
            app.list_installed_fonts();
        }
        app
    }

    /// The pair open last time, else the sample (saying which file of the last pair is gone).
    fn open_last_or_sample(&mut self) {
        let app = self;
        match app.state.settings.last_pair.clone().filter(|p| p.iter().all(|f| f.is_file())) {
            Some([l, r]) => app.open([ToLoad::File(l), ToLoad::File(r)]),
            None => {
                app.open(loader::sample_sources());
                // The pair open last time has a file gone: say which, and offer a way to it.
                if let Some(last) = app.state.settings.last_pair.clone() {
                    let gone: Vec<String> =
                        last.iter().filter(|f| !f.is_file()).map(|f| f.display().to_string()).collect();
                    let reason = format!(
                        "The pair open last time cannot be opened: {} is no longer there. The sample is shown; \
                             type where the files are now, or use File › Open pair….",
                        gone.join(" and ")
                    );
                    app.show_path_entry(Target::Pair, &reason);
                    app.drafts.paths = Sides::new(last[0].display().to_string(), last[1].display().to_string());
                }
            }
        }
    }

    fn wake(&self) -> impl Fn() + Send + 'static {
        let ctx = self.ctx.clone();
        move || ctx.request_repaint()
    }

    /// Starts reading and aligning in the background; what is open stays until it succeeds.
    fn open(&mut self, sources: [ToLoad; 2]) {
        let job = Job::spawn(sources, self.wake());
        self.state.loading = Some(job.loading());
        self.tasks.load = Some(job);
    }

    /// Shows a pair and the work on it (this computer's dismissals of its flags join it).
    fn set_session(&mut self, mut session: Session) {
        let pair = session.pair();
        self.view = Some(ViewCache::new(pair));
        self.state.sample = pair.docs.iter().all(|(_, d)| loader::is_sample(&d.path));
        session.remember_dismissed(self.dismissal_store.dismissals.of(pair));
        self.state.session = Some(session);
        self.fonts_dirty = true;
        self.state.nav.current = 0;
        self.state.nav.phrases.clear();
        self.state.nav.selection = None;
        let open = self.state.search.open;
        self.state.search = crate::state::SearchState { open, scope: self.state.search.scope, ..Default::default() };
        self.tasks.search = None;
        // Turns being cut anew belong to the pair that was open: their result must never land
        // on this one.
        self.tasks.resplit = None;
        if open {
            self.handle(Action::Nav(NavAction::Search(self.drafts.query.clone(), self.state.search.scope)));
        }
        let review = &mut self.state.review;
        *review = crate::state::ReviewState {
            panel_open: review.panel_open,
            hidden_kinds: std::mem::take(&mut review.hidden_kinds),
            show_dismissed: review.show_dismissed,
            glossary: std::mem::take(&mut review.glossary),
            ..Default::default()
        };
        self.start_review();
    }

    /// Blocks until background loading is done (tests and the first frame of a benchmark).
    pub fn finish_loading(&mut self) {
        // A finished load may start another (the next recovery copy): until none is left.
        while let Some(job) = self.tasks.load.as_ref() {
            job.wait();
            self.poll_background();
        }
    }

    fn poll_background(&mut self) {
        // The progress of what runs, as the window shows it this frame.
        if let Some(job) = self.tasks.load.as_ref() {
            self.state.loading = Some(job.loading());
        }
        if let (Some(run), Some(export)) = (self.state.export.running.as_mut(), self.tasks.export.as_ref()) {
            run.share = export.progress.fraction();
        }
        if let Some(result) = self.tasks.load.as_ref().and_then(Job::poll) {
            let (purpose, notice) = self.tasks.load.take().map(|j| (j.purpose, j.notice)).unwrap_or_default();
            self.state.loading = None;
            self.finish_load(result, purpose, notice);
        }
        if let Some(picked) = self.tasks.dialog.as_ref().and_then(Dialog::poll) {
            let target = self.tasks.dialog.take().map_or(Target::Pair, |d| d.target);
            self.state.dialog_open = false;
            match picked {
                // The native dialog has already asked before replacing a file.
                Picked::Files(files) if matches!(target, Target::Export(_)) => {
                    if let Some(path) = files.into_iter().next() {
                        self.handle_export(ExportAction::Write { path, replace: true });
                    }
                }
                // The system's save dialog has asked before replacing a file.
                Picked::Files(files) if target == Target::SaveProject => {
                    if let Some(path) = files.into_iter().next() {
                        self.save_checked(Some(path), true);
                    }
                }
                Picked::Files(files) => self.handle(Action::OpenPaths(files, target)),
                // No file chosen to save to: a close or an open waiting for this save waits no
                // more (a project waiting for where its source went still does).
                Picked::Cancelled if target == Target::SaveProject => self.waiting = project::Waiting::Nothing,
                Picked::Cancelled => {}
                Picked::NoDialog => {
                    self.state.no_dialog = true;
                    let reason = "No file dialog could be shown (no desktop portal or zenity?). Type the path instead:";
                    self.show_path_entry(target, reason);
                }
            }
        }
        self.poll_search();
        self.poll_review();
        self.poll_export();
        self.poll_resplit();
        let changed = self.tasks.watcher.as_ref().map(watch::Watcher::changed).unwrap_or_default();
        if !changed.is_empty() {
            self.reload(&changed);
        }
        if let Some(fonts) = self.tasks.fonts.as_ref().and_then(tasks::Task::poll) {
            self.state.installed_fonts = Some(fonts.unwrap_or_default());
            self.tasks.fonts = None;
            self.fonts_dirty = true;
        }
    }

    pub(super) fn show_path_entry(&mut self, target: Target, reason: &str) {
        self.drafts.paths = self.state.current_paths();
        if matches!(target, Target::Export(_)) {
            self.drafts.paths.left = self.export_path().display().to_string();
        }
        if target == Target::SaveProject {
            self.drafts.paths.left = self.suggested_project_path().display().to_string();
        }
        self.state.path_entry = Some(PathEntry { target: Some(target), reason: reason.into() });
    }

    /// Applies one action, unless it would replace unsaved work: then the question is asked
    /// first (see [`Self::unless_it_replaces_unsaved_work`]).
    pub fn handle(&mut self, action: Action) {
        if let Some(action) = self.unless_it_replaces_unsaved_work(action) {
            self.apply(action);
        }
    }

    /// Applies one action.
    fn apply(&mut self, action: Action) {
        match action {
            Action::OpenDialog(target) => {
                if self.tasks.dialog.is_none() {
                    let suggested = match target {
                        Target::Export(_) => Some(self.export_path()),
                        Target::SaveProject => Some(self.suggested_project_path()),
                        _ => None,
                    };
                    self.tasks.dialog = Some(Dialog::spawn(target, suggested, self.wake()));
                    self.state.dialog_open = true;
                }
            }
            Action::OpenPaths(files, Target::SaveProject) => {
                self.state.path_entry = None;
                if let Some(path) = files.into_iter().next() {
                    self.save(Some(path));
                }
            }
            Action::OpenPaths(files, Target::Export(_)) => {
                if let Some(path) = files.into_iter().next() {
                    self.handle_export(ExportAction::Write { path, replace: false });
                }
            }
            Action::OpenPaths(files, Target::Glossary) => {
                self.state.path_entry = None;
                if let Some(path) = files.into_iter().next() {
                    self.load_glossary(&path);
                }
            }
            Action::OpenPaths(files, Target::Locate(side)) => {
                self.state.path_entry = None;
                if let Some(file) = files.into_iter().next()
                    && let project::Waiting::Locate { project, located } = &mut self.waiting
                {
                    located[side] = Some(file);
                    let (project, located) = (project.clone(), located.clone());
                    let job = Job::spawn_project_located(project, located, self.wake());
                    self.state.loading = Some(job.loading());
                    self.tasks.load = Some(job);
                }
            }
            Action::OpenPaths(files, _) if files.len() == 1 && files[0].extension().is_some_and(|e| e == "tandem") => {
                self.state.path_entry = None;
                self.open_project(files[0].clone());
            }
            Action::OpenPaths(mut files, target) => {
                // A typed path stays in its field until the pair opens: a wrong one can be corrected.
                let kept = |side: Side, app: &Self| app.state.pair().map(|p| ToLoad::Loaded(p.docs[side].clone()));
                let sources = match (target, files.len()) {
                    (Target::Pair, n) if n >= 2 => {
                        let right = files.remove(1);
                        Some([ToLoad::File(files.remove(0)), ToLoad::File(right)])
                    }
                    (Target::Pair, _) => {
                        self.state.status = Some(Status::error("Choose two files: a text and its translation."));
                        None
                    }
                    (_, 0) => None,
                    (Target::Side(Side::Left), _) => {
                        kept(Side::Right, self).map(|r| [ToLoad::File(files.remove(0)), r])
                    }
                    (
                        Target::Project
                        | Target::SaveProject
                        | Target::Locate(_)
                        | Target::Export(_)
                        | Target::Glossary,
                        _,
                    ) => None,
                    (Target::Side(Side::Right), _) => {
                        kept(Side::Left, self).map(|l| [l, ToLoad::File(files.remove(0))])
                    }
                };
                match sources {
                    Some(sources) => self.open(sources),
                    None if self.state.status.is_none() => {
                        self.state.status =
                            Some(Status::error("Open a pair first: one file alone has nothing to align with."));
                    }
                    None => {}
                }
            }
            Action::OpenRecent(k) => {
                if let Some([l, r]) = self.state.settings.recent.get(k).cloned() {
                    self.open([ToLoad::File(l), ToLoad::File(r)]);
                }
            }
            Action::CancelLoading => {
                // The reading thread is left to finish on its own; what it sends goes nowhere.
                if let Some(loading) = self.state.loading.take() {
                    // What the cancelled load was for (a recovery, a reload) goes with it.
                    self.tasks.load = None;
                    self.state.project.last = Some(format!("Stopped opening {}", loading.what));
                }
            }
            Action::OpenSample => {
                self.state.status = None;
                // A pair of its own, read like any other: no project of the last pair to save
                // it over once it is open.
                self.open(loader::sample_sources());
            }
            Action::ShowPathEntry(target) => self.show_path_entry(target, ""),
            Action::ClosePathEntry => {
                self.state.path_entry = None;
                self.waiting = project::Waiting::Nothing;
            }
            Action::Swap => {
                if let Some(session) = self.state.session.take() {
                    let settings = &mut self.state.settings;
                    settings.split = 1.0 - settings.split;
                    settings.fonts = std::mem::take(&mut settings.fonts).swapped();
                    self.user_fonts = std::mem::take(&mut self.user_fonts).swapped();
                    let first = self.view.as_ref().map_or(0, |v| v.visible.start);
                    let path = self.state.project.path.take();
                    self.set_session(session.swapped());
                    self.state.project.path = path;
                    // The next start opens the pair the way round it was left.
                    if let Some(paths) = self.state.file_paths() {
                        self.state.settings.remember(paths);
                    }
                    if let Some(view) = self.view.as_mut() {
                        view.scroll_to_row(first);
                    }
                }
            }
            Action::TextSize(steps) => self.state.settings.step_text_size(steps, self.state.nav.presenting),
            Action::ToggleTheme => {
                self.state.settings.dark = !self.state.settings.dark;
                self.apply_theme();
            }
            Action::SetReduceMotion(choice) => {
                self.state.settings.reduce_motion = choice;
                self.apply_motion();
            }
            Action::SetSplit(split) => self.state.settings.split = split,
            Action::SetFont(side, name) => {
                self.state.settings.fonts[side] = name;
                self.fonts_dirty = true;
            }
            Action::ShowSettings(open) => {
                if open {
                    self.list_installed_fonts();
                }
                self.state.settings_open = open;
            }
            Action::DismissError => self.state.status = None,
            Action::Nav(action) => self.handle_nav(action),
            Action::Review(action) => self.handle_review(action),
            Action::Export(action) => self.handle_export(action),
            Action::Edit(edit) => self.handle_edit(edit),
            Action::Undo => self.undo(false),
            Action::Redo => self.undo(true),
            Action::Save => self.save(None),
            Action::SaveAs => self.handle(Action::OpenDialog(Target::SaveProject)),
            Action::SaveTo(path) => self.save(Some(path)),
            Action::OpenProject(path) => self.open_project(path),
            Action::Recover(restore) => self.recover(restore),
            Action::TrustProject(yes) => self.trust_project(yes),
            Action::Close(choice) => self.close(choice),
            Action::EditNote(row) => {
                if let (Some(row), Some(pair)) = (row, self.state.pair()) {
                    let note = self.state.annotations().and_then(|a| a.note(&pair.alignment, row));
                    self.drafts.note = note.unwrap_or_default().to_string();
                    self.drafts.note_focus = true;
                }
                self.state.project.note_row = row;
            }
            Action::ShowKeys(open) => self.state.project.keys_open = open,
            Action::RowMenu => {
                let at = self.ctx.input(|i| i.pointer.latest_pos()).unwrap_or(egui::pos2(160.0, 140.0));
                self.drafts.context = Some((self.state.nav.current, at));
                self.drafts.context_opened_frame = self.ctx.cumulative_frame_nr();
            }
            Action::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Parameters of the aligned view this frame.
    pub fn view_params(&self) -> ViewParams {
        ViewParams {
            text_size: self.state.text_size(),
            split: self.state.settings.split,
            user_fonts: self.state.user_fonts,
            fit_each_pair: self.state.settings.fit_each_pair,
            reduce_motion: self.reduce_motion(),
            only: self.state.nav.only,
            presenting: self.state.nav.presenting,
        }
    }
}

impl eframe::App for TandemApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if ui.ctx().cumulative_frame_nr() == 0 {
            self.detect_renderer(frame);
        }
        if let Some(started) = STARTED.get()
            && ui.ctx().cumulative_frame_nr() == 0
            && std::env::var_os("TANDEM_TIMINGS").is_some()
        {
            eprintln!("tandem: first frame after {:.0?}", started.elapsed());
        }
        self.poll_background();
        self.recentre_on_resize(ui.ctx().content_rect().size());
        if self.fonts_dirty {
            self.install_fonts();
        }
        if ui.input(|i| i.viewport().close_requested()) && !self.may_close() {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        let title = self.title();
        if title != self.window.title {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title = title;
        }
        self.catch_selection();
        // Keys act before this frame is drawn, so that it shows their effect: one frame per key
        // (under a software renderer each frame costs real CPU).
        for action in keys::read(ui, &self.state) {
            self.handle(action);
        }
        let mut actions: Vec<Action> = keys::dropped_files(ui, self.state.settings.split).into_iter().collect();
        let params = self.view_params();
        actions.extend(ui::shell_ui(ui, &self.state, self.view.as_mut(), &mut self.drafts, &params));
        actions.extend(self.presenter_window(ui));
        if self.state.pair().is_some()
            && self.view.is_some()
            && std::env::var_os("TANDEM_TIMINGS").is_some()
            && let Some(started) = STARTED.get()
            && !PAIR_SHOWN.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            eprintln!("tandem: first pair shown after {:.2?}", started.elapsed());
        }
        if !actions.is_empty() {
            for action in actions {
                self.handle(action);
            }
            // What was drawn predates these changes: draw once more so the screen shows them.
            ui.ctx().request_repaint();
        }
        // Background jobs wake the window when they finish (and the loading and export lines
        // ask for their own slow ticks): no frames are drawn while waiting.
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit with nothing unsaved leaves no recovery copy behind.
        if !self.state.dirty() {
            self.remove_recovery();
        }
    }
}
