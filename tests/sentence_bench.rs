//! Sentences matched inside rows, scored on the public sentence-aligned sets of
//! `../shared/eval/align_bench.py` once their sentences are joined into paragraphs of 3 to 8
//! sentences: Tandem aligns the paragraphs, splits each into sentences and matches them inside
//! its row; its groups, read back as the gold's sentence numbers, are scored as the gold's
//! beads are (strict and lax F1). The text is read at run time from the public repository
//! bfsujason/bertalign's git directory named by `TANDEM_BERTALIGN_GIT`, never copied here.
//!
//! `TANDEM_BERTALIGN_GIT=/path/to/repo cargo test --release --test sentence_bench -- --ignored --nocapture`
//! (`TANDEM_SHOW_ENDS=1` prints the sentence ends the splitter missed or added; `TANDEM_SHOW_BEADS=1`
//! the gold groups found with the gold's sentences and lost with the splitter's, `=oracle` those
//! missed even with the gold's sentences.)

use std::ops::Range;

use tandem::core::align::{self, sentences};
use tandem::core::side::Side;
use tandem::core::turns::{self, Turns};

#[path = "common/bench.rs"]
mod bench;
use bench::{Bead, f1, gold, show};

/// Where each gold sentence lies in a paragraph (characters), with the sentence's number.
type Spans = Vec<(Range<usize>, usize)>;

/// One side of the joined pair: its text, and its paragraphs with their sentences.
struct Joined {
    text: String,
    paragraphs: Vec<(String, Spans)>,
}

/// Gold beads taken in order into paragraphs of 3 to 8 left sentences (a fixed pseudo-random
/// sequence), each paragraph one line; a side's sentences are joined with a space, or with
/// nothing when they are Chinese.
fn join(lines: [&[&str]; 2], beads: &[Bead], seed: &mut u64) -> [Joined; 2] {
    let mut out = [(); 2].map(|()| Joined { text: String::new(), paragraphs: Vec::new() });
    let mut k = 0;
    while k < beads.len() {
        *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let want = 3 + (*seed >> 33) as usize % 6;
        let (mut taken, start) = (0, k);
        while k < beads.len() && (taken < want || beads[k].0.is_empty()) {
            taken += beads[k].0.len().max(1);
            k += 1;
        }
        for (side, joined) in out.iter_mut().enumerate() {
            let ids: Vec<usize> =
                beads[start..k].iter().flat_map(|b| if side == 0 { b.0.clone() } else { b.1.clone() }).collect();
            let (mut para, mut spans) = (String::new(), Vec::new());
            for id in ids {
                let s = lines[side][id].trim();
                let chinese = s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                if !para.is_empty() && !chinese {
                    para.push(' ');
                }
                let at = para.chars().count();
                para.push_str(s);
                spans.push((at..para.chars().count(), id));
            }
            if !para.is_empty() {
                joined.text.push_str(&para);
                joined.text.push_str("\n\n");
                joined.paragraphs.push((para, spans));
            }
        }
    }
    out
}

/// The gold sentence numbers a sentence of turn `turn` (characters `range`) holds: those it
/// holds more than half of, so that each gold sentence belongs to one sentence at most (a
/// closing `»` the gold puts at the start of the next sentence does not bring that sentence in).
fn gold_ids(side: &Joined, turns: &Turns, turn: usize, range: Range<usize>, lost: &mut usize) -> Vec<usize> {
    let text = &turns.turns[turn].text;
    let Some((para, spans)) = side.paragraphs.get(turn) else {
        *lost += 1;
        return Vec::new();
    };
    // The turn's text is the paragraph, or the paragraph less a label taken for a speaker's.
    let Some(shift) = para.find(text.as_str()).map(|b| para[..b].chars().count()) else {
        *lost += 1;
        return Vec::new();
    };
    let (a, b) = (text[..range.start].chars().count() + shift, text[..range.end].chars().count() + shift);
    spans
        .iter()
        .filter(|(s, _)| 2 * (b.min(s.end).saturating_sub(a.max(s.start))) > s.end - s.start)
        .map(|(_, id)| *id)
        .collect()
}

