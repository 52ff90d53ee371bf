//! The aligner on a generated bilingual parliamentary record: labels on their own line, capital
//! headings, vote lists, a speech cut on one side, a paragraph split in three. The generator
//! knows which paragraph translates which; the F1 of the aligner's pairs against that truth is
//! printed and held above a floor.

use std::collections::HashSet;

use tandem::core::document::{Document, Pair};
use tandem::core::synth::{ParliamentPair, parliament_pair};

/// Precision, recall and F1 of the pairs of paragraphs the alignment makes, against the truth.
/// A paragraph counts as the turn that holds its line; a link pairs every turn of its left side
/// with every turn of its right side.
pub fn f1(generated: &ParliamentPair, pair: &Pair) -> (f64, f64, f64) {
    let turn_at = |doc: &Document, line: usize| {
        let turns = &doc.turns.turns;
        let k = turns.partition_point(|t| t.last_line < line);
        (k < turns.len() && turns[k].first_line <= line).then_some(k)
    };
    let mut truth = HashSet::new();
    for (left, right) in &generated.truth {
        for &a in left {
            for &b in right {
                if let (Some(x), Some(y)) = (turn_at(&pair.docs.left, a), turn_at(&pair.docs.right, b)) {
                    truth.insert((x, y));
                }
            }
        }
    }
    let mut found = HashSet::new();
    for link in &pair.alignment.links {
        for x in link.left.clone() {
            for y in link.right.clone() {
                found.insert((x, y));
            }
        }
    }
    let right = found.intersection(&truth).count() as f64;
    let (p, r) = (right / found.len().max(1) as f64, right / truth.len().max(1) as f64);
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

fn aligned(generated: &ParliamentPair) -> Pair {
    Pair::new(
        Document::from_text("en.txt", &generated.left, "UTF-8", 0),
        Document::from_text("fr.txt", &generated.right, "UTF-8", 0),
    )
}

#[test]
fn a_parliamentary_record_pairs_its_paragraphs() {
    for seed in [1, 2, 3] {
        let generated = parliament_pair(3_000, seed);
        let pair = aligned(&generated);
        let (p, r, f) = f1(&generated, &pair);
        println!("seed {seed}: precision {p:.3} recall {r:.3} F1 {f:.3}");
        assert!(f > 0.5, "F1 {f:.3}");
    }
}

#[test]
fn a_hand_written_sitting_pairs_turn_by_turn() {
    // Labels alone on their line with riding and party, capital headings, a time stamp, a vote
    // list; the French leaves one speech out and splits the closing note in three.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parliament");
    let pair = Pair::load(&dir.join("sitting_en.txt"), &dir.join("sitting_fr.txt"), [None, None]).unwrap();
    let links: Vec<(Vec<usize>, Vec<usize>)> =
        pair.alignment.links.iter().map(|l| (l.left.clone().collect(), l.right.clone().collect())).collect();
    let mut expected: Vec<(Vec<usize>, Vec<usize>)> = (0..11).map(|k| (vec![k], vec![k])).collect();
    expected.push((vec![11], vec![]));
    expected.extend((12..24).map(|k| (vec![k], vec![k - 1])));
    expected.push((vec![24], vec![23, 24, 25]));
    assert_eq!(links, expected);
    let left = &pair.docs.left.turns;
    let hargrove = &left.turns[6];
    assert_eq!(left.speaker_name(hargrove), Some("Mr. Tom Hargrove"), "the riding and party are not the name");
    assert_eq!(hargrove.label.as_deref(), Some("Mr. Tom Hargrove (Red River South, Cons.):"));
    assert!(left.turns[11].text.contains("word of thanks"), "the speech the French leaves out");
    // A minister's offices run past any short label's length.
    let okafor = left.turns.iter().find(|t| t.label.as_deref().is_some_and(|l| l.contains("Okafor"))).unwrap();
    assert_eq!(left.speaker_name(okafor), Some("Hon. Nadia Okafor"));
    let right = &pair.docs.right.turns;
    let okafor = right.turns.iter().find(|t| t.label.as_deref().is_some_and(|l| l.contains("Okafor"))).unwrap();
    assert_eq!(right.speaker_name(okafor), Some("L'hon. Nadia Okafor"));
    assert_eq!(pair.alignment.summary().verdict, tandem::core::alignment::Verdict::Translation);
}

/// Links as the turns of each side.
type Shapes = Vec<(Vec<usize>, Vec<usize>)>;

/// A pair of our parliament fixtures, its two sides' speakers, and its links as turn lists.
fn fixture_pair(left: &str, right: &str) -> (Pair, [Vec<String>; 2], Shapes) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parliament");
    let pair = Pair::load(&dir.join(left), &dir.join(right), [None, None]).unwrap();
    let names = |turns: &tandem::core::turns::Turns| turns.speakers.iter().map(|s| s.name.clone()).collect();
    let speakers = [names(&pair.docs.left.turns), names(&pair.docs.right.turns)];
    let links = pair.alignment.links.iter().map(|l| (l.left.clone().collect(), l.right.clone().collect())).collect();
    (pair, speakers, links)
}

