//! Whether the numbers of a row's two sides match: each value of one side found on the other,
//! a season by either of its years, an approximation by any value it covers.

use std::ops::Range;

use super::{Quantity, RowNumbers, about, is_year, read, same};
use crate::core::document::Pair;
use crate::core::review;
use crate::core::side::{Side, Sides};

/// The numbers of one side of a row, with the turn each is in.
fn side_quantities(pair: &Pair, side: Side, turns: &Range<usize>) -> Vec<(usize, Quantity)> {
    let doc = pair.doc(side);
    turns.clone().flat_map(|t| read(&doc.turns.turns[t].text).into_iter().map(move |q| (t, q))).collect()
}

/// Ranges, sorted by their start, with the furthest end reached so far: whether any overlaps a
/// range is one binary search, however many there are.
struct Covers {
    starts: Vec<f64>,
    furthest: Vec<f64>,
}

impl Covers {
    fn of(ranges: impl Iterator<Item = (f64, f64)>) -> Covers {
        let mut ranges: Vec<(f64, f64)> = ranges.collect();
        ranges.sort_unstable_by(|x, y| x.0.total_cmp(&y.0));
        let starts = ranges.iter().map(|r| r.0).collect();
        let furthest = ranges
            .iter()
            .scan(f64::NEG_INFINITY, |m, r| {
                *m = m.max(r.1);
                Some(*m)
            })
            .collect();
        Covers { starts, furthest }
    }

    /// Whether some range meets `a..=b`.
    fn overlaps(&self, a: f64, b: f64) -> bool {
        let k = self.starts.partition_point(|&s| s <= b);
        k > 0 && self.furthest[k - 1] >= a
    }
}

/// A number of one side is matched when each of its ends is an end of a number of the other; two
/// years in a row (`1996-1997`, a season or a fiscal year) also by either year alone (`'97`). An
/// approximation matches any value of the other side inside what it covers, and covers values
/// of the other side that lie inside it.
pub(super) fn unmatched<'a>(mine: &'a [(usize, Quantity)], theirs: &[(usize, Quantity)]) -> Vec<&'a (usize, Quantity)> {
    // The values the other side gives; an approximation's ends are no values but bounds.
    let mut ends: Vec<f64> = theirs.iter().filter(|(_, q)| !q.about).flat_map(|(_, q)| q.ends()).collect();
    ends.sort_unstable_by(f64::total_cmp);
    // What the other side's approximations cover; a loose one (`dozens`, `des centaines de
    // millions`) only another approximation, never a figure (`600 million`).
    let spans_of = |loose_too: bool| {
        Covers::of(
            theirs
                .iter()
                .filter(|(_, q)| q.about && (loose_too || !q.loose()))
                .flat_map(|(_, q)| about::spans(q.lo, q.hi)),
        )
    };
    let (firm, all) = (spans_of(false), spans_of(true));
    // Sorted, so each end looks only near itself (a turn of megabytes has 100,000s of numbers).
    let found = |e: f64| {
        let reach = 2e-6 * e.abs().max(1.0);
        let from = ends.partition_point(|&o| o < e - reach);
        ends[from..].iter().take_while(|&&o| o <= e + reach).any(|&o| same(e, o))
    };
    let any_inside = |(a, b): (f64, f64)| {
        let from = ends.partition_point(|&o| o < a);
        ends.get(from).is_some_and(|&o| o <= b) || firm.overlaps(a, b)
    };
    let covered = |e: f64| firm.overlaps(e, e);
    // An age in `岁` on either side meets the other's one year off (`十四岁`, "his fifteenth year").
    // (Each of these looks things up sorted: a turn of megabytes holds 100,000s of numbers.)
    let their_ages = Covers::of(theirs.iter().filter(|(_, q)| q.age).map(|(_, q)| (q.lo - 1.0, q.lo + 1.0)));
    // `五八年`, `六二至六五届`: a year said by its last two digits, one Chinese digit each.
    let their_short = Covers::of(
        theirs
            .iter()
            .filter(|(_, q)| digit_by_digit(q))
            .flat_map(|(_, q)| q.ends())
            .filter(|&e| e < 100.0)
            .map(|e| (e, e)),
    );
    let short_year = |q: &Quantity| {
        if digit_by_digit(q) {
            q.ends().iter().all(|&e| e < 100.0 && (found(1900.0 + e) || found(2000.0 + e)))
        } else {
            q.ends().iter().all(|&e| is_year(e) && their_short.overlaps(e % 100.0, e % 100.0))
        }
    };
    // `晚上八点` (20 h) for "at eight o'clock": a clock of twelve hours against one of 24.
    let half_day = |q: &Quantity| q.clock && q.lo == q.hi && (found(q.lo - 12.0) || found(q.lo + 12.0));
    let year_off = |q: &Quantity| {
        q.lo == q.hi
            && q.lo < 130.0
            && ((q.age && (found(q.lo - 1.0) || found(q.lo + 1.0))) || their_ages.overlaps(q.lo, q.lo))
    };
    let season = |q: &Quantity| is_year(q.lo) && q.hi == q.lo + 1.0 && (found(q.lo) || found(q.hi));
    // `ten paces`, `a hundred or two years`, `a thousand taels` for `几十步`, `几百年`, `几千两`: a
    // round number in words is as vague as "some tens", and one of them is what it says.
    let some_of = Covers::of(theirs.iter().filter(|(_, o)| o.about).map(|(_, o)| (o.lo / 2.0, o.hi)));
    let vague_round = |q: &Quantity| {
        q.lo == q.hi
            && [10.0, 100.0, 1e3, 1e4, 1e5, 1e6].contains(&q.lo)
            && !q.text.chars().any(|c| c.is_ascii_digit())
            && some_of.overlaps(q.lo, q.lo)
    };
    // `二十公里` for "twelve miles": a measure converted into another unit, rounded.
    let converted = |q: &Quantity| {
        q.unit.is_some_and(|mine| {
            theirs.iter().any(|(_, o)| o.unit.is_some_and(|u| super::measure::converts(q.lo, mine, o.lo, u)))
        })
    };
    let matched = |q: &Quantity| {
        if q.loose() {
            // A loose approximation is matched only by another approximation.
            about::spans(q.lo, q.hi).into_iter().any(|(a, b)| all.overlaps(a, b))
        } else if q.about {
            about::spans(q.lo, q.hi).into_iter().any(any_inside)
        } else {
            q.ends().iter().all(|&e| found(e) || covered(e))
                || season(q)
                || year_off(q)
                || vague_round(q)
                || half_day(q)
                || short_year(q)
                || converted(q)
        }
    };
    mine.iter().filter(|(_, q)| !matched(q)).collect()
}

