//! Paragraphs → speaker turns, with the speakers decided in `speakers.rs`.

mod marks;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::labels::{self, Candidate, Style};
use super::paragraphs::{self, Line, Paragraph};
use super::text::{display_width_up_to, is_space, is_terminal_punct, last_meaningful, trim};

/// What a turn is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TurnKind {
    /// Someone speaking, after a label.
    Speech,
    /// Text no speaker says: an introduction, a note, a stage direction, a footer.
    Narration,
    /// A title or section heading.
    Heading,
}

pub use super::speakers::Speaker;

/// One turn: a speech with its continuation paragraphs, or one narration or heading paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub kind: TurnKind,
    /// Index into [`Turns::speakers`].
    pub speaker: Option<usize>,
    /// The label as written (`Shen Wei :`).
    pub label: Option<String>,
    /// 1-based, inclusive, in the original file.
    pub first_line: usize,
    pub last_line: usize,
    /// What the reader reads: no label, no emphasis marks; paragraphs separated by `\n`.
    pub text: String,
}

/// The turns of one document and its speakers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Turns {
    pub speakers: Vec<Speaker>,
    pub turns: Vec<Turn>,
    /// For subtitles, and transcripts whose every label has a time: when each turn is said
    /// (start and end, in milliseconds), one per turn; empty for documents without times.
    pub times: Vec<(u32, u32)>,
    /// Labels heard too rarely to count as speakers, `(name, canonical)`: what the other side
    /// of the pair may show to be speakers after all (see [`super::speakers::from_other_side`]).
    pub near_misses: Vec<(String, String)>,
}

impl Turns {
    /// The display name of a turn's speaker.
    pub fn speaker_name(&self, turn: &Turn) -> Option<&str> {
        turn.speaker.map(|s| self.speakers[s].name.as_str())
    }
}

/// The user's corrections to how a document is split into turns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmentation {
    /// Labels (canonical form) that are never a speaker in this document.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub not_speakers: BTreeSet<String>,
    /// A speaker (canonical form) who is the same person as another: `from` → `into`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub aliases: BTreeMap<String, String>,
    /// Speeches split by hand: `(line, k)` — the speech that starts on `line` (1-based) ends
    /// before its paragraph `k` (0-based), which starts a turn of the same speaker.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub breaks: BTreeSet<(usize, usize)>,
    /// Labels (canonical form) that are speakers though heard too rarely to count on their own:
    /// the other side of the pair has that speaker, or the user said so.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub speakers: BTreeSet<String>,
    /// Turns cut inside a paragraph: `(line, at)` — the turn that starts on `line` is cut before
    /// its character `at` (a sentence's start).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub cuts: BTreeSet<(usize, usize)>,
}

impl Segmentation {
    pub fn is_empty(&self) -> bool {
        self.not_speakers.is_empty()
            && self.aliases.is_empty()
            && self.breaks.is_empty()
            && self.cuts.is_empty()
            && self.speakers.is_empty()
    }
}

/// Splits a document's text into turns.
pub fn split(text: &str) -> Turns {
    split_with(text, &Segmentation::default())
}

