//! Aligns two turn lists: length ratio, speaker roles and words learned from the pair, then a monotone path.
//!
//! Pass one pairs turns by length (the ratio estimated from the two length distributions), kind
//! and tokens that survive translation, with speakers paired only where their names are equal.
//! From its confident links the ratio is estimated again and which speaker of one side is which
//! on the other is learned. Where the two sides' words answer each other (a bundled dictionary,
//! a shared script), a pass with the words follows; its sure links teach the shapes' costs, the
//! length variance and a lexicon of the pair's own (IBM Model 1), and a last pass uses them all.

pub mod anchors;
pub mod counterparts;
mod dp;
#[cfg(test)]
mod dp_tests;
mod features;
pub mod inside;
mod lexical;
mod relatedness;
pub mod sentences;
mod unit;

use std::collections::HashMap;
use std::ops::Range;

pub use crate::core::alignment::{Alignment, Learned, Link, Origin};
use crate::core::turns::{Turn, TurnKind, Turns};
pub use dp::{Band, MAX_GROUP, MOVES, Step};
pub use features::{Unit, survivors};

/// Aligns the turns of two documents.
pub fn align(left: &Turns, right: &Turns) -> Alignment {
    align_with_limit(left, right, dp::FULL_CELLS)
}

/// [`align`], computing whole DP tables only up to `full_cells` cells and refining larger ones
/// coarse-to-fine (tests use a small limit to exercise the banded path on small inputs).
pub fn align_with_limit(left: &Turns, right: &Turns, full_cells: usize) -> Alignment {
    let (mut l, mut r, vocab) = features::units(&left.turns, &right.turns, &left.times, &right.times);
    let both_speak = !left.speakers.is_empty() && !right.speakers.is_empty();
    let mut speaker_map = same_people(left, right);
    let mut ratio = ratio_from_distributions(&l, &r);
    let ends = unit::ends_cost(&l, &r);
    let first = dp::Model { ends, ..dp::Model::new(ratio, &vocab.weights, &speaker_map, both_speak, full_cells) };
    let mut steps = dp::align(&l, &r, &first);
    if let Some(better) = ratio_from_links(&steps, &l, &r) {
        ratio = better;
    }
    learn_speakers(&steps, &l, &r, &mut speaker_map);
    let mut model = dp::Model { ends, ..dp::Model::new(ratio, &vocab.weights, &speaker_map, both_speak, full_cells) };
    let whole = (l.len() + 1).saturating_mul(r.len() + 1) <= full_cells;
    // Later passes refine around the first one's path: no need to go coarse again.
    let refine = |steps: &[Step], l: &[Unit], r: &[Unit], model: &dp::Model| {
        if whole {
            dp::align(l, r, model)
        } else {
            dp::solve(l, r, model, &dp::project(steps, 1, l.len(), r.len(), dp::RADIUS))
        }
    };
    // Words: where the two sides' words answer each other (a dictionary between their
    // languages, a shared script's names and numbers), they decide links that length cannot;
    // then what the pair's sure links teach about its own words is learned and used again.
    let mut lexicon: Vec<(String, String)> = Vec::new();
    if l.len().min(r.len()) >= 2 && l.len().max(r.len()) <= LEXICAL_TURNS {
        let words = lexical::read(&left.turns, &right.turns);
        let none = HashMap::new();
        lexical::attach(&mut l, &words.left, &none, words.ids.len());
        lexical::attach(&mut r, &words.right, &none, words.ids.len());
        // A path found with the words, then the test whether they answer each other along it
        // better than across it (a path found on length alone may be too far off to tell).
        // Found afresh, coarse to fine, not near the path of lengths: over a whole novel that
        // path drifts tens of sentences away, out of reach of a band around it.
        let with_words = dp::Model { lexical: LEXICAL, lex_mean: LEXICAL_MEAN, ..model.clone() };
        let tried = dp::align(&l, &r, &with_words);
        if let Some(mean) = lexical_signal(&tried, &l, &r) {
            model.lexical = LEXICAL;
            model.lex_mean = mean;
            steps = tried;
            // Twice: the path found with what the first round learned teaches a better lexicon
            // and better shapes than the first path did.
            for round in 0..LEARNING_ROUNDS {
                if round > 0 {
                    steps = refine(&steps, &l, &r, &model);
                }
                let sure: Vec<(usize, usize)> = steps
                    .iter()
                    .filter(|s| s.i1 - s.i0 == 1 && s.j1 - s.j0 == 1 && s.cost < 0.5)
                    .map(|s| (s.i0, s.j0))
                    .collect();
                learn_shapes(&steps, &l, &r, &mut model);
                let (l2r, r2l) = lexical::learn(&words, &sure);
                lexicon = words.spell(&l2r);
                lexical::attach(&mut l, &words.left, &l2r, words.ids.len());
                lexical::attach(&mut r, &words.right, &r2l, words.ids.len());
                if let Some(mean) = lexical_signal(&steps, &l, &r) {
                    model.lex_mean = mean;
                }
            }
        }
    }
    steps = refine(&steps, &l, &r, &model);
    let links = steps.iter().map(|s| Link::auto(s.i0..s.i1, s.j0..s.j1, dp::Model::score(s.cost))).collect();
    let links = dissolve_chance_pairs(links, &|link: &Link| alike_at_edge(left, right, link));
    // Whether the texts are translations is judged on what stays paired: a footer that faced
    // a second copy by chance would bring that copy into the test.
    let kept: Vec<Step> = links
        .iter()
        .filter(|l| l.is_paired())
        .map(|l| Step { i0: l.left.start, i1: l.left.end, j0: l.right.start, j1: l.right.end, cost: 0.0 })
        .collect();
    let mut alignment = Alignment {
        evidence: relatedness::gain(&l, &r, &model, &kept),
        links,
        ratio,
        speaker_map: speaker_map.iter().map(|m| m.map(|s| s as usize)).collect(),
        learned: Learned {
            sigma2: model.sigma2,
            shapes: model.shapes.iter().flatten().copied().collect(),
            lexical: model.lexical,
            lex_mean: model.lex_mean,
            lexicon: lexicon.into(),
            ends: Some(ends),
        },
    };
    if alignment.unrelated() {
        // Texts that are not translations of each other: every pair is a guess, and says so.
        for link in &mut alignment.links {
            link.score = link.score.min(GUESS);
        }
    }
    alignment
}