/// The numbers of a paired row that do not match, and those in a word that do (`None` when
/// there is neither).
/// Weak numbers (`un`, `first`, `一`) confirm the other side's but are never shown alone.
pub(in crate::core::review) fn check_row(pair: &Pair, row: usize) -> Option<RowNumbers> {
    let link = &pair.alignment.links[row];
    let q = Sides::from_fn(|side| side_quantities(pair, side, link.turns(side)));
    if q.left.is_empty() && q.right.is_empty() {
        return None;
    }
    let mut odd = Sides::new(unmatched(&q.left, &q.right), unmatched(&q.right, &q.left));
    super::regrouped::drop_digit_groups(&mut odd);
    super::regrouped::drop_spoken_clocks(&mut odd);
    // The unmatched come in the side's order: one walk tells the matched ones.
    let matched = Sides::from_fn(|side: Side| {
        let mut next = odd[side].iter().peekable();
        q[side]
            .iter()
            .filter(|m| {
                let unmatched = next.peek().is_some_and(|o| std::ptr::eq(**o, *m));
                if unmatched {
                    next.next();
                }
                !unmatched
            })
            .filter_map(|(_, q)| in_a_word(q))
            .collect::<Vec<_>>()
    });
    let strong = |v: &[&(usize, Quantity)]| v.iter().filter(|(_, q)| !q.weak).map(|&x| x.clone()).collect::<Vec<_>>();
    let mut odd = Sides::new(strong(&odd.left), strong(&odd.right));
    if short_year_of(&odd.left, &odd.right) || short_year_of(&odd.right, &odd.left) {
        odd = Sides::default();
    }
    let keep = !odd.left.is_empty() || !odd.right.is_empty() || !matched.left.is_empty() || !matched.right.is_empty();
    keep.then_some(RowNumbers { row, one_sided: false, odd, matched })
}

/// The numbers of a row of one side only, to answer its neighbours' (see [`RowNumbers`]).
pub(in crate::core::review) fn one_sided_row(pair: &Pair, row: usize) -> Option<RowNumbers> {
    let link = &pair.alignment.links[row];
    let odd = Sides::from_fn(|side| {
        side_quantities(pair, side, link.turns(side)).into_iter().filter(|(_, q)| !q.weak).collect::<Vec<_>>()
    });
    (!odd.left.is_empty() || !odd.right.is_empty()).then_some(RowNumbers {
        row,
        one_sided: true,
        odd,
        matched: Sides::default(),
    })
}

