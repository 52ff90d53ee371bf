//! Where the sentences of a turn end: Chinese `。！？；` and a clause's trailing `……`, Latin `. ! ? …` before a capital, with abbreviations, initials, ordinals, list numbers and stammers kept whole.

use std::ops::Range;

use crate::core::text::{is_alnum, is_cjk, is_space};

/// The sentences of `text` as byte ranges, in order, each without the white space around it.
/// Together they hold every character that is not white space; a text without an end mark is
/// one sentence, and an empty one none. A line break always ends a sentence.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            close(text, &mut out, &mut start, i);
            continue;
        }
        if start.is_none() && !is_space(c) {
            start = Some(i);
        }
        if !is_end_mark(c) {
            continue;
        }
        // The mark, any marks after it (`?!`, `……`, `...`), then what closes a quote or bracket.
        let mut end = i + c.len_utf8();
        let mut dots = usize::from(c == '.');
        loop {
            let rest = &text[end..];
            match rest.chars().next() {
                Some(d) if is_end_mark(d) || is_closer(d) => {
                    dots += usize::from(d == '.');
                    end += d.len_utf8();
                }
                // French sets its closing guillemet apart: `Quoi ? »` ends with it.
                Some(d) if is_space(d) && d != '\n' => {
                    let after = rest.trim_start_matches(|x: char| is_space(x) && x != '\n');
                    match after.chars().next() {
                        Some(q @ ('»' | '›')) => end = text.len() - after.len() + q.len_utf8(),
                        // Tokenised text sets every closer apart: `versuchen ! ) Eine` (not a
                        // straight quote, which may as well open the next sentence).
                        Some(q)
                            if is_closer(q)
                                && !matches!(q, '"' | '\'')
                                && after[q.len_utf8()..].chars().next().is_none_or(is_space) =>
                        {
                            end = text.len() - after.len() + q.len_utf8();
                        }
                        // Spaced dots are one ellipsis (`I'm . . . I'm`).
                        Some('.') if dots > 0 => {
                            dots += 1;
                            end = text.len() - after.len() + 1;
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        while chars.peek().is_some_and(|&(j, _)| j < end) {
            chars.next();
        }
        let closed = text[i + c.len_utf8()..end].chars().any(is_closer);
        if ends_here(text, i, c, end, (dots, closed)) {
            close(text, &mut out, &mut start, end);
        }
    }
    close(text, &mut out, &mut start, text.len());
    out
}

/// The sentences of `text` ([`split`]) cut again into clauses where a sentence pauses without
/// ending — after `;` or `:` before a space, and after `：` (not before a quotation, which the
/// colon introduces): each piece with whether a sentence ends there (`true`) or only a clause
/// (`false`). Two translations that pause at the same place may be matched clause by clause
/// (`这件事是这样的：…` / "The thing was this: …").
pub fn clauses(text: &str) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    for sentence in split(text) {
        let mut start = sentence.start;
        let body = &text[sentence.clone()];
        for (i, c) in body.char_indices() {
            let at = sentence.start + i;
            let end = at + c.len_utf8();
            let soft = match c {
                ';' | ':' => text[end..sentence.end].starts_with(is_space) && !quote_after(&text[end..sentence.end]),
                '：' => !quote_after(&text[end..sentence.end]),
                _ => false,
            };
            let rest = text[end..sentence.end].trim_start_matches(is_space);
            if !soft || !text[start..at].chars().any(is_alnum) || !rest.chars().any(is_alnum) {
                continue;
            }
            out.push((start..end, false));
            start = sentence.end - rest.len();
        }
        out.push((start..sentence.end, true));
    }
    out
}

/// Whether a quotation opens right after a colon (`说：“`, `said: "`): it introduces what is
/// quoted, and both sides keep it with the quotation.
fn quote_after(rest: &str) -> bool {
    rest.trim_start_matches(is_space).starts_with(['“', '"', '«', '「', '『', '‘', '\'', '„'])
}

/// Ends the sentence begun at `start` at byte `end`: kept when it holds a letter or a digit,
/// else given to the sentence before (a lone `—` or `»` is no sentence).
fn close(text: &str, out: &mut Vec<Range<usize>>, start: &mut Option<usize>, end: usize) {
    let Some(s) = start.take() else { return };
    let piece = text[s..end].trim_end_matches(is_space);
    let e = s + piece.len();
    if piece.chars().any(is_alnum) || out.is_empty() {
        out.push(s..e);
    } else if let Some(last) = out.last_mut() {
        last.end = e;
    }
}

fn is_end_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '｡' | '—' | '；')
}

