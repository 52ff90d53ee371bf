//! Numbers written as a whole form rather than digit by digit: clock times (`17 h 30`,
//! `5.30 p.m.`, `下午1点`), years written short (`'97`), and the Canadian French `p. 100`.

use super::is_latin_letter;

/// A year written with two digits after an apostrophe (`'97`, `’05`), at the digits `at`: the
/// year, and where it ends. Not inside a word (`rock'n'roll`, `l'an 97` keeps its 97).
pub(super) fn short_year(c: &[char], at: usize) -> Option<(f64, usize)> {
    if at == 0 || !matches!(c[at - 1], '\'' | '’') || (at >= 2 && c[at - 2].is_alphanumeric()) {
        return None;
    }
    let end = at + 2;
    let two = end <= c.len() && c[at..end].iter().all(char::is_ascii_digit);
    if !two || c.get(end).is_some_and(|ch| ch.is_alphanumeric()) {
        return None;
    }
    let yy = f64::from((c[at] as u32 - '0' as u32) * 10 + (c[at + 1] as u32 - '0' as u32));
    Some((if yy < 30.0 { 2000.0 + yy } else { 1900.0 + yy }, end))
}

/// Hours and minutes from the digits at `at`: `17 h 30`, `17h30`, `17:30`, `5.30 p.m.` (or
/// `a.m.`) as hours with the minutes a fraction (17.5), and where they end. An hour alone
/// (`17 h`, `5 p.m.`) is read by the caller.
pub(super) fn clock_time(c: &[char], at: usize) -> Option<(f64, usize)> {
    let n = c.len();
    let digits = |from: usize| (from..n).take_while(|&k| c[k].is_ascii_digit()).count();
    let h_len = digits(at);
    let glued = at > 0 && (is_latin_letter(c[at - 1]) || c[at - 1].is_ascii_digit() || matches!(c[at - 1], '.' | ':'));
    if !(1..=2).contains(&h_len) || glued {
        return None;
    }
    let value =
        |from: usize, len: usize| c[from..from + len].iter().fold(0u32, |v, d| v * 10 + (*d as u32 - '0' as u32));
    let hours = value(at, h_len);
    let mut k = at + h_len;
    // The separator: `h` (with or without spaces), `:`, or `.` before a.m./p.m.
    let spaces = |from: usize| (from..n).take_while(|&j| c[j] == ' ' || c[j] == '\u{a0}' || c[j] == '\u{202f}').count();
    let dotted = matches!(c.get(k), Some('.'));
    if matches!(c.get(k), Some(':' | '.')) {
        k += 1;
    } else {
        k += spaces(k);
        if !matches!(c.get(k), Some('h' | 'H')) {
            return None;
        }
        k += 1;
        k += spaces(k);
    }
    if digits(k) != 2 || c.get(k + 2).is_some_and(|ch| ch.is_alphanumeric() || matches!(ch, ':' | ',')) {
        return None;
    }
    let minutes = value(k, 2);
    let end = k + 2;
    let pm = is_pm_after(c, end) || is_pm_before(c, at);
    // `5.30` alone is a decimal; with a.m. or p.m. after it, or the German `Uhr`, a time.
    if dotted && !(pm || is_am_after(c, end) || is_uhr_after(c, end)) {
        return None;
    }
    if hours > 24 || minutes > 59 {
        return None;
    }
    let hours = if pm && hours < 12 { hours + 12 } else { hours };
    Some((f64::from(hours) + f64::from(minutes) / 60.0, end))
}

/// `p. 100` or `p. cent` right after a number (Canadian French for per cent): where it ends.
pub(super) fn pour_cent(c: &[char], at: usize) -> Option<usize> {
    let space = |ch: &char| matches!(ch, ' ' | '\u{a0}' | '\u{202f}');
    let mut k = at + c[at..].iter().take_while(|ch| space(ch)).count();
    if c.get(k..k + 2) != Some(&['p', '.']) {
        return None;
    }
    k += 2;
    k += c[k..].iter().take_while(|ch| space(ch)).count();
    let unit = [&['1', '0', '0'][..], &['c', 'e', 'n', 't'][..]].into_iter().find(|u| c[k..].starts_with(u))?;
    let end = k + unit.len();
    (!c.get(end).is_some_and(|ch| ch.is_alphanumeric())).then_some(end)
}

