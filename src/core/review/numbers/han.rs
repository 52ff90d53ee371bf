//! Chinese numerals: the digits, the units (`十`, `万`, `亿`) and a run of them as a value or a
//! range (`二〇一七`, `三万`, `六七亿`).

pub(super) fn han_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

pub(super) fn han_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1e3,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// A run of Chinese numerals as a value, or a range (`六七` is 6 to 7, `五六十` 50 to 60).
pub(super) fn parse_han(s: &[char]) -> Option<(f64, f64)> {
    // Three digits or more alone are read digit by digit (`一九六七` is the year 1967).
    let digits_only = s.len() > 2 && s.iter().all(|&c| han_digit(c).is_some());
    // Two neighbouring digits counting up make a range: read it twice, once with each.
    for k in 0..if digits_only { 0 } else { s.len().saturating_sub(1) } {
        if let (Some(a), Some(b)) = (han_digit(s[k]), han_digit(s[k + 1]))
            && b == a + 1
            && a > 0
        {
            let mut lo = s.to_vec();
            lo.remove(k + 1);
            let mut hi = s.to_vec();
            hi.remove(k);
            return Some((parse_han_value(&lo)?, parse_han_value(&hi)?));
        }
    }
    // Two digits alone are a few, not a two-digit number (that is written with 十): `三五` three
    // to five, `一一` one by one.
    if let [a, b] = s
        && let (Some(a), Some(b)) = (han_digit(*a), han_digit(*b))
        && a > 0
        && b > 0
    {
        return Some((f64::from(a.min(b)), f64::from(a.max(b))));
    }
    parse_han_value(s).map(|v| (v, v))
}

/// Two Chinese digits `c[start..end]` that say a year by its last two digits, one digit each
/// (`五八年`, `六二届`, `六二至六五届`): their value (58, 62), or `None` for two digits that count a
/// few (`三五个人`, three to five people; `七八年前`, seven or eight years ago).
pub(super) fn short_year(c: &[char], start: usize, end: usize) -> Option<f64> {
    let two = |from: usize| -> Option<f64> {
        let (a, b) = (han_digit(*c.get(from)?)?, han_digit(*c.get(from + 1)?)?);
        // `七八年前`: seven or eight years ago (two digits counting up are a few); `七七年`, seven
        // sevens of years.
        if b == a + 1 || a == b {
            return None;
        }
        (c.get(from + 2).is_none_or(|&n| han_digit(n).is_none() && han_unit(n).is_none()))
            .then_some(f64::from(a * 10 + b))
    };
    if end != start + 2 {
        return None;
    }
    let value = two(start)?;
    let year_word = |k: usize| matches!(c.get(k), Some('年' | '届' | '级'));
    // `六二至六五届`: the second end says whose years they are.
    let ranged = matches!(c.get(end), Some('至' | '到' | '-' | '–')) && two(end + 1).is_some() && year_word(end + 3);
    (year_word(end) || ranged).then_some(value)
}

fn parse_han_value(s: &[char]) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    // Digits only, more than one: read digit by digit (二〇一七 is 2017).
    if s.len() > 1 && s.iter().all(|&c| han_digit(c).is_some()) {
        return s.iter().try_fold(0.0, |acc, &c| Some(acc * 10.0 + han_digit(c)? as f64));
    }
    // `total`: whole 亿s; `wan`: whole 万s below them; `section`: below 万; `number`: a pending digit.
    let (mut total, mut wan, mut section, mut number) = (0.0f64, 0.0f64, 0.0f64, None::<f64>);
    for &c in s {
        if let Some(d) = han_digit(c) {
            number = Some(d as f64);
        } else if let Some(unit) = han_unit(c) {
            let part = section + number.unwrap_or(0.0);
            match unit {
                u if u < 1e4 => section += number.unwrap_or(1.0) * u,
                u if u < 1e8 => {
                    wan += if part == 0.0 { 1.0 } else { part } * u;
                    section = 0.0;
                }
                u => {
                    let below = wan + part;
                    total = (total + if below == 0.0 { 1.0 } else { below }) * u;
                    (wan, section) = (0.0, 0.0);
                }
            }
            number = None;
        }
    }
    Some(total + wan + section + number.unwrap_or(0.0))
}
