//! A generated bilingual parliamentary record (English and French), with the truth of which
//! paragraphs translate which: for the aligner's benchmark and its quality tests.
//!
//! Labels stand on their own line (`Mr. Paul Martin (Edmonton North, Ref.):` /
//! `M. Paul Martin (Edmonton-Nord, Réf.):`), headings are in capitals, time stamps such as
//! `(1405)` and vote lists of names sit between speeches; here and there the French side leaves
//! a whole speech out, splits a paragraph in three, or joins two. Nothing here is meant to be read.

use super::Rng;

const FIRST: &[&str] = &["Paul", "Anne", "John", "Marie", "Deborah", "Pierre", "Ken", "Louise", "Garth", "Monique"];
const LAST: &[&str] = &[
    "Martin", "Smith", "Tremblay", "Grey", "Epp", "Gagnon", "Turner", "Bouchard", "Strahl", "Picard", "Keddy",
    "Lalonde",
];
/// Ridings, in English and in French.
const RIDINGS: &[(&str, &str)] = &[
    ("Edmonton North", "Edmonton-Nord"),
    ("Beauce", "Beauce"),
    ("South Shore", "South Shore"),
    ("Fraser Valley East", "Fraser Valley-Est"),
    ("Laval West", "Laval-Ouest"),
    ("Toronto Centre", "Toronto-Centre"),
    ("Saint John", "Saint John"),
    ("Portneuf", "Portneuf"),
];
const PARTIES: &[(&str, &str)] = &[("Ref.", "Réf."), ("Lib.", "Lib."), ("BQ", "BQ"), ("NDP", "NPD"), ("PC", "PC")];
const HEADINGS: &[(&str, &str)] = &[
    ("ROUTINE PROCEEDINGS", "AFFAIRES COURANTES"),
    ("GOVERNMENT ORDERS", "ORDRES ÉMANANT DU GOUVERNEMENT"),
    ("ORAL QUESTIONS", "QUESTIONS ORALES"),
    ("STATEMENTS BY MEMBERS", "DÉCLARATIONS DE DÉPUTÉS"),
    ("PRIVATE MEMBERS' BUSINESS", "AFFAIRES ÉMANANT DES DÉPUTÉS"),
];
const EN: &[&str] = &[
    "the",
    "government",
    "minister",
    "bill",
    "member",
    "house",
    "people",
    "budget",
    "of",
    "to",
    "and",
    "we",
    "have",
    "this",
    "country",
    "committee",
    "support",
    "question",
    "tax",
    "health",
    "will",
    "not",
    "that",
    "motion",
];
const FR: &[&str] = &[
    "le",
    "gouvernement",
    "ministre",
    "projet",
    "député",
    "chambre",
    "gens",
    "budget",
    "de",
    "à",
    "et",
    "nous",
    "avons",
    "ce",
    "pays",
    "comité",
    "appui",
    "question",
    "impôt",
    "santé",
    "va",
    "pas",
    "que",
    "motion",
    "des",
    "loi",
];

/// The generated record: the two texts and, for each piece of content, the first lines of the
/// paragraphs that translate each other (1-based).
pub struct ParliamentPair {
    pub left: String,
    pub right: String,
    /// `(left paragraphs, right paragraphs)` that are one another's translation; an empty side is
    /// content the other side left out.
    pub truth: Vec<(Vec<usize>, Vec<usize>)>,
}

/// Text written line by line, counting lines.
struct Writer {
    text: String,
    line: usize,
    /// Paragraphs that start a turn (a speech's further paragraphs do not).
    turns: usize,
}

impl Writer {
    fn new(capacity: usize) -> Self {
        Writer { text: String::with_capacity(capacity), line: 1, turns: 0 }
    }

    /// A paragraph of its own (a heading, a time stamp, a name in a list): [`Self::para`], counted.
    fn alone(&mut self, text: &str) -> usize {
        self.turns += 1;
        self.para(text)
    }

