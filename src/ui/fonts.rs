//! The bundled font stack: Latin first for Latin-script text, CJK first for Chinese, bold faces.
//!
//! Noto Sans SC draws `’` `“` `«` full width, so a French column puts Noto Sans (Latin) ahead of
//! it; a Chinese column puts Noto Sans SC first so its punctuation stays full width. Characters no
//! bundled font has fall back to installed system fonts (eframe's system font provider).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontId};

use crate::core::document::Script;
use crate::core::side::{Side, Sides};

static NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
static NOTO_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
static NOTO_SANS_SC: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular.ttf");
static NOTO_SANS_SC_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Bold.ttf");
static NOTO_SANS_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");
/// Monochrome emoji (egui draws no colour fonts); the last resort of every stack.
static NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf");

/// A font family of the aligned view: script order, weight, and the user's own font if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Face {
    pub cjk_first: bool,
    pub bold: bool,
    /// The column whose user-chosen font leads the stack.
    pub user: Option<Side>,
}

impl Face {
    pub fn for_script(script: Script, bold: bool, user: Option<Side>) -> Self {
        Face { cjk_first: script.is_cjk(), bold, user }
    }

    pub fn family(self) -> FontFamily {
        let script = if self.cjk_first { "cjk" } else { "latin" };
        let weight = if self.bold { "-bold" } else { "" };
        match self.user {
            Some(side) => FontFamily::Name(format!("user-{}-{script}{weight}", side.name()).into()),
            None => FontFamily::Name(format!("{script}{weight}").into()),
        }
    }

    pub fn id(self, size: f32) -> FontId {
        FontId::new(size, self.family())
    }
}

/// A font the user picked among the installed ones, for one column.
#[derive(Clone)]
pub struct UserFont {
    pub name: String,
    pub data: Arc<Vec<u8>>,
    pub index: u32,
    /// The family's bold face, when it has one (else bold text in that column is set in the
    /// bundled bold: a heading or a speaker's name stays bold).
    pub bold: Option<(Arc<Vec<u8>>, u32)>,
}

/// The bundled stack, with the user's fonts (per column) ahead of it where chosen.
pub fn definitions(user: Sides<Option<&UserFont>>) -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    let mut add = |name: &str, bytes: &'static [u8]| {
        defs.font_data.insert(name.into(), Arc::new(FontData::from_static(bytes)));
    };
    add("noto-sans", NOTO_SANS);
    add("noto-sans-bold", NOTO_SANS_BOLD);
    add("noto-sans-sc", NOTO_SANS_SC);
    add("noto-sans-sc-bold", NOTO_SANS_SC_BOLD);
    add("noto-sans-arabic", NOTO_SANS_ARABIC);
    add("noto-emoji", NOTO_EMOJI);
    let stack = |cjk_first: bool, bold: bool| -> Vec<String> {
        let (latin, cjk) = if bold { ("noto-sans-bold", "noto-sans-sc-bold") } else { ("noto-sans", "noto-sans-sc") };
        let first = if cjk_first { [cjk, latin] } else { [latin, cjk] };
        first.iter().chain(&["noto-sans-arabic", "noto-emoji"]).map(|s| s.to_string()).collect()
    };
    // Each user font's faces are added once; the families below name them.
    let mut faces: Sides<[Option<String>; 2]> = Sides::default();
    for (side, font) in user.iter() {
        let Some(font) = font else { continue };
        let key = format!("user-{}", side.name());
        defs.font_data
            .insert(key.clone(), Arc::new(FontData { index: font.index, ..FontData::from_owned(font.data.to_vec()) }));
        faces[side][0] = Some(key);
        if let Some((data, index)) = &font.bold {
            let key = format!("user-{}-bold", side.name());
            defs.font_data
                .insert(key.clone(), Arc::new(FontData { index: *index, ..FontData::from_owned(data.to_vec()) }));
            faces[side][1] = Some(key);
        }
    }
    for cjk_first in [false, true] {
        for bold in [false, true] {
            let face = Face { cjk_first, bold, user: None };
            defs.families.insert(face.family(), stack(cjk_first, bold));
            for (side, font) in user.iter() {
                if font.is_none() {
                    continue;
                }
                // Bold text in a column whose font has no bold face is set in the bundled bold.
                let mut chain: Vec<String> = faces[side][usize::from(bold)].iter().cloned().collect();
                chain.extend(stack(cjk_first, bold));
                defs.families.insert(Face { user: Some(side), ..face }.family(), chain);
            }
        }
    }
    // The interface itself: Latin first, then CJK, Arabic and emoji, then egui's own (icons).
    if let Some(list) = defs.families.get_mut(&FontFamily::Proportional) {
        list.splice(0..0, stack(false, false));
    }
    if let Some(list) = defs.families.get_mut(&FontFamily::Monospace) {
        let at = list.len().min(1);
        list.splice(at..at, ["noto-sans-sc".to_string()]);
    }
    defs
}

