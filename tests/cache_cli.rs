//! The cache of built models through the real binary: exports are byte-identical with and
//! without it (also after files changed, when unchanged documents are kept), a damaged
//! cache costs one warning, and `--no-cache` writes nothing.

use dossier::model::synth;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

fn dossier(cache_home: &Path, args: &[&str]) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .arg("--no-state")
        .env("XDG_CACHE_HOME", cache_home)
        .env("NO_COLOR", "1")
        .output()
        .expect("dossier runs");
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The cache files dossier wrote under `cache_home`.
fn cache_files(cache_home: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(cache_home.join("dossier")) else {
        return Vec::new();
    };
    entries.map(|e| e.expect("an entry").path()).collect()
}

/// A generated corpus whose files were last changed an hour ago (settled, so cacheable).
fn generated(dir: &Path, articles: usize) {
    synth::write_dir(&synth::corpus(articles, 11), dir).expect("the corpus is written");
    settle(&dir.join("gen"));
}

/// Dates every file in `dir` an hour back, as files that have settled.
fn settle(dir: &Path) {
    let files = fs::read_dir(dir).expect("the corpus folder");
    settle_files(files.map(|e| e.expect("an entry").path()));
}

/// Dates `files` an hour back.
fn settle_files(files: impl Iterator<Item = PathBuf>) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for path in files {
        let file = fs::File::options().write(true).open(path).expect("a file");
        file.set_modified(hour_ago).expect("mtime set");
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn exports_are_the_same_with_and_without_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("cache");
    let corpus = tmp.path().join("corpus");
    generated(&corpus, 150);
    let corpus = corpus.to_str().unwrap();
    for args in [vec!["export"], vec!["export", "--corpus", corpus]] {
        let uncached = dossier(&home, &[&args[..], &["--no-cache"]].concat());
        let cold = dossier(&home, &args);
        let warm = dossier(&home, &args);
        assert!(
            uncached.stdout == cold.stdout,
            "{args:?}: cold export differs"
        );
        assert!(
            uncached.stdout == warm.stdout,
            "{args:?}: warm export differs"
        );
        assert_eq!(stderr(&warm), stderr(&uncached), "{args:?}");
    }
    assert_eq!(
        cache_files(&home).len(),
        2,
        "one file for the seeds, one for the folder"
    );
}

/// A short report using `word` (not in the word list) `times` times.
fn report(word: &str, times: usize) -> String {
    format!(
        "Navies meet in Vung Tau\n\nVUNG TAU, May 2 (Southern Wire) - Naval officers of \
         three countries met here on Thursday.{}\n",
        " They spoke of WORD.".replace("WORD", word).repeat(times)
    )
}

#[test]
fn a_changed_folder_exports_as_if_built_from_scratch() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("cache");
    let folder = tmp.path().join("corpus");
    fs::create_dir(&folder).unwrap();
    let towns = [
        "Vung Tau",
        "Quy Nhon",
        "Phan Thiet",
        "Rach Gia",
        "Ha Tien",
        "Cam Ranh",
    ];
    for (i, town) in towns.iter().enumerate() {
        let text = format!(
            "Patrol boats visit {town}\n\n{}, May {} (Southern Wire) - Two patrol boats \
             called at {town} on Monday for a three-day visit.\n",
            town.to_uppercase(),
            i + 1
        );
        fs::write(folder.join(format!("r{i}.txt")), text).unwrap();
    }
    // Kept files that carry a warning and depend on the corpus' word counts.
    fs::write(
        folder.join("lossy.txt"),
        b"Drills at sea\n\nThe fleet \xff sailed at dawn.\n",
    )
    .unwrap();
    fs::write(folder.join("glued.txt"), report("seastrength", 1)).unwrap();
    settle(&folder);
    let corpus = folder.to_str().unwrap();
    let export = ["export", "--corpus", corpus];
    dossier(&home, &export);
    // One file edited, one removed, and two added that make "seastrength" a word of
    // the corpus, which changes how the kept glued.txt is cleaned.
    let edited = folder.join("r1.txt");
    let text = fs::read_to_string(&edited).unwrap() + "\nThe visit ended on Thursday.\n";
    fs::write(&edited, text).unwrap();
    fs::remove_file(folder.join("r2.txt")).unwrap();
    fs::write(folder.join("more_a.txt"), report("seastrength", 1)).unwrap();
    fs::write(folder.join("more_b.txt"), report("seastrength", 1)).unwrap();
    let changed = ["r1.txt", "more_a.txt", "more_b.txt"];
    settle_files(changed.iter().map(|f| folder.join(f)));
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(export)
        .arg("--no-state")
        .env("XDG_CACHE_HOME", &home)
        .env("DOSSIER_TIMINGS", "1")
        .output()
        .expect("dossier runs");
    assert!(o.status.success());
    // Eight files, one edited and one removed, two added: nine. Of the six left
    // unchanged, glued.txt is cleaned again: its glued word is now a word of the corpus.
    assert!(
        stderr(&o).contains("kept 5 of 9 documents unchanged"),
        "{}",
        stderr(&o)
    );
    let uncached = dossier(&home, &[&export[..], &["--no-cache"]].concat());
    assert!(o.stdout == uncached.stdout, "the export differs");
    let out = String::from_utf8_lossy(&uncached.stdout);
    assert!(out.contains("spoke of seastrength"), "no longer split");
    assert!(!out.contains("sea strength"));
    assert!(out.contains("ended on Thursday"));
    let warnings = |err: &str| -> Vec<String> {
        err.lines()
            .filter(|l| !l.starts_with("dossier: timing"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(warnings(&stderr(&o)), warnings(&stderr(&uncached)));
    assert!(
        stderr(&uncached).contains("lossy.txt"),
        "{}",
        stderr(&uncached)
    );
    let warm = dossier(&home, &export);
    assert!(warm.stdout == uncached.stdout, "the warm export differs");
}

#[test]
fn a_damaged_cache_costs_one_warning_and_is_written_anew() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("cache");
    let corpus = tmp.path().join("corpus");
    generated(&corpus, 20);
    let corpus = corpus.to_str().unwrap();
    let good = dossier(&home, &["list", "--corpus", corpus]);
    let files = cache_files(&home);
    let [file] = &files[..] else {
        panic!("one cache file expected");
    };
    let saved = fs::read(file).unwrap();
    for damage in [
        saved[..saved.len() / 3].to_vec(),
        b"\x1b]0;title\x07junk".to_vec(),
    ] {
        fs::write(file, damage).unwrap();
        let o = dossier(&home, &["list", "--corpus", corpus]);
        assert_eq!(o.stdout, good.stdout);
        let err = stderr(&o);
        let warnings: Vec<&str> = err.lines().filter(|l| l.contains("cache")).collect();
        assert_eq!(warnings.len(), 1, "{err}");
        assert!(
            warnings[0].starts_with("dossier: warning: the cache"),
            "{err}"
        );
        assert!(!err.contains('\x1b'), "{err:?}");
        let again = dossier(&home, &["list", "--corpus", corpus]);
        assert!(
            !stderr(&again).contains("cache"),
            "written anew: {}",
            stderr(&again)
        );
    }
}

#[test]
fn no_cache_reads_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("cache");
    dossier(&home, &["list", "--no-cache"]);
    assert!(!home.exists());
}
