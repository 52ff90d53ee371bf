//! `tandem check --glossary`: agreed terms from a TSV or CSV file, and those a project keeps.

mod common;

use common::cli::{path, tandem};

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tandem-glossary-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_term_without_its_agreed_rendering_is_flagged() {
    let dir = scratch("tsv");
    // The client wants `mairie` as `city hall`; the translator wrote `town hall`.
    std::fs::write(dir.join("terms.tsv"), "term\ttranslation\nboulangerie\tbakery\nmairie\tcity hall|town council\n")
        .unwrap();
    let terms = dir.join("terms.tsv").display().to_string();
    let (fr, en) = (path("review/bakery_fr.txt"), path("review/bakery_en.txt"));
    let out = tandem(&["check", &fr, &en, "--glossary", &terms, "--kinds", "glossary", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flags = v["flags"].as_array().unwrap();
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert_eq!(flags[0]["kind"], "glossary");
    assert_eq!(flags[0]["message"], "“mairie” without “city hall” or “town council”");
    assert_eq!(flags[0]["left_words"], serde_json::json!(["mairie"]));
    assert_eq!(flags[0]["left_lines"], serde_json::json!([7, 7]));
    // The same terms as CSV, with the rendering the translator used: nothing to say.
    std::fs::write(dir.join("terms.csv"), "boulangerie,bakery\nmairie,\"town hall\"\n").unwrap();
    let csv = dir.join("terms.csv").display().to_string();
    let out = tandem(&["check", &fr, &en, "--glossary", &csv, "--kinds", "glossary"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    // Without a glossary the kind says nothing either.
    assert_eq!(tandem(&["check", &fr, &en, "--kinds", "glossary"]).status.code(), Some(0));
}

#[test]
fn a_glossary_that_cannot_be_read_is_an_error_that_names_the_line() {
    let dir = scratch("bad");
    std::fs::write(dir.join("terms.csv"), "boulangerie,bakery\njust one field\n").unwrap();
    let csv = dir.join("terms.csv").display().to_string();
    let out = tandem(&["check", &path("review/bakery_fr.txt"), &path("review/bakery_en.txt"), "--glossary", &csv]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2"), "{err}");
    let gone = dir.join("gone.tsv").display().to_string();
    let out = tandem(&["check", &path("review/bakery_fr.txt"), &path("review/bakery_en.txt"), "--glossary", &gone]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());
}

#[test]
fn a_project_keeps_its_glossary() {
    let dir = scratch("project");
    for name in ["bakery_fr.txt", "bakery_en.txt"] {
        std::fs::copy(common::fixture(&format!("review/{name}")), dir.join(name)).unwrap();
    }
    let project = dir.join("work.tandem");
    let (fr, en, p) = (dir.join("bakery_fr.txt"), dir.join("bakery_en.txt"), project.display().to_string());
    let saved = tandem(&["align", &fr.display().to_string(), &en.display().to_string(), "--save", &p]);
    assert!(saved.status.success(), "{}", String::from_utf8_lossy(&saved.stderr));
    // The terms as the window keeps them in the project.
    let mut file: serde_json::Value = serde_json::from_slice(&std::fs::read(&project).unwrap()).unwrap();
    file["glossary"] = serde_json::json!([{ "term": "mairie", "renderings": ["city hall"] }]);
    std::fs::write(&project, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    let out = tandem(&["check", &p, "--kinds", "glossary"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("“mairie” without “city hall”"));
}