#[test]
#[ignore = "reads the public benchmark from TANDEM_BERTALIGN_GIT; run with --ignored"]
fn sentences_inside_paragraphs() {
    let Ok(git) = std::env::var("TANDEM_BERTALIGN_GIT") else {
        eprintln!("TANDEM_BERTALIGN_GIT is not set: the public benchmarks are skipped");
        return;
    };
    let mut results = Vec::new();
    for (set, pairs) in bench::sets() {
        let (mut scored, mut rows_only, mut oracles, mut lost, mut seed) =
            (Vec::new(), Vec::new(), Vec::new(), 0, 7u64);
        let (mut aligning, mut matching) = (0.0, 0.0);
        // Sentence ends: [gold, found by the splitter, both], per side.
        let mut ends = [[0usize; 3]; 2];
        for (rev, l, r, g) in &pairs {
            let (lt, rt, beads) = (show(&git, rev, l), show(&git, rev, r), gold(&show(&git, rev, g)));
            let lines: [Vec<&str>; 2] = [lt.lines().collect(), rt.lines().collect()];
            let [jl, jr] = join([&lines[0], &lines[1]], &beads, &mut seed);
            let (tl, tr) = (turns::split(&jl.text), turns::split(&jr.text));
            if tl.turns.len() != jl.paragraphs.len() || tr.turns.len() != jr.paragraphs.len() {
                eprintln!(
                    "{l}: {} / {} turns for {} / {} paragraphs",
                    tl.turns.len(),
                    tr.turns.len(),
                    jl.paragraphs.len(),
                    jr.paragraphs.len()
                );
            }
            let start = std::time::Instant::now();
            let alignment = align::align(&tl, &tr);
            aligning += start.elapsed().as_secs_f64();
            let start = std::time::Instant::now();
            let rows = sentences::inside_rows(&tl, &tr, &alignment);
            matching += start.elapsed().as_secs_f64();
            // The gold's own sentences, to tell the splitter's misses from the matching's.
            let gold_cut = |side: Side, t: usize, text: &str| -> Vec<Range<usize>> {
                let joined = if side == Side::Left { &jl } else { &jr };
                match joined.paragraphs.get(t).filter(|(p, _)| p == text) {
                    Some((para, spans)) => spans
                        .iter()
                        .map(|(r, _)| {
                            let byte = |c: usize| para.char_indices().nth(c).map_or(para.len(), |(b, _)| b);
                            byte(r.start)..byte(r.end)
                        })
                        .collect(),
                    None => tandem::core::sentences::split(text),
                }
            };
            let oracle_rows = sentences::inside_rows_cut(&tl, &tr, &alignment, &gold_cut);
            for (side, (joined, turns)) in [(&jl, &tl), (&jr, &tr)].into_iter().enumerate() {
                for (t, turn) in turns.turns.iter().enumerate() {
                    let Some((para, spans)) = joined.paragraphs.get(t).filter(|(p, _)| *p == turn.text) else {
                        continue;
                    };
                    let gold: std::collections::HashSet<usize> =
                        spans[..spans.len() - 1].iter().map(|(r, _)| r.end).collect();
                    let cuts = tandem::core::sentences::split(para);
                    let found: std::collections::HashSet<usize> =
                        cuts[..cuts.len().saturating_sub(1)].iter().map(|r| para[..r.end].chars().count()).collect();
                    ends[side][0] += gold.len();
                    ends[side][1] += found.len();
                    ends[side][2] += gold.intersection(&found).count();
                    if std::env::var("TANDEM_SHOW_ENDS").is_ok() {
                        let chars: Vec<char> = para.chars().collect();
                        let around = |c: usize| -> String {
                            chars[c.saturating_sub(25)..(c + 15).min(chars.len())].iter().collect()
                        };
                        for c in gold.difference(&found) {
                            println!("   missed {side}: {}", around(*c));
                        }
                        for c in found.difference(&gold) {
                            println!("   extra  {side}: {}", around(*c));
                        }
                    }
                }
            }
            let mut test = Vec::new();
            let mut whole = Vec::new();
            let mut oracle = Vec::new();
            for (row, given) in rows.iter().zip(&oracle_rows) {
                let ids = |side: &Joined, turns: &Turns, ss: &[sentences::Sentence], lost: &mut usize| -> Vec<usize> {
                    let mut v: Vec<usize> =
                        ss.iter().flat_map(|s| gold_ids(side, turns, s.turn, s.range.clone(), lost)).collect();
                    v.sort_unstable();
                    v.dedup();
                    v
                };
                for g in &row.groups {
                    let bead = (
                        ids(&jl, &tl, &row.left[g.left.clone()], &mut lost),
                        ids(&jr, &tr, &row.right[g.right.clone()], &mut lost),
                    );
                    test.push(bead);
                }
                whole.push((ids(&jl, &tl, &row.left, &mut 0), ids(&jr, &tr, &row.right, &mut 0)));
                for g in &given.groups {
                    oracle.push((
                        ids(&jl, &tl, &given.left[g.left.clone()], &mut 0),
                        ids(&jr, &tr, &given.right[g.right.clone()], &mut 0),
                    ));
                }
            }
            if std::env::var("TANDEM_SHOW_BEADS").is_ok() {
                let set = |v: &[bench::Bead]| v.iter().cloned().collect::<std::collections::HashSet<_>>();
                let (ts, os) = (set(&test), set(&oracle));
                let oracle_misses = std::env::var("TANDEM_SHOW_BEADS").is_ok_and(|v| v == "oracle");
                for b in beads.iter().filter(|b| {
                    !b.0.is_empty()
                        && !b.1.is_empty()
                        && if oracle_misses { !os.contains(*b) } else { os.contains(*b) && !ts.contains(*b) }
                }) {
                    let txt = |side: usize, ids: &[usize]| {
                        ids.iter().map(|&i| lines[side][i].trim()).collect::<Vec<_>>().join(" | ")
                    };
                    println!("BEAD {l} {:?}:{:?}\n  L {}\n  R {}", b.0, b.1, txt(0, &b.0), txt(1, &b.1));
                    let got = if oracle_misses { &oracle } else { &test };
                    for t in got
                        .iter()
                        .filter(|t| t.0.iter().any(|x| b.0.contains(x)) || t.1.iter().any(|x| b.1.contains(x)))
                    {
                        println!("  got {:?}:{:?}", t.0, t.1);
                    }
                }
            }
            rows_only.push((beads.clone(), whole));
            oracles.push((beads.clone(), oracle));
            scored.push((beads, test));
        }
        let (strict, lax) = f1(&scored);
        let (rs, rl) = f1(&rows_only);
        let (os, ol) = f1(&oracles);
        println!(
            "== {set}: sentences inside rows strict F1 {strict:.3} | lax F1 {lax:.3} (the gold's sentences: \
             {os:.3} / {ol:.3}; rows alone: {rs:.3} / {rl:.3}); paragraphs aligned in {aligning:.2} s, \
             sentences matched in {matching:.2} s; {lost} sentences not found"
        );
        for (side, [gold, found, both]) in ["left", "right"].iter().zip(ends) {
            println!("   {side} sentence ends: {gold} in the gold, {found} found, {both} of them right");
        }
        results.push((set, strict, lax));
    }
    // Floors that hold today (the issue asks 0.9 strict): a regression fails here.
    for (set, strict, lax) in results {
        let floor = match set {
            "mac-test" => 0.86,
            "text+berg" => 0.85,
            _ => 0.85,
        };
        assert!(strict >= floor && lax >= 0.97, "{set}: {strict:.3} / {lax:.3}");
    }
}

