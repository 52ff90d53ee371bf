//! Tokens into quantities: spelled parts added up (`one hundred and twenty`), scales applied
//! (`six milliards`, `60亿`), ranges joined (`six ou sept`, `1996-97`), and each number judged
//! weak (a small spelled word), approximate or firm.

use super::han::han_unit;
use super::{Quantity, Tok, Token, about, han_digit, is_year};
/// One number read from the tokens, before ranges.
struct One {
    lo: f64,
    hi: f64,
    spelled: bool,
    ordinal: bool,
    about: bool,
    /// A scale word or a percent sign followed: the number is meant as a number.
    scaled: bool,
    percent: bool,
    /// The token after it, and the character where it ends.
    next: usize,
    end: usize,
}

/// Reads `Num (and? Num)* Scale* Percent?` from token `k` (spelled parts add up: `cent vingt`,
/// `vingt et un`, `one hundred and twenty`; `a hundred`).
fn read_one(tokens: &[Token], k: usize, text: &[char]) -> Option<One> {
    let first = tokens.get(k)?;
    let (mut lo, mut hi, spelled, mut ordinal, about) = match first.tok {
        Tok::Num { lo, hi, spelled, ordinal, about } => (lo, hi, spelled, ordinal, about),
        Tok::Article => match tokens.get(k + 1)?.tok {
            Tok::Scale(_) | Tok::Num { lo: 100.0, spelled: true, .. } => (1.0, 1.0, true, false, false),
            _ => return None,
        },
        // `thousands`, `des millions`: a plural scale word alone is a count of them.
        Tok::Scale(_) if text[first.chars.1 - 1] == 's' && first.chars.1 - first.chars.0 > 3 => {
            let (lo, hi) = about::plural(1.0);
            (lo, hi, true, false, true)
        }
        _ => return None,
    };
    let mut j = k + 1;
    let han = han_digit(text[first.chars.0]).is_some() || text[first.chars.0] == '十';
    if matches!(first.tok, Tok::Article) {
        j = k + 1;
    }
    let mut last = lo;
    while spelled && !han && lo == hi {
        let skip = usize::from(matches!(tokens.get(j).map(|t| t.tok), Some(Tok::And)));
        let Some(Token { tok: Tok::Num { lo: v, spelled: true, ordinal: ord, .. }, chars }) = tokens.get(j + skip)
        else {
            break;
        };
        let hanv = han_digit(text[chars.0]).is_some() || text[chars.0] == '十';
        if hanv || ordinal {
            break;
        }
        // `five and thirty`, `an hundred and seven and twentieth`: the unit said before its tens.
        let unit_first = skip == 1 && *v >= 20.0 && *v < 100.0 && v % 10.0 == 0.0 && last < 10.0 && lo % 100.0 < 10.0;
        if *v == 100.0 && skip == 0 && lo < 100.0 {
            // `six hundred`, `six hundredth`.
            lo = lo.max(1.0) * 100.0;
        } else if (*v < last && *v < 100.0) || unit_first {
            lo += v;
        } else {
            break;
        }
        ordinal |= *ord;
        hi = lo;
        last = *v;
        j += skip + 1;
    }
    let mut scaled = false;
    // `tens of thousands`, `des centaines de milliers`.
    if about
        && matches!(tokens.get(j).map(|t| t.tok), Some(Tok::Of))
        && matches!(tokens.get(j + 1).map(|t| t.tok), Some(Tok::Scale(_)))
    {
        j += 1;
    }
    let mut last_scale = 1.0;
    while let Some(Token { tok: Tok::Scale(s), .. }) = tokens.get(j) {
        lo *= s;
        hi *= s;
        scaled = true;
        last_scale = *s;
        j += 1;
    }
    // `thirty-six thousand five hundred`, and with the comma of a number spelled in parts (with
    // hundreds at least after it: `two thousand, three` is a list); `two thousand and five`, `six
    // hundred thousand and three thousand and fifty` with `and`.
    let comma = matches!(tokens.get(j), Some(Token { tok: Tok::Break, chars }) if text[chars.0..chars.1] == [',']);
    let and = matches!(tokens.get(j).map(|t| t.tok), Some(Tok::And));
    let from = j + usize::from(comma || and);
    if spelled
        && !han
        && !ordinal
        && lo == hi
        && last_scale >= 1000.0
        && matches!(tokens.get(from).map(|t| t.tok), Some(Tok::Num { spelled: true, about: false, .. } | Tok::Article))
        && let Some(rest) = read_one(tokens, from, text)
        && rest.lo == rest.hi
        && if and { rest.lo < lo } else { (100.0..last_scale).contains(&rest.lo) }
        && !rest.percent
    {
        ordinal |= rest.ordinal;
        lo += rest.lo;
        hi = lo;
        j = rest.next;
    }
    let mut percent = false;
    if matches!(tokens.get(j).map(|t| t.tok), Some(Tok::Percent)) {
        percent = true;
        j += 1;
    }
    Some(One { lo, hi, spelled, ordinal, about, scaled, percent, next: j, end: tokens[j - 1].chars.1 })
}

