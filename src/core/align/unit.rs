//! What the aligner compares of a turn (or, at a coarse level, a run of turns): a [`Unit`] with
//! its length, kind, speaker, surviving tokens, time and words ([`Lex`]).

use crate::core::turns::TurnKind;

/// One side's turn (or, at a coarse level, a run of turns) reduced to what alignment compares.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Non-space characters.
    pub len: f32,
    pub kind: TurnKind,
    /// Index of the speaker on its own side.
    pub speaker: Option<u32>,
    /// Interned tokens that survive translation, sorted and unique.
    pub tokens: Vec<u32>,
    /// When it is said (subtitles): start and end in milliseconds.
    pub time: Option<(u32, u32)>,
    /// Its words and their senses (empty when the pair has no lexical signal).
    pub lex: Lex,
    /// How its text ends: a question, an introduction (`:`), or anything else.
    pub end: Ending,
    /// Its text ends by closing a quotation (see [`closes_quote`]).
    pub closes: bool,
}

/// Whether `text` ends by closing a quotation (`“好！”`, `'At you!'`, `« Oui. »`): a speech ends
/// where its translation's ends. A straight or curly apostrophe counts only after a mark, so
/// that `the boys'` is no quotation.
pub fn closes_quote(text: &str) -> bool {
    let mut back = text.trim_end().chars().rev();
    match back.next() {
        Some('”' | '»' | '」' | '』' | '"') => true,
        Some('\'' | '’') => back.next().is_some_and(|c| matches!(c, '.' | '!' | '?' | ',' | '—' | '…' | '-')),
        _ => false,
    }
}

/// What a link whose two groups end differently costs: a question against a statement, an
/// introduction (`:`) against a group that leaves out what it introduces, and a group that
/// closes a quotation against one that does not (a speech ends where its translation's does).
/// Fixed, chosen on the MAC development chapters (question and colon 0.4 / 1.0: strict F1
/// 0.872 → 0.877; the quotation 0.7: 0.883 → 0.891, anywhere from 0.3 to 1.0 within 0.003);
/// costs learned from the pair's own path were tried and dropped — that path already avoids
/// what it costs, so it taught costs that fed on themselves.
pub const ENDS_APART: [f32; 3] = [0.4, 1.0, 0.7];

/// What each ending costs a link whose two groups differ in it ([`ENDS_APART`]), for
/// the endings both sides mark alike; one that a side hardly uses — a French novel giving its
/// dialogue with dashes against an English one in quotation marks, a transcript without
/// question marks — says nothing about which turns answer which, and costs nothing.
pub fn ends_cost(l: &[Unit], r: &[Unit]) -> [f32; 3] {
    let rate = |units: &[Unit], k: usize| -> f32 {
        let marked = units
            .iter()
            .filter(|u| match k {
                0 => u.end == Ending::Question,
                1 => u.end == Ending::Colon,
                _ => u.closes,
            })
            .count();
        marked as f32 / units.len().max(1) as f32
    };
    std::array::from_fn(|k| {
        let (a, b) = (rate(l, k), rate(r, k));
        if a.min(b) >= ALIKE * a.max(b) { ENDS_APART[k] } else { 0.0 }
    })
}

/// Two sides mark an ending alike when the rarer one marks at least this share of what the
/// other does (MAC's Chinese closes a quotation in 19 % of its lines, its English in 12 %).
const ALIKE: f32 = 1.0 / 3.0;

/// How a turn's text ends, the one thing of its punctuation a translation keeps: a question
/// stays a question, and a colon introduces what follows in any language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ending {
    #[default]
    Other,
    Question,
    Colon,
}

impl Ending {
    /// The ending of `text`, closing quotes and brackets aside (`"Why?"`, `（为什么？）`).
    pub fn of(text: &str) -> Ending {
        let last = text.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | '）' | '」' | '』' | ']' | '》')
        });
        match last.chars().next_back() {
            Some(':' | '：') => Ending::Colon,
            Some('?' | '？') => Ending::Question,
            _ => Ending::Other,
        }
    }
}

impl Unit {
    /// A unit of narration `len` characters long and nothing else: tests build theirs from it.
    #[cfg(test)]
    pub fn narration(len: f32) -> Unit {
        Unit {
            len,
            kind: TurnKind::Narration,
            speaker: None,
            tokens: Vec::new(),
            time: None,
            lex: Lex::default(),
            end: Ending::Other,
            closes: false,
        }
    }

