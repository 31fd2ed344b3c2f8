//! Building a corpus again while keeping the documents of files that did not change.
//!
//! A document depends on its file's bytes and, through the glued-word splitter, on the
//! corpus vocabulary: only on whether each token it looked up is counted often enough
//! ([`clean::protects`]). So each document carries its [`Basis`]: the file's stamp, the
//! file's share of the vocabulary and the answers it was built with. A later build sums
//! the shares (reading only new and changed files), and keeps a document whose answers
//! are all the same under the new vocabulary; the others are read and cleaned again.
//! Entities and events are corpus-wide, so they are always built anew.

pub use super::basis::Basis;
use super::clean::{self, Vocabulary, Words};
use super::corpus::{BATCH, BuildOptions, Corpus};
use super::document::Document;
use super::duplicates::ContentHash;
use super::load::{self, Progress};
use super::source::{FileStamp, Problem, RawFile};
use super::{entities, events, meta};
use rayon::prelude::*;

/// A document of an earlier build whose file has not changed since.
#[derive(Debug, Clone)]
pub struct Kept {
    /// Its id in this build (ids depend on the other files' names).
    pub id: String,
    /// The document as built then.
    pub document: Document,
    /// The hash of its file's text.
    pub hash: ContentHash,
    /// What it was built from.
    pub basis: Basis,
}

/// One file of a build, in corpus order.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file read now, to be built.
    Read(RawFile),
    /// A document kept from an earlier build.
    Kept(Box<Kept>),
}

/// Reads a kept file after all (its document no longer holds): its text, warnings and
/// stamp, or why it cannot be read.
pub type ReadAgain<'a> =
    &'a (dyn Fn(&str) -> Result<(String, Vec<String>, FileStamp), String> + Sync);

/// Builds the model of `inputs` (in corpus order), keeping each kept document that still
/// holds; see the module's comment.
pub fn build(
    inputs: Vec<Input>,
    problems: Vec<Problem>,
    options: BuildOptions<'_>,
    read_again: ReadAgain<'_>,
) -> Corpus {
    let mut clock = load::Stopwatch::start(options.observer);
    options.observer.progress(Progress::Counting {
        files: inputs.len(),
    });
    meta::prepare();
    let mut problems = problems;
    let shared = Shared::of(inputs, read_again, &mut problems);
    let kept = shared
        .work
        .iter()
        .filter(|w| matches!(w, Work::Kept(_)))
        .count();
    if kept > 0 {
        options.observer.progress(Progress::Kept {
            kept,
            total: shared.work.len(),
        });
    }
    clock.lap("word lists and vocabulary");
    let built = documents(shared.work, &shared.vocab, options);
    clock.lap("cleaning and metadata");
    let Built {
        documents,
        bases,
        hashes,
        ..
    } = built;
    options.observer.progress(Progress::Linking {
        documents: documents.len(),
    });
    // Only web-page furniture (captions, a tail, debris) was in the file.
    problems.extend(
        documents
            .iter()
            .filter(|d| d.body.is_empty())
            .map(|d| Problem::loaded(d.path.clone(), "no article text left after cleaning".into())),
    );
    // Built on both cores at once, not one after another as the first document needs
    // them; after the documents are handed out, so that the first ones are not kept
    // waiting (an interface shows them while the rest is linked).
    entities::prepare();
    let (entities, mentions) = entities::extract(&documents);
    clock.lap("entities");
    let events = events::build(&documents, &entities, &mentions);
    clock.lap("events");
    let mut corpus = Corpus::new(documents, entities, mentions, events, problems);
    corpus.set_hashes(hashes);
    corpus.set_basis(bases);
    clock.lap("indexes and exact copies");
    corpus
}

/// A file to build, with its share of the vocabulary.
enum Work {
    Read(RawFile, Words),
    Kept(Box<Kept>),
}

/// The corpus-wide values every document's build reads.
struct Shared {
    work: Vec<Work>,
    vocab: Vocabulary,
}