/// Re-aligns the rows `rows` of an alignment: every other row stays as it is, and so does every
/// link the user made inside the range; the aligner runs only between those fixed links, with
/// the ratio and speaker roles already learned. Returns the links that replace `rows`.
pub fn realign_rows(left: &Turns, right: &Turns, alignment: &Alignment, rows: Range<usize>) -> Vec<Link> {
    let links = &alignment.links;
    let rows = rows.start.min(links.len())..rows.end.min(links.len());
    let both_speak = !left.speakers.is_empty() && !right.speakers.is_empty();
    let speaker_map: Vec<Option<u32>> = alignment.speaker_map.iter().map(|m| m.map(|s| s as u32)).collect();
    let ratio = if alignment.ratio > 0.0 { alignment.ratio } else { 1.0 };
    let mut out = Vec::with_capacity(rows.len());
    let mut row = rows.start;
    while row < rows.end {
        if links[row].origin == Origin::User {
            out.push(links[row].clone());
            row += 1;
            continue;
        }
        let end = (row..rows.end).find(|&k| links[k].origin == Origin::User).unwrap_or(rows.end);
        let (i, j) = (links[row].left.start..links[end - 1].left.end, links[row].right.start..links[end - 1].right.end);
        let times = |t: &[(u32, u32)], r: &Range<usize>| t.get(r.clone()).unwrap_or(&[]).to_vec();
        let (l, r, vocab) = features::units(
            &left.turns[i.clone()],
            &right.turns[j.clone()],
            &times(&left.times, &i),
            &times(&right.times, &j),
        );
        let (mut l, mut r) = (l, r);
        let mut model = dp::Model::new(ratio, &vocab.weights, &speaker_map, both_speak, dp::FULL_CELLS);
        apply_learned(
            &alignment.learned,
            &mut model,
            (&left.turns[i.clone()], &mut l),
            (&right.turns[j.clone()], &mut r),
        );
        let steps = dp::align(&l, &r, &model);
        let found = steps
            .iter()
            .map(|s| {
                Link::auto(i.start + s.i0..i.start + s.i1, j.start + s.j0..j.start + s.j1, dp::Model::score(s.cost))
            })
            .collect();
        let around = Around {
            open_before: row == 0 || !links[row - 1].is_paired(),
            open_after: end == links.len() || !links[end].is_paired(),
            edge_before: !links[..row].iter().any(Link::is_paired),
            edge_after: !links[end..].iter().any(Link::is_paired),
        };
        out.extend(dissolve_between(found, around, &|link: &Link| alike_at_edge(left, right, link)));
        row = end;
    }
    if alignment.unrelated() {
        for link in out.iter_mut().filter(|l| l.origin == Origin::Auto) {
            link.score = link.score.min(GUESS);
        }
    }
    out
}

