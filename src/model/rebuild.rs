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
use super::source::{self, CorpusError, FileStamp, Problem, RawFile};
use super::{entities, events, meta};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

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

/// What a build keeps of a file's text between reading it and building its document:
/// its share of the vocabulary, its hash and where it is. The text is read again when its batch is
/// built, so that a large folder's texts are never all in memory at once (they were
/// the largest part of a cold start's peak).
#[derive(Debug, Clone)]
pub struct Digest {
    /// The text's share of the vocabulary.
    pub words: Words,
    /// The text's hash.
    pub hash: ContentHash,
    /// The file, as the walk found it (a relative path may have lost bytes that are not
    /// UTF-8; this one has not).
    pub file: PathBuf,
}

impl Digest {
    /// What is kept of `text`, read from `file`; the text is dropped here, on the worker
    /// that read it.
    #[expect(
        clippy::needless_pass_by_value,
        reason = "a reader hands its text over to be digested and freed"
    )]
    pub fn of(text: String, file: &Path) -> Digest {
        Digest {
            words: clean::words_of(&text),
            hash: ContentHash::of(&text),
            file: file.to_path_buf(),
        }
    }
}

/// One file of a build, in corpus order.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file read now, to be built.
    Read(RawFile),
    /// A file read and digested now, to be read again and built (see [`Digest`]).
    Digested(RawFile<Digest>),
    /// A document kept from an earlier build.
    Kept(Box<Kept>),
}

/// Building the model: the entry points (from the seeds, a folder or decoded files).
impl Corpus {
    /// The embedded seed corpus.
    pub fn seeds() -> Corpus {
        Corpus::seeds_with(BuildOptions::default())
    }

    /// The embedded seed corpus, built with `options`.
    pub fn seeds_with(options: BuildOptions<'_>) -> Corpus {
        let (files, problems) = source::seeds();
        Corpus::build_with(files, problems, options)
    }

    /// Every article under `dir`.
    pub fn load_dir(dir: &Path) -> Result<Corpus, CorpusError> {
        Corpus::load_dir_with(dir, BuildOptions::default())
    }

    /// Every article under `dir`, built with `options`.
    pub fn load_dir_with(dir: &Path, options: BuildOptions<'_>) -> Result<Corpus, CorpusError> {
        let mut clock = load::Stopwatch::start(options.observer);
        let (entries, problems) =
            source::read_dir_digesting(dir, options.observer, &|_| None, &Digest::of)?;
        clock.lap("read files, word lists and content hashes");
        let inputs = entries
            .into_iter()
            .filter_map(|e| match e {
                source::Entry::Read(f) => Some(Input::Digested(f)),
                source::Entry::Kept { .. } => None,
            })
            .collect();
        let read_again = |path: &str| source::read_again(dir, path);
        Ok(build(inputs, problems, options, &read_again))
    }

    /// Builds the model from decoded files.
    pub fn build(files: Vec<RawFile>, problems: Vec<Problem>) -> Corpus {
        Corpus::build_with(files, problems, BuildOptions::default())
    }

