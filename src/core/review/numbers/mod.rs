//! Reading the numbers of a text as values: digits with any grouping, decimals, ranges,
//! percentages, scale words, numbers spelled in French and English, Chinese numerals, ordinals.
//!
//! `10 000`, `10,000` and `一万` all read as 10000; `six ou sept milliards` and `六七十亿` as the
//! range 6–7 × 10⁹; `15 %`, `15 per cent` and `百分之十五` as 15 (a percentage). Digits glued to
//! letters (`GPT-4`, `A100`) are names, not numbers: the names check looks at those; a unit
//! (`7cm`, `3K`) or an ordinal ending (`21st`) keeps a number a number.

use std::ops::Range;

use crate::core::text::fold_width;
use forms::{clock_time, is_pm_after, is_pm_before, pour_cent, short_year};
use han::{han_digit, han_unit, parse_han};
use words::{known_words, might_be_known, words};

mod about;
mod compare;
mod forms;
mod han;
mod words;

pub(in crate::core::review) use compare::check_row;
#[cfg(test)]
use compare::unmatched;

/// One number as written, with its value (a range when the text gives one).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub lo: f64,
    pub hi: f64,
    pub percent: bool,
    /// Spelled out, small and without a scale word (`trois`, `一`, `first`): such words are often
    /// not numbers at all, so they confirm a number of the other side but never stand alone.
    pub weak: bool,
    /// An approximation (`about 40`, `十几`, `dozens`): `lo..=hi` are the values it may stand
    /// for, and any of them on the other side matches it.
    pub about: bool,
    /// Where it is, in characters of the text.
    pub chars: Range<usize>,
    /// The words as written (`six ou sept milliards`).
    pub text: String,
}

impl Quantity {
    /// Both ends, for matching.
    pub fn ends(&self) -> [f64; 2] {
        [self.lo, self.hi]
    }

    /// An approximation spanning more than a factor of four (`几十`, `dozens`): it says little.
    pub fn loose(&self) -> bool {
        self.about && self.hi >= 4.0 * self.lo
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    /// A number; `spelled`: words or Chinese numerals; `about`: `lo..=hi` is what an
    /// approximation (`十几`, `dozens`, `une vingtaine`) may stand for.
    Num {
        lo: f64,
        hi: f64,
        spelled: bool,
        ordinal: bool,
        about: bool,
    },
    /// `of`, `de` after a plural count (`tens of thousands`, `des dizaines de milliers`).
    Of,
    Scale(f64),
    Percent,
    /// `à`, `to`, `-`, `–`, `~`, `ou`, `or`, `至`, `到`
    RangeSep,
    /// `a`, `an` (`a hundred`, `a thousand`).
    Article,
    /// `and`, `et` (`one hundred and twenty`, `vingt et un`).
    And,
    /// `per`, `pour`: `per cent` is a percent sign.
    Per,
    /// Anything else: ends a number.
    Break,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    tok: Tok,
    chars: (usize, usize),
}

/// Every number of `text`, in order.
pub fn read(text: &str) -> Vec<Quantity> {
    let chars: Vec<char> = text.chars().map(fold_width).collect();
    let tokens = tokenize(&chars);
    combine(&tokens, &chars, text)
}

fn is_latin_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        // Latin-1 letters and Latin Extended-A/B (é, ç, œ, ł…), the multiplication and division signs aside.
        0xC0..=0x24F => c != '×' && c != '÷',
        _ => !crate::core::text::is_cjk(c) && c.is_alphabetic(),
    }
}

/// Group separators between thousands: space, no-break spaces, thin space, comma, dot, apostrophe.
fn is_group_sep(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | ',' | '.' | '\'' | '’')
}

