//! The cache of built models through the real binary: exports are byte-identical with and
//! without it, a damaged cache costs one warning, and `--no-cache` writes nothing.

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
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in fs::read_dir(dir.join("gen")).expect("the corpus folder") {
        let path = entry.expect("an entry").path();
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
