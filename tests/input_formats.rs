//! The documents people have, read as their plain-text twins: a Chinese Word file and its French
//! Word, OpenDocument and web-page versions, an English Markdown file, a pair of WebVTT files with
//! voices — each pair gives the same links as the same texts in plain text, and says where its
//! paragraphs came from.

mod common;

use std::ops::Range;

use tandem::core::document::Pair;
use tandem::core::formats::InputFormat;

fn links(pair: &Pair) -> Vec<(Range<usize>, Range<usize>)> {
    pair.alignment.links.iter().map(|l| (l.left.clone(), l.right.clone())).collect()
}

fn pair(left: &str, right: &str) -> Pair {
    Pair::load(&common::fixture(left), &common::fixture(right), [None, None])
        .unwrap_or_else(|e| panic!("{left} ↔ {right}: {e}"))
}

fn same_as_twin(left: &str, right: &str, twin: (&str, &str)) -> Pair {
    let read = pair(left, right);
    let plain = pair(twin.0, twin.1);
    let texts = |p: &Pair| -> Vec<String> { p.docs.right.turns.turns.iter().map(|t| t.text.clone()).collect() };
    assert_eq!(texts(&read), texts(&plain), "{right}: the same turns as {}", twin.1);
    assert_eq!(links(&read), links(&plain), "{left} ↔ {right}: the same links as the plain texts");
    read
}

#[test]
fn a_chinese_word_file_and_its_french_word_file_align_as_their_texts() {
    let read = same_as_twin(
        "formats/bakery_zh.docx",
        "formats/bakery_fr.docx",
        ("review/bakery_zh.txt", "review/bakery_fr.txt"),
    );
    let zh = &read.docs.left;
    assert_eq!(zh.format, InputFormat::Docx);
    assert_eq!(zh.turns.speakers.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["记者", "克莱尔·莫雷尔"]);
    // Positions: the paragraph a turn came from.
    let answer = &zh.turns.turns[3];
    assert_eq!(zh.unit(answer.first_line), 4);
    assert_eq!(zh.position(answer.first_line, answer.last_line), "paragraph 4");
}

#[test]
fn opendocument_and_a_web_page_align_as_their_texts() {
    same_as_twin("review/bakery_zh.txt", "formats/bakery_fr.odt", ("review/bakery_zh.txt", "review/bakery_fr.txt"));
    let page = same_as_twin(
        "review/bakery_zh.txt",
        "formats/bakery_fr.html",
        ("review/bakery_zh.txt", "review/bakery_fr.txt"),
    );
    let fr = &page.docs.right;
    assert_eq!(fr.format, InputFormat::Html);
    let all: String = fr.turns.turns.iter().map(|t| t.text.as_str()).collect();
    for noise in ["cookies", "Accueil", "Partager", "Mentions légales", "À lire aussi", "dataLayer"] {
        assert!(!all.contains(noise), "the page's {noise:?} is left out");
    }
}

#[test]
fn markdown_aligns_as_its_text_and_keeps_its_lines() {
    let read =
        same_as_twin("review/bakery_fr.txt", "formats/bakery_en.md", ("review/bakery_fr.txt", "review/bakery_en.txt"));
    let en = &read.docs.right;
    assert_eq!(en.format, InputFormat::Markdown);
    assert!(en.turns.turns.iter().all(|t| !t.text.contains("**")), "emphasis marks are gone");
    let second = &en.turns.turns[2];
    assert_eq!((second.first_line, en.position(second.first_line, second.last_line).as_str()), (5, "line 5"));
}

