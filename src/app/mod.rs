//! The eframe app: persisted settings, the open pair, background work, and commands applied after drawing.

pub mod loader;
pub mod nav;
pub mod settings;

use std::path::PathBuf;
use std::time::Duration;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::core::document::{Document, Pair};
use crate::ui;
use crate::ui::columns::{ViewCache, ViewParams};
use crate::ui::fonts::{self, UserFont};
use loader::{Dialog, Job, Picked, Source, Target};
pub use nav::{Nav, NavCommand, SearchState};
pub use settings::Settings;

/// The compiled-in sample pair: a short Chinese interview and its French translation.
pub const SAMPLE: [(&str, &str); 2] = [
    ("interview_zh.txt", include_str!("../../assets/samples/interview_zh.txt")),
    ("interview_fr.txt", include_str!("../../assets/samples/interview_fr.txt")),
];

/// The sample pair, aligned.
pub fn sample_pair() -> Pair {
    let doc = |(name, text): (&str, &str)| Document::from_text(format!("sample/{name}"), text, "UTF-8", 0);
    Pair::new(doc(SAMPLE[0]), doc(SAMPLE[1]))
}

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes when the process started, so that `TANDEM_TIMINGS=1` can report the time to first frame.
pub fn mark_start() {
    STARTED.get_or_init(std::time::Instant::now);
}

/// Something the user asked for, applied after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    OpenDialog(Target),
    OpenPaths(Vec<PathBuf>, Target),
    OpenRecent(usize),
    OpenSample,
    ShowPathEntry(Target),
    Swap,
    TextSize(i32),
    ToggleTheme,
    SetSplit(f32),
    SetFont(usize, Option<String>),
    DismissError,
    Nav(NavCommand),
    Quit,
}

/// A path typed by hand, for when no file dialog can appear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathEntry {
    pub target: Option<Target>,
    pub paths: [String; 2],
    pub reason: String,
}

/// The whole app: settings that persist, and the runtime state that does not.
pub struct TandemApp {
    pub settings: Settings,
    /// Shared so that a background search can read it while the window goes on.
    pub pair: Option<std::sync::Arc<Pair>>,
    pub view: Option<ViewCache>,
    pub job: Option<Job>,
    pub dialog: Option<Dialog>,
    pub path_entry: Option<PathEntry>,
    pub error: Option<String>,
    pub settings_open: bool,
    pub nav: Nav,
    pub search: SearchState,
    /// Installed font families (from fontdb), listed on a background thread.
    pub installed_fonts: Option<Vec<String>>,
    fonts_rx: Option<std::sync::mpsc::Receiver<Vec<String>>>,
    user_fonts: [Option<UserFont>; 2],
    fonts_dirty: bool,
    ctx: egui::Context,
}

impl TandemApp {
    /// The app as eframe creates it: settings restored, fonts installed, `files` opened (or the
    /// last pair, or the sample).
    pub fn new(cc: &eframe::CreationContext<'_>, files: Option<[PathBuf; 2]>) -> Self {
        let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        Self::with_settings(cc.egui_ctx.clone(), settings.sanitized(), files)
    }

    /// The app with given settings (tests use this to start from a known state).
    pub fn with_settings(ctx: egui::Context, settings: Settings, files: Option<[PathBuf; 2]>) -> Self {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let mut app = TandemApp {
            settings,
            pair: None,
            view: None,
            job: None,
            dialog: None,
            path_entry: None,
            error: None,
            settings_open: false,
            nav: Nav::default(),
            search: SearchState::default(),
            installed_fonts: None,
            fonts_rx: None,
            user_fonts: [None, None],
            fonts_dirty: true,
            ctx,
        };
        app.apply_theme();
        let start = files.or_else(|| app.settings.last_pair.clone().filter(|p| p.iter().all(|f| f.is_file())));
        match start {
            Some([l, r]) => app.open([Source::File(l), Source::File(r)]),
            None => app.set_pair(sample_pair()),
        }
        if app.settings.fonts.iter().any(Option::is_some) {
            app.list_installed_fonts();
        }
        app
    }

