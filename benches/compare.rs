//! Compare budgets: one comparison of two articles (opened interactively, so well under
//! a frame), two half-megabyte articles (near-linear work, bounded memory), and
//! corpus-wide suggestions at 100,000 documents.

use dossier::model::compare::{compare, suggest, suggest_for};
use dossier::model::source::RawFile;
use dossier::model::synth::{Rng, seed_paragraphs};
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

/// A made-up article of about `bytes` bytes: seed paragraphs, each followed by a
/// numbered sentence dense with counts, editions and rotations, so no two paragraphs
/// are alike and every row has many values to link.
fn long_article(bytes: usize, rng: &mut Rng) -> String {
    let paras = seed_paragraphs();
    let mut out = String::new();
    let mut i = 0;
    while out.len() < bytes {
        i += 1;
        let p: &String = rng.pick(&paras);
        out.push_str(p);
        out.push_str(&format!(
            " In phase {i}, the force sent {} officers, {} engineers and {} doctors to {} locations, and the {}th Vietnam–Laos Border Defence Friendship Exchange linked {} border posts; Rotation {i} left.\n\n",
            2 + rng.below(900),
            2 + rng.below(900),
            2 + rng.below(900),
            2 + rng.below(90),
            1 + rng.below(40),
            2 + rng.below(60),
        ));
    }
    out
}

#[divan::bench(sample_count = 5)]
fn compare_two_half_megabyte_articles(bencher: divan::Bencher) {
    let mut rng = Rng::new(11);
    let files = ["big_a", "big_b"]
        .into_iter()
        .map(|id| RawFile {
            id: id.to_owned(),
            path: format!("{id}.txt"),
            text: long_article(512 * 1024, &mut rng),
            warnings: Vec::new(),
            stamp: None,
        })
        .collect();
    let corpus = Corpus::build(files, Vec::new());
    bencher.bench(|| compare(&corpus, 0, 1));
}

/// 100,000 made-up review documents over 20 years, three outlets, each with a body of
/// two or three seed paragraphs, so content profiles cost what they would.
fn reviews(n: usize) -> Corpus {
    let sources = ["VNA", "VNS", "QDND"];
    let paras = seed_paragraphs();
    let mut rng = Rng::new(5);
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
            let body = (0..2 + rng.below(2))
                .map(|_| rng.pick(&paras).clone())
                .collect();
            Document {
                id: format!("doc{i:06}"),
                kind,
                period: Some(period),
                source: Some(sources[i % 3].to_owned()),
                body,
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
