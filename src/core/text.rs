//! Small character-level helpers shared by the core: scripts, widths, emphasis, canonical forms.

/// True for ideographs, kana, hangul and CJK punctuation: characters set in a CJK font.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// Letters and digits of any script, with fast answers for ASCII, accented Latin and Han (the
/// common cases; the others look up Unicode's tables).
pub fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Latin-1 letters and Latin Extended-A/B (é, ç, œ, ł…), the multiplication and division signs aside.
        0xC0..=0x24F => c != '×' && c != '÷',
        _ => is_han(c) || c.is_alphanumeric(),
    }
}

/// Letters of any script, with the same fast answers as [`is_alnum`].
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '×' && c != '÷',
        _ => is_han(c) || c.is_alphabetic(),
    }
}

/// True for Han ideographs only.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// Folds full-width ASCII forms (`Ａ`, `：`, `１`) and the ideographic space to their ASCII forms.
pub fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// White space including the no-break, narrow no-break and ideographic spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{3000}' | '\u{FEFF}')
}

/// Trims [`is_space`] characters on both ends.
pub fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Columns a string takes in a terminal: CJK counts two.
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// [`display_width`] where only whether it passes `cap` matters: the exact width up to `cap`,
/// some width above `cap` otherwise, without measuring the whole of a long paragraph.
pub fn display_width_up_to(s: &str, cap: usize) -> usize {
    // A character is never wider than its bytes, so a prefix of 4 (cap + 1) bytes is wide
    // enough unless it holds zero-width characters.
    let bytes = 4 * (cap + 1);
    if s.len() > bytes {
        let head = display_width(&s[..s.floor_char_boundary(bytes)]);
        if head > cap {
            return head;
        }
    }
    display_width(s)
}

/// The length used by the aligner: characters that are not white space.
pub fn content_len(s: &str) -> usize {
    if s.is_ascii() {
        // The same count without decoding: ASCII's white space is tab to carriage return and space.
        return s.bytes().filter(|b| !matches!(b, b'\t'..=b'\r' | b' ')).count();
    }
    s.chars().filter(|&c| !is_space(c)).count()
}

/// Canonical form of a speaker label: case, width, spacing, punctuation and emphasis removed.
/// `White Horse Business Review`, `Whitehorse business review` and `**WHITE-HORSE**` are one.
pub fn canonical(name: &str) -> String {
    name.chars().map(fold_width).filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Removes Markdown emphasis markers (`**`, `__`, and `*word*` pairs) from a line.
/// Returns the cleaned text and whether the whole line was emphasised.
pub fn strip_emphasis(line: &str) -> (std::borrow::Cow<'_, str>, bool) {
    let trimmed = trim(line);
    let whole = (trimmed.starts_with("**") && trimmed.ends_with("**") && trimmed.len() > 4)
        || (trimmed.starts_with("__") && trimmed.ends_with("__") && trimmed.len() > 4);
    if !trimmed.contains("**") && !trimmed.contains("__") && !trimmed.contains('*') {
        return (trimmed.into(), false);
    }
    let mut out = trimmed.replace("**", "").replace("__", "");
    // Single-star emphasis: drop a `*` that opens before a non-space or closes after one.
    if out.matches('*').count() >= 2 {
        let chars: Vec<char> = out.chars().collect();
        let mut kept = String::with_capacity(out.len());
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1).copied();
            let opens = prev.is_none_or(is_space) && next.is_some_and(|n| !is_space(n));
            let closes = prev.is_some_and(|p| !is_space(p)) && next.is_none_or(|n| !n.is_alphanumeric());
            if c == '*' && (opens || closes) {
                continue;
            }
            kept.push(c);
        }
        out = kept;
    }
    (trim(&out).to_string().into(), whole)
}