/// Chinese digits read one by one (`六二`, `五八`, `六二至六五`), as years are said: no `十`.
fn digit_by_digit(q: &Quantity) -> bool {
    if q.about || q.lo < 10.0 {
        // `三五个人`: three to five.
        return false;
    }
    let mut digits = 0;
    for c in q.text.chars() {
        match c {
            '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' => digits += 1,
            '至' | '到' | '-' | '–' => {}
            _ => return false,
        }
    }
    digits >= 2
}

/// `la saison 77` for `die Saison 1977`: the one number left on each side of a row, a year and
/// its last two digits written bare.
fn short_year_of(year: &[(usize, Quantity)], short: &[(usize, Quantity)]) -> bool {
    let ([(_, y)], [(_, s)]) = (year, short) else { return false };
    is_year(y.lo) && y.lo == y.hi && s.lo == s.hi && s.lo < 100.0 && s.lo.fract() == 0.0 && y.lo % 100.0 == s.lo
}

/// A Chinese number glued to the character before it, as written with that character (`茅十八`),
/// or a number glued to its unit (`3K`, the cosmic background): what tells a name or a term that
/// holds a numeral from a figure. `None` for any other number.
fn in_a_word(q: &Quantity) -> Option<String> {
    let with_unit = q.text.ends_with(|c: char| c.is_alphabetic() && !crate::core::text::is_cjk(c))
        && q.text.starts_with(|c: char| c.is_ascii_digit());
    if with_unit {
        return Some(q.text.clone());
    }
    q.after_han.map(|c| format!("{c}{}", q.text))
}

/// How many rows of the pair leave a number written with the same character before it unmatched
/// before it says nothing of an error: `茅十八` (a name, Whiskers Mao) unmatched in row after row,
/// and matched in few (`Mao Eighteen`, at times), is no figure the translation got wrong. It
/// takes this many unmatched rows, and this many times as many as matched ones.
const RECURRING: usize = 3;

/// The flags of the rows' unmatched numbers, after two looks at the whole pair: a number left
/// unmatched in a row and the same value left unmatched on the other side of the row before or
/// after is a sentence the alignment put one row off, not a wrong number (both are dropped); and
/// a Chinese number glued to the same character and unmatched in [`RECURRING`] rows or more,
/// mostly unmatched, is part of a name.
pub(in crate::core::review) fn flags(pair: &Pair, mut rows: Vec<RowNumbers>) -> Vec<review::Flag> {
    use std::collections::HashMap;
    rows.sort_by_key(|r| r.row);
    // One row off: the first unmatched value of the other side equal to it, in the next row.
    for k in 1..rows.len() {
        if rows[k].row != rows[k - 1].row + 1 {
            continue;
        }
        let (before, after) = rows.split_at_mut(k);
        let (a, b) = (&mut before[k - 1].odd, &mut after[0].odd);
        for side in [Side::Left, Side::Right] {
            let other = side.other();
            a[side].retain(|(_, q)| {
                let equal = |(_, o): &(usize, Quantity)| same(o.lo, q.lo) && same(o.hi, q.hi) && o.percent == q.percent;
                match b[other].iter().position(equal) {
                    Some(at) => {
                        b[other].remove(at);
                        false
                    }
                    None => true,
                }
            });
        }
    }
    super::regrouped::moved_a_few_rows(pair, &mut rows);
    // Numbers in a word, unmatched in many rows and matched in few.
    let mut count: Sides<HashMap<String, (usize, usize)>> = Sides::default();
    for r in &rows {
        for side in [Side::Left, Side::Right] {
            let mut seen = std::collections::HashSet::new();
            for key in r.odd[side].iter().filter_map(|(_, q)| in_a_word(q)) {
                if seen.insert(key.clone()) {
                    count[side].entry(key).or_default().0 += 1;
                }
            }
            for key in &r.matched[side] {
                count[side].entry(key.clone()).or_default().1 += 1;
            }
        }
    }
    let recurring = |side: Side, q: &Quantity| {
        in_a_word(q)
            .and_then(|k| count[side].get(&k))
            .is_some_and(|&(odd, fine)| odd >= RECURRING && odd >= RECURRING * fine)
    };
    rows.into_iter()
        .filter_map(|mut r: RowNumbers| {
            for side in [Side::Left, Side::Right] {
                r.odd[side].retain(|(_, q)| !recurring(side, q));
            }
            flag(pair, r)
        })
        .collect()
}