fn tokenize(c: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut i = 0;
    let n = c.len();
    // Neighbouring breaks are one break: the stream stays as short as the numbers in it.
    let push = |out: &mut Vec<Token>, tok: Tok, s: usize, e: usize| match (tok, out.last_mut()) {
        (Tok::Break, Some(Token { tok: Tok::Break, chars })) => chars.1 = e,
        _ => out.push(Token { tok, chars: (s, e) }),
    };
    while i < n {
        let ch = c[i];
        if ch.is_ascii_digit() {
            // `'97`: a year written short (1997; `'05` is 2005).
            if let Some((year, end)) = short_year(c, i) {
                push(
                    &mut out,
                    Tok::Num { lo: year, hi: year, spelled: false, ordinal: false, about: false },
                    i - 1,
                    end,
                );
                i = end;
                continue;
            }
            // `17 h 30`, `17h30`, `17:30`, `5.30 p.m.`: hours and minutes, as hours (17.5).
            if let Some((hours, end)) = clock_time(c, i) {
                push(&mut out, Tok::Num { lo: hours, hi: hours, spelled: false, ordinal: false, about: false }, i, end);
                i = end;
                continue;
            }
            let glued_before = i > 0
                && (is_latin_letter(c[i - 1])
                    || (matches!(c[i - 1], '-' | '_') && i > 1 && is_latin_letter(c[i - 2]))
                    || c[i - 1] == '.' && i > 1 && c[i - 2].is_ascii_digit());
            let (value, end) = read_digits(c, i);
            // Letters right after: an ordinal (`1st`, `2e`, `3ème`) or a name (`4o`, `3D`).
            let mut k = end;
            while k < n && is_latin_letter(c[k]) {
                k += 1;
            }
            let suffix: String = c[end..k].iter().collect();
            // `1960s`, `60年代`, `40多`, `300余`: a decade, or a round number and more.
            if !glued_before
                && (suffix.is_empty() || suffix == "s")
                && let Some((lo, hi, e)) = about::decade(c, end, value).or_else(|| about::han_suffix(c, end, value))
            {
                push(&mut out, Tok::Num { lo, hi, spelled: false, ordinal: false, about: true }, i, e);
                i = e;
                continue;
            }
            let ordinal = super::units::is_ordinal_ending(&suffix);
            // `7cm`, `3K`: a number with its unit.
            let unit = super::units::is_unit(&suffix);
            if glued_before || (!suffix.is_empty() && !ordinal && !unit) {
                // Part of a name such as GPT-4, A100, H20: skip the whole word.
                let mut e = k;
                while e < n
                    && (c[e].is_alphanumeric() && !crate::core::text::is_cjk(c[e])
                        || c[e] == '-' && e + 1 < n && c[e + 1].is_alphanumeric())
                {
                    e += 1;
                }
                push(&mut out, Tok::Break, i, e.max(i + 1));
                i = e.max(i + 1);
                continue;
            }
            // Clock times: `1 p.m.` and `下午1点` are 13 h.
            let value = if value < 12.0 && (is_pm_after(c, k) || is_pm_before(c, i)) { value + 12.0 } else { value };
            push(&mut out, Tok::Num { lo: value, hi: value, spelled: false, ordinal, about: false }, i, k);
            // `100 p. 100`, `5 p. cent`: the Canadian French way of writing a percentage.
            if let Some(end) = pour_cent(c, k) {
                push(&mut out, Tok::Percent, k, end);
                i = end;
                continue;
            }
            i = k;
            continue;
        }
        if c[i..].starts_with(&['百', '分', '之']) {
            push(&mut out, Tok::Percent, i, i + 3);
            i += 3;
            continue;
        }
        if han_digit(ch).is_some() || ch == '十' {
            let start = i;
            let mut e = i;
            while e < n && (han_digit(c[e]).is_some() || han_unit(c[e]).is_some()) {
                // `五十两白银`: 两 after a number is the tael, a weight; as a digit it opens a run
                // or stands before a unit (`两千`).
                if c[e] == '两' && e > start && c.get(e + 1).is_none_or(|&u| han_unit(u).is_none()) {
                    break;
                }
                e += 1;
            }
            // Numerals inside a word that is no count (`十分`, very; `万一`, in case); a fraction
            // (`十分之一`) is one.
            if !c[e..].starts_with(&['分', '之']) && crate::core::lexicon::numerals_in_a_word(c, start, e) {
                push(&mut out, Tok::Break, start, e);
                i = e;
                continue;
            }
            // Scale characters inside the run are part of it (`三万` is 3 × 10⁴).
            if let Some((lo, hi)) = parse_han(&c[start..e]) {
                let ordinal = start > 0 && c[start - 1] == '第';
                let about = if about::some_of(c, start) {
                    // 几十, 数百: two to nine tens, hundreds.
                    Some((2.0 * lo, 9.0 * hi, e))
                } else if lo == hi {
                    about::decade(c, e, lo).or_else(|| about::han_suffix(c, e, lo))
                } else {
                    None
                };
                if let Some((lo, hi, end)) = about {
                    push(&mut out, Tok::Num { lo, hi, spelled: true, ordinal, about: true }, start, end);
                    i = end;
                    continue;
                }
                // `十分之一`, `三分之二`: a fraction.
                if lo == hi && lo > 0.0 && c[e..].starts_with(&['分', '之']) {
                    let top = e + 2;
                    let bottom =
                        (top..n).take_while(|&k| han_digit(c[k]).is_some() || han_unit(c[k]).is_some()).count();
                    if let Some((y, _)) = parse_han(&c[top..top + bottom]) {
                        let v = y / lo;
                        push(
                            &mut out,
                            Tok::Num { lo: v, hi: v, spelled: true, ordinal: false, about: false },
                            start,
                            top + bottom,
                        );
                        i = top + bottom;
                        continue;
                    }
                }
                if e < n && c[e] == '成' {
                    // 三成: three tenths.
                    push(
                        &mut out,
                        Tok::Num { lo: lo * 10.0, hi: hi * 10.0, spelled: true, ordinal, about: false },
                        start,
                        e,
                    );
                    push(&mut out, Tok::Percent, e, e + 1);
                    e += 1;
                } else {
                    push(&mut out, Tok::Num { lo, hi, spelled: true, ordinal, about: false }, start, e);
                }
            } else {
                push(&mut out, Tok::Break, start, e.max(start + 1));
            }
            i = e.max(start + 1);
            continue;
        }
        if let Some(unit) = han_unit(ch) {
            // `百分之百`: a hundred per cent, the unit alone.
            if i > 0
                && c[i - 1] == '之'
                && c.get(i + 1).is_none_or(|&n| han_unit(n).is_none() && han_digit(n).is_none())
            {
                push(&mut out, Tok::Num { lo: unit, hi: unit, spelled: true, ordinal: false, about: false }, i, i + 1);
                i += 1;
                continue;
            }
            // 几万, 数千: some ten thousands, thousands.
            if about::some_of(c, i) && out.last().is_none_or(|t| t.chars.1 < i) {
                push(&mut out, Tok::Num { lo: 2.0, hi: 9.0, spelled: true, ordinal: false, about: true }, i - 1, i);
            }
            // 万, 亿, 千 after a number written in digits (`60亿`, `1.5万`); 百万, 千万 too.
            let mut value = unit;
            let mut e = i + 1;
            while e < n
                && let Some(u) = han_unit(c[e])
            {
                value *= u;
                e += 1;
            }
            push(&mut out, Tok::Scale(value), i, e);
            i = e;
            continue;
        }
        if matches!(ch, '%' | '‰') {
            push(&mut out, Tok::Percent, i, i + 1);
            i += 1;
            continue;
        }
        if matches!(ch, '–' | '—' | '~' | '-' | '至' | '到' | '～') {
            push(&mut out, Tok::RangeSep, i, i + 1);
            i += 1;
            continue;
        }
        if is_latin_letter(ch) {
            let start = i;
            let mut e = i;
            while e < n && (is_latin_letter(c[e]) || (c[e] == '-' && e + 1 < n && is_latin_letter(c[e + 1]))) {
                e += 1;
            }
            // Most words are no number word at all: a glance at their first letter and length, else
            // one look-up.
            if !might_be_known(&c[start..e]) {
                // `hundertfünfzig`, `dreihundert`: German writes a number as one word.
                let value = (e - start >= 7).then(|| words::german(&c[start..e])).flatten();
                let tok = value.map_or(Tok::Break, |v| Tok::Num {
                    lo: v,
                    hi: v,
                    spelled: true,
                    ordinal: false,
                    about: false,
                });
                push(&mut out, tok, start, e);
                i = e;
                continue;
            }
            buf.clear();
            buf.extend(c[start..e].iter().flat_map(|c| c.to_lowercase()));
            if buf.split('-').any(|part| known_words().contains(part)) {
                words(&buf, start, &mut out);
            } else {
                push(&mut out, Tok::Break, start, e);
            }
            i = e;
            continue;
        }
        if ch.is_whitespace() || matches!(ch, '$' | '€' | '£' | '¥' | '￥') {
            i += 1;
            continue;
        }
        push(&mut out, Tok::Break, i, i + 1);
        i += 1;
    }
    out
}

