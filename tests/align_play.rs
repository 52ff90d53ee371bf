//! A play of our own, in English verse (names in capitals above the speech, stage directions in
//! brackets) against its Chinese prose translation (`名字　台词` in one paragraph): every speech,
//! stage direction and heading pairs with its counterpart.

use std::path::Path;

use tandem::core::document::Pair;
use tandem::core::turns::TurnKind;

#[test]
fn a_verse_play_pairs_every_speech_and_stage_direction_with_its_prose_translation() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/play");
    let pair = Pair::load(&dir.join("lantern_en.txt"), &dir.join("lantern_zh.txt"), [None, None]).unwrap();
    let (en, zh) = (&pair.docs.left.turns, &pair.docs.right.turns);
    let names = |t: &tandem::core::turns::Turns| t.speakers.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(en), ["MARA", "TOMAS", "OLD WREN", "A BOY"], "the boy speaks once, and is named");
    assert_eq!(names(zh), ["玛拉", "托马斯", "老雷恩", "男孩"]);
    assert_eq!(en.turns.len(), zh.turns.len(), "one turn for one: {} / {}", en.turns.len(), zh.turns.len());
    let links: Vec<(Vec<usize>, Vec<usize>)> =
        pair.alignment.links.iter().map(|l| (l.left.clone().collect(), l.right.clone().collect())).collect();
    let expected: Vec<(Vec<usize>, Vec<usize>)> = (0..en.turns.len()).map(|k| (vec![k], vec![k])).collect();
    assert_eq!(links, expected);
    // Every speech and stage direction is where it should be, kind for kind — except the cast
    // list, which the Chinese writes as `名字　角色` (speeches) and the English as a list.
    let directions =
        |t: &tandem::core::turns::Turns| t.turns.iter().filter(|t| t.text.starts_with(['[', '〔'])).count();
    assert_eq!((directions(en), directions(zh)), (12, 12));
    let mismatched: Vec<usize> = (0..en.turns.len())
        .filter(|&k| (en.turns[k].kind == TurnKind::Speech) != (zh.turns[k].kind == TurnKind::Speech))
        .collect();
    assert_eq!(mismatched, [3, 4, 5, 6], "only the cast list differs in kind");
    let speaker = |t: &tandem::core::turns::Turns, k: usize| t.turns[k].speaker;
    for k in (0..en.turns.len()).filter(|&k| en.turns[k].kind == TurnKind::Speech && k > 6) {
        let (a, b) = (speaker(en, k).unwrap(), speaker(zh, k).unwrap());
        assert_eq!(pair.alignment.speaker_map[a], Some(b), "turn {k}: speakers pair with their translations");
    }
    assert_eq!(pair.alignment.summary().verdict, tandem::core::alignment::Verdict::Translation);
    // A scene's heading names a part of the play, not the play.
    assert_eq!(pair.docs.right.title(), "lantern_zh.txt");
}

/// A French edition (`MARA, seule. — …`, `MARA. — …`) against a Chinese script (`玛拉：…`):
/// two minor characters speak once on each side. The Chinese `老雷恩：` heard once is no
/// speaker on its own (a one-off `x：y` is as often a note or a source line); facing the French
/// side's `LE VIEUX WREN, à la porte. — …` in the same row, each label confirms the other.
#[test]
fn characters_who_speak_once_are_speakers_on_both_sides() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/play");
    let pair = Pair::load(&dir.join("gull_fr.txt"), &dir.join("gull_zh.txt"), [None, None]).unwrap();
    let (fr, zh) = (&pair.docs.left.turns, &pair.docs.right.turns);
    let names = |t: &tandem::core::turns::Turns| t.speakers.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(fr), ["MARA", "TOMAS", "LE VIEUX WREN", "UN GARÇON"]);
    assert_eq!(names(zh), ["玛拉", "托马斯", "老雷恩", "男孩"]);
    let links: Vec<(Vec<usize>, Vec<usize>)> =
        pair.alignment.links.iter().map(|l| (l.left.clone().collect(), l.right.clone().collect())).collect();
    let expected: Vec<(Vec<usize>, Vec<usize>)> = (0..fr.turns.len()).map(|k| (vec![k], vec![k])).collect();
    assert_eq!(links, expected);
    // The dash after a name is the label's: the speech starts with its first word.
    assert!(fr.turns.iter().all(|t| !t.text.starts_with('—')), "{:?}", fr.turns);
    for k in (0..fr.turns.len()).filter(|&k| fr.turns[k].kind == TurnKind::Speech) {
        let (a, b) = (fr.turns[k].speaker.unwrap(), zh.turns[k].speaker.unwrap());
        assert_eq!(pair.alignment.speaker_map[a], Some(b), "turn {k}");
    }
    // What was decided with both sides in view is kept, so a project reopens the same.
    assert!(pair.docs.right.segmentation.speakers.contains(&zh.speakers[2].canonical));
}
