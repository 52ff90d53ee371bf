//! Export: rows from the alignment and the scope, every format written, files never replaced unasked.

use super::*;
use crate::core::document::Document;
use crate::core::edit::TurnRef;

fn pair() -> Pair {
    let left = "采访\n\n主持人：您好，1998年发生了什么？\n\n沈伟：我们开了第一家店。\n\n沈伟：后来又开了三家。\n\n主持人：谢谢。";
    let right = "Entretien\n\nAnimateur : Bonjour, que s'est-il passé en 1999 ?\n\nShen Wei : Nous avons ouvert la première boutique.\n\nAnimateur : Merci.";
    Pair::new(Document::from_text("zh.txt", left, "UTF-8", 0), Document::from_text("fr.txt", right, "UTF-8", 0))
}

fn flags(pair: &Pair) -> Vec<Flag> {
    crate::core::review::check(pair)
}

#[test]
fn rows_follow_the_alignment_and_the_scope() {
    let pair = pair();
    let all = prepare(&pair, &Annotations::default(), &flags(&pair), &Options::default());
    assert_eq!(all.rows.len(), pair.alignment.links.len());
    assert_eq!(all.total_rows, all.rows.len());
    assert_eq!(all.langs, Sides::new("zh-CN".to_string(), "fr".to_string()));
    assert_eq!(all.files.left, "zh.txt");
    for (row, link) in all.rows.iter().zip(&pair.alignment.links) {
        assert_eq!(row.is_paired(), link.is_paired());
    }
    let greeting = all.rows.iter().find(|r| r.cells.left.text().contains("1998")).expect("a row with the year");
    assert!(greeting.cells.right.text().contains("1999"));
    assert_eq!(greeting.cells.left.speakers(), "主持人");
    assert!(greeting.flags.contains(&FlagKind::Numbers), "{:?}", greeting.flags);

    let paired =
        prepare(&pair, &Annotations::default(), &[], &Options { scope: RowScope::Paired, ..Options::default() });
    assert!(paired.rows.iter().all(Row::is_paired));
    assert_eq!(paired.rows.len(), pair.alignment.counts().paired_rows);

    let flagged = prepare(
        &pair,
        &Annotations::default(),
        &flags(&pair),
        &Options { scope: RowScope::Flagged, ..Default::default() },
    );
    assert!(!flagged.rows.is_empty());
    assert!(flagged.rows.iter().all(|r| !r.flags.is_empty()));

    let some =
        prepare(&pair, &Annotations::default(), &[], &Options { scope: RowScope::Rows(1..3), ..Default::default() });
    assert_eq!(some.rows.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 3]);

    // What DOCX and HTML say of the rows: a row with one side only is no pair.
    let n = all.rows.len();
    assert_eq!(all.count(), format!("{n} rows, {n} paired"));
    assert_eq!(some.count(), format!("2 of {n} rows, 2 paired"));
    let mut one_sided = all.clone();
    one_sided.rows[0].cells.right = Cell::default();
    assert_eq!(one_sided.count(), format!("{n} rows, {} paired", n - 1));
}

#[test]
fn sentence_segments_cut_a_pair_of_two_sentences_into_two_rows() {
    let left = "您好。1998年发生了什么？\n\n我们开了第一家店。";
    let right = "Bonjour. Que s'est-il passé en 1998 ?\n\nNous avons ouvert la première boutique.";
    let pair =
        Pair::new(Document::from_text("zh.txt", left, "UTF-8", 0), Document::from_text("fr.txt", right, "UTF-8", 0));
    let options = Options { segments: Segments::Sentence, ..Options::default() };
    let export = prepare(&pair, &Annotations::default(), &[], &options);
    let texts: Vec<(String, String)> =
        export.rows.iter().map(|r| (r.cells.left.text(), r.cells.right.text())).collect();
    assert_eq!(texts[0], ("您好。".to_string(), "Bonjour.".to_string()));
    assert_eq!(texts[1], ("1998年发生了什么？".to_string(), "Que s'est-il passé en 1998 ?".to_string()));
    assert_eq!(
        export.rows.iter().map(|r| (r.number, r.segment)).collect::<Vec<_>>(),
        [(1, Some(1)), (1, Some(2)), (2, None)]
    );
    assert_eq!(export.count(), "3 sentence groups, 3 paired, from 2 rows");
    let tmx = String::from_utf8(to_bytes(&export, Format::Tmx, &Progress::default()).unwrap()).unwrap();
    assert!(tmx.contains("segtype=\"sentence\"") && tmx.contains("tuid=\"1.2\""), "{tmx}");
}

#[test]
fn notes_and_chosen_languages_go_out() {
    let pair = pair();
    let mut notes = Annotations::default();
    notes.notes.insert(TurnRef { side: Side::Right, turn: 1 }, "check the year".into());
    let options = Options { langs: Sides::new(Some("zh-Hans".into()), None), ..Options::default() };
    let export = prepare(&pair, &notes, &[], &options);
    assert_eq!(export.langs.left, "zh-Hans");
    assert_eq!(export.langs.right, "fr");
    let row = pair.alignment.link_of(Side::Right, 1).expect("turn 1 is aligned");
    assert_eq!(export.rows[row].note.as_deref(), Some("check the year"));
}

#[test]
fn every_format_writes_and_a_cancel_stops_it() {
    let pair = pair();
    let export = prepare(&pair, &Annotations::default(), &flags(&pair), &Options::default());
    for format in Format::ALL {
        let bytes = to_bytes(&export, format, &Progress::default()).expect("written");
        assert!(bytes.len() > 100, "{format:?}");
        if format.is_text() {
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert!(text.contains("沈伟") && text.contains("première"), "{format:?}");
        } else {
            assert_eq!(&bytes[..2], b"PK", "{format:?} is a zip archive");
        }
    }
    let stop = Progress::default();
    stop.cancel.store(true, Ordering::Relaxed);
    assert!(matches!(to_bytes(&export, Format::Html, &stop), Err(ExportError::Cancelled)));
}

#[test]
fn a_file_is_not_replaced_without_force() {
    let dir = std::env::temp_dir().join(format!("tandem-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("out.tsv");
    std::fs::write(&path, "keep me").expect("written");
    let pair = pair();
    let export = prepare(&pair, &Annotations::default(), &[], &Options::default());
    let err = write_file(&export, Format::Tsv, &path, false, &Progress::default()).expect_err("refused");
    assert!(matches!(err, ExportError::Exists(_)));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "keep me");
    write_file(&export, Format::Tsv, &path, true, &Progress::default()).expect("forced");
    assert!(std::fs::read_to_string(&path).expect("read").starts_with("left_text\t"));
    let leftovers = std::fs::read_dir(&dir).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary file stays behind");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn formats_are_named_as_on_the_command_line() {
    for f in Format::ALL {
        assert_eq!(Format::parse(f.name()), Some(f));
    }
    assert_eq!(Format::parse("HTM"), Some(Format::Html));
    assert_eq!(Format::of_path(Path::new("a/b.XLSX")), Some(Format::Xlsx));
    assert_eq!(Format::parse("pdf"), None);
}

#[test]
fn the_clock_gives_a_real_date() {
    let [y, mo, d, h, mi, s] = now_utc();
    assert!((2024..2200).contains(&y) && (1..=12).contains(&mo) && (1..=31).contains(&d));
    assert!(h < 24 && mi < 60 && s < 60);
}