/// [`split`], with the user's corrections.
pub fn split_with(text: &str, seg: &Segmentation) -> Turns {
    let lines = paragraphs::lines(text);
    let mut candidates = line_candidates(&lines);
    for c in candidates.iter_mut().flatten() {
        if let Some(into) = seg.aliases.get(&c.canonical) {
            c.canonical = into.clone();
        }
    }
    // A label the user says is no speaker is not counted; it still reads as a rejected label.
    let counted: std::borrow::Cow<[Option<Box<Candidate>>]> = if seg.not_speakers.is_empty() {
        std::borrow::Cow::Borrowed(&candidates)
    } else {
        candidates.iter().map(|c| c.clone().filter(|c| !seg.not_speakers.contains(&c.canonical))).collect()
    };
    let super::speakers::Decided { speakers, near_misses } =
        super::speakers::decide_speakers(&lines, &counted, &seg.speakers);
    let accepted: HashMap<&str, usize> = speakers.iter().enumerate().map(|(i, s)| (s.canonical.as_str(), i)).collect();
    let speaker_of = |i: usize| -> Option<(usize, &Candidate)> {
        let c = candidates[i].as_deref()?;
        accepted.get(c.canonical.as_str()).map(|&s| (s, c))
    };
    let wrapped = paragraphs::is_hard_wrapped(&lines);
    let paras = paragraphs::paragraphs(&lines, wrapped, |i| speaker_of(i).is_some());
    let mut builder = Builder {
        lines: &lines,
        paras: &paras,
        turns: Vec::new(),
        open: false,
        label_alone: false,
        interrupted: None,
        standalone: HashSet::new(),
        breaks: &seg.breaks,
    };
    for (pi, para) in paras.iter().enumerate() {
        let first = para.lines.start;
        if let Some((speaker, cand)) = speaker_of(first) {
            builder.open_speech(para, speaker, cand);
        } else {
            // A label that is no speaker stands on its own: `Note:` among speakers, or a label
            // the user or the other side said is none (never the speech of a name above it).
            let rejected_label = candidates[first].as_ref().is_some_and(|c| {
                matches!(c.style, Style::Colon | Style::Stamped) && !speakers.is_empty()
                    || seg.not_speakers.contains(&c.canonical)
            });
            builder.other(pi, rejected_label, |i| speaker_of(i).is_some());
        }
    }
    let mut turns = marks::fold_time_marks(builder.turns);
    if !seg.cuts.is_empty() {
        turns = cut_sentences(turns, &seg.cuts);
    }
    // What is kept for the document's life holds no room to grow (a long file's turns were
    // built by appending).
    turns.shrink_to_fit();
    turns.iter_mut().for_each(|t| t.text.shrink_to_fit());
    let times = marks::label_times(&turns);
    Turns { speakers, turns, times, near_misses }
}

/// Cuts turns inside a paragraph, at sentence ends the user chose: `(line, at)` cuts the turn
/// that starts on `line` before its character `at`. Both parts keep the speaker and the lines.
fn cut_sentences(turns: Vec<Turn>, cuts: &BTreeSet<(usize, usize)>) -> Vec<Turn> {
    let mut out = Vec::with_capacity(turns.len() + cuts.len());
    for turn in turns {
        let mut at: Vec<usize> =
            cuts.range((turn.first_line, 0)..=(turn.first_line, usize::MAX)).map(|&(_, a)| a).collect();
        let len = turn.text.chars().count();
        at.retain(|&a| a > 0 && a < len);
        if at.is_empty() {
            out.push(turn);
            continue;
        }
        let chars: Vec<char> = turn.text.chars().collect();
        let mut from = 0;
        for (k, end) in at.into_iter().chain(std::iter::once(len)).enumerate() {
            let text: String = chars[from..end].iter().collect::<String>().trim_matches(is_space).to_string();
            from = end;
            if text.is_empty() {
                continue;
            }
            out.push(Turn { text, label: if k == 0 { turn.label.clone() } else { None }, ..turn.clone() });
        }
    }
    out
}

/// A label candidate for each line that could start a paragraph (boxed: most lines have none,
/// and a long file has millions of lines).
fn line_candidates(lines: &[Line]) -> Vec<Option<Box<Candidate>>> {
    (0..lines.len())
        .map(|i| {
            let text = &lines[i].text;
            if text.is_empty() {
                return None;
            }
            let speech_below = lines[i + 1..].iter().take(3).any(|l| !l.text.is_empty());
            labels::candidate(text, speech_below).map(Box::new)
        })
        .collect()
}

struct Builder<'a> {
    lines: &'a [Line<'a>],
    paras: &'a [Paragraph],
    turns: Vec<Turn>,
    /// The last turn is a speech that may still take continuation paragraphs.
    open: bool,
    /// The open speech's label stands alone on its line, its lines below it (a play's verse,
    /// a record's speech): a short line inside it is one of its lines.
    label_alone: bool,
    /// A stage direction or a note in brackets interrupted this speaker's speech: what follows
    /// it, unlabelled, is the same speaker going on.
    interrupted: Option<Option<usize>>,
    /// Texts of paragraphs that stood alone (narration, headings): a copy of one stands alone too.
    standalone: HashSet<String>,
    /// Where the user split a speech (see [`Segmentation::breaks`]).
    breaks: &'a BTreeSet<(usize, usize)>,
}