/// Pairs with more turns a side than this are aligned on length, kinds and shared tokens only.
const LEXICAL_TURNS: usize = 30_000;
/// Rounds of learning from the pair's own links (a lexicon, the shapes' costs) and aligning
/// again with what was learned: a second round took MAC development chapters' strict F1 from
/// 0.851 to 0.858 and left Text+Berg's as it was; a third and fourth gained a little more on
/// MAC (0.862, 0.867) and lost on Text+Berg (0.883 → 0.879), each for one more pass.
const LEARNING_ROUNDS: usize = 2;
/// How much the share of a link's words that answer each other weighs against its length:
/// chosen on the MAC development chapters (6: strict F1 0.858; 8: 0.872; 9 and 10 alike; 12:
/// 0.843), once the words were read as they are now.
const LEXICAL: f32 = 8.0;
/// [`dp::Model::lex_mean`] until the pair's own is measured.
const LEXICAL_MEAN: f32 = 0.2;

/// What the pair's own links say about how often one side splits a sentence the other keeps
/// whole, and how far their lengths stray: the shapes' costs become their frequencies in a
/// path found with the words (smoothed towards the defaults), and the length variance theirs.
fn learn_shapes(steps: &[Step], l: &[Unit], r: &[Unit], model: &mut dp::Model) {
    const PRIOR: f32 = 60.0;
    let mut counts = [[0.0f32; dp::MAX_GROUP + 1]; dp::MAX_GROUP + 1];
    let (mut squares, mut paired) = (0.0, 0.0);
    for s in steps.iter().filter(|s| s.i1 > s.i0 && s.j1 > s.j0) {
        counts[s.i1 - s.i0][s.j1 - s.j0] += 1.0;
        let a: f32 = l[s.i0..s.i1].iter().map(|u| u.len).sum();
        let b: f32 = r[s.j0..s.j1].iter().map(|u| u.len).sum::<f32>() / model.ratio;
        let x = (b + dp::K).ln() - (a + dp::K).ln();
        squares += x * x;
        paired += 1.0;
    }
    if paired < 50.0 {
        return;
    }
    let prior = |a: usize, b: usize| (-dp::shape_cost(a, b)).exp();
    let weight = |a: usize, b: usize| counts[a][b] + PRIOR * prior(a, b);
    let one = weight(1, 1);
    for a in 1..=dp::MAX_GROUP {
        for b in 1..=dp::MAX_GROUP {
            model.shapes[a][b] = (one / weight(a, b)).ln().max(0.0);
        }
    }
    model.sigma2 = (squares / paired).clamp(0.5 * dp::SIGMA2, 3.0 * dp::SIGMA2);
}

