//! Applying navigation actions: the current pair, presentation, "go to", speaker jumps, and
//! search on a background thread.

use super::TandemApp;
use super::tasks::Task;
use crate::core::navigate::{self, Goto};
use crate::core::search::{self, Hit, Query, Scope};
use crate::state::NavAction;

/// A search running on a background thread, for its query; dropping it (a newer query) stops it.
pub struct SearchJob {
    key: (String, Scope),
    task: Task<Vec<Hit>>,
}

impl TandemApp {
    /// Presenting, a new window size (full screen arriving after F5, a projector plugged in)
    /// brings the current pair back to the middle of the screen.
    pub(super) fn recentre_on_resize(&mut self, size: egui::Vec2) {
        let changed = (size - self.window.screen).length() > 1.0;
        self.window.screen = size;
        if changed
            && self.state.nav.presenting
            && let Some(view) = self.view.as_mut()
        {
            view.centre(self.state.nav.current);
        }
    }

    /// Makes a row current and brings it into view.
    pub(super) fn go(&mut self, row: usize) {
        let rows = self.state.rows();
        if rows == 0 {
            return;
        }
        self.state.nav.current = row.min(rows - 1);
        let instant = self.reduce_motion();
        if let Some(view) = self.view.as_mut() {
            if instant {
                view.jump_to(self.state.nav.current);
            } else {
                view.reveal(self.state.nav.current);
            }
        }
    }

