//! Which corpus a load reads: the embedded seeds or a folder.

use std::path::PathBuf;

/// Which corpus to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSource {
    /// The embedded seeds.
    Seeds,
    /// A folder of articles.
    Folder(PathBuf),
}
