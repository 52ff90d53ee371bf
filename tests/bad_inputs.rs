//! The bad-input matrix: every hostile or unlucky input a user can hand `tandem align`, `check`
//! and `export`, each with the message it must get and the exit code — never a panic, never a hang.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn tandem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem")).args(args).output().expect("the binary runs")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default()).expect("a part");
        zip.write_all(body).expect("written");
    }
    zip.finish().expect("a zip").into_inner()
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    file: &'static str,
    says: &'static str,
}

fn cases() -> Vec<Case> {
    let case = |name, file, bytes: &[u8], says| Case { name, file, bytes: bytes.to_vec(), says };
    vec![
        case("empty", "empty.txt", b"", "the file is empty"),
        case("blank", "blank.txt", b" \n\t\r\n ", "the file has no text"),
        case("binary", "picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", "binary data at byte"),
        case("old Word", "old.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "an old Word .doc file"),
        case("PDF", "paper.pdf", b"%PDF-1.7\n%\xE2\xE3\n1 0 obj\n", "a PDF"),
        case("damaged zip", "cut.docx", b"PK\x03\x04\x14\0\0\0\x08\0", "a damaged zip archive"),
        Case {
            name: "zip of something else",
            file: "photos.docx",
            bytes: zip_of(&[("photo.jpg", b"\xFF\xD8\xFF")]),
            says: "not a Word (.docx) or OpenDocument (.odt) text",
        },
        Case {
            name: "password-protected Office",
            file: "secret.docx",
            bytes: zip_of(&[("EncryptedPackage", b"\0\0\0"), ("EncryptionInfo", b"\0")]),
            says: "protected by a password",
        },
        Case {
            name: "Word file with no text",
            file: "blank.docx",
            bytes: zip_of(&[(
                "word/document.xml",
                br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>"#,
            )]),
            says: "with no text in it",
        },
        Case {
            name: "Word file with broken XML",
            file: "broken.docx",
            bytes: zip_of(&[("word/document.xml", b"<w:document><w:body><w:p><w:t>Hi</w:p></w:body>")]),
            says: "XML is damaged",
        },
        case("subtitles without cues", "empty.vtt", b"WEBVTT\n\nNOTE nothing here\n", "with no text in it"),
    ]
}

#[test]
fn every_bad_file_gets_its_message_and_exit_code_from_every_command() {
    let dir = std::env::temp_dir().join(format!("tandem-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = fixture("lin_xiao_fr.txt");
    for case in cases() {
        let path = dir.join(case.file);
        std::fs::write(&path, &case.bytes).unwrap();
        let bad = path.display().to_string();
        for (args, code) in [
            (vec!["align", &good, &bad], 1),
            (vec!["align", &bad, &good, "--json"], 1),
            (vec!["check", &good, &bad], 2),
            (vec!["export", &bad, &good, "-f", "tsv"], 1),
        ] {
            let out = tandem(&args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(code), "{} with {:?}: {err}", case.name, args[0]);
            assert!(err.contains(&bad) && err.contains(case.says), "{}: {err}", case.name);
            assert!(!err.contains("panicked"), "{}: {err}", case.name);
            assert!(out.stdout.is_empty(), "{}: nothing printed on stdout", case.name);
        }
    }
    // Not there, a folder, an unknown encoding.
    for (bad, says) in
        [(dir.join("gone.txt").display().to_string(), "no such file"), (dir.display().to_string(), "it is a folder")]
    {
        let out = tandem(&["align", &good, &bad]);
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains(says));
    }
    // A forced encoding lets no binary through.
    let nul = dir.join("nul.txt");
    std::fs::write(&nul, b"Animateur : Bonjour.\0\0\0\x01\x02\x03 more").unwrap();
    let out = tandem(&["align", &nul.display().to_string(), &good, "--encoding-left", "windows-1252"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary data at byte 20"));
    let out = tandem(&["align", &good, &good, "--encoding-left", "klingon"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown encoding 'klingon'"));
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(target_os = "linux")]
#[test]
fn endless_devices_stop_at_the_limit_and_a_full_disk_is_one_line() {
    let good = fixture("lin_xiao_fr.txt");
    let started = Instant::now();
    let out = tandem(&["align", "/dev/zero", &good]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than the limit"));
    assert!(started.elapsed() < Duration::from_secs(60));
    // Output to a full disk: one line on stderr and a non-zero exit, for every printing command.
    for args in [
        vec!["align", &good, &good, "--json"],
        vec!["check", &good, &good, "--json"],
        vec!["export", &good, &good, "-f", "html"],
    ] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(&args)
            .stdout(Stdio::from(full))
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("cannot write the output"), "{err}");
    }
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let good = fixture("lin_xiao_fr.txt");
    for args in [
        vec!["align", &good, &good, "--json"],
        vec!["check", &good, &good, "--json"],
        vec!["export", &good, &good, "-f", "tmx"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        // Read one byte, then close the pipe, as `| head -c 1` does.
        let mut stdout = child.stdout.take().expect("a pipe");
        let mut byte = [0u8; 1];
        let _ = std::io::Read::read(&mut stdout, &mut byte);
        drop(stdout);
        let out = child.wait_with_output().expect("ends");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {:?} {err}", out.status);
        assert!(!err.contains("panicked") && !err.contains("failed printing"), "{args:?}: {err}");
    }
}