#[test]
fn webvtt_voices_are_speakers_and_cues_are_positions() {
    let read =
        same_as_twin("formats/visit_en.vtt", "formats/visit_fr.vtt", ("formats/visit_en.txt", "formats/visit_fr.txt"));
    let en = &read.docs.left;
    assert_eq!(en.format, InputFormat::Vtt);
    assert_eq!(en.turns.speakers.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Host", "Claire"]);
    let third = &en.turns.turns[2];
    assert_eq!(en.position(third.first_line, third.last_line), "cue 3 · 00:00:08–00:00:11");
    assert_eq!(read.alignment.counts().paired_rows, 7);
}

#[test]
fn two_subtitle_files_of_one_video_align_by_time() {
    // Short lines of the same length: the text alone cannot tell which French cue is missing,
    // the times can (the third English cue has no French one).
    let dir = std::env::temp_dir().join(format!("tandem-vtt-time-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cue = |k: usize, text: &str| {
        format!(
            "{:02}:{:02}.000 --> {:02}:{:02}.500\n{text}\n\n",
            k * 3 / 60,
            k * 3 % 60,
            (k * 3 + 2) / 60,
            (k * 3 + 2) % 60
        )
    };
    let en = ["Right.", "Sure.", "Yes.", "Good.", "Fine.", "Okay."];
    let fr = ["Bien.", "Sûr.", "Bon.", "Oui.", "Okay."];
    let mut left = String::from("WEBVTT\n\n");
    for (k, t) in en.iter().enumerate() {
        left.push_str(&cue(k, t));
    }
    let mut right = String::from("WEBVTT\n\n");
    for (k, t) in fr.iter().enumerate() {
        // The French skips the third line: its cues 3.. are at the English 4.. times.
        right.push_str(&cue(if k >= 2 { k + 1 } else { k }, t));
    }
    std::fs::write(dir.join("en.vtt"), left).unwrap();
    std::fs::write(dir.join("fr.vtt"), right).unwrap();
    let pair = Pair::load(&dir.join("en.vtt"), &dir.join("fr.vtt"), [None, None]).unwrap();
    assert_eq!(pair.docs.left.turns.times.len(), 6, "every turn has its time");
    let row_of = |k: usize| pair.alignment.link_of(tandem::core::side::Side::Left, k).unwrap();
    let link = |k: usize| (pair.alignment.links[row_of(k)].left.clone(), pair.alignment.links[row_of(k)].right.clone());
    assert_eq!(link(2), (2..3, 2..2), "the English cue said alone stays alone");
    assert_eq!(link(3), (3..4, 2..3), "the next cues pair by time");
    assert_eq!(link(5), (5..6, 4..5));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_300_page_word_file_is_read_whole() {
    // 3,000 paragraphs of 100 words: about 300 pages. (Its speed is measured by
    // `cargo bench --bench align -- read`, not here.)
    use std::io::Write;
    let mut body =
        String::from(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#);
    for k in 0..3_000 {
        let label = if k % 2 == 0 { "Host" } else { "Shen Wei" };
        body.push_str(&format!(
            r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{label}: </w:t></w:r><w:r><w:t>"#
        ));
        for w in 0..100 {
            body.push_str(&format!("word{} ", (k * 7 + w) % 97));
        }
        body.push_str(&format!("paragraph {}.</w:t></w:r></w:p>", k + 1));
    }
    body.push_str("</w:body></w:document>");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(body.as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let source = tandem::core::formats::read_bytes(std::path::Path::new("long.docx"), &bytes, None).unwrap();
    assert_eq!(source.positions.len(), 3_000);
    assert_eq!(source.positions[2_999], "paragraph 3000");
    let doc = tandem::core::document::Document::from_text("long.docx", &source.text, "UTF-8", 0);
    assert_eq!(doc.turns.turns.len(), 3_000, "one turn per labelled paragraph");
    assert!(doc.turns.turns[2_999].text.ends_with("paragraph 3000."));
}

#[test]
fn transcripts_with_times_name_their_speakers_and_keep_the_time_out_of_the_speech() {
    // As transcription tools export them: `Name (00:00:12):` above the speech, `Name  0:12`
    // or `00:00:12 Name` above it, `[00:00:12] Name: speech`, `Name: [00:00:12] speech`; and a
    // Chinese tool's `李明 00:12` above the speech.
    let english = [
        "tunnel_en.txt",
        "tunnel_en_otter.txt",
        "tunnel_en_bracketed.txt",
        "tunnel_en_time_first.txt",
        "tunnel_en_time_after.txt",
    ];
    for english in english.map(|f| format!("formats/{f}")) {
        let read = pair(&english, "formats/tunnel_zh.txt");
        let names = |d: &tandem::core::document::Document| -> Vec<String> {
            d.turns.speakers.iter().map(|s| s.name.clone()).collect()
        };
        assert_eq!(names(&read.docs.left), ["Lex Fridman", "Anna Berg"], "{english}");
        assert_eq!(names(&read.docs.right), ["李明", "安娜·贝格"]);
        assert_eq!(links(&read), (0..6).map(|k| (k..k + 1, k..k + 1)).collect::<Vec<_>>(), "{english}");
        for side in [&read.docs.left, &read.docs.right] {
            for turn in &side.turns.turns {
                assert!(!turn.text.contains("00:") && !turn.text.contains("0:1"), "{english}: {}", turn.text);
            }
        }
        let second = &read.docs.left.turns.turns[1];
        assert!(second.text.starts_with("Thank you for having me."), "{}", second.text);
        let time = second.label.as_deref().and_then(tandem::core::labels::time_in);
        assert!(time.is_some_and(|t| t.ends_with("0:12")), "{english}: {:?}", second.label);
        // The times are no numbers of the speech: nothing differs.
        assert!(tandem::core::review::check(&read).is_empty(), "{english}: {:?}", tandem::core::review::check(&read));
    }
}

#[test]
fn a_video_transcripts_times_alone_on_their_lines_mark_the_text_below() {
    // `0:12` on its own line above what is said then, as video sites export transcripts: six
    // rows facing the six turns of the Chinese, not twelve with six times facing nothing.
    let read = pair("formats/tunnel_en_video.txt", "formats/tunnel_zh.txt");
    assert_eq!(links(&read), (0..6).map(|k| (k..k + 1, k..k + 1)).collect::<Vec<_>>());
    let second = &read.docs.left.turns.turns[1];
    assert_eq!((second.label.as_deref(), second.first_line), (Some("0:12"), 3));
    assert!(second.text.starts_with("Thank you"), "{}", second.text);
    assert!(tandem::core::review::check(&read).is_empty(), "{:?}", tandem::core::review::check(&read));
}

#[test]
fn two_transcripts_of_one_recording_align_by_their_times() {
    // Short replies all alike (`Yes.`, `Oui.`), one of them left out of the French: the times
    // in the labels place `Okay, fine.` against `Bon, d'accord.` (said at 0:05 in both), where
    // the words alone cannot tell which `Yes.` went missing.
    let read = pair("formats/replies_en.txt", "formats/replies_fr.txt");
    assert_eq!(read.docs.left.turns.times[2], (5_000, 7_000));
    let okay = read.alignment.links.iter().find(|l| l.left.contains(&2)).unwrap();
    assert_eq!((okay.left.clone(), okay.right.clone()), (2..3, 1..2));
}
