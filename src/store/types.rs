//! The values the state store deals in: keys, saved state, and why a file cannot be used.

use crate::model::duplicates::ContentHash;
use crate::model::text::sanitize;
use rustc_hash::FxHashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Longest tag kept, in characters.
pub const MAX_TAG_CHARS: usize = 64;
/// Largest position blob kept, in bytes: the interface's own small record.
pub const MAX_POSITION_BYTES: usize = 64 * 1024;
/// Why the state file cannot be used. In every case it has not been written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// It cannot be opened or read, is damaged, or is another program's database.
    Unreadable {
        /// The state file.
        path: PathBuf,
        /// What is wrong, in words.
        reason: String,
    },
    /// A newer dossier wrote it, with a schema this one does not know.
    Newer {
        /// The state file.
        path: PathBuf,
        /// The file's schema version.
        found: i64,
        /// The newest version this dossier knows.
        supported: i64,
    },
    /// A write did not go through (disk full, held by another dossier for too long); the
    /// file is as it was before it.
    Write(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unreadable { path, reason } => write!(
                f,
                "cannot use the state file {}: {reason}; running without saved state, the file is left as it is",
                sanitize(&path.display().to_string())
            ),
            StoreError::Newer {
                path,
                found,
                supported,
            } => write!(
                f,
                "the state file {} is from a newer dossier (schema {found}; this one knows up to {supported}); running without saved state, the file is left as it is",
                sanitize(&path.display().to_string())
            ),
            StoreError::Write(reason) => write!(f, "saving state failed: {reason}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// Which corpus a state belongs to: its folder's canonical path, or the embedded seeds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CorpusKey(String);

impl CorpusKey {
    /// The key of a corpus folder (symlinks resolved, so two spellings of a path agree).
    pub fn folder(dir: &Path) -> CorpusKey {
        let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        CorpusKey(canonical.to_string_lossy().into_owned())
    }

    /// The key of the embedded seed corpus.
    pub fn seeds() -> CorpusKey {
        CorpusKey("embedded:seeds".into())
    }

    /// The key as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A document as the store knows it: its id and the hash of its file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocKey {
    /// The document id.
    pub id: String,
    /// The hash of its text.
    pub hash: ContentHash,
}

/// What the reader did with one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocState {
    /// Opened at least once (or marked read).
    pub read: bool,
    /// Starred.
    pub starred: bool,
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// The reader's note.
    pub note: Option<String>,
}

/// Everything saved for one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusState {
    /// Per document id, what was saved (documents with nothing saved are absent).
    pub documents: FxHashMap<String, DocState>,
    /// The interface's last position, as it wrote it.
    pub position: Option<String>,
}

/// What [`Store::reconcile`](crate::store::Store::reconcile) found when it matched saved state to the corpus as loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// `(old id, new id)`: a file renamed or moved, recognised by its content; its state moved.
    pub renamed: Vec<(String, String)>,
    /// Ids whose text changed since their state was saved; the state is kept.
    pub edited: Vec<String>,
    /// Ids with saved state that are no longer in the corpus; the state is kept.
    pub missing: Vec<String>,
}

/// A tag as stored: control characters removed, spaces collapsed, at most [`MAX_TAG_CHARS`].
pub fn normalize_tag(tag: &str) -> Option<String> {
    let clean = sanitize(tag);
    let words: Vec<&str> = clean.split_whitespace().collect();
    let t: String = words.join(" ").chars().take(MAX_TAG_CHARS).collect();
    (!t.is_empty()).then_some(t)
}
