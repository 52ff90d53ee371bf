//! Checks on whole rows: text on one side only, a length far from what the pair shows elsewhere,
//! a turn left untranslated, speakers that contradict the pair's speaker mapping.

use super::{Flag, FlagKind, flag_at};
use crate::core::document::Pair;
use crate::core::search::fold_text;
use crate::core::side::{Side, Sides};
use crate::core::text::{content_len, is_cjk};
use crate::core::turns::TurnKind;

/// A weighted length: a CJK character says about as much as two Latin letters and a half.
fn weight(text: &str) -> f32 {
    text.chars().filter(|c| !c.is_whitespace()).map(|c| if is_cjk(c) { 2.5 } else { 1.0 }).sum()
}

/// What the pair shows of itself, to judge one row against the rest.
pub(super) struct Stats {
    /// Median and spread (median absolute deviation) of the log length ratio of paired rows.
    median: f32,
    spread: f32,
    /// Most paired rows are the same text on both sides: two versions in one language, where
    /// "untranslated" means nothing.
    same_language: bool,
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
        let (mut paired, mut same) = (0usize, 0usize);
        for (row, link) in pair.alignment.links.iter().enumerate() {
            if !link.is_paired() {
                continue;
            }
            let (l, r) = (row_text(pair, row, Side::Left), row_text(pair, row, Side::Right));
            paired += 1;
            same += usize::from(near_copy(&l, &r));
            ratios.push(log_ratio(weight(&l), weight(&r)));
        }
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
        Stats { median: m, spread, same_language: paired >= 4 && same * 2 > paired }
    }
}

/// The same text on both sides, or nearly: letters and digits compared, case and accents aside.
fn near_copy(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> Vec<char> { fold_text(s).into_iter().filter(|c| c.is_alphanumeric()).collect() };
    let (x, y) = (fold(a), fold(b));
    if x.len() < 12 || y.len() < 12 {
        return false;
    }
    if x == y {
        return true;
    }
    // Character bigrams in common (Dice).
    let grams = |v: &[char]| -> std::collections::HashMap<(char, char), u32> {
        let mut m = std::collections::HashMap::new();
        for w in v.windows(2) {
            *m.entry((w[0], w[1])).or_default() += 1;
        }
        m
    };
    let (gx, gy) = (grams(&x), grams(&y));
    let shared: u32 = gx.iter().map(|(k, n)| (*n).min(gy.get(k).copied().unwrap_or(0))).sum();
    let total = (x.len() - 1 + y.len() - 1) as f32;
    2.0 * shared as f32 / total >= 0.9
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
    let (l, r) = (row_text(pair, row, Side::Left), row_text(pair, row, Side::Right));
    let (wl, wr) = (weight(&l), weight(&r));
    if !stats.same_language && near_copy(&l, &r) {
        out.push(flag_at(
            pair,
            FlagKind::Untranslated,
            row,
            Sides::default(),
            "The same text on both sides: left untranslated?".into(),
        ));
    }
    let x = log_ratio(wl, wr) - stats.median;
    // Far outside what the pair shows elsewhere, on a row long enough for length to mean something.
    if x.abs() > (4.0 * stats.spread).max(0.9) && wl.max(wr) >= 120.0 {
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