/// `n` rows of one turn each, in order.
fn one_to_one(n: usize) -> Shapes {
    (0..n).map(|k| (vec![k], vec![k])).collect()
}

#[test]
fn a_plenary_record_writes_its_speakers_with_a_dash() {
    // The European Parliament's verbatim report: `Name, office. – (LANG) speech`; members heard
    // once are speakers too, and each pairs with its own translation.
    let (pair, [left, right], links) = fixture_pair("plenary_en.txt", "plenary_fr.txt");
    assert_eq!(left, ["President", "Anna Schmidt", "Pierre Moreau", "Jean-Marie Lefèvre"]);
    assert_eq!(right, ["Le Président", "Anna Schmidt", "Pierre Moreau", "Jean-Marie Lefèvre"]);
    assert_eq!(links, one_to_one(7));
    let moreau = &pair.docs.left.turns.turns[4];
    assert!(moreau.text.starts_with("(FR) Mr President"), "{}", moreau.text);
    assert_eq!(moreau.label.as_deref(), Some("Pierre Moreau, Member of the Commission. –"));
}

#[test]
fn a_record_without_colons_and_its_translation_name_the_same_members() {
    // The French Assemblée's `M. Jean Dupont. …` and an English translation's `Mr Jean Dupont. …`.
    let (_, [left, right], links) = fixture_pair("assemblee_fr.txt", "assemblee_en.txt");
    assert_eq!(left, ["M. le président", "M. Jean Dupont", "M. Marc Fesneau"]);
    assert_eq!(right, ["The President", "Mr Jean Dupont", "Mr Marc Fesneau"]);
    assert_eq!(links, one_to_one(6));
}

#[test]
fn europarl_tagged_proceedings_name_every_speaker_and_pair_turn_by_turn() {
    // The Europarl corpus's own files: `<CHAPTER ID=…>` then its title, `<SPEAKER … NAME="…">`
    // then the speech, `<P>` between paragraphs. Every tagged name is a speaker, members heard
    // once included, and `Evans, Robert J` reads as a person's name.
    let (pair, [left, right], links) = fixture_pair("europarl_en.txt", "europarl_fr.txt");
    assert_eq!(pair.docs.left.format, tandem::core::formats::InputFormat::Europarl);
    assert_eq!(left, ["President", "Karin Lindqvist", "Siim Kallas", "Pierre Moreau", "Robert J Evans"]);
    assert_eq!(right, ["Le Président", "Karin Lindqvist", "Siim Kallas", "Pierre Moreau", "Robert J Evans"]);
    assert_eq!(links, one_to_one(12));
    let turns = &pair.docs.left.turns.turns;
    assert_eq!(turns[2].kind, tandem::core::turns::TurnKind::Heading);
    assert_eq!(turns[2].text, "Rail freight corridors (debate)");
    assert!(turns[4].text.contains("\n") && !turns[4].text.contains("<P>"), "{}", turns[4].text);
    // Where a reader finds it: the file's own line.
    assert_eq!(pair.docs.left.position(turns[4].first_line, turns[4].last_line), "lines 10–12");
    assert_eq!(pair.docs.left.unit(turns[4].last_line), 12);
}

#[test]
fn a_united_nations_record_names_its_speakers_in_chinese_too() {
    // The UN's verbatim records: `Mr. Zhao Ming (China) (spoke in Chinese):`, `M. Zhao Ming
    // (Chine) (parle en chinois) :`, and in Chinese full-width brackets right after the name,
    // `赵明先生（中国）：`, `主席（以英语发言）：`.
    let (_, [en, zh], links) = fixture_pair("un_en.txt", "un_zh.txt");
    assert_eq!(en, ["The President", "Mr. Zhao Ming", "Ms. Claire Martin"]);
    assert_eq!(zh, ["主席", "赵明先生", "克莱尔·马丁女士"]);
    assert_eq!(links, one_to_one(12));
    let (_, [fr, _], links) = fixture_pair("un_fr.txt", "un_zh.txt");
    assert_eq!(fr, ["Le Président", "M. Zhao Ming", "Mme Claire Martin"]);
    assert_eq!(links, one_to_one(12));
}

#[test]
fn two_sittings_are_not_a_translation_and_a_cut_record_is_partial() {
    use tandem::core::alignment::Verdict;
    let (a, b) = (parliament_pair(1_500, 11), parliament_pair(1_500, 12));
    let doc = |name: &str, text: &str| Document::from_text(name, text, "UTF-8", 0);
    let verdict = |l: &str, r: &str| Pair::new(doc("l", l), doc("r", r)).alignment.summary().verdict;
    assert_eq!(verdict(&a.left, &a.right), Verdict::Translation);
    assert_eq!(verdict(&a.left, &b.right), Verdict::Unrelated, "another sitting's French");
    assert_eq!(verdict(&a.left, &b.left), Verdict::Unrelated, "another sitting, in the same language");
    // The French of the first half only: a translation with a large part missing.
    let half = &a.right[..a.right.len() / 2];
    let pair = Pair::new(doc("l", &a.left), doc("r", half));
    assert_eq!(pair.alignment.summary().verdict, Verdict::Partial);
    let unrelated = Pair::new(doc("l", &a.left), doc("r", &b.right));
    assert!(unrelated.alignment.links.iter().all(|l| l.score <= 0.3), "every link of unrelated texts is a guess");
}

