//! What the aligner sees of a turn: its length, its kind, its speaker and the tokens that survive translation.

use std::collections::HashMap;

pub use super::unit::Unit;
use crate::core::side::both_sides;
use crate::core::text::{content_len, is_cjk, is_space};
use crate::core::turns::Turn;

/// Token vocabulary shared by both sides, with a weight per token (rarer is heavier).
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// FNV: tokens are short, and SipHash cost a tenth of the aligner's time on long records.
    ids: HashMap<String, u32, crate::core::hash::FnvBuild>,
    /// Number of turns (both sides) holding each token.
    df: Vec<u32>,
    pub weights: Vec<f32>,
}

impl Vocabulary {
    fn intern(&mut self, token: String) -> u32 {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(token).or_insert(next);
        if id as usize == self.df.len() {
            self.df.push(0);
        }
        id
    }

    /// Weights `ln(1 + turns / df)`, once every turn is read.
    fn finish(&mut self, turns: usize) {
        self.weights = self.df.iter().map(|&df| (1.0 + turns as f32 / df.max(1) as f32).ln()).collect();
    }
}

/// Units for both sides, with their shared vocabulary, and the times of subtitle turns (empty:
/// none; else one per turn).
pub fn units(
    left: &[Turn],
    right: &[Turn],
    left_times: &[(u32, u32)],
    right_times: &[(u32, u32)],
) -> (Vec<Unit>, Vec<Unit>, Vocabulary) {
    // Reading the tokens of each side is independent: the two sides on two threads when long.
    let read = |turns: &[Turn]| -> Vec<(Vec<String>, f32)> {
        turns.iter().map(|t| (survivors(&t.text), content_len(&t.text).max(1) as f32)).collect()
    };
    let (lt, rt) = both_sides(left, right, 4_000, read);
    let mut vocab = Vocabulary::default();
    let mut side = |turns: &[Turn], read: Vec<(Vec<String>, f32)>, times: &[(u32, u32)]| -> Vec<Unit> {
        turns
            .iter()
            .zip(read)
            .enumerate()
            .map(|(k, (t, (words, len)))| {
                let mut tokens: Vec<u32> = words.into_iter().map(|s| vocab.intern(s)).collect();
                tokens.sort_unstable();
                tokens.dedup();
                for &id in &tokens {
                    vocab.df[id as usize] += 1;
                }
                Unit {
                    len,
                    kind: t.kind,
                    speaker: t.speaker.map(|s| s as u32),
                    tokens,
                    time: times.get(k).copied(),
                    lex: Default::default(),
                    end: super::unit::Ending::of(&t.text),
                    closes: super::unit::closes_quote(&t.text),
                }
            })
            .collect()
    };
    let l = side(left, lt, left_times);
    let r = side(right, rt, right_times);
    vocab.finish(l.len() + r.len());
    (l, r, vocab)
}

/// Tokens that survive translation: numbers (separators removed), words mixing letters and
/// digits (`GPT-4`, `A100`), and Latin-script names — capitalised words not opening a sentence,
/// or any Latin word inside CJK text.
pub fn survivors(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut prev_cjk = false;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            if matches!(c, '.' | '!' | '?' | ':' | '"' | '«' | '“' | '。' | '！' | '？' | '：' | '\n' | '(' | '（')
            {
                sentence_start = true;
            }
            if !is_space(c) {
                prev_cjk = is_cjk(c);
            }
            continue;
        }
        // A token: letters and digits, joined by inner `-` (or `.` `,` between digits).
        let (mut end, mut last) = (start + c.len_utf8(), c);
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                let after = text[i + c.len_utf8()..].chars().next();
                let joins = after.is_some_and(is_word_char)
                    && (c == '-'
                        || (matches!(c, '.' | ',')
                            && last.is_ascii_digit()
                            && after.is_some_and(|a| a.is_ascii_digit())));
                if !joins {
                    break;
                }
            }
            chars.next();
            (end, last) = (i + c.len_utf8(), c);
        }
        let word = &text[start..end];
        let next_cjk = text[end..].chars().next().is_some_and(is_cjk);
        let (mut digits, mut letters, mut inner_capital) = (0, 0, false);
        for (k, c) in word.chars().enumerate() {
            digits += usize::from(c.is_ascii_digit());
            letters += usize::from(c.is_alphabetic());
            inner_capital |= k > 0 && c.is_uppercase();
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase) && letters >= 2;
        let in_cjk = (prev_cjk || next_cjk) && letters >= 2;
        let keep = (digits > 0 && digits + letters >= 2) || (capital && (!sentence_start || inner_capital)) || in_cjk;
        if keep {
            out.push(word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect());
        }
        sentence_start = false;
        prev_cjk = false;
    }
    out
}

/// Letters and digits of scripts written with spaces between words (not CJK).
fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { !is_cjk(c) && c.is_alphanumeric() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::turns::TurnKind;

    #[test]
    fn numbers_and_names_survive() {
        let t = survivors("In 2017, OpenAI and Google used 10,000 Nvidia A100 cards for GPT-4.");
        assert_eq!(t, ["2017", "openai", "google", "10000", "nvidia", "a100", "gpt4"]);
        let fr = survivors("En 2017, l'avènement de Transformer, puis OpenAI GPT et Google Bert.");
        assert_eq!(fr, ["2017", "transformer", "openai", "gpt", "google", "bert"]);
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        assert_eq!(survivors("The model is big. Then it grew."), Vec::<String>::new());
        assert_eq!(survivors("ChatGPT est là."), ["chatgpt"], "an inner capital marks a name even first");
    }

    #[test]
    fn latin_words_inside_chinese_survive() {
        let t = survivors("在第一版基于GPT-3.5大模型的底座上开发出来的ChatGPT迁移到Nvidia芯片，2019年");
        assert_eq!(t, ["gpt35", "chatgpt", "nvidia", "2019"]);
    }

    #[test]
    fn merged_units_keep_union_and_speech() {
        let a = Unit {
            len: 10.0,
            kind: TurnKind::Heading,
            speaker: None,
            tokens: vec![1, 3],
            time: None,
            lex: Default::default(),
            end: Default::default(),
            closes: false,
        };
        let b = Unit {
            len: 5.0,
            kind: TurnKind::Speech,
            speaker: Some(0),
            tokens: vec![2, 3],
            time: None,
            lex: Default::default(),
            end: Default::default(),
            closes: false,
        };
        let m = Unit::merge(&a, &b);
        assert_eq!((m.len, m.kind, m.speaker, m.tokens), (15.0, TurnKind::Speech, None, vec![1, 2, 3]));
    }
}
