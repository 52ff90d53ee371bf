//! Which label candidates of a document are speakers: recurrence, the label's style, the other side.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::labels::{self, Candidate, Style};
use super::paragraphs::Line;
use super::text::canonical;

/// A speaker of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The name as most often written (`White Horse Business Review`).
    pub name: String,
    /// The canonical form used for logic (`whitehorsebusinessreview`).
    pub canonical: String,
}

/// At most this many near misses are kept per document (a long record's labels are speakers).
const MAX_NEAR_MISSES: usize = 10_000;

/// What [`decide_speakers`] found.
pub struct Decided {
    pub speakers: Vec<Speaker>,
    /// Labels heard too rarely to count, as speakers: `(name as written, canonical form)`.
    pub near_misses: Vec<(String, String)>,
}

/// Names that recur as labels are speakers; one-off `x: y` lines and repeated titles are not.
/// `also` names labels (canonical form) that are speakers however rarely heard: the other side
/// of the pair has them (see [`from_other_side`]), or the user said so.
pub fn decide_speakers<'a>(
    lines: &'a [Line],
    candidates: &'a [Option<Box<Candidate>>],
    also: &BTreeSet<String>,
) -> Decided {
    struct Seen<'a> {
        style: Style,
        first: usize,
        /// Distinct whole lines: a title repeated or a copied block counts once.
        /// (foldhash: the text below a label is a whole speech, which SipHash was slow to read.)
        distinct: HashSet<(&'a str, &'a str), foldhash::fast::FixedState>,
        spellings: HashMap<&'a str, usize>,
        /// Written at least once with a riding, party or office in brackets.
        qualified: bool,
        /// The styles it is written in where the speech starts on the very next line or on the
        /// label's own line (a heading alone is followed by a blank line).
        tight: HashSet<Style>,
    }
    let mut seen: HashMap<&str, Seen> = HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let Some(c) = c else { continue };
        // A name alone is told apart by the speech below it; a line alone followed straight by
        // another label (`ROUTINE PROCEEDINGS` above `The Speaker:`) is a heading, not a speaker.
        let below = if c.rest == lines[i].text.len() {
            let next = (i + 1..lines.len()).find(|&k| !lines[k].text.is_empty());
            if next.is_some_and(|k| candidates[k].is_some()) {
                continue;
            }
            next.map_or("", |k| lines[k].text.as_ref())
        } else {
            ""
        };
        let entry = seen.entry(c.canonical.as_str()).or_insert_with(|| Seen {
            style: c.style,
            first: i,
            distinct: HashSet::default(),
            spellings: HashMap::new(),
            qualified: false,
            tight: HashSet::new(),
        });
        entry.qualified |= c.qualified;
        if c.rest < lines[i].text.len() || lines.get(i + 1).is_some_and(|l| !l.text.is_empty()) {
            entry.tight.insert(c.style);
        }
        entry.distinct.insert((lines[i].text.as_ref(), below));
        *entry.spellings.entry(c.name.as_str()).or_default() += 1;
    }
    // Where the record's own label style (`Name (Riding, Party):`) recurs, every such label is a
    // speaker, including a member heard once.
    let qualified: HashSet<&str> =
        candidates.iter().flatten().filter(|c| c.qualified).map(|c| c.label.as_str()).collect();
    let style_recurs = qualified.len() >= 3;
    let recurs = |canon: &str, s: &Seen| {
        let n = s.distinct.len();
        n >= s.style.min_occurrences()
            || (labels::is_interview_mark(canon) && n >= 1 && s.style != Style::MarkDot)
            || (style_recurs && s.qualified && n >= 1)
    };
    // A script whose speakers are written one way (`HAMLET` above the speech, `哈姆莱特　…`)
    // names a character who speaks once the same way. Not for a Han word alone on its line,
    // which a short verse line is as often as a name.
    let mut by_style: HashMap<Style, usize> = HashMap::new();
    for (canon, s) in &seen {
        if recurs(canon, s) && !labels::is_interview_mark(canon) {
            *by_style.entry(s.style).or_default() += 1;
        }
    }
    // A parliamentary record's own label style (`M. Jean Dupont. …`, `Name. – …`), rare in
    // anything else, is established by one member heard twice: a minister heard once is a
    // speaker too.
    let established = |style: Style| {
        let needed = if matches!(style, Style::Record | Style::Stamped) { 1 } else { 2 };
        matches!(style, Style::CapsAlone | Style::CapsDot | Style::HanSpace | Style::Record | Style::Stamped)
            && by_style.get(&style).is_some_and(|&n| n >= needed)
    };
    let written = |canon: &'a str, s: &Seen<'a>| -> &'a str {
        s.spellings.iter().max_by_key(|&(name, n)| (*n, std::cmp::Reverse(*name))).map_or(canon, |(n, _)| *n)
    };
    type Labels<'a> = Vec<(&'a str, Seen<'a>)>;
    let (mut named, mut missed): (Labels, Labels) = seen.into_iter().partition(|(canon, s)| {
        // Any one of its labels in the script's own style will do: a cast list may name the
        // character first another way (`搬运工` alone on its line).
        recurs(canon, s) || s.tight.iter().any(|&style| established(style)) || also.contains(*canon)
    });
    // `Q.` and `A.` are an interview's only together: an outline's `A. Introduction` alone is none.
    let dotted = |l: &(&str, Seen)| l.1.style == Style::MarkDot;
    if named.iter().filter(|l| dotted(l)).count() == 1
        && let Some(k) = named.iter().position(dotted)
    {
        missed.push(named.swap_remove(k));
    }
    let mut near_misses: Vec<(String, String)> =
        missed.iter().map(|(c, s)| (written(c, s).to_string(), c.to_string())).collect();
    near_misses.sort_unstable();
    near_misses.truncate(MAX_NEAR_MISSES);
    let occurrences: usize = named.iter().map(|(_, s)| s.distinct.len()).sum();
    let real = named.iter().filter(|(c, _)| !labels::is_interview_mark(c)).count();
    let marks = named.len() - real;
    if occurrences < 3 || (real == 0 && marks < 2) {
        near_misses.extend(named.iter().map(|(c, s)| (written(c, s).to_string(), c.to_string())));
        return Decided { speakers: Vec::new(), near_misses };
    }
    named.sort_by_key(|(_, s)| s.first);
    let speakers = named
        .into_iter()
        .map(|(canon, s)| Speaker { name: written(canon, &s).to_string(), canonical: canon.to_string() })
        .collect();
    Decided { speakers, near_misses }
}