impl Builder<'_> {
    fn open_speech(&mut self, para: &Paragraph, speaker: usize, cand: &Candidate) {
        let first = &self.lines[para.lines.start];
        let mut text = first.text[cand.rest..].trim_matches(is_space).to_string();
        let more = paragraphs::joined(&self.lines[para.lines.start + 1..para.lines.end]);
        if !more.is_empty() {
            if !text.is_empty() {
                text.push(if matches!(cand.style, Style::Colon | Style::Stamped) { ' ' } else { '\n' });
            }
            text.push_str(&more);
        }
        self.turns.push(Turn {
            kind: TurnKind::Speech,
            speaker: Some(speaker),
            label: Some(cand.label.clone()),
            first_line: para.first_line,
            last_line: para.last_line,
            text,
        });
        self.open = true;
        self.label_alone = cand.rest == first.text.len();
        self.interrupted = None;
    }

    fn other(&mut self, pi: usize, rejected_label: bool, is_label: impl Fn(usize) -> bool) {
        let para = &self.paras[pi];
        let lines = &self.lines[para.lines.clone()];
        let text = paragraphs::joined(lines);
        let next_is_label = self.paras.get(pi + 1).is_some_and(|p| is_label(p.lines.start));
        let marked = lines[0].marked_heading;
        let shape = heading_shape(&text);
        // `[Enter MARA.]`, `〔幕落。〕`, `(1005)`: a stage direction or a note, never a heading.
        let bracketed = text.starts_with(['(', '（', '[', '【', '〔', '［']);
        // Inside a speech whose lines stand below its label (verse), a short line heads a section
        // only when it stands apart: blank lines around it, or a label straight after and a
        // blank line before; a question there is its last line. A verse line (`Speak to me,`
        // opening a stanza, `Tomas. How long since you saw her?` closing one) runs on with its
        // lines, and so does a question on the next line of a speech's block (`MARTHE. Then I
        // shall wait.` / `You will call me when he stirs?`).
        let in_speech = self.open || self.interrupted.is_some();
        let verse = in_speech && self.label_alone;
        let next_apart = self.paras.get(pi + 1).is_none_or(|p| p.starts_block);
        let apart = !in_speech || para.starts_block && (next_apart || !verse);
        let heading = marked
            || !bracketed
                && (shape == Shape::Heading && (next_is_label || apart)
                    || shape == Shape::Question && next_is_label && !verse && (!in_speech || para.starts_block));
        let copy = self.standalone.contains(&text);
        let split_here = self.open
            && self.turns.last().is_some_and(|t| {
                !t.text.is_empty() && self.breaks.contains(&(t.first_line, t.text.matches('\n').count() + 1))
            });
        let resumed = self.interrupted.take().filter(|_| !self.open);
        let waiting = self.open && self.turns.last().is_some_and(|t| t.text.is_empty());
        if bracketed && self.open && !waiting {
            self.interrupted = Some(self.turns.last().and_then(|t| t.speaker));
        } else if bracketed && resumed.is_some() {
            self.interrupted = resumed;
        }
        if (split_here || resumed.is_some()) && !(heading || bracketed || copy || rejected_label) {
            let speaker = resumed.unwrap_or_else(|| self.turns.last().and_then(|t| t.speaker));
            self.open = true;
            self.turns.push(Turn {
                kind: TurnKind::Speech,
                speaker,
                label: None,
                first_line: para.first_line,
                last_line: para.last_line,
                text,
            });
            return;
        }
        if self.open {
            let last = self.turns.last_mut().expect("an open turn exists");
            if waiting && !rejected_label || !(heading || bracketed || copy || rejected_label) {
                if !waiting {
                    last.text.push('\n');
                }
                last.text.push_str(&text);
                last.last_line = para.last_line;
                return;
            }
        }
        self.open = false;
        let kind = if heading { TurnKind::Heading } else { TurnKind::Narration };
        self.standalone.insert(text.clone());
        self.turns.push(Turn {
            kind,
            speaker: None,
            label: None,
            first_line: para.first_line,
            last_line: para.last_line,
            text,
        });
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Shape {
    Prose,
    Heading,
    /// Short, ends with a question mark: a heading only if a speaker follows.
    Question,
}

/// Short and not ending like a sentence: the shape of a title or a section heading.
fn heading_shape(text: &str) -> Shape {
    let words = text.split(is_space).filter(|w| !w.is_empty()).count();
    let bullet = text.starts_with(['•', '·', '-', '–', '—', '*', '▪', '►', '◦']);
    if text.contains('\n') || display_width_up_to(text, 90) > 90 || words > 16 || bullet {
        return Shape::Prose;
    }
    // `SCENE I. A room in the castle.`, `第一场　灯塔的灯室。夜，风雨交加。`
    if labels::is_division(text) {
        return Shape::Heading;
    }
    // A line of dialogue or a sentence broken off is no title: quotation marks, a clause's comma
    // in Chinese, a dash or an ellipsis at the end (`It seemed too good a chance, so—'`,
    // `看官请听——`).
    let quoted = text.contains(['“', '”', '「', '」', '『', '』', '«', '»', '"'])
        || text.starts_with(['\'', '‘'])
        || text.ends_with(['\'', '’']) && !text.ends_with("s'");
    let broken_off = trim(text).trim_end_matches(['\'', '’', '"', '”', '」']).ends_with(['—', '–', '-', '―', '…']);
    if quoted || broken_off || text.contains('，') {
        return Shape::Prose;
    }
    match last_meaningful(text) {
        Some('?' | '？') => Shape::Question,
        Some(c) if is_terminal_punct(c) => Shape::Prose,
        Some(_) => Shape::Heading,
        None => Shape::Prose,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (kind, speaker, text) for each turn.
    fn summary(text: &str) -> Vec<(TurnKind, Option<String>, String)> {
        let t = split(text);
        t.turns.iter().map(|turn| (turn.kind, t.speaker_name(turn).map(String::from), turn.text.clone())).collect()
    }

    fn speakers(text: &str) -> Vec<String> {
        split(text).speakers.into_iter().map(|s| s.name).collect()
    }

    const INTERVIEW: &str = "\
À propos du grand modèle

Source originale : White Horse Business Review

**White Horse Business Review : Qu'est-ce qu'un grand modèle ? **

Shen Wei: Un modèle avec beaucoup de paramètres.

En fait, il y a eu trois étapes.

** Baima Business Review : Et ensuite ?

Shen Wei : Ensuite, les données.

**Baima Business Review** : Et puis ?

Shen Wei : Rien.

Whitehorse Business Review: Merci.

Note de l'éditeur : ce texte a été abrégé.
";

    #[test]
    fn colon_labels_emphasis_and_variants() {
        assert_eq!(speakers(INTERVIEW), ["White Horse Business Review", "Shen Wei", "Baima Business Review"]);
        let s = summary(INTERVIEW);
        use TurnKind::*;
        let who = |n: &str| Some(n.to_string());
        assert_eq!(s[0], (Heading, None, "À propos du grand modèle".into()));
        assert_eq!(s[1], (Heading, None, "Source originale : White Horse Business Review".into()));
        assert_eq!(s[2], (Speech, who("White Horse Business Review"), "Qu'est-ce qu'un grand modèle ?".into()));
        assert_eq!(
            s[3],
            (
                Speech,
                who("Shen Wei"),
                "Un modèle avec beaucoup de paramètres.\nEn fait, il y a eu trois étapes.".into()
            )
        );
        assert_eq!(s[4].1, who("Baima Business Review"));
        assert_eq!(s[6].1, who("Baima Business Review"));
        assert_eq!(s[8], (Speech, who("White Horse Business Review"), "Merci.".into()));
        assert_eq!(s[9], (Narration, None, "Note de l'éditeur : ce texte a été abrégé.".into()));
        assert_eq!(s.len(), 10);
    }

    #[test]
    fn labels_keep_their_written_form_and_lines() {
        let t = split(INTERVIEW);
        let turn = &t.turns[3];
        assert_eq!((turn.label.as_deref(), turn.first_line, turn.last_line), (Some("Shen Wei:"), 7, 9));
        assert_eq!(t.turns[5].label.as_deref(), Some("Shen Wei :"));
        assert_eq!(t.turns[2].label.as_deref(), Some("White Horse Business Review :"));
        assert_eq!(t.speakers[0].canonical, "whitehorsebusinessreview");
    }

    #[test]
    fn chinese_interview_marks_and_full_width_colons() {
        let text = "访谈实录\n\n问：大模型是什么？\n答：参数很多的模型。\n问：难吗？\n答：很难。\n\n来源:智源研究院\n";
        assert_eq!(speakers(text), ["问", "答"]);
        let s = summary(text);
        assert_eq!(s[0].0, TurnKind::Heading);
        assert_eq!(s[1].2, "大模型是什么？");
        assert_eq!(s.iter().filter(|t| t.0 == TurnKind::Speech).count(), 4);
        assert_eq!(s.last().unwrap(), &(TurnKind::Heading, None, "来源:智源研究院".into()));
        let host = "主持人：欢迎。\n\n沈伟：谢谢。\n\n主持人：开始吧。\n\n沈伟：好的。";
        assert_eq!(speakers(host), ["主持人", "沈伟"]);
    }

    #[test]
    fn label_alone_on_its_line_takes_the_speech_below() {
        let text = "Interviewer:\nWhat did you build?\n\nShen Wei:\nA small model.\nIt runs on a phone.\n\nInterviewer:\nWhy?\n\nShen Wei:\nBecause.\n";
        let s = summary(text);
        assert_eq!(s.len(), 4);
        assert_eq!(s[1], (TurnKind::Speech, Some("Shen Wei".into()), "A small model.\nIt runs on a phone.".into()));
    }

    #[test]
    fn play_scripts_in_capitals() {
        let text = "ACTE I\n\nHAMLET\nÊtre ou ne pas être, telle est la question.\n\nOPHÉLIE\nMonseigneur, comment allez-vous ?\n\n\
                    HAMLET\nBien, bien, bien.\n\nOPHÉLIE\nJ'ai des souvenirs de vous.\n\n(Il sort.)\n";
        assert_eq!(speakers(text), ["HAMLET", "OPHÉLIE"]);
        let s = summary(text);
        assert_eq!(s[0], (TurnKind::Heading, None, "ACTE I".into()));
        assert_eq!(
            s[1],
            (TurnKind::Speech, Some("HAMLET".into()), "Être ou ne pas être, telle est la question.".into())
        );
        assert_eq!(s.last().unwrap(), &(TurnKind::Narration, None, "(Il sort.)".into()));
        let dotted = "HAMLET. To be, or not to be.\nOPHELIA. Good my lord.\nHAMLET. I humbly thank you.\nOPHELIA. My lord, I have remembrances.";
        assert_eq!(speakers(dotted), ["HAMLET", "OPHELIA"]);
        // A scene's number is a heading, and a question ending a speech stays in it.
        let scene = "ACT I\n\nSCENE I. A room in the castle.\n\nMARTHE. Is he awake yet?\n\nDOCTOR. Not yet, madam.\n\n\
                     MARTHE. Then I shall wait.\nYou will call me when he stirs?\n\nDOCTOR. I will.";
        assert_eq!(speakers(scene), ["MARTHE", "DOCTOR"]);
        let s = summary(scene);
        assert_eq!(s[1], (TurnKind::Heading, None, "SCENE I. A room in the castle.".into()));
        assert_eq!(
            s[4],
            (TurnKind::Speech, Some("MARTHE".into()), "Then I shall wait.\nYou will call me when he stirs?".into())
        );
    }

    #[test]
    fn chinese_script_names_followed_by_a_space() {
        let text = "哈姆莱特　生存还是毁灭，这是一个值得考虑的问题。\n奥菲利娅　殿下，您好吗？\n哈姆莱特　谢谢你，很好。\n奥菲利娅　殿下，我有几件您送给我的纪念品。\n哈姆莱特　不，我没有送过。\n奥菲利娅　殿下，您明明知道。";
        assert_eq!(speakers(text), ["哈姆莱特", "奥菲利娅"]);
        assert_eq!(summary(text)[1].2, "殿下，您好吗？");
    }

    #[test]
    fn headings_that_look_like_labels_are_not_speakers() {
        let text = "张宏江:大模型发展机会与挑战\n\n张宏江:大模型发展机会与挑战\n\n来源:智源研究院\n编辑:好困\n\n\
                    01 ChatGPT:奇点到来\n\n为什么人们如此热衷?因为它像人。\n\n2. 拐点:人工智能大模型时代到来\n\n大数据+大算力+强算法=大模型。\n";
        assert!(speakers(text).is_empty());
        let s = summary(text);
        assert!(s.iter().all(|t| t.1.is_none()));
        assert_eq!(s.len(), 8, "every paragraph is a turn of its own: {s:?}");
        assert_eq!(s[4], (TurnKind::Heading, None, "01 ChatGPT:奇点到来".into()));
        assert_eq!(s[5].0, TurnKind::Narration);
    }

    #[test]
    fn a_copied_block_keeps_the_structure_of_the_first() {
        let text = "An intro paragraph that sets the scene at length.\nHost: First question?\nGuest: First answer.\n\
                    Host: Second question?\nGuest: Second answer.\nAn intro paragraph that sets the scene at length.\nHost: First question?\n";
        let s = summary(text);
        assert_eq!(s[5], (TurnKind::Narration, None, "An intro paragraph that sets the scene at length.".into()));
        assert_eq!(s[4].2, "Second answer.");
    }

    #[test]
    fn a_footer_after_the_last_answer_is_not_speech() {
        let text = "Q: Why?\n\nA: Because it works well, and it works every day.\n\nAnd it scales.\n\nQ: Sure?\n\nA: Yes.\n\nVoir l'original\n\n\
                    This page may contain third-party content.\n  • Partager\n";
        let s = summary(text);
        assert_eq!(s[1].2, "Because it works well, and it works every day.\nAnd it scales.");
        assert_eq!(s[4], (TurnKind::Heading, None, "Voir l'original".into()));
        assert!(s[5..].iter().all(|t| t.0 != TurnKind::Speech));
    }

    #[test]
    fn no_speakers_falls_back_to_paragraphs() {
        let text = "大家早上好!\n\n今天我主要讲大模型。\n\n我从2007年开始做人工智能。\n";
        let s = summary(text);
        assert_eq!(s.len(), 3);
        assert!(s.iter().all(|t| t.0 == TurnKind::Narration && t.1.is_none()));
    }

    #[test]
    fn a_one_off_label_is_not_a_speaker() {
        assert!(speakers("Source: Reuters\n\nA long article follows here.").is_empty());
        // A document's fields, however often they recur.
        assert_eq!(speakers("A: Oui.\n\nB: Non.\n\nA: Si.\n\nB: Bon.\n\n注：一。\n\n注：二。"), ["A", "B"]);
        assert!(speakers("Shen Wei: hello.\n\nShen Wei: hello.").is_empty(), "a repeated line counts once");
    }

    #[test]
    fn the_users_corrections_to_turns() {
        let text = "主持人：你好。\n\n林晓：第一段。\n\n第二段。\n\n主持人：再见。\n\n林晓：好。\n\n编者按：本文经审阅。\n\n编者按：以上为节选。";
        let plain = split(text);
        assert_eq!(speakers(text), ["主持人", "林晓", "编者按"], "an editor's label twice looks like a speaker");
        assert_eq!(plain.turns[1].text, "第一段。\n第二段。");
        let seg = Segmentation { breaks: BTreeSet::from([(3, 1)]), ..Default::default() };
        let broken = split_with(text, &seg);
        assert_eq!((broken.turns[1].text.as_str(), broken.turns[2].text.as_str()), ("第一段。", "第二段。"));
        assert_eq!(
            (broken.turns[2].speaker, broken.turns[2].first_line),
            (Some(1), 5),
            "the same speaker, from line 5"
        );
        let seg =
            Segmentation { aliases: BTreeMap::from([("林晓".into(), "主持人".into())]), ..Default::default() };
        let t = split_with(text, &seg);
        assert_eq!(t.speakers.len(), 2, "one speaker under two names, and the editor's label");
        assert_eq!(t.turns[1].speaker, t.turns[0].speaker);
        let seg = Segmentation { not_speakers: BTreeSet::from(["编者按".to_string()]), ..Default::default() };
        let t = split_with(text, &seg);
        assert_eq!(t.speakers.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["主持人", "林晓"]);
        assert_eq!(t.turns.last().unwrap().kind, TurnKind::Narration, "编者按 is a note again");
    }

    #[test]
    fn novel_dialogue_is_narration_one_line_a_turn() {
        // A chapter written one sentence a line: narration that quotes someone is no label, a
        // line broken off with a dash is no heading, and no line joins another.
        let text = "第一回\n韦小宝道：“我去拿。”\n海老公冷冷的道：“很好！”\n她说：大嫂，捆疼了。\n\
                    他走到门口，回头看了看——\n'Silly old fool, to scare me like that! ---\n“是啊。”\n";
        let s = summary(text);
        assert_eq!(s.len(), 7, "{s:?}");
        assert_eq!(s[0].0, TurnKind::Heading);
        assert!(s[1..].iter().all(|t| t.0 == TurnKind::Narration && t.1.is_none()), "{s:?}");
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(split("").turns.is_empty());
        assert!(split("\n\n  \n").turns.is_empty());
    }
}
