//! Every export format read back by a reader that is not its writer — roxmltree for TMX and the
//! DOCX's XML, calamine for XLSX, html5ever (scraper) for HTML, the csv reader and a plain split
//! for the tables — on our Chinese/French fixture, a fixture full of markup and tabs, and the
//! shared French/English interview when it is here: same rows, same text, characters intact.

mod common;

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use tandem::core::document::Pair;
use tandem::core::edit::Annotations;
use tandem::core::export::{self, Export, Format, Options, Progress, Row};
use tandem::core::review;
use tandem::core::side::Side;

fn export_of(left: &Path, right: &Path) -> Export {
    let pair = Pair::load(left, right, [None, None]).expect("fixtures load");
    let flags = review::check(&pair);
    export::prepare(&pair, &Annotations::default(), &flags, &Options::default())
}

fn bytes(export: &Export, format: Format) -> Vec<u8> {
    export::to_bytes(export, format, &Progress::default()).expect("written")
}

/// The paragraphs of a cell as a reader sees them (trailing spaces aside).
fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(|l| l.trim_end().to_string()).collect()
}

fn check_tmx(export: &Export) {
    let xml = String::from_utf8(bytes(export, Format::Tmx)).expect("UTF-8");
    // The DOCTYPE names the TMX DTD (as TMX 1.4b asks); nothing is fetched.
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc = roxmltree::Document::parse_with_options(&xml, options).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!((root.tag_name().name(), root.attribute("version")), ("tmx", Some("1.4")));
    let header = root.children().find(|n| n.has_tag_name("header")).expect("a header");
    for attr in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"] {
        assert!(header.attribute(attr).is_some_and(|v| !v.is_empty()), "header has {attr}");
    }
    assert_eq!(header.attribute("srclang"), Some(export.langs.left.as_str()));
    let units: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("tu")).collect();
    let paired: Vec<&Row> = export.rows.iter().filter(|r| r.is_paired()).collect();
    assert_eq!(units.len(), paired.len(), "one <tu> per paired row");
    const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
    for (tu, row) in units.iter().zip(paired) {
        assert_eq!(tu.attribute("tuid"), Some(row.number.to_string().as_str()));
        let tuvs: Vec<_> = tu.children().filter(|n| n.has_tag_name("tuv")).collect();
        assert_eq!(tuvs.len(), 2);
        for (tuv, side) in tuvs.iter().zip(Side::BOTH) {
            assert_eq!(tuv.attribute((XML_NS, "lang")), Some(export.langs[side].as_str()));
            let seg = tuv.children().find(|n| n.has_tag_name("seg")).expect("a seg");
            assert_eq!(seg.text().unwrap_or(""), row.cells[side].text());
            let speaker = tuv.children().find(|n| n.attribute("type") == Some("x-speaker")).and_then(|n| n.text());
            assert_eq!(speaker.unwrap_or(""), row.cells[side].speakers());
        }
        let flags: Vec<_> =
            tu.children().filter(|n| n.attribute("type") == Some("x-flag")).filter_map(|n| n.text()).collect();
        assert_eq!(flags, row.flags.iter().map(|k| k.name()).collect::<Vec<_>>());
    }
}

fn check_tables(export: &Export) {
    let tsv = String::from_utf8(bytes(export, Format::Tsv)).expect("UTF-8");
    let mut rows = tsv.lines();
    assert_eq!(rows.next().map(|h| h.split('\t').count()), Some(10));
    let mut n = 0;
    for (line, row) in rows.zip(&export.rows) {
        let cells: Vec<String> = line.split('\t').map(unescape).collect();
        assert_eq!(cells.len(), 10, "{line}");
        assert_eq!((cells[0].as_str(), cells[1].as_str()), (&*row.cells.left.text(), &*row.cells.right.text()));
        assert_eq!(cells[7], row.flags_text());
        assert_eq!(cells[9], row.messages.join("; "), "what each flag says, after the note");
        n += 1;
    }
    assert_eq!(n, export.rows.len());

    let csv = bytes(export, Format::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    assert_eq!(reader.headers().expect("a header").len(), 10);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    assert_eq!(records.len(), export.rows.len());
    for (rec, row) in records.iter().zip(&export.rows) {
        assert_eq!((&rec[0], &rec[1]), (&*row.cells.left.text(), &*row.cells.right.text()));
    }
}

/// The TSV escapes as the README documents them, undone by hand.
fn unescape(cell: &str) -> String {
    cell.replace("\\\\", "\u{0}").replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace('\u{0}', "\\")
}

fn check_xlsx(export: &Export) {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes(export, Format::Xlsx))).expect("an XLSX");
    let sheet = book.worksheet_range("Alignment").expect("the sheet");
    assert_eq!(sheet.height(), export.rows.len() + 1, "a header row and one row per row");
    let text = |r: usize, c: usize| match sheet.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    };
    assert_eq!(text(0, 0), "left_text");
    assert_eq!(text(0, 9), "flag_messages");
    for (k, row) in export.rows.iter().enumerate() {
        assert_eq!(text(k + 1, 0), row.cells.left.text());
        assert_eq!(text(k + 1, 1), row.cells.right.text());
        assert_eq!(text(k + 1, 2), row.cells.left.speakers());
        if row.is_paired() {
            assert!(matches!(sheet.get((k + 1, 6)), Some(Data::Float(_))), "the score is a number");
        }
        assert_eq!(text(k + 1, 9), row.messages.join("; "), "the flags' messages, as in DOCX and HTML");
    }
}

