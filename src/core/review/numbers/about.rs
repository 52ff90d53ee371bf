//! Numbers given as an approximation in words, and the values each may stand for: `une
//! vingtaine`, `十几`, `四十多`, `几十`, `dozens`, `tens of thousands`, `the 1960s`, `六十年代`.
//! A translator who renders `一百多人` as `over a hundred people` or `forty` as `une quarantaine`
//! has kept the number; such a quantity matches any value of the other side inside what it
//! covers. A figure with a hedge (`about 40`, `约40`) is still a figure: both sides carry it, and
//! `about 13 billion` against `environ 14 milliards` is an error to see.

/// What `une vingtaine`, `a dozen` stand for: a quarter under or over.
pub(super) fn around(v: f64) -> (f64, f64) {
    (v * 0.75, v * 1.25)
}

/// What `forty-odd` stands for: forty and up to half as much again.
pub(super) fn odd(v: f64) -> (f64, f64) {
    (v, v * 1.5)
}

/// The largest power of ten that divides a whole `v` (40 → 10, 300 → 100, 120 → 10), 1 at least.
fn place(v: f64) -> f64 {
    let mut p = 1.0;
    while v >= p * 10.0 && (v / (p * 10.0)).fract() == 0.0 {
        p *= 10.0;
    }
    p
}

/// A number followed by `几`, `多`, `余` or `来` (`十几`, `四十多`, `300余`, `三十来`): the values it
/// stands for and the end of the suffix; `None` when `c[end]` is none of them or the number is not
/// a whole round one.
pub(super) fn han_suffix(c: &[char], end: usize, v: f64) -> Option<(f64, f64, usize)> {
    let p = place(v);
    if v <= 0.0 || v.fract() != 0.0 || p < 10.0 {
        return None;
    }
    let (lo, hi) = match c.get(end)? {
        // 三十几: thirty-odd, thirty or a few more.
        '几' => (v, v + 9.0 * p / 10.0),
        '多' | '余' => (v, v + p - 1.0),
        '来' => (v - p / 2.0, v + p / 2.0),
        _ => return None,
    };
    Some((lo, hi, end + 1))
}

/// `几十`, `数百`, `几万`: some tens, hundreds, ten thousands — two to nine of them.
pub(super) fn some_of(c: &[char], start: usize) -> bool {
    start > 0 && matches!(c[start - 1], '几' | '数')
}

/// The values a plural of a count stands for: `dozens` (of), `des centaines` (de), `thousands`.
pub(super) fn plural(unit: f64) -> (f64, f64) {
    (2.0 * unit, 10.0 * unit)
}

/// A decade, from the digits' value and what follows them at `end`: `1960s`, `60s`, `60年代`,
/// `六十年代`, and the end. A two-digit decade stays two digits (see [`spans`]).
pub(super) fn decade(c: &[char], end: usize, v: f64) -> Option<(f64, f64, usize)> {
    if v.fract() != 0.0 || v % 10.0 != 0.0 || !(v < 100.0 || (1000.0..=2100.0).contains(&v)) {
        return None;
    }
    let after = c.get(end..).unwrap_or_default();
    let len = if after.starts_with(&['年', '代']) {
        2
    } else if after.first() == Some(&'s') && after.get(1).is_none_or(|c| !c.is_alphanumeric()) {
        1
    } else {
        return None;
    };
    Some((v, v + 9.0, end + len))
}

/// `années 60`, `années soixante`: the French decade, at a number starting at `start`.
pub(super) fn annees_before(c: &[char], start: usize) -> bool {
    let before: String = c[start.saturating_sub(8)..start].iter().flat_map(|c| c.to_lowercase()).collect();
    before.trim_end().ends_with("années") || before.trim_end().ends_with("annees")
}

/// The values an approximate quantity covers: its range, and for a two-digit decade (`the
/// sixties`, `60年代`) the same decade of the twentieth century too.
pub(super) fn spans(lo: f64, hi: f64) -> [(f64, f64); 2] {
    let years = hi < 100.0 && lo >= 0.0 && lo % 10.0 == 0.0 && hi == lo + 9.0;
    [(lo, hi), if years { (1900.0 + lo, 1900.0 + hi) } else { (lo, hi) }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn chinese_suffixes_and_decades() {
        let c = chars("十几 四十多 300余 三十来 40年代 1960s");
        assert_eq!(han_suffix(&c, 1, 10.0), Some((10.0, 19.0, 2)));
        assert_eq!(han_suffix(&c, 5, 40.0), Some((40.0, 49.0, 6)));
        assert_eq!(han_suffix(&c, 10, 300.0), Some((300.0, 399.0, 11)));
        assert_eq!(han_suffix(&c, 14, 30.0), Some((25.0, 35.0, 15)));
        assert_eq!(han_suffix(&c, 14, 7.0), None, "a digit alone: 七来 is no quantity");
        assert_eq!(decade(&c, 18, 40.0), Some((40.0, 49.0, 20)));
        assert_eq!(decade(&c, 25, 1960.0), Some((1960.0, 1969.0, 26)));
        assert_eq!(decade(&chars("1965s"), 4, 1965.0), None);
    }
}
