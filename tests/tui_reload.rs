//! The corpus changes under the running interface (issue 14): a new article copied into
//! the folder shows with `--watch` by itself, and without it after `R`; the document the
//! reader had selected stays selected.

mod common;

use common::files::write_corpus;
use common::pty::{PATIENCE, Session, reader_title};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Made-up articles in a few outlets' styles.
const ARTICLES: &[(&str, &str)] = &[
    (
        "2025/harbour-drill.txt",
        "Harbour rescue drill tests two navies\n\nQuy Nhon, April 8 (Coastal Daily) – Rescue crews from two navies practised towing a disabled cargo ship out of the harbour mouth on Tuesday, the port authority said.\n\nThe drill ended with a joint review of radio procedures.\n",
    ),
    (
        "2025/cadet-exchange.md",
        "# Cadet exchange brings forty students to the academy\n\nNHA TRANG — Forty naval cadets from a partner country began a two-week stay at the naval academy on June 2, attending classes in navigation and seamanship.\n\nAcademy officials said the programme would run again next spring.\n",
    ),
    (
        "2025/field-hospital.txt",
        "Field hospital team returns from mission\n\nHanoi, 14 July 2025 — A level-two field hospital team came home on Monday after a year with a peacekeeping mission, the defence ministry reported.\n\nThe team treated more than three thousand patients during its tour.\n",
    ),
];

/// The article copied in while dossier runs.
const NEWCOMER: &str = "Demining course opens for army engineers\n\nQuang Tri, September 3, 2025 (Border News) – Thirty army engineers started a course on clearing unexploded ordnance on Wednesday, with instructors from three countries.\n\nThe course lasts six weeks and ends with a field test.\n";

/// Words of the newcomer's title short enough to fit the documents pane.
const NEWCOMER_SHOWN: &str = "Demining course opens";

/// A scratch home with the corpus under `corpus/`.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().expect("temp home");
    let corpus = home.path().join("corpus");
    write_corpus(&corpus, ARTICLES);
    (home, corpus)
}

/// Writes the newcomer next to the corpus, then moves it in, the way a copy lands
/// whole (a rename within one file system).
fn copy_in(home: &Path, corpus: &Path) {
    let staged = home.join("newcomer.txt");
    std::fs::write(&staged, NEWCOMER).expect("staged");
    std::fs::rename(&staged, corpus.join("2025/demining-course.txt")).expect("moved in");
}

/// Selects the field hospital report, the second document, and waits until the reader
/// shows it. The newcomer sorts before it (by title or by path), so a selection kept by
/// its place in the list instead of by document would move to another article.
fn select_hospital(s: &mut Session) {
    s.wait_loaded("Documents 3");
    s.send("j");
    let shown = s.wait_until(PATIENCE, |screen, _| {
        reader_title(screen).starts_with("Field hospital team")
    });
    assert!(shown.is_some(), "j did not select it:\n{}", s.screen());
}

#[test]
fn with_watch_a_new_file_shows_by_itself_and_the_selection_stays() {
    let (home, corpus) = setup();
    let c = corpus.to_str().expect("utf-8 path");
    let mut s = Session::start(&["--corpus", c, "--watch", "--no-state"], home.path());
    select_hospital(&mut s);
    let selected = reader_title(&s.screen());
    copy_in(home.path(), &corpus);
    let took = s.wait_until(PATIENCE, |screen, _| screen.contains(NEWCOMER_SHOWN));
    let took = took.unwrap_or_else(|| panic!("the new article never showed:\n{}", s.screen()));
    eprintln!("--watch: the new article showed after {took:?}");
    // The claim is 1 s; a debug build on a loaded CI machine gets headroom.
    assert!(took < Duration::from_secs(5), "showed only after {took:?}");
    let screen = s.wait_loaded("Documents 4");
    assert_eq!(
        reader_title(&screen),
        selected,
        "the selection moved:\n{screen}"
    );
    s.quit();
}

#[test]
fn without_watch_a_new_file_shows_after_r_only() {
    let (home, corpus) = setup();
    let c = corpus.to_str().expect("utf-8 path");
    let mut s = Session::start(&["--corpus", c, "--no-state"], home.path());
    select_hospital(&mut s);
    let selected = reader_title(&s.screen());
    copy_in(home.path(), &corpus);
    // Not watched: nothing arrives by itself (the watch test shows 1 s is enough).
    let early = s.wait_until(Duration::from_secs(2), |screen, _| {
        screen.contains(NEWCOMER_SHOWN)
    });
    assert_eq!(early, None, "arrived without R or --watch:\n{}", s.screen());
    let pressed = Instant::now();
    s.send("R");
    let shown = s.wait_until(PATIENCE, |screen, _| screen.contains(NEWCOMER_SHOWN));
    assert!(
        shown.is_some(),
        "R did not load the new article:\n{}",
        s.screen()
    );
    let took = pressed.elapsed();
    eprintln!("R: the new article showed after {took:?}");
    assert!(took < Duration::from_secs(5), "showed only after {took:?}");
    let screen = s.wait_loaded("Documents 4");
    assert_eq!(
        reader_title(&screen),
        selected,
        "the selection moved:\n{screen}"
    );
    s.quit();
}
