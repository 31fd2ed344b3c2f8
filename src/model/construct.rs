//! Building a corpus: the entry points on [`Corpus`], from the seeds, a folder or decoded
//! files; the build itself is [`rebuild::build`].

use super::corpus::{BuildOptions, Corpus};
use super::load;
use super::rebuild::{self, Input};
use super::source::{self, CorpusError, Problem, RawFile};
use std::path::Path;

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
        let (files, problems) = source::read_dir_observed(dir, options.observer)?;
        clock.lap("read files");
        let inputs = files.into_iter().map(Input::Read).collect();
        let read_again = |path: &str| source::read_again(dir, path);
        Ok(rebuild::build(inputs, problems, options, &read_again))
    }

    /// Builds the model from decoded files.
    pub fn build(files: Vec<RawFile>, problems: Vec<Problem>) -> Corpus {
        Corpus::build_with(files, problems, BuildOptions::default())
    }

    /// Builds the model from decoded files, in batches of [`BATCH`](super::corpus::BATCH) documents so that the
    /// observer can show the first ones while the rest are built.
    pub fn build_with(
        files: Vec<RawFile>,
        problems: Vec<Problem>,
        options: BuildOptions<'_>,
    ) -> Corpus {
        let inputs = files.into_iter().map(Input::Read).collect();
        let nothing_kept = |path: &str| Err(format!("{path} was not kept"));
        rebuild::build(inputs, problems, options, &nothing_kept)
    }
}
