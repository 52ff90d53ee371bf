//! Sentences matched inside the rows of an alignment: each paired row's sentences aligned n:m with the pair's model, never across a row's edge.

use std::ops::Range;

use super::{dp, features, lexical};
use crate::core::alignment::Alignment;
use crate::core::sentences;
use crate::core::side::Side;
use crate::core::turns::{Turn, Turns};

/// One sentence: its turn and the byte range it takes of the turn's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub turn: usize,
    pub range: Range<usize>,
}

/// Some sentences of a row's left side with some of its right side (either may be none).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Indices into the row's [`RowSentences::left`] and [`RowSentences::right`].
    pub left: Range<usize>,
    pub right: Range<usize>,
    /// 0 to 1: how sure the aligner is, as for a link.
    pub score: f32,
}

/// The sentences of one row (one link) and how they pair: the groups run in order and hold
/// every sentence of the row once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowSentences {
    pub left: Vec<Sentence>,
    pub right: Vec<Sentence>,
    pub groups: Vec<Group>,
}

impl RowSentences {
    /// The group holding sentence `k` of `side`'s list.
    pub fn group_of(&self, side: Side, k: usize) -> Option<usize> {
        self.groups.iter().position(|g| match side {
            Side::Left => g.left.contains(&k),
            Side::Right => g.right.contains(&k),
        })
    }
}

/// Splits every turn into sentences and matches them inside each row of `alignment`, one
/// [`RowSentences`] per link. A row of one sentence a side is one group; a one-sided row's
/// sentences face nothing; the others are aligned with the ratio, speakers and words the
/// alignment learned, and the shapes of sentences (the turns' own shapes may say that a turn
/// is almost never split, which a sentence often is).
///
/// The turns are cut at clauses too (`;`, `：`, see [`sentences::clauses`]) and matched so; two
/// groups are then kept apart where both sides end a sentence, or both pause (`这件事是这样的：`
/// / "The thing was this:"), and joined where one side's pause faces the other's sentence end
/// (the clauses of one sentence matching two: a split the other side did not make); the
/// clauses left in one group are one sentence again.
pub fn inside_rows(left: &Turns, right: &Turns, alignment: &Alignment) -> Vec<RowSentences> {
    pieces_inside_rows(left, right, alignment, &|_, _, text| sentences::clauses(text))
}

/// How a turn (side, index, text) is cut into sentences (byte ranges of the text).
pub type Cut<'a> = dyn Fn(Side, usize, &str) -> Vec<Range<usize>> + 'a;

/// [`inside_rows`] with the turns cut into sentences by `split(side, turn, text)` (a benchmark
/// gives its own sentences, to tell the splitter's misses from the matching's).
pub fn inside_rows_cut(left: &Turns, right: &Turns, alignment: &Alignment, split: &Cut<'_>) -> Vec<RowSentences> {
    pieces_inside_rows(left, right, alignment, &|side, t, text| {
        split(side, t, text).into_iter().map(|r| (r, true)).collect()
    })
}

/// How a turn is cut into pieces, each with whether a sentence ends there.
type Pieces<'a> = dyn Fn(Side, usize, &str) -> Vec<(Range<usize>, bool)> + 'a;

