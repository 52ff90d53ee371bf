//! `tandem align` as a user runs it: JSON shape, readable summary, forced encodings, errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn tandem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem")).args(args).output().expect("the binary runs")
}

fn path(name: &str) -> String {
    fixture(name).display().to_string()
}

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
    let good = path("lin_xiao_fr.txt");
    let cases = [
        (binary.display().to_string(), "not a text file (binary data at byte 8)"),
        (empty.display().to_string(), "the file is empty"),
        (dir.join("gone.txt").display().to_string(), "no such file"),
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
fn the_window_takes_two_files_or_none() {
    let out = tandem(&[&path("lin_xiao_fr.txt")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("give two files"));
}
