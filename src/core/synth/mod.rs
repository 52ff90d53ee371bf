//! Deterministic synthetic document pairs of any length, for benchmarks and scale tests.
//!
//! The left side is a Chinese-looking interview, the right its "translation" in French-looking
//! words about three times as long, with turns dropped, split and added here and there, so the
//! aligner meets every kind of link. Nothing here is meant to be read.

mod parliament;

pub use parliament::{ParliamentPair, parliament_pair};

/// A small deterministic random generator (xorshift64*), so that benchmarks are repeatable.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo).max(1) as u64) as usize
    }

    /// True with probability `percent` in 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const HAN: &[char] = &[
    '模', '型', '数', '据', '训', '练', '语', '言', '翻', '译', '文', '字', '我', '们', '的', '是', '在', '了', '有',
    '和', '人', '这', '中', '大', '为', '上', '个', '国', '到', '说', '时', '要', '就', '出', '会', '可', '也', '你',
    '对', '生',
];
const WORDS: &[&str] = &[
    "le",
    "modèle",
    "données",
    "de",
    "la",
    "traduction",
    "nous",
    "avons",
    "une",
    "langue",
    "grand",
    "est",
    "dans",
    "pour",
    "que",
    "très",
    "été",
    "elle",
    "texte",
    "calcul",
    "année",
    "entreprise",
    "recherche",
    "question",
];

/// What the generator did to one left turn on the right side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Translated as one turn.
    Kept,
    /// Left out of the translation.
    Dropped,
    /// Translated as two turns.
    Split,
}

/// A generated pair: left text, right text, and what happened to each left turn.
pub struct SynthPair {
    pub left: String,
    pub right: String,
    pub fates: Vec<Fate>,
}

/// An interview of `turns` turns and its translation.
pub fn interview_pair(turns: usize, seed: u64) -> SynthPair {
    let mut rng = Rng::new(seed);
    let mut left = String::with_capacity(turns * 200);
    let mut right = String::with_capacity(turns * 500);
    let mut fates = Vec::with_capacity(turns);
    for k in 0..turns {
        let host = k % 2 == 0;
        let len = if host { rng.range(8, 60) } else { rng.range(30, 260) };
        let year = rng.chance(15).then(|| 1950 + rng.range(0, 75));
        left.push_str(if host { "主持人：" } else { "沈伟：" });
        han_text(&mut rng, len, year, &mut left);
        left.push_str("\n\n");
        let fate = match rng.next_u64() % 100 {
            0..=1 => Fate::Dropped,
            2..=3 if !host => Fate::Split,
            _ => Fate::Kept,
        };
        fates.push(fate);
        let label = if host { "Animateur : " } else { "Shen Wei : " };
        let target = len * 3 + rng.range(0, len / 2 + 2);
        match fate {
            Fate::Dropped => {}
            Fate::Kept => {
                right.push_str(label);
                latin_text(&mut rng, target, year, &mut right);
                right.push_str("\n\n");
            }
            Fate::Split => {
                for part in [target / 2, target - target / 2] {
                    right.push_str(label);
                    latin_text(&mut rng, part, year, &mut right);
                    right.push_str("\n\n");
                }
            }
        }
    }
    SynthPair { left, right, fates }
}

fn han_text(rng: &mut Rng, len: usize, year: Option<usize>, out: &mut String) {
    for i in 0..len {
        if i == len / 2
            && let Some(y) = year
        {
            out.push_str(&format!("{y}年"));
        }
        out.push(HAN[rng.range(0, HAN.len())]);
        if i % 17 == 16 {
            out.push('，');
        }
    }
    out.push('。');
}

fn latin_text(rng: &mut Rng, len: usize, mut year: Option<usize>, out: &mut String) {
    let start = out.len();
    out.push_str("Il");
    while out.len() - start < len {
        out.push(' ');
        match year {
            Some(y) if out.len() - start > len / 2 => {
                out.push_str(&format!("en {y}"));
                year = None;
            }
            _ => out.push_str(WORDS[rng.range(0, WORDS.len())]),
        }
    }
    out.push('.');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::turns;

    #[test]
    fn generated_pairs_are_repeatable_and_split_into_turns() {
        let a = interview_pair(50, 7);
        let b = interview_pair(50, 7);
        assert_eq!((a.left.as_str(), a.right.as_str()), (b.left.as_str(), b.right.as_str()));
        let left = turns::split(&a.left);
        assert_eq!(left.turns.len(), 50);
        assert_eq!(left.speakers.len(), 2);
        let kept = a.fates.iter().map(|f| match f {
            Fate::Kept => 1,
            Fate::Dropped => 0,
            Fate::Split => 2,
        });
        assert_eq!(turns::split(&a.right).turns.len(), kept.sum::<usize>());
    }
}
