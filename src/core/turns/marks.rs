//! A transcript's times on lines of their own (`0:12` above what is said then, as video sites
//! export transcripts): the mark of the turn below, never a turn of its own.

use super::{Turn, TurnKind};
use crate::core::labels::is_time;

/// How many lines holding only a time make them a transcript's marks rather than stray lines.
const MIN_MARKS: usize = 3;

/// Folds each turn that is only a time into the turn below it: that turn starts on the time's
/// line and carries the time in its label (`0:12`, or `0:12 Anna Berg:` before a label).
pub(super) fn fold_time_marks(turns: Vec<Turn>) -> Vec<Turn> {
    let is_mark = |t: &Turn| t.kind != TurnKind::Speech && is_time(&t.text);
    if turns.iter().filter(|t| is_mark(t)).take(MIN_MARKS).count() < MIN_MARKS {
        return turns;
    }
    let mut out: Vec<Turn> = Vec::with_capacity(turns.len());
    let mut pending: Option<Turn> = None;
    for mut turn in turns {
        if is_mark(&turn) {
            // Two times in a row: the first marked nothing and stays as it was.
            out.extend(pending.replace(turn));
            continue;
        }
        if let Some(mark) = pending.take() {
            turn.first_line = mark.first_line;
            turn.label = Some(match turn.label.take() {
                Some(label) => format!("{} {label}", mark.text),
                None => mark.text,
            });
        }
        out.push(turn);
    }
    out.extend(pending);
    out
}

/// When each turn is said, from the times in their labels (`Anna Berg (00:12):`, `0:12`): its
/// own time to the next turn's, so that two transcripts of one recording align by time as
/// subtitles do. A turn without a time (the transcript's title, a note) is placed, without
/// length, where the next timed turn starts. Empty unless most turns have a time.
pub(super) fn label_times(turns: &[Turn]) -> Vec<(u32, u32)> {
    let starts: Vec<Option<u32>> = turns
        .iter()
        .map(|t| t.label.as_deref().and_then(crate::core::labels::time_in).and_then(crate::core::formats::millis))
        .collect();
    let timed = starts.iter().flatten().count();
    if timed < MIN_MARKS || timed * 4 < turns.len() * 3 {
        return Vec::new();
    }
    // Each turn's start (a turn without a time: the next timed turn's), then each one's end.
    let mut next = starts.iter().rev().flatten().next().copied().unwrap_or(0);
    let mut placed: Vec<u32> = starts
        .iter()
        .rev()
        .map(|s| {
            next = s.unwrap_or(next);
            next
        })
        .collect();
    placed.reverse();
    let ends = placed.iter().skip(1).copied().chain(placed.last().copied());
    placed.iter().zip(ends).zip(&starts).map(|((&s, e), own)| (s, if own.is_some() { e.max(s) } else { s })).collect()
}

#[cfg(test)]
mod tests {
    use crate::core::turns::split;

    #[test]
    fn times_on_their_own_lines_mark_the_turn_below() {
        let t = split("0:00\nThe following is a conversation.\n0:12\nThank you.\n0:20\nHow long?\n1:02\nWhy?\n");
        let texts: Vec<&str> = t.turns.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["The following is a conversation.", "Thank you.", "How long?", "Why?"]);
        let second = &t.turns[1];
        assert_eq!((second.label.as_deref(), second.first_line, second.last_line), (Some("0:12"), 3, 4));
    }

    #[test]
    fn the_times_in_labels_say_when_each_turn_is_said() {
        assert_eq!(crate::core::formats::millis("00:01:02"), Some(62_000));
        assert_eq!(crate::core::formats::millis("1:02.5"), Some(62_500));
        let t = split("Anna (00:00:10):\nYes.\n\nLex (00:00:15):\nNo.\n\nAnna (00:01:00):\nWhy?\n");
        assert_eq!(t.times, [(10_000, 15_000), (15_000, 60_000), (60_000, 60_000)]);
        assert!(split("Anna: Yes.\n\nLex: No.\n\nAnna: Why?\n").times.is_empty());
        // A title above the timed turns takes no time of its own.
        let titled = "# Tunnels\n\nAnna (00:00:10):\nYes.\n\nLex (00:00:15):\nNo.\n\nAnna (00:01:00):\nWhy?\n";
        assert_eq!(split(titled).times, [(10_000, 10_000), (10_000, 15_000), (15_000, 60_000), (60_000, 60_000)]);
    }

    #[test]
    fn a_time_or_two_in_a_text_stays_where_it_is() {
        let t = split("Programme\n\n10:30\n\nThe train left.\n\n11:45\n\nIt arrived.\n");
        assert!(t.turns.iter().any(|t| t.text == "10:30"), "{:?}", t.turns);
        let t =
            split("0:12\nAnna Berg: Thank you.\n0:20\nLex: How long?\n0:25\nAnna Berg: A month.\n0:30\nLex: Why?\n");
        assert_eq!(t.turns[0].label.as_deref(), Some("0:12 Anna Berg:"));
        assert_eq!(t.turns[0].text, "Thank you.");
    }
}
