//! What a document's build depended on besides its file's bytes, so that a later build
//! can tell whether the document still holds without reading the file (see
//! [`super::rebuild`]).

use super::clean::{self, Vocabulary, WordTable, Words};
use super::source::FileStamp;

/// What one document's build depended on besides its file's bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Basis {
    /// The file as it was read (none for the embedded seeds).
    pub file: Option<FileStamp>,
    /// The file's share of the corpus vocabulary.
    pub words: Words,
    /// Each token whose corpus count the cleaning looked up, with the answer it got
    /// ([`clean::protects`]).
    pub asked: WordTable<bool>,
}

impl Basis {
    /// True when a build under `vocab` would clean the same file into the same document.
    pub fn holds(&self, vocab: &Vocabulary) -> bool {
        self.asked
            .iter()
            .all(|(word, protected)| clean::protects(vocab, word) == protected)
    }
}