/// `Uhr` after a number and a space (German: `4.45 Uhr`).
fn is_uhr_after(c: &[char], at: usize) -> bool {
    let rest: String = c[at..].iter().take(5).collect();
    rest.trim_start().starts_with("Uhr")
}

/// `a.m.` or `am` after a number (and a space).
fn is_am_after(c: &[char], at: usize) -> bool {
    let rest: String = c[at..].iter().take(6).collect::<String>().trim_start().to_lowercase();
    rest.starts_with("a.m.")
}

/// `p.m.` or `pm` after a number (and a space).
pub(super) fn is_pm_after(c: &[char], at: usize) -> bool {
    let rest: String = c[at..].iter().take(6).collect::<String>().trim_start().to_lowercase();
    rest.starts_with("p.m.") || rest.starts_with("pm") && !rest[2..].starts_with(|ch: char| ch.is_alphabetic())
}

/// `下午` or `晚上` right before a number that is followed by `点` (an hour in the afternoon).
pub(super) fn is_pm_before(c: &[char], at: usize) -> bool {
    at >= 2 && matches!((c[at - 2], c[at - 1]), ('下', '午') | ('晚', '上') | ('傍', '晚'))
}

/// A Chinese clock time after the hours `hours` that end at `end`: `五点半` (5.5), `五点一刻`,
/// `17点30分`, `五点钟`, `下午五点` (17), as hours, and where it ends. `None` when `点` is no hour
/// (`三点建议`, three suggestions): it takes a half, a quarter, minutes, `钟` or `整` after it, or
/// a time of day before it.
pub(super) fn han_clock(c: &[char], start: usize, end: usize, hours: f64) -> Option<(f64, usize)> {
    if !matches!(c.get(end), Some('点' | '時' | '时')) || hours.fract() != 0.0 || hours > 24.0 {
        return None;
    }
    let mut at = end + 1;
    let mut minutes = None;
    match c.get(at) {
        Some('半') => {
            minutes = Some(30.0);
            at += 1;
        }
        Some('钟' | '鐘' | '整') => at += 1,
        Some('一') if c.get(at + 1) == Some(&'刻') => {
            minutes = Some(15.0);
            at += 2;
        }
        Some('三') if c.get(at + 1) == Some(&'刻') => {
            minutes = Some(45.0);
            at += 2;
        }
        _ => {
            // `17点30分`, `五点二十分`
            let digits = (at..c.len())
                .take_while(|&k| c[k].is_ascii_digit() || super::han_digit(c[k]).is_some() || c[k] == '十')
                .count();
            if digits > 0 && c.get(at + digits) == Some(&'分') {
                let run: String = c[at..at + digits].iter().collect();
                let m =
                    run.parse::<f64>().ok().or_else(|| super::han::parse_han(&c[at..at + digits]).map(|(lo, _)| lo))?;
                minutes = Some(m);
                at += digits + 1;
            }
        }
    }
    let time_of_day = start >= 2
        && matches!(
            (c[start - 2], c[start - 1]),
            ('上', '午')
                | ('下', '午')
                | ('晚', '上')
                | ('傍', '晚')
                | ('早', '上')
                | ('凌', '晨')
                | ('中', '午')
                | ('夜', '里')
        );
    if minutes.is_none() && at == end + 1 && !time_of_day {
        return None;
    }
    let pm = is_pm_before(c, start) && hours < 12.0;
    Some((hours + if pm { 12.0 } else { 0.0 } + minutes.unwrap_or(0.0) / 60.0, at))
}