/// Numbers, scales, percent signs and range words into quantities.
pub(super) fn combine(tokens: &[Token], text: &[char], original: &str) -> Vec<Quantity> {
    // The words as written (the folded characters differ for full-width forms).
    // Quantities come in order: a cursor (char, byte) walks the text once, not once per number
    // (a turn of megabytes holds hundreds of thousands of them).
    let mut at = (0, 0);
    let mut words_of = |s: usize, e: usize| -> String {
        if s < at.0 {
            at = (0, 0);
        }
        let from = original[at.1..].char_indices().nth(s - at.0).map_or(original.len(), |(b, _)| at.1 + b);
        at = (s, from);
        original[from..].chars().take(e - s).collect()
    };
    let mut out = Vec::new();
    let mut titles = Titles::default();
    let mut k = 0;
    while k < tokens.len() {
        // `百分之十五`: the percent sign comes first.
        let (start, percent_first, from) = match tokens[k].tok {
            Tok::Percent if tokens.get(k + 1).is_some_and(|t| matches!(t.tok, Tok::Num { .. })) => {
                (tokens[k].chars.0, true, k + 1)
            }
            _ => (tokens[k].chars.0, false, k),
        };
        let Some(mut one) = read_one(tokens, from, text) else {
            k += 1;
            continue;
        };
        let mut both_spelled = one.spelled;
        let mut ordinal = one.ordinal;
        // A range: `60 000 à 70 000`, `six ou sept milliards`, `600 million to 700 million`.
        // `ten- or eleven-year-old`: two separators in a row are one.
        let sep = |k: usize| matches!(tokens.get(k).map(|t| t.tok), Some(Tok::RangeSep));
        let second = if sep(one.next) && sep(one.next + 1) { one.next + 2 } else { one.next + 1 };
        // `six or seven`, `ten or eleven`: an approximation, where `60 à 70` states a range.
        let either = (one.next..second.min(tokens.len())).any(|k| {
            let (s, e) = tokens[k].chars;
            matches!(text[s..e].iter().collect::<String>().to_lowercase().as_str(), "or" | "ou" | "或")
        });
        let mut approximate = false;
        if sep(one.next)
            && let Some(two) = read_one(tokens, second, text)
        {
            // The scale (or percent sign) of the second end applies to the first when it has none.
            let scale = if !one.scaled && two.scaled {
                two.lo / raw_value(tokens, second)
            } else if one.spelled && one.lo < 10.0 && two.lo >= 100.0 && two.lo < 1000.0 && two.lo % 100.0 == 0.0 {
                // `one or two hundred`: the first end counts hundreds too.
                100.0
            } else {
                1.0
            };
            let a = one.lo * scale;
            // `1996-97`: the second year written with its last two digits.
            let two = match two {
                One { lo, hi, .. } if is_year(a) && lo == hi && lo < 100.0 && lo.fract() == 0.0 => {
                    let full = (a / 100.0).floor() * 100.0 + lo;
                    let full = if full < a { full + 100.0 } else { full };
                    One { lo: full, hi: full, ..two }
                }
                two => two,
            };
            if two.hi >= a && a > 0.0 && (two.hi / a) < 1e3 {
                one = One {
                    lo: a,
                    hi: two.hi,
                    scaled: one.scaled || two.scaled,
                    percent: one.percent || two.percent,
                    next: two.next,
                    end: two.end,
                    ..one
                };
                both_spelled &= two.spelled;
                ordinal |= two.ordinal;
                approximate = either && both_spelled;
            }
        }
        let vague = start > 0 && matches!(text[start - 1], '几' | '数');
        // `hundred` alone is mostly an idiom ("a hundred-model war"), not a count.
        let bare_hundred = one.spelled && one.lo == 100.0 && one.hi == 100.0 && one.next == from + 1;
        let weak = both_spelled && (ordinal || vague || (one.hi < 10.0 && !one.scaled && !one.percent));
        // An approximation in words says little when it spans more than a factor of four
        // (`几十`, `dozens`), and under a hundred (`十几年`, `thirty-odd paces`, `in his thirties`)
        // it is a manner of speaking as often as a figure (`over the coming decade`).
        let rough = (one.about || approximate) && (one.hi >= 4.0 * one.lo || one.hi < 100.0);
        // `1．弄堂`, `2) Budget`: a heading's or a list's number, which translations drop or renumber.
        let enumerator = text[..start].iter().all(|c| c.is_whitespace())
            && matches!(text.get(one.end), Some('.' | '．' | '、' | ')' | '）'))
            && one.lo == one.hi
            && one.lo < 1000.0
            && !one.percent;
        // `百`, `万` alone (`百岁`, `万众`): a scale character inside a word.
        let bare_scale = text[start..one.end].iter().all(|&c| han_unit(c).is_some())
            && !(start > 0 && matches!(text[start - 1], '半' | '上'));
        let weak = weak
            || (ordinal && one.hi < 10.0)
            || vague
            || bare_hundred
            || rough
            || enumerator
            || bare_scale
            || titles.inside(text, start)
            || out_of(text, start)
            || hyperbole(text, one.end, one.lo, one.hi, both_spelled);
        // `les années 60`: a decade.
        let (lo, hi) = if !one.about && about::annees_before(text, start) && one.lo % 10.0 == 0.0 && one.lo == one.hi {
            (one.lo, one.lo + 9.0)
        } else {
            (one.lo, one.hi)
        };
        let about = one.about || approximate || (lo, hi) != (one.lo, one.hi);
        out.push(Quantity {
            lo,
            hi,
            percent: one.percent || percent_first,
            weak,
            about,
            chars: start..one.end,
            text: words_of(start, one.end),
            after_han: start.checked_sub(1).map(|k| text[k]).filter(|&c| crate::core::text::is_cjk(c)),
            age: text.get(one.end) == Some(&'岁') && lo == hi && lo < 130.0,
            unit: super::measure::after(text, one.end),
            clock: lo == hi
                && lo <= 24.0
                && (text[start..one.end].iter().any(|c| matches!(c, '点' | '时' | '時')) || o_clock(text, one.end)),
        });
        k = one.next;
    }
    out
}

