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
}

impl Unit {
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

    /// Two units' words as one (coarse levels).
    pub fn merge(a: &Lex, b: &Lex) -> Lex {
        if b.weights.is_empty() {
            return a.clone();
        }
        if a.weights.is_empty() {
            return b.clone();
        }
        let shift = a.concepts.len() as u32;
        Lex {
            weights: [&a.weights[..], &b.weights[..]].concat(),
            starts: a.starts.iter().copied().chain(b.starts[1..].iter().map(|s| s + shift)).collect(),
            concepts: [&a.concepts[..], &b.concepts[..]].concat(),
            offers: union(&a.offers, &b.offers),
            total: a.total + b.total,
        }
    }
}