/// Whether the two sides' words answer each other at all, from a path found without them: the
/// share of words answered in its one-to-one links against the share in the same turns facing
/// a neighbour two turns away. `Some(middle of the two)` when the path's own links answer
/// clearly better (a dictionary or a shared script between the languages), else `None`.
fn lexical_signal(steps: &[Step], l: &[Unit], r: &[Unit]) -> Option<f32> {
    let share = |a: &Unit, b: &Unit| -> Option<f32> {
        let total = a.lex.total + b.lex.total;
        (total > 0.0).then(|| (a.lex.matched_in(&b.lex) + b.lex.matched_in(&a.lex)) / total)
    };
    let (mut own, mut other, mut count) = (0.0, 0.0, 0);
    for s in steps.iter().filter(|s| s.i1 - s.i0 == 1 && s.j1 - s.j0 == 1) {
        let Some(j) = [s.j0 + 2, s.j0.wrapping_sub(2)].into_iter().find(|&j| j < r.len()) else { continue };
        if let (Some(x), Some(y)) = (share(&l[s.i0], &r[s.j0]), share(&l[s.i0], &r[j])) {
            own += x;
            other += y;
            count += 1;
        }
    }
    if count < 3 {
        return None;
    }
    let (own, other) = (own / count as f32, other / count as f32);
    (own >= 0.05 + other && own >= 1.5 * other).then_some((own + other) / 2.0)
}

/// What the whole alignment learned, put back into a model for some of its rows: the shapes'
/// costs, the length variance, and the words with the lexicon it learned.
fn apply_learned(
    learned: &Learned,
    model: &mut dp::Model,
    left: (&[Turn], &mut [Unit]),
    right: (&[Turn], &mut [Unit]),
) {
    if learned.sigma2 > 0.0 {
        model.sigma2 = learned.sigma2;
    }
    model.ends = learned.ends.unwrap_or_else(|| unit::ends_cost(left.1, right.1));
    let side = dp::MAX_GROUP + 1;
    if learned.shapes.len() == side * side {
        for (k, &c) in learned.shapes.iter().enumerate() {
            model.shapes[k / side][k % side] = c;
        }
    }
    if learned.lexical > 0.0 {
        let words = lexical::read(left.0, right.0);
        let (l2r, r2l) = words.read_back(&learned.lexicon);
        lexical::attach(left.1, &words.left, &l2r, words.ids.len());
        lexical::attach(right.1, &words.right, &r2l, words.ids.len());
        model.lexical = learned.lexical;
        model.lex_mean = learned.lex_mean;
    }
}

/// The highest score a link may have when the texts are unrelated.
pub const GUESS: f32 = 0.3;

/// Below this score a pairing rests on length alone, which unrelated text can match by chance.
pub const WEAK: f32 = 0.6;

/// A run of weak pairs is chance — a footer facing a copied block, a site header facing
/// another site's, a title facing `<100 subscribers` — when it sits between unpaired turns, or
/// when nothing is paired between it and a document's start or end: it is undone into unpaired
/// turns. Weak pairs inside well-paired text stay.
/// `alike` tells a lone pair at an edge that stays (see [`alike_at_edge`]).
fn dissolve_chance_pairs(links: Vec<Link>, alike: &dyn Fn(&Link) -> bool) -> Vec<Link> {
    let around = Around { open_before: true, open_after: true, edge_before: true, edge_after: true };
    dissolve_between(links, around, alike)
}