    fn wake(&self) -> impl Fn() + Send + 'static {
        let ctx = self.ctx.clone();
        move || ctx.request_repaint()
    }

    /// Starts reading and aligning in the background; what is open stays until it succeeds.
    pub fn open(&mut self, sources: [Source; 2]) {
        self.job = Some(Job::spawn(sources, self.wake()));
    }

    fn set_pair(&mut self, pair: Pair) {
        self.view = Some(ViewCache::new(&pair));
        self.pair = Some(std::sync::Arc::new(pair));
        self.fonts_dirty = true;
        self.nav.current = 0;
        self.search =
            SearchState { open: self.search.open, query: std::mem::take(&mut self.search.query), ..Default::default() };
        if self.search.open {
            self.run_nav(NavCommand::Search);
        }
    }

    /// Blocks until background loading is done (tests and the first frame of a benchmark).
    pub fn finish_loading(&mut self) {
        while self.job.is_some() {
            self.poll_background();
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn poll_background(&mut self) {
        if let Some(result) = self.job.as_ref().and_then(Job::poll) {
            self.job = None;
            match result {
                Ok(pair) => {
                    let paths = [pair.left.path.clone(), pair.right.path.clone()];
                    if paths.iter().all(|p| p.is_file()) {
                        self.settings.remember(paths);
                    }
                    self.error = None;
                    self.set_pair(pair);
                }
                Err(e) => self.error = Some(e),
            }
        }
        if let Some(picked) = self.dialog.as_ref().and_then(Dialog::poll) {
            let target = self.dialog.take().map_or(Target::Pair, |d| d.target);
            match picked {
                Picked::Files(files) => self.run(Command::OpenPaths(files, target)),
                Picked::Cancelled => {}
                Picked::NoDialog => {
                    self.path_entry = Some(PathEntry {
                        target: Some(target),
                        paths: self.current_paths(),
                        reason: "No file dialog could be shown (no desktop portal or zenity?). Type the path instead:"
                            .into(),
                    })
                }
            }
        }
        self.poll_search();
        if let Some(fonts) = self.fonts_rx.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.installed_fonts = Some(fonts);
            self.fonts_rx = None;
            self.fonts_dirty = true;
        }
    }

    fn current_paths(&self) -> [String; 2] {
        self.pair
            .as_ref()
            .map_or_else(Default::default, |p| [p.left.path.display().to_string(), p.right.path.display().to_string()])
    }

    /// Lists the installed font families on a background thread (fontdb reads them in 20–70 ms).
    pub fn list_installed_fonts(&mut self) {
        if self.installed_fonts.is_some() || self.fonts_rx.is_some() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let wake = self.wake();
        std::thread::spawn(move || {
            let _ = tx.send(ui::system_fonts::families());
            wake();
        });
        self.fonts_rx = Some(rx);
    }

    fn apply_theme(&self) {
        let high_contrast = self.nav.presenting && self.settings.high_contrast;
        let dark = self.settings.dark || high_contrast;
        let theme = if dark { egui::Theme::Dark } else { egui::Theme::Light };
        let mut visuals = if dark { egui::Visuals::dark() } else { egui::Visuals::light() };
        if high_contrast {
            ui::theme::high_contrast(&mut visuals);
        }
        self.ctx.set_visuals_of(theme, visuals);
        self.ctx.set_theme(theme);
    }

    fn install_fonts(&mut self) {
        for side in 0..2 {
            let wanted = self.settings.fonts[side].clone();
            if self.user_fonts[side].as_ref().map(|f| &f.name) != wanted.as_ref() {
                self.user_fonts[side] = wanted.and_then(|name| ui::system_fonts::load(&name));
            }
        }
        self.ctx.set_fonts(fonts::definitions([self.user_fonts[0].as_ref(), self.user_fonts[1].as_ref()]));
        self.fonts_dirty = false;
    }

    /// Where dropped files go: two or more make a pair; one replaces the side it is dropped on.
    fn dropped_files(&mut self, ui: &egui::Ui) -> Option<Command> {
        let (files, pos) = ui.input(|i| {
            (i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect::<Vec<_>>(), i.pointer.latest_pos())
        });
        if files.is_empty() {
            return None;
        }
        let target = if files.len() >= 2 {
            Target::Pair
        } else {
            let split_x = ui.max_rect().left() + ui.max_rect().width() * self.settings.split;
            if pos.is_some_and(|p| p.x > split_x) { Target::Right } else { Target::Left }
        };
        Some(Command::OpenPaths(files, target))
    }

    fn shortcuts(&self, ui: &egui::Ui) -> Vec<Command> {
        let mut out = Vec::new();
        ui.input_mut(|i| {
            let ctrl = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
            if i.consume_shortcut(&ctrl(Key::O)) {
                out.push(Command::OpenDialog(Target::Pair));
            }
            if i.consume_shortcut(&ctrl(Key::Plus)) || i.consume_shortcut(&ctrl(Key::Equals)) {
                out.push(Command::TextSize(1));
            }
            if i.consume_shortcut(&ctrl(Key::Minus)) {
                out.push(Command::TextSize(-1));
            }
            if i.consume_shortcut(&ctrl(Key::Num0)) {
                out.push(Command::TextSize(0));
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
                out.push(Command::Swap);
            }
            let zoom = i.zoom_delta();
            if zoom != 1.0 {
                out.push(Command::TextSize(if zoom > 1.0 { 1 } else { -1 }));
            }
        });
        out
    }

    /// Applies one command.
    pub fn run(&mut self, cmd: Command) {
        match cmd {
            Command::OpenDialog(target) => {
                if self.dialog.is_none() {
                    self.dialog = Some(Dialog::spawn(target, self.wake()));
                }
            }
            Command::OpenPaths(mut files, target) => {
                self.path_entry = None;
                let keep = |side: usize, app: &Self| -> Option<Source> {
                    let p = app.pair.as_ref()?;
                    Some(Source::Loaded(Box::new(if side == 0 { p.left.clone() } else { p.right.clone() })))
                };
                let sources = match (target, files.len()) {
                    (Target::Pair, n) if n >= 2 => {
                        let right = files.remove(1);
                        Some([Source::File(files.remove(0)), Source::File(right)])
                    }
                    (Target::Pair, _) => {
                        self.error = Some("Choose two files: a text and its translation.".into());
                        None
                    }
                    (_, 0) => None,
                    (Target::Left, _) => keep(1, self).map(|r| [Source::File(files.remove(0)), r]),
                    (Target::Right, _) => keep(0, self).map(|l| [l, Source::File(files.remove(0))]),
                };
                match sources {
                    Some(sources) => self.open(sources),
                    None if self.error.is_none() => {
                        self.error = Some("Open a pair first: one file alone has nothing to align with.".into());
                    }
                    None => {}
                }
            }
            Command::OpenRecent(k) => {
                if let Some([l, r]) = self.settings.recent.get(k).cloned() {
                    self.open([Source::File(l), Source::File(r)]);
                }
            }
            Command::OpenSample => {
                self.error = None;
                self.set_pair(sample_pair());
            }
            Command::ShowPathEntry(target) => {
                self.path_entry =
                    Some(PathEntry { target: Some(target), paths: self.current_paths(), reason: String::new() });
            }
            Command::Swap => {
                if let Some(pair) = self.pair.take() {
                    self.settings.split = 1.0 - self.settings.split;
                    self.settings.fonts.swap(0, 1);
                    self.user_fonts.swap(0, 1);
                    let first = self.view.as_ref().map_or(0, |v| v.visible.start);
                    self.set_pair(std::sync::Arc::unwrap_or_clone(pair).swapped());
                    if let Some(view) = self.view.as_mut() {
                        view.scroll_to_row(first);
                    }
                }
            }
            Command::TextSize(steps) => self.settings.step_text_size(steps, self.nav.presenting),
            Command::ToggleTheme => {
                self.settings.dark = !self.settings.dark;
                self.apply_theme();
            }
            Command::SetSplit(split) => self.settings.split = split,
            Command::SetFont(side, name) => {
                self.settings.fonts[side] = name;
                self.fonts_dirty = true;
            }
            Command::DismissError => self.error = None,
            Command::Nav(cmd) => self.run_nav(cmd),
            Command::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Parameters of the aligned view this frame.
    pub fn view_params(&self) -> ViewParams {
        ViewParams {
            text_size: if self.nav.presenting { self.settings.present_text_size } else { self.settings.text_size },
            split: self.settings.split,
            user_fonts: [self.user_fonts[0].is_some(), self.user_fonts[1].is_some()],
        }
    }
}

impl eframe::App for TandemApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(started) = STARTED.get()
            && ui.ctx().cumulative_frame_nr() == 0
            && std::env::var_os("TANDEM_TIMINGS").is_some()
        {
            eprintln!("tandem: first frame after {:.0?}", started.elapsed());
        }
        self.poll_background();
        if self.fonts_dirty {
            self.install_fonts();
        }
        let mut commands: Vec<Command> = self.nav_keys(ui).into_iter().map(Command::Nav).collect();
        self.typed_number(ui);
        commands.extend(self.shortcuts(ui));
        commands.extend(self.dropped_files(ui));
        commands.extend(ui::shell_ui(ui, self));
        for cmd in commands {
            self.run(cmd);
        }
        if self.job.is_some() || self.dialog.is_some() || self.search.busy() {
            ui.ctx().request_repaint_after(Duration::from_millis(100));
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