    /// Writes a paragraph (one line) and the blank line after it; returns its line number.
    fn para(&mut self, text: &str) -> usize {
        let at = self.line;
        self.text.push_str(text);
        self.text.push_str("\n\n");
        self.line += 2;
        at
    }

    /// A label alone on its line with the speech's first paragraph on the next; the paragraph's line.
    fn labelled(&mut self, label: &str, text: &str) -> usize {
        self.text.push_str(label);
        self.text.push('\n');
        self.line += 1;
        self.turns += 1;
        self.para(text)
    }
}

/// A sitting record of about `turns` turns a side (speeches, headings, time stamps, names).
pub fn parliament_pair(turns: usize, seed: u64) -> ParliamentPair {
    let mut rng = Rng::new(seed);
    let (mut l, mut r) = (Writer::new(turns * 260), Writer::new(turns * 300));
    let mut truth = Vec::with_capacity(turns);
    let members: Vec<(String, String)> = (0..60)
        .map(|k| {
            let name = format!("{} {}", FIRST[k % FIRST.len()], LAST[(k * 7 + k / 10) % LAST.len()]);
            let (riding, party) = (RIDINGS[k % RIDINGS.len()], PARTIES[k % PARTIES.len()]);
            let (en_title, fr_title) = if k % 3 == 1 { ("Mrs.", "Mme") } else { ("Mr.", "M.") };
            (
                format!("{en_title} {name} ({}, {}):", riding.0, party.0),
                format!("{fr_title} {name} ({}, {}):", riding.1, party.1),
            )
        })
        .collect();
    let mut division = 1;
    while l.turns < turns {
        let (en, fr) = HEADINGS[rng.range(0, HEADINGS.len())];
        truth.push((vec![l.alone(en)], vec![r.alone(fr)]));
        for _ in 0..rng.range(6, 14) {
            match rng.next_u64() % 100 {
                // The chair: short, formulaic.
                0..=14 => {
                    let (en, fr) = [
                        ("Order, please.", "À l'ordre, s'il vous plaît."),
                        ("The hon. member for Beauce.", "L'honorable député de Beauce."),
                    ][rng.range(0, 2)];
                    truth.push((vec![l.labelled("The Speaker:", en)], vec![r.labelled("Le Président:", fr)]));
                }
                15..=22 => {
                    let (en, fr) = [("Hear, hear!", "Bravo!"), ("Oh, oh!", "Oh, oh!")][rng.range(0, 2)];
                    truth.push((vec![l.labelled("Some hon. members:", en)], vec![r.labelled("Des voix:", fr)]));
                }
                23..=25 => {
                    let stamp = format!("({})", 1000 + rng.range(0, 800));
                    truth.push((vec![l.alone(&stamp)], vec![r.alone(&stamp)]));
                }
                26..=28 => vote(&mut rng, &mut l, &mut r, &members, &mut division, &mut truth),
                _ => speech(&mut rng, &mut l, &mut r, &members, &mut truth),
            }
        }
    }
    ParliamentPair { left: l.text, right: r.text, truth }
}

/// A member's speech of one to four paragraphs, sometimes cut, split or joined in French.
fn speech(
    rng: &mut Rng,
    l: &mut Writer,
    r: &mut Writer,
    members: &[(String, String)],
    truth: &mut Vec<(Vec<usize>, Vec<usize>)>,
) {
    let (en_label, fr_label) = &members[rng.range(0, members.len())];
    let paras: Vec<(String, String)> = (0..rng.range(1, 5)).map(|_| sentence_pair(rng)).collect();
    let fate = rng.next_u64() % 100;
    for (k, (en, fr)) in paras.iter().enumerate() {
        let left = if k == 0 { l.labelled(en_label, en) } else { l.para(en) };
        let write_fr = |r: &mut Writer, text: &str| if k == 0 { r.labelled(fr_label, text) } else { r.para(text) };
        match fate {
            // The whole speech left out of the translation.
            0..=2 => truth.push((vec![left], vec![])),
            // A paragraph split in three.
            3..=6 if k == 0 => {
                let words: Vec<&str> = fr.split(' ').collect();
                let third = words.len().div_ceil(3).max(1);
                let parts: Vec<String> = words.chunks(third).map(|c| c.join(" ")).collect();
                let lines =
                    parts.iter().enumerate().map(|(p, t)| if p == 0 { write_fr(r, t) } else { r.para(t) }).collect();
                truth.push((vec![left], lines));
            }
            _ => truth.push((vec![left], vec![write_fr(r, fr)])),
        }
    }
}

