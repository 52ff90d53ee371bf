//! Frame time while scrolling a 100,000-turn pair (ignored: run it with
//! `cargo test --release --test perf_frames -- --ignored --nocapture`).

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use tandem::app::{Settings, TandemApp};

mod common;

#[test]
#[ignore = "a measurement, not a check: run it on purpose"]
fn frame_time_while_scrolling_100k_turns() {
    let dir = std::env::temp_dir().join(format!("tandem-perf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pair = tandem::core::synth::interview_pair(100_000, 11);
    let (left, right) = (dir.join("left.txt"), dir.join("right.txt"));
    std::fs::write(&left, &pair.left).unwrap();
    std::fs::write(&right, &pair.right).unwrap();

    let started = Instant::now();
    let mut harness = Harness::builder().with_size([1280.0, 800.0]).build_eframe(move |cc| {
        TandemApp::with_settings(cc.egui_ctx.clone(), Settings::default(), Some([left.clone(), right.clone()]))
    });
    harness.state_mut().finish_loading();
    let loaded = started.elapsed();
    let first = Instant::now();
    harness.step();
    let first_frame = first.elapsed();
    let rows = harness.state().pair().unwrap().alignment.links.len();

    harness.hover_at(egui::pos2(400.0, 400.0));
    let mut times = Vec::new();
    for k in 0..600 {
        // Mostly steady wheel scrolling, with a far jump now and then (dragging the scroll bar).
        if k % 100 == 99 {
            let view = harness.state_mut().view.as_mut().unwrap();
            view.scroll_to_row((k * 997) % rows);
        } else {
            common::wheel(&harness, -120.0);
        }
        let t = Instant::now();
        harness.step();
        times.push(t.elapsed());
    }
    times.sort();
    let mean: Duration = times.iter().sum::<Duration>() / times.len() as u32;
    let p95 = times[times.len() * 95 / 100];
    let max = *times.last().unwrap();
    let view = harness.state().view.as_ref().unwrap();
    println!(
        "100,000 turns per side, {rows} rows: loaded and aligned in {loaded:.2?}, first frame {first_frame:.2?}; \
         scrolling: mean {mean:.2?}, p95 {p95:.2?}, max {max:.2?} per frame; rows in view at the end {:?}",
        view.visible
    );
    assert!(view.visible.start > 0, "the view moved");

    let pair = harness.state().pair().unwrap();
    for query in ["modele", "数据", "2019"] {
        let q = tandem::core::search::Query::new(query).unwrap();
        let t = Instant::now();
        let hits = tandem::core::search::search(pair, &q, tandem::core::search::Scope::Both);
        println!("search {query:?} over both sides: {} hits in {:.2?}", hits.len(), t.elapsed());
    }
    std::fs::remove_dir_all(&dir).ok();
}
