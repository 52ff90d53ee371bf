//! What `tandem check` prints: one line a flag, like a linter, or one JSON object.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::core::document::Pair;
use crate::core::review::{Flag, FlagKind};
use crate::core::side::Side;

#[derive(Serialize)]
struct JsonCheck<'a> {
    left: JsonFile,
    right: JsonFile,
    rows: usize,
    flags: Vec<JsonFlag<'a>>,
    /// Added beside the documented fields: how many flags of each kind.
    counts: std::collections::BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct JsonFile {
    path: String,
}

#[derive(Serialize)]
struct JsonFlag<'a> {
    kind: FlagKind,
    row: usize,
    left_lines: Option<[usize; 2]>,
    right_lines: Option<[usize; 2]>,
    left_words: Vec<&'a str>,
    right_words: Vec<&'a str>,
    message: &'a str,
}

/// The flags as one JSON object: `{"left": {"path"}, "right": {"path"}, "rows", "flags": […]}`.
pub fn to_json(pair: &Pair, flags: &[Flag]) -> String {
    // Lines of a text file; extracted paragraphs of a document without lines.
    let lines = |f: &Flag, side: Side| {
        let doc = pair.doc(side);
        f.lines[side].map(|(a, b)| [doc.unit(a), doc.unit(b)])
    };
    let mut counts = std::collections::BTreeMap::new();
    for f in flags {
        *counts.entry(f.kind.name()).or_default() += 1;
    }
    let out = JsonCheck {
        left: JsonFile { path: pair.docs.left.path.display().to_string() },
        right: JsonFile { path: pair.docs.right.path.display().to_string() },
        rows: pair.alignment.links.len(),
        flags: flags
            .iter()
            .map(|f| JsonFlag {
                kind: f.kind,
                row: f.row,
                left_lines: lines(f, Side::Left),
                right_lines: lines(f, Side::Right),
                left_words: f.words(Side::Left),
                right_words: f.words(Side::Right),
                message: &f.message,
            })
            .collect(),
        counts,
    };
    serde_json::to_string_pretty(&out).expect("plain data always serialises")
}

/// One line a flag: `left.txt:51 ↔ right.txt:26 numbers: six ou sept milliards ≠ 600 million…`.
pub fn to_text(pair: &Pair, flags: &[Flag]) -> String {
    use crate::core::text::terminal_safe;
    let name = |p: &Path| terminal_safe(&p.display().to_string()).into_owned();
    let place =
        |f: &Flag, side: Side| match f.lines[side].map(|(a, b)| (pair.doc(side).unit(a), pair.doc(side).unit(b))) {
            Some((a, b)) if a == b => format!("{}:{a}", name(&pair.doc(side).path)),
            Some((a, b)) => format!("{}:{a}-{b}", name(&pair.doc(side).path)),
            None => format!("{}:-", name(&pair.doc(side).path)),
        };
    let mut out = String::new();
    for f in flags {
        let message = terminal_safe(&f.message);
        let _ = writeln!(out, "{} ↔ {} {}: {message}", place(f, Side::Left), place(f, Side::Right), f.kind.name());
    }
    out
}
