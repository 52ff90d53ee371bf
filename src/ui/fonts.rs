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
    let stack = |cjk_first: bool, bold: bool| -> Vec<String> {
        let (latin, cjk) = if bold { ("noto-sans-bold", "noto-sans-sc-bold") } else { ("noto-sans", "noto-sans-sc") };
        let first = if cjk_first { [cjk, latin] } else { [latin, cjk] };
        first.iter().chain(&["noto-sans-arabic"]).map(|s| s.to_string()).collect()
    };
    for cjk_first in [false, true] {
        for bold in [false, true] {
            let face = Face { cjk_first, bold, user: None };
            defs.families.insert(face.family(), stack(cjk_first, bold));
            for (side, font) in user.iter() {
                let Some(font) = font else { continue };
                let key = format!("user-{}", side.name());
                defs.font_data.insert(
                    key.clone(),
                    Arc::new(FontData { index: font.index, ..FontData::from_owned(font.data.to_vec()) }),
                );
                let mut chain = vec![key];
                chain.extend(stack(cjk_first, bold));
                defs.families.insert(Face { user: Some(side), ..face }.family(), chain);
            }
        }
    }
    // The interface itself: Latin first, then CJK, then egui's own fonts (emoji, icons).
    if let Some(list) = defs.families.get_mut(&FontFamily::Proportional) {
        list.splice(0..0, stack(false, false));
    }
    if let Some(list) = defs.families.get_mut(&FontFamily::Monospace) {
        let at = list.len().min(1);
        list.splice(at..at, ["noto-sans-sc".to_string()]);
    }
    defs
}

/// Prepares text for display in a column: in a Latin-script document, the space before `! ? : ;`
/// and `»` and after `«` becomes a no-break space, so that a lone `?` never starts a line (egui
/// breaks at U+202F but not at U+00A0).
pub fn display_text(text: &str, script: Script) -> std::borrow::Cow<'_, str> {
    if script.is_cjk() || !text.contains([' ', '\u{202F}', '\u{00A0}']) {
        return text.into();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let is_space = matches!(c, ' ' | '\u{202F}' | '\u{00A0}');
        let before_mark = chars.get(i + 1).is_some_and(|n| matches!(n, '!' | '?' | ':' | ';' | '»'));
        let after_quote = i > 0 && chars[i - 1] == '«';
        out.push(if is_space && (before_mark || after_quote) { '\u{00A0}' } else { c });
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_has_a_family_in_the_definitions() {
        let defs = definitions(Default::default());
        for cjk_first in [false, true] {
            for bold in [false, true] {
                let family = Face { cjk_first, bold, user: None }.family();
                let chain = &defs.families[&family];
                assert_eq!(chain.len(), 3);
                assert_eq!(chain[0].contains("-sc"), cjk_first, "{chain:?}");
                assert_eq!(chain[0].ends_with("bold"), bold);
            }
        }
        assert_eq!(defs.families[&FontFamily::Proportional][0], "noto-sans");
    }

    #[test]
    fn french_spaces_before_marks_do_not_break() {
        let t = display_text("Pourquoi\u{202F}? « Oui » : bien ; là !", Script::Latin);
        assert_eq!(t, "Pourquoi\u{A0}? «\u{A0}Oui\u{A0}»\u{A0}: bien\u{A0}; là\u{A0}!");
        assert_eq!(display_text("为什么？ 好 ！", Script::Chinese), "为什么？ 好 ！");
    }
}