/// Whether a pair of one turn each is alike in shape: two headings (a chapter's title and its
/// translation), or two sentences that end in a full stop, a question or an exclamation mark.
/// Alone at a document's edge, next to well-paired text, such a pair is its first or last
/// sentence, which the words could not confirm (`许久，才融入黑夜。` / "It was some time before
/// the last of the light was absorbed into the blackness.", "He nodded." / "Il hocha la tête."),
/// not boilerplate facing boilerplate (a site's header lines against another site's).
fn alike_at_edge(left: &Turns, right: &Turns, link: &Link) -> bool {
    if link.left.len() != 1 || link.right.len() != 1 {
        return false;
    }
    let (a, b) = (&left.turns[link.left.start], &right.turns[link.right.start]);
    let heading = |t: &Turn| t.kind == TurnKind::Heading;
    (heading(a) && heading(b)) || (ends_sentence(&a.text) && ends_sentence(&b.text))
}

/// Whether `text` ends a sentence: a full stop, a question or an exclamation mark, closing
/// quotes and brackets aside.
fn ends_sentence(text: &str) -> bool {
    let last = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | '）' | '」' | '』' | ']' | '》')
    });
    last.ends_with(['.', '!', '?', '。', '！', '？', '…'])
}

/// What surrounds links that sit between others.
#[derive(Debug, Clone, Copy)]
struct Around {
    /// The link just before (after) is unpaired, or there is none.
    open_before: bool,
    open_after: bool,
    /// Nothing before (after) is paired, up to the document's start (end).
    edge_before: bool,
    edge_after: bool,
}

/// [`dissolve_chance_pairs`] for links with `around` them.
fn dissolve_between(links: Vec<Link>, around: Around, alike: &dyn Fn(&Link) -> bool) -> Vec<Link> {
    let paired = |l: &Link| !l.left.is_empty() && !l.right.is_empty();
    let weak = |l: &Link| paired(l) && l.score < WEAK;
    let first_strong = links.iter().position(|l| paired(l) && !weak(l));
    let last_strong = links.iter().rposition(|l| paired(l) && !weak(l));
    let mut out = Vec::with_capacity(links.len());
    let mut k = 0;
    while k < links.len() {
        if !weak(&links[k]) {
            out.push(links[k].clone());
            k += 1;
            continue;
        }
        let end = (k..links.len()).find(|&e| !weak(&links[e])).unwrap_or(links.len());
        let before = if k == 0 { around.open_before } else { !paired(&links[k - 1]) };
        let after = if end == links.len() { around.open_after } else { !paired(&links[end]) };
        // At an edge the test is the content alone: a turn split in three at a record's end
        // pays for its shape, not for a poor match.
        let chance = links[k..end].iter().all(|l| content_score(l) < WEAK);
        // A lone pair alike in shape right next to well-paired text is the edge's own sentence.
        let strong_pair = |at: usize| links.get(at).is_some_and(|l| paired(l) && !weak(l));
        let lone = end == k + 1 && alike(&links[k]);
        let at_start =
            chance && around.edge_before && first_strong.is_none_or(|f| f > k) && !(lone && strong_pair(end));
        let at_end =
            chance && around.edge_after && last_strong.is_none_or(|l| l < k) && !(lone && k > 0 && strong_pair(k - 1));
        if (before && after) || at_start || at_end {
            let first = &links[k];
            let last = &links[end - 1];
            let skip_score = dp::Model::score(dp::SKIP);
            for i in first.left.start..last.left.end {
                out.push(Link::auto(i..i + 1, first.right.start..first.right.start, skip_score));
            }
            for j in first.right.start..last.right.end {
                out.push(Link::auto(last.left.end..last.left.end, j..j + 1, skip_score));
            }
        } else {
            out.extend_from_slice(&links[k..end]);
        }
        k = end;
    }
    out
}

/// A link's score without what its shape costs (a 1:3 link pays for being one).
fn content_score(link: &Link) -> f32 {
    let s = link.score.clamp(1e-6, 1.0 - 1e-6);
    let cost = 2.0 + (1.0 / s - 1.0).ln();
    dp::Model::score(cost - dp::shape_cost(link.left.len(), link.right.len()))
}

