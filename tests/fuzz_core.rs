//! A fuzz harness over the whole core path — bytes → format and encoding → paragraphs → turns →
//! alignment → review → export — with random and mutated inputs: our fixtures in every format
//! (Word and OpenDocument XML mutated before and after zipping), invalid UTF-8 and UTF-16, NULs,
//! long lines, label-like lines, mixed scripts, deeply nested HTML, tables nested in Word and
//! OpenDocument cells, and hostile project files (ranges past the end, huge numbers, notes on
//! turns that are not there). Any panic is reported with the input saved.
//!
//! `cargo test --release --test fuzz_core -- --ignored --nocapture` runs a million inputs
//! (`TANDEM_FUZZ_RUNS` sets another count, `TANDEM_FUZZ_SEED` another seed).

use std::io::Write;
use std::path::{Path, PathBuf};

use tandem::core::document::{Document, Pair};
use tandem::core::edit::Annotations;
use tandem::core::export::{self, Format, Options, Progress};
use tandem::core::formats;
use tandem::core::review;
use tandem::core::synth::Rng;
use tandem::core::turns::Segmentation;

const EXTENSIONS: [&str; 8] = ["txt", "md", "docx", "odt", "srt", "vtt", "html", "bin"];

/// Pieces that make text look like something the readers care about.
const PIECES: &[&str] = &[
    "Host: ",
    "主持人：",
    "**Shen Wei :** ",
    "\n\n",
    "\r\n",
    "\r",
    "# ",
    "- ",
    "00:00:01,000 --> 00:00:02,000\n",
    "WEBVTT\n\n",
    "<v Ada>",
    "</v>",
    "<p>",
    "<b>Name:</b>",
    "<script>",
    "&amp;",
    "&#x1F600;",
    "1998年",
    "6万到7万",
    "quatre-vingt-dix",
    "\u{0}",
    "\u{FEFF}",
    "\u{202F}",
    "👨‍👩‍👧",
    "«",
    "（",
    "\t",
];

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for sub in ["", "review", "formats", "export"] {
        for entry in std::fs::read_dir(dir.join(sub)).expect("fixtures").flatten() {
            let path = entry.path();
            if path.is_file() && path.extension().is_some_and(|e| e != "py") {
                let ext = path.extension().map_or("txt".into(), |e| e.to_string_lossy().into_owned());
                out.push((ext, std::fs::read(&path).expect("a fixture")));
            }
        }
    }
    out
}

/// The XML part of a Word or OpenDocument fixture, to mutate before zipping it again.
fn xml_part(bytes: &[u8]) -> Option<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    for name in ["word/document.xml", "content.xml"] {
        if let Ok(mut part) = zip.by_name(name) {
            let mut xml = Vec::new();
            std::io::Read::read_to_end(&mut part, &mut xml).ok()?;
            return Some((name.to_string(), xml));
        }
    }
    None
}

fn zipped(name: &str, xml: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(name, zip::write::SimpleFileOptions::default()).expect("a part");
    zip.write_all(xml).expect("written");
    zip.finish().expect("a zip").into_inner()
}

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    for _ in 0..rng.range(1, 6) {
        let at = if bytes.is_empty() { 0 } else { rng.range(0, bytes.len()) };
        match rng.range(0, 7) {
            0 if !bytes.is_empty() => bytes[at] ^= 1 << rng.range(0, 8),
            1 => {
                let piece = PIECES[rng.range(0, PIECES.len())].as_bytes();
                bytes.splice(at..at, piece.iter().copied());
            }
            2 => bytes.truncate(at),
            3 if !bytes.is_empty() => {
                let end = (at + rng.range(1, 64)).min(bytes.len());
                let chunk = bytes[at..end].to_vec();
                bytes.splice(at..at, chunk);
            }
            4 => bytes.insert(at, rng.range(0, 256) as u8),
            5 if !bytes.is_empty() => {
                let end = (at + rng.range(1, 32)).min(bytes.len());
                bytes.drain(at..end);
            }
            _ => {
                // A long line now and then.
                let c = [b'a', b' ', 0xE4, b'\n'][rng.range(0, 4)];
                bytes.splice(at..at, std::iter::repeat_n(c, rng.range(100, 20_000)));
            }
        }
    }
}