    /// Builds the model from decoded files, in batches of [`BATCH`] documents so that the
    /// observer can show the first ones while the rest are built.
    pub fn build_with(
        files: Vec<RawFile>,
        problems: Vec<Problem>,
        options: BuildOptions<'_>,
    ) -> Corpus {
        let inputs = files.into_iter().map(Input::Read).collect();
        let nothing_kept = |path: &str| Err(format!("{path} was not kept"));
        build(inputs, problems, options, &nothing_kept)
    }
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
    problems.extend(built.problems);
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
    Later(RawFile<Digest>),
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
                Input::Digested(f) => Work::Later(f),
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
            Work::Later(f) => &f.text.words,
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

/// The documents of a build, in corpus order, with their bases and hashes, and the
/// files that could not be read again.
#[derive(Default)]
struct Built {
    documents: Vec<Document>,
    bases: Vec<Basis>,
    hashes: Vec<ContentHash>,
    problems: Vec<Problem>,
}

/// Cleans and annotates the files read (reading digested ones again) and keeps the kept
/// documents, in batches of [`BATCH`] handed to the observer.
fn documents(work: Vec<Work>, vocab: &Vocabulary, options: BuildOptions<'_>) -> Built {
    let lexicon = clean::Lexicon::embedded();
    let ticker = load::Ticker::new(work.len(), options.observer, load::building);
    let mut out = Built {
        documents: Vec::with_capacity(work.len()),
        bases: Vec::with_capacity(work.len()),
        hashes: Vec::with_capacity(work.len()),
        ..Built::default()
    };
    let mut work = work.into_iter().peekable();
    while work.peek().is_some() {
        let batch: Vec<Work> = work.by_ref().take(BATCH).collect();
        let first = out.documents.len();
        let built: Vec<Result<(Document, Basis, ContentHash), Problem>> = batch
            .into_par_iter()
            .map(|w| {
                let built = build_one(w, lexicon, vocab, options);
                ticker.tick();
                built
            })
            .collect();
        for b in built {
            match b {
                Ok((d, b, h)) => {
                    out.documents.push(d);
                    out.bases.push(b);
                    out.hashes.push(h);
                }
                Err(p) => out.problems.push(p),
            }
        }
        options.observer.documents(first, &out.documents[first..]);
    }
    out
}

/// One file's document, basis and hash; or why a digested file could not be read again.
fn build_one(
    w: Work,
    lexicon: &clean::Lexicon,
    vocab: &Vocabulary,
    options: BuildOptions<'_>,
) -> Result<(Document, Basis, ContentHash), Problem> {
    match w {
        Work::Read(f, words) => {
            let hash = ContentHash::of(&f.text);
            let (d, b) = fresh(f, words, lexicon, vocab, options);
            Ok((d, b, hash))
        }
        Work::Later(f) => {
            let (text, _, stamp) = source::read_file(&f.text.file)
                .map_err(|reason| Problem::skipped(f.path.clone(), reason))?;
            let hash = ContentHash::of(&text);
            // A file changed between the two readings is built as it reads now; its
            // new stamp makes the next start build it again with its share counted.
            let words = if hash == f.text.hash {
                f.text.words
            } else {
                clean::words_of(&text)
            };
            let file = RawFile {
                id: f.id,
                path: f.path,
                text,
                warnings: f.warnings,
                stamp: Some(stamp),
            };
            let (d, b) = fresh(file, words, lexicon, vocab, options);
            Ok((d, b, hash))
        }
        Work::Kept(k) => {
            let Kept {
                id,
                mut document,
                hash,
                basis,
            } = *k;
            document.id = id;
            Ok((document, basis, hash))
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
mod tests {
    use super::*;
    use crate::model::snapshot::tests::assert_same;
    use std::sync::Mutex;

    /// A short wire report with one glued word missing from the word list.
    const GLUED: &str = "Navy chiefs meet in Da Nang\n\nDA NANG, March 4 (Coastal News) - \
        Navy chiefs of four countries met here on Tuesday to discuss seastrength and \
        search-and-rescue drills planned for the autumn.";
    /// Another report using the same word often enough to make it a word of the corpus.
    const REPEATS: &str = "Seastrength on the agenda\n\nHAI PHONG, March 6 (Harbour Daily) - \
        Officers said seastrength matters. The seastrength of a fleet, they said, is \
        its crews.";

    fn file(name: &str, text: &str) -> RawFile {
        RawFile {
            id: name.into(),
            path: format!("{name}.txt"),
            text: text.into(),
            warnings: Vec::new(),
            stamp: Some(FileStamp {
                size: text.len() as u64,
                modified_ns: 1,
                changed_ns: 1,
            }),
        }
    }

    /// The corpus of `files` built from scratch, and its documents' bases.
    fn built(files: &[RawFile]) -> (Corpus, Vec<Basis>) {
        let mut corpus = Corpus::build(files.to_vec(), Vec::new());
        let bases = corpus.take_basis();
        (corpus, bases)
    }

    /// Document `i` of `corpus` as a kept input, its title changed to tell it apart.
    fn kept(corpus: &Corpus, bases: &[Basis], i: usize, title: &str) -> Input {
        let mut document = corpus.documents[i].clone();
        document.title = title.into();
        Input::Kept(Box::new(Kept {
            id: document.id.clone(),
            document,
            hash: corpus.content_hash(i).expect("hashed"),
            basis: bases[i].clone(),
        }))
    }

    #[test]
    fn the_basis_says_what_the_cleaning_looked_up() {
        let (corpus, bases) = built(&[file("a", GLUED)]);
        assert!(corpus.documents[0].body[0].contains("discuss sea strength and"));
        assert_eq!(
            bases[0].asked.iter().collect::<Vec<_>>(),
            [("seastrength", false)]
        );
        assert_eq!(
            bases[0].words.iter().collect::<Vec<_>>(),
            [("seastrength", 1)]
        );
        assert_eq!(bases[0].file, file("a", GLUED).stamp);
    }

    #[test]
    fn a_document_that_still_holds_is_kept_as_it_was() {
        let (first, bases) = built(&[file("a", GLUED), file("b", REPEATS)]);
        let inputs = vec![
            kept(&first, &bases, 0, "as kept"),
            Input::Read(file("b", REPEATS)),
        ];
        let never = |p: &str| -> Result<(String, Vec<String>, FileStamp), String> {
            panic!("{p} read again")
        };
        let corpus = build(inputs, Vec::new(), BuildOptions::default(), &never);
        assert_eq!(corpus.documents[0].title, "as kept");
        assert_eq!(corpus.documents[1], first.documents[1]);
    }

    #[test]
    fn a_document_whose_counts_changed_is_read_and_cleaned_again() {
        let (alone, bases) = built(&[file("a", GLUED)]);
        let asked = Mutex::new(Vec::new());
        let again = |p: &str| {
            asked.lock().unwrap().push(p.to_owned());
            let f = file("a", GLUED);
            Ok((f.text, f.warnings, f.stamp.unwrap()))
        };
        let inputs = vec![
            kept(&alone, &bases, 0, "stale"),
            Input::Read(file("b", REPEATS)),
        ];
        let mut corpus = build(inputs, Vec::new(), BuildOptions::default(), &again);
        assert_eq!(*asked.lock().unwrap(), ["a.txt"]);
        // Three uses in the corpus make it a word: no longer split.
        assert!(corpus.documents[0].body[0].contains("discuss seastrength and"));
        let (fresh, fresh_bases) = built(&[file("a", GLUED), file("b", REPEATS)]);
        assert_same(&corpus, &fresh);
        assert_eq!(corpus.take_basis(), fresh_bases);
    }

    #[test]
    fn a_stale_file_that_cannot_be_read_again_is_reported_and_left_out() {
        let (alone, bases) = built(&[file("a", GLUED)]);
        let gone = |_: &str| Err("No such file or directory".to_owned());
        let inputs = vec![
            kept(&alone, &bases, 0, "stale"),
            Input::Read(file("b", REPEATS)),
        ];
        let corpus = build(inputs, Vec::new(), BuildOptions::default(), &gone);
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.documents[0].id, "b");
        assert_eq!(
            corpus.problems,
            [Problem::skipped(
                "a.txt".into(),
                "No such file or directory".into()
            )]
        );
    }

    /// `files` written to a folder and digested as a folder load digests them; the
    /// folder goes when the guard does.
    fn digested(files: &[RawFile]) -> (tempfile::TempDir, Vec<Input>) {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let inputs = files
            .iter()
            .map(|f| {
                let full = dir.path().join(&f.path);
                std::fs::write(&full, &f.text).expect("written");
                Input::Digested(RawFile {
                    id: f.id.clone(),
                    path: f.path.clone(),
                    text: Digest::of(f.text.clone(), &full),
                    warnings: f.warnings.clone(),
                    stamp: Some(FileStamp::of(&full)),
                })
            })
            .collect();
        (dir, inputs)
    }

    fn never(p: &str) -> Result<(String, Vec<String>, FileStamp), String> {
        panic!("{p} read again through the kept files' reader")
    }

    #[test]
    fn digested_files_read_again_build_the_same_corpus_as_files_read_whole() {
        let files = [file("a", GLUED), file("b", REPEATS)];
        let (_dir, inputs) = digested(&files);
        let corpus = build(inputs, Vec::new(), BuildOptions::default(), &never);
        let (whole, _) = built(&files);
        assert_same(&corpus, &whole);
    }

    #[test]
    fn a_file_changed_between_the_readings_is_built_as_it_reads_now() {
        let files = [file("a", GLUED), file("b", REPEATS)];
        let (dir, inputs) = digested(&files);
        let now = GLUED
            .replace("Navy chiefs meet", "Coast guards meet")
            .replace("seastrength", "harbourwatch");
        std::fs::write(dir.path().join("a.txt"), &now).expect("rewritten");
        let mut corpus = build(inputs, Vec::new(), BuildOptions::default(), &never);
        assert_eq!(corpus.documents[0].title, "Coast guards meet in Da Nang");
        let bases = corpus.take_basis();
        assert_eq!(
            bases[0].words.iter().collect::<Vec<_>>(),
            [("harbourwatch", 1)]
        );
        assert_eq!(corpus.content_hash(0), Some(ContentHash::of(&now)));
    }

    #[test]
    fn a_digested_file_that_cannot_be_read_again_is_reported_and_left_out() {
        let files = [file("a", GLUED), file("b", REPEATS)];
        let (dir, inputs) = digested(&files);
        std::fs::remove_file(dir.path().join("a.txt")).expect("removed");
        let corpus = build(inputs, Vec::new(), BuildOptions::default(), &never);
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.documents[0].id, "b");
        assert_eq!(corpus.problems.len(), 1);
        assert_eq!(corpus.problems[0].path, "a.txt");
        assert!(corpus.problems[0].skipped);
    }
}
