//! Reading the numbers of a text as values: digits with any grouping, decimals, ranges,
//! percentages, scale words, numbers spelled in French and English, Chinese numerals, ordinals.
//!
//! `10 000`, `10,000` and `一万` all read as 10000; `six ou sept milliards` and `六七十亿` as the
//! range 6–7 × 10⁹; `15 %`, `15 per cent` and `百分之十五` as 15 (a percentage). Digits glued to
//! letters (`GPT-4`, `A100`) are names, not numbers: the names check looks at those; a unit
//! (`7cm`, `3K`) or an ordinal ending (`21st`) keeps a number a number.

use std::ops::Range;

use crate::core::side::Sides;
use crate::core::text::fold_width;
use forms::{clock_time, is_pm_after, is_pm_before, pour_cent, short_year};
use han::{han_digit, han_unit, parse_han};
use words::{known_words, might_be_known, words};

mod about;
mod combine;
mod compare;
mod forms;
mod half;
mod han;
mod measure;
mod regrouped;
mod words;

#[cfg(test)]
use compare::unmatched;
pub(in crate::core::review) use compare::{check_row, flags, one_sided_row};

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
    /// The Chinese character written just before it, if any (`茅` of `茅十八`, a name).
    pub after_han: Option<char>,
    /// A time of day (`五点半`, `eight o'clock`): it may be written on a 12- or a 24-hour clock,
    /// so the other side's hour twelve away is the same time.
    pub clock: bool,
    /// An age counted in `岁` (`十四岁`): Chinese counts a year more than Western ages often do,
    /// so the other side's age may be one less or more.
    pub age: bool,
    /// The unit written after it (`公里`, `miles`): a conversion into another unit matches it.
    pub unit: Option<measure::Unit>,
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

/// Whether two values are the same number (to rounding).
pub(super) fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// The numbers of one paired row that found no match, per side, and the Chinese numbers glued to
/// a character (see [`in_a_word`]) that did.
#[derive(Debug)]
pub(in crate::core::review) struct RowNumbers {
    pub(super) row: usize,
    /// A row of one side only: its numbers are no flag (its text is missing as a whole), but
    /// they answer a neighbouring row's (a verse the alignment left unpaired beside its own).
    pub(super) one_sided: bool,
    pub(super) odd: Sides<Vec<(usize, Quantity)>>,
    pub(super) matched: Sides<Vec<String>>,
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
    let mut chars: Vec<char> = text.chars().map(fold_width).collect();
    // `一九六○年`: the white circle stands for the zero `〇` among Chinese digits.
    for k in 0..chars.len() {
        let digit_beside = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|&c| han_digit(c).is_some());
        if chars[k] == '○' && (digit_beside(k.checked_sub(1)) || digit_beside(Some(k + 1))) {
            chars[k] = '〇';
        }
    }
    // `l966年`, `l3`, `1O`: scanned text where a lower-case L stands for the one, an O for zero.
    let mut k = 0;
    while k < chars.len() {
        let end =
            (k..chars.len()).find(|&e| !is_latin_letter(chars[e]) && !chars[e].is_ascii_digit()).unwrap_or(chars.len());
        if end > k && is_ocr_number(&chars[k..end]) {
            for c in &mut chars[k..end] {
                *c = match *c {
                    'l' => '1',
                    'O' => '0',
                    d => d,
                };
            }
        }
        k = end + 1;
    }
    let tokens = tokenize(&chars);
    let mut found = combine::combine(&tokens, &chars, text);
    half::halves(&mut found, &chars, text);
    half::hour_parts(&mut found, &chars, text);
    found
}

