//! Word links scored against a public hand word-aligned set: the English/French Canadian
//! Hansard test set of the 2003 shared task (447 sentence pairs, tokenised, lower-cased, with
//! sure and possible links). Tandem reads the two sides as files of one sentence a line, aligns
//! them, and links words inside each row as the window does; each link is read back as the
//! gold's token positions. Precision counts a link right when gold has it as sure or possible,
//! recall counts the sure links found (the usual definitions of the task).
//! The text is read at run time from the directory named by `TANDEM_HANSARD_DIR` (holding
//! `test.e`, `test.f` and `test.wa.nonullalign`), never copied here.
//!
//! `TANDEM_HANSARD_DIR=/path cargo test --release --test word_bench -- --ignored --nocapture`

use std::collections::{HashMap, HashSet};
use std::path::Path;

use tandem::core::align::counterparts::Why;
use tandem::core::align::inside::Inside;
use tandem::core::document::Pair;
use tandem::core::turns::Turn;

/// The gold's (sentence, token) position of byte `at` of a turn: its line from the turn's first
/// line and the line breaks before it, its token (1-based) from the spaces before it.
fn position(turn: &Turn, at: usize) -> (usize, usize) {
    let (line, tokens) = tokens_before(turn, at);
    (line, tokens + 1)
}

/// The line of byte `at` and how many tokens of that line start before it.
fn tokens_before(turn: &Turn, at: usize) -> (usize, usize) {
    let before = &turn.text[..at];
    let line = turn.first_line + before.matches('\n').count();
    let in_line = before.rsplit('\n').next().unwrap_or("");
    (line, in_line.split_whitespace().count())
}

#[test]
#[ignore = "a measurement: needs TANDEM_HANSARD_DIR"]
fn hansard_word_links() {
    let Ok(dir) = std::env::var("TANDEM_HANSARD_DIR") else {
        eprintln!("TANDEM_HANSARD_DIR is not set: the Hansard word-alignment set is not measured");
        return;
    };
    let dir = Path::new(&dir);
    let gold_text = std::fs::read_to_string(dir.join("test.wa.nonullalign")).unwrap();
    // (sentence, english token, french token) → sure
    let mut gold: HashMap<(usize, usize, usize), bool> = HashMap::new();
    for line in gold_text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if let [s, e, fr, kind] = f[..] {
            let key = (s.parse().unwrap(), e.parse().unwrap(), fr.parse().unwrap());
            gold.insert(key, kind == "S");
        }
    }
    let sure = gold.values().filter(|s| **s).count();
    let pair = Pair::load(&dir.join("test.f"), &dir.join("test.e"), [None, None]).unwrap();
    let (fr, en) = (&pair.docs.left.turns, &pair.docs.right.turns);
    let inside = Inside::compute(fr, en, &pair.alignment, || false).unwrap();
    let mut found: HashMap<(usize, usize, usize), Why> = HashMap::new();
    let mut across = 0;
    for links in &inside.words {
        for l in links {
            let (ft, et) = (&fr.turns[l.left.turn], &en.turns[l.right.turn]);
            // Every gold token the link's words cover, on each side.
            let tokens = |t: &Turn, r: &std::ops::Range<usize>| -> Vec<(usize, usize)> {
                let (a, b) = (position(t, r.start), tokens_before(t, r.end));
                (a.1..=b.1.max(a.1)).map(|k| (a.0, k)).collect()
            };
            for (fs, fk) in tokens(ft, &l.left.range) {
                for (es, ek) in tokens(et, &l.right.range) {
                    if fs != es {
                        across += 1;
                        continue;
                    }
                    found.insert((fs, ek, fk), l.why);
                }
            }
        }
    }
    let right = found.keys().filter(|k| gold.contains_key(k)).count();
    let sure_found = found.keys().filter(|k| gold.get(k) == Some(&true)).count();
    let p = right as f64 / (found.len() + across).max(1) as f64;
    let r = sure_found as f64 / sure.max(1) as f64;
    eprintln!(
        "hansard: {} word links ({} across two sentences), precision {p:.3} (sure or possible), recall {r:.3} \
         of {sure} sure links ({} gold links in all)",
        found.len(),
        across,
        gold.len()
    );
    for why in [Why::Same, Why::Dictionary, Why::Learned] {
        let of: Vec<_> = found.iter().filter(|(_, w)| **w == why).map(|(k, _)| k).collect();
        let ok = of.iter().filter(|k| gold.contains_key(k)).count();
        eprintln!("  {why:?}: {} links, {} right", of.len(), ok);
    }
    if std::env::var("TANDEM_SHOW_WRONG").is_ok() {
        let (fl, el): (Vec<&str>, Vec<&str>) = (
            std::fs::read_to_string(dir.join("test.f")).unwrap().leak().lines().collect(),
            std::fs::read_to_string(dir.join("test.e")).unwrap().leak().lines().collect(),
        );
        let word = |lines: &[&str], s: usize, k: usize| -> String {
            lines.get(s - 1).and_then(|l| l.split_whitespace().nth(k - 1)).unwrap_or("?").to_string()
        };
        let mut same: Vec<_> = found.iter().filter(|(_, w)| **w == Why::Same).map(|(k, _)| *k).collect();
        same.sort();
        let mut words: HashMap<String, usize> = HashMap::new();
        for (s, _, f) in same {
            *words.entry(word(&fl, s, f)).or_default() += 1;
        }
        let mut words: Vec<_> = words.into_iter().collect();
        words.sort_by_key(|(w, n)| (std::cmp::Reverse(*n), w.clone()));
        eprintln!("  same, most often: {:?}", &words[..words.len().min(40)]);
        let mut wrong: Vec<_> = found.iter().filter(|(k, _)| !gold.contains_key(k)).collect();
        wrong.sort_by_key(|(k, _)| **k);
        for ((s, e, f), why) in wrong {
            eprintln!("  wrong {s} {:?}: {} = {}", why, word(&fl, *s, *f), word(&el, *s, *e));
        }
    }
    let aligned: HashSet<usize> = inside.words.iter().flatten().map(|l| fr.turns[l.left.turn].first_line).collect();
    eprintln!("  sentences with a link: {} of 447", aligned.len());
    assert!(p >= 0.9, "word links shown must be right nine times in ten: {p:.3}");
}
