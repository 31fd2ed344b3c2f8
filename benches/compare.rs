//! Compare budgets: one comparison of two articles (opened interactively, so well under
//! a frame), and corpus-wide suggestions at 100,000 documents.

use dossier::model::compare::{compare, suggest, suggest_for};
use dossier::model::{Corpus, Document, Kind, Period};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn compare_two_seed_articles(bencher: divan::Bencher) {
    let corpus = Corpus::seeds();
    let (a, b) = (
        corpus.find("004").unwrap_or(0),
        corpus.find("000").unwrap_or(1),
    );
    bencher.bench(|| compare(&corpus, a, b));
}

/// 100,000 made-up review documents over 20 years, three outlets.
fn reviews(n: usize) -> Corpus {
    let sources = ["VNA", "VNS", "QDND"];
    let documents = (0..n)
        .map(|i| {
            let year = 2006 + (i % 20) as i32;
            let (kind, period) = match i % 5 {
                0 => (Kind::AnnualReview, Period::Year(year)),
                4 => (Kind::Other, Period::Year(year)),
                k => (
                    Kind::HalfYearReview,
                    Period::Half {
                        year,
                        half: 1 + (k % 2) as u8,
                    },
                ),
            };
            Document {
                id: format!("doc{i:06}"),
                kind,
                period: Some(period),
                source: Some(sources[i % 3].to_owned()),
                ..Document::default()
            }
        })
        .collect();
    Corpus::new(documents, Vec::new(), Vec::new(), Vec::new(), Vec::new())
}

#[divan::bench(sample_count = 5)]
fn suggest_100k(bencher: divan::Bencher) {
    let corpus = reviews(100_000);
    bencher.bench(|| suggest(&corpus));
}

#[divan::bench(sample_count = 10)]
fn suggest_for_one_of_100k(bencher: divan::Bencher) {
    let corpus = reviews(100_000);
    bencher.bench(|| suggest_for(&corpus, 12_345));
}