fn input(rng: &mut Rng, seeds: &[(String, Vec<u8>)]) -> (String, Vec<u8>) {
    let (ext, seed) = &seeds[rng.range(0, seeds.len())];
    let mut bytes = seed.clone();
    let ext = if rng.chance(20) { EXTENSIONS[rng.range(0, EXTENSIONS.len())].to_string() } else { ext.clone() };
    match (rng.range(0, 13), xml_part(&bytes)) {
        (10, _) => return ("html".into(), nested_html(rng)),
        (11, _) => return nested_tables(rng),
        (12, _) => return ("tandem".into(), hostile_project(rng)),
        // Mutate the document's XML, then zip it again: the readers see broken XML, not broken zips.
        (0..=5, Some((name, mut xml))) => {
            mutate(rng, &mut xml);
            bytes = zipped(&name, &xml);
        }
        (6, _) => {
            // Random bytes.
            bytes = (0..rng.range(0, 400)).map(|_| rng.range(0, 256) as u8).collect();
        }
        (7, _) => {
            // UTF-16 of a mutated text.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            bytes = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            mutate(rng, &mut bytes);
        }
        _ => mutate(rng, &mut bytes),
    }
    (ext, bytes)
}

/// Elements nested thousands deep (the reader once recursed and overflowed the stack).
fn nested_html(rng: &mut Rng) -> Vec<u8> {
    let depth = rng.range(1, 30_000);
    let tags = ["div", "p", "span", "table", "td", "b", "li"];
    let mut html = String::from("<!DOCTYPE html><html><body>");
    let mut open = Vec::new();
    for k in 0..depth {
        let tag = tags[rng.range(0, tags.len())];
        html.push_str(&format!("<{tag}>"));
        if rng.chance(5) {
            html.push_str(&format!("Host: word {k}. "));
        }
        open.push(tag);
    }
    // Some closed, some left open, as a broken page would.
    for tag in open.iter().rev().take(rng.range(0, depth + 1)) {
        html.push_str(&format!("</{tag}>"));
    }
    let mut bytes = html.into_bytes();
    if rng.chance(30) {
        mutate(rng, &mut bytes);
    }
    bytes
}

/// A table in a cell in a table…, in a Word or OpenDocument file (the readers once repeated each
/// level's text once per level: gigabytes from kilobytes).
fn nested_tables(rng: &mut Rng) -> (String, Vec<u8>) {
    let depth = rng.range(1, 400);
    let word = rng.chance(50);
    let (open, close) = if word {
        ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p>", "</w:tc></w:tr></w:tbl>")
    } else {
        (
            "<table:table><table:table-row><table:table-cell><text:p>cell</text:p>",
            "</table:table-cell></table:table-row></table:table>",
        )
    };
    let body = format!("{}{}", open.repeat(depth), close.repeat(depth));
    if word {
        let xml = format!(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        );
        ("docx".into(), zipped("word/document.xml", xml.as_bytes()))
    } else {
        let xml = format!(
            "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
             xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
             xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:text>{body}\
             </office:text></office:body></office:document-content>"
        );
        ("odt".into(), zipped("content.xml", xml.as_bytes()))
    }
}

/// A project file whose decisions, notes, bookmarks and view point anywhere.
fn hostile_project(rng: &mut Rng) -> Vec<u8> {
    let number = |rng: &mut Rng| -> String {
        match rng.range(0, 6) {
            0 => "18446744073709551615".into(),
            1 => "-1".into(),
            2 => "1e300".into(),
            3 => "\"7\"".into(),
            _ => rng.range(0, 40).to_string(),
        }
    };
    let mut decisions = Vec::new();
    for _ in 0..rng.range(0, 12) {
        decisions.push(format!(
            "{{\"left\": [{}, {}], \"right\": [{}, {}], \"left_text\": \"{:016x}\", \"right_text\": \"x\"}}",
            number(rng),
            number(rng),
            number(rng),
            number(rng),
            rng.range(0, 1 << 30)
        ));
    }
    let notes: Vec<String> = (0..rng.range(0, 4))
        .map(|_| format!("{{\"side\": \"left\", \"turn\": {}, \"text\": \"n\"}}", number(rng)))
        .collect();
    let json = format!(
        "{{\"version\": {}, \"left\": {{\"path\": \"../../../../etc/passwd\", \"hash\": \"0\", \"encoding\": \"{}\"}}, \
         \"right\": {{\"path\": \"/proc/self/environ\", \"hash\": \"zz\", \"encoding\": \"UTF-8\"}}, \
         \"decisions\": [{}], \"notes\": [{}], \"bookmarks\": [{{\"side\": \"right\", \"turn\": {}}}], \
         \"dismissed\": [\"zz\", \"{:x}\"], \"view\": {{\"current\": {}, \"split\": {}}}, \
         \"segmentation\": [{{\"breaks\": [[{}, {}]], \"cuts\": [[{}, {}]]}}, {{}}]}}",
        ["1", "1", "1", "2", "\"1\""][rng.range(0, 5)],
        ["UTF-8", "klingon", "utf-16le", "gbk"][rng.range(0, 4)],
        decisions.join(", "),
        notes.join(", "),
        number(rng),
        rng.range(0, 1 << 30),
        number(rng),
        number(rng),
        number(rng),
        number(rng),
        number(rng),
        number(rng),
    );
    let mut bytes = json.into_bytes();
    if rng.chance(30) {
        mutate(rng, &mut bytes);
    }
    bytes
}