/// `eight o'clock`, `huit heures`, `2 p.m.`, `12 noon`.
fn o_clock(text: &[char], end: usize) -> bool {
    let after: String = text[end..(end + 9).min(text.len())].iter().collect::<String>().to_lowercase();
    let after = after.trim_start();
    ["o'clock", "o’clock", "heure", "p.m.", "a.m.", "noon", "midnight"].iter().any(|w| after.starts_with(w))
}

/// `nine times out of ten`, `one out of five`: the whole a share is counted against.
fn out_of(text: &[char], start: usize) -> bool {
    let before: String = text[start.saturating_sub(8)..start].iter().collect::<String>().to_lowercase();
    before.trim_end().ends_with("out of")
}

/// Whether a number is inside a book's title (`《四十二章经》`, the Sutra in Forty-two Sections):
/// part of a name. Numbers are asked in order, so the text is read once, not once a number.
#[derive(Default)]
struct Titles {
    read: usize,
    open: bool,
}

impl Titles {
    fn inside(&mut self, text: &[char], start: usize) -> bool {
        if start < self.read {
            *self = Titles::default();
        }
        for &c in &text[self.read..start] {
            match c {
                '《' => self.open = true,
                '》' => self.open = false,
                _ => {}
            }
        }
        self.read = start;
        self.open
    }
}

/// `a thousand times`, `mille fois`, `说一万遍`, `ten times worse`: a round number of times, a
/// manner of speaking that translations change freely (`一万遍` becomes "a thousand times").
fn hyperbole(text: &[char], end: usize, lo: f64, hi: f64, spelled: bool) -> bool {
    let round = spelled && lo == hi && [10.0, 100.0, 1e3, 1e4, 1e5, 1e6].contains(&lo);
    if !round {
        return false;
    }
    let after: String = text[end..(end + 7).min(text.len())].iter().collect::<String>().to_lowercase();
    let after = after.trim_start();
    after.starts_with('遍') || after.starts_with("times") || after.starts_with("fois")
}

/// The bare value of the number token at `k`, before any scale.
fn raw_value(tokens: &[Token], k: usize) -> f64 {
    match tokens.get(k).map(|t| t.tok) {
        Some(Tok::Num { lo, .. }) if lo > 0.0 => lo,
        _ => 1.0,
    }
}
