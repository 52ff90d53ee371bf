//! The current pair, presentation mode, "go to", speaker jumps and search: state and commands.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};

use egui::{Key, Modifiers};

use super::TandemApp;
use crate::core::navigate::{self, Goto};
use crate::core::search::{self, Hit, Query, Scope};

/// Where the reader is and how the pair is presented.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Nav {
    /// The current row (alignment link).
    pub current: usize,
    pub presenting: bool,
    /// Presentation shows the current pair alone, as large as it fits.
    pub one_per_screen: bool,
    /// Digits typed to jump to a turn number (Enter jumps, Esc forgets).
    pub typed: String,
    /// The "go to" field, when open.
    pub goto: Option<String>,
    pub goto_error: Option<String>,
    /// The speaker that Alt+↓/↑ follows (side, speaker); `None`: the current pair's speaker.
    pub speaker: Option<(usize, usize)>,
}

/// A search running on a background thread; dropping it (a newer query) stops it.
#[derive(Debug)]
pub struct SearchJob {
    key: (String, Scope),
    rx: Receiver<Vec<Hit>>,
    cancel: Arc<AtomicBool>,
}

impl Drop for SearchJob {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The search bar's state and its results.
#[derive(Debug, Default)]
pub struct SearchState {
    pub open: bool,
    pub query: String,
    pub scope: Scope,
    pub hits: Vec<Hit>,
    /// The hit last brought into view.
    pub current: Option<usize>,
    /// The query and scope the hits were computed for.
    pub(super) searched: Option<(String, Scope)>,
    pub focus: bool,
    /// The field had the keyboard at the end of the last frame.
    pub field_focused: bool,
    pub(super) job: Option<SearchJob>,
}

impl SearchState {
    /// A search is still running.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }
}

/// A move through the pair, or a change of how it is presented.
#[derive(Debug, Clone, PartialEq)]
pub enum NavCommand {
    Step(i64),
    First,
    Last,
    To(usize),
    TogglePresent,
    LeavePresent,
    ToggleOnePerScreen,
    ToggleHighContrast,
    SpeakerStep(bool),
    ClearTyped,
    FollowSpeaker(Option<(usize, usize)>),
    OpenGoto,
    Goto(String),
    CloseGoto,
    OpenSearch,
    CloseSearch,
    /// The query or scope changed: search again and show the first hit from the current pair on.
    Search,
    NextHit(bool),
}

impl TandemApp {
    fn rows(&self) -> usize {
        self.pair.as_ref().map_or(0, |p| p.alignment.links.len())
    }

    /// Makes a row current and brings it into view.
    fn go(&mut self, row: usize) {
        let rows = self.rows();
        if rows == 0 {
            return;
        }
        self.nav.current = row.min(rows - 1);
        if let Some(view) = self.view.as_mut() {
            view.reveal(self.nav.current);
        }
    }

    pub fn run_nav(&mut self, cmd: NavCommand) {
        let rows = self.rows();
        match cmd {
            NavCommand::Step(d) => {
                let target = (self.nav.current as i64 + d).clamp(0, rows.saturating_sub(1) as i64);
                self.go(target as usize);
            }
            NavCommand::First => self.go(0),
            NavCommand::Last => self.go(rows.saturating_sub(1)),
            NavCommand::To(row) => self.go(row),
            NavCommand::TogglePresent => {
                let on = !self.nav.presenting;
                self.nav.presenting = on;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
                self.apply_theme();
                let current = self.nav.current;
                self.go(current);
            }
            NavCommand::LeavePresent => {
                if self.nav.presenting {
                    self.run_nav(NavCommand::TogglePresent);
                }
            }
            NavCommand::ToggleOnePerScreen => self.nav.one_per_screen = !self.nav.one_per_screen,
            NavCommand::ToggleHighContrast => {
                self.settings.high_contrast = !self.settings.high_contrast;
                self.apply_theme();
            }
            NavCommand::SpeakerStep(forward) => {
                let Some(pair) = self.pair.as_ref() else { return };
                let who = self.nav.speaker.or_else(|| navigate::row_speaker(pair, self.nav.current));
                if let Some((side, speaker)) = who
                    && let Some(row) = navigate::speaker_row(pair, self.nav.current, side, speaker, forward)
                {
                    self.go(row);
                }
            }
            NavCommand::FollowSpeaker(who) => self.nav.speaker = who,
            NavCommand::ClearTyped => self.nav.typed.clear(),
            NavCommand::OpenGoto => {
                self.nav.goto = Some(String::new());
                self.nav.goto_error = None;
            }
            NavCommand::Goto(text) => {
                let row = self.pair.as_ref().and_then(|p| Goto::parse(&text).and_then(|g| g.row(p)));
                match row {
                    Some(row) => {
                        self.nav.goto = None;
                        self.nav.goto_error = None;
                        self.go(row);
                    }
                    None => self.nav.goto_error = Some(format!("No turn or line “{}” here", text.trim())),
                }
            }
            NavCommand::CloseGoto => self.nav.goto = None,
            NavCommand::OpenSearch => {
                self.search.open = true;
                self.search.focus = true;
            }
            NavCommand::CloseSearch => {
                self.search.open = false;
                self.search.job = None;
                self.search.hits.clear();
                self.search.current = None;
                self.search.searched = None;
            }
            NavCommand::Search => {
                let key = (self.search.query.clone(), self.search.scope);
                if self.search.searched.as_ref() == Some(&key) || self.search.job.as_ref().is_some_and(|j| j.key == key)
                {
                    return;
                }
                self.search.job = None;
                let (Some(pair), Some(query)) = (self.pair.clone(), Query::new(&key.0)) else {
                    self.search.hits.clear();
                    self.search.current = None;
                    self.search.searched = Some(key);
                    return;
                };
                let (tx, rx) = channel();
                let cancel = Arc::new(AtomicBool::new(false));
                let (stop, ctx, scope) = (cancel.clone(), self.ctx.clone(), key.1);
                std::thread::spawn(move || {
                    if let Some(hits) = search::search_until(&pair, &query, scope, || stop.load(Ordering::Relaxed)) {
                        let _ = tx.send(hits);
                        ctx.request_repaint();
                    }
                });
                self.search.job = Some(SearchJob { key, rx, cancel });
            }
            NavCommand::NextHit(forward) => {
                let n = self.search.hits.len();
                if n == 0 {
                    return;
                }
                let k = match self.search.current {
                    None => 0,
                    Some(k) if forward => (k + 1) % n,
                    Some(k) => (k + n - 1) % n,
                };
                self.show_hit(k);
            }
        }
    }

