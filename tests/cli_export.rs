//! `tandem export` as a user runs it: the files it writes, never over one unasked, its arguments
//! checked, a project's corrections and notes, spreadsheet cells defused.

mod common;
use common::cli::{path, tandem};
use common::fixture;

#[test]
fn export_writes_files_refuses_to_overwrite_and_checks_its_arguments() {
    let dir = std::env::temp_dir().join(format!("tandem-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (zh, fr) = (path("review/bakery_zh.txt"), path("review/bakery_fr.txt"));
    // Text formats go to standard output.
    let out = tandem(&["export", &zh, &fr, "--format", "tsv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(
        "left_text\tright_text\tleft_speaker\tright_speaker\tleft_lines\tright_lines\tscore\tflags\tnote\tflag_messages\n"
    ));
    assert!(text.contains("克莱尔·莫雷尔") && text.contains("Claire Morel"));
    // The English version with numbers changed has flags; the faithful French one has none.
    let changed = path("review/bakery_en_changed.txt");
    let text = String::from_utf8(tandem(&["export", &fr, &changed, "--format", "tsv"]).stdout).unwrap();
    let only_flagged = tandem(&["export", &fr, &changed, "--format", "tsv", "--scope", "flagged"]);
    let flagged = String::from_utf8(only_flagged.stdout).unwrap();
    assert!(flagged.lines().count() > 1 && flagged.lines().count() < text.lines().count());
    assert!(flagged.lines().skip(1).all(|l| !l.split('\t').nth(7).unwrap_or("").is_empty()), "{flagged}");
    let tmx = tandem(&["export", &zh, &fr, "-f", "tmx", "--left-lang", "zh-Hans"]);
    assert!(String::from_utf8_lossy(&tmx.stdout).contains("xml:lang=\"zh-Hans\""));

    // Files: the format from the extension, never over an existing file without --force.
    let book = dir.join("pair.xlsx");
    let out = tandem(&["export", &zh, &fr, "-o", &book.display().to_string()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(&std::fs::read(&book).unwrap()[..2], b"PK");
    assert!(String::from_utf8_lossy(&out.stderr).contains("as xlsx to"));
    std::fs::write(&book, "mine").unwrap();
    let again = tandem(&["export", &zh, &fr, "-o", &book.display().to_string()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists (give --force"));
    assert_eq!(std::fs::read_to_string(&book).unwrap(), "mine");
    let forced = tandem(&["export", &zh, &fr, "-o", &book.display().to_string(), "--force"]);
    assert!(forced.status.success());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file left");

    // Wrong arguments: 2; unreadable input: 1.
    for args in [
        vec!["export", &zh, &fr, "--format", "pdf"],
        vec!["export", &zh, &fr, "--format", "docx"],
        vec!["export", &zh, &fr],
        vec!["export", &zh, &fr, "--format", "tsv", "--scope", "some"],
    ] {
        let out = tandem(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
    let missing = dir.join("nothing.txt").display().to_string();
    assert_eq!(tandem(&["export", &missing, &fr, "--format", "tsv"]).status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn export_of_a_project_uses_its_corrections_and_notes() {
    use tandem::core::document::Pair;
    use tandem::core::edit::{self, Annotations, Edit};
    use tandem::core::project::{ProjectFile, View};
    use tandem::core::side::Side;
    let dir = std::env::temp_dir().join(format!("tandem-cli-export-project-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut pair = Pair::load(&fixture("lin_xiao_zh.txt"), &fixture("lin_xiao_fr.txt"), [None, None]).unwrap();
    let docs = pair.docs.clone();
    let mut notes = Annotations::default();
    let alignment = std::sync::Arc::make_mut(&mut pair.alignment);
    edit::apply(&docs, alignment, &mut notes, Edit::Unlink { row: 2 }).unwrap();
    edit::apply(&docs, alignment, &mut notes, Edit::Note { row: 4, text: Some("ask the translator".into()) }).unwrap();
    let project = dir.join("work.tandem");
    ProjectFile::of(&pair, &notes, &[], View::default(), &project).write(&project).unwrap();
    let out = tandem(&["export", &project.display().to_string(), "--format", "csv", "--allow-outside"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), pair.alignment.links.len(), "the corrected alignment");
    let unlinked = &pair.alignment.links[2];
    assert_eq!(unlinked.only_side(), Some(Side::Left));
    assert!(records[2][1].is_empty(), "the unlinked row has an empty right cell");
    assert!(records.iter().any(|r| &r[8] == "ask the translator"), "the note goes out");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_and_tsv_cells_that_a_spreadsheet_would_run_are_defused_unless_raw() {
    let dir = std::env::temp_dir().join(format!("tandem-inject-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (left, right) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&left, "=cmd|' /C calc'!A0\n\nUne phrase ordinaire.\n").unwrap();
    std::fs::write(&right, "@SUM(1+1)\n\nAn ordinary sentence.\n").unwrap();
    let (l, r) = (left.display().to_string(), right.display().to_string());
    for format in ["csv", "tsv"] {
        let out = tandem(&["export", &l, &r, "-f", format]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("'=cmd|' /C calc'!A0") && text.contains("'@SUM(1+1)"), "{format}: {text}");
        assert!(text.contains("Une phrase ordinaire."));
        let raw = tandem(&["export", &l, &r, "-f", format, "--raw"]);
        let text = String::from_utf8(raw.stdout).unwrap();
        assert!(!text.contains("'=cmd") && text.contains("=cmd|' /C calc'!A0"), "{format} --raw: {text}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn sentence_segments_give_a_translation_unit_per_sentence_group() {
    let (zh, fr) = (path("lin_xiao_zh.txt"), path("lin_xiao_fr.txt"));
    let read = |args: &[&str]| -> Vec<(String, Vec<String>)> {
        let out = tandem(args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let xml = String::from_utf8(out.stdout).unwrap();
        let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
        let doc = roxmltree::Document::parse_with_options(&xml, options).expect("well-formed TMX");
        doc.descendants()
            .filter(|n| n.has_tag_name("tu"))
            .map(|tu| {
                let segs =
                    tu.descendants().filter(|n| n.has_tag_name("seg")).map(|s| s.text().unwrap_or("").to_string());
                (tu.attribute("tuid").unwrap_or("").to_string(), segs.collect())
            })
            .collect()
    };
    let turns = read(&["export", &zh, &fr, "-f", "tmx"]);
    let sentences = read(&["export", &zh, &fr, "-f", "tmx", "--segments", "sentence"]);
    assert!(sentences.len() > turns.len(), "{} units for {} pairs", sentences.len(), turns.len());
    // The answer of two sentences is two units, each a sentence with its translation.
    let first =
        sentences.iter().find(|(_, segs)| segs[0] == "我在2009年翻译了第一篇短篇小说。").expect("a sentence unit");
    assert_eq!(first.1[1], "J'ai traduit ma première nouvelle en 2009.");
    assert!(first.0.ends_with(".1"), "a pair's groups are numbered within it: {}", first.0);
    let mut ids: Vec<&String> = sentences.iter().map(|(id, _)| id).collect();
    ids.dedup();
    assert_eq!(ids.len(), sentences.len(), "every unit's id is its own");
    let bad = tandem(&["export", &zh, &fr, "-f", "tmx", "--segments", "word"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("segments: turn, sentence"));
}