/// A hostile project against a real pair: read, then every decision, note and view restored.
fn run_project(bytes: &[u8], partner: &Document) -> bool {
    let Ok(file) = tandem::core::project::ProjectFile::parse(bytes, Path::new("fuzz.tandem")) else { return false };
    let other =
        Document::from_text("other.txt", "Hôte : Bonjour.\n\nAda : 12 personnes.\n\nHôte : Merci.\n", "UTF-8", 0);
    let docs = tandem::core::side::Sides::new(std::sync::Arc::new(partner.clone()), std::sync::Arc::new(other));
    let _ = file.restore(&docs);
    let _ = file.sources_outside(Path::new("fuzz.tandem"));
    true
}

/// The whole path for one input, against a fixed partner.
fn run_one(ext: &str, bytes: &[u8], partner: &Document, rng: &mut Rng) -> bool {
    if ext == "tandem" {
        return run_project(bytes, partner);
    }
    let path = PathBuf::from(format!("fuzz.{ext}"));
    let Ok(source) = formats::read_bytes(&path, bytes, None) else { return false };
    let doc = Document::from_source(&path, source, Segmentation::default());
    let pair = if rng.chance(50) { Pair::new(doc, partner.clone()) } else { Pair::new(partner.clone(), doc) };
    let flags = review::check(&pair);
    let format = Format::ALL[rng.range(0, Format::ALL.len())];
    let prepared = export::prepare(&pair, &Annotations::default(), &flags, &Options::default());
    export::to_bytes(&prepared, format, &Progress::default()).expect("an export of any pair is written");
    let _ = tandem::cli::align_report::to_json(&pair);
    true
}

#[test]
#[ignore = "a million inputs: run with --release -- --ignored"]
fn a_million_hostile_inputs_never_panic() {
    let runs: usize = std::env::var("TANDEM_FUZZ_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let seed: u64 = std::env::var("TANDEM_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(2026);
    let seeds = seeds();
    let partner_text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review/bakery_zh.txt"))
            .expect("the partner");
    let partner = Document::from_text("partner.txt", &partner_text, "UTF-8", 0);
    let started = std::time::Instant::now();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Each thread its own stream of inputs; together `runs` of them.
    let read: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let (seeds, partner) = (&seeds, &partner);
                scope.spawn(move || {
                    let mut rng = Rng::new(seed.wrapping_add(t as u64));
                    let mut read = 0usize;
                    for k in (t..runs).step_by(threads) {
                        let (ext, bytes) = input(&mut rng, seeds);
                        let mut inner = Rng::new(seed ^ k as u64);
                        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            run_one(&ext, &bytes, partner, &mut inner)
                        }));
                        match outcome {
                            Ok(was_read) => read += usize::from(was_read),
                            Err(_) => {
                                let saved = std::env::temp_dir().join(format!("tandem-fuzz-crash-{k}.{ext}"));
                                std::fs::write(&saved, &bytes).expect("saved");
                                panic!("input {k} panicked; saved to {}", saved.display());
                            }
                        }
                    }
                    read
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("no input panicked")).sum()
    });
    println!(
        "fuzz: {runs} inputs ({read} read as documents, the rest refused with a message) in {:.0?}, no panic",
        started.elapsed()
    );
}

#[test]
fn a_few_hundred_hostile_inputs_never_panic() {
    // The same harness, small enough for every test run.
    let seeds = seeds();
    let partner = Document::from_text("partner.txt", "Host: Hello.\n\nAda: 12 people came.\n", "UTF-8", 0);
    let mut rng = Rng::new(7);
    for k in 0..300 {
        let (ext, bytes) = input(&mut rng, &seeds);
        let mut inner = Rng::new(k);
        let _ = run_one(&ext, &bytes, &partner, &mut inner);
    }
}
