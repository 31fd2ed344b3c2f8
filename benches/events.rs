//! Event timeline budget on the generated corpus: documents, entities and mentions are
//! built once outside the timed part, then `events::build` is timed alone. At 100,000
//! articles it must stay a few seconds (it was quadratic: 44 s before blocking).

use dossier::model::{Corpus, events, synth};

fn main() {
    divan::main();
}

/// Times `events::build` on a generated corpus of `n` articles.
fn bench_build(bencher: divan::Bencher, n: usize) {
    let corpus = Corpus::build(synth::corpus(n, 42), Vec::new());
    bencher.bench(|| events::build(&corpus.documents, &corpus.entities, &corpus.mentions));
}

#[divan::bench(sample_count = 5)]
fn build_10000_articles(bencher: divan::Bencher) {
    bench_build(bencher, 10_000);
}

#[divan::bench(sample_count = 2)]
fn build_100000_articles(bencher: divan::Bencher) {
    bench_build(bencher, 100_000);
}