impl Shared {
    /// The vocabulary and hashes of `inputs`; kept documents that no longer hold become
    /// files read again (or problems, when they cannot be read).
    fn of(inputs: Vec<Input>, read_again: ReadAgain<'_>, problems: &mut Vec<Problem>) -> Shared {
        let work: Vec<Work> = inputs
            .into_par_iter()
            .map(|input| match input {
                Input::Read(f) => {
                    let words = clean::words_of(&f.text);
                    Work::Read(f, words)
                }
                Input::Kept(k) => Work::Kept(k),
            })
            .collect();
        let vocab = Vocabulary::from_words(&work.iter().map(Work::words).collect::<Vec<_>>());
        let again: Vec<Option<Result<Work, Problem>>> = work
            .par_iter()
            .map(|w| match w {
                Work::Kept(k) if !k.basis.holds(&vocab) => Some(read(k, read_again)),
                _ => None,
            })
            .collect();
        let mut kept = Vec::with_capacity(work.len());
        for (w, again) in work.into_iter().zip(again) {
            match again {
                None => kept.push(w),
                Some(Ok(w)) => kept.push(w),
                Some(Err(p)) => problems.push(p),
            }
        }
        Shared { work: kept, vocab }
    }
}

impl Work {
    fn words(&self) -> &Words {
        match self {
            Work::Read(_, words) => words,
            Work::Kept(k) => &k.basis.words,
        }
    }
}

/// A kept file read again, or the problem that it can no longer be read.
fn read(k: &Kept, read_again: ReadAgain<'_>) -> Result<Work, Problem> {
    let path = k.document.path.clone();
    match read_again(&path) {
        Ok((text, warnings, stamp)) => {
            // Its share is counted from the text as read now, in case the file changed
            // since its stamp was taken; the next build sees the new stamp.
            let words = clean::words_of(&text);
            let file = RawFile {
                id: k.id.clone(),
                path,
                text,
                warnings,
                stamp: Some(stamp),
            };
            Ok(Work::Read(file, words))
        }
        Err(reason) => Err(Problem::skipped(path, reason)),
    }
}

/// The documents of a build, in corpus order, with their bases and hashes.
#[derive(Default)]
struct Built {
    documents: Vec<Document>,
    bases: Vec<Basis>,
    hashes: Vec<ContentHash>,
}

/// Cleans and annotates the files read and keeps the kept documents, in batches of [`BATCH`] handed to the observer.
fn documents(work: Vec<Work>, vocab: &Vocabulary, options: BuildOptions<'_>) -> Built {
    let lexicon = clean::Lexicon::embedded();
    let ticker = load::Ticker::new(work.len(), options.observer, load::building);
    let mut out = Built {
        documents: Vec::with_capacity(work.len()),
        bases: Vec::with_capacity(work.len()),
        hashes: Vec::with_capacity(work.len()),
    };
    let mut work = work.into_iter().peekable();
    while work.peek().is_some() {
        let batch: Vec<Work> = work.by_ref().take(BATCH).collect();
        let first = out.documents.len();
        let built: Vec<(Document, Basis, ContentHash)> = batch
            .into_par_iter()
            .map(|w| {
                let built = build_one(w, lexicon, vocab, options);
                ticker.tick();
                built
            })
            .collect();
        for (d, b, h) in built {
            out.documents.push(d);
            out.bases.push(b);
            out.hashes.push(h);
        }
        options.observer.documents(first, &out.documents[first..]);
    }
    out
}

/// One file's document, basis and hash.
fn build_one(
    w: Work,
    lexicon: &clean::Lexicon,
    vocab: &Vocabulary,
    options: BuildOptions<'_>,
) -> (Document, Basis, ContentHash) {
    match w {
        Work::Read(f, words) => {
            let hash = ContentHash::of(&f.text);
            let (d, b) = fresh(f, words, lexicon, vocab, options);
            (d, b, hash)
        }
        Work::Kept(k) => {
            let Kept {
                id,
                mut document,
                hash,
                basis,
            } = *k;
            document.id = id;
            (document, basis, hash)
        }
    }
}

/// One file cleaned and annotated, and what that depended on.
fn fresh(
    f: RawFile,
    words: Words,
    lexicon: &clean::Lexicon,
    vocab: &Vocabulary,
    options: BuildOptions<'_>,
) -> (Document, Basis) {
    let cleaned = clean::clean(&f.text, lexicon, vocab);
    let mut doc = cleaned.doc;
    doc.id = f.id;
    doc.path = f.path;
    doc.warnings = f.warnings;
    meta::annotate(&mut doc, &cleaned.stamps);
    if let Some(o) = options.overrides {
        o.apply(&mut doc);
    }
    let asked = cleaned
        .asked
        .iter()
        .map(|w| (&**w, clean::protects(vocab, w)))
        .collect();
    let basis = Basis {
        file: f.stamp,
        words,
        asked,
    };
    (doc, basis)
}

#[cfg(test)]
#[path = "rebuild_tests.rs"]
mod tests;
