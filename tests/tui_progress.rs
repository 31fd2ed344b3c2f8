//! A large corpus through the real binary (issue 14): the interface shows how far loading
//! has got ("reading 1,200 / 20,000 files") at once, and the first documents before the
//! whole corpus is built. The corpus is written into a temporary folder from the benches'
//! generator (`dossier::model::synth`); `DOSSIER_TEST_ARTICLES` changes its size.

mod common;

use common::files::write_synth_corpus as write_corpus;
use common::pty::{PATIENCE, Session};
use dossier::model::load::thousands;
use std::time::{Duration, Instant};

/// The corpus size. The claim is about 20,000 articles; a debug build (what
/// `cargo test` runs) spends about 30 s on 20,000 before the first document is built
/// (reading every file with its word list and content hash, then the vocabulary), a release build about
/// 2 s, so CI uses a tenth, and `DOSSIER_TEST_ARTICLES=20000 cargo test --release --test
/// tui_progress` checks the claim itself.
const ARTICLES: usize = 2_000;

/// A progress line naming `total`: reading files, building documents or linking them.
fn progress_line(screen: &str, total: &str) -> Option<String> {
    let stages = [
        format!(" / {total} files"),
        format!(" / {total} documents"),
        format!("across {total} documents"),
    ];
    screen
        .lines()
        .find(|l| stages.iter().any(|s| l.contains(s.as_str())))
        .map(str::to_owned)
}

/// The number of documents in the documents pane's title, `┌ Documents N`.
fn documents_shown(screen: &str) -> Option<usize> {
    let rest = screen.split("Documents ").nth(1)?;
    let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
    n.parse().ok()
}

#[test]
fn a_large_corpus_shows_progress_at_once_and_documents_before_it_is_built() {
    let n = std::env::var("DOSSIER_TEST_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(ARTICLES);
    let total = thousands(n);
    let home = tempfile::tempdir().expect("temp home");
    let corpus = home.path().join("corpus");
    let made = Instant::now();
    write_corpus(n, &corpus);
    eprintln!("wrote {total} articles in {:?}", made.elapsed());

    let c = corpus.to_str().expect("utf-8 path");
    let mut s = Session::start(&["--corpus", c, "--no-state"], home.path());
    let progress = s.wait_until(PATIENCE, |screen, _| {
        progress_line(screen, &total).is_some()
    });
    let progress = progress.map(|_| s.started.elapsed());
    eprintln!("progress shown after {progress:?}");
    let screen = s.screen();
    let progress = progress.unwrap_or_else(|| panic!("no progress line:\n{screen}"));
    // The claim is 100 ms; a debug build on a loaded CI machine gets headroom.
    assert!(progress < Duration::from_secs(3), "{progress:?}");

    // The first screen: documents listed while the progress line still shows (building
    // the first batch in a debug build takes seconds: more patience).
    let early = s.wait_until(PATIENCE * 3, |screen, _| {
        documents_shown(screen).is_some_and(|d| d > 0) && progress_line(screen, &total).is_some()
    });
    let screen = s.screen();
    assert!(
        early.is_some(),
        "no documents before the load ended:\n{screen}"
    );
    eprintln!("first documents after {:?}", s.started.elapsed());
    let shown = documents_shown(&screen).unwrap_or_default();
    assert!(shown < n, "{shown} documents: the whole corpus was there");
    assert!(
        screen.contains("Reader") && screen.lines().nth(1).is_some_and(|l| l.contains("●")),
        "the list shows a document:\n{screen}"
    );
    s.quit();
}
