//! SRT and WebVTT subtitles: one cue a paragraph, its number and start time as its position; the
//! speaker from `<v Name>` (WebVTT), a `Name:` prefix or `- ` dialogue dashes (one paragraph per
//! line of dialogue); styling tags, positioning and `{\…}` overrides stripped.

use super::{Extracted, InputFormat, Paragraphs};

/// `00:01:02,500 --> 00:01:04,000` (SRT) or `01:02.500 --> 01:04.000 line:90%` (WebVTT).
fn timing(line: &str) -> Option<&str> {
    let (start, rest) = line.split_once("-->")?;
    let start = start.trim();
    let ok = |t: &str| {
        let t = t.split_whitespace().next().unwrap_or("");
        t.len() >= 8 && t.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | ',' | '.')) && t.contains(':')
    };
    (ok(start) && ok(rest.trim())).then_some(start)
}

/// Milliseconds from `00:01:02,500` or `01:02.500` (a subtitle cue's, a transcript label's time).
pub(crate) fn millis(t: &str) -> Option<u32> {
    let t = t.split_whitespace().next()?;
    let (clock, frac) = t.split_once([',', '.']).unwrap_or((t, "0"));
    let parts: Vec<u32> = clock.split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let secs = parts.iter().fold(0u32, |acc, &p| acc.saturating_mul(60).saturating_add(p));
    let ms: u32 = format!("{frac:0<3}").get(..3)?.parse().ok()?;
    Some(secs.saturating_mul(1000).saturating_add(ms))
}

/// A cue's start and end in milliseconds.
fn range(line: &str) -> Option<(u32, u32)> {
    let (a, b) = line.split_once("-->")?;
    let (s, e) = (millis(a.trim())?, millis(b.trim())?);
    Some((s, e.max(s)))
}

/// `00:01:02` from `00:01:02,500` or `01:02.500`.
fn shown_time(start: &str) -> String {
    let start = start.split_whitespace().next().unwrap_or(start);
    let whole = start.split([',', '.']).next().unwrap_or(start);
    if whole.matches(':').count() == 1 { format!("00:{whole}") } else { whole.to_string() }
}

/// Whether the text starts like an SRT file: a number, then a timing line.
pub fn looks_like_srt(text: &str) -> bool {
    let mut lines = text.trim_start_matches('\u{FEFF}').lines().map(str::trim).skip_while(|l| l.is_empty());
    let first = lines.next().unwrap_or("");
    !first.is_empty() && first.chars().all(|c| c.is_ascii_digit()) && lines.next().and_then(timing).is_some()
}

/// The text of a cue line: tags and overrides gone, entities read, a voice made a label.
fn clean(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let Some(end) = rest.find('>') else { break };
            let tag = &rest[1..end];
            // <v Name> or <v.loud Name>: the speaker.
            if let Some(voice) = tag.strip_prefix('v').filter(|t| t.starts_with([' ', '.'])) {
                let name = voice.split_once(' ').map_or("", |(_, n)| n).trim();
                if !name.is_empty() {
                    out.push_str(name);
                    out.push_str(": ");
                }
            }
            rest = &rest[end + 1..];
        } else if c == '{' && rest.starts_with("{\\") {
            let Some(end) = rest.find('}') else { break };
            rest = &rest[end + 1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{A0}")
        .replace("&lrm;", "")
        .replace("&rlm;", "")
}

/// A dialogue dash opening a line: `- `, `– `, `— `.
fn dash(line: &str) -> Option<&str> {
    ["- ", "– ", "— ", "‐ "].iter().find_map(|d| line.strip_prefix(d)).map(str::trim_start)
}

/// Cues as paragraphs.
fn cues<'a>(blocks: impl Iterator<Item = Vec<&'a str>>, format: InputFormat) -> Extracted {
    let mut out = Paragraphs::default();
    let mut number = 0;
    // Where the last cue ended: a cue whose time cannot be read is put there.
    let mut last_end = 0;
    for block in blocks {
        let Some(at) = block.iter().position(|l| timing(l).is_some()) else {
            // A cue whose time line is damaged (`-00:00:03,000 --> …`, `->`): its text is kept,
            // and its position says that its time could not be read. A block with neither a
            // number nor an arrow is no cue.
            let arrow = block.iter().position(|l| l.contains("->"));
            let numbered =
                block.first().is_some_and(|l| !l.trim().is_empty() && l.trim().chars().all(|c| c.is_ascii_digit()));
            let Some(from) = arrow.map(|a| a + 1).or(numbered.then_some(1)) else { continue };
            number += 1;
            let lines: Vec<String> = block[from..].iter().map(|l| clean(l)).filter(|l| !l.trim().is_empty()).collect();
            let position = || format!("cue {number} · its time could not be read");
            out.push_timed(&lines.join("\n"), (last_end, last_end), position);
            continue;
        };
        let start = timing(block[at]).unwrap_or("");
        let time = range(block[at]).unwrap_or((0, 0));
        last_end = time.1;
        number += 1;
        // SRT numbers its cues; WebVTT may name them. Either way they are counted.
        let end = block[at].split_once("-->").map_or("", |(_, e)| e.trim());
        let position = || format!("cue {number} · {}–{}", shown_time(start), shown_time(end));
        let lines: Vec<String> = block[at + 1..].iter().map(|l| clean(l)).filter(|l| !l.trim().is_empty()).collect();
        if lines.iter().filter(|l| dash(l).is_some()).count() >= 2 || lines.first().is_some_and(|l| dash(l).is_some()) {
            // Two speakers in one cue: each line of dialogue a paragraph of its own.
            for line in &lines {
                out.push_timed(dash(line).unwrap_or(line), time, position);
            }
        } else {
            out.push_timed(&lines.join("\n"), time, position);
        }
    }
    out.into_source(format)
}