fn check_docx(export: &Export) {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes(export, Format::Docx))).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("the body").read_to_string(&mut xml).expect("UTF-8");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let paragraph_text = |p: roxmltree::Node| -> String {
        p.descendants()
            .filter_map(|n| match n.tag_name().name() {
                "t" => n.text(),
                "tab" => Some("\t"),
                _ => None,
            })
            .collect()
    };
    let body_text: Vec<String> = doc.descendants().filter(|n| n.has_tag_name("p")).map(paragraph_text).collect();
    assert!(body_text.iter().any(|p| p.contains(&export.files.left) && p.contains(&export.files.right)));
    let rows: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("tr")).collect();
    assert_eq!(rows.len(), export.rows.len() + 1, "a header row and one row per row");
    for (tr, row) in rows[1..].iter().zip(&export.rows) {
        let cells: Vec<_> = tr.children().filter(|n| n.has_tag_name("tc")).collect();
        assert_eq!(cells.len(), 2);
        for (tc, side) in cells.iter().zip(Side::BOTH) {
            let paragraphs: Vec<String> = tc
                .children()
                .filter(|n| n.has_tag_name("p"))
                .map(paragraph_text)
                .map(|p| p.trim_end().into())
                .collect();
            let mut at = paragraphs.iter();
            for line in lines(&row.cells[side].text()) {
                assert!(at.any(|p| *p == line), "{line:?} in {paragraphs:?}, in order");
            }
        }
    }
}

fn check_html(export: &Export) {
    let page = String::from_utf8(bytes(export, Format::Html)).expect("UTF-8");
    let html = scraper::Html::parse_document(&page);
    let select = |s: &str| scraper::Selector::parse(s).expect("a selector");
    assert_eq!(html.select(&select("script")).count(), 0, "no script, ever");
    assert!(!page.contains("src=") && !page.contains("href="), "no outside request");
    let rows: Vec<_> = html.select(&select("tbody > tr")).collect();
    assert_eq!(rows.len(), export.rows.len());
    for (tr, row) in rows.iter().zip(&export.rows) {
        let tds: Vec<_> = tr.select(&select("td")).collect();
        assert_eq!(tds[0].text().collect::<String>(), row.number.to_string());
        for (td, side) in tds[1..].iter().zip(Side::BOTH) {
            assert_eq!(td.value().attr("lang"), Some(export.langs[side].as_str()));
            if row.cells[side].is_empty() {
                continue;
            }
            let paragraphs: Vec<String> = td
                .select(&select(".speech > p, .narration > p, .heading > p"))
                .map(|p| p.text().collect::<String>().trim_end().to_string())
                .collect();
            assert_eq!(paragraphs, lines(&row.cells[side].text()));
        }
    }
}

fn check_all(export: &Export) {
    check_tmx(export);
    check_tables(export);
    check_xlsx(export);
    check_docx(export);
    check_html(export);
}

#[test]
fn a_chinese_interview_and_its_french_translation_read_back_in_every_format() {
    let export = export_of(&common::fixture("review/bakery_zh.txt"), &common::fixture("review/bakery_fr.txt"));
    assert_eq!((export.langs.left.as_str(), export.langs.right.as_str()), ("zh-CN", "fr"));
    assert!(export.rows.iter().any(|r| r.cells.left.text().contains("克莱尔·莫雷尔")));
    check_all(&export);
}

#[test]
fn flags_go_out_with_their_rows() {
    let export = export_of(&common::fixture("review/bakery_fr.txt"), &common::fixture("review/bakery_en_changed.txt"));
    assert!(export.rows.iter().filter(|r| r.flags.contains(&review::FlagKind::Numbers)).count() >= 2);
    check_all(&export);
}

#[test]
fn markup_tabs_and_backslashes_stay_text() {
    let export = export_of(&common::fixture("export/tricky_en.txt"), &common::fixture("export/tricky_fr.txt"));
    assert_eq!((export.langs.left.as_str(), export.langs.right.as_str()), ("en", "fr"));
    assert!(export.rows.iter().any(|r| r.cells.left.text().contains("<script>alert(\"run\")</script>")));
    assert!(export.rows.iter().any(|r| r.cells.left.text().contains('\t')));
    check_all(&export);
    let page = String::from_utf8(bytes(&export, Format::Html)).expect("UTF-8");
    assert!(page.contains("&lt;script&gt;"), "escaped, so a browser shows it");
}

#[test]
fn the_shared_french_and_english_interview_reads_back() {
    let Some(dir) = common::shared_samples() else { return };
    let find = |prefix: &str| {
        std::fs::read_dir(&dir)
            .expect("samples")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
    };
    let (Some(fr), Some(en)) = (find("000_"), find("002_")) else {
        println!("skipped: the 000_/002_ samples are not in {}", dir.display());
        return;
    };
    let export = export_of(&fr, &en);
    assert_eq!((export.langs.left.as_str(), export.langs.right.as_str()), ("fr", "en"));
    assert!(export.rows.len() > 50);
    check_all(&export);
}
