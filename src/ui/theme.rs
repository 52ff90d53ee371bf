//! Colours: one per speaker (shared with its counterpart on the other side), light and dark.

use egui::Color32;

use crate::core::document::Pair;
use crate::core::side::Sides;

/// Speaker colours that stay apart from each other and readable on light and dark backgrounds.
const LIGHT: [Color32; 8] = [
    Color32::from_rgb(0x1f, 0x5f, 0xbf),
    Color32::from_rgb(0xb3, 0x3c, 0x1a),
    Color32::from_rgb(0x2e, 0x7d, 0x32),
    Color32::from_rgb(0x7b, 0x3f, 0xa8),
    Color32::from_rgb(0x00, 0x79, 0x7a),
    Color32::from_rgb(0x9c, 0x6b, 0x00),
    Color32::from_rgb(0xad, 0x1f, 0x6b),
    Color32::from_rgb(0x4e, 0x5d, 0x6c),
];
const DARK: [Color32; 8] = [
    Color32::from_rgb(0x7f, 0xb2, 0xff),
    Color32::from_rgb(0xff, 0x9e, 0x7a),
    Color32::from_rgb(0x8b, 0xd9, 0x8e),
    Color32::from_rgb(0xd1, 0xa3, 0xff),
    Color32::from_rgb(0x6f, 0xd8, 0xd6),
    Color32::from_rgb(0xf0, 0xc6, 0x5a),
    Color32::from_rgb(0xff, 0x8a, 0xc4),
    Color32::from_rgb(0xb7, 0xc4, 0xd1),
];

