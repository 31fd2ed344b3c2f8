//! Keys typed while only the first documents of a large corpus are shown are not lost
//! when the whole corpus replaces them (the real binary, a generated corpus): a
//! comparison opened on the preview stays open, and a filter being typed goes on
//! taking the keys that follow.

mod common;

use common::files::write_synth_corpus;
use common::pty::{PATIENCE, Session, loading};

/// Enough articles that a debug build shows the first documents seconds before the
/// whole corpus is built.
const ARTICLES: usize = 3_000;

/// A session on a generated corpus, once its first documents show while it loads.
fn on_the_preview() -> (tempfile::TempDir, Session) {
    let home = tempfile::tempdir().expect("temp home");
    let corpus = home.path().join("corpus");
    write_synth_corpus(ARTICLES, &corpus);
    let c = corpus.to_str().expect("utf-8 path");
    let mut s = Session::start(&["--corpus", c, "--no-state"], home.path());
    let preview = s.wait_until(PATIENCE * 3, |screen, _| {
        loading(screen) && screen.lines().nth(1).is_some_and(|l| l.contains('●'))
    });
    assert!(preview.is_some(), "no preview:\n{}", s.screen());
    (home, s)
}

/// Waits until the corpus has loaded.
fn wait_done(s: &mut Session) -> String {
    let done = s.wait_until(PATIENCE * 3, |screen, _| !loading(screen));
    assert!(done.is_some(), "the load never ended:\n{}", s.screen());
    s.screen()
}

#[test]
fn a_comparison_opened_on_the_preview_stays_open_once_the_corpus_is_loaded() {
    let (_home, mut s) = on_the_preview();
    s.send("c");
    s.wait_for("with…");
    s.send("\r");
    let screen = s.wait_for("topic 1 of");
    assert!(
        loading(&screen),
        "the load ended before the comparison opened: nothing tested"
    );
    let screen = wait_done(&mut s);
    assert!(
        screen.lines().next().is_some_and(|l| l.contains("Compare")),
        "the comparison closed when the corpus arrived:\n{screen}"
    );
    s.quit();
}

#[test]
fn a_filter_typed_on_the_preview_takes_the_next_keys_once_the_corpus_is_loaded() {
    let (_home, mut s) = on_the_preview();
    s.send("/zq");
    let screen = s.wait_for("zq");
    assert!(
        loading(&screen),
        "the load ended before the filter was typed: nothing tested"
    );
    wait_done(&mut s);
    // Still typing: these are letters of the filter, not commands (c would open the
    // picker).
    s.send("cx");
    let screen = s.wait_for("zqcx");
    assert!(!screen.contains("with…"), "{screen}");
    s.send("\r");
    s.quit();
}
