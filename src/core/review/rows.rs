//! Checks on whole rows: text on one side only, a length far from what the pair shows elsewhere,
//! a turn left untranslated, speakers that contradict the pair's speaker mapping.

use super::{Flag, FlagKind, flag_at};
use crate::core::document::Pair;
use crate::core::search::fold_text;
use crate::core::side::{Side, Sides};
use crate::core::text::is_alnum;
use crate::core::text::{content_len, is_cjk};
use crate::core::turns::TurnKind;

/// Characters, and a weighted length: a CJK character says about as much as two Latin letters
/// and a half; spaces count for nothing.
fn size(text: &str) -> (usize, f32) {
    let (mut chars, mut weight) = (0usize, 0.0f32);
    for c in text.chars() {
        chars += 1;
        if c.is_ascii() {
            weight += if c.is_ascii_whitespace() { 0.0 } else { 1.0 };
        } else if is_cjk(c) {
            weight += 2.5;
        } else if !c.is_whitespace() {
            weight += 1.0;
        }
    }
    (chars, weight)
}

/// What the pair shows of itself, to judge one row against the rest.
pub(super) struct Stats {
    /// Median and spread (median absolute deviation) of the log length ratio of paired rows.
    median: f32,
    spread: f32,
    /// Most paired rows are the same text on both sides: two versions in one language, where
    /// "untranslated" means nothing.
    same_language: bool,
    /// The paired rows that are copies, sorted.
    copies: Vec<usize>,
    /// Per row: the log length ratio and the longer side's weight (paired rows only).
    rows: Vec<(f32, f32)>,
}

fn row_text(pair: &Pair, row: usize, side: Side) -> String {
    let doc = pair.doc(side);
    let link = &pair.alignment.links[row];
    link.turns(side).clone().map(|t| doc.turns.turns[t].text.as_str()).collect::<Vec<_>>().join("\n")
}

fn log_ratio(l: f32, r: f32) -> f32 {
    ((r + 20.0) / (l + 20.0)).ln()
}

impl Stats {
    pub(super) fn of(pair: &Pair) -> Stats {
        let mut ratios = Vec::new();
        let mut paired = 0usize;
        let mut copies = Vec::new();
        let mut rows = vec![(0.0, 0.0); pair.alignment.links.len()];
        // Per turn, once: characters and weight.
        let measure =
            |side: Side| -> Vec<(usize, f32)> { pair.doc(side).turns.turns.iter().map(|t| size(&t.text)).collect() };
        let sizes = Sides::from_fn(measure);
        for (row, link) in pair.alignment.links.iter().enumerate() {
            if !link.is_paired() {
                continue;
            }
            paired += 1;
            let sum = |side: Side| {
                link.turns(side)
                    .clone()
                    .fold((0usize, 0.0f32), |(n, w), t| (n + sizes[side][t].0, w + sizes[side][t].1))
            };
            let ((nl, wl), (nr, wr)) = (sum(Side::Left), sum(Side::Right));
            // Far apart in length: no copy, decided without reading the text again.
            if nl.min(nr) * 10 >= nl.max(nr) * 7
                && near_copy(&row_text(pair, row, Side::Left), &row_text(pair, row, Side::Right))
            {
                copies.push(row);
            }
            let x = log_ratio(wl, wr);
            rows[row] = (x, wl.max(wr));
            ratios.push(x);
        }
        let same = copies.len();
        let median = |v: &mut Vec<f32>| -> f32 {
            if v.is_empty() {
                return 0.0;
            }
            v.sort_by(f32::total_cmp);
            v[v.len() / 2]
        };
        let m = median(&mut ratios);
        let mut dev: Vec<f32> = ratios.iter().map(|x| (x - m).abs()).collect();
        let spread = median(&mut dev).max(0.1);
        Stats { median: m, spread, same_language: paired >= 4 && same * 2 > paired, copies, rows }
    }
}

/// Text that a translation would change: two lower-case words of four letters or more, and a
/// function word of the languages Tandem reads. A
/// byline (`Michel Piola, Vernier`), a name, a place (`Willy Auf der Maur, Seewen (SZ)`) is
/// written the same in both languages.
fn is_prose(text: &str) -> bool {
    let words = || text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty());
    text.chars().filter(|&c| is_cjk(c)).nth(3).is_some()
        || words().filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_lowercase)).nth(1).is_some()
            // A sentence of a language Tandem reads holds a function word; a motto in Latin
            // (`Vivant amici montium !`), kept as it is by both sides, holds none.
            && words().any(crate::core::lexicon::is_stop_word)
}