/// Words before a name that say what the person is, not who: dropped when a name is looked for
/// on the other side (`Mr. John Smith` is `M. John Smith`).
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "hon",
    "honourable",
    "honorable",
    "rt",
    "right",
    "the",
    "sir",
    "dame",
    "lord",
    "lady",
    "m",
    "mme",
    "mlle",
    "me",
    "mgr",
    "lhon",
    "l",
    "pr",
    "herr",
    "frau",
    "sr",
    "sra",
    "don",
    "doña",
    "dona",
    "sen",
    "rep",
];

/// A person's name with titles dropped, in canonical form: what stays the same across a
/// translation. Empty when nothing is left.
pub fn person_key(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '.' || c == '\'' || c == '’')
        .map(canonical)
        .filter(|w| !w.is_empty())
        .collect();
    let first = words.iter().position(|w| !HONORIFICS.contains(&w.as_str())).unwrap_or(words.len());
    words[first..].concat()
}

/// Labels of one side heard too rarely to count (`near_misses`, canonical form) whose person
/// the other side has among its speakers: with both documents in view, they are speakers too.
pub fn from_other_side(near_misses: &[(String, String)], other: &[Speaker]) -> BTreeSet<String> {
    let people: HashSet<String> =
        other.iter().map(|s| person_key(&s.name)).filter(|k| k.chars().count() >= 2).collect();
    near_misses.iter().filter(|(name, _)| people.contains(&person_key(name))).map(|(_, c)| c.clone()).collect()
}

#[cfg(test)]
mod tests {
    use crate::core::turns::{TurnKind, split};

    fn summary(text: &str) -> Vec<(TurnKind, Option<String>, String)> {
        let t = split(text);
        t.turns.iter().map(|turn| (turn.kind, t.speaker_name(turn).map(String::from), turn.text.clone())).collect()
    }

    const SCENE: &str = "ACT I\n\nSCENE 1. A lighthouse. Night.\n\n[MARA trims the wick.]\n\n\
        MARA\nThe wind has turned again, and still no sail\nHas rounded the point.\n\n\
        [A knock below.]\n\nWho climbs my stair?\n\n\
        TOMAS\nYour brother, Mara.\n\nMARA\nAt dusk? Then she is close.\n\nSpeak to me,\nTomas. How long since you saw her?\n\n\
        TOMAS\nTwo hours, perhaps.\n\nA BOY\nThey have lit a fire!\n\n[Curtain.]\n\nTHE END\n";