    /// Takes the results of a finished background search and shows the first hit from the
    /// current pair on.
    pub(super) fn poll_search(&mut self) {
        let Some(hits) = self.search.job.as_ref().and_then(|j| j.rx.try_recv().ok()) else { return };
        let job = self.search.job.take().expect("a job sent these hits");
        self.search.hits = hits;
        self.search.searched = Some(job.key.clone());
        self.search.current = None;
        let from = self.nav.current;
        let hits = &self.search.hits;
        if let Some(k) = hits.iter().position(|h| h.row >= from).or((!hits.is_empty()).then_some(0)) {
            self.show_hit(k);
        }
    }

    /// Waits for a running search (tests).
    pub fn finish_search(&mut self) {
        while self.search.busy() {
            self.poll_search();
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    /// Brings a hit's row into view; in presentation it also becomes the current pair.
    fn show_hit(&mut self, k: usize) {
        self.search.current = Some(k);
        let row = self.search.hits[k].row;
        if self.nav.presenting {
            self.go(row);
        } else if let Some(view) = self.view.as_mut() {
            view.reveal(row);
        }
    }

    /// Navigation keys: they move the current pair only when no text field has the keyboard.
    pub(super) fn nav_keys(&self, ui: &egui::Ui) -> Vec<NavCommand> {
        let mut out = Vec::new();
        let typing = ui.ctx().egui_wants_keyboard_input();
        ui.input_mut(|i| {
            let mut key = |k| i.consume_key(Modifiers::NONE, k);
            if key(Key::F5) {
                out.push(NavCommand::TogglePresent);
            }
            if self.nav.presenting && key(Key::F6) {
                out.push(NavCommand::ToggleOnePerScreen);
            }
            if self.nav.presenting && key(Key::F7) {
                out.push(NavCommand::ToggleHighContrast);
            }
            if i.consume_key(Modifiers::COMMAND, Key::F) {
                out.push(NavCommand::OpenSearch);
            }
            if i.consume_key(Modifiers::COMMAND, Key::G) {
                out.push(NavCommand::OpenGoto);
            }
            if typing {
                return;
            }
            let mut key = |k| i.consume_key(Modifiers::NONE, k);
            if key(Key::ArrowRight) || key(Key::Space) || key(Key::PageDown) {
                out.push(NavCommand::Step(1));
            }
            if key(Key::ArrowLeft) || key(Key::PageUp) {
                out.push(NavCommand::Step(-1));
            }
            if key(Key::Home) {
                out.push(NavCommand::First);
            }
            if key(Key::End) {
                out.push(NavCommand::Last);
            }
            if i.consume_key(Modifiers::ALT, Key::ArrowDown) {
                out.push(NavCommand::SpeakerStep(true));
            }
            if i.consume_key(Modifiers::ALT, Key::ArrowUp) {
                out.push(NavCommand::SpeakerStep(false));
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                out.push(if !self.nav.typed.is_empty() { NavCommand::ClearTyped } else { NavCommand::LeavePresent });
            }
        });
        out
    }

    /// Digits typed outside any text field, then Enter: jump to that turn (left numbering).
    pub(super) fn typed_number(&mut self, ui: &egui::Ui) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let (digits, enter, back) = ui.input_mut(|i| {
            let digits: String = i
                .events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Text(t) => Some(t.chars().filter(char::is_ascii_digit).collect::<String>()),
                    _ => None,
                })
                .collect();
            (digits, i.consume_key(Modifiers::NONE, Key::Enter), i.consume_key(Modifiers::NONE, Key::Backspace))
        });
        self.nav.typed.push_str(&digits);
        if back {
            self.nav.typed.pop();
        }
        if enter && !self.nav.typed.is_empty() {
            let typed = std::mem::take(&mut self.nav.typed);
            self.run_nav(NavCommand::Goto(typed));
            self.nav.goto = None;
        }
    }
}
