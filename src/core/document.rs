//! A document as Tandem holds it: where it came from, how it was decoded, its turns; and a pair of them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use super::align::{self, Alignment};
use super::decode::DecodeError;
use super::formats::{self, InputFormat};
use super::hash::Fnv;
use super::side::{Side, Sides};
use super::text::{is_cjk, is_han};
use super::turns::{self, Segmentation, TurnKind, Turns};

/// One side of a pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub path: PathBuf,
    /// Canonical name of the encoding the bytes were read in.
    pub encoding: &'static str,
    /// Invalid byte sequences replaced by U+FFFD while decoding.
    pub replaced: usize,
    /// Why the encoding is only a guess, when it may well be wrong: said in the header and report.
    pub guess: Option<String>,
    /// A hash of the decoded text (FNV-1a, the same from one run and one build to the next): what
    /// remembers a pair of files whatever their names.
    pub hash: u64,
    /// The user's corrections to the turns (none, unless they made some).
    pub segmentation: Segmentation,
    pub turns: Turns,
    /// What the file was read as (text, Word, subtitles…).
    pub format: InputFormat,
    /// For formats without lines of their own: where each extracted paragraph came from
    /// (`paragraph 12`, `cue 34 · 00:01:02`); paragraph `k` (0-based) is on line `2k + 1`.
    pub positions: Vec<String>,
    /// Subtitles: when each extracted paragraph is said (start, end in milliseconds).
    pub times: Vec<(u32, u32)>,
    /// A format read from lines of a text file (Europarl's): each extracted paragraph's line there.
    pub file_lines: Vec<usize>,
}

impl Document {
    /// Reads, decodes and splits a file. `encoding` forces an encoding label.
    ///
    /// # Errors
    /// See [`formats::read`].
    pub fn load(path: &Path, encoding: Option<&str>) -> Result<Self, DecodeError> {
        Self::load_with(path, encoding, Segmentation::default())
    }

    /// [`Self::load`], split with the user's corrections.
    ///
    /// # Errors
    /// See [`formats::read`].
    pub fn load_with(path: &Path, encoding: Option<&str>, segmentation: Segmentation) -> Result<Self, DecodeError> {
        Ok(Self::from_source(path, formats::read(path, encoding)?, segmentation))
    }

    /// A document from a file already read (see [`formats::read`]), split with the user's corrections.
    /// Speakers the format names (a Europarl file's tags) count however rarely heard, unless the
    /// user said a name is no speaker; like those the other side shows, they are kept in
    /// [`Segmentation::speakers`], so a project reopens with the same turns.
    pub fn from_source(path: impl Into<PathBuf>, source: formats::Extracted, mut segmentation: Segmentation) -> Self {
        let named = source.speakers.into_iter().filter(|c| !segmentation.not_speakers.contains(c));
        segmentation.speakers.extend(named);
        let mut doc = Self::from_text_with(path, &source.text, source.encoding, source.replaced, segmentation);
        doc.format = source.format;
        doc.guess = source.guess;
        doc.positions = source.positions;
        doc.times = source.times;
        doc.file_lines = source.lines;
        doc.attach_times();
        doc
    }

    /// A document from text already in memory (a compiled-in sample, a test).
    pub fn from_text(path: impl Into<PathBuf>, text: &str, encoding: &'static str, replaced: usize) -> Self {
        Self::from_text_with(path, text, encoding, replaced, Segmentation::default())
    }

    /// [`Self::from_text`], split with the user's corrections.
    pub fn from_text_with(
        path: impl Into<PathBuf>,
        text: &str,
        encoding: &'static str,
        replaced: usize,
        segmentation: Segmentation,
    ) -> Self {
        let mut hash = Fnv::default();
        hash.write(text.as_bytes());
        let turns = turns::split_with(text, &segmentation);
        Self {
            path: path.into(),
            encoding,
            replaced,
            guess: None,
            hash: hash.0,
            segmentation,
            turns,
            format: InputFormat::Text,
            positions: Vec::new(),
            times: Vec::new(),
            file_lines: Vec::new(),
        }
    }