/// Blocks separated by blank lines.
fn blocks(text: &str) -> impl Iterator<Item = Vec<&str>> {
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r')).peekable();
    std::iter::from_fn(move || {
        while lines.peek().is_some_and(|l| l.trim().is_empty()) {
            lines.next();
        }
        lines.peek()?;
        let mut block = Vec::new();
        while let Some(line) = lines.next_if(|l| !l.trim().is_empty()) {
            block.push(line);
        }
        Some(block)
    })
}

pub fn read_srt(text: &str) -> Option<Extracted> {
    Some(cues(blocks(text), InputFormat::Srt))
}

pub fn read_vtt(text: &str) -> Option<Extracted> {
    // NOTE, STYLE and REGION blocks hold no cue; the header block neither.
    let kept = blocks(text).skip(1).filter(|b| {
        let first = b.first().copied().unwrap_or("");
        !(first.starts_with("NOTE") || first.starts_with("STYLE") || first.starts_with("REGION"))
    });
    Some(cues(kept, InputFormat::Vtt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srt_cues_become_paragraphs_with_their_times() {
        let srt = "1\n00:00:01,000 --> 00:00:03,500\nHost: <i>Welcome</i> back.\n\n2\n00:01:02,000 --> 00:01:04,000\n- Did you go?\n- Yes, twice.\n\n";
        assert!(looks_like_srt(srt));
        let s = read_srt(srt).expect("read");
        assert_eq!(s.text, "Host: Welcome back.\n\nDid you go?\n\nYes, twice.\n");
        assert_eq!(
            s.positions,
            ["cue 1 · 00:00:01–00:00:03", "cue 2 · 00:01:02–00:01:04", "cue 2 · 00:01:02–00:01:04"]
        );
        assert_eq!(s.times, [(1_000, 3_500), (62_000, 64_000), (62_000, 64_000)]);
        assert_eq!(millis("01:02.5"), Some(62_500));
    }

    #[test]
    fn a_cue_whose_time_cannot_be_read_keeps_its_text_and_says_so() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nFirst.\n\n2\n-00:00:03,000 --> 00:00:04,000\nSecond.\n\n\
                   3\n00:00:05,000 -> 00:00:06,000\nThird.\n\n4\n00:00:07,000 --> 00:00:08,000\nFourth.\n";
        let s = read_srt(srt).expect("read");
        assert_eq!(s.text, "First.\n\nSecond.\n\nThird.\n\nFourth.\n");
        assert_eq!(
            s.positions,
            [
                "cue 1 · 00:00:01–00:00:02",
                "cue 2 · its time could not be read",
                "cue 3 · its time could not be read",
                "cue 4 · 00:00:07–00:00:08"
            ],
            "later cues keep their numbers"
        );
        assert_eq!(s.times[1], (2_000, 2_000), "placed where the cue before it ended");
    }

    #[test]
    fn vtt_voices_are_speakers() {
        let vtt = "WEBVTT - interview\n\nNOTE made by hand\n\nintro\n01:02.000 --> 01:04.000 line:90%\n<v.loud Shen Wei>We opened in 2014.</v>\n\n01:05.000 --> 01:07.000\n<v Host>And now?\n";
        let s = read_vtt(vtt).expect("read");
        assert_eq!(s.text, "Shen Wei: We opened in 2014.\n\nHost: And now?\n");
        assert_eq!(s.positions, ["cue 1 · 00:01:02–00:01:04", "cue 2 · 00:01:05–00:01:07"]);
        assert!(!looks_like_srt(vtt));
    }
}
