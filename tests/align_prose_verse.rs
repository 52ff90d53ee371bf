//! Texts of our own shaped like the real ones the aligner meets: a novel's chapter written one
//! sentence a line with quoted dialogue, whose English translation splits sentences in two and
//! three; a verse scene whose speeches run past thirty lines against its Chinese prose; and two
//! different chapters of the same story, which are no translation of each other.

use std::path::Path;

use tandem::core::alignment::Verdict;
use tandem::core::document::Pair;
use tandem::core::turns::TurnKind;

fn load(dir: &str, left: &str, right: &str) -> Pair {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
    Pair::load(&dir.join(left), &dir.join(right), [None, None]).unwrap()
}

fn links(pair: &Pair) -> Vec<(Vec<usize>, Vec<usize>)> {
    pair.alignment.links.iter().map(|l| (l.left.clone().collect(), l.right.clone().collect())).collect()
}

#[test]
fn a_chapter_and_its_translation_pair_sentence_groups_exactly() {
    let pair = load("novel", "ferry_zh.txt", "ferry_en.txt");
    let (zh, en) = (&pair.docs.left.turns, &pair.docs.right.turns);
    // `老周问道：“去镇上赶集？”` is narration holding a quote: no speakers, one line a turn.
    assert!(zh.speakers.is_empty() && en.speakers.is_empty());
    assert_eq!((zh.turns.len(), en.turns.len()), (16, 21));
    assert!(zh.turns[1..].iter().chain(&en.turns[1..]).all(|t| t.kind == TurnKind::Narration));
    let mut expected: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let groups: [&[usize]; 16] = [
        &[0],
        &[1],
        &[2, 3],
        &[4],
        &[5],
        &[6],
        &[7, 8],
        &[9],
        &[10, 11, 12],
        &[13, 14],
        &[15],
        &[16],
        &[17],
        &[18],
        &[19],
        &[20],
    ];
    for (k, g) in groups.iter().enumerate() {
        expected.push((vec![k], g.to_vec()));
    }
    assert_eq!(links(&pair), expected);
    assert_eq!(pair.alignment.summary().verdict, Verdict::Translation);
}

#[test]
fn another_chapter_of_the_same_story_is_not_its_translation() {
    let pair = load("novel", "ferry_zh.txt", "ferry_ch4_en.txt");
    assert_eq!(pair.alignment.summary().verdict, Verdict::Unrelated, "same names, same style, other events");
}

#[test]
fn verse_speeches_of_thirty_lines_stay_whole_and_pair_with_their_prose() {
    let pair = load("verse", "harbour_en.txt", "harbour_zh.txt");
    let (en, zh) = (&pair.docs.left.turns, &pair.docs.right.turns);
    let names: Vec<&str> = en.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["ELENA", "MARCO", "PORTER"], "`Speak to me`, a verse line, is no speaker");
    let zh_names: Vec<&str> = zh.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(zh_names, ["埃莱娜", "马可", "搬运工"], "`场景　…`, heard once and facing `SCENE.`, is no speaker");
    let long: Vec<(usize, usize)> =
        en.turns.iter().filter(|t| t.last_line - t.first_line >= 29).map(|t| (t.first_line, t.last_line)).collect();
    assert_eq!(long, [(15, 47), (59, 89)], "each long speech is one turn, its lines whole");
    assert!(en.turns.iter().all(|t| t.text != "Speak to me"), "a line inside a speech is never a turn of its own");
    assert_eq!(en.turns.len(), zh.turns.len());
    let expected: Vec<(Vec<usize>, Vec<usize>)> = (0..en.turns.len()).map(|k| (vec![k], vec![k])).collect();
    assert_eq!(links(&pair), expected);
    assert_eq!(pair.alignment.summary().verdict, Verdict::Translation);
}

#[test]
fn rows_realigned_after_an_edit_weigh_words_as_the_whole_alignment_did() {
    let pair = load("novel", "ferry_zh.txt", "ferry_en.txt");
    let a = &pair.alignment;
    assert!(a.learned.lexical > 0.0, "the words of a Chinese chapter and its English answer each other");
    let (l, r) = (&pair.docs.left.turns, &pair.docs.right.turns);
    assert_eq!(tandem::core::align::realign_rows(l, r, a, 0..a.links.len()), a.links);
    // Some rows: the same links (their scores weigh words by their rarity in those rows only).
    let shape = |links: &[tandem::core::alignment::Link]| -> Vec<_> {
        links.iter().map(|k| (k.left.clone(), k.right.clone())).collect()
    };
    assert_eq!(shape(&tandem::core::align::realign_rows(l, r, a, 5..11)), shape(&a.links[5..11]));
}