/// Ratio of right to left lengths from matching quartiles of the two distributions: robust to a
/// side that holds its text twice or carries a long footer.
fn ratio_from_distributions(l: &[Unit], r: &[Unit]) -> f32 {
    let sorted = |u: &[Unit]| {
        let mut v: Vec<f32> = u.iter().map(|u| u.len).collect();
        v.sort_by(f32::total_cmp);
        v
    };
    let (a, b) = (sorted(l), sorted(r));
    if a.is_empty() || b.is_empty() {
        return 1.0;
    }
    let q = |v: &[f32], p: f32| v[((v.len() - 1) as f32 * p).round() as usize];
    let logs: f32 = [0.5, 0.75, 0.9].iter().map(|&p| (q(&b, p) / q(&a, p)).ln()).sum();
    (logs / 3.0).exp().clamp(0.05, 20.0)
}

/// Ratio from confident one-to-one links of a first pass.
fn ratio_from_links(steps: &[Step], l: &[Unit], r: &[Unit]) -> Option<f32> {
    let (mut a, mut b, mut count) = (0.0, 0.0, 0);
    for s in steps.iter().filter(|s| s.i1 - s.i0 == 1 && s.j1 - s.j0 == 1 && s.cost < 1.5) {
        a += l[s.i0].len;
        b += r[s.j0].len;
        count += 1;
    }
    (count >= 3 && a > 0.0).then(|| (b / a).clamp(0.05, 20.0))
}

/// Speakers of the two sides known to be one person before aligning: the same name, or the
/// same name once titles are dropped (`Mr. John Smith`, `M. John Smith`), where that is unique.
fn same_people(left: &Turns, right: &Turns) -> Vec<Option<u32>> {
    use crate::core::speakers::person_key;
    let mut canonical: HashMap<&str, u32> = HashMap::new();
    let mut person: HashMap<String, Option<u32>> = HashMap::new();
    for (k, s) in right.speakers.iter().enumerate() {
        canonical.entry(s.canonical.as_str()).or_insert(k as u32);
        let key = person_key(&s.name);
        if key.chars().count() >= 2 {
            person.entry(key).and_modify(|e| *e = None).or_insert(Some(k as u32));
        }
    }
    left.speakers
        .iter()
        .map(|s| {
            canonical.get(s.canonical.as_str()).copied().or_else(|| person.get(&person_key(&s.name)).copied().flatten())
        })
        .collect()
}