/// Word links to read by hand: every link of some MAC-Test chapters (Chinese/English) and of
/// the shared French/English interview pair is counted, and an evenly spread sample of each is
/// printed with its sentence, to be judged right or wrong by a person. Also prints the share of
/// each side's words that got a link.
#[test]
#[ignore = "prints word links to read by hand; run with --ignored --nocapture"]
fn word_links_to_read_by_hand() {
    use tandem::core::align::inside::Inside;
    let mut pairs: Vec<(String, String, String)> = Vec::new();
    if let Ok(git) = std::env::var("TANDEM_BERTALIGN_GIT") {
        for n in [2, 9, 14, 21] {
            let f = |ext: &str| show(&git, "8f54e76^", &format!("corpus/mac/test/split/{n:03}.{ext}"));
            pairs.push((format!("mac-test {n:03}"), f("zh"), f("en")));
        }
    }
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    let read = |prefix: &str| {
        std::fs::read_dir(&samples)
            .ok()?
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
            .and_then(|e| std::fs::read_to_string(e.path()).ok())
    };
    if let (Some(fr), Some(en)) = (read("000_"), read("002_")) {
        pairs.push(("shared 000/002 (fr/en)".into(), fr, en));
    } else {
        eprintln!("../shared/samples is absent: the French/English interview is skipped");
    }
    for (name, l, r) in pairs {
        let (tl, tr) = (turns::split(&l), turns::split(&r));
        let alignment = align::align(&tl, &tr);
        let inside = Inside::compute(&tl, &tr, &alignment, || false).unwrap();
        let links: Vec<_> =
            inside.words.iter().enumerate().flat_map(|(row, ls)| ls.iter().map(move |l| (row, l))).collect();
        let words = |t: &Turns| -> usize {
            t.turns
                .iter()
                .map(|t| tandem::core::lexicon::words(&t.text).iter().filter(|w| !w.key.starts_with("p:")).count())
                .sum()
        };
        println!("== {name}: {} word links; {} and {} words", links.len(), words(&tl), words(&tr));
        let step = (links.len() / 50).max(1);
        for (row, link) in links.iter().step_by(step).take(50) {
            let text = |t: &Turns, s: &tandem::core::align::counterparts::Spot| {
                t.turns[s.turn].text[s.range.clone()].to_string()
            };
            let sentence = |t: &Turns, side: Side, s: &tandem::core::align::counterparts::Spot| -> String {
                let row = &inside.rows[*row];
                let list = if side == Side::Left { &row.left } else { &row.right };
                list.iter()
                    .find(|x| x.turn == s.turn && x.range.contains(&s.range.start))
                    .map(|x| t.turns[x.turn].text[x.range.clone()].chars().take(90).collect())
                    .unwrap_or_default()
            };
            println!("  {} = {} ({:?})", text(&tl, &link.left), text(&tr, &link.right), link.why);
            println!("      {}", sentence(&tl, Side::Left, &link.left));
            println!("      {}", sentence(&tr, Side::Right, &link.right));
        }
    }
}