    /// The same text split again with other corrections (`text` is this document's text, read
    /// again: a document does not keep its text twice).
    pub fn resplit(&self, text: &str, segmentation: Segmentation) -> Self {
        let mut doc = Self::from_text_with(self.path.clone(), text, self.encoding, self.replaced, segmentation);
        doc.format = self.format;
        doc.guess = self.guess.clone();
        doc.positions = self.positions.clone();
        doc.times = self.times.clone();
        doc.file_lines = self.file_lines.clone();
        doc.attach_times();
        doc
    }

    /// Gives each turn of subtitles the time it is said in, from its paragraphs' cues, so that
    /// two subtitle files of one video align by time as well as by text.
    fn attach_times(&mut self) {
        if self.times.is_empty() {
            return;
        }
        let at = |line: usize| self.times.get(self.paragraph(line).saturating_sub(1)).copied();
        let times: Option<Vec<(u32, u32)>> = self
            .turns
            .turns
            .iter()
            .map(|t| {
                let (a, b) = (at(t.first_line)?, at(t.last_line)?);
                // Cues out of order in the file still give a start before the end.
                Some((a.0.min(b.0), a.1.max(b.1)))
            })
            .collect();
        self.turns.times = times.unwrap_or_default();
    }

    /// The number a user finds a line by: the line itself in a text file, the extracted
    /// paragraph's number in a document without lines.
    /// (In a Europarl file, whose paragraphs are its lines, that line in the file.)
    pub fn unit(&self, line: usize) -> usize {
        let k = self.paragraph(line);
        if self.format.has_lines() { k } else { self.file_lines.get(k.wrapping_sub(1)).copied().unwrap_or(k) }
    }

    /// The extracted paragraph a line of the text is in (1-based), or the line itself in a
    /// format with lines.
    fn paragraph(&self, line: usize) -> usize {
        if self.format.has_lines() { line } else { line.div_ceil(2) }
    }

    /// Where some lines are, as a person finds them: `line 5`, `lines 5–7`, `paragraph 12`,
    /// `cue 34 · 00:01:02`.
    pub fn position(&self, first: usize, last: usize) -> String {
        if self.format.has_lines() || !self.file_lines.is_empty() {
            let (first, last) = (self.unit(first), self.unit(last));
            return if first == last { format!("line {first}") } else { format!("lines {first}–{last}") };
        }
        let at = |line: usize| self.positions.get(self.paragraph(line).saturating_sub(1)).cloned().unwrap_or_default();
        let (a, b) = (at(first), at(last));
        if a == b || b.is_empty() { a } else { format!("{a} – {b}") }
    }

    /// The file name, for headers.
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(|| self.path.display().to_string(), |n| n.to_string_lossy().into())
    }

    /// What to call the document in a header: the heading it opens with (among its first ten
    /// turns), else its file name.
    pub fn title(&self) -> String {
        // A title says something: four words or six Chinese characters, mostly letters — not a
        // site's "<100 subscribers" or "Share Dialog".
        let says_something = |t: &str| {
            let letters = t.chars().filter(|c| c.is_alphabetic()).count();
            let enough = t.split_whitespace().count() >= 4 || t.chars().filter(|&c| is_han(c)).count() >= 6;
            enough && letters * 2 >= t.chars().filter(|c| !c.is_whitespace()).count()
        };
        let heading = self
            .turns
            .turns
            .iter()
            .take(10)
            .filter(|t| t.kind == super::turns::TurnKind::Heading)
            .filter_map(|t| t.text.lines().next().map(str::trim))
            // A scene's or a chapter's heading (`第一场　灯塔的灯室。`) names a part, not the whole.
            .find(|t| says_something(t) && !super::labels::is_division(t));
        match heading {
            Some(heading) => {
                let short: String = heading.chars().take(90).collect();
                if short.len() < heading.len() { format!("{short}…") } else { short }
            }
            None => self.name(),
        }
    }

    /// The document's main script.
    pub fn script(&self) -> Script {
        Script::of(self.turns.turns.iter().map(|t| t.text.as_str()))
    }
}

