//! Halves said in words around a number: `half a million`, `a million and a half`, `two and a
//! half million`, `deux milliards et demi` — the values a translation writes as `500,000`,
//! `2.5 billion` or `二十五亿` — and the halves and quarters of an hour (`half past four`,
//! `halb fünf`, `quatre heures et demie`), which a translation writes as `4.30` or `16 h 30`.

use super::Quantity;

/// English scale words said after `and a half` (`two and a half million`), and their values.
const SCALES: [(&str, f64); 8] = [
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("trillion", 1e12),
    ("trillions", 1e12),
];

/// Units of time a half is said after (`un an et demi`, `two hours and a half`).
const DURATIONS: [&str; 22] = [
    "heures", "heure", "h", "hours", "hour", "an", "ans", "année", "années", "year", "years", "mois", "month",
    "months", "jour", "jours", "day", "days", "semaine", "semaines", "week", "weeks",
];

/// Scale words a number may end with, in the languages Tandem reads.
const ENDS: [&str; 12] = [
    "thousand",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "mille",
    "milliard",
    "milliards",
    "milliers",
    "millier",
    "tausend",
];

/// Up to `n` words after character `from`, each after one space, lower case, with the
/// character where each ends.
fn words_after(chars: &[char], from: usize, n: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut k = from;
    while out.len() < n && chars.get(k) == Some(&' ') {
        let start = k + 1;
        let end = start + chars[start..].iter().take_while(|c| c.is_alphabetic()).count();
        if end == start {
            break;
        }
        out.push((chars[start..end].iter().flat_map(|c| c.to_lowercase()).collect(), end));
        k = end;
    }
    out
}

/// The word just before character `at` (one space between), lower case, and where it starts.
pub(super) fn word_before(chars: &[char], at: usize) -> Option<(String, usize)> {
    let end = at.checked_sub(1).filter(|&e| chars[e] == ' ')?;
    let start = end - chars[..end].iter().rev().take_while(|c| c.is_alphabetic()).count();
    (start < end).then(|| (chars[start..end].iter().flat_map(|c| c.to_lowercase()).collect(), start))
}

/// Applies the halves said around each number of `found` (read from `chars`, the text `text`).
pub(super) fn halves(found: &mut [Quantity], chars: &[char], text: &str) {
    for q in found.iter_mut() {
        let last_word: String = {
            let tail = &chars[q.chars.start..q.chars.end];
            let n = tail.iter().rev().take_while(|c| c.is_alphabetic()).count();
            tail[tail.len() - n..].iter().flat_map(|c| c.to_lowercase()).collect()
        };
        let scaled = ENDS.contains(&last_word.as_str());
        let (mut start, mut end) = (q.chars.start, q.chars.end);
        let after = words_after(chars, q.chars.end, 4);
        let said = |k: usize| after.get(k).map(|(w, _)| w.as_str());
        if scaled && matches!(said(0), Some("and" | "et")) && {
            // `a million and a half`, `deux milliards et demi`
            matches!((said(1), said(2)), (Some("a"), Some("half")) | (Some("demi" | "demie"), _))
        } {
            // The power of a thousand the number is counted in (a hair added against rounding).
            let scale = 1000f64.powi(((q.lo.max(1.0).log10() + 1e-9) / 3.0).floor() as i32);
            (q.lo, q.hi) = (q.lo + scale / 2.0, q.hi + scale / 2.0);
            end = after[if said(1) == Some("a") { 2 } else { 1 }].1;
        } else if let (Some("and"), Some("a"), Some("half"), Some(w)) = (said(0), said(1), said(2), said(3))
            && let Some(scale) =
                SCALES.iter().find(|(s, _)| *s == w).map(|&(_, s)| s).or(DURATIONS.contains(&w).then_some(1.0))
            && q.lo == q.hi
            && q.lo < 1000.0
        {
            // `two and a half million`; `three and a half years` (the unit read after it).
            (q.lo, q.hi) = ((q.lo + 0.5) * scale, (q.lo + 0.5) * scale);
            end = after[if scale == 1.0 { 2 } else { 3 }].1;
        } else if scaled
            && let Some((w, at)) = word_before(chars, q.chars.start)
            && w == "half"
            && chars[q.chars.start..].starts_with(&['a', ' '])
        {
            // `half a million`
            (q.lo, q.hi) = (q.lo / 2.0, q.hi / 2.0);
            start = at;
        } else {
            continue;
        }
        q.weak = false;
        q.chars = start..end;
        q.text = text.chars().skip(start).take(end - start).collect();
    }
}

