//! End-to-end on our own fixture pair: a Chinese interview and its French translation, in
//! several encodings, with a turn missing on one side and a turn split in two on the other.

use std::path::{Path, PathBuf};

use tandem::core::document::{Document, Pair};
use tandem::core::turns::TurnKind;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn links(pair: &Pair) -> Vec<(Vec<usize>, Vec<usize>)> {
    pair.alignment.links.iter().map(|l| (l.left.clone().collect(), l.right.clone().collect())).collect()
}

#[test]
fn chinese_interview_aligns_with_its_french_translation() {
    let pair = Pair::load(&fixture("lin_xiao_zh.txt"), &fixture("lin_xiao_fr.txt"), [None, None]).unwrap();
    let v = |x: &[usize]| x.to_vec();
    let expected = vec![
        (v(&[0]), v(&[0])), // the titles
        (v(&[1]), v(&[])),  // the source line exists only in Chinese
        (v(&[2]), v(&[1])),
        (v(&[3]), v(&[2])),
        (v(&[4]), v(&[3])),
        (v(&[5]), v(&[4])),
        (v(&[6]), v(&[5])),
        (v(&[7]), v(&[6])), // two paragraphs, one turn, on both sides
        (v(&[8]), v(&[7])),
        (v(&[9]), v(&[8, 9])), // the French splits this answer in two turns
        (v(&[10]), v(&[])),    // the French drops this question
        (v(&[11]), v(&[10])),
        (v(&[12]), v(&[11])),
        (v(&[13]), v(&[12])),
        (v(&[14]), v(&[13])),
        (v(&[]), v(&[14])), // the translator's credit
    ];
    assert_eq!(links(&pair), expected);
    let speaker_map = &pair.alignment.speaker_map;
    let (l, r) = (&pair.docs.left.turns.speakers, &pair.docs.right.turns.speakers);
    assert_eq!((l[0].name.as_str(), l[1].name.as_str()), ("主持人", "林晓"));
    assert_eq!(r[speaker_map[0].unwrap()].name, "Animateur", "the host's role is learned from the pair");
    assert_eq!(r[speaker_map[1].unwrap()].name, "Lin Xiao");
    for link in &pair.alignment.links {
        let paired = !link.left.is_empty() && !link.right.is_empty();
        assert!(!paired || link.score > 0.6, "{link:?}");
        assert!(paired || link.score < 0.3, "{link:?}");
    }
    assert!((2.5..4.5).contains(&pair.alignment.ratio), "French is ~3 characters per Chinese one");
}

#[test]
fn turns_keep_their_lines_and_labels() {
    let doc = Document::load(&fixture("lin_xiao_zh.txt"), None).unwrap();
    let t = &doc.turns.turns[7];
    assert_eq!((t.kind, t.first_line, t.last_line, t.label.as_deref()), (TurnKind::Speech, 15, 17, Some("林晓：")));
    assert!(t.text.starts_with("最难的是节奏。") && t.text.contains("\n如果只追求字面准确"));
    assert_eq!(doc.turns.turns[0].kind, TurnKind::Heading);
    assert_eq!(doc.encoding, "UTF-8");
}

#[test]
fn legacy_encodings_and_line_ends_give_the_same_turns() {
    let utf8 = Document::load(&fixture("lin_xiao_zh.txt"), None).unwrap();
    let gbk = Document::load(&fixture("lin_xiao_zh_gbk_crlf.txt"), None).unwrap();
    assert_eq!(gbk.encoding, "GBK");
    assert_eq!(gbk.turns, utf8.turns, "GBK with CRLF reads exactly as UTF-8 with LF");
    let forced = Document::load(&fixture("lin_xiao_zh_gbk_crlf.txt"), Some("gb18030")).unwrap();
    assert_eq!((forced.encoding, &forced.turns), ("gb18030", &utf8.turns));

    let fr = Document::load(&fixture("lin_xiao_fr.txt"), None).unwrap();
    let utf16 = Document::load(&fixture("lin_xiao_fr_utf16.txt"), None).unwrap();
    assert_eq!((utf16.encoding, &utf16.turns), ("UTF-16LE", &fr.turns));
}

#[test]
fn a_document_aligned_with_itself_pairs_every_turn_one_to_one() {
    let doc = Document::load(&fixture("lin_xiao_fr.txt"), None).unwrap();
    let pair = Pair::new(doc.clone(), doc);
    assert!(pair.alignment.links.iter().enumerate().all(|(k, l)| l.left == (k..k + 1) && l.right == (k..k + 1)));
}

#[test]
fn an_empty_side_leaves_every_turn_unpaired() {
    let doc = Document::load(&fixture("lin_xiao_fr.txt"), None).unwrap();
    let empty = Document::from_text("empty.txt", "", "UTF-8", 0);
    let pair = Pair::new(doc.clone(), empty);
    assert_eq!(pair.alignment.links.len(), doc.turns.turns.len());
    assert!(pair.alignment.links.iter().all(|l| l.right.is_empty() && l.left.len() == 1));
}

#[test]
fn a_label_heard_once_is_a_speaker_when_the_other_side_has_that_person() {
    // The French is an excerpt: Lena Berg answers once there, three times in the English.
    let (en, fr) = (fixture("agree/interview_en.txt"), fixture("agree/interview_fr.txt"));
    let alone = Document::load(&fr, None).unwrap();
    let names = |d: &Document| d.turns.speakers.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&alone), ["Animatrice"], "on its own, a label heard once is not a speaker");
    let pair = Pair::load(&en, &fr, [None, None]).unwrap();
    let right = &pair.docs.right;
    assert_eq!(names(right), ["Animatrice", "Lena Berg"], "with the English in view, it is");
    assert!(right.segmentation.speakers.contains("lenaberg"), "kept, so that a project reopens alike");
    assert_eq!(links(&pair)[4], (vec![4], vec![2]), "her answer pairs with her answer");
    let answer = &right.turns.turns[2];
    assert_eq!((answer.kind, answer.text.starts_with("En 2019")), (TurnKind::Speech, true));
    let berg = right.turns.speakers.iter().position(|s| s.name == "Lena Berg").unwrap();
    let left_berg = pair.docs.left.turns.speakers.iter().position(|s| s.name == "Lena Berg").unwrap();
    assert_eq!(pair.alignment.speaker_map[left_berg], Some(berg));
}
