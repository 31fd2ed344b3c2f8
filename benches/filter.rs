//! Filter speed per keystroke, as a query grows one character at a time. Goal: ≤ 16 ms
//! per keystroke at 100k items.
//!
//! - The word filters the lists use: [`EventFilter`] on 100,000 generated events and
//!   [`DocFilter`] on 100,000 generated articles (titles, outlets, periods, entity names,
//!   and body words through the corpus search index), each keystroke a fresh search.
//! - The skim [`FuzzyIndex`] (kept for short lists of names) on 10k, 100k and 1M
//!   generated event lines (~100 chars, English and Vietnamese, with and without
//!   diacritics), fresh and incremental, and a comparison with `fzf --filter`.
//!
//! After the divan benches, a table per keystroke for each.

use dossier::model::clean::{self, Lexicon, Vocabulary};
use dossier::model::filter::{DocFilter, EventFilter, FuzzyIndex, Searcher};
use dossier::model::search::SearchIndex;
use dossier::model::{Corpus, Document, entities, meta, synth};
use rayon::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Queries typed one key at a time; each has 8 characters.
const QUERIES: [&str; 3] = ["border 9", "hoi nghi", "chien 25"];
/// Rows a UI shows at most.
const LIMIT: usize = 200;
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// Items of the word-filter benches.
const WORD_ITEMS: usize = 100_000;
/// Queries typed into the documents filter.
const DOC_QUERIES: [&str; 3] = ["border g", "xiangsha", "chien 25"];

fn main() {
    divan::main();
    word_report();
    report();
}

/// 100,000 generated events in a corpus of their own, and their filter.
fn event_filter() -> &'static (Corpus, EventFilter) {
    static F: OnceLock<(Corpus, EventFilter)> = OnceLock::new();
    F.get_or_init(|| {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let (events, documents) = (0..WORD_ITEMS)
            .map(|i| event_lines::event(&mut rng, i))
            .unzip();
        let corpus = Corpus::new(documents, Vec::new(), Vec::new(), events, Vec::new());
        let filter = EventFilter::for_corpus(&corpus);
        (corpus, filter)
    })
}

/// 100,000 generated articles, cleaned, with metadata and entities (no events).
fn doc_corpus() -> &'static (Corpus, Arc<SearchIndex>) {
    static C: OnceLock<(Corpus, Arc<SearchIndex>)> = OnceLock::new();
    C.get_or_init(|| {
        let files = synth::corpus(WORD_ITEMS, 42);
        let lex = Lexicon::embedded();
        let vocab = Vocabulary::from_texts(files.iter().map(|f| f.text.as_str()));
        let docs: Vec<Document> = files
            .par_iter()
            .map(|f| {
                let cleaned = clean::clean(&f.text, lex, &vocab);
                let mut d = cleaned.doc;
                d.id.clone_from(&f.id);
                meta::annotate(&mut d, &cleaned.stamps);
                d
            })
            .collect();
        let (ents, mentions) = entities::extract(&docs);
        let index = Arc::new(SearchIndex::build(&docs));
        (
            Corpus::new(docs, ents, mentions, Vec::new(), Vec::new()),
            index,
        )
    })
}

fn doc_filter() -> &'static DocFilter {
    static F: OnceLock<DocFilter> = OnceLock::new();
    F.get_or_init(|| {
        let (corpus, index) = doc_corpus();
        DocFilter::build(corpus, Some(Arc::clone(index)))
    })
}

/// Typing the three event queries, a fresh search per keystroke (24 searches).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn word_filter_events_typing_100k(bencher: divan::Bencher) {
    let (_, f) = event_filter();
    bencher.bench(|| {
        for q in QUERIES {
            for k in 1..=q.len() {
                divan::black_box(f.search(&q[..k], LIMIT));
            }
        }
    });
}

/// Typing the three document queries, a fresh search per keystroke (24 searches).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn word_filter_documents_typing_100k(bencher: divan::Bencher) {
    let f = doc_filter();
    bencher.bench(|| {
        for q in DOC_QUERIES {
            for k in 1..=q.len() {
                divan::black_box(f.search(&q[..k], LIMIT));
            }
        }
    });
}

/// Building the events filter over 100,000 events (every core).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn build_event_filter_100k(bencher: divan::Bencher) {
    let (corpus, _) = event_filter();
    bencher.bench(|| EventFilter::for_corpus(corpus));
}

/// Building the documents filter over 100,000 articles (every core; the search index
/// it shares with corpus search is built once, outside).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn build_doc_filter_100k(bencher: divan::Bencher) {
    let (corpus, index) = doc_corpus();
    bencher.bench(|| DocFilter::build(corpus, Some(Arc::clone(index))));
}

/// Counts the matches of a query.
type Counter<'a> = &'a dyn Fn(&str) -> usize;

/// Per-keystroke tables of the word filters (best of 3 per keystroke).
fn word_report() {
    println!("\nword filters, per keystroke (ms, best of 3; limit {LIMIT}) [matches]");
    let (_, events) = event_filter();
    let docs = doc_filter();
    let lists: [(&str, &[&str], Counter); 2] = [
        ("events", &QUERIES, &|q| events.search(q, LIMIT).total),
        ("documents", &DOC_QUERIES, &|q| docs.search(q, LIMIT).total),
    ];
    for (name, queries, search) in lists {
        let mut all = Vec::new();
        for q in queries {
            let mut row = format!("{name:>10} {q:?}:");
            for k in 1..=q.len() {
                let mut total = 0;
                let t = best(3, || total = search(&q[..k]));
                row.push_str(&format!(" {:.1}[{total}]", ms(t)));
                all.push(ms(t));
            }
            println!("{row}");
        }
        all.sort_by(f64::total_cmp);
        println!(
            "{name:>10} 100k: median keystroke {:.1} ms, worst {:.1} ms",
            all[all.len() / 2],
            all[all.len() - 1]
        );
    }
}

