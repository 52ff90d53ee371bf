//! Alignment speed on generated interviews of 1k, 10k and 100k turns per side (turns/second), the
//! review checks on 10k and 120k turns per side, and exports of 120k rows to every format.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::core::document::{Document, Pair};
use tandem::core::edit::Annotations;
use tandem::core::export::{self, Format, Options, Progress};
use tandem::core::{align, review, synth, turns};

fn align_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("align");
    for n in [1_000, 10_000, 100_000] {
        let pair = synth::interview_pair(n, 42);
        let (l, r) = (turns::split(&pair.left), turns::split(&pair.right));
        group.throughput(Throughput::Elements(n as u64));
        group.sample_size(10);
        group.bench_with_input(BenchmarkId::from_parameter(n), &(l, r), |b, (l, r)| b.iter(|| align::align(l, r)));
    }
    group.finish();
}

fn split_bench(c: &mut Criterion) {
    let pair = synth::interview_pair(10_000, 42);
    let mut group = c.benchmark_group("split");
    group.throughput(Throughput::Elements(10_000));
    group.sample_size(10);
    group.bench_function("10000", |b| b.iter(|| turns::split(&pair.left)));
    group.finish();
}

fn check_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    for n in [10_000, 120_000] {
        let text = synth::interview_pair(n, 42);
        let doc = |name: &str, t: &str| Document::from_text(name, t, "UTF-8", 0);
        let pair = Pair::new(doc("left", &text.left), doc("right", &text.right));
        group.throughput(Throughput::Elements(n as u64));
        group.sample_size(10);
        group.bench_with_input(BenchmarkId::from_parameter(n), &pair, |b, pair| b.iter(|| review::check(pair)));
    }
    group.finish();
}

/// From the aligned pair and its flags to the bytes of a file: rows gathered, then written.
fn export_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    let text = synth::interview_pair(120_000, 42);
    let doc = |name: &str, t: &str| Document::from_text(name, t, "UTF-8", 0);
    let pair = Pair::new(doc("left.txt", &text.left), doc("right.txt", &text.right));
    let flags = review::check(&pair);
    let rows = pair.alignment.links.len();
    group.throughput(Throughput::Elements(rows as u64));
    group.sample_size(10);
    for format in Format::ALL {
        group.bench_function(BenchmarkId::new(format.name(), rows), |b| {
            b.iter(|| {
                let prepared = export::prepare(&pair, &Annotations::default(), &flags, &Options::default());
                export::to_bytes(&prepared, format, &Progress::default()).expect("written")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, align_bench, split_bench, check_bench, export_bench);
criterion_main!(benches);
