//! Loading a corpus off the interface thread: progress and the first documents arrive over
//! a channel while the rest is built, then the whole corpus. `R` (reload) and a watcher's
//! changes start a new load; the interface swaps the corpus in when it is done.

use super::cache::Cache;
use crate::model::corpus::{BuildOptions, Corpus};
use crate::model::document::Document;
use crate::model::load::{Observer, Progress};
use crate::model::overrides::Overrides;
use crate::model::source::CorpusError;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

pub use super::corpus_source::CorpusSource;

/// What a background load sends, in this order: progress and preview batches interleaved,
/// then exactly one `Done`.
#[derive(Debug)]
pub enum LoadMessage {
    /// How far it has got (about 200 per stage).
    Progress(Progress),
    /// Built documents (metadata and overrides, no entities yet): `batch[k]` will be
    /// `corpus.documents[first + k]`. Only the first `preview` documents are sent.
    Documents {
        /// The index of the batch's first document.
        first: usize,
        /// Copies of the documents.
        batch: Vec<Document>,
    },
    /// The finished corpus, or why the folder could not be loaded (boxed: a corpus is
    /// large next to the other messages).
    Done(Box<Result<Corpus, CorpusError>>),
}

/// A load running on its own thread.
pub struct Loader {
    messages: Receiver<LoadMessage>,
    thread: Option<JoinHandle<()>>,
}

struct Forward {
    tx: Sender<LoadMessage>,
    preview: usize,
}

impl Observer for Forward {
    fn progress(&self, progress: Progress) {
        let _ = self.tx.send(LoadMessage::Progress(progress));
    }

    fn documents(&self, first: usize, batch: &[Document]) {
        let wanted = self.preview.saturating_sub(first).min(batch.len());
        if wanted > 0 {
            let batch = batch[..wanted].to_vec();
            let _ = self.tx.send(LoadMessage::Documents { first, batch });
        }
    }
}

impl Loader {
    /// Starts loading `source` with `overrides` through `cache` (if any); the first
    /// `preview` documents are sent as soon as they are built (a screenful or two: each is
    /// a copy until `Done`; none when the cache has the corpus).
    pub fn spawn(
        source: CorpusSource,
        overrides: Option<Arc<Overrides>>,
        cache: Option<Cache>,
        preview: usize,
    ) -> std::io::Result<Loader> {
        let (tx, messages) = channel();
        let thread = std::thread::Builder::new()
            .name("dossier-load".into())
            .spawn(move || {
                let forward = Forward {
                    tx: tx.clone(),
                    preview,
                };
                let options = BuildOptions {
                    overrides: overrides.as_deref(),
                    observer: &forward,
                };
                let result = super::cache::load(&source, options, cache.as_ref());
                let _ = tx.send(LoadMessage::Done(Box::new(result)));
            })?;
        Ok(Loader {
            messages,
            thread: Some(thread),
        })
    }

    /// The load's messages (poll with `try_recv` each frame, or `recv` to wait).
    pub fn messages(&self) -> &Receiver<LoadMessage> {
        &self.messages
    }

    /// Waits for the load to finish and returns its result, skipping what came before.
    pub fn wait(mut self) -> Option<Result<Corpus, CorpusError>> {
        let done = self.messages.iter().find_map(|m| match m {
            LoadMessage::Done(r) => Some(*r),
            _ => None,
        });
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sends_progress_a_preview_then_the_corpus() {
        let loader = Loader::spawn(CorpusSource::Seeds, None, None, 2).unwrap();
        let mut previews = Vec::new();
        let mut saw_linking = false;
        let corpus = loop {
            match loader.messages().recv().unwrap() {
                LoadMessage::Progress(Progress::Linking { .. }) => saw_linking = true,
                LoadMessage::Progress(_) => {}
                LoadMessage::Documents { first, batch } => previews.push((first, batch)),
                LoadMessage::Done(r) => break (*r).unwrap(),
            }
        };
        assert!(saw_linking);
        assert_eq!(previews.len(), 1);
        let (first, batch) = &previews[0];
        assert_eq!(*first, 0);
        assert_eq!(
            batch.len(),
            2,
            "only the preview's two documents are copied"
        );
        assert_eq!(batch[0], corpus.documents[0]);
        assert_eq!(batch[1], corpus.documents[1]);
    }
}
