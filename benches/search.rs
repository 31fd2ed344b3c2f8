//! Search speed: the corpus index built over 100,000 generated articles (both cores),
//! queries against it (words, phrases, a prefix, a miss), and reader search in one
//! 50,000-word article. Goals: build ≤ 10 s, median query ≤ 20 ms, reader ≤ 5 ms.
//! After the divan benches, a table of each query's time and match count, and the
//! index' size.

use dossier::model::clean::{self, Lexicon, Vocabulary};
use dossier::model::search::{self, SearchIndex, SearchQuery, find_in_document};
use dossier::model::{Document, synth};
use rayon::prelude::*;
use std::hint::black_box;
use std::sync::OnceLock;
use std::time::Instant;

#[path = "common/cpu.rs"]
mod cpu;

/// Articles in the generated corpus.
const ARTICLES: usize = 100_000;
/// Words in the long article of the reader bench.
const LONG_WORDS: usize = 50_000;
/// Results asked for per query (a screenful and more).
const LIMIT: usize = 50;

/// Queries as typed: common and rare words, several words, phrases, a prefix, a miss.
const QUERIES: [&str; 10] = [
    "defence",
    "xiangshan",
    "border guard",
    "\"border defence friendship exchange\"",
    "\"international integration\" hanoi",
    "peacekeeping",
    "hoang xuan chien",
    "defen*",
    "conference 2019",
    "nonexistentword",
];

fn main() {
    divan::main();
    report();
}

/// The generated articles, cleaned (the text the index sees), built once.
fn documents() -> &'static [Document] {
    static DOCS: OnceLock<Vec<Document>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let files = synth::corpus(ARTICLES, 42);
        let lex = Lexicon::embedded();
        let vocab = Vocabulary::from_texts(files.iter().map(|f| f.text.as_str()));
        files
            .par_iter()
            .map(|f| clean::clean(&f.text, lex, &vocab).doc)
            .collect()
    })
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(documents()))
}

/// One article of about 50,000 words: the generated articles' paragraphs in a row.
fn long_article() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut body = Vec::new();
        let mut words = 0;
        for p in documents().iter().flat_map(|d| &d.body) {
            if words >= LONG_WORDS {
                break;
            }
            words += p.split_whitespace().count();
            body.push(p);
        }
        Document {
            body: body.into_iter().collect(),
            title_derived: true,
            ..Document::default()
        }
    })
}

/// Indexing 100,000 articles on every core.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn build_index_100k(bencher: divan::Bencher) {
    let docs = documents();
    bencher.bench(|| SearchIndex::build(docs));
}

/// One query, ranked, with the best sentence of each of the top 50 hits.
#[divan::bench(args = QUERIES, sample_count = 20, sample_size = 1)]
fn query_100k(bencher: divan::Bencher, q: &str) {
    let (docs, idx) = (documents(), index());
    let query = SearchQuery::parse(q);
    bencher.bench(|| search::search(docs, idx, &query, false, LIMIT));
}

/// The reader's `/`: every hit of a word in a 50,000-word article.
#[divan::bench(args = ["defence", "\"border guard\"", "xiangshan"], sample_count = 20)]
fn reader_50k_words(bencher: divan::Bencher, q: &str) {
    let doc = long_article();
    let query = SearchQuery::parse(q);
    bencher.bench(|| find_in_document(black_box(doc), &query, true));
}

/// Per-query table (best of 5, and with related tails), the median, and sizes.
fn report() {
    let docs = documents();
    let (wall, c) = (Instant::now(), cpu::seconds());
    drop(black_box(SearchIndex::build(docs)));
    println!(
        "\nindex build: {:.2} s wall, {:.2} s CPU over all threads",
        wall.elapsed().as_secs_f64(),
        cpu::seconds() - c
    );
    let idx = index();
    let bytes: usize = docs
        .iter()
        .map(|d| {
            d.body.iter().map(str::len).sum::<usize>()
                + d.captions.iter().map(str::len).sum::<usize>()
        })
        .sum();
    println!(
        "{} articles, {:.0} MB of article text; index: {} words, {:.0} MB of postings",
        docs.len(),
        bytes as f64 / 1e6,
        idx.terms(),
        idx.postings_bytes() as f64 / 1e6
    );
    let mut times = Vec::new();
    for q in QUERIES {
        let query = SearchQuery::parse(q);
        let time = |related: bool| {
            (0..5)
                .map(|_| {
                    let t = Instant::now();
                    black_box(search::search(docs, idx, &query, related, LIMIT));
                    t.elapsed().as_secs_f64() * 1e3
                })
                .fold(f64::MAX, f64::min)
        };
        let (plain, related) = (time(false), time(true));
        let c = cpu::seconds();
        for _ in 0..10 {
            black_box(search::search(docs, idx, &query, false, LIMIT));
        }
        let cpu_ms = (cpu::seconds() - c) * 100.0;
        let total = idx.rank(&query, false, 1).total;
        println!(
            "{q:>40}: {plain:6.2} ms ({related:6.2} ms with related; {cpu_ms:6.2} ms CPU) [{total} documents]"
        );
        times.push(plain);
    }
    times.sort_by(f64::total_cmp);
    println!("median query: {:.2} ms", times[times.len() / 2]);
    let words: usize = long_article().word_count();
    let query = SearchQuery::parse("defence");
    let t = Instant::now();
    let hits = find_in_document(long_article(), &query, true).len();
    println!(
        "reader search, {words} words: {:.2} ms ({hits} hits of \"defence\")",
        t.elapsed().as_secs_f64() * 1e3
    );
}