/// Closing quotes and brackets that belong to the sentence their end mark ends.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '」' | '』' | '）' | ')' | ']' | '》' | '〉' | '】' | '›')
}

/// Whether the end mark `c` at byte `at` (with what followed it up to `end`: `dots` full stops
/// in all, a quote or bracket `closed` or not) ends a sentence.
fn ends_here(text: &str, at: usize, c: char, end: usize, (dots, closed): (usize, bool)) -> bool {
    let rest = &text[end..];
    let next = rest.trim_start_matches(|ch: char| is_space(ch) && ch != '\n').chars().next();
    let Some(next) = next else { return true };
    if next == '\n' {
        return true;
    }
    let before = text[..at].chars().next_back();
    match c {
        // A Chinese full stop ends a sentence wherever it is.
        '。' | '！' | '？' | '｡' | '；' => true,
        // A Chinese ellipsis after a word or two is a hesitation that runs on (`他……他走了`,
        // `司令…… 我完了`); after a whole clause it trails the sentence off
        // (`看着我父亲……草鱼`); a closing quote always ends.
        '…' if before.is_some_and(is_cjk) && is_cjk(next) => {
            closed
                || (text[..at].chars().rev().take_while(|&c| is_alnum(c)).nth(4).is_some() && !echo(&text[..at], rest))
        }
        // A dash ends a sentence only where it breaks off a quotation (`let's see—' 'At you!'`).
        '—' => closed && starts_sentence(next),
        _ => {
            // Latin marks end a sentence before white space and what may open one.
            if !rest.starts_with(is_space) && !is_cjk(next) {
                return false;
            }
            if !starts_sentence(next) {
                return false;
            }
            let ellipsis = c == '…' || dots > 1;
            if ellipsis {
                // A stammer runs on (`I... I promise`, `我…… 我……`).
                return !stammer(&text[..at], rest);
            }
            c != '.' || !abbreviation(&text[..at], rest)
        }
    }
}

/// Whether the Chinese after an ellipsis begins by repeating the one to three characters before
/// it (`你近来……近来咳得好`): a stammer.
fn echo(before: &str, rest: &str) -> bool {
    let before = before.trim_end_matches('…');
    let rest = rest.trim_start_matches(is_space);
    before.char_indices().rev().take(3).any(|(i, _)| rest.starts_with(&before[i..]))
}

/// Whether the word after an ellipsis repeats the one before it.
fn stammer(before: &str, rest: &str) -> bool {
    let last: String =
        before.trim_end_matches(['.', ' ']).chars().rev().take_while(|c| c.is_alphanumeric() || *c == '\'').collect();
    let next: String = rest.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '\'').collect();
    !next.is_empty() && last.chars().rev().eq(next.chars())
}

/// Characters a sentence may open with: a capital, a digit, an opening quote or bracket, a
/// dash of dialogue, or CJK.
fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || is_cjk(c)
        || matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '‚' | '(' | '[' | '¿' | '¡' | '—' | '–' | '-' | '‹')
}