/// The writing system most of a document is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Chinese,
    Japanese,
    Korean,
    Latin,
    Other,
}

impl Script {
    /// Counts letters by script over some text (the first 20,000 letters are enough).
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Script {
        let (mut han, mut kana, mut hangul, mut latin, mut other) = (0usize, 0usize, 0usize, 0usize, 0usize);
        for c in texts.into_iter().flat_map(str::chars).filter(|c| c.is_alphabetic()).take(20_000) {
            match c as u32 {
                0x3040..=0x30FF => kana += 1,
                0xAC00..=0xD7AF => hangul += 1,
                _ if is_han(c) => han += 1,
                _ if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => latin += 1,
                _ if !is_cjk(c) => other += 1,
                _ => {}
            }
        }
        let total = han + kana + hangul + latin + other;
        if total == 0 {
            Script::Other
        } else if kana * 10 > total {
            Script::Japanese
        } else if hangul * 3 > total {
            Script::Korean
        } else if han * 3 > total {
            Script::Chinese
        } else if latin * 2 > total {
            Script::Latin
        } else {
            Script::Other
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Script::Chinese => "Chinese",
            Script::Japanese => "Japanese",
            Script::Korean => "Korean",
            Script::Latin => "Latin",
            Script::Other => "other script",
        }
    }

    /// Whether CJK punctuation should stay full width (the CJK font first).
    pub fn is_cjk(self) -> bool {
        matches!(self, Script::Chinese | Script::Japanese | Script::Korean)
    }
}

/// Two documents and their alignment: the texts, immutable and shared, apart from the links, so
/// that swapping sides or editing a link never copies a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub docs: Sides<Arc<Document>>,
    /// Shared with background tasks (search, review); an edit copies the links only while one of
    /// them still reads the old ones.
    pub alignment: Arc<Alignment>,
}

impl Pair {
    /// Aligns two documents.
    pub fn new(left: Document, right: Document) -> Self {
        Self::from_docs(Sides::new(Arc::new(left), Arc::new(right)))
    }

    /// Aligns two documents already shared.
    pub fn from_docs(docs: Sides<Arc<Document>>) -> Self {
        let alignment = align::align(&docs.left.turns, &docs.right.turns);
        Self { docs, alignment: Arc::new(alignment) }
    }

    /// One side's document.
    pub fn doc(&self, side: Side) -> &Document {
        &self.docs[side]
    }

    /// The same pair with its sides exchanged, without aligning again or copying a text.
    pub fn swapped(&self) -> Self {
        let alignment = self.alignment.swapped(self.docs.right.turns.speakers.len());
        Pair { docs: self.docs.clone().swapped(), alignment: Arc::new(alignment) }
    }

    /// Loads and aligns two files.
    ///
    /// # Errors
    /// The first file that cannot be read, see [`formats::read`].
    pub fn load(left: &Path, right: &Path, encodings: [Option<&str>; 2]) -> Result<Self, DecodeError> {
        let (l, r) = both(
            in_parallel(&[left, right]),
            || Document::load(left, encodings[0]),
            || Document::load(right, encodings[1]),
        );
        let text = |doc: &Document| formats::read(&doc.path, Some(doc.encoding)).ok().map(|s| s.text);
        let docs = agree_on_speakers(Sides::new(Arc::new(l?), Arc::new(r?)), text);
        Ok(Self::aligned_and_settled(docs, text))
    }