    #[test]
    fn a_character_who_speaks_once_is_named_like_the_others() {
        let s = summary(SCENE);
        assert!(s.contains(&(TurnKind::Speech, Some("A BOY".into()), "They have lit a fire!".into())), "{s:?}");
        assert_eq!(s[0], (TurnKind::Heading, None, "ACT I".into()), "a heading with a blank line below");
        let zh = "玛拉　风又转了向。\n\n托马斯　是你弟弟。\n\n玛拉　黄昏？\n\n托马斯　两个钟头吧。\n\n玛拉　多久？\n\n托马斯　很久。\n\n男孩　他们点了火！\n\n第二场　同前。稍后。";
        let s = summary(zh);
        assert_eq!(s[6].1.as_deref(), Some("男孩"));
        let names: Vec<String> = split(zh).speakers.into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["玛拉", "托马斯", "男孩"], "a scene's number is no name");
        // One Han word alone on its line, once, is as often a verse line as a name.
        let verse = "玛拉\n风又转了向。\n\n托马斯\n是你弟弟。\n\n玛拉\n黄昏？\n\n托马斯\n两个钟头吧。\n\n玛拉\n多久？\n\n托马斯\n很久。\n\n春眠\n不觉晓。";
        assert_eq!(split(verse).speakers.len(), 2);
    }

    #[test]
    fn a_press_interviews_q_and_a_are_its_speakers_an_outlines_a_is_not() {
        let qa = "Q. How did you start?\n\nA. With two colleagues.\n\nQ. Was it hard?\n\nA. Very.\n";
        let s = summary(qa);
        assert_eq!(s[1], (TurnKind::Speech, Some("A".into()), "With two colleagues.".into()));
        let outline = "A. Introduction\n\nText.\n\nB. Methods\n\nMore text.\n\nA. Results\n\nEven more.\n";
        assert!(split(outline).speakers.is_empty());
        let novel = "A. Lincoln spoke first.\n\nQ. Adams replied.\n\nA. Lincoln nodded.\n\nThen all went home.\n";
        assert!(split(novel).speakers.is_empty(), "each mark needs to be heard twice");
    }

    #[test]
    fn verse_lines_and_stage_directions_stay_in_the_speech_they_belong_to() {
        let s = summary(SCENE);
        let mara = |text: &str| (TurnKind::Speech, Some("MARA".into()), text.to_string());
        assert!(
            s.contains(&mara("At dusk? Then she is close.\nSpeak to me,\nTomas. How long since you saw her?")),
            "{s:?}"
        );
        assert!(s.contains(&(TurnKind::Narration, None, "[A knock below.]".into())), "a stage direction is no heading");
        assert!(s.contains(&mara("Who climbs my stair?")), "after a stage direction the speaker goes on: {s:?}");
        assert_eq!(s[2], (TurnKind::Narration, None, "[MARA trims the wick.]".into()));
        assert_eq!(s.last().unwrap().0, TurnKind::Heading);
    }
}

#[cfg(test)]
mod people {
    use super::*;
    use crate::core::turns::split;

    #[test]
    fn titles_are_not_part_of_a_person() {
        assert_eq!(person_key("Mr. John Smith"), "johnsmith");
        assert_eq!(person_key("M. John Smith"), "johnsmith");
        assert_eq!(person_key("L'hon. Anne Grey"), "annegrey");
        assert_eq!(person_key("Hon. Anne Grey"), "annegrey");
        assert_eq!(person_key("Marc Dubois"), "marcdubois", "a name that starts like a title keeps it");
        assert_eq!(person_key("Mr."), "");
    }

    #[test]
    fn the_other_side_shows_which_rare_labels_are_speakers() {
        let en = split(
            "Mr. John Smith (Red River, Cons.):\nFirst.\n\nThe Speaker:\nOrder.\n\nMr. John Smith (Red River, Cons.):\nSecond.\n\nThe Speaker:\nAgreed.",
        );
        let fr = split(
            "M. John Smith (Red River, Cons.):\nPremier.\n\nLe Président:\nÀ l'ordre.\n\nLe Président:\nAdopté.\n\nLe Président:\nLevée.\n\nSource: le Journal",
        );
        assert_eq!(fr.speakers.len(), 1, "one qualified label is not a recurring style");
        let found = from_other_side(&fr.near_misses, &en.speakers);
        assert_eq!(found.into_iter().collect::<Vec<_>>(), ["mjohnsmith"], "the source line stays what it is");
        assert!(from_other_side(&en.near_misses, &fr.speakers).is_empty());
    }
}