    /// Two neighbouring units as one (for coarse levels).
    pub fn merge(a: &Unit, b: &Unit) -> Unit {
        let kind = if a.kind == TurnKind::Speech || b.kind == TurnKind::Speech { TurnKind::Speech } else { a.kind };
        Unit {
            len: a.len + b.len,
            kind,
            speaker: if a.speaker == b.speaker { a.speaker } else { None },
            tokens: union(&a.tokens, &b.tokens),
            time: span(a.time, b.time),
            lex: Lex::merge(&a.lex, &b.lex),
            end: b.end,
            closes: b.closes,
        }
    }
}

/// The time two units cover together, when both have one.
pub fn span(a: Option<(u32, u32)>, b: Option<(u32, u32)>) -> Option<(u32, u32)> {
    let ((s1, e1), (s2, e2)) = (a?, b?);
    Some((s1.min(s2), e1.max(e2)))
}

/// Sorted union of two sorted, unique lists.
pub fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// A unit's words: per word a weight and its concepts (its own key first, then its senses).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lex {
    pub weights: Vec<f32>,
    /// Word `k`'s concepts are `concepts[starts[k]..starts[k + 1]]`.
    pub starts: Vec<u32>,
    pub concepts: Vec<u32>,
    /// Sorted, unique: every concept of every word, what the other side's words are looked up in.
    pub offers: Vec<u32>,
    /// The sum of the weights.
    pub total: f32,
}

impl Lex {
    /// Adds a word, its weight and its concepts (`starts` must hold its first 0).
    pub fn push_word(&mut self, weight: f32, concepts: impl IntoIterator<Item = u32>) {
        self.weights.push(weight);
        self.concepts.extend(concepts);
        self.starts.push(self.concepts.len() as u32);
    }

    fn word(&self, k: usize) -> &[u32] {
        &self.concepts[self.starts[k] as usize..self.starts[k + 1] as usize]
    }

    /// The weight of this unit's words that `other` offers a translation for.
    pub fn matched_in(&self, other: &Lex) -> f32 {
        if other.offers.is_empty() {
            return 0.0;
        }
        (0..self.weights.len())
            .filter(|&k| self.word(k).iter().any(|c| other.offers.binary_search(c).is_ok()))
            .map(|k| self.weights[k])
            .sum()
    }

    /// [`Self::matched_in`] both ways, `(self in other, other in self)`: the concepts the two
    /// offer in common are found once, by one walk along both sorted lists, and most pairs of
    /// units far apart share none (a word's senses looked up one by one were nine tenths of
    /// aligning a long record with its words).
    pub fn matched_both(&self, other: &Lex) -> (f32, f32) {
        self.matched_both_with(other, &mut Vec::new())
    }

    /// [`Self::matched_both`] with a list to reuse for the concepts in common.
    pub fn matched_both_with(&self, other: &Lex, common: &mut Vec<u32>) -> (f32, f32) {
        let (a, b) = (&self.offers, &other.offers);
        common.clear();
        let (mut x, mut y) = (0, 0);
        while x < a.len() && y < b.len() {
            match a[x].cmp(&b[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    common.push(a[x]);
                    x += 1;
                    y += 1;
                }
            }
        }
        if common.is_empty() {
            return (0.0, 0.0);
        }
        let found = |lex: &Lex| -> f32 {
            (0..lex.weights.len())
                .filter(|&k| lex.word(k).iter().any(|c| common.binary_search(c).is_ok()))
                .map(|k| lex.weights[k])
                .sum()
        };
        (found(self), found(other))
    }

    /// Keeps the concepts `keep` says, and the words that still have one (coarse levels: the
    /// same concepts kept on both sides, so that what the two share stays shared).
    pub fn thin(&mut self, keep: impl Fn(u32) -> bool) {
        let mut out = Lex { starts: vec![0], ..Lex::default() };
        for k in 0..self.weights.len() {
            let before = out.concepts.len();
            out.concepts.extend(self.word(k).iter().copied().filter(|&c| keep(c)));
            if out.concepts.len() > before {
                out.weights.push(self.weights[k]);
                out.starts.push(out.concepts.len() as u32);
            }
        }
        out.offers = self.offers.iter().copied().filter(|&c| keep(c)).collect();
        out.total = out.weights.iter().sum();
        *self = out;
    }

