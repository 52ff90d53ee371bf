//! How long an edit takes on a 120,000-turn pair (ignored: run with
//! `cargo test --release --test perf_edit -- --ignored --nocapture`).

use std::time::Instant;

use tandem::core::document::{Document, Pair};
use tandem::core::edit::Edit;
use tandem::core::session::Session;
use tandem::core::side::Side;

#[test]
#[ignore = "a measurement, not a check: run it in release"]
fn edits_on_a_long_pair() {
    let text = tandem::core::synth::interview_pair(120_000, 7);
    let doc = |name: &str, t: &str| Document::from_text(name, t, "UTF-8", 0);
    let started = Instant::now();
    let pair = Pair::new(doc("left", &text.left), doc("right", &text.right));
    println!("aligned {} rows in {:.2?}", pair.alignment.links.len(), started.elapsed());
    let rows = pair.alignment.links.len();
    let mut session = Session::new(pair);
    let mut worst = std::time::Duration::ZERO;
    let mut total = std::time::Duration::ZERO;
    let edits = [
        |r: usize| Edit::Unlink { row: r },
        |r: usize| Edit::Merge { start: r, end: r + 2 },
        |r: usize| Edit::Shift { row: r, side: Side::Left, down: true },
        |r: usize| Edit::MergeSide { row: r, side: Side::Right, forward: true },
        |r: usize| Edit::Note { row: r, text: Some("x".into()) },
    ];
    let mut count = 0;
    for k in 0..50 {
        let row = (k * 2_371) % (rows - 3);
        let e = edits[k % edits.len()](row);
        // As the window does it: the links are shared with a background check, so they are copied.
        let shared = session.pair().clone();
        let t = Instant::now();
        if session.apply(e).is_ok() {
            let _counts = session.pair().alignment.counts();
            let _one_sided = session.pair().alignment.one_sided();
            count += 1;
        }
        let took = t.elapsed();
        drop(shared);
        worst = worst.max(took);
        total += took;
    }
    let t = Instant::now();
    while session.undo().is_some() {}
    println!("{count} edits: mean {:.1?}, worst {:.1?}; undoing all of them {:.1?}", total / 50, worst, t.elapsed());
}
