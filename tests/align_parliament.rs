//! The aligner on a generated bilingual parliamentary record: labels on their own line, capital
//! headings, vote lists, a speech cut on one side, a paragraph split in three. The generator
//! knows which paragraph translates which; the F1 of the aligner's pairs against that truth is
//! printed and held above a floor.

use std::collections::HashSet;

use tandem::core::document::{Document, Pair};
use tandem::core::synth::{ParliamentPair, parliament_pair};

/// Precision, recall and F1 of the pairs of paragraphs the alignment makes, against the truth.
/// A paragraph counts as the turn that holds its line; a link pairs every turn of its left side
/// with every turn of its right side.
pub fn f1(generated: &ParliamentPair, pair: &Pair) -> (f64, f64, f64) {
    let turn_at = |doc: &Document, line: usize| {
        let turns = &doc.turns.turns;
        let k = turns.partition_point(|t| t.last_line < line);
        (k < turns.len() && turns[k].first_line <= line).then_some(k)
    };
    let mut truth = HashSet::new();
    for (left, right) in &generated.truth {
        for &a in left {
            for &b in right {
                if let (Some(x), Some(y)) = (turn_at(&pair.docs.left, a), turn_at(&pair.docs.right, b)) {
                    truth.insert((x, y));
                }
            }
        }
    }
    let mut found = HashSet::new();
    for link in &pair.alignment.links {
        for x in link.left.clone() {
            for y in link.right.clone() {
                found.insert((x, y));
            }
        }
    }
    let right = found.intersection(&truth).count() as f64;
    let (p, r) = (right / found.len().max(1) as f64, right / truth.len().max(1) as f64);
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

fn aligned(generated: &ParliamentPair) -> Pair {
    Pair::new(
        Document::from_text("en.txt", &generated.left, "UTF-8", 0),
        Document::from_text("fr.txt", &generated.right, "UTF-8", 0),
    )
}

#[test]
fn a_parliamentary_record_pairs_its_paragraphs() {
    for seed in [1, 2, 3] {
        let generated = parliament_pair(3_000, seed);
        let pair = aligned(&generated);
        let (p, r, f) = f1(&generated, &pair);
        println!("seed {seed}: precision {p:.3} recall {r:.3} F1 {f:.3}");
        assert!(f > 0.5, "F1 {f:.3}");
    }
}

#[test]
#[ignore = "a measurement: cargo test --release --test align_parliament -- --ignored --nocapture"]
fn timing_at_scale() {
    for n in [10_000, 50_000, 120_000] {
        let generated = parliament_pair(n, 7);
        let t = std::time::Instant::now();
        let pair = aligned(&generated);
        let took = t.elapsed();
        let (p, r, f) = f1(&generated, &pair);
        println!(
            "{n}: {} / {} turns, {:.2} s split+align, P {p:.3} R {r:.3} F1 {f:.3}",
            pair.docs.left.turns.turns.len(),
            pair.docs.right.turns.turns.len(),
            took.as_secs_f64()
        );
    }
}
