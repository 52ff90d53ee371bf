//! Numbers written as a whole form rather than digit by digit: clock times (`17 h 30`,
//! `5.30 p.m.`, `下午1点`), years written short (`'97`), fractions (`1/3`), Roman ordinals
//! (`XXIe`), and the Canadian French `p. 100`.

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

/// A fraction in digits from `start` (`1/3`, `3/4`), the numerator `value` read up to `end`:
/// its value and where it ends. Small terms only, the numerator the smaller — `3/89` (an issue
/// and its year), `24/7` and a date (`1/3/2020`) are none.
pub(super) fn fraction(c: &[char], start: usize, end: usize, value: f64) -> Option<(f64, usize)> {
    let whole = |from: usize| (from..c.len()).take_while(|&k| c[k].is_ascii_digit()).count();
    if c.get(end) != Some(&'/') || end - start > 2 || value.fract() != 0.0 {
        return None;
    }
    let len = whole(end + 1);
    let e = end + 1 + len;
    if !(1..=2).contains(&len) || c.get(e).is_some_and(|&ch| ch.is_alphanumeric() || ch == '/') {
        return None;
    }
    let d: f64 = c[end + 1..e].iter().collect::<String>().parse().ok()?;
    // `les 9/10 septembre`: two days of a month.
    let word: String = c[e..].iter().skip_while(|ch| **ch == ' ').take_while(|ch| ch.is_alphabetic()).collect();
    let month = super::words::is_month(&word.to_lowercase());
    (value >= 1.0 && d <= 12.0 && value < d && !month).then_some((value / d, e))
}

/// Two years with a slash between (`1994/1999`, `2000/2006`, a programme's period as French
/// writes it): the years from and to, and where they end.
pub(super) fn year_span(c: &[char], end: usize, value: f64) -> Option<(f64, usize)> {
    if c.get(end) != Some(&'/') || !(1000.0..=2200.0).contains(&value) {
        return None;
    }
    let e = end + 1 + (end + 1..c.len()).take_while(|&k| c[k].is_ascii_digit()).count();
    if e - end - 1 != 4 || c.get(e).is_some_and(|&ch| ch.is_alphanumeric() || ch == '/') {
        return None;
    }
    let to: f64 = c[end + 1..e].iter().collect::<String>().parse().ok()?;
    (to > value && to - value <= 20.0).then_some((to, e))
}

/// The value of a Roman numeral in capitals with an ordinal ending (`XXIe` 21, `XIXth` 19,
/// `IIIe` 3), as a century or a sitting is numbered in French; `None` for any other word (a
/// numeral alone, `I`, `MIX`, is as often a word).
pub(super) fn roman_ordinal(word: &[char]) -> Option<f64> {
    let digits = word.iter().take_while(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')).count();
    let ending: String = word[digits..].iter().collect();
    // One letter alone is a numeral only as I, V or X (`Le`, `Ce` are words).
    let alone_ok = digits > 1 || matches!(word.first(), Some('I' | 'V' | 'X'));
    if digits == 0 || !alone_ok || !crate::core::review::units::is_ordinal_ending(&ending) {
        return None;
    }
    roman_value(&word[..digits])
}

/// Nouns a Roman numeral numbers (`Title II`, `titre II`, `Kapitel IV`), lower case.
const PARTS: [&str; 24] = [
    "article",
    "articles",
    "title",
    "titles",
    "titre",
    "titres",
    "chapter",
    "chapitre",
    "kapitel",
    "annex",
    "annexe",
    "anhang",
    "part",
    "partie",
    "teil",
    "section",
    "volume",
    "tome",
    "band",
    "book",
    "livre",
    "recommendation",
    "recommendations",
    "recommandations",
];

/// A Roman numeral in capitals (`II`, `XIV`) at `start..end` that numbers a part: right after a
/// noun of [`PARTS`] (`recommandations I`), or after `et` / `and` / `,` / `à` / `to` following
/// such a numeral (`I et II`). Its value; `None` elsewhere (`World War II`, a pronoun `I`).
pub(super) fn roman_part(c: &[char], start: usize, end: usize, before: &[super::Token]) -> Option<f64> {
    let word = &c[start..end];
    if word.len() > 6 || !word.iter().all(|ch| matches!(ch, 'I' | 'V' | 'X')) {
        return None;
    }
    let value = roman_value(word)?;
    let after_numeral = match before {
        [.., n, sep, _] | [.., n, sep] if matches!(sep.tok, super::Tok::And | super::Tok::RangeSep) => {
            matches!(n.tok, super::Tok::Num { .. })
                && c[n.chars.0..n.chars.1].iter().all(|ch| matches!(ch, 'I' | 'V' | 'X'))
        }
        _ => false,
    };
    let after_part = super::half::word_before(c, start).is_some_and(|(w, _)| PARTS.contains(&w.as_str()));
    (after_part || after_numeral).then_some(value)
}

/// The value of a Roman numeral in I, V, X, L and C, if it is one as Romans wrote it (`IIII`,
/// `VV`, `IC` are not).
fn roman_value(word: &[char]) -> Option<f64> {
    const DIGITS: [(char, i32); 5] = [('I', 1), ('V', 5), ('X', 10), ('L', 50), ('C', 100)];
    let digit = |c: char| DIGITS.iter().find(|(d, _)| *d == c).map(|&(_, v)| v);
    let mut total = 0i32;
    for (k, &c) in word.iter().enumerate() {
        let v = digit(c)?;
        if word.get(k + 1).and_then(|&n| digit(n)).is_some_and(|n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    let canonical = |mut n: i32| {
        let mut out = String::new();
        for (v, s) in
            [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        {
            while n >= v {
                out.push_str(s);
                n -= v;
            }
        }
        out
    };
    (total > 0 && canonical(total) == word.iter().collect::<String>()).then_some(f64::from(total))
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::super::tests::one;

    #[test]
    fn roman_numerals_numbering_a_part() {
        assert_eq!(read("aux recommandations I et II").iter().map(|q| q.lo).collect::<Vec<_>>(), [1.0, 2.0]);
        assert_eq!(one("au titre XIV du traité"), (14.0, 14.0));
        assert!(read("World War II, Henry VIII, and I think so").is_empty());
        assert!(read("le chapitre IIII").is_empty(), "no numeral");
    }

    #[test]
    fn roman_numerals_with_an_ordinal_ending() {
        assert_eq!(one("au XIXe siècle"), (19.0, 19.0));
        assert_eq!(one("the XIVth"), (14.0, 14.0));
        assert_eq!(one("la Ve République"), (5.0, 5.0));
        assert_eq!(one("François Ier"), (1.0, 1.0));
        // Words that open with a numeral's letter.
        assert!(read("Le vote et Ce matin, Lth").is_empty());
        assert!(read("I think so. MIX it.").is_empty(), "a numeral without its ending is left alone");
    }

    #[test]
    fn fractions_and_periods_with_a_slash() {
        assert_eq!(one("1/3"), (1.0 / 3.0, 1.0 / 3.0));
        assert_eq!(one("les programmes 2000/2006"), (2000.0, 2006.0));
        // An issue and its year, a date, round the clock, a score: no fraction.
        assert_eq!(read("MB 3/89").len(), 2);
        assert_eq!(read("le 1/3/2020")[0].lo, 1.0);
        assert_eq!(read("24/7")[0].lo, 24.0);
        assert_eq!(read("les 9/10 septembre 1988")[0].lo, 9.0, "two days of a month");
        assert_eq!(read("won 5/3")[0].lo, 5.0);
        assert_eq!(read("1999/1994")[0].lo, 1999.0, "a period runs forward");
    }
}
