//! Loading one very large article (decoding, cleaning, metadata, entities, events), the
//! way `--corpus` loads a folder holding it: a 4 MB and a 15 MB generated prose file,
//! under the 16 MB limit. Goal: 15 MB in at most 5 s. The prose is the seeds' sentences
//! shuffled into new paragraphs with other names and numbers, so that paragraphs rarely
//! repeat, as in a long report or a book-length dump.

use dossier::model::source::{RawFile, decode};
use dossier::model::{Corpus, synth};

fn main() {
    divan::main();
}

/// Given names and family names mixed into the prose, so that names vary as they do in
/// a long document.
const FAMILY: &[&str] = &[
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo",
];
const GIVEN: &[&str] = &[
    "Van Minh",
    "Thi Lan",
    "Duc Anh",
    "Quoc Bao",
    "Hong Son",
    "Xuan Truong",
    "Minh Tuan",
    "Thanh Ha",
];
const RANKS: &[&str] = &[
    "Senior Colonel",
    "Major General",
    "Lieutenant General",
    "Colonel",
    "Rear Admiral",
];

/// A generated article of about `bytes` bytes.
fn prose(bytes: usize, seed: u64) -> Vec<u8> {
    let sentences: Vec<String> = synth::seed_paragraphs()
        .iter()
        .flat_map(|p| p.split(". ").map(str::to_owned).collect::<Vec<_>>())
        .filter(|s| s.len() > 30)
        .collect();
    let mut rng = synth::Rng::new(seed);
    let mut out = String::from("A long review of defence cooperation over the decades\n\n");
    while out.len() < bytes {
        for _ in 0..2 + rng.below(5) {
            let s = rng.pick(&sentences);
            let words: Vec<String> = s
                .split(' ')
                .map(|w| match w.parse::<u32>() {
                    Ok(_) => (1 + rng.below(3000)).to_string(),
                    Err(_) => w.to_owned(),
                })
                .collect();
            out.push_str(&words.join(" "));
            out.push_str(". ");
        }
        if rng.below(3) == 0 {
            out.push_str(&format!(
                "{} {} {} attended the meeting on the {}th day. ",
                rng.pick(RANKS),
                rng.pick(FAMILY),
                rng.pick(GIVEN),
                1 + rng.below(400)
            ));
        }
        out.push_str("\n\n");
    }
    out.into_bytes()
}

/// Decodes and builds the model of a corpus holding one file.
fn load(bytes: &[u8]) -> Corpus {
    let (text, warnings) = decode(bytes).expect("generated prose is an article");
    let file = RawFile {
        id: "large".into(),
        path: "large.txt".into(),
        text,
        warnings,
        stamp: None,
    };
    Corpus::build(vec![file], Vec::new())
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn load_4mb_article(bencher: divan::Bencher) {
    let bytes = prose(4 * 1024 * 1024, 7);
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| load(&bytes));
}

#[divan::bench(sample_count = 2, sample_size = 1)]
fn load_15mb_article(bencher: divan::Bencher) {
    let bytes = prose(15 * 1024 * 1024, 15);
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| load(&bytes));
}