#[path = "common/event_lines.rs"]
mod event_lines;
use event_lines::{Rng, line};

fn lines(n: usize) -> &'static [String] {
    static ALL: OnceLock<Vec<String>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        (0..SIZES[2]).map(|_| line(&mut rng)).collect()
    });
    &all[..n]
}

fn index(n: usize) -> &'static FuzzyIndex {
    static INDEXES: OnceLock<Vec<FuzzyIndex>> = OnceLock::new();
    let all = INDEXES.get_or_init(|| SIZES.iter().map(|&n| FuzzyIndex::new(lines(n))).collect());
    &all[SIZES.iter().position(|&s| s == n).unwrap_or(0)]
}

/// Typing all three queries from scratch, one fresh search per keystroke (24 searches).
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn typing_fresh(bencher: divan::Bencher, n: usize) {
    let idx = index(n);
    bencher.bench(|| {
        for q in QUERIES {
            for k in 1..=q.len() {
                divan::black_box(idx.search_top(&q[..k], LIMIT));
            }
        }
    });
}

/// Typing all three queries with a `Searcher` that narrows incrementally (24 searches).
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn typing_incremental(bencher: divan::Bencher, n: usize) {
    let idx = index(n);
    bencher.bench(|| {
        for q in QUERIES {
            let mut s = Searcher::new();
            for k in 1..=q.len() {
                divan::black_box(s.search(idx, &q[..k], LIMIT));
            }
        }
    });
}

/// Folding and masking the items once at load.
#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn build_index(bencher: divan::Bencher, n: usize) {
    let items = lines(n);
    bencher.bench(|| FuzzyIndex::new(items));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The best of `reps` timings of `f`.
fn best<T>(reps: usize, mut f: impl FnMut() -> T) -> Duration {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Per-keystroke table, then the fzf comparison.
fn report() {
    // DOSSIER_BENCH_QUICK=1: the 100k table only, no fzf (for quick checks while tuning).
    let quick = std::env::var_os("DOSSIER_BENCH_QUICK").is_some();
    println!("\nper keystroke (ms, best of 3; limit {LIMIT}): fresh / incremental [matches]");
    for n in SIZES {
        if quick && n != 100_000 {
            continue;
        }
        let idx = index(n);
        let mut worst = (0.0f64, 0.0f64);
        for q in QUERIES {
            let mut row = format!("{n:>9} {q:?}:");
            let mut inc = vec![Duration::MAX; q.len()];
            for _ in 0..3 {
                let mut s = Searcher::new();
                for k in 1..=q.len() {
                    let t = Instant::now();
                    std::hint::black_box(s.search(idx, &q[..k], LIMIT));
                    inc[k - 1] = inc[k - 1].min(t.elapsed());
                }
            }
            for k in 1..=q.len() {
                let fresh = best(3, || idx.search_top(&q[..k], LIMIT));
                row.push_str(&format!(" {:.1}/{:.1}", ms(fresh), ms(inc[k - 1])));
                let total = Searcher::new().search(idx, &q[..k], 1).total;
                row.push_str(&format!("[{total}]"));
                worst = (worst.0.max(ms(fresh)), worst.1.max(ms(inc[k - 1])));
            }
            println!("{row}");
        }
        println!(
            "{n:>9} worst keystroke: fresh {:.1} ms, incremental {:.1} ms",
            worst.0, worst.1
        );
    }
    if !quick {
        compare_with_fzf();
    }
}

/// Times `fzf --filter` as a whole process on the same lines, against dossier's fresh
/// search and against a whole load (fold + index + full ranked search with positions).
fn compare_with_fzf() {
    if Command::new("fzf").arg("--version").output().is_err() {
        println!("\nfzf not found: comparison skipped (Debian package fzf)");
        return;
    }
    for n in [100_000, 1_000_000] {
        let path = std::env::temp_dir().join(format!("dossier-filter-bench-{n}.txt"));
        let written = std::fs::File::create(&path).and_then(|mut f| {
            for l in lines(n) {
                writeln!(f, "{l}")?;
            }
            Ok(())
        });
        if let Err(e) = written {
            println!(
                "\ncannot write {}: {e}; fzf comparison skipped",
                path.display()
            );
            return;
        }
        let (mut fzf, mut ours, mut whole) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        let q = QUERIES[0];
        for k in 1..=q.len() {
            let query = &q[..k];
            fzf += best(2, || {
                let input = std::fs::File::open(&path).map(Stdio::from);
                input.and_then(|input| {
                    Command::new("fzf")
                        .args(["--filter", query])
                        .env_remove("FZF_DEFAULT_OPTS")
                        .stdin(input)
                        .stdout(Stdio::null())
                        .status()
                })
            });
            ours += best(2, || index(n).search_top(query, LIMIT));
            whole += best(1, || {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                FuzzyIndex::new(text.lines()).search(query).len()
            });
        }
        let per = |d: Duration| ms(d) / q.len() as f64;
        println!(
            "\n{n} lines, query {q:?} typed 1..8, mean per keystroke:\n  fzf --filter (process): {:.1} ms\n  dossier search_top:     {:.1} ms  → {:.1}x faster than fzf\n  dossier load+index+full search: {:.1} ms → {:.1}x faster than fzf",
            per(fzf),
            per(ours),
            per(fzf) / per(ours),
            per(whole),
            per(fzf) / per(whole)
        );
        let _ = std::fs::remove_file(&path);
    }
}
