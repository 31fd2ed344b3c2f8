//! Keeps the cache folder from growing without end: a corpus' cache file is marked as used
//! each time it is read, and files no corpus has used for a month are deleted, as are
//! unfinished temporary files left by a run that was killed while writing.

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// How long a cache file may go unused before it is deleted.
pub(super) const UNUSED: Duration = Duration::from_secs(30 * 24 * 3600);
/// How old a temporary file must be before it is taken for a leftover.
const LEFTOVER: Duration = Duration::from_secs(24 * 3600);

/// Marks `file` as used now (its modification time), so that pruning keeps it.
pub(super) fn mark_used(file: &Path) {
    if let Ok(f) = fs::File::options().write(true).open(file) {
        let _ = f.set_modified(SystemTime::now());
    }
}

/// Deletes from `dir` the cache files unused for [`UNUSED`] and the temporary files older
/// than a day, except `keep`. Only dossier's own file names are touched.
pub(super) fn prune(dir: &Path, keep: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let limit = if name.starts_with("corpus-") && name.ends_with(".cache") {
            UNUSED
        } else if name.starts_with(".tmp") {
            LEFTOVER
        } else {
            continue;
        };
        let age = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|m| now.duration_since(m).ok());
        if path != keep && age.is_some_and(|a| a > limit) {
            let _ = fs::remove_file(&path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aged(dir: &Path, name: &str, age: Duration) -> std::path::PathBuf {
        let path = dir.join(name);
        fs::write(&path, b"x").unwrap();
        let f = fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(SystemTime::now() - age).unwrap();
        path
    }

    #[test]
    fn unused_caches_and_leftovers_go_and_the_rest_stays() {
        let tmp = tempfile::tempdir().unwrap();
        let day = Duration::from_secs(24 * 3600);
        let old = aged(tmp.path(), "corpus-aaaa.cache", 40 * day);
        let recent = aged(tmp.path(), "corpus-bbbb.cache", 3 * day);
        let current = aged(tmp.path(), "corpus-cccc.cache", 90 * day);
        let seeds = aged(tmp.path(), "seeds.cache", 90 * day);
        let leftover = aged(tmp.path(), ".tmpXYZ", 2 * day);
        let writing = aged(tmp.path(), ".tmpABC", Duration::from_secs(60));
        let foreign = aged(tmp.path(), "notes.txt", 90 * day);
        prune(tmp.path(), &current, SystemTime::now());
        assert!(!old.exists() && !leftover.exists());
        for kept in [&recent, &current, &seeds, &writing, &foreign] {
            assert!(kept.exists(), "{}", kept.display());
        }
    }

    #[test]
    fn a_used_cache_is_young_again() {
        let tmp = tempfile::tempdir().unwrap();
        let file = aged(tmp.path(), "corpus-dddd.cache", 2 * UNUSED);
        mark_used(&file);
        prune(tmp.path(), Path::new(""), SystemTime::now());
        assert!(file.exists());
    }
}
