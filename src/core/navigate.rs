//! Moving through an aligned pair: rows of turns and lines, a speaker's next turn, "go to" targets.

use super::document::Pair;
use super::side::Side;

/// The row (alignment link) holding turn `turn` (0-based) of a side.
pub fn row_of_turn(pair: &Pair, side: Side, turn: usize) -> Option<usize> {
    pair.alignment.link_of(side, turn)
}

/// The row holding line `line` (1-based) of a side's file, or the first turn after it.
pub fn row_of_line(pair: &Pair, side: Side, line: usize) -> Option<usize> {
    let turns = &pair.doc(side).turns.turns;
    let turn = turns.iter().position(|t| t.last_line >= line)?;
    row_of_turn(pair, side, turn)
}

/// The next (or previous) row, after `from`, holding a turn of `speaker` on `side`.
pub fn speaker_row(pair: &Pair, from: usize, side: Side, speaker: usize, forward: bool) -> Option<usize> {
    let turns = &pair.doc(side).turns.turns;
    let has = |row: usize| pair.alignment.links[row].turns(side).clone().any(|t| turns[t].speaker == Some(speaker));
    let n = pair.alignment.links.len();
    if forward { (from + 1..n).find(|&r| has(r)) } else { (0..from.min(n)).rev().find(|&r| has(r)) }
}

/// The speaker of a row: its first left turn's, else its first right turn's, with the side.
pub fn row_speaker(pair: &Pair, row: usize) -> Option<(Side, usize)> {
    let link = pair.alignment.links.get(row)?;
    Side::BOTH.into_iter().find_map(|side| {
        link.turns(side).clone().find_map(|t| pair.doc(side).turns.turns[t].speaker).map(|s| (side, s))
    })
}

/// Where "go to" sends the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goto {
    /// Turn number (1-based, as shown) of a side.
    Turn { side: Side, number: usize },
    /// Line number (1-based) of a side's file.
    Line { side: Side, number: usize },
}

impl Goto {
    /// Reads `12` (turn 12, left), `l34` or `line 34` (line 34, left), and the same with an `r`
    /// in front for the right side: `r12`, `rl34`. Case and spaces do not matter.
    pub fn parse(text: &str) -> Option<Goto> {
        let t: String = text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
        let (side, rest) = match t.strip_prefix('r') {
            Some(rest) => (Side::Right, rest),
            None => (Side::Left, t.as_str()),
        };
        let (line, digits) = match rest.strip_prefix("line").or_else(|| rest.strip_prefix('l')) {
            Some(d) => (true, d),
            None => (false, rest.strip_prefix('#').unwrap_or(rest)),
        };
        let number: usize = digits.parse().ok().filter(|&n| n > 0)?;
        Some(if line { Goto::Line { side, number } } else { Goto::Turn { side, number } })
    }

    /// The row this target falls in.
    pub fn row(self, pair: &Pair) -> Option<usize> {
        match self {
            Goto::Turn { side, number } => row_of_turn(pair, side, number - 1),
            Goto::Line { side, number } => row_of_line(pair, side, number),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::Document;

    fn pair() -> Pair {
        let zh = "标题\n\n主持人：你好。\n\n林晓：你好啊，很高兴见到你。\n\n主持人：再见。\n\n林晓：再见啦。";
        let fr = "Titre\n\nAnimateur : Bonjour.\n\nLin Xiao : Bonjour, ravie de vous voir.\n\nAnimateur : Au revoir.\n\nLin Xiao : Au revoir.";
        Pair::new(Document::from_text("zh", zh, "UTF-8", 0), Document::from_text("fr", fr, "UTF-8", 0))
    }

    #[test]
    fn goto_targets_parse() {
        assert_eq!(Goto::parse("12"), Some(Goto::Turn { side: Side::Left, number: 12 }));
        assert_eq!(Goto::parse("#12"), Some(Goto::Turn { side: Side::Left, number: 12 }));
        assert_eq!(Goto::parse("l34"), Some(Goto::Line { side: Side::Left, number: 34 }));
        assert_eq!(Goto::parse("Line 34"), Some(Goto::Line { side: Side::Left, number: 34 }));
        assert_eq!(Goto::parse("r 7"), Some(Goto::Turn { side: Side::Right, number: 7 }));
        assert_eq!(Goto::parse("RL9"), Some(Goto::Line { side: Side::Right, number: 9 }));
        assert_eq!(Goto::parse("0"), None);
        assert_eq!(Goto::parse("abc"), None);
    }

    #[test]
    fn rows_of_turns_lines_and_speakers() {
        let p = pair();
        assert_eq!(p.alignment.links.len(), 5);
        assert_eq!(Goto::parse("3").unwrap().row(&p), Some(2));
        assert_eq!(Goto::parse("l5").unwrap().row(&p), Some(2), "line 5 is the third turn");
        assert_eq!(Goto::parse("l4").unwrap().row(&p), Some(2), "a blank line goes to the next turn");
        assert_eq!(Goto::parse("l99").unwrap().row(&p), None);
        assert_eq!(row_speaker(&p, 1), Some((Side::Left, 0)));
        assert_eq!(speaker_row(&p, 1, Side::Left, 0, true), Some(3));
        assert_eq!(speaker_row(&p, 3, Side::Left, 0, false), Some(1));
        assert_eq!(speaker_row(&p, 3, Side::Left, 0, true), None);
    }
}
