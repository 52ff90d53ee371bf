//! Labels of transcripts that transcription tools export with a time: `Lex Fridman (00:01:23):`,
//! `[00:01:23] Anna Berg: …`, `Anna Berg  1:05` or `李明 00:12` alone above the speech,
//! `Speaker 2 (00:12):`. The time belongs to the label, never to the speech (whose numbers are
//! checked against the translation's).

use super::{Candidate, Style, colon_label, is_division, is_name, make};
use crate::core::text::{is_han, is_space};

/// The length in bytes of a time at the start of `s`: `0:12`, `01:02:03`, `12:30.5`, in
/// brackets or not (`[00:12]`, `(00:00:00)`).
pub(super) fn time_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let close = match b.first()? {
        b'[' => Some(b']'),
        b'(' => Some(b')'),
        _ => None,
    };
    let mut k = usize::from(close.is_some());
    let digits = |k: &mut usize, max: usize| {
        let start = *k;
        while *k < b.len() && b[*k].is_ascii_digit() && *k - start < max {
            *k += 1;
        }
        *k - start
    };
    if !(1..=2).contains(&digits(&mut k, 2)) {
        return None;
    }
    let mut groups = 1;
    while groups < 3 && b.get(k) == Some(&b':') && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
        k += 1;
        if digits(&mut k, 2) != 2 {
            return None;
        }
        groups += 1;
    }
    if groups < 2 {
        return None;
    }
    if matches!(b.get(k), Some(b'.' | b',')) && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
        k += 1;
        digits(&mut k, 3);
    }
    if let Some(close) = close {
        if b.get(k) != Some(&close) {
            return None;
        }
        k += 1;
    }
    // A time ends there: `12:30pm` or `1:2345` is something else.
    let ends = s[k..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    ends.then_some(k)
}

/// The time a label holds (`00:12` from `Anna Berg (00:12):` or `[00:12] Anna Berg:`), to show
/// beside the speech it opens.
pub fn time_in(label: &str) -> Option<&str> {
    let starts =
        std::iter::once(0).chain(label.char_indices().filter(|&(_, c)| is_space(c)).map(|(i, c)| i + c.len_utf8()));
    starts.into_iter().find_map(|i| {
        let n = time_len(&label[i..])?;
        Some(label[i..i + n].trim_matches(['[', ']', '(', ')']))
    })
}

/// A speaker's name as a transcript writes it before a time: capitalised words (`Anna Berg`,
/// `Speaker 2`) or a short Han name (`李明`, `安娜·贝格`).
fn is_transcript_name(name: &str) -> bool {
    let han = name.chars().filter(|&c| is_han(c)).count();
    if han > 0 {
        // `第3集 00:12` is an episode, not a speaker.
        return han <= 8
            && !name.starts_with('第')
            && name.chars().all(|c| is_han(c) || c == '·' || c.is_ascii_digit() || is_space(c));
    }
    let words: Vec<&str> = name.split(is_space).filter(|w| !w.is_empty()).collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || w.chars().all(|c| c.is_ascii_digit()))
        && is_name(name)
        && !is_division(name)
}

