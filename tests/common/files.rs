//! Scratch folders: a home whose XDG folders are its own, corpora of made-up articles,
//! and a listing of every file with its size and modification time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Writes `files` (path relative to `dir` → text) under `dir`, creating folders.
pub fn write_corpus(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().expect("a parent folder")).expect("folder");
        std::fs::write(p, text).expect("article written");
    }
}

/// Every file and folder under `dir` (and `dir` itself) with its size and modification
/// time: equal listings before and after mean nothing was written there.
pub fn listing(dir: &Path) -> BTreeMap<PathBuf, (u64, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable folder") {
            let e = e.expect("folder entry");
            let m = e.metadata().expect("metadata");
            out.insert(e.path(), (m.len(), m.modified().expect("mtime")));
            if m.is_dir() {
                stack.push(e.path());
            }
        }
    }
    let m = std::fs::metadata(dir).expect("metadata");
    out.insert(dir.to_path_buf(), (m.len(), m.modified().expect("mtime")));
    out
}

/// The environment that keeps dossier inside a scratch `home`: `$HOME`, the three XDG
/// folders and the temporary folder all point into it, so no test reads or writes the
/// real user's files.
pub fn scratch_env(home: &Path) -> Vec<(&'static str, PathBuf)> {
    let tmp = home.join("tmp");
    std::fs::create_dir_all(&tmp).expect("temporary folder");
    vec![
        ("HOME", home.to_path_buf()),
        ("XDG_DATA_HOME", home.join("data")),
        ("XDG_CONFIG_HOME", home.join("config")),
        ("XDG_CACHE_HOME", home.join("cache")),
        ("TMPDIR", tmp),
    ]
}

/// Generated articles, each written this many times: generating 20,000 in a debug build
/// takes longer than loading them, and a numbered closing line keeps every file distinct
/// (exact copies would be set aside as copies).
const REUSE: usize = 10;

/// Writes `n` distinct generated articles (`dossier::model::synth`) under `dir`, a
/// thousand to a folder: a corpus large enough that the first documents show a while
/// before the whole corpus is built.
pub fn write_synth_corpus(n: usize, dir: &Path) {
    let made = dossier::model::synth::corpus(n.div_ceil(REUSE), 14);
    for i in 0..n {
        let sub = dir.join(format!("{:02}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).expect("folder");
        }
        let text = format!("{}\nArchive file {i}.\n", made[i / REUSE].text);
        std::fs::write(sub.join(format!("article-{i:06}.txt")), text).expect("article");
    }
}
