//! Alignment speed on generated interviews of 1k, 10k and 100k turns per side (turns/second).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::core::{align, synth, turns};

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

criterion_group!(benches, align_bench, split_bench);
criterion_main!(benches);
