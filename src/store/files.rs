//! dossier's own files next to the state: the overrides file it reads and the Markdown files
//! the reader asks it to write, never inside the corpus folder.

use super::paths::is_inside;
use super::state::{Store, StoreError};
use crate::model::overrides::Overrides;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Reads and parses an overrides file (lossily decoded); its problems carry line numbers.
pub fn read_overrides(path: &Path) -> io::Result<Overrides> {
    let bytes = std::fs::read(path)?;
    Ok(Overrides::parse(&String::from_utf8_lossy(&bytes)))
}

/// Opens the state file at `path` unless it lies inside the corpus folder `corpus` (then
/// it is refused and not created): dossier never writes to a corpus.
pub fn open_state(path: &Path, corpus: Option<&Path>) -> Result<Store, StoreError> {
    if let Some(dir) = corpus.filter(|d| is_inside(path, d)) {
        return Err(StoreError::Unreadable {
            path: path.to_path_buf(),
            reason: format!(
                "it is inside the corpus folder {}, and dossier never writes to a corpus",
                crate::model::text::sanitize(&dir.display().to_string())
            ),
        });
    }
    Store::open(path)
}

/// A file name from a view's name: letters, digits, `-` and `_` kept, the rest `-`.
fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-');
    let stem: String = stem.chars().take(80).collect();
    if stem.is_empty() {
        "dossier".into()
    } else {
        stem
    }
}

/// Writes `text` to a new file `NAME.md` in `dir` (`NAME-2.md`, … when it exists; never
/// overwriting) and returns its path. Refused when `dir` is inside the corpus folder.
pub fn write_markdown(
    dir: &Path,
    corpus: Option<&Path>,
    name: &str,
    text: &str,
) -> io::Result<PathBuf> {
    if corpus.is_some_and(|c| is_inside(dir, c)) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "that folder is inside the corpus, and dossier never writes to a corpus (use --out DIR)",
        ));
    }
    let stem = file_stem(name);
    for n in 1..10_000 {
        let file = match n {
            1 => dir.join(format!("{stem}.md")),
            n => dir.join(format!("{stem}-{n}.md")),
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&file)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                return Ok(file);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many files of that name"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_new_files_and_never_into_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        let a =
            write_markdown(dir.path(), Some(&corpus), "timeline: border/2025", "# A\n").unwrap();
        assert_eq!(a.file_name().unwrap(), "timeline--border-2025.md");
        let b =
            write_markdown(dir.path(), Some(&corpus), "timeline: border/2025", "# B\n").unwrap();
        assert_eq!(b.file_name().unwrap(), "timeline--border-2025-2.md");
        assert_eq!(
            std::fs::read_to_string(&a).unwrap(),
            "# A\n",
            "never overwritten"
        );
        let err = write_markdown(&corpus, Some(&corpus), "x", "y").unwrap_err();
        assert!(err.to_string().contains("inside the corpus"));
        assert_eq!(std::fs::read_dir(&corpus).unwrap().count(), 0);
        assert!(open_state(&corpus.join("s.sqlite"), Some(&corpus)).is_err());
        assert!(!corpus.join("s.sqlite").exists());
    }
}