/// Whether the full stop after `before` closes an abbreviation, an initial or an ordinal rather
/// than a sentence (`Mr.`, `M.`, `J.`, `z.B.`, `U.S.`, `am 9. September`), given the `rest`.
fn abbreviation(before: &str, rest: &str) -> bool {
    let word: &str =
        before.rsplit(|c: char| is_space(c) || matches!(c, '(' | '"' | '«' | '“' | '‘')).next().unwrap_or("");
    if word.is_empty() {
        // A full stop standing alone, as tokenised text writes it (`steil .`).
        return false;
    }
    if word.chars().any(|c| !c.is_alphabetic() && c != '.') {
        // An ordinal before a month (`9. September`, `1. Mai`), or an item's number where a
        // list begins or goes on (`: 1. The dog…; 2. The cat`); any other number ends.
        let digits = word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 2;
        let opens = before[..before.len() - word.len()].trim_end().chars().next_back();
        let item = opens.is_none_or(|c| matches!(c, ':' | ';' | '：' | '；' | '.' | '!' | '?'));
        return digits && (item || starts_with_month(rest.trim_start()));
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // An initial (`J.`, `M.`; not the pronoun `I`), or letters with full stops inside (`U.S`,
    // `z.B`, `i.e`).
    let initial = letters == 1 && word != "I" && word.chars().next().is_some_and(char::is_uppercase);
    if initial || word.contains('.') {
        return true;
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Titles and short forms written with a full stop before a name or a number, in English,
/// French and German: after them a capital does not open a sentence. (Not those that are also
/// words ending sentences: `me`, `no`, `art`.)
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ste", "mme", "mlle", "mgr", "jr", "sr", "gen", "col", "capt", "lt",
    "sgt", "rev", "gov", "sen", "hon", "nr", "vol", "fig", "p", "pp", "abs", "vs", "cf", "ca", "bzw", "vgl", "hr",
    "fr", "frl", "dipl", "inc", "ltd", "corp",
];

fn starts_with_month(s: &str) -> bool {
    const MONTHS: &[&str] = &[
        "januar",
        "jänner",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
        "janvier",
        "février",
        "mars",
        "avril",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "january",
        "february",
        "march",
        "may",
        "june",
        "july",
        "october",
        "december",
    ];
    let word: String = s.chars().take_while(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    MONTHS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn chinese_full_stops_end_sentences_and_closing_quotes_stay_with_them() {
        assert_eq!(pieces("他来了。她走了！真的吗？"), ["他来了。", "她走了！", "真的吗？"]);
        assert_eq!(pieces("“你好。”他说。"), ["“你好。”", "他说。"]);
        assert_eq!(pieces("他……他走了。"), ["他……他走了。"]);
        assert_eq!(pieces("“不过……”他道。"), ["“不过……”", "他道。"]);
        assert_eq!(pieces("'Let's see—' 'At you!'"), ["'Let's see—'", "'At you!'"]);
        assert_eq!(pieces("Paris — The city"), ["Paris — The city"]);
        assert_eq!(pieces("来源：智源研究院。"), ["来源：智源研究院。"]);
    }

    #[test]
    fn clauses_pause_at_colons_and_semicolons() {
        let clauses = |t: &str| -> Vec<(String, bool)> {
            clauses(t).into_iter().map(|(r, hard)| (t[r].to_string(), hard)).collect()
        };
        let s = |t: &str, hard: bool| (t.to_string(), hard);
        assert_eq!(
            clauses("这件事是这样的：她不是。我走了。"),
            [s("这件事是这样的：", false), s("她不是。", true), s("我走了。", true)]
        );
        assert_eq!(
            clauses("I had desires; I wanted to love."),
            [s("I had desires;", false), s("I wanted to love.", true)]
        );
        assert_eq!(clauses("Il dit : oui."), [s("Il dit :", false), s("oui.", true)]);
        // A colon that opens a quotation, a time, an address: no pause.
        assert_eq!(clauses("他说：“我不去。”"), [s("他说：“我不去。”", true)]);
        assert_eq!(clauses("He said: \"No.\""), [s("He said: \"No.\"", true)]);
        assert_eq!(clauses("At 10:30 see https://a.org/x now."), [s("At 10:30 see https://a.org/x now.", true)]);
        // Nothing before or after the mark: no clause of its own.
        assert_eq!(clauses("来源：智源研究院"), [s("来源：", false), s("智源研究院", true)]);
        assert_eq!(clauses("Note:"), [s("Note:", true)]);
    }

    #[test]
    fn chinese_semicolons_and_trailing_ellipses_end_sentences_hesitations_do_not() {
        // Parallel clauses a translator into English makes sentences of.
        assert_eq!(pieces("一条通到内地；一条通到农场。"), ["一条通到内地；", "一条通到农场。"]);
        // A clause trailing off ends; a word or two of hesitation runs on.
        assert_eq!(pieces("他悲哀地看着我父亲……草鱼不动了。"), ["他悲哀地看着我父亲……", "草鱼不动了。"]);
        assert_eq!(pieces("司令…… 我完了……你见了她。"), ["司令…… 我完了……你见了她。"]);
        assert_eq!(pieces("“我……我觉得你近来……近来咳得好。”"), ["“我……我觉得你近来……近来咳得好。”"]);
        // A Latin semicolon goes on (English and French keep far more clauses in one sentence).
        assert_eq!(pieces("I had desires; I wanted to love."), ["I had desires; I wanted to love."]);
    }

    #[test]
    fn latin_marks_end_sentences_before_a_capital_only() {
        assert_eq!(pieces("It rained. We left! Did we? Yes."), ["It rained.", "We left!", "Did we?", "Yes."]);
        assert_eq!(pieces("« Quoi ? » dit-il. Puis il partit."), ["« Quoi ? » dit-il.", "Puis il partit."]);
        assert_eq!(pieces("« Quoi ? » Puis rien."), ["« Quoi ? »", "Puis rien."]);
        assert_eq!(pieces("He said \"Go.\" Then he left."), ["He said \"Go.\"", "Then he left."]);
        assert_eq!(pieces("Wait... Nothing came."), ["Wait...", "Nothing came."]);
        assert_eq!(pieces("It costs 3.5 euros. Cheap."), ["It costs 3.5 euros.", "Cheap."]);
    }

    #[test]
    fn abbreviations_initials_and_ordinals_do_not_end_sentences() {
        assert_eq!(pieces("Mr. Smith met Dr. Li. They spoke."), ["Mr. Smith met Dr. Li.", "They spoke."]);
        assert_eq!(pieces("M. Dupont et J. K. Rowling. Fin."), ["M. Dupont et J. K. Rowling.", "Fin."]);
        assert_eq!(
            pieces("Am 9. September 1988 stiegen wir. Es war kalt."),
            ["Am 9. September 1988 stiegen wir.", "Es war kalt."]
        );
        assert_eq!(pieces("He was 25. Then he left."), ["He was 25.", "Then he left."]);
        assert_eq!(pieces("They saw me. So was I. No."), ["They saw me.", "So was I.", "No."]);
        assert_eq!(pieces("The U.S. Army came."), ["The U.S. Army came."]);
    }

    #[test]
    fn tokenised_text_colons_lists_and_stammers() {
        assert_eq!(pieces("Die Wand ist steil . Wir gehen ."), ["Die Wand ist steil .", "Wir gehen ."]);
        assert_eq!(
            pieces("( Du kannst es versuchen ! ) Eine Antwort ."),
            ["( Du kannst es versuchen ! )", "Eine Antwort ."]
        );
        assert_eq!(pieces("Er ging . \" Nein \" , sagte sie ."), ["Er ging .", "\" Nein \" , sagte sie ."]);
        assert_eq!(pieces("He said: Go home. Then"), ["He said: Go home.", "Then"], "a colon goes on");
        assert_eq!(pieces("Two ways: 1. The dog; 2. The cat. Done."), ["Two ways: 1. The dog; 2. The cat.", "Done."]);
        assert_eq!(
            pieces("I'm . . . I'm going. I... I promise. Wait... Nothing."),
            ["I'm . . . I'm going.", "I... I promise.", "Wait...", "Nothing."]
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_marks_alone_join_the_one_before() {
        assert_eq!(pieces("First line\nsecond line"), ["First line", "second line"]);
        assert_eq!(pieces("He left. —"), ["He left. —"]);
        assert_eq!(pieces("  "), Vec::<&str>::new());
        assert_eq!(pieces("no mark at all"), ["no mark at all"]);
        // Every non-space character is in exactly one sentence.
        let text = "Un. Deux ! Trois ?\n« Quatre. » Cinq…";
        let joined: String = pieces(text).concat().chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, text.chars().filter(|c| !c.is_whitespace()).collect::<String>());
    }
}
