//! Tests on the real-world documents in `../shared/samples/`, skipped with a notice when absent.

use std::path::{Path, PathBuf};

use tandem::core::document::{Document, Pair};
use tandem::core::turns::TurnKind;

/// The sample whose name starts with `prefix`, or `None` (with a notice) when the folder is absent.
fn sample(prefix: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    let found = std::fs::read_dir(&dir).ok().and_then(|entries| {
        entries.filter_map(Result::ok).map(|e| e.path()).find(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
    });
    if found.is_none() {
        println!("skipped: ../shared/samples/{prefix}_* is not here (a user's clone has no shared folder)");
    }
    found
}

#[test]
fn french_and_english_interviews_pair_question_by_question() {
    let (Some(fr), Some(en)) = (sample("000"), sample("002")) else { return };
    let pair = Pair::load(&fr, &en, [None, None]).unwrap();
    let (l, r) = (&pair.docs.left.turns, &pair.docs.right.turns);
    let speech = |i: &usize, t: &tandem::core::turns::Turns| t.turns[*i].kind == TurnKind::Speech;

    // The English holds the interview twice: the second copy starts where its opening paragraph recurs.
    let opening = r.turns.iter().position(|t| t.kind == TurnKind::Narration && t.text.len() > 40).unwrap();
    let second = (opening + 1..r.turns.len()).find(|&i| r.turns[i].text == r.turns[opening].text).unwrap();

    let left_speech: Vec<usize> = (0..l.turns.len()).filter(|i| speech(i, l)).collect();
    let right_speech: Vec<usize> = (0..second).filter(|i| speech(i, r)).collect();
    assert_eq!(left_speech.len(), 28, "14 questions and 14 answers in French");
    assert_eq!(right_speech.len(), 28, "and in the first English copy");
    for (k, &li) in left_speech.iter().enumerate() {
        let link = &pair.alignment.links[pair.alignment.link_of(tandem::core::side::Side::Left, li).unwrap()];
        assert_eq!(
            link.right.clone().collect::<Vec<_>>(),
            vec![right_speech[k]],
            "French speech turn {li} ({:?}) pairs with English turn {}",
            l.turns[li].text.chars().take(50).collect::<String>(),
            right_speech[k]
        );
        let (ls, rs) = (l.turns[li].speaker.unwrap(), r.turns[right_speech[k]].speaker.unwrap());
        assert_eq!(pair.alignment.speaker_map[ls], Some(rs), "the interviewer is the interviewer");
    }
    for j in second..r.turns.len() {
        let link = &pair.alignment.links[pair.alignment.link_of(tandem::core::side::Side::Right, j).unwrap()];
        assert!(link.left.is_empty(), "the second English copy stands unpaired, but turn {j} is in {link:?}");
    }
    let last_speech = *left_speech.last().unwrap();
    for link in &pair.alignment.links {
        let footer = link.left.clone().any(|i| i > last_speech);
        assert!(!footer || !link.right.clone().any(|j| speech(&j, r)), "a footer pairs with speech: {link:?}");
        let mixed = link.left.clone().any(|i| speech(&i, l)) != link.right.clone().any(|j| speech(&j, r));
        assert!(link.left.is_empty() || link.right.is_empty() || !mixed, "speech pairs with non-speech: {link:?}");
    }
    // The opening lines of two different sites (a French title and source lines; `<100
    // subscribers` and `Share Dialog`) face nothing.
    for side in [tandem::core::side::Side::Left, tandem::core::side::Side::Right] {
        for k in 0..3 {
            let link = &pair.alignment.links[pair.alignment.link_of(side, k).unwrap()];
            assert!(!link.is_paired(), "{side:?} turn {k} stands alone, but is in {link:?}");
        }
    }
    // Label variants are one speaker: `White Horse…`, `**White Horse… :`, `Whitehorse…`.
    let names: Vec<&str> = r.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["White Horse Business Review", "Shen Wei"]);
}

#[test]
fn the_verdict_tells_the_translation_from_other_interviews() {
    use tandem::core::alignment::Verdict;
    let (Some(fr), Some(en), Some(other)) = (sample("000"), sample("002"), sample("003")) else { return };
    let verdict = |a: &PathBuf, b: &PathBuf| Pair::load(a, b, [None, None]).unwrap().alignment.summary().verdict;
    // The English holds the interview twice: a translation, with half the right side one-sided.
    assert_eq!(verdict(&fr, &en), Verdict::Partial);
    assert_eq!(verdict(&fr, &other), Verdict::Unrelated, "two French interviews by other people");
    assert_eq!(verdict(&en, &other), Verdict::Unrelated, "an English interview and another French one");
}

#[test]
fn talks_without_dialogue_have_no_speakers() {
    for prefix in ["001", "004"] {
        let Some(path) = sample(prefix) else { return };
        let doc = Document::load(&path, None).unwrap();
        assert!(doc.turns.speakers.is_empty(), "{prefix}: {:?}", doc.turns.speakers);
        assert!(doc.turns.turns.len() > 30, "{prefix} falls back to paragraphs");
        assert!(doc.turns.turns.iter().all(|t| t.speaker.is_none() && t.label.is_none()));
    }
}

#[test]
fn an_editors_note_is_not_a_speaker() {
    let Some(path) = sample("003") else { return };
    let doc = Document::load(&path, None).unwrap();
    let names: Vec<&str> = doc.turns.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["APPSO", "Liu Zhiyuan"]);
    let note = doc.turns.turns.iter().find(|t| t.text.starts_with("Note de l'éditeur")).unwrap();
    assert_eq!((note.kind, note.speaker), (TurnKind::Narration, None));
}

#[test]
fn every_sample_reads_and_aligns_with_every_other() {
    let paths: Vec<PathBuf> = ["000", "001", "002", "003", "004"].iter().filter_map(|p| sample(p)).collect();
    for a in &paths {
        for b in &paths {
            let pair = Pair::load(a, b, [None, None]).unwrap();
            let (mut i, mut j) = (0, 0);
            for link in &pair.alignment.links {
                assert_eq!((link.left.start, link.right.start), (i, j));
                (i, j) = (link.left.end, link.right.end);
            }
            assert_eq!((i, j), (pair.docs.left.turns.turns.len(), pair.docs.right.turns.turns.len()));
        }
    }
}