    pub(super) fn handle_nav(&mut self, action: NavAction) {
        let rows = self.state.rows();
        let nav = &mut self.state.nav;
        match action {
            NavAction::Step(d) => {
                let target = (nav.current as i64 + d).clamp(0, rows.saturating_sub(1) as i64);
                self.go(target as usize);
            }
            NavAction::First => self.go(0),
            NavAction::Last => self.go(rows.saturating_sub(1)),
            NavAction::To(row) => self.go(row),
            NavAction::TogglePresent => {
                nav.presenting = !nav.presenting;
                nav.blank = None;
                nav.presenting_since = nav.presenting.then(std::time::Instant::now);
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(nav.presenting));
                self.apply_theme();
                self.go(self.state.nav.current);
            }
            NavAction::BookmarkStep(forward) => {
                let Some(session) = self.state.session.as_ref() else { return };
                let rows = session.annotations().bookmarked_rows(&session.pair().alignment);
                let from = self.state.nav.current;
                let next = if forward {
                    rows.iter().find(|&&r| r > from).or(rows.first())
                } else {
                    rows.iter().rev().find(|&&r| r < from).or(rows.last())
                };
                match next.copied() {
                    Some(row) => self.go(row),
                    None => self.state.project.last = Some("No bookmarks yet: Ctrl+B bookmarks a row".into()),
                }
            }
            NavAction::ToggleFullScreen => {
                if nav.presenting {
                    self.handle_nav(NavAction::TogglePresent);
                } else {
                    let full = self.ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                    self.ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
                }
            }
            NavAction::LeavePresent => {
                if nav.presenting {
                    self.handle_nav(NavAction::TogglePresent);
                }
            }
            NavAction::ToggleOnePerScreen => nav.one_per_screen = !nav.one_per_screen,
            NavAction::Highlight => match nav.selection.take() {
                Some((row, text)) => {
                    let short: String = text.chars().take(40).collect();
                    self.state.project.last =
                        Some(format!("“{short}” highlighted in row {} (Shift+H clears)", row + 1));
                    // The words' counterparts in the other column too, where they are known.
                    let counterparts = self.counterparts_of(row, &text);
                    let nav = &mut self.state.nav;
                    for phrase in std::iter::once(text).chain(counterparts) {
                        if !nav.phrases.contains(&(row, phrase.clone())) {
                            nav.phrases.push((row, phrase));
                        }
                    }
                    // The selection's own colour would hide the highlight.
                    if let Some(selection) = self.ctx.plugin_opt::<egui::text_selection::LabelSelectionState>() {
                        selection.lock().clear_selection();
                    }
                }
                None => self.state.project.last = Some("Select words in a row first, then press H".into()),
            },
            NavAction::TogglePresenterView => nav.presenter_view = !nav.presenter_view,
            NavAction::SentenceStep(forward) => self.sentence_step(forward),
            NavAction::ClearHighlights => {
                nav.phrases.clear();
                self.state.project.last = Some("Highlights cleared".into());
            }
            NavAction::ShowOnly(only) => {
                nav.only = only;
                // Rows are as tall as their visible side: the current pair stays in view.
                if let Some(view) = self.view.as_mut() {
                    view.reveal(nav.current);
                }
            }
            NavAction::Blank(black) => nav.blank = if nav.blank == Some(black) { None } else { Some(black) },
            NavAction::ToggleFitEachPair => self.state.settings.fit_each_pair = !self.state.settings.fit_each_pair,
            NavAction::ToggleHighContrast => {
                self.state.settings.high_contrast = !self.state.settings.high_contrast;
                self.apply_theme();
            }
            NavAction::SpeakerStep(forward) => {
                let Some(pair) = self.state.session.as_ref().map(|s| s.pair()) else { return };
                let who = nav.speaker.or_else(|| navigate::row_speaker(pair, nav.current));
                if let Some((side, speaker)) = who
                    && let Some(row) = navigate::speaker_row(pair, nav.current, side, speaker, forward)
                {
                    self.go(row);
                }
            }
            NavAction::FollowSpeaker(who) => nav.speaker = who,
            NavAction::Type(digits) => nav.typed.push_str(&digits),
            NavAction::Untype => drop(nav.typed.pop()),
            NavAction::ClearTyped => nav.typed.clear(),
            NavAction::OpenGoto => {
                nav.goto_open = true;
                nav.goto_error = None;
                self.drafts.goto.clear();
            }
            NavAction::Goto(text) => {
                let row = self.state.session.as_ref().and_then(|s| Goto::parse(&text).and_then(|g| g.row(s.pair())));
                match row {
                    Some(row) => {
                        nav.goto_open = false;
                        nav.goto_error = None;
                        self.go(row);
                    }
                    None => nav.goto_error = Some(format!("No turn or line “{}” here", text.trim())),
                }
            }
            NavAction::CloseGoto => nav.goto_open = false,
            NavAction::OpenSearch => {
                self.state.search.open = true;
                self.drafts.search_focus = true;
                // The field keeps its query when the bar closes: opened again, it finds it again
                // (never "no match" beside a query that matches).
                let query = self.drafts.query.clone();
                if !query.trim().is_empty() {
                    self.start_search(query, self.state.search.scope);
                }
            }
            NavAction::CloseSearch => {
                let scope = self.state.search.scope;
                self.state.search = crate::state::SearchState { scope, ..Default::default() };
                self.tasks.search = None;
            }
            NavAction::Search(query, scope) => self.start_search(query, scope),
            NavAction::NextHit(forward) => {
                let n = self.state.search.hits.len();
                if n == 0 {
                    return;
                }
                let k = match self.state.search.current {
                    None => 0,
                    Some(k) if forward => (k + 1) % n,
                    Some(k) => (k + n - 1) % n,
                };
                // Going to a hit makes its pair the current one.
                self.show_hit(k, true);
            }
            NavAction::Select(row) => {
                let rows = self.state.rows();
                if rows > 0 {
                    self.state.nav.current = row.min(rows - 1);
                }
            }
        }
    }

    fn start_search(&mut self, query: String, scope: Scope) {
        let search = &mut self.state.search;
        search.scope = scope;
        let key = (query, scope);
        if search.searched.as_ref() == Some(&key) || search.running.as_ref() == Some(&key) {
            return;
        }
        self.tasks.search = None;
        search.running = None;
        let (Some(pair), Some(q)) = (self.state.session.as_ref().map(|s| s.pair().clone()), Query::new(&key.0)) else {
            search.hits.clear();
            search.current = None;
            search.searched = Some(key);
            return;
        };
        let task = Task::spawn(self.wake(), move |cancel| search::search_until(&pair, &q, scope, || cancel.is_set()));
        self.state.search.running = Some(key.clone());
        self.tasks.search = Some(SearchJob { key, task });
    }

    /// Takes the results of a finished background search and shows the first hit from the
    /// current pair on.
    pub(super) fn poll_search(&mut self) {
        let Some(result) = self.tasks.search.as_ref().and_then(|j| j.task.poll()) else { return };
        let job = self.tasks.search.take().expect("a job gave this result");
        let search = &mut self.state.search;
        let Ok(hits) = result else {
            search.running = None;
            return;
        };
        search.hits = hits;
        search.running = None;
        search.searched = Some(job.key.clone());
        search.current = None;
        let from = self.state.nav.current;
        let hits = &search.hits;
        if let Some(k) = hits.iter().position(|h| h.row >= from).or((!hits.is_empty()).then_some(0)) {
            // While the query is being typed the hit is shown, and the current pair stays.
            self.show_hit(k, false);
        }
    }

    /// Waits for a running search (tests).
    pub fn finish_search(&mut self) {
        if let Some(job) = self.tasks.search.as_ref() {
            job.task.wait();
        }
        self.poll_search();
    }

    /// Brings a hit's row into view; gone to (Enter, ▲ ▼) or in presentation, its pair becomes
    /// the current one.
    fn show_hit(&mut self, k: usize, make_current: bool) {
        self.state.search.current = Some(k);
        let row = self.state.search.hits[k].row;
        if make_current || self.state.nav.presenting {
            self.go(row);
        } else if let Some(view) = self.view.as_mut() {
            view.reveal(row);
        }
    }
}