/// Digits with grouping and a decimal part, from `start`; the value and where it ends.
fn read_digits(c: &[char], start: usize) -> (f64, usize) {
    let n = c.len();
    let run = |from: usize| (from..n).take_while(|&k| c[k].is_ascii_digit()).count();
    let lead = run(start);
    let mut int: String = c[start..start + lead].iter().collect();
    let mut at = start + lead;
    let mut group_sep = None;
    // Groups of three after a lead of one to three digits: `10 000`, `10,000`, `1.234.567`.
    if lead <= 3 {
        while at + 1 < n && is_group_sep(c[at]) && group_sep.is_none_or(|g| g == c[at]) {
            let digits = run(at + 1);
            if digits != 3 {
                break;
            }
            // `1.5` is a decimal; `1.500` reads as fifteen hundred, as in French and German.
            group_sep = Some(c[at]);
            int.extend(&c[at + 1..at + 4]);
            at += 4;
        }
    }
    let mut value: f64 = int.parse().unwrap_or(0.0);
    if at + 1 < n && matches!(c[at], '.' | ',') && Some(c[at]) != group_sep && c[at + 1].is_ascii_digit() {
        let digits = run(at + 1);
        let frac: String = c[at + 1..at + 1 + digits].iter().collect();
        value = format!("{int}.{frac}").parse().unwrap_or(value);
        at += 1 + digits;
    }
    (value, at)
}

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
    let (mut lo, mut hi, spelled, ordinal, about) = match first.tok {
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
        let Some(Token { tok: Tok::Num { lo: v, spelled: true, ordinal: false, .. }, chars }) = tokens.get(j + skip)
        else {
            break;
        };
        let hanv = han_digit(text[chars.0]).is_some() || text[chars.0] == '十';
        if hanv {
            break;
        }
        if *v == 100.0 && skip == 0 && lo < 100.0 {
            lo = lo.max(1.0) * 100.0;
        } else if *v < last && *v < 100.0 {
            lo += v;
        } else {
            break;
        }
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
    while let Some(Token { tok: Tok::Scale(s), .. }) = tokens.get(j) {
        lo *= s;
        hi *= s;
        scaled = true;
        j += 1;
    }
    let mut percent = false;
    if matches!(tokens.get(j).map(|t| t.tok), Some(Tok::Percent)) {
        percent = true;
        j += 1;
    }
    Some(One { lo, hi, spelled, ordinal, about, scaled, percent, next: j, end: tokens[j - 1].chars.1 })
}

