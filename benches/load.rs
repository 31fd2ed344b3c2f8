//! Whole-process loads through the real binary: start-up on the embedded seeds (the
//! regexes, automatons and word lists built once per process are counted here, unlike
//! the in-process benches) and a cold load of a generated corpus written to disk.
//! Cold runs pass `--no-cache`; warm runs read the cache of built models (a temporary
//! `XDG_CACHE_HOME`, written by one run before timing); one bench changes a file before
//! each run, so that the cache keeps all documents but one.
//! `DOSSIER_CORPUS_ARTICLES` sets the generated corpus' size (default 10,000; the
//! scale goals are stated at 100,000).

use dossier::model::synth;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

fn main() {
    divan::main();
}

/// The generated corpus on disk, written once per bench run into a temporary folder.
fn corpus_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let n = std::env::var("DOSSIER_CORPUS_ARTICLES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(10_000);
        let dir = tempfile::tempdir().expect("a temporary folder");
        synth::write_dir(&synth::corpus(n, 42), dir.path()).expect("the corpus is written");
        settle(&dir.path().join("gen"));
        dir
    })
    .path()
}

/// Dates the generated files an hour back: dossier caches no file changed a moment ago.
fn settle(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("the corpus folder") {
        date_back(&entry.expect("an entry").path());
    }
}

/// Dates one file an hour back.
fn date_back(path: &Path) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let file = std::fs::File::options().write(true).open(path);
    file.and_then(|f| f.set_modified(hour_ago))
        .expect("mtime set");
}

/// The cache folder of warm runs.
fn cache_home() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
        .path()
}

/// Runs `dossier ARGS` with no saved state and the benches' own cache folder, output thrown
/// away; fails loudly.
fn run(args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .arg("--no-state")
        .env("XDG_CACHE_HOME", cache_home())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("dossier runs");
    assert!(status.success(), "dossier {args:?} failed");
}

/// `dossier list` on the seeds, whole process (the seeds' start-up budget is 50 ms).
#[divan::bench(sample_count = 20)]
fn seeds_list_whole_process() {
    run(&["list", "--no-cache"]);
}

/// `dossier list` on the seeds, whole process, from the cache.
#[divan::bench(sample_count = 20)]
fn seeds_list_warm_whole_process(bencher: divan::Bencher) {
    run(&["list"]);
    bencher.bench(|| run(&["list"]));
}

/// `dossier list --corpus DIR` on the generated corpus, cold, whole process.
#[divan::bench(sample_count = 3)]
fn generated_list_whole_process(bencher: divan::Bencher) {
    let dir = corpus_dir().to_string_lossy().into_owned();
    bencher.bench(|| run(&["list", "--corpus", &dir, "--no-cache"]));
}

/// `dossier list --corpus DIR` on the generated corpus, warm (from the cache), whole process.
#[divan::bench(sample_count = 5)]
fn generated_list_warm_whole_process(bencher: divan::Bencher) {
    let dir = corpus_dir().to_string_lossy().into_owned();
    run(&["list", "--corpus", &dir]);
    bencher.bench(|| run(&["list", "--corpus", &dir]));
}

/// `dossier list --corpus DIR` on the generated corpus after one file changed, whole
/// process: the cache keeps the other documents, and entities and events are linked
/// again. Each sample edits the same file (its text alternates), so each one rebuilds.
#[divan::bench(sample_count = 5)]
fn generated_list_one_file_changed_whole_process(bencher: divan::Bencher) {
    let dir = corpus_dir().to_string_lossy().into_owned();
    let file = corpus_dir().join("gen/gen_000000.txt");
    let original = std::fs::read_to_string(&file).expect("a generated file");
    let edited = format!("{original}\n\nThe talks ended on Friday.\n");
    run(&["list", "--corpus", &dir]);
    let turn = std::sync::atomic::AtomicUsize::new(0);
    bencher
        .with_inputs(|| {
            let n = turn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let text = if n.is_multiple_of(2) {
                &edited
            } else {
                &original
            };
            std::fs::write(&file, text).expect("the file is written");
            date_back(&file);
        })
        .bench_values(|()| run(&["list", "--corpus", &dir]));
    // Restored and dated back, so that the benches after this one find it settled.
    std::fs::write(&file, original).expect("the file is restored");
    date_back(&file);
}
