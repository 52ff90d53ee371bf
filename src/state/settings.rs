//! What Tandem remembers between runs (eframe persistence, serde with defaults for new fields).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::core::side::Sides;

/// Text sizes the user can pick, in points.
pub const TEXT_SIZES: std::ops::RangeInclusive<f32> = 9.0..=48.0;
pub const DEFAULT_TEXT_SIZE: f32 = 16.0;
pub const DEFAULT_PRESENT_TEXT_SIZE: f32 = 28.0;
const RECENT: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The pair open when Tandem last closed.
    pub last_pair: Option<[PathBuf; 2]>,
    /// Recently opened pairs, newest first.
    pub recent: Vec<[PathBuf; 2]>,
    /// Share of the width given to the left column.
    pub split: f32,
    /// Text size of the columns, in points.
    pub text_size: f32,
    pub dark: bool,
    /// Installed font family chosen for each column, ahead of the bundled ones.
    pub fonts: Sides<Option<String>>,
    /// Text size in presentation mode.
    pub present_text_size: f32,
    /// White on black with strong highlights in presentation mode, for a poor projector.
    pub high_contrast: bool,
    /// Recently opened or saved projects, newest first.
    pub recent_projects: Vec<PathBuf>,
    /// One pair per screen (F6): each pair at the largest text size at which it fits the
    /// screen; off, every pair at the presentation text size.
    pub fit_each_pair: bool,
    /// No scrolling animation: `None` decides by the renderer (on when it is a software one,
    /// where every animated frame costs real CPU), `Some` is the user's choice.
    pub reduce_motion: Option<bool>,
    /// Kinds of review flags switched off (in Settings or the Flags panel).
    pub hidden_flag_kinds: std::collections::BTreeSet<crate::core::review::FlagKind>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            last_pair: None,
            recent: Vec::new(),
            split: 0.5,
            text_size: DEFAULT_TEXT_SIZE,
            dark: false,
            fonts: Sides::default(),
            present_text_size: DEFAULT_PRESENT_TEXT_SIZE,
            high_contrast: false,
            recent_projects: Vec::new(),
            fit_each_pair: true,
            reduce_motion: None,
            hidden_flag_kinds: Default::default(),
        }
    }
}

impl Settings {
    /// Remembers a pair as the last one and at the head of the recent list.
    pub fn remember(&mut self, pair: [PathBuf; 2]) {
        self.recent.retain(|p| p != &pair);
        self.recent.insert(0, pair.clone());
        self.recent.truncate(RECENT);
        self.last_pair = Some(pair);
    }

    /// Remembers a project at the head of the recent ones.
    pub fn remember_project(&mut self, path: PathBuf) {
        self.recent_projects.retain(|p| p != &path);
        self.recent_projects.insert(0, path);
        self.recent_projects.truncate(RECENT);
    }

    /// Changes the text size by `steps` (0 resets it), of presentation mode or of the normal view.
    pub fn step_text_size(&mut self, steps: i32, presenting: bool) {
        let (size, default) = if presenting {
            (&mut self.present_text_size, DEFAULT_PRESENT_TEXT_SIZE)
        } else {
            (&mut self.text_size, DEFAULT_TEXT_SIZE)
        };
        *size = if steps == 0 { default } else { (*size + steps as f32).clamp(*TEXT_SIZES.start(), *TEXT_SIZES.end()) };
    }

    /// Values read from an older or damaged store, brought back into range.
    pub fn sanitized(mut self) -> Self {
        if !(0.15..=0.85).contains(&self.split) {
            self.split = 0.5;
        }
        if !TEXT_SIZES.contains(&self.text_size) {
            self.text_size = DEFAULT_TEXT_SIZE;
        }
        if !TEXT_SIZES.contains(&self.present_text_size) {
            self.present_text_size = DEFAULT_PRESENT_TEXT_SIZE;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_pairs_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember([format!("l{i}").into(), "r".into()]);
        }
        s.remember(["l5".into(), "r".into()]);
        assert_eq!(s.recent.len(), RECENT);
        assert_eq!(s.recent[0], [PathBuf::from("l5"), PathBuf::from("r")]);
        assert_eq!(s.recent.iter().filter(|p| p[0] == std::path::Path::new("l5")).count(), 1);
        assert_eq!(s.last_pair, Some(["l5".into(), "r".into()]));
    }

    #[test]
    fn old_settings_read_with_defaults_and_sane_values() {
        let s: Settings = serde_json::from_str(r#"{"split": 3.0, "dark": true}"#).unwrap();
        let s = s.sanitized();
        assert_eq!((s.split, s.dark, s.text_size), (0.5, true, DEFAULT_TEXT_SIZE));
    }

    #[test]
    fn text_size_steps_are_clamped() {
        let mut s = Settings::default();
        for _ in 0..100 {
            s.step_text_size(1, false);
        }
        assert_eq!(s.text_size, 48.0);
        s.step_text_size(0, false);
        assert_eq!(s.text_size, DEFAULT_TEXT_SIZE);
        s.step_text_size(2, true);
        assert_eq!((s.text_size, s.present_text_size), (DEFAULT_TEXT_SIZE, DEFAULT_PRESENT_TEXT_SIZE + 2.0));
    }
}