    /// Aligns two documents, then lets each side drop the labels the other side shows are not
    /// speakers (see [`one_off_labels`]) and take those it shows are (see
    /// [`labels_facing_one_offs`]): such a side is split again, its text read again by `text`,
    /// and the pair aligned again. What is dropped or taken is kept in the side's
    /// [`Segmentation::not_speakers`] or [`Segmentation::speakers`], so a project reopens with
    /// the same turns.
    pub fn aligned_and_settled(docs: Sides<Arc<Document>>, text: impl Fn(&Document) -> Option<String>) -> Self {
        let pair = Self::from_docs(docs);
        let gained = Sides::from_fn(|side| labels_facing_one_offs(&pair, side));
        let dropped = Sides::from_fn(|side| one_off_labels(&pair, side, &gained[side.other()]));
        if dropped.iter().chain(gained.iter()).all(|(_, names)| names.is_empty()) {
            return pair;
        }
        let mut docs = pair.docs.clone();
        for side in Side::BOTH {
            let doc = &pair.docs[side];
            if dropped[side].is_empty() && gained[side].is_empty() {
                continue;
            }
            let Some(text) = text(doc) else { continue };
            let mut seg = doc.segmentation.clone();
            seg.not_speakers.extend(dropped[side].iter().cloned());
            seg.speakers.extend(gained[side].iter().filter(|c| !seg.not_speakers.contains(*c)).cloned());
            docs[side] = Arc::new(doc.resplit(&text, seg));
        }
        Self::from_docs(docs)
    }
}

/// Labels of `side` that are not speakers, as the aligned pair shows: a label heard once, on a
/// side whose other side names its speakers too, whose one turn is paired with turns of which
/// none is speech (`场景　黄昏时的港务办公室` facing `SCENE. The harbour office at dusk`: a stage
/// direction written like a label). A person who speaks once and is answered by a speech on
/// the other side stays a speaker; so does one whose turn is paired with nothing, one facing a
/// label the other side heard once too (see [`labels_facing_one_offs`]), and one in the side's
/// [`Segmentation::speakers`]. `answering`: the other side's [`labels_facing_one_offs`].
/// Canonical names, for [`Segmentation::not_speakers`].
pub fn one_off_labels(pair: &Pair, side: Side, answering: &[String]) -> Vec<String> {
    let other = &pair.docs[side.other()].turns;
    one_off_turns(pair, side)
        .into_iter()
        .filter(|(_, facing)| {
            !facing.is_empty()
                && other.turns[facing.clone()].iter().all(|t| t.kind != TurnKind::Speech)
                && facing.clone().all(|k| rare_label_at(other, k).is_none_or(|(c, _)| !answering.contains(&c)))
        })
        .map(|(canonical, _)| canonical)
        .collect()
}