/// The flag of a row's unmatched numbers, if any are left.
fn flag(pair: &Pair, r: RowNumbers) -> Option<review::Flag> {
    use review::Span;
    let odd = r.odd;
    if r.one_sided || (odd.left.is_empty() && odd.right.is_empty()) {
        return None;
    }
    let spans = Sides::from_fn(|side: Side| {
        odd[side]
            .iter()
            .map(|(t, q)| Span { turn: *t, chars: q.chars.clone(), text: q.text.clone() })
            .collect::<Vec<_>>()
    });
    let say = |side: Side| spans[side].iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(", ");
    let message = match (spans.left.is_empty(), spans.right.is_empty()) {
        (false, false) => format!("{} ≠ {}", say(Side::Left), say(Side::Right)),
        (false, true) => format!("{}: not on the right", say(Side::Left)),
        _ => format!("{}: not on the left", say(Side::Right)),
    };
    Some(review::flag_at(pair, review::FlagKind::Numbers, r.row, spans, message))
}

#[cfg(test)]
mod tests {
    use crate::core::alignment::Link;
    use crate::core::document::{Document, Pair};
    use crate::core::review::{self, FlagKind};

    /// A pair of one paragraph a line, aligned line to line (the links given, not the aligner's).
    fn pair(left: &[&str], right: &[&str]) -> Pair {
        let doc = |name: &str, lines: &[&str]| Document::from_text(name, &lines.join("\n\n"), "UTF-8", 0);
        let mut pair = Pair::new(doc("zh.txt", left), doc("en.txt", right));
        std::sync::Arc::make_mut(&mut pair.alignment).links =
            (0..left.len()).map(|k| Link::auto(k..k + 1, k..k + 1, 0.9)).collect();
        pair
    }

    fn number_flags(pair: &Pair) -> Vec<String> {
        review::check(pair).into_iter().filter(|f| f.kind == FlagKind::Numbers).map(|f| f.message).collect()
    }

    #[test]
    fn a_number_one_row_off_is_the_alignment_not_the_figure() {
        // The translator moved the age into the next sentence; the rows follow the sentences.
        let p = pair(
            &["她认识其中一位，今年二十六岁。", "大家叫他老派，是开玩笑。"],
            &["She knew one of them.", "He was twenty-six, and they called him old-fashioned in jest."],
        );
        assert_eq!(number_flags(&p), Vec::<String>::new());
        // A wrong figure next door is still wrong.
        let p = pair(
            &["她认识其中一位，今年二十六岁。", "大家叫他老派，是开玩笑。"],
            &["She knew one of them.", "He was twenty-seven, and they called him old-fashioned in jest."],
        );
        assert_eq!(number_flags(&p).len(), 2, "{:?}", number_flags(&p));
    }

    #[test]
    fn a_number_in_a_neighbouring_row_of_one_side_is_no_flag() {
        // The Chinese verse holds what the English says in two; the alignment left the second
        // English verse unpaired beside the first.
        let mut p =
            pair(&["流便子孙被数的，共有四万六千五百名。"], &["Of the children of Reuben, by their generations;"]);
        let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
        p = Pair::new(
            p.docs.left.as_ref().clone(),
            doc(
                "en.txt",
                "Of the children of Reuben, by their generations;\n\nThose numbered were forty and six thousand and five hundred.",
            ),
        );
        std::sync::Arc::make_mut(&mut p.alignment).links =
            vec![Link::auto(0..1, 0..1, 0.9), Link::auto(1..1, 1..2, 0.1)];
        assert_eq!(number_flags(&p), Vec::<String>::new());
    }

    #[test]
    fn a_measure_the_translation_always_renders_in_words_is_a_term() {
        // `3K`, the cosmic background, which the translation calls by its name each time.
        let left = ["背景辐射是3K。", "那个3K让他不安。", "他又想到3K。", "温度是7cm处的3K。"];
        let right = [
            "The background radiation.",
            "That radiation troubled him.",
            "He thought of it again.",
            "The radiation at 7cm.",
        ];
        assert_eq!(number_flags(&pair(&left, &right)), Vec::<String>::new());
        assert_eq!(number_flags(&pair(&left[..2], &right[..2])).len(), 2, "twice is no term yet");
    }