/// The halves and quarters said around an hour: `half past four`, `a quarter to five`,
/// `quatre heures et demie`, `cinq heures moins le quart`, German `halb fünf` (half way to five,
/// 4.30), `Viertel nach vier`, `Viertel vor fünf`. The hour becomes a clock time with the
/// minutes a fraction (4.5), as `4.30 p.m.` and `16 h 30` are read. A half after a longer
/// duration counts too, without the clock (`un an et demi`, 1.5 years: "eighteen months").
pub(super) fn hour_parts(found: &mut [Quantity], chars: &[char], text: &str) {
    for q in found.iter_mut() {
        if q.lo != q.hi || q.lo.fract() != 0.0 || !(0.0..=24.0).contains(&q.lo) || q.percent || q.about {
            continue;
        }
        let after = words_after(chars, q.chars.end, 4);
        let said = |k: usize| after.get(k).map(|(w, _)| w.as_str());
        let before = word_before(chars, q.chars.start);
        let two_before = before.as_ref().and_then(|(_, at)| word_before(chars, *at));
        let said_before = before.as_ref().map(|(w, _)| w.as_str());
        let (mut start, mut end) = (q.chars.start, q.chars.end);
        let hour = matches!(said(0), Some("heures" | "heure" | "h"));
        let part = if said(0).is_some_and(|w| DURATIONS.contains(&w)) && matches!(said(1), Some("et" | "and")) {
            // `quatre heures et demie`, `quatre heures et quart`, `un an et demi` (eighteen
            // months), `two years and a half`.
            let (part, k) = match (said(2), said(3)) {
                (Some("demie" | "demi"), _) => (0.5, 2),
                (Some("a"), Some("half")) => (0.5, 3),
                (Some("quart"), _) if hour => (0.25, 2),
                _ => continue,
            };
            end = after[k].1;
            part
        } else if hour && said(1) == Some("moins") {
            // `cinq heures moins le quart`, `moins quart`.
            let k = if said(2) == Some("le") { 3 } else { 2 };
            if said(k) != Some("quart") {
                continue;
            }
            end = after[k].1;
            -0.25
        } else if let (Some(w), Some((first, at))) = (said_before, two_before.as_ref())
            && let Some(part) = match (first.as_str(), w) {
                ("half", "past") => Some(0.5),
                ("quarter", "past") | ("viertel", "nach") => Some(0.25),
                ("quarter", "to") | ("viertel", "vor") => Some(-0.25),
                _ => None,
            }
        {
            // `a quarter past`: the article belongs to it.
            start = word_before(chars, *at).filter(|(a, _)| a == "a").map_or(*at, |(_, a)| a);
            part
        } else if said_before == Some("halb") && (1.0..=12.0).contains(&q.lo) {
            // German counts the half hour towards the next: `halb fünf` is 4.30.
            start = before.as_ref().map_or(start, |(_, at)| *at);
            -0.5
        } else {
            continue;
        };
        (q.lo, q.hi) = (q.lo + part, q.hi + part);
        // A time of day but for a duration in years, months, weeks or days.
        q.clock |= hour || !said(0).is_some_and(|w| DURATIONS.contains(&w));
        q.chars = start..end;
        q.text = text.chars().skip(start).take(end - start).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;

    fn values(text: &str) -> Vec<(f64, String)> {
        read(text).into_iter().map(|q| (q.lo, q.text)).collect()
    }

    #[test]
    fn halves_said_in_words() {
        // A novel's gambler: `四十五万两` rendered "half a million taels".
        assert_eq!(values("Pity about that half a million taels."), [(5e5, "half a million".to_string())]);
        assert_eq!(values("It cost a million and a half."), [(1.5e6, "a million and a half".to_string())]);
        assert_eq!(values("some two and a half million people"), [(2.5e6, "two and a half million".to_string())]);
        assert_eq!(values("Il a levé deux milliards et demi."), [(2.5e9, "deux milliards et demi".to_string())]);
        assert_eq!(values("un million et demie d'euros")[0].0, 1.5e6);
        // A half of an hour, a year: the half counts (`un an et demi` is eighteen months).
        assert_eq!(values("two hours and a half")[0].0, 2.5);
        assert_eq!(values("dans un an et demi")[0].0, 1.5);
        assert_eq!(values("after three and a half years")[0].0, 3.5);
        assert_eq!(values("half an hour, half the 40 men")[0].0, 40.0);
    }

    #[test]
    fn halves_and_quarters_of_an_hour() {
        // A mountain yearbook: the last cabin down leaves at half past four, said in German
        // the German way (half way to five).
        assert_eq!(values("die letzte, um halb fünf talwärts fahrende Gondel")[0].0, 4.5);
        assert_eq!(values("la dernière benne, à 4 heures et demie !"), [(4.5, "4 heures et demie".to_string())]);
        assert_eq!(values("at half past four"), [(4.5, "half past four".to_string())]);
        assert_eq!(values("at a quarter to five"), [(4.75, "a quarter to five".to_string())]);
        assert_eq!(values("à cinq heures moins le quart")[0].0, 4.75);
        assert_eq!(values("à quatre heures et quart")[0].0, 4.25);
        assert_eq!(values("Viertel nach vier")[0].0, 4.25);
        assert_eq!(values("Viertel vor fünf")[0].0, 4.75);
        // Not an hour: a half of something else, a quarter of a count.
        assert_eq!(values("halb 40 Jahre")[0].0, 40.0);
        assert_eq!(values("4 heures de marche et demie")[0].0, 4.0);
        assert_eq!(values("a quarter of the 5 members")[0].0, 5.0);
        assert!(read("um halb fünf")[0].clock);
    }
}