/// Which right speaker answers to which left speaker: the majority partner in one-to-one speech links.
fn learn_speakers(steps: &[Step], l: &[Unit], r: &[Unit], map: &mut [Option<u32>]) {
    let mut counts: HashMap<(u32, u32), usize> = HashMap::new();
    let mut totals: HashMap<u32, usize> = HashMap::new();
    for s in steps.iter().filter(|s| s.i1 - s.i0 == 1 && s.j1 - s.j0 == 1) {
        let (a, b) = (&l[s.i0], &r[s.j0]);
        if let (TurnKind::Speech, TurnKind::Speech, Some(x), Some(y)) = (a.kind, b.kind, a.speaker, b.speaker) {
            *counts.entry((x, y)).or_default() += 1;
            *totals.entry(x).or_default() += 1;
        }
    }
    let mut heard: HashMap<u32, usize> = HashMap::new();
    for (&(_, y), &c) in &counts {
        *heard.entry(y).or_default() += c;
    }
    let taken: std::collections::HashSet<u32> = map.iter().flatten().copied().collect();
    for (x, slot) in map.iter_mut().enumerate() {
        if slot.is_some() {
            continue;
        }
        let x = x as u32;
        let best = counts.iter().filter(|((a, _), _)| *a == x).max_by_key(|&(&(_, b), &c)| (c, std::cmp::Reverse(b)));
        // A majority of two or more; or a character heard once on each side, in one pair.
        if let Some((&(_, y), &c)) = best
            && ((c >= 2 && c * 2 > totals[&x]) || (c == 1 && totals[&x] == 1 && heard[&y] == 1 && !taken.contains(&y)))
        {
            *slot = Some(y);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(links: &[Link]) -> Vec<(Range<usize>, Range<usize>)> {
        links.iter().map(|l| (l.left.clone(), l.right.clone())).collect()
    }

    #[test]
    fn weak_pairs_at_an_edge_are_undone_unless_their_content_matches() {
        // A site's title facing another site's "<100 subscribers", then good pairs: undone.
        let links = vec![Link::auto(0..1, 0..1, 0.35), Link::auto(1..2, 1..2, 0.95), Link::auto(2..3, 2..3, 0.9)];
        let out = dissolve_chance_pairs(links, &|_| false);
        assert_eq!(shape(&out), [(0..1, 0..0), (1..1, 0..1), (1..2, 1..2), (2..3, 2..3)]);
        // A closing note split in three at the end: weak for its shape, good for its content.
        let links = vec![Link::auto(0..1, 0..1, 0.95), Link::auto(1..2, 1..4, 0.58)];
        assert_eq!(shape(&dissolve_chance_pairs(links, &|_| false)), [(0..1, 0..1), (1..2, 1..4)]);
        // A footer facing the start of a second copy, unpaired turns after it: undone.
        let links = vec![Link::auto(0..1, 0..1, 0.95), Link::auto(1..3, 1..3, 0.01), Link::auto(3..3, 3..4, 0.1)];
        assert_eq!(shape(&dissolve_chance_pairs(links, &|_| false))[1..3], [(1..2, 1..1), (2..3, 1..1)]);
        // A weak pair between good ones stays.
        let links = vec![Link::auto(0..1, 0..1, 0.9), Link::auto(1..2, 1..2, 0.3), Link::auto(2..3, 2..3, 0.9)];
        assert_eq!(dissolve_chance_pairs(links.clone(), &|_| false), links);
    }

    #[test]
    fn a_lone_pair_alike_in_shape_at_an_edge_stays() {
        let links = vec![Link::auto(0..1, 0..1, 0.95), Link::auto(1..2, 1..2, 0.9), Link::auto(2..3, 2..3, 0.3)];
        assert_eq!(dissolve_chance_pairs(links.clone(), &|_| true), links);
        let links = vec![Link::auto(0..1, 0..1, 0.3), Link::auto(1..2, 1..2, 0.9)];
        assert_eq!(dissolve_chance_pairs(links.clone(), &|_| true), links);
        // Two weak pairs at the edge, or one next to unpaired turns, are still undone.
        let links = vec![Link::auto(0..1, 0..1, 0.3), Link::auto(1..2, 1..2, 0.3), Link::auto(2..3, 2..3, 0.9)];
        assert_eq!(dissolve_chance_pairs(links, &|_| true).len(), 5);
        let links = vec![Link::auto(0..1, 0..1, 0.9), Link::auto(1..1, 1..2, 0.1), Link::auto(1..2, 2..3, 0.3)];
        assert_eq!(dissolve_chance_pairs(links, &|_| true).len(), 4);
    }

    #[test]
    fn the_last_short_sentence_of_a_story_is_paired() {
        use crate::core::document::Document;
        let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
        let en = doc(
            "en.txt",
            "“I went to the market at dawn,” she said. “The stalls were empty.\n\n“Then the farmers came with \
             their carts, and by noon the square was full.\n\n“I bought bread and went home.”\n\nHe nodded.\n",
        );
        let fr = doc(
            "fr.txt",
            "« Je suis allée au marché à l’aube, dit-elle. Les étals étaient vides.\n\n» Puis les paysans sont \
             venus avec leurs charrettes, et à midi la place était pleine.\n\n» J’ai acheté du pain et je suis \
             rentrée. »\n\nIl hocha la tête.\n",
        );
        let links = align(&en.turns, &fr.turns).links;
        assert_eq!(shape(&links), [(0..1, 0..1), (1..2, 1..2), (2..3, 2..3), (3..4, 3..4)]);
    }
}
