//! Review flags on a real parliamentary sitting: the first 3,000 sentence pairs of Europarl v7
//! French–English, one sentence a paragraph, read at run time from the public repository
//! shreya-03/GAINS-AI-Project's git directory named by `TANDEM_EUROPARL_GIT` (fetched, never
//! copied here). Prints the flags by kind and every one of them, to be read by hand; fails when
//! the pair stops aligning line to line or the flags grow back past what was read.
//!
//! `TANDEM_EUROPARL_GIT=/path/to/repo cargo test --release --test flags_europarl -- --ignored --nocapture`

use std::collections::BTreeMap;
use std::sync::Arc;

use tandem::core::document::{Document, Pair};
use tandem::core::review;
use tandem::core::side::Sides;

#[path = "common/bench.rs"]
mod bench;

#[test]
#[ignore = "reads a public Europarl sample from TANDEM_EUROPARL_GIT; run with --ignored"]
fn a_real_sitting_raises_few_flags() {
    let Ok(git) = std::env::var("TANDEM_EUROPARL_GIT") else {
        eprintln!("TANDEM_EUROPARL_GIT is not set: the Europarl sample is skipped");
        return;
    };
    // One sentence a paragraph, so that line k of the corpus is line 2k - 1 of the document.
    let read = |lang: &str| {
        let raw = bench::show(&git, "HEAD", &format!("europarl-v7.fr-en.{lang}"));
        raw.lines().map(|l| format!("{l}\n\n")).collect::<String>()
    };
    let (en, fr) = (read("en"), read("fr"));
    let start = std::time::Instant::now();
    let docs = Sides::new(
        Arc::new(Document::from_text("en.txt", &en, "UTF-8", 0)),
        Arc::new(Document::from_text("fr.txt", &fr, "UTF-8", 0)),
    );
    let pair = Pair::aligned_and_settled(docs, |d| Some(if d.path.ends_with("en.txt") { &en } else { &fr }.clone()));
    let flags = review::check(&pair);
    let took = start.elapsed().as_secs_f64();
    // Rows pairing the same corpus line, one turn a side.
    let (l, r) = (&pair.docs.left.turns.turns, &pair.docs.right.turns.turns);
    let same = pair
        .alignment
        .links
        .iter()
        .filter(|k| {
            k.left.len() == 1 && k.right.len() == 1 && l[k.left.start].first_line == r[k.right.start].first_line
        })
        .count();
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &flags {
        *by_kind.entry(f.kind.name()).or_default() += 1;
        println!("  row {}: {} {}", f.row + 1, f.kind.name(), f.message);
    }
    println!(
        "== europarl en/fr: {} rows, {same} pairing the same line; speakers {} / {}; {} flags {by_kind:?}; {took:.2} s",
        pair.alignment.links.len(),
        pair.docs.left.turns.speakers.len(),
        pair.docs.right.turns.speakers.len(),
        flags.len()
    );
    assert!(same >= 2950, "{same} rows pair the same line");
    assert!(pair.docs.left.turns.speakers.is_empty() && pair.docs.right.turns.speakers.is_empty(), "no labels here");
    assert!(flags.len() <= 40, "{} flags: read them again", flags.len());
}