#[test]
#[ignore = "a measurement: cargo test --release --test align_parliament -- --ignored --nocapture"]
fn timing_at_scale() {
    // End to end as the window and `tandem align` do it: two files on disk, read, decoded and
    // split (both sides at once), aligned.
    let dir = std::env::temp_dir().join(format!("tandem-parliament-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    for n in [10_000, 30_000, 50_000, 120_000] {
        let generated = parliament_pair(n, 7);
        let (en, fr) = (dir.join("en.txt"), dir.join("fr.txt"));
        std::fs::write(&en, &generated.left).expect("written");
        std::fs::write(&fr, &generated.right).expect("written");
        let t = std::time::Instant::now();
        let pair = Pair::load(&en, &fr, [None, None]).expect("loaded");
        let took = t.elapsed();
        let (p, r, f) = f1(&generated, &pair);
        println!(
            "{n}: {} / {} turns, {:.2} s read+split+align, P {p:.3} R {r:.3} F1 {f:.3}",
            pair.docs.left.turns.turns.len(),
            pair.docs.right.turns.turns.len(),
            took.as_secs_f64(),
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// One line of the calibration: the evidence, scaled by the square root of the turns, and the rows.
fn print_evidence(name: &str, pair: &Pair) {
    let c = pair.alignment.counts();
    let n = (pair.docs.left.turns.turns.len() + pair.docs.right.turns.turns.len()).min(3000) as f32;
    let evidence = pair.alignment.evidence;
    let z = evidence.unwrap_or(0.0) * n.sqrt();
    println!("{name}: evidence {evidence:?} z {z:.2} rows {} paired {}", c.rows, c.paired_rows);
}

#[test]
#[ignore = "calibration: prints the evidence of translations and of unrelated pairs"]
fn evidence_calibration() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if !shared.is_dir() {
        println!("skipped: ../shared/samples is not here");
        return;
    }
    let fix = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let s = |n: &str| {
        std::fs::read_dir(&shared)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(n))
            .unwrap()
    };
    let pairs: Vec<(&str, std::path::PathBuf, std::path::PathBuf)> = vec![
        ("T 000/002", s("000"), s("002")),
        ("T lin_xiao", fix.join("lin_xiao_zh.txt"), fix.join("lin_xiao_fr.txt")),
        ("T visit", fix.join("formats/visit_en.txt"), fix.join("formats/visit_fr.txt")),
        ("T bakery", fix.join("formats/bakery_zh.docx"), fix.join("formats/bakery_fr.docx")),
        ("U 000/003", s("000"), s("003")),
        ("U 002/003", s("002"), s("003")),
        ("U 001/004", s("001"), s("004")),
        ("U 004/000", s("004"), s("000")),
        ("U 001/002", s("001"), s("002")),
        ("U lin_xiao_zh/003", fix.join("lin_xiao_zh.txt"), s("003")),
        ("P bakery_zh/visit_fr (a retelling)", fix.join("formats/bakery_zh.docx"), fix.join("formats/visit_fr.txt")),
        ("U bakery_zh/lin_xiao_fr", fix.join("formats/bakery_zh.docx"), fix.join("lin_xiao_fr.txt")),
        ("U lin_xiao_zh/bakery_fr", fix.join("lin_xiao_zh.txt"), fix.join("formats/bakery_fr.docx")),
        ("U lin_xiao_zh/visit_fr", fix.join("lin_xiao_zh.txt"), fix.join("formats/visit_fr.txt")),
    ];
    for (name, a, b) in pairs {
        let pair = Pair::load(&a, &b, [None, None]).unwrap();
        print_evidence(name, &pair);
    }
    for (name, a, b) in [
        ("T parl", 1, 1),
        ("U parl en1/fr2", 1, 2),
        ("U parl en1/en2", 1, 2),
        ("T parl big", 5, 5),
        ("U parl big", 5, 6),
    ] {
        let x = parliament_pair(if name.contains("big") { 20_000 } else { 800 }, a);
        let y = parliament_pair(if name.contains("big") { 20_000 } else { 800 }, b);
        let right = if name.contains("en1/en2") { &y.left } else { &y.right };
        let pair =
            Pair::new(Document::from_text("a", &x.left, "UTF-8", 0), Document::from_text("b", right, "UTF-8", 0));
        print_evidence(name, &pair);
    }
}