/// Numbers, scales, percent signs and range words into quantities.
fn combine(tokens: &[Token], text: &[char], original: &str) -> Vec<Quantity> {
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
        if matches!(tokens.get(one.next).map(|t| t.tok), Some(Tok::RangeSep))
            && let Some(two) = read_one(tokens, one.next + 1, text)
        {
            // The scale (or percent sign) of the second end applies to the first when it has none.
            let scale = if !one.scaled && two.scaled {
                two.lo / raw_value(tokens, one.next + 1)
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
            }
        }
        let vague = start > 0 && matches!(text[start - 1], '几' | '数');
        // `hundred` alone is mostly an idiom ("a hundred-model war"), not a count.
        let bare_hundred = one.spelled && one.lo == 100.0 && one.hi == 100.0 && one.next == from + 1;
        let weak = both_spelled && (ordinal || vague || (one.hi < 10.0 && !one.scaled && !one.percent));
        // An approximation in words says little when it spans more than a factor of four
        // (`几十`, `dozens`), and under a hundred (`十几年`, `thirty-odd paces`, `in his thirties`)
        // it is a manner of speaking as often as a figure (`over the coming decade`).
        let rough = one.about && (one.hi >= 4.0 * one.lo || one.hi < 100.0);
        // `1．弄堂`, `2) Budget`: a heading's or a list's number, which translations drop or renumber.
        let enumerator = text[..start].iter().all(|c| c.is_whitespace())
            && matches!(text.get(one.end), Some('.' | '．' | '、' | ')' | '）'))
            && one.lo == one.hi
            && one.lo < 1000.0
            && !one.percent;
        let weak = weak || (ordinal && one.hi < 10.0) || vague || bare_hundred || rough || enumerator;
        // `les années 60`: a decade.
        let (lo, hi) = if !one.about && about::annees_before(text, start) && one.lo % 10.0 == 0.0 && one.lo == one.hi {
            (one.lo, one.lo + 9.0)
        } else {
            (one.lo, one.hi)
        };
        let about = one.about || (lo, hi) != (one.lo, one.hi);
        out.push(Quantity {
            lo,
            hi,
            percent: one.percent || percent_first,
            weak,
            about,
            chars: start..one.end,
            text: words_of(start, one.end),
        });
        k = one.next;
    }
    out
}

/// The bare value of the number token at `k`, before any scale.
fn raw_value(tokens: &[Token], k: usize) -> f64 {
    match tokens.get(k).map(|t| t.tok) {
        Some(Tok::Num { lo, .. }) if lo > 0.0 => lo,
        _ => 1.0,
    }
}

/// A plausible year in digits.
fn is_year(v: f64) -> bool {
    v.fract() == 0.0 && (1000.0..=2200.0).contains(&v)
}

#[cfg(test)]
mod tests;