    #[test]
    fn a_passage_moved_a_few_rows_keeps_its_number() {
        // A yearbook's photo caption, which each edition's layout put elsewhere.
        let left = [
            "Wir stiegen früh auf. Im weiten Dach der Route Fusion (10-).",
            "Der Fels war kalt.",
            "Dann kam die Sonne.",
            "Wir erreichten den Gipfel.",
        ];
        let right = [
            "Nous sommes montés tôt.",
            "Le rocher était froid.",
            "Puis le soleil est venu.",
            "Dans le grand toit de la route Fusion (10). Nous avons atteint le sommet.",
        ];
        assert_eq!(number_flags(&pair(&left, &right)), Vec::<String>::new());
        // The same figure in an unrelated sentence a few rows on is no counterpart.
        let right = [
            "Nous sommes montés tôt.",
            "Le rocher était froid.",
            "Puis le soleil est venu.",
            "Nous avons atteint le sommet après 10 heures de marche.",
        ];
        assert_eq!(number_flags(&pair(&left, &right)).len(), 2);
    }

    #[test]
    fn a_clock_time_said_as_its_hour_and_minutes() {
        let p = pair(&["上午九点半到中餐馆排队等吃饭。"], &["I get in line at nine thirty every morning."]);
        assert_eq!(number_flags(&p), Vec::<String>::new());
        let p = pair(&["上午九点半到。"], &["Il arrive à neuf heures trente."]);
        assert_eq!(number_flags(&p), Vec::<String>::new());
        let p = pair(&["上午九点半到中餐馆排队等吃饭。"], &["I get in line at nine forty every morning."]);
        assert_eq!(number_flags(&p).len(), 1, "{:?}", number_flags(&p));
    }

    #[test]
    fn a_number_in_other_groups_of_digits() {
        // A yearbook's imprint: telephone numbers whole in German, in pairs in French (the
        // French in two paragraphs, one row).
        let mut p = pair(
            &["Telefon 031/433611 , Telefon 039/26 7364 ."],
            &["téléphone 031/43 36 11 ,\n\ntéléphone 039/26 73 64 ."],
        );
        std::sync::Arc::make_mut(&mut p.alignment).links = vec![Link::auto(0..1, 0..2, 0.9)];
        assert_eq!(number_flags(&p), Vec::<String>::new());
        // A climb's approach: the hours and minutes named in German, `h` alone in French.
        let p = pair(&["Aufstieg in 1 Std. 30 Min. zur Hütte."], &["Montée au refuge en 1 h 30."]);
        assert_eq!(number_flags(&p), Vec::<String>::new());
        // A digit changed is still a digit changed.
        let p = pair(&["Telefon 031/433611 ."], &["téléphone 031/43 36 12 ."]);
        assert_eq!(number_flags(&p).len(), 1, "{:?}", number_flags(&p));
        let p = pair(&["Aufstieg in 1 Std. 30 Min. zur Hütte."], &["Montée au refuge en 1 h 40."]);
        assert_eq!(number_flags(&p).len(), 1, "{:?}", number_flags(&p));
    }

    #[test]
    fn a_year_written_with_its_last_two_digits_alone() {
        let p = pair(
            &["Zum Abschluss der Saison 1977 wollte ich den Grat begehen."],
            &["Pour finir la saison 77, je voulais parcourir l'arête."],
        );
        assert_eq!(number_flags(&p), Vec::<String>::new());
        let p = pair(
            &["Zum Abschluss der Saison 1977 wollte ich den Grat begehen."],
            &["Pour finir la saison 78, je voulais parcourir l'arête."],
        );
        assert_eq!(number_flags(&p), ["1977 ≠ 78"]);
    }

    #[test]
    fn a_name_holding_a_numeral_is_no_figure_in_row_after_row() {
        // 王十三, a nickname the translation renders as "Lucky".
        let left = ["王十三来了。", "王十三笑了。", "我问王十三。", "王十三 said nothing.", "他买了十三个苹果。"];
        let right =
            ["Lucky came.", "Lucky laughed.", "I asked Lucky.", "Lucky said nothing.", "He bought thirteen apples."];
        assert_eq!(number_flags(&pair(&left, &right)), Vec::<String>::new());
        // Twice is not yet a name: both rows are flagged.
        assert_eq!(number_flags(&pair(&left[..2], &right[..2])).len(), 2);
        // A figure after changing characters is a figure each time.
        let left = ["有十三人来了。", "又来十三人。", "共十三人。"];
        let right = ["Twelve came.", "Twelve more came.", "Twelve in all."];
        assert_eq!(number_flags(&pair(&left, &right)).len(), 3);
    }
}
