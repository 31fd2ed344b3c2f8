//! Ingest throughput: raw text → full model, on a generated corpus.

use dossier::model::{Corpus, synth};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5)]
fn build_1000_articles(bencher: divan::Bencher) {
    let files = synth::corpus(1000, 42);
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .with_inputs(|| files.clone())
        .bench_values(|f| Corpus::build(f, Vec::new()));
}
