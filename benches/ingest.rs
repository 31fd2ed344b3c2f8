//! Ingest throughput: raw text → full model, and the cleaning stage alone on one core,
//! on a generated corpus.

use dossier::model::clean::{self, Lexicon, Vocabulary};
use dossier::model::{Corpus, meta, synth};
use std::hint::black_box;

/// Articles in the generated corpus of the single-core benches.
const ARTICLES: usize = 10_000;

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

/// The cleaning stage on one core (goal: at least 50 MB/s of raw text).
#[divan::bench(sample_count = 5)]
fn clean_10000_articles_one_core(bencher: divan::Bencher) {
    let files = synth::corpus(ARTICLES, 42);
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let lex = Lexicon::embedded();
    let vocab = Vocabulary::from_texts(files.iter().map(|f| f.text.as_str()));
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            for f in &files {
                black_box(clean::clean(black_box(&f.text), lex, &vocab));
            }
        });
}

/// Documents with their metadata on one core: cleaning plus dates, period and kind
/// (everything `dossier list` and `show` need).
#[divan::bench(sample_count = 5)]
fn documents_10000_articles_one_core(bencher: divan::Bencher) {
    let files = synth::corpus(ARTICLES, 42);
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let lex = Lexicon::embedded();
    let vocab = Vocabulary::from_texts(files.iter().map(|f| f.text.as_str()));
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            for f in &files {
                let mut cleaned = clean::clean(black_box(&f.text), lex, &vocab);
                meta::annotate(&mut cleaned.doc, &cleaned.stamps);
                black_box(cleaned.doc);
            }
        });
}

/// Counting the corpus vocabulary (runs before cleaning, over every file).
#[divan::bench(sample_count = 5)]
fn vocabulary_10000_articles(bencher: divan::Bencher) {
    let files = synth::corpus(ARTICLES, 42);
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    Lexicon::embedded();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| Vocabulary::from_texts(files.iter().map(|f| f.text.as_str())));
}