/// A label with a time: before the name (`[00:12] Anna Berg: text`), or after it (`Anna Berg
/// (00:12): text`, `Anna Berg  0:12` alone above the speech, when `alone_ok`).
pub(super) fn stamped(line: &str, alone_ok: bool) -> Option<Candidate> {
    let stamped = |c: Candidate| Candidate { style: Style::Stamped, ..c };
    // A name and its colon, then the time in brackets (`Speaker 1: [00:00:12] text`).
    let colon = line.char_indices().take(48).find(|&(_, c)| matches!(c, ':' | '：'));
    if let Some((at, c)) = colon {
        let after = &line[at + c.len_utf8()..];
        let time_at = line.len() - after.trim_start_matches(is_space).len();
        let name = line[..at].trim();
        if line[time_at..].starts_with(['[', '('])
            && let Some(n) = time_len(&line[time_at..])
            && is_transcript_name(name)
        {
            let speech = &line[time_at + n..];
            let rest = line.len() - speech.trim_start_matches(is_space).len();
            return Some(make(Style::Stamped, name, &line[..time_at + n], rest));
        }
    }
    // The time first, then a colon label.
    if let Some(n) = time_len(line) {
        let after = &line[n..];
        let gap = after.len() - after.trim_start_matches(|c: char| is_space(c) || matches!(c, '-' | '–' | '|')).len();
        if gap == 0 {
            return None;
        }
        let said = &after[gap..];
        if let Some(c) = colon_label(said) {
            let rest = n + gap + c.rest;
            let label = line[..n + gap + c.label.len()].to_string();
            return Some(stamped(Candidate { rest, label, ..c }));
        }
        // `00:00:12 Anna Berg` alone above the speech.
        let name = said.trim();
        return (alone_ok && is_transcript_name(name)).then(|| make(Style::Stamped, name, line.trim(), line.len()));
    }
    // The name, then the time (within a name's length of the start).
    let head = &line[..line.floor_char_boundary(64)];
    let (at, time_at, n) = head.char_indices().filter(|&(_, c)| is_space(c)).find_map(|(at, _)| {
        let time_at = line.len() - line[at..].trim_start().len();
        Some((at, time_at, time_len(&line[time_at..])?))
    })?;
    let name = line[..at].trim();
    if !is_transcript_name(name) {
        return None;
    }
    let after = &line[time_at + n..];
    let trimmed = after.trim_start_matches(is_space);
    let colon = trimmed.chars().next().filter(|&c| matches!(c, ':' | '：'));
    let (label_end, rest) = match colon {
        Some(c) => {
            let end = line.len() - trimmed.len() + c.len_utf8();
            let speech = &line[end..];
            (end, end + (speech.len() - speech.trim_start_matches(is_space).len()))
        }
        None if trimmed.is_empty() && alone_ok => (line.len(), line.len()),
        None => return None,
    };
    Some(stamped(make(Style::Stamped, name, line[..label_end].trim(), rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_as_transcripts_write_them() {
        for (s, n) in [("0:12 x", 4), ("01:02:03", 8), ("[00:12] A", 7), ("(00:00:00):", 10), ("12:30.5 x", 7)] {
            assert_eq!(time_len(s), Some(n), "{s}");
        }
        for s in ["12:30pm", "1:2345", "12", "[00:12", "(12)", "a 0:12", "12:3"] {
            assert_eq!(time_len(s), None, "{s}");
        }
    }

    #[test]
    fn the_time_a_label_holds() {
        assert_eq!(time_in("Anna Berg (00:12):"), Some("00:12"));
        assert_eq!(time_in("[00:00:12] Anna Berg:"), Some("00:00:12"));
        assert_eq!(time_in("李明 00:20"), Some("00:20"));
        assert_eq!(time_in("Mr. Tom Hart (Leeds East) (Lab):"), None);
    }

    fn parts(line: &str) -> Option<(String, String, String)> {
        stamped(line, true).map(|c| (c.name, c.label, line[c.rest..].to_string()))
    }

    #[test]
    fn the_time_is_the_labels_and_the_name_is_read_around_it() {
        let p = |name: &str, label: &str, rest: &str| Some((name.into(), label.into(), rest.into()));
        assert_eq!(parts("Lex Fridman (00:00:00):"), p("Lex Fridman", "Lex Fridman (00:00:00):", ""));
        assert_eq!(parts("Speaker 2 (00:12): Thank you."), p("Speaker 2", "Speaker 2 (00:12):", "Thank you."));
        assert_eq!(parts("[00:00:12] Anna Berg: Thank you."), p("Anna Berg", "[00:00:12] Anna Berg:", "Thank you."));
        assert_eq!(parts("00:12 - Anna Berg : Merci."), p("Anna Berg", "00:12 - Anna Berg :", "Merci."));
        assert_eq!(parts("Anna Berg  1:05"), p("Anna Berg", "Anna Berg  1:05", ""));
        assert_eq!(parts("00:01:05 Anna Berg"), p("Anna Berg", "00:01:05 Anna Berg", ""));
        assert_eq!(parts("Speaker 1: [00:00:12] Thank you."), p("Speaker 1", "Speaker 1: [00:00:12]", "Thank you."));
        assert_eq!(parts("Anna Berg : (00:12)"), p("Anna Berg", "Anna Berg : (00:12)", ""));
        assert_eq!(parts("李明 00:20"), p("李明", "李明 00:20", ""));
        assert_eq!(parts("安娜·贝格 01:05"), p("安娜·贝格", "安娜·贝格 01:05", ""));
        assert_eq!(stamped("Anna Berg  1:05", false), None, "alone, it needs a speech below");
    }

    #[test]
    fn times_in_prose_are_no_labels() {
        for line in [
            "We met at 10:30 in the morning.",
            "We met at 10:30",
            "At 10:30 we met.",
            "10:30 the train left",
            "Chapter 3 12:30",
            "The score was 2:1 at half time.",
            "[00:12] and then nothing",
            "10:30 Coffee break",
            "第3集 00:12",
            "Note: 10:30 is when we met.",
        ] {
            assert_eq!(parts(line), None, "{line}");
        }
    }
}
