//! Alignment speed on generated interviews of 1k, 10k and 100k turns per side (turns/second) and on
//! a generated parliamentary record of 10k, 50k and 120k turns a side, sentences and words matched
//! inside the rows of a 10k-turn interview, the
//! review checks on 10k and 120k turns per side and on one turn of a megabyte, exports of 120k rows to every format, and the
//! reading of a 300-page Word file.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tandem::core::document::{Document, Pair};
use tandem::core::edit::Annotations;
use tandem::core::export::{self, Format, Options, Progress};
use tandem::core::{align, formats, review, synth, turns};

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

/// A generated bilingual parliamentary record (labels on their own line, capital headings, vote
/// lists, speeches cut or split on one side) at 10k, 50k and 120k turns a side: splitting both
/// texts into turns, then aligning them.
fn parliament_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("parliament");
    group.sample_size(10);
    for n in [10_000, 50_000, 120_000] {
        let pair = synth::parliament_pair(n, 42);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("split", n), &pair, |b, p| {
            b.iter(|| (turns::split(&p.left), turns::split(&p.right)))
        });
        let (l, r) = (turns::split(&pair.left), turns::split(&pair.right));
        group.bench_with_input(BenchmarkId::new("align", n), &(l, r), |b, (l, r)| b.iter(|| align::align(l, r)));
    }
    group.finish();
}

/// Sentences and words matched inside every row of a generated interview of 10,000 turns a
/// side (what the window computes off its UI thread whenever the pair changes).
fn inside_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("inside");
    group.sample_size(10);
    let pair = synth::interview_pair(10_000, 42);
    let (l, r) = (turns::split(&pair.left), turns::split(&pair.right));
    let alignment = align::align(&l, &r);
    group.throughput(Throughput::Elements(alignment.links.len() as u64));
    group.bench_function("10000", |b| b.iter(|| align::inside::Inside::compute(&l, &r, &alignment, || false)));
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
    // One paired turn of about 1 MB a side, full of numbers: matching them was quadratic once
    // (2 min 21 s for 10 MB a side).
    let long = |word: &str| -> String {
        let body: String = (1..=14_000).map(|k| format!("{word} {k} with 45,000 euros and 12% more. ")).collect();
        format!("Host: Hello.\n\nGuest: {body}\n")
    };
    let doc = |name: &str, t: &str| Document::from_text(name, t, "UTF-8", 0);
    let pair = Pair::new(doc("left", &long("Sentence")), doc("right", &long("Phrase")));
    group.bench_function("one_turn_of_1mb", |b| b.iter(|| review::check(&pair)));
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

/// A Word file of 300 pages (3,000 paragraphs of about 100 words, 1.9 MB of text), read and
/// turned into paragraphs.
fn read_bench(c: &mut Criterion) {
    use std::io::Write;
    let mut rng = synth::Rng::new(7);
    let mut body =
        String::from(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#);
    let words =
        ["the", "bakery", "opened", "in", "twenty", "fourteen", "with", "seven", "neighbours", "and", "an", "oven"];
    for k in 0..3_000 {
        body.push_str("<w:p><w:r>");
        if k % 2 == 0 {
            body.push_str(r#"<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Claire Morel: </w:t></w:r><w:r>"#);
        }
        body.push_str("<w:t>");
        for _ in 0..100 {
            body.push_str(words[rng.range(0, words.len())]);
            body.push(' ');
        }
        body.push_str("</w:t></w:r></w:p>");
    }
    body.push_str("</w:body></w:document>");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).expect("a part");
    zip.write_all(body.as_bytes()).expect("written");
    let bytes = zip.finish().expect("a zip").into_inner();
    let mut group = c.benchmark_group("read");
    group.sample_size(10);
    group.bench_function("docx_300_pages", |b| {
        b.iter(|| {
            let source = formats::read_bytes(std::path::Path::new("long.docx"), &bytes, None).expect("read");
            Document::from_text("long.docx", &source.text, "UTF-8", 0)
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    align_bench,
    parliament_bench,
    inside_bench,
    split_bench,
    check_bench,
    export_bench,
    read_bench
);
criterion_main!(benches);
