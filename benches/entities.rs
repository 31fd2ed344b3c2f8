//! Entity extraction throughput on one core, on the generated corpus: documents are
//! built once outside the timed part, then `extract` is timed alone.

use dossier::model::{Corpus, entities, synth};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5)]
fn extract_10000_articles_one_core(bencher: divan::Bencher) {
    let corpus = Corpus::build(synth::corpus(10_000, 42), Vec::new());
    let docs = corpus.documents;
    let bytes: usize = docs
        .iter()
        .flat_map(|d| d.fields().map(|(_, t)| t.len()))
        .sum();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| pool.install(|| entities::extract(&docs)));
}