fn pieces_inside_rows(left: &Turns, right: &Turns, alignment: &Alignment, split: &Pieces<'_>) -> Vec<RowSentences> {
    // Per row and side, whether each piece ends a sentence.
    let mut ends: Vec<[Vec<bool>; 2]> = Vec::with_capacity(alignment.links.len());
    let cut = |side: Side, turns: &Turns, range: Range<usize>, ends: &mut Vec<bool>| -> Vec<Sentence> {
        range
            .filter(|&t| t < turns.turns.len())
            .flat_map(|t| split(side, t, &turns.turns[t].text).into_iter().map(move |p| (t, p)))
            .map(|(t, (range, hard))| {
                ends.push(hard);
                Sentence { turn: t, range }
            })
            .collect()
    };
    let mut rows: Vec<RowSentences> = alignment
        .links
        .iter()
        .map(|l| {
            let mut e = [Vec::new(), Vec::new()];
            let row = RowSentences {
                left: cut(Side::Left, left, l.left.clone(), &mut e[0]),
                right: cut(Side::Right, right, l.right.clone(), &mut e[1]),
                groups: Vec::new(),
            };
            ends.push(e);
            row
        })
        .collect();
    // The rows the model decides, with where their sentences start in the lists it reads.
    let mut todo: Vec<(usize, Range<usize>, Range<usize>)> = Vec::new();
    let (mut lt, mut rt): (Vec<Turn>, Vec<Turn>) = (Vec::new(), Vec::new());
    let as_turn = |turns: &Turns, s: &Sentence| {
        let t = &turns.turns[s.turn];
        Turn {
            kind: t.kind,
            speaker: t.speaker,
            label: None,
            first_line: t.first_line,
            last_line: t.last_line,
            text: t.text[s.range.clone()].to_string(),
        }
    };
    for (k, (row, link)) in rows.iter_mut().zip(&alignment.links).enumerate() {
        let (n, m) = (row.left.len(), row.right.len());
        if n == 0 || m == 0 {
            row.groups.extend((0..n).map(|i| Group { left: i..i + 1, right: 0..0, score: link.score }));
            row.groups.extend((0..m).map(|j| Group { left: n..n, right: j..j + 1, score: link.score }));
            continue;
        }
        // A row of one sentence a side is decided, and teaches the model what a pair looks like.
        todo.push((k, lt.len()..lt.len() + n, rt.len()..rt.len() + m));
        lt.extend(row.left.iter().map(|s| as_turn(left, s)));
        rt.extend(row.right.iter().map(|s| as_turn(right, s)));
    }
    if todo.is_empty() {
        return rows;
    }
    let (mut l, mut r, vocab) = features::units(&lt, &rt, &[], &[]);
    let speaker_map: Vec<Option<u32>> = alignment.speaker_map.iter().map(|m| m.map(|s| s as u32)).collect();
    let both_speak = !left.speakers.is_empty() && !right.speakers.is_empty();
    let ratio = if alignment.ratio > 0.0 { alignment.ratio } else { 1.0 };
    let mut model = dp::Model::new(ratio, &vocab.weights, &speaker_map, both_speak, dp::FULL_CELLS);
    model.ends = super::unit::ends_cost(&l, &r);
    let learned = &alignment.learned;
    // Each row's sentences on their own, in the row's numbers.
    let solve = |l: &[features::Unit], r: &[features::Unit], model: &dp::Model| -> Vec<Vec<dp::Step>> {
        todo.iter()
            .map(|(_, i, j)| {
                if i.len() == 1 && j.len() == 1 {
                    vec![dp::Step { i0: 0, i1: 1, j0: 0, j1: 1, cost: 0.0 }]
                } else {
                    dp::align(&l[i.clone()], &r[j.clone()], model)
                }
            })
            .collect()
    };
    // All rows' steps in the numbers of the whole lists, to learn from.
    let global = |blocks: &[Vec<dp::Step>]| -> Vec<dp::Step> {
        blocks
            .iter()
            .zip(&todo)
            .flat_map(|(steps, (_, i, j))| {
                steps.iter().map(move |s| dp::Step {
                    i0: s.i0 + i.start,
                    i1: s.i1 + i.start,
                    j0: s.j0 + j.start,
                    j1: s.j1 + j.start,
                    cost: s.cost,
                })
            })
            .collect()
    };
    let mut steps;
    if learned.lexical > 0.0 {
        // The words with what the whole alignment learned; then, as the aligner does over turns,
        // what the sentences' own sure pairs teach (shapes, length variance, a lexicon), twice.
        let words = lexical::read(&lt, &rt);
        let (l2r, r2l) = words.read_back(&learned.lexicon);
        lexical::attach(&mut l, &words.left, &l2r, words.ids.len());
        lexical::attach(&mut r, &words.right, &r2l, words.ids.len());
        model.lexical = learned.lexical;
        model.lex_mean = learned.lex_mean;
        steps = solve(&l, &r, &model);
        for _ in 0..super::LEARNING_ROUNDS {
            let all = global(&steps);
            super::learn_shapes(&all, &l, &r, &mut model);
            let sure: Vec<(usize, usize)> = all
                .iter()
                .filter(|s| s.i1 - s.i0 == 1 && s.j1 - s.j0 == 1 && s.cost < 0.5)
                .map(|s| (s.i0, s.j0))
                .collect();
            let (mut l2r, mut r2l) = lexical::learn(&words, &sure);
            for (a, bs) in words.read_back(&learned.lexicon).0 {
                for b in bs {
                    l2r.entry(a).or_default().push(b);
                    r2l.entry(b).or_default().push(a);
                }
            }
            lexical::attach(&mut l, &words.left, &l2r, words.ids.len());
            lexical::attach(&mut r, &words.right, &r2l, words.ids.len());
            if let Some(mean) = super::lexical_signal(&all, &l, &r) {
                model.lex_mean = mean;
            }
            steps = solve(&l, &r, &model);
        }
    } else {
        steps = solve(&l, &r, &model);
    }
    for ((k, _, _), steps) in todo.iter().zip(steps) {
        let one = steps.len() == 1 && steps[0].i1 == 1 && steps[0].j1 == 1;
        rows[*k].groups = steps
            .iter()
            .map(|s| {
                // A row of one sentence a side is as sure as the row.
                let score = if one { alignment.links[*k].score } else { dp::Model::score(s.cost) };
                Group { left: s.i0..s.i1, right: s.j0..s.j1, score }
            })
            .collect();
    }
    for (row, ends) in rows.iter_mut().zip(&ends) {
        join_clauses(row, ends);
    }
    rows
}

