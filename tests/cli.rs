//! `tandem align` and `tandem check` as a user runs them: JSON shape, readable summary, forced
//! encodings, errors, projects, pipes, the man page. (`tandem export`: cli_export.rs.)

use std::path::Path;
use std::process::Command;

mod common;
use common::cli::{path, tandem};
use common::fixture;

#[test]
fn json_has_the_documented_shape() {
    let out = tandem(&["align", &path("lin_xiao_zh_gbk_crlf.txt"), &path("lin_xiao_fr.txt"), "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["left"]["encoding"], "GBK");
    assert_eq!(v["left"]["speakers"], serde_json::json!(["主持人", "林晓"]));
    assert_eq!(v["right"]["speakers"], serde_json::json!(["Animateur", "Lin Xiao"]));
    let turn = &v["left"]["turns"][2];
    assert_eq!(turn["speaker"], "主持人");
    assert_eq!(turn["label"], "主持人：");
    assert_eq!(turn["kind"], "speech");
    assert_eq!((turn["first_line"].as_u64(), turn["last_line"].as_u64()), (Some(5), Some(5)));
    assert_eq!(turn["text"], "林老师，您从什么时候开始翻译科幻小说？");
    let heading = &v["left"]["turns"][0];
    assert_eq!((heading["kind"].as_str(), heading["speaker"].is_null()), (Some("heading"), true));
    let links = v["links"].as_array().unwrap();
    assert_eq!(links[9]["left"], serde_json::json!([9]));
    assert_eq!(links[9]["right"], serde_json::json!([8, 9]));
    assert!(links.iter().all(|l| l["score"].as_f64().is_some_and(|s| (0.0..=1.0).contains(&s))));
}

#[test]
fn json_with_sentences_gives_each_link_its_sentence_groups_as_character_ranges() {
    let out = tandem(&["align", &path("lin_xiao_zh.txt"), &path("lin_xiao_fr.txt"), "--json", "--sentences"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let text = |side: &str, span: &serde_json::Value| -> String {
        let turn = v[side]["turns"][span["turn"].as_u64().unwrap() as usize]["text"].as_str().unwrap();
        let (a, b) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
        turn.chars().skip(a).take(b - a).collect()
    };
    let links = v["links"].as_array().unwrap();
    assert!(links.iter().all(|l| l["sentences"].is_array() && l["score"].is_number()), "fields added, none renamed");
    let answer = links
        .iter()
        .find(|l| l["sentences"].as_array().unwrap().iter().any(|g| text("left", &g["left"][0]).contains("2009")))
        .expect("the answer with 2009");
    let groups = answer["sentences"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert_eq!(text("left", &groups[0]["left"][0]), "我在2009年翻译了第一篇短篇小说。");
    assert_eq!(text("right", &groups[0]["right"][0]), "J'ai traduit ma première nouvelle en 2009.");
    assert!(groups[1]["score"].as_f64().is_some_and(|s| (0.0..=1.0).contains(&s)));
    // Without --sentences the links are as they were.
    let plain = tandem(&["align", &path("lin_xiao_zh.txt"), &path("lin_xiao_fr.txt"), "--json"]);
    let plain: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(plain["links"][0].get("sentences").is_none());
}

#[test]
fn the_json_summary_gives_counts_and_a_verdict() {
    let summary = |a: &str, b: &str| -> serde_json::Value {
        let out = tandem(&["align", &path(a), &path(b), "--json"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert!(v["links"].is_array() && v["left"]["turns"].is_array(), "the fields that were there stay");
        v["summary"].clone()
    };
    let s = summary("lin_xiao_zh.txt", "lin_xiao_fr.txt");
    let mut keys: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["confident", "left_only", "paired", "right_only", "verdict"]);
    assert_eq!((s["paired"].as_u64(), s["left_only"].as_u64(), s["right_only"].as_u64()), (Some(13), Some(2), Some(1)));
    assert!(s["confident"].as_u64().unwrap() >= 10, "{s}");
    assert_eq!(s["verdict"], "translation");
    // Two different interviews of our fixtures, questions and answers taking turns in both: the
    // bakery in Chinese against Lin Xiao in French translate nothing. (`visit_fr` retells the
    // bakery in seven turns, with its questions and figures: that is no unrelated text.)
    let s = summary("formats/bakery_zh.docx", "lin_xiao_fr.txt");
    assert_eq!(s["verdict"], "unrelated", "{s}");
    assert_eq!(s["confident"], 0, "{s}");
    assert_eq!(summary("lin_xiao_zh.txt", "formats/bakery_fr.docx")["verdict"], "unrelated");
    let out = tandem(&["align", &path("formats/bakery_zh.docx"), &path("lin_xiao_fr.txt")]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("NOT translations of each other"));
}

#[test]
fn summary_is_readable() {
    let out = tandem(&["align", &path("lin_xiao_zh.txt"), &path("lin_xiao_fr.txt")]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    assert!(text.contains("speakers: 主持人, 林晓"), "{text}");
    assert!(text.contains("16 links, 13 paired"), "{text}");
    assert!(text.lines().any(|l| l.contains("主持人: 您现在每天工作多少小时？") && l.contains('—')), "{text}");
}

#[test]
fn forced_encodings_are_obeyed() {
    let zh = path("lin_xiao_zh_gbk_crlf.txt");
    let out = tandem(&["align", &zh, &zh, "--json", "--encoding-left", "gb18030", "--encoding-right", "big5"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["left"]["encoding"].as_str(), v["right"]["encoding"].as_str()), (Some("gb18030"), Some("Big5")));
    let out = tandem(&["align", &zh, &zh, "--encoding-left", "klingon"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown encoding 'klingon'"));
}

#[test]
fn bad_files_fail_with_a_message_naming_them() {
    let dir = std::env::temp_dir().join(format!("tandem-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("picture.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let blank = dir.join("blank.txt");
    std::fs::write(&blank, b"  \n\n\t\r\n").unwrap();
    let good = path("lin_xiao_fr.txt");
    let cases = [
        (binary.display().to_string(), "(binary data at byte 8); Tandem reads plain text"),
        (empty.display().to_string(), "the file is empty"),
        (blank.display().to_string(), "the file has no text"),
        (dir.join("gone.txt").display().to_string(), "no such file"),
        // A device has no size to trust: it is read up to the limit, never without end.
        ("/dev/zero".to_string(), "larger than the limit of 256 MiB"),
    ];
    for (bad, why) in cases {
        let out = tandem(&["align", &good, &bad, "--json"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(out.stdout.is_empty());
        assert!(err.contains(&bad) && err.contains(why), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn without_a_display_the_window_says_why_and_exits_non_zero() {
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tandem: cannot open a window"), "{err}");
}

#[test]
fn the_window_takes_one_project_or_one_text_and_a_bad_project_is_refused_before_it() {
    // One text is for the window (which then asks for its translation): without a display it
    // says so, and never "give two files".
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg(path("lin_xiao_fr.txt"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("cannot open a window") && !err.contains("give two files"), "{err}");
    // A damaged project is refused before any window.
    let dir = std::env::temp_dir().join(format!("tandem-cli-one-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("cut.tandem");
    std::fs::write(&bad, "{\"version\": 1, \"left\"").unwrap();
    let out = tandem(&[&bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cut short"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_exits_like_a_linter() {
    let clean = tandem(&["check", &path("review/bakery_zh.txt"), &path("review/bakery_fr.txt")]);
    assert_eq!(clean.status.code(), Some(0), "{}", String::from_utf8_lossy(&clean.stdout));
    assert!(clean.stdout.is_empty());
    let flagged = tandem(&["check", &path("lin_xiao_zh.txt"), &path("lin_xiao_fr.txt")]);
    assert_eq!(flagged.status.code(), Some(1));
    let text = String::from_utf8(flagged.stdout).unwrap();
    let missing = text.lines().find(|l| l.contains(" missing: A turn")).expect("the dropped question");
    assert!(
        missing.contains("lin_xiao_zh.txt:23 ↔ ") && missing.contains("lin_xiao_fr.txt:- missing: A turn of 主持人"),
        "{text}"
    );
    let error = tandem(&["check", &path("lin_xiao_zh.txt"), &path("nowhere.txt")]);
    assert_eq!(error.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&error.stderr).contains("nowhere.txt"));
    let bad_kind = tandem(&["check", &path("lin_xiao_zh.txt"), &path("lin_xiao_fr.txt"), "--kinds", "numbers,typos"]);
    assert_eq!(bad_kind.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_kind.stderr).contains("unknown kind 'typos'"));
}

#[test]
fn check_json_has_the_documented_shape_and_kinds_filter() {
    let dir = std::env::temp_dir().join(format!("tandem-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let en = std::fs::read_to_string(fixture("review/bakery_en.txt")).unwrap();
    let changed = en.replace("€2.4 million", "€2.4 billion");
    std::fs::write(dir.join("en.txt"), changed).unwrap();
    let en_path = dir.join("en.txt").display().to_string();
    let out = tandem(&["check", &path("review/bakery_fr.txt"), &en_path, "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert!(v["left"]["path"].as_str().unwrap().ends_with("bakery_fr.txt"));
    assert!(v["right"]["path"].as_str().unwrap().ends_with("en.txt"));
    assert!(v["rows"].as_u64().unwrap() >= 20);
    let flags = v["flags"].as_array().unwrap();
    let f = flags.iter().find(|f| f["kind"] == "numbers").expect("the changed scale is flagged");
    assert_eq!(f["left_words"], serde_json::json!(["2,4 millions"]));
    assert_eq!(f["right_words"], serde_json::json!(["2.4 billion"]));
    assert_eq!(f["left_lines"], serde_json::json!([11, 11]));
    assert_eq!(f["right_lines"], serde_json::json!([11, 11]));
    assert_eq!(f["message"], "2,4 millions ≠ 2.4 billion");
    assert!(f["row"].as_u64().is_some());
    for key in ["kind", "row", "left_lines", "right_lines", "left_words", "right_words", "message"] {
        assert!(flags.iter().all(|f| f.get(key).is_some()), "every flag has {key}");
    }
    let only_names = tandem(&["check", &path("review/bakery_fr.txt"), &en_path, "--json", "--kinds", "names"]);
    assert_eq!(only_names.status.code(), Some(0), "no name differs");
    let v: serde_json::Value = serde_json::from_slice(&only_names.stdout).unwrap();
    assert_eq!(v["flags"], serde_json::json!([]));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["align", &path("lin_xiao_zh.txt"), &path("lin_xiao_fr.txt"), "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.code().is_some_and(|c| c == 0 || c == 141), "{:?}", out.status);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn align_saves_a_project_and_a_bad_project_is_refused_before_any_window() {
    let dir = std::env::temp_dir().join(format!("tandem-cli-project-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let project = dir.join("work.tandem");
    let out = tandem(&[
        "align",
        &path("lin_xiao_zh.txt"),
        &path("lin_xiao_fr.txt"),
        "--save",
        &project.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&project).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert!(v["left"]["path"].as_str().unwrap().ends_with("lin_xiao_zh.txt"));
    assert_eq!(v["left"]["hash"].as_str().unwrap().len(), 16);
    assert_eq!(v["decisions"], serde_json::json!([]));
    // Bad project files: a message naming the problem, exit 2, no window attempted.
    for (name, text, says) in [
        ("cut.tandem", "{\"version\": 1, \"left\": {", "cut short"),
        ("junk.tandem", "not json at all", "is not a Tandem project"),
        ("future.tandem", "{\"version\": 7}", "version 7"),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .arg(dir.join(name))
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says) && err.contains(name), "{name}: {err}");
    }
    let missing = Command::new(env!("CARGO_BIN_EXE_tandem")).arg(dir.join("none.tandem")).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("none.tandem"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn align_and_check_open_a_project_with_its_corrections() {
    use tandem::core::document::Pair;
    use tandem::core::edit::{self, Annotations, Edit};
    use tandem::core::project::{ProjectFile, View};
    let dir = std::env::temp_dir().join(format!("tandem-cli-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (zh, fr) = (fixture("lin_xiao_zh.txt"), fixture("lin_xiao_fr.txt"));
    let mut pair = Pair::load(&zh, &fr, [None, None]).unwrap();
    let docs = pair.docs.clone();
    let alignment = std::sync::Arc::make_mut(&mut pair.alignment);
    edit::apply(&docs, alignment, &mut Annotations::default(), Edit::Unlink { row: 2 }).unwrap();
    let project = dir.join("work.tandem");
    ProjectFile::of(&pair, &Annotations::default(), &[], View::default(), &project).write(&project).unwrap();
    // The fixtures lie outside the project's folder: allowed here.
    let out = tandem(&["align", &project.display().to_string(), "--json", "--allow-outside"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let links = v["links"].as_array().unwrap();
    assert_eq!(links.len(), pair.alignment.links.len(), "the corrected alignment, not a fresh one");
    assert_eq!((links[2]["left"].clone(), links[2]["right"].clone()), (serde_json::json!([2]), serde_json::json!([])));
    let out = tandem(&["check", &project.display().to_string(), "--allow-outside"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(text.contains("lin_xiao_fr.txt:3 added: A turn of Animateur"), "the unlinked question is flagged: {text}");
    let out = tandem(&["check", &dir.join("none.tandem").display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn documents_without_lines_say_where_their_turns_are() {
    let out = tandem(&["align", &path("formats/bakery_zh.docx"), &path("formats/bakery_fr.odt"), "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["left"]["format"].as_str(), v["right"]["format"].as_str()), (Some("docx"), Some("odt")));
    let turn = &v["left"]["turns"][3];
    // first_line and last_line count the extracted paragraphs; position says so in words.
    assert_eq!((turn["first_line"].as_u64(), turn["position"].as_str()), (Some(4), Some("paragraph 4")));
    let text = tandem(&["align", &path("lin_xiao_zh.txt"), &path("lin_xiao_fr.txt"), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&text.stdout).unwrap();
    assert_eq!(
        (v["left"]["format"].as_str(), v["left"]["turns"][2]["position"].as_str()),
        (Some("text"), Some("line 5"))
    );
    // Subtitles: cue numbers in the check's places.
    let out = tandem(&["check", &path("formats/visit_en.vtt"), &path("formats/visit_fr.vtt"), "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["flags"].as_array().unwrap().iter().all(|f| f["left_lines"][0].as_u64().is_none_or(|l| l <= 7)));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_when_written_to_and_refused_in_seconds_when_nobody_writes() {
    let dir = std::env::temp_dir().join(format!("tandem-cli-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let fr = path("lin_xiao_fr.txt");
    // Nobody writes: a message after a few seconds, never a hang.
    let started = std::time::Instant::now();
    let out = tandem(&["align", &fifo.display().to_string(), &fr]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a pipe that nothing was written to"));
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    // A writer that comes a moment later is waited for.
    let writer = {
        let (fifo, zh) = (fifo.clone(), fixture("lin_xiao_zh.txt"));
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            std::fs::write(&fifo, std::fs::read(zh).unwrap()).unwrap();
        })
    };
    let out = tandem(&["align", &fifo.display().to_string(), &fr]);
    writer.join().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("speakers: 主持人, 林晓"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn control_characters_in_a_file_never_reach_the_terminal() {
    let dir = std::env::temp_dir().join(format!("tandem-esc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (left, right) = (dir.join("a\u{1b}[2J.txt"), dir.join("b.txt"));
    std::fs::write(&left, "Title\n\nA line that clears the screen \u{9b}2J\u{9b}H.\n").unwrap();
    std::fs::write(&right, "Titre\n\nUne ligne.\n").unwrap();
    let out = tandem(&["align", &left.display().to_string(), &right.display().to_string()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert!(text.contains("\\x1b[2J") && text.contains("\\u{9b}2J"), "escapes are shown, not run: {text}");
    // A file that cannot be read is named in the message, its escapes shown too.
    std::fs::write(&left, b"\x00\x01binary").unwrap();
    let out = tandem(&["align", &left.display().to_string(), &right.display().to_string()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success() && err.contains("\\x1b[2J") && !err.contains('\u{1b}'), "{err:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn align_never_saves_a_project_over_a_source_or_an_existing_file() {
    let dir = std::env::temp_dir().join(format!("tandem-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (left, right) = (dir.join("zh.txt"), dir.join("fr.txt"));
    std::fs::copy(fixture("lin_xiao_zh.txt"), &left).unwrap();
    std::fs::copy(fixture("lin_xiao_fr.txt"), &right).unwrap();
    let before = std::fs::read(&left).unwrap();
    let (l, r) = (left.display().to_string(), right.display().to_string());
    // `--save` naming the left text writes `zh.txt.tandem`, never over the text.
    let out = tandem(&["align", &l, &r, "--save", &l]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&left).unwrap(), before);
    assert!(dir.join("zh.txt.tandem").is_file());
    // An existing project is replaced only with --force.
    let project = dir.join("work.tandem").display().to_string();
    std::fs::write(dir.join("work.tandem"), "keep").unwrap();
    let out = tandem(&["align", &l, &r, "--save", &project]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(dir.join("work.tandem")).unwrap(), "keep");
    assert!(tandem(&["align", &l, &r, "--save", &project, "--force"]).status.success());
    assert!(std::fs::read_to_string(dir.join("work.tandem")).unwrap().contains("\"version\""));
    // Into a folder that does not exist: refused, nothing made.
    let out = tandem(&["align", &l, &r, "--save", &dir.join("nowhere/w.tandem").display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.join("nowhere").exists());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_single_argument_is_read_bounded_like_two_files() {
    // `/dev/zero` as a project: refused at the size limit, in seconds, not read for ever.
    let started = std::time::Instant::now();
    let out = tandem(&["align", "/dev/zero"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("limit"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn a_project_whose_text_changed_says_so() {
    use tandem::core::document::Pair;
    use tandem::core::edit::Annotations;
    use tandem::core::project::{ProjectFile, View};
    let dir = std::env::temp_dir().join(format!("tandem-cli-changed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (zh, fr) = (dir.join("zh.txt"), dir.join("fr.txt"));
    std::fs::copy(fixture("lin_xiao_zh.txt"), &zh).unwrap();
    std::fs::copy(fixture("lin_xiao_fr.txt"), &fr).unwrap();
    let pair = Pair::load(&zh, &fr, [None, None]).unwrap();
    let project = dir.join("work.tandem");
    ProjectFile::of(&pair, &Annotations::default(), &[], View::default(), &project).write(&project).unwrap();
    let quiet = tandem(&["align", &project.display().to_string()]);
    assert!(quiet.status.success() && !String::from_utf8_lossy(&quiet.stderr).contains("not the one"));
    std::fs::write(&fr, std::fs::read_to_string(&fr).unwrap().replace("2009", "2010")).unwrap();
    let out = tandem(&["align", &project.display().to_string()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the right text") && err.contains("not the one the project was saved with"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_project_reads_nothing_outside_its_folder_unless_allowed() {
    // A project handed over from elsewhere whose sources climb out of its folder (`../../…`),
    // as a crafted one naming /etc/passwd would: every command refuses before reading, names
    // the paths, and reads them with --allow-outside.
    let dir = std::env::temp_dir().join(format!("tandem-cli-elsewhere-{}", std::process::id()));
    let (texts, projects) = (dir.join("texts"), dir.join("inbox/deep"));
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::create_dir_all(&projects).unwrap();
    std::fs::copy(fixture("lin_xiao_zh.txt"), texts.join("zh.txt")).unwrap();
    std::fs::copy(fixture("lin_xiao_fr.txt"), texts.join("fr.txt")).unwrap();
    let project = projects.join("work.tandem");
    std::fs::write(
        &project,
        r#"{"version": 1,
            "left": {"path": "../../texts/zh.txt", "hash": "0", "encoding": "UTF-8"},
            "right": {"path": "../../texts/fr.txt", "hash": "0", "encoding": "UTF-8"}}"#,
    )
    .unwrap();
    let p = project.display().to_string();
    for (args, code) in [(vec!["align", &p], 1), (vec!["check", &p], 2), (vec!["export", &p, "-f", "tsv"], 1)] {
        let out = tandem(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(
            err.contains("outside its own folder") && err.contains("zh.txt") && err.contains("--allow-outside"),
            "{err}"
        );
        assert!(out.stdout.is_empty(), "nothing of the files is printed");
        let mut allowed = args.clone();
        allowed.push("--allow-outside");
        let out = tandem(&allowed);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.stdout.is_empty() && !err.contains("outside its own folder"), "{allowed:?}: {err}");
        // The hash recorded is not the text's: said.
        assert!(err.contains("not the one the project was saved with"), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn damaged_utf8_read_in_a_guessed_encoding_says_so() {
    let dir = std::env::temp_dir().join(format!("tandem-cli-guess-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bytes = std::fs::read(fixture("lin_xiao_zh.txt")).unwrap();
    for (k, b) in bytes.iter_mut().enumerate() {
        if k % 7 == 3 {
            *b = 0xFF - (k % 64) as u8;
        }
    }
    let damaged = dir.join("damaged.txt");
    std::fs::write(&damaged, bytes).unwrap();
    let d = damaged.display().to_string();
    let out = tandem(&["align", &d, &path("lin_xiao_fr.txt")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("a guess: the file is not valid UTF-8"), "{text}");
    let out = tandem(&["align", &d, &path("lin_xiao_fr.txt"), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json["left"]["encoding_guess"].as_str().is_some_and(|g| g.contains("not valid UTF-8")), "{}", json["left"]);
    assert!(json["right"].get("encoding_guess").is_none(), "a sure encoding has no guess field");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_man_page_and_completions_come_from_the_program_and_help_has_examples() {
    let out = tandem(&["--generate", "man"]);
    let man = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && man.contains(".TH tandem 1") && man.contains("align"), "{man}");
    let out = tandem(&["--generate", "man-export"]);
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && page.contains(".TH tandem-export 1") && page.contains("allow\\-outside"), "{page}");
    for (shell, sign) in [("bash", "complete -F"), ("zsh", "#compdef tandem"), ("fish", "complete -c tandem")] {
        let out = tandem(&["--generate", shell]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && text.contains(sign) && text.contains("allow-outside"), "{shell}: {text}");
    }
    let out = tandem(&["--generate", "powershell-ish"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("man, man-align, man-check, man-export, bash, zsh or fish"));
    let help = String::from_utf8_lossy(&tandem(&["--help"]).stdout).to_string();
    assert!(help.contains("Examples:") && help.matches("\n  tandem ").count() >= 2, "{help}");
    assert!(!help.contains("--generate"), "a packaging option, hidden from users: {help}");
    let version = String::from_utf8_lossy(&tandem(&["--version"]).stdout).to_string();
    assert!(version.starts_with("tandem ") && version.trim().split(' ').nth(1).is_some_and(|v| v.contains('.')));
}

#[test]
fn the_desktop_entry_passes_files_and_names_the_project_type() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let desktop = std::fs::read_to_string(root.join("packaging/linux/tandem.desktop")).unwrap();
    assert!(desktop.lines().any(|l| l == "Exec=tandem %F"), "files passed: {desktop}");
    assert!(desktop.contains("MimeType=application/x-tandem;") && desktop.contains("Icon=tandem"));
    for lang in ["fr", "zh_CN"] {
        assert!(desktop.contains(&format!("GenericName[{lang}]=")) && desktop.contains(&format!("Comment[{lang}]=")));
    }
    let mime = std::fs::read_to_string(root.join("packaging/linux/tandem-mime.xml")).unwrap();
    assert!(mime.contains(r#"type="application/x-tandem""#) && mime.contains(r#"pattern="*.tandem""#));
    // Every asset the package names is in the repository (or made by build-deb.sh).
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let made = ["target/release/tandem", "target/packaging/"];
    for line in cargo.lines().filter(|l| l.trim_start().starts_with("[\"")) {
        let source = line.trim_start().trim_start_matches("[\"").split('"').next().unwrap();
        assert!(made.iter().any(|m| source.starts_with(m)) || root.join(source).is_file(), "missing asset {source}");
    }
}