/// A word of digits with a lower-case `l` or, after the first digit, a capital `O` among them
/// (`l966`, `l3`, `19l6`, `1O`, `2O14`): a number a scan misread, the `l` standing for `1` and
/// the `O` for `0` (not `O2`).
pub(super) fn is_ocr_number(word: &[char]) -> bool {
    word.iter().any(|&c| matches!(c, 'l' | 'O'))
        && word.iter().any(char::is_ascii_digit)
        && word.first() != Some(&'O')
        && word.iter().all(|&c| matches!(c, 'l' | 'O') || c.is_ascii_digit())
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
            // `1/3`, `3/4`: a fraction (not `3/89`, an issue and its year, nor a date `1/3/2020`).
            if !glued_before && let Some((fraction, e)) = forms::fraction(c, i, end, value) {
                push(
                    &mut out,
                    Tok::Num { lo: fraction, hi: fraction, spelled: false, ordinal: false, about: false },
                    i,
                    e,
                );
                i = e;
                continue;
            }
            // `1994/1999`: a period of years.
            if !glued_before && let Some((to, e)) = forms::year_span(c, end, value) {
                push(&mut out, Tok::Num { lo: value, hi: to, spelled: false, ordinal: false, about: false }, i, e);
                i = e;
                continue;
            }
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
                // Part of a name such as GPT-4, A100, H20, R5: the digits only confirm a number
                // of the other side (`R5` for `Stand 5`, `28G` for `twenty-eight gigabytes`),
                // the names check looks at the name; the rest of the word is skipped.
                if let Some(t) = out.last_mut().filter(|t| t.chars.1 == i && matches!(t.tok, Tok::Article)) {
                    // `A100`: no article.
                    t.tok = Tok::Break;
                }
                push(&mut out, Tok::Num { lo: value, hi: value, spelled: true, ordinal: true, about: false }, i, end);
                let mut e = k;
                while e < n
                    && (c[e].is_alphanumeric() && !crate::core::text::is_cjk(c[e])
                        || c[e] == '-' && e + 1 < n && c[e + 1].is_alphanumeric())
                {
                    e += 1;
                }
                // (A break even when nothing follows: the name's number joins no other.)
                push(&mut out, Tok::Break, end, e);
                i = e;
                continue;
            }
            // `5点半`, `下午5点`, `17点30分`: a Chinese clock time.
            if k == end
                && let Some((hours, e)) = forms::han_clock(c, i, end, value)
            {
                push(&mut out, Tok::Num { lo: hours, hi: hours, spelled: false, ordinal: false, about: false }, i, e);
                i = e;
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
        // `正午`, noon; `午夜`, `子夜`, midnight: the hour they name, only ever a confirmation.
        if matches!(ch, '正' | '午' | '子')
            && c.get(i + 1).is_some_and(|&d| matches!((ch, d), ('正', '午') | ('午' | '子', '夜')))
        {
            let hour = if ch == '正' { 12.0 } else { 0.0 };
            push(&mut out, Tok::Num { lo: hour, hi: hour, spelled: true, ordinal: true, about: false }, i, i + 2);
            i += 2;
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
            // `五八年`, `六二至六五届`: a year by its last two digits, not "five to eight".
            if let Some(v) = han::short_year(c, start, e) {
                push(&mut out, Tok::Num { lo: v, hi: v, spelled: true, ordinal: false, about: false }, start, e);
                i = e;
                continue;
            }
            // Scale characters inside the run are part of it (`三万` is 3 × 10⁴).
            if let Some((lo, hi)) = parse_han(&c[start..e]) {
                // `下午五点半`: a clock time, a figure however it is written.
                if lo == hi
                    && let Some((hours, end)) = forms::han_clock(c, start, e, lo)
                {
                    push(
                        &mut out,
                        Tok::Num { lo: hours, hi: hours, spelled: false, ordinal: false, about: false },
                        start,
                        end,
                    );
                    i = end;
                    continue;
                }
                let ordinal = start > 0 && c[start - 1] == '第';
                let about = if about::some_of(c, start) {
                    // 几十, 数百: two to nine tens, hundreds.
                    Some((2.0 * lo, 9.0 * hi, e))
                } else if lo == hi && (100.0..=209.0).contains(&lo) && c.get(e) == Some(&'几') && e - start == 3 {
                    // 一九六几年: a year of the sixties, its last digit unsaid.
                    Some((lo * 10.0, lo * 10.0 + 9.0, e + 1))
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
                    // `十一二岁`, `二三百人`, `六七十亿`: eleven or twelve, two or three hundred, an
                    // approximation like `ten or eleven`.
                    push(&mut out, Tok::Num { lo, hi, spelled: true, ordinal, about: lo < hi }, start, e);
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
            if about::some_of(c, i)
                && !matches!(out.last(), Some(Token { tok: Tok::Num { .. }, chars }) if chars.1 >= i)
            {
                // `几` was read as a break: it is the count's now.
                if let Some(t) = out.last_mut().filter(|t| matches!(t.tok, Tok::Break) && t.chars.1 == i) {
                    if t.chars.0 + 1 == i {
                        out.pop();
                    } else {
                        t.chars.1 = i - 1;
                    }
                }
                push(&mut out, Tok::Num { lo: 2.0, hi: 9.0, spelled: true, ordinal: false, about: true }, i - 1, i);
            }
            // 万, 亿, 千 after a number written in digits (`60亿`, `1.5万`); 百万, 千万 too.
            let mut value = unit;
            let mut e = i + 1;
            // 百万, 千万, 万亿: a larger unit multiplies; `百十` (a hundred or so) is no thousand.
            while e < n
                && let Some(u) = han_unit(c[e])
                && u > value
            {
                value *= u;
                e += 1;
            }
            let after_number = out.last().is_some_and(|t| {
                matches!(t.tok, Tok::Num { .. } | Tok::Article) && c[t.chars.1..i].iter().all(|c| c.is_whitespace())
            });
            let before = if i > 0 { c[i - 1] } else { ' ' };
            let tok = if after_number || matches!(before, '几' | '数') {
                Tok::Scale(value)
            } else if crate::core::lexicon::numerals_in_a_word(c, i, e) {
                // 百姓, the common people; 千万, by all means.
                Tok::Break
            } else if before == '半' && value == 100.0 {
                // 年过半百: past half a hundred, fifty.
                push(&mut out, Tok::Num { lo: 50.0, hi: 50.0, spelled: true, ordinal: false, about: false }, i - 1, e);
                i = e;
                continue;
            } else if before == '上' {
                // 上百名员工: a hundred and more.
                let tok = Tok::Num { lo: value, hi: 2.0 * value, spelled: true, ordinal: false, about: true };
                push(&mut out, tok, i - 1, e);
                i = e;
                continue;
            } else {
                // 长命百岁, 万夫莫开: a hundred, ten thousand, inside a word; read as a number
                // that confirms the other side's (`a hundred years`) and is never shown alone.
                Tok::Num { lo: value, hi: value, spelled: true, ordinal: false, about: false }
            };
            push(&mut out, tok, i, e);
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
            // `XXIe siècle`, `XIXth`: a Roman numeral with an ordinal ending.
            if let Some(v) = forms::roman_ordinal(&c[start..e]) {
                push(&mut out, Tok::Num { lo: v, hi: v, spelled: false, ordinal: true, about: false }, start, e);
                i = e;
                continue;
            }
            // `titre II`, `recommandations I et II`: a Roman numeral numbering a part.
            if let Some(v) = forms::roman_part(c, start, e, &out) {
                push(&mut out, Tok::Num { lo: v, hi: v, spelled: false, ordinal: false, about: false }, start, e);
                i = e;
                continue;
            }
            if !might_be_known(&c[start..e]) {
                // `hundertfünfzig`, `dreihundert`: German writes a number as one word.
                let value = (e - start >= 7)
                    .then(|| words::german(&c[start..e]))
                    .flatten()
                    .or_else(|| {
                        words::glued_tens(&c[start..e].iter().flat_map(|c| c.to_lowercase()).collect::<String>())
                    })
                    .map(|v| (v, v))
                    .or_else(|| (e - start >= 6).then(|| words::german_glued(&c[start..e])).flatten());
                let tok = value.map_or(Tok::Break, |(lo, hi)| Tok::Num {
                    lo,
                    hi,
                    spelled: true,
                    ordinal: false,
                    about: lo != hi,
                });
                push(&mut out, tok, start, e);
                i = e;
                continue;
            }
            buf.clear();
            buf.extend(c[start..e].iter().flat_map(|c| c.to_lowercase()));
            if buf.split('-').any(|part| known_words().contains(part)) {
                let after_english = out.last().is_some_and(|t| {
                    matches!(t.tok, Tok::Num { spelled: true, .. })
                        && words::english_only(
                            &c[t.chars.0..t.chars.1].iter().flat_map(|c| c.to_lowercase()).collect::<String>(),
                        )
                });
                words(&buf, start, &mut out, after_english);
            } else if let Some(v) = words::glued_tens(&buf) {
                push(&mut out, Tok::Num { lo: v, hi: v, spelled: true, ordinal: false, about: false }, start, e);
            } else if let Some((lo, hi)) = words::german_glued(&c[start..e]) {
                push(&mut out, Tok::Num { lo, hi, spelled: true, ordinal: false, about: lo != hi }, start, e);
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

/// A plausible year in digits.
fn is_year(v: f64) -> bool {
    v.fract() == 0.0 && (1000.0..=2200.0).contains(&v)
}

#[cfg(test)]
mod tests;