/// Joins the groups of `row` parted by a sentence end on one side and a pause on the other
/// (`ends[side][k]`: whether piece `k` of a side ends a sentence), and then the pieces of one
/// turn left in one group into one sentence.
fn join_clauses(row: &mut RowSentences, ends: &[Vec<bool>; 2]) {
    if ends.iter().all(|e| e.iter().all(|&hard| hard)) {
        return;
    }
    // A sentence ends at position `p` of a side's pieces (the row's edges count as ends).
    let hard_at = |side: usize, p: usize| p == 0 || p >= ends[side].len() || ends[side][p - 1];
    let mut groups: Vec<Group> = Vec::with_capacity(row.groups.len());
    for g in row.groups.drain(..) {
        match groups.last_mut() {
            Some(last) if hard_at(0, last.left.end) != hard_at(1, last.right.end) => {
                last.left.end = g.left.end;
                last.right.end = g.right.end;
                last.score = last.score.min(g.score);
            }
            _ => groups.push(g),
        }
    }
    // The pieces of a group that a pause parts, in one turn, are one sentence.
    for (side, list) in [&mut row.left, &mut row.right].into_iter().enumerate() {
        let group_of =
            |k: usize| groups.iter().position(|g| if side == 0 { g.left.contains(&k) } else { g.right.contains(&k) });
        let mut joined: Vec<Sentence> = Vec::with_capacity(list.len());
        // Each old piece's new index.
        let mut new_index = Vec::with_capacity(list.len());
        for (k, piece) in list.drain(..).enumerate() {
            let join = k > 0 && !ends[side][k - 1] && group_of(k) == group_of(k - 1) && {
                joined.last().is_some_and(|prev: &Sentence| prev.turn == piece.turn)
            };
            match joined.last_mut() {
                Some(prev) if join => prev.range.end = piece.range.end,
                _ => joined.push(piece),
            }
            new_index.push(joined.len() - 1);
        }
        let remap = |r: &Range<usize>| -> Range<usize> {
            if r.is_empty() {
                let at = new_index.get(r.start).copied().unwrap_or(joined.len());
                at..at
            } else {
                new_index[r.start]..new_index[r.end - 1] + 1
            }
        };
        for g in &mut groups {
            if side == 0 {
                g.left = remap(&g.left);
            } else {
                g.right = remap(&g.right);
            }
        }
        *list = joined;
    }
    row.groups = groups;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::align::align;
    use crate::core::turns::split as split_turns;

    fn groups_text<'a>(left: &'a Turns, right: &'a Turns, row: &RowSentences) -> Vec<(String, String)> {
        let text = |turns: &'a Turns, ss: &[Sentence]| -> String {
            ss.iter().map(|s| &turns.turns[s.turn].text[s.range.clone()]).collect::<Vec<_>>().join(" ")
        };
        row.groups
            .iter()
            .map(|g| (text(left, &row.left[g.left.clone()]), text(right, &row.right[g.right.clone()])))
            .collect()
    }

    #[test]
    fn sentences_pair_inside_a_row_and_a_split_sentence_takes_two() {
        let left = split_turns("他一九八八年去了北京。他在那里住了三年，写了两本书。后来他回到上海。\n\n第二段很短。");
        let right = split_turns(
            "In 1988 he went to Beijing. He lived there for three years. He wrote two books. Later he came back to Shanghai.\n\nThe second paragraph is short.",
        );
        let alignment = align(&left, &right);
        let rows = inside_rows(&left, &right, &alignment);
        assert_eq!(rows.len(), alignment.links.len());
        let first = rows.iter().find(|r| r.left.len() == 3).expect("the first paragraph is one row");
        let pairs = groups_text(&left, &right, first);
        assert_eq!(pairs.len(), 3, "{pairs:?}");
        assert_eq!(pairs[0].1, "In 1988 he went to Beijing.");
        assert_eq!(pairs[1].1, "He lived there for three years. He wrote two books.");
        // Every sentence of the row is in exactly one group, in order.
        let lefts: usize = first.groups.iter().map(|g| g.left.len()).sum();
        assert_eq!(lefts, first.left.len());
        assert_eq!(first.group_of(crate::core::side::Side::Right, 3), Some(2));
    }

    /// One row, its pieces each with whether a sentence ends there, and the groups the model
    /// found: what [`join_clauses`] makes of them, as the groups' texts.
    fn joined(left: &str, right: &str, groups: &[(Range<usize>, Range<usize>)]) -> Vec<(String, String)> {
        let (l, r) = (split_turns(left), split_turns(right));
        let pieces = |turns: &Turns| -> (Vec<Sentence>, Vec<bool>) {
            sentences::clauses(&turns.turns[0].text)
                .into_iter()
                .map(|(range, hard)| (Sentence { turn: 0, range }, hard))
                .unzip()
        };
        let ((ls, le), (rs, re)) = (pieces(&l), pieces(&r));
        let groups =
            groups.iter().map(|(a, b)| Group { left: a.clone(), right: b.clone(), score: 0.9 }).collect::<Vec<_>>();
        let mut row = RowSentences { left: ls, right: rs, groups };
        join_clauses(&mut row, &[le, re]);
        let lefts: usize = row.groups.iter().map(|g| g.left.len()).sum();
        assert_eq!(lefts, row.left.len(), "every sentence once");
        groups_text(&l, &r, &row)
    }

    #[test]
    fn clauses_stay_apart_where_both_sides_pause_or_both_end() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        // Both pause at the colon: two groups.
        assert_eq!(
            joined(
                "这件事是这样的：她不是破鞋。",
                "The issue was this: she was not damaged goods.",
                &[(0..1, 0..1), (1..2, 1..2)]
            ),
            [s("这件事是这样的：", "The issue was this:"), s("她不是破鞋。", "she was not damaged goods.")]
        );
        // One sentence with a semicolon against two: one group, and the clauses one sentence again.
        let row = joined(
            "If I had wanted to, it was easy; I could prove it.",
            "如果我要安慰她，并不困难。我可以证明。",
            &[(0..1, 0..1), (1..2, 1..2)],
        );
        assert_eq!(
            row,
            [s("If I had wanted to, it was easy; I could prove it.", "如果我要安慰她，并不困难。 我可以证明。")]
        );
        // Sentences that end on both sides stay apart whatever pauses inside them.
        assert_eq!(
            joined("A: b. C d.", "X y. Z w.", &[(0..2, 0..1), (2..3, 1..2)]),
            [s("A: b.", "X y."), s("C d.", "Z w.")]
        );
    }
}