/// Joins the lines of a hard-wrapped paragraph: a space between words, nothing between CJK.
pub fn join_wrapped<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = trim(line);
        if line.is_empty() {
            continue;
        }
        let glue = match (out.chars().last(), line.chars().next()) {
            (None, _) => false,
            (Some(a), Some(b)) => !(is_cjk(a) || is_cjk(b)) && a != '-',
            _ => false,
        };
        if glue {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// The last character that carries meaning: closing quotes, brackets and emphasis skipped.
pub fn last_meaningful(s: &str) -> Option<char> {
    trim(s).chars().rev().find(|&c| {
        !is_space(c)
            && !matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | '」' | '』' | ')' | '）' | ']' | '】' | '〕' | '］' | '*' | '_'
            )
    })
}

/// Text for a terminal: control characters (C0, DEL, C1 — among them ESC, which starts the
/// sequences that move the cursor, retitle the window or rewrite the screen) written as `\x1b`,
/// `\x7f`, `\u{9b}`, so a file's content or name can never command the terminal. A tab and a
/// line break become a space.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x80 && c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Characters that end a sentence or clause: a line ending in one is prose, not a heading.
pub fn is_terminal_punct(c: char) -> bool {
    matches!(c, '.' | '。' | '!' | '！' | '…' | ';' | '；' | ',' | '，' | '、' | ':' | '：' | '．')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_a_terminal() {
        assert_eq!(terminal_safe("plain 文字"), "plain 文字");
        assert_eq!(terminal_safe("a\u{1b}]0;owned\u{7}b"), "a\\x1b]0;owned\\x07b");
        assert_eq!(terminal_safe("x\u{9b}2Jy\u{7f}"), "x\\u{9b}2Jy\\x7f");
        assert_eq!(terminal_safe("a\tb\nc"), "a b c");
    }

    #[test]
    fn canonical_forms_merge_label_variants() {
        assert_eq!(canonical("White Horse Business Review"), canonical("Whitehorse Business Review"));
        assert_eq!(canonical("**SHEN-WEI**"), "shenwei");
        assert_eq!(canonical("ＡＢＣ　记者"), "abc记者");
        assert_ne!(canonical("Baima Business Review"), canonical("White Horse Business Review"));
    }

    #[test]
    fn emphasis_is_removed() {
        assert_eq!(
            strip_emphasis("**White Horse Business Review : Pourquoi ? **"),
            ("White Horse Business Review : Pourquoi ?".into(), true)
        );
        assert_eq!(strip_emphasis("** Baima Business Review : Oui"), ("Baima Business Review : Oui".into(), false));
        assert_eq!(strip_emphasis("un *vrai* modèle"), ("un vrai modèle".into(), false));
        assert_eq!(strip_emphasis("2 * 3 = 6"), ("2 * 3 = 6".into(), false));
        assert_eq!(strip_emphasis("snake_case stays"), ("snake_case stays".into(), false));
    }

    #[test]
    fn wrapped_lines_join_by_script() {
        assert_eq!(join_wrapped(["Il était une", "fois un modèle."]), "Il était une fois un modèle.");
        assert_eq!(join_wrapped(["大模型的参数", "量很大。"]), "大模型的参数量很大。");
        assert_eq!(join_wrapped(["GPT-4 是", "Nvidia"]), "GPT-4 是Nvidia");
    }

    #[test]
    fn widths_and_punctuation() {
        assert_eq!(display_width("沈伟ab"), 6);
        assert_eq!(content_len(" a b\u{3000}c "), 3);
        assert_eq!(content_len(" a\tb\x0bc\r\n"), 3, "ASCII: the same white space as char::is_whitespace");
        let prose = "Mr. Speaker, ".repeat(60) + "议长先生";
        assert!(display_width_up_to(&prose, 110) > 110);
        assert_eq!(display_width_up_to("沈伟ab", 110), 6);
        let zero_width = "\u{200b}".repeat(200) + "abc";
        assert_eq!(display_width_up_to(&zero_width, 110), display_width(&zero_width));
        assert_eq!(last_meaningful("« Ça devient une mer rouge. »"), Some('.'));
        assert_eq!(last_meaningful("\"Hundred Model War\""), Some('r'));
        assert!(is_han('沈') && !is_han('a') && is_cjk('：'));
        assert_eq!(fold_width('：'), ':');
    }
}
