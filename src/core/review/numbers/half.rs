//! Halves said in words around a number: `half a million`, `a million and a half`, `two and a
//! half million`, `deux milliards et demi` — the values a translation writes as `500,000`,
//! `2.5 billion` or `二十五亿`.

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
fn word_before(chars: &[char], at: usize) -> Option<(String, usize)> {
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
            && let Some(&(_, scale)) = SCALES.iter().find(|(s, _)| *s == w)
            && q.lo == q.hi
            && q.lo < 1000.0
        {
            // `two and a half million`
            (q.lo, q.hi) = ((q.lo + 0.5) * scale, (q.lo + 0.5) * scale);
            end = after[3].1;
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
        // A half that is no scale's.
        assert_eq!(values("two hours and a half")[0].0, 2.0);
        assert_eq!(values("half an hour, half the 40 men")[0].0, 40.0);
    }
}