/// Labels of `side` heard too rarely to count that open a turn paired with the one turn of a
/// person the other side hears once: the same minor character on both sides (`LE VIEUX WREN. —
/// Je l'ai vu…` facing `老雷恩：我看见它…`), each side's label confirming the other's. Canonical
/// names, for [`Segmentation::speakers`].
///
/// The label must be written in a style of the side's own speakers' labels: a stage direction
/// written like a label (`SCENE. A kitchen at night.` where the characters' names stand alone
/// above their speeches) confirms nothing.
pub fn labels_facing_one_offs(pair: &Pair, side: Side) -> Vec<String> {
    let this = &pair.docs[side].turns;
    let rare: Vec<(String, super::labels::Style)> = one_off_turns(pair, side.other())
        .into_iter()
        .flat_map(|(_, facing)| facing.filter_map(|k| rare_label_at(this, k)))
        .collect();
    if rare.is_empty() {
        return Vec::new();
    }
    let styles: std::collections::HashSet<super::labels::Style> = this
        .turns
        .iter()
        .filter(|t| t.speaker.is_some())
        .filter_map(|t| t.label.as_deref().and_then(super::labels::style_of_label))
        .collect();
    let mut out: Vec<String> = rare.into_iter().filter(|(_, style)| styles.contains(style)).map(|(c, _)| c).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The speakers of `side` heard in one turn only, not chosen by the user or the other side's
/// names, with the turns of the other side that turn is paired with. None unless both sides
/// name speakers.
fn one_off_turns(pair: &Pair, side: Side) -> Vec<(String, Range<usize>)> {
    let (this, other) = (&pair.docs[side].turns, &pair.docs[side.other()].turns);
    if this.speakers.is_empty() || other.speakers.is_empty() {
        return Vec::new();
    }
    let mut turns_of = vec![Vec::new(); this.speakers.len()];
    for (k, t) in this.turns.iter().enumerate() {
        if let Some(s) = t.speaker.filter(|&s| s < turns_of.len()) {
            turns_of[s].push(k);
        }
    }
    let chosen = &pair.docs[side].segmentation.speakers;
    let mut out = Vec::new();
    for (s, turns) in turns_of.iter().enumerate() {
        // A label the user, or the other side's names, made a speaker stays one.
        if chosen.contains(&this.speakers[s].canonical) {
            continue;
        }
        let [k] = turns[..] else { continue };
        let Some(link) = pair.alignment.link_of(side, k).map(|l| &pair.alignment.links[l]) else { continue };
        out.push((this.speakers[s].canonical.clone(), link.turns(side.other()).clone()));
    }
    out
}

/// The label heard too rarely to count that opens turn `k`, if any: its canonical form and style.
fn rare_label_at(turns: &Turns, k: usize) -> Option<(String, super::labels::Style)> {
    let turn = &turns.turns[k];
    if turn.speaker.is_some() {
        return None;
    }
    let first = turn.text.lines().next()?.trim();
    let found = super::labels::candidate(first, turn.text.contains('\n'))?;
    turns.near_misses.iter().any(|(_, c)| *c == found.canonical).then_some((found.canonical, found.style))
}

/// Decides the speakers of a pair with both documents in view: a label one side heard too
/// rarely to count is a speaker when the other side has that person as a speaker (`Lena Berg:`
/// once in the French, three times in the English; `M. John Smith` and `Mr. John Smith`). Only
/// a side that gains speakers is split again, its text read again by `text`; a side whose text
/// cannot be read again stays as it is. What is gained is kept in the side's
/// [`Segmentation::speakers`], so a project reopens with the same turns.
pub fn agree_on_speakers(
    docs: Sides<Arc<Document>>,
    text: impl Fn(&Document) -> Option<String>,
) -> Sides<Arc<Document>> {
    let gained = Sides::from_fn(|side| {
        let (this, other) = (&docs[side], &docs[side.other()]);
        let mut found = super::speakers::from_other_side(&this.turns.near_misses, &other.turns.speakers);
        found.retain(|c| !this.segmentation.not_speakers.contains(c) && !this.segmentation.speakers.contains(c));
        found
    });
    let mut out = docs.clone();
    for (side, names) in gained.iter() {
        if names.is_empty() {
            continue;
        }
        let doc = &docs[side];
        let Some(text) = text(doc) else { continue };
        let mut seg = doc.segmentation.clone();
        seg.speakers.extend(names.iter().cloned());
        out[side] = Arc::new(doc.resplit(&text, seg));
    }
    out
}

/// Files up to this many bytes together are read on two threads at once (larger ones one after
/// the other, so that memory stays under three times the input).
const PARALLEL_BYTES: u64 = 128 << 20;

/// Whether the files are small enough together to be read side by side (a file whose size is
/// unknown — a pipe — counts as large).
pub fn in_parallel(paths: &[&Path]) -> bool {
    let size = |p: &&Path| std::fs::metadata(p).ok().filter(|m| m.is_file()).map_or(u64::MAX, |m| m.len());
    paths.iter().map(size).fold(0u64, u64::saturating_add) <= PARALLEL_BYTES
}

/// Runs `a` and `b`, on two threads when `parallel`.
pub fn both<A: Send, B: Send>(parallel: bool, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    if !parallel {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let b = s.spawn(b);
        let a = a();
        (a, b.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapping_mirrors_links_and_speakers() {
        let zh =
            Document::from_text("zh", "主持人：你好。\n林晓：你好啊。\n主持人：再见。\n林晓：再见啦。", "UTF-8", 0);
        let fr = Document::from_text(
            "fr",
            "Animateur : Bonjour.\nLin Xiao : Bonjour à vous.\nAnimateur : Au revoir.\nLin Xiao : Au revoir, merci.",
            "UTF-8",
            0,
        );
        let pair = Pair::new(zh, fr);
        let swapped = pair.swapped();
        assert_eq!(swapped.docs.left.path, pair.docs.right.path);
        assert!(Arc::ptr_eq(&swapped.docs.left, &pair.docs.right), "swapping copies no text");
        for (a, b) in pair.alignment.links.iter().zip(&swapped.alignment.links) {
            assert_eq!((&a.left, &a.right), (&b.right, &b.left));
        }
        assert_eq!(pair.alignment.speaker_map, [Some(0), Some(1)]);
        assert_eq!(swapped.alignment.speaker_map, [Some(0), Some(1)]);
        let back = swapped.swapped();
        assert_eq!(
            (&back.alignment.links, &back.alignment.speaker_map),
            (&pair.alignment.links, &pair.alignment.speaker_map)
        );
    }

    #[test]
    fn a_label_heard_once_that_faces_no_speech_is_no_speaker() {
        let en = "THE KITCHEN\n\nSCENE. A kitchen at night. Rain on the glass.\n\nANNA\nWhere were you all winter?\n\nBEN\nAt sea, on the northern boats.\n\nANNA\nYou could have written to me.\n\nBEN\nI did, every week.\n\nANNA\nThen where are the letters?\n\nBEN\nAsk the post office.\n\nCLERK\nThe post is closed, sir.";
        let zh = "厨房\n\n场景　夜里的厨房。雨打在玻璃上。\n\n安娜　你整个冬天都在哪里？\n\n本　在海上，在北方的船上。\n\n安娜　你本可以给我写信的。\n\n本　我写了，每个星期都写。\n\n安娜　那信在哪儿呢？\n\n本　去问邮局吧。\n\n职员　邮局关门了，先生。";
        let docs = Sides::new(
            Arc::new(Document::from_text("en", en, "UTF-8", 0)),
            Arc::new(Document::from_text("zh", zh, "UTF-8", 0)),
        );
        let names = |d: &Document| d.turns.speakers.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&docs.right),
            ["场景", "安娜", "本", "职员"],
            "split alone, the stage direction reads as a label"
        );
        let pair = Pair::aligned_and_settled(docs, |d| Some(if d.path.ends_with("zh") { zh } else { en }.to_string()));
        assert_eq!(names(&pair.docs.right), ["安娜", "本", "职员"], "the clerk, heard once, answers a speech");
        let scene = &pair.docs.right.turns.turns[1];
        assert_eq!((scene.kind, scene.text.as_str()), (TurnKind::Narration, "场景　夜里的厨房。雨打在玻璃上。"));
        assert!(pair.docs.right.segmentation.not_speakers.contains("场景"), "kept for the project");
        // A label the user made a speaker is left alone.
        let mut seg = Segmentation::default();
        seg.speakers.insert("场景".to_string());
        let chosen = Document::from_text("zh", zh, "UTF-8", 0).resplit(zh, seg);
        let docs = Sides::new(Arc::new(Document::from_text("en", en, "UTF-8", 0)), Arc::new(chosen));
        let kept = Pair::aligned_and_settled(docs, |d| Some(if d.path.ends_with("zh") { zh } else { en }.to_string()));
        assert_eq!(names(&kept.docs.right), ["场景", "安娜", "本", "职员"]);
        assert_eq!(pair.alignment.links.len(), 9);
        assert!(pair.alignment.links.iter().all(|l| l.left.len() == 1 && l.right.len() == 1));
    }

    #[test]
    fn scripts_are_recognised() {
        assert_eq!(Script::of(["沈伟：大模型的参数量很大，GPT-4"]), Script::Chinese);
        assert_eq!(Script::of(["Le modèle est déjà très grand."]), Script::Latin);
        assert_eq!(Script::of(["今日はいい天気ですね、ありがとう"]), Script::Japanese);
        assert_eq!(Script::of([""]), Script::Other);
    }
}
