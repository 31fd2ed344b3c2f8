//! Rebuilding a corpus whose files changed since its cache was written: the documents
//! of files with the same stamp are kept, the rest are read (see [`rebuild`]).

use crate::model::corpus::{BuildOptions, Corpus};
use crate::model::document::Document;
use crate::model::duplicates::ContentHash;
use crate::model::load::Stopwatch;
use crate::model::rebuild::{self, Basis, Input, Kept};
use crate::model::source::{self, CorpusError, Entry, FileStamp};
use rustc_hash::FxHashMap;
use std::path::Path;

/// The documents of a corpus as its cache holds them, with what each was built from.
pub(super) struct Earlier {
    documents: Vec<Document>,
    hashes: Vec<ContentHash>,
    bases: Vec<Basis>,
}

impl Earlier {
    /// The `documents`, their content `hashes` and their `bases` (same order).
    pub(super) fn new(
        documents: Vec<Document>,
        hashes: Vec<ContentHash>,
        bases: Vec<Basis>,
    ) -> Result<Earlier, String> {
        if hashes.len() == documents.len() && bases.len() == documents.len() {
            Ok(Earlier {
                documents,
                hashes,
                bases,
            })
        } else {
            Err("its parts disagree on the number of documents".into())
        }
    }
}

/// Builds the corpus in `dir` again, keeping each document of `earlier` whose file's
/// stamp is the one in `files` (the stamps the cache key was made of).
pub(super) fn rebuild(
    dir: &Path,
    earlier: Earlier,
    files: &FxHashMap<&str, FileStamp>,
    options: BuildOptions<'_>,
) -> Result<Corpus, CorpusError> {
    let mut clock = Stopwatch::start(options.observer);
    let unchanged: FxHashMap<&str, usize> = earlier
        .documents
        .iter()
        .zip(&earlier.bases)
        .enumerate()
        .filter(|(_, (d, b))| b.file.is_some() && files.get(d.path.as_str()) == b.file.as_ref())
        .map(|(i, (d, _))| (d.path.as_str(), i))
        .collect();
    let keep = |path: &str| {
        let i = *unchanged.get(path)?;
        Some(earlier.documents[i].warnings.clone())
    };
    let (entries, problems) = source::read_dir_keeping(dir, options.observer, &keep)?;
    let kept: FxHashMap<String, usize> = unchanged
        .into_iter()
        .map(|(path, i)| (path.to_owned(), i))
        .collect();
    clock.lap("reading new and changed files");
    let Earlier {
        documents,
        hashes,
        bases,
    } = earlier;
    let mut old: Vec<Option<(Document, ContentHash, Basis)>> = documents
        .into_iter()
        .zip(hashes)
        .zip(bases)
        .map(|((d, h), b)| Some((d, h, b)))
        .collect();
    let inputs = entries
        .into_iter()
        .filter_map(|entry| match entry {
            Entry::Read(f) => Some(Input::Read(f)),
            Entry::Kept { id, path } => {
                let (document, hash, basis) = old.get_mut(*kept.get(&path)?)?.take()?;
                Some(Input::Kept(Box::new(Kept {
                    id,
                    document,
                    hash,
                    basis,
                })))
            }
        })
        .collect();
    drop(old);
    let read_again = |path: &str| source::read_again(dir, path);
    Ok(rebuild::build(inputs, problems, options, &read_again))
}