/// Text as the columns show it: French punctuation and numbers kept on one line — a no-break
/// space before `! ? : ; »` and after `«` (Latin text), inside numbers written with grouping
/// spaces (`80 000`, `1 250 000`), before `%`, `€` and other signs after a number, and wherever the
/// text already has a no-break space (U+00A0, U+202F). One character for one, so character
/// ranges (search hits, flags) still point at the same words.
pub fn display_text(text: &str, script: Script) -> std::borrow::Cow<'_, str> {
    const SPACES: [char; 5] = [' ', '\u{202F}', '\u{00A0}', '\u{2009}', '\u{2007}'];
    if !text.contains(SPACES) {
        return text.into();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let shown = if no_break_at(&chars, i, script.is_cjk()) { '\u{00A0}' } else { c };
        changed |= shown != c;
        out.push(shown);
    }
    if changed { out.into() } else { text.into() }
}

/// Whether the space at `i` must not break the line.
fn no_break_at(chars: &[char], i: usize, cjk: bool) -> bool {
    let c = chars[i];
    if matches!(c, '\u{202F}' | '\u{00A0}') {
        return true;
    }
    if !matches!(c, ' ' | '\u{2009}' | '\u{2007}') {
        return false;
    }
    let digit_before = i > 0 && chars[i - 1].is_ascii_digit();
    let next = chars.get(i + 1).copied();
    // A group of exactly three digits after a digit: a thousands separator.
    let group_after = chars[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count() == 3;
    if digit_before && (group_after || next.is_some_and(|n| matches!(n, '%' | '‰' | '€' | '$' | '£' | '¥'))) {
        return true;
    }
    if cjk || c != ' ' {
        return false;
    }
    next.is_some_and(|n| matches!(n, '!' | '?' | ':' | ';' | '»')) || (i > 0 && chars[i - 1] == '«')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_french_marks_never_break() {
        let shown = |t: &str| display_text(t, Script::Latin).into_owned();
        assert_eq!(shown("80 000 yuans"), "80\u{A0}000 yuans");
        assert_eq!(shown("1 250 000 membres"), "1\u{A0}250\u{A0}000 membres");
        assert_eq!(shown("15 % de plus, 45\u{202F}000 €"), "15\u{A0}% de plus, 45\u{A0}000\u{A0}€");
        assert_eq!(shown("Pourquoi ? « Oui »"), "Pourquoi\u{A0}? «\u{A0}Oui\u{A0}»");
        assert_eq!(shown("in 2014 they were 12 people"), "in 2014 they were 12 people", "no group of three");
        assert_eq!(display_text("6万到7万，80 000元", Script::Chinese), "6万到7万，80\u{A0}000元");
        // One character for one: character ranges still point at the same words.
        let text = "Nous avons réuni 45 000 euros : 30 000 prêtés.";
        assert_eq!(shown(text).chars().count(), text.chars().count());
    }

    #[test]
    fn a_number_with_grouping_spaces_stays_on_one_line_when_laid_out() {
        let ctx = egui::Context::default();
        let mut frame = ctx.run_ui(egui::RawInput::default(), |_| {});
        frame.textures_delta.clear();
        let text = display_text("Le chiffre d'affaires a atteint 2 400 000 euros et 80 000 yuans.", Script::Latin);
        // Widths where each number fits on a row (a narrower one must break it anywhere).
        for width in (100..400).step_by(7).map(|w| w as f32) {
            let galley =
                ctx.fonts_mut(|f| f.layout(text.to_string(), FontId::proportional(16.0), egui::Color32::WHITE, width));
            for row in &galley.rows {
                let line: String = row.glyphs.iter().map(|g| g.chr).collect();
                let line = line.trim_end();
                assert!(
                    !line.ends_with(|c: char| c.is_ascii_digit()) || line.ends_with("000"),
                    "a row ends inside a number at width {width}: {line:?}"
                );
            }
        }
    }

    #[test]
    fn every_face_has_a_family_in_the_definitions() {
        let defs = definitions(Default::default());
        for cjk_first in [false, true] {
            for bold in [false, true] {
                let family = Face { cjk_first, bold, user: None }.family();
                let chain = &defs.families[&family];
                assert_eq!(chain.len(), 4);
                assert_eq!(chain[3], "noto-emoji");
                assert_eq!(chain[0].contains("-sc"), cjk_first, "{chain:?}");
                assert_eq!(chain[0].ends_with("bold"), bold);
            }
        }
        assert_eq!(defs.families[&FontFamily::Proportional][0], "noto-sans");
    }

    #[test]
    fn a_chosen_font_keeps_bold_text_bold() {
        let face = |bold: Option<(Arc<Vec<u8>>, u32)>| UserFont {
            name: "Mine".into(),
            data: Arc::new(NOTO_SANS.to_vec()),
            index: 0,
            bold,
        };
        let with_bold = face(Some((Arc::new(NOTO_SANS_BOLD.to_vec()), 0)));
        let without = face(None);
        let defs = definitions(Sides::new(Some(&with_bold), Some(&without)));
        let chain = |side, bold| defs.families[&Face { cjk_first: false, bold, user: Some(side) }.family()].clone();
        assert_eq!(chain(Side::Left, false)[0], "user-left");
        assert_eq!(chain(Side::Left, true)[0], "user-left-bold", "the family's own bold face");
        assert_eq!(chain(Side::Right, false)[0], "user-right");
        assert_eq!(chain(Side::Right, true)[0], "noto-sans-bold", "no bold face of its own: the bundled bold");
        assert_eq!(defs.font_data.keys().filter(|k| k.starts_with("user-")).count(), 3, "each face added once");
    }

    #[test]
    fn french_spaces_before_marks_do_not_break() {
        let t = display_text("Pourquoi\u{202F}? « Oui » : bien ; là !", Script::Latin);
        assert_eq!(t, "Pourquoi\u{A0}? «\u{A0}Oui\u{A0}»\u{A0}: bien\u{A0}; là\u{A0}!");
        assert_eq!(display_text("为什么？ 好 ！", Script::Chinese), "为什么？ 好 ！");
    }

    #[test]
    fn emoji_sequences_have_a_glyph_for_every_character_in_every_column_face() {
        let ctx = egui::Context::default();
        ctx.set_fonts(definitions(Default::default()));
        let mut frame = ctx.run_ui(egui::RawInput::default(), |_| {});
        frame.textures_delta.clear();
        // A family joined by ZWJs, a flag, a skin tone, a red heart with its variation selector,
        // England's tag sequence, a keycap.
        let text = "👨\u{200D}👩\u{200D}👧 🇫🇷 👍🏽 ❤\u{FE0F} 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F} 1\u{FE0F}\u{20E3}";
        for cjk_first in [false, true] {
            for bold in [false, true] {
                let font = Face { cjk_first, bold, user: None }.id(16.0);
                for c in text.chars().filter(|c| *c != ' ') {
                    let has = ctx.fonts_mut(|f| f.has_glyph(&font, c));
                    assert!(has, "U+{:04X} has no glyph (cjk first {cjk_first}, bold {bold})", c as u32);
                }
            }
        }
    }
}