/// The palette slot of every speaker of both sides: a right speaker that plays a left speaker's
/// role takes that speaker's colour, two left speakers who play one right speaker's role are one
/// person written two ways (`White Horse Business Review`, `Baima Business Review`) and share a
/// colour; the others take the next free ones.
pub fn speaker_slots(pair: &Pair) -> Sides<Vec<usize>> {
    let map = &pair.alignment.speaker_map;
    let mut next = 0;
    let mut left: Vec<usize> = Vec::with_capacity(pair.docs.left.turns.speakers.len());
    for l in 0..pair.docs.left.turns.speakers.len() {
        let mapped = map.get(l).copied().flatten();
        let alias = mapped.and_then(|r| (0..l).find(|&k| map.get(k).copied().flatten() == Some(r)));
        left.push(alias.map_or_else(
            || {
                next += 1;
                next - 1
            },
            |k| left[k],
        ));
    }
    let right = (0..pair.docs.right.turns.speakers.len())
        .map(|r| {
            map.iter().position(|m| *m == Some(r)).and_then(|l| left.get(l).copied()).unwrap_or_else(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    Sides::new(left, right)
}

/// The colour of a palette slot.
pub fn speaker_colour(slot: usize, dark: bool) -> Color32 {
    let palette = if dark { &DARK } else { &LIGHT };
    palette[slot % palette.len()]
}

/// Body text at WCAG AAA contrast (at least 7:1) and weak text at AA (4.5:1) on the panels, in
/// both themes (egui's own dark theme has body text at about 5:1 and weak text below 3:1).
pub fn readable(visuals: &mut egui::Visuals) {
    let (text, weak) = if visuals.dark_mode {
        (Color32::from_gray(228), Color32::from_gray(165))
    } else {
        (Color32::from_gray(20), Color32::from_gray(90))
    };
    visuals.widgets.noninteractive.fg_stroke.color = text;
    visuals.weak_text_color = Some(weak);
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let luminance = |c: Color32| {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.040_45 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// White on black, with a bright selection: legible on a washed-out projector.
pub fn high_contrast(visuals: &mut egui::Visuals) {
    visuals.override_text_color = Some(Color32::WHITE);
    visuals.panel_fill = Color32::BLACK;
    visuals.window_fill = Color32::BLACK;
    visuals.extreme_bg_color = Color32::BLACK;
    visuals.faint_bg_color = Color32::from_gray(18);
    visuals.selection.bg_fill = Color32::from_rgb(0x00, 0x4a, 0x9f);
    visuals.selection.stroke.color = Color32::from_rgb(0xff, 0xd8, 0x00);
}

/// Background and text colour of a highlighted stretch: search hits in yellow (the current one
/// in orange), flagged words in a pale red.
pub(super) fn highlight(kind: super::view::marks::Highlight, dark: bool, text: Color32) -> (Color32, Color32) {
    use super::view::marks::Highlight;
    match (kind, dark) {
        (Highlight::CurrentHit, _) => (Color32::from_rgb(0xff, 0x9f, 0x1a), Color32::BLACK),
        (Highlight::Hit, true) => (Color32::from_rgb(0x6b, 0x55, 0x00), text),
        (Highlight::Hit, false) => (Color32::from_rgb(0xff, 0xe5, 0x6b), Color32::BLACK),
        (Highlight::Flag, true) => (Color32::from_rgb(0x5c, 0x1f, 0x1f), text),
        (Highlight::Flag, false) => (Color32::from_rgb(0xff, 0xd6, 0xd0), Color32::BLACK),
        (Highlight::Phrase, true) => (Color32::from_rgb(0x1f, 0x5c, 0x2e), Color32::WHITE),
        (Highlight::Phrase, false) => (Color32::from_rgb(0xa8, 0xf0, 0xb4), Color32::BLACK),
        (Highlight::Counterpart, true) => (Color32::from_rgb(0x1d, 0x4e, 0x89), Color32::WHITE),
        (Highlight::Counterpart, false) => (Color32::from_rgb(0xb9, 0xd7, 0xff), Color32::BLACK),
        // Soft, and the text keeps its colour: a sentence is read through it.
        // Lavender: apart from the current row's blue, the search's yellow, the flags' red.
        (Highlight::Sentence, true) => (Color32::from_rgb(0x3b, 0x30, 0x5a), text),
        (Highlight::Sentence, false) => (Color32::from_rgb(0xdc, 0xce, 0xf8), text),
    }
}

/// The colour of review flags: gutter marks, underlines, the overview strip.
pub fn flag_colour(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xff, 0x7a, 0x6b) } else { Color32::from_rgb(0xc6, 0x28, 0x28) }
}

/// Links made by hand and bookmarks.
pub fn user_link_colour(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x7f, 0xb2, 0xff) } else { Color32::from_rgb(0x1f, 0x5f, 0xbf) }
}

/// The note badge in the gutter.
pub fn note_colour() -> Color32 {
    Color32::from_rgb(0xf5, 0xc5, 0x18)
}

/// The colour of a link's confidence, from red (doubtful) to green (sure).
pub fn score_colour(score: f32, dark: bool) -> Color32 {
    let (bad, mid, good) = if dark {
        (Color32::from_rgb(0xff, 0x6b, 0x6b), Color32::from_rgb(0xf0, 0xc6, 0x5a), Color32::from_rgb(0x6b, 0xd3, 0x7a))
    } else {
        (Color32::from_rgb(0xc6, 0x28, 0x28), Color32::from_rgb(0xc7, 0x8a, 0x00), Color32::from_rgb(0x2e, 0x7d, 0x32))
    };
    if score < 0.4 {
        bad
    } else if score < 0.75 {
        mid
    } else {
        good
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::{Document, Pair};

    #[test]
    fn body_text_reaches_seven_to_one_and_weak_text_four_and_a_half_in_both_themes() {
        for dark in [false, true] {
            let mut v = if dark { egui::Visuals::dark() } else { egui::Visuals::light() };
            readable(&mut v);
            for background in [v.panel_fill, v.window_fill] {
                let body = contrast(v.text_color(), background);
                let weak = contrast(v.weak_text_color(), background);
                assert!(body >= 7.0, "dark {dark}: body text {body:.1}:1 on {background:?}");
                assert!(weak >= 4.5, "dark {dark}: weak text {weak:.1}:1 on {background:?}");
            }
        }
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        // egui's own dark theme, for the record: below AAA.
        let plain = egui::Visuals::dark();
        assert!(contrast(plain.text_color(), plain.panel_fill) < 7.0);
    }

    #[test]
    fn counterparts_share_a_colour() {
        let zh = Document::from_text("zh", "主持人：你好。\n林晓：你好。\n主持人：再见。\n林晓：再见。", "UTF-8", 0);
        let fr = Document::from_text("fr", "Lin Xiao : Bonjour.\nAnimateur : Salut.\nLin Xiao : Ciao.", "UTF-8", 0);
        let pair = Pair::new(zh, fr);
        let Sides { left: l, right: r } = speaker_slots(&pair);
        assert_eq!(l, [0, 1]);
        for (ls, mapped) in pair.alignment.speaker_map.iter().enumerate() {
            if let Some(rs) = mapped {
                assert_eq!(r[*rs], l[ls]);
            }
        }
        assert_ne!(speaker_colour(0, false), speaker_colour(1, false));
    }

    #[test]
    fn one_interviewer_written_two_ways_has_one_colour() {
        let fr = Document::from_text(
            "fr",
            "White Horse : Bonjour.\nShen Wei : Bonjour.\nWhite Horse : Pourquoi ?\nShen Wei : Parce que.\n\
             Baima : Et ensuite ?\nShen Wei : Ensuite rien.\nBaima : Merci.\nShen Wei : Merci à vous.",
            "UTF-8",
            0,
        );
        let en = Document::from_text(
            "en",
            "White Horse: Hello.\nShen Wei: Hello.\nWhite Horse: Why?\nShen Wei: Because.\n\
             White Horse: And then?\nShen Wei: Then nothing.\nWhite Horse: Thanks.\nShen Wei: Thank you.",
            "UTF-8",
            0,
        );
        let mut pair = Pair::new(fr, en);
        // However the pair learned them, say Baima plays White Horse's role.
        let mut alignment = (*pair.alignment).clone();
        alignment.speaker_map = vec![Some(0), Some(1), Some(0)];
        pair.alignment = std::sync::Arc::new(alignment);
        let Sides { left, right } = speaker_slots(&pair);
        assert_eq!(left, [0, 1, 0], "Baima is White Horse");
        assert_eq!(right, [0, 1]);
    }
}