/// A recorded division: its number, then the names for and against, the same on both sides.
fn vote(
    rng: &mut Rng,
    l: &mut Writer,
    r: &mut Writer,
    members: &[(String, String)],
    division: &mut usize,
    truth: &mut Vec<(Vec<usize>, Vec<usize>)>,
) {
    truth.push((vec![l.alone(&format!("(Division No. {division})"))], vec![r.alone(&format!("(Vote no {division})"))]));
    *division += 1;
    for (en, fr) in [("YEAS", "POUR"), ("NAYS", "CONTRE")] {
        truth.push((vec![l.alone(en)], vec![r.alone(fr)]));
        let count = rng.range(4, 12);
        for _ in 0..count {
            let name = &members[rng.range(0, members.len())].0;
            let name = name.split(" (").next().unwrap_or(name).trim_start_matches("Mr. ").trim_start_matches("Mrs. ");
            truth.push((vec![l.alone(name)], vec![r.alone(name)]));
        }
        let total = format!("Total: -- {count}");
        truth.push((vec![l.alone(&total)], vec![r.alone(&total)]));
    }
}

/// A paragraph and its translation: words of each language, the numbers and bill names shared,
/// the French about 15% longer.
fn sentence_pair(rng: &mut Rng) -> (String, String) {
    let words = rng.range(12, 90);
    let (mut en, mut fr) = (String::from("Mr. Speaker,"), String::from("Monsieur le Président,"));
    let number = rng.chance(40).then(|| rng.range(2, 900));
    let bill = rng.chance(25).then(|| format!("C-{}", rng.range(2, 99)));
    for k in 0..words {
        if k == words / 2 {
            if let Some(n) = number {
                en.push_str(&format!(" {n}"));
                fr.push_str(&format!(" {n}"));
            }
            if let Some(b) = &bill {
                en.push_str(&format!(" bill {b}"));
                fr.push_str(&format!(" projet de loi {b}"));
            }
        }
        en.push(' ');
        en.push_str(EN[rng.range(0, EN.len())]);
        fr.push(' ');
        fr.push_str(FR[rng.range(0, FR.len())]);
        if rng.chance(15) {
            fr.push(' ');
            fr.push_str(FR[rng.range(0, FR.len())]);
        }
    }
    en.push('.');
    fr.push('.');
    (en, fr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_is_repeatable_and_its_truth_points_at_paragraphs() {
        let a = parliament_pair(400, 3);
        let b = parliament_pair(400, 3);
        assert_eq!(a.left, b.left);
        assert!(a.truth.len() >= 400);
        let turns = crate::core::turns::split(&a.left).turns.len();
        assert!((380..=440).contains(&turns), "about the turns asked for: {turns}");
        let lines: Vec<&str> = a.left.lines().collect();
        for (left, _) in &a.truth {
            for &n in left {
                assert!(!lines[n - 1].is_empty(), "line {n} is a paragraph");
            }
        }
        assert!(a.truth.iter().any(|(_, r)| r.is_empty()), "a speech is cut");
        assert!(a.truth.iter().any(|(_, r)| r.len() == 3), "a paragraph is split in three");
        assert!(a.left.contains("ROUTINE PROCEEDINGS") || a.left.contains("ORAL QUESTIONS"));
    }
}