    /// Two units' words as one (coarse levels).
    pub fn merge(a: &Lex, b: &Lex) -> Lex {
        if b.weights.is_empty() {
            return a.clone();
        }
        if a.weights.is_empty() {
            return b.clone();
        }
        // A word met again (the same concepts) is one word weighing both: a coarse unit of
        // thirty turns of a record holds a thousand words but a few dozen distinct ones.
        let mut words: Vec<(&[u32], f32)> = (0..a.weights.len())
            .map(|k| (a.word(k), a.weights[k]))
            .chain((0..b.weights.len()).map(|k| (b.word(k), b.weights[k])))
            .collect();
        words.sort_by(|x, y| x.0.cmp(y.0));
        let mut out =
            Lex { starts: vec![0], offers: union(&a.offers, &b.offers), total: a.total + b.total, ..Lex::default() };
        let mut last: Option<&[u32]> = None;
        for (concepts, weight) in words {
            match out.weights.last_mut() {
                Some(w) if last == Some(concepts) => *w += weight,
                _ => {
                    out.push_word(weight, concepts.iter().copied());
                    last = Some(concepts);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A unit's words from their concept lists (weights 1, 2, 3, …).
    fn lex(words: &[&[u32]]) -> Lex {
        let mut lex = Lex { starts: vec![0], ..Lex::default() };
        for (k, w) in words.iter().enumerate() {
            lex.push_word(k as f32 + 1.0, w.iter().copied());
        }
        lex.offers = lex.concepts.clone();
        lex.offers.sort_unstable();
        lex.offers.dedup();
        lex.total = lex.weights.iter().sum();
        lex
    }

    #[test]
    fn both_ways_at_once_is_each_way_alone() {
        let a = lex(&[&[1, 7, 9], &[2], &[30, 4], &[5, 6]]);
        let b = lex(&[&[9], &[40, 2, 3], &[11], &[6, 1]]);
        let none = lex(&[&[100, 101]]);
        for (x, y) in [(&a, &b), (&b, &a), (&a, &none), (&none, &a), (&a, &Lex::default())] {
            assert_eq!(x.matched_both(y), (x.matched_in(y), y.matched_in(x)));
        }
        // Words 0 (7, 9 → 9), 1 (2) and 3 (6) of `a` are answered: 1 + 2 + 4.
        assert_eq!(a.matched_both(&b), (7.0, 1.0 + 2.0 + 4.0));
    }

    #[test]
    fn a_merged_unit_holds_a_word_met_twice_once_with_both_weights() {
        let (a, b) = (lex(&[&[1, 7], &[2]]), lex(&[&[2], &[5]]));
        let m = Lex::merge(&a, &b);
        assert_eq!((m.weights.len(), m.total, m.offers.clone()), (3, 6.0, vec![1, 2, 5, 7]));
        // `[2]` weighs 2 in `a` and 1 in `b`.
        assert_eq!(m.matched_in(&lex(&[&[2]])), 3.0);
        let other = lex(&[&[7, 5], &[9]]);
        assert_eq!(m.matched_in(&other), a.matched_in(&other) + b.matched_in(&other));
    }

    #[test]
    fn a_turn_ends_as_its_last_mark_says_quotes_aside() {
        assert_eq!(Ending::of("Die Pause ist um, und ich muss wieder etwas tun :  "), Ending::Colon);
        assert_eq!(Ending::of("他问道："), Ending::Colon);
        assert_eq!(Ending::of("« Pourquoi ? »"), Ending::Question);
        assert_eq!(Ending::of("“你去哪儿？”"), Ending::Question);
        assert_eq!(Ending::of("He left at 4:45."), Ending::Other);
        assert_eq!(Ending::of(""), Ending::Other);
    }

    #[test]
    fn an_ending_one_side_hardly_marks_costs_nothing() {
        let unit = |text: &str| Unit { end: Ending::of(text), closes: closes_quote(text), ..Unit::narration(10.0) };
        // English speech in quotation marks; a French novel's dialogue with dashes.
        let en: Vec<Unit> = ["'Yes,' he said.", "'No!'", "She left.", "'Why?'"].map(unit).into();
        let fr: Vec<Unit> = ["— Oui, dit-il.", "— Non !", "Elle partit.", "— Pourquoi ?"].map(unit).into();
        let apart = ENDS_APART;
        assert_eq!(ends_cost(&en, &fr), [apart[0], apart[1], 0.0]);
        let zh: Vec<Unit> = ["他道：“好。”", "“不！”", "她走了。", "“为什么？”"].map(unit).into();
        assert_eq!(ends_cost(&en, &zh), apart, "both close their quotations");
    }

    #[test]
    fn a_turn_closes_a_quotation_with_its_last_mark() {
        assert!(closes_quote("小玄子道：“很好！”"));
        assert!(closes_quote("'At you!' "));
        assert!(closes_quote("« Oui, dit-il. »"));
        assert!(!closes_quote("'You're hopeless!' cried Trinket with a grin."));
        assert!(!closes_quote("the boys'"), "a possessive");
        assert!(!closes_quote("小玄子一怔，道：“好，咱们打个彩头。"), "the quotation goes on");
    }
}