/// The same text on both sides, or nearly: letters and digits compared, case and accents aside.
fn near_copy(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> Vec<char> { fold_text(s).into_iter().filter(|&c| is_alnum(c)).collect() };
    let (x, y) = (fold(a), fold(b));
    let (short, long) = (x.len().min(y.len()), x.len().max(y.len()));
    // A translation into another script, or of another length, is no copy: decided at once.
    if short < 12 || short * 10 < long * 8 {
        return false;
    }
    if x == y {
        return true;
    }
    // Character bigrams in common (Dice), as sorted numbers.
    let grams = |v: &[char]| -> Vec<u64> {
        let mut g: Vec<u64> = v.windows(2).map(|w| ((w[0] as u64) << 32) | w[1] as u64).collect();
        g.sort_unstable();
        g
    };
    let (gx, gy) = (grams(&x), grams(&y));
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < gx.len() && j < gy.len() {
        match gx[i].cmp(&gy[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f32 / (gx.len() + gy.len()) as f32 >= 0.9
}

/// Text on one side only, in a run of one-sided rows: left out of the translation (`missing`)
/// or added to it (`added`). One flag per side, at the run's first row of that side.
pub(super) fn check_one_sided(pair: &Pair, rows: std::ops::Range<usize>) -> Vec<Flag> {
    let links = &pair.alignment.links;
    let mut out = Vec::new();
    for side in Side::BOTH {
        let mine: Vec<usize> = rows.clone().filter(|&r| links[r].only_side() == Some(side)).collect();
        let doc = pair.doc(side);
        let turns: Vec<usize> = mine.iter().flat_map(|&r| links[r].turns(side).clone()).collect();
        let text: usize = turns.iter().map(|&t| content_len(&doc.turns.turns[t].text)).sum();
        let (Some(&first), Some(&last)) = (mine.first(), mine.last()) else { continue };
        if text < 2 {
            continue;
        }
        let (kind, where_) = match side {
            Side::Left => (FlagKind::Missing, "only on the left: not in the right text"),
            Side::Right => (FlagKind::Added, "only on the right: not in the left text"),
        };
        let what = match turns.as_slice() {
            [t] => {
                let turn = &doc.turns.turns[*t];
                match turn.kind {
                    TurnKind::Heading => "A heading".to_string(),
                    TurnKind::Narration => "A paragraph".to_string(),
                    TurnKind::Speech => {
                        doc.turns.speaker_name(turn).map_or("A turn".into(), |s| format!("A turn of {s}"))
                    }
                }
            }
            many => format!("{} turns", many.len()),
        };
        let mut flag = flag_at(pair, kind, first, Sides::default(), format!("{what} {where_}"));
        let lines = &doc.turns.turns;
        let (a, b) = (links[first].turns(side).start, links[last].turns(side).end - 1);
        flag.lines[side] = Some((lines[a].first_line, lines[b].last_line));
        out.push(flag);
    }
    out
}

/// A paired row: its length, a copy left untranslated, its speakers.
pub(super) fn check_paired(pair: &Pair, row: usize, stats: &Stats) -> Vec<Flag> {
    let mut out = Vec::new();
    let (ratio, longer) = stats.rows[row];
    if !stats.same_language && stats.copies.binary_search(&row).is_ok() && is_prose(&row_text(pair, row, Side::Left)) {
        out.push(flag_at(
            pair,
            FlagKind::Untranslated,
            row,
            Sides::default(),
            "The same text on both sides: left untranslated?".into(),
        ));
    }
    let x = ratio - stats.median;
    // Far outside what the pair shows elsewhere, on a row long enough for length to mean something.
    if x.abs() > (4.0 * stats.spread).max(0.9) && longer >= 120.0 {
        let factor = x.abs().exp();
        let message = if x < 0.0 {
            format!("The right side is {factor:.1}× shorter than this pair's rows usually are: shortened?")
        } else {
            format!("The left side is {factor:.1}× shorter than this pair's rows usually are: shortened?")
        };
        out.push(flag_at(pair, FlagKind::Length, row, Sides::default(), message));
    }
    out.extend(check_speakers(pair, row));
    out
}

/// One speech facing another whose speaker plays a different role in the rest of the pair.
fn check_speakers(pair: &Pair, row: usize) -> Option<Flag> {
    let link = &pair.alignment.links[row];
    if link.left.len() != 1 || link.right.len() != 1 {
        return None;
    }
    let (lt, rt) = (&pair.docs.left.turns, &pair.docs.right.turns);
    let (a, b) = (&lt.turns[link.left.start], &rt.turns[link.right.start]);
    let (Some(sa), Some(sb)) = (a.speaker, b.speaker) else { return None };
    let expected = (*pair.alignment.speaker_map.get(sa)?)?;
    if expected == sb {
        return None;
    }
    let message = format!(
        "{} faces {}, where elsewhere {} faces {}",
        lt.speakers[sa].name, rt.speakers[sb].name, lt.speakers[sa].name, rt.speakers[expected].name
    );
    Some(flag_at(pair, FlagKind::Speaker, row, Sides::default(), message))
}

#[cfg(test)]
mod tests {
    use crate::core::document::{Document, Pair};
    use crate::core::review::{FlagKind, check};

    fn untranslated(left: &str, right: &str) -> Vec<usize> {
        let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
        let pair = Pair::new(doc("en.txt", left), doc("fr.txt", right));
        check(&pair).into_iter().filter(|f| f.kind == FlagKind::Untranslated).map(|f| f.row).collect()
    }

    #[test]
    fn a_copied_sentence_is_untranslated_and_a_byline_is_not() {
        let left = "Anne Martel, Lyon\n\nThe climb began before dawn on a cold morning.\n\nWe reached the ridge at noon, tired but happy.\n\nThe guide had never seen so much snow in June.\n\nWe went down by the western couloir.\n\n他们在山顶上休息了很久，然后慢慢地下山。";
        let right = "Anne Martel, Lyon\n\nL'ascension a commencé avant l'aube, par un matin froid.\n\nWe reached the ridge at noon, tired but happy.\n\nLe guide n'avait jamais vu autant de neige en juin.\n\nNous sommes redescendus par le couloir ouest.\n\n他们在山顶上休息了很久，然后慢慢地下山。";
        assert_eq!(untranslated(left, right), [2, 5], "the copied English and Chinese, not the byline");
        // A yearbook's closing motto, in Latin on both sides.
        let left = "Die Sonne ging unter.\n\nWir stiegen ab.\n\nVivant amici montium !";
        let right = "Le soleil se couchait.\n\nNous sommes descendus.\n\nVivant amici montium !";
        assert_eq!(untranslated(left, right), Vec::<usize>::new());
    }
}
