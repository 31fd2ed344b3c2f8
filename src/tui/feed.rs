//! The corpus as it arrives: loads run on their own thread (the first one at start, then
//! one per `R` or batch of changes seen by `--watch`), one at a time; a reload asked for
//! while one runs starts when it ends. What they send is handed to the event loop.

use super::views::main::documents::Lookup;
use crate::model::Corpus;
use crate::model::overrides::Overrides;
use crate::store::cache::Cache;
use crate::store::loader::{CorpusSource, LoadMessage, Loader};
use crate::store::watch::{Change, Watcher};
use std::path::PathBuf;
use std::sync::Arc;

/// Documents sent ahead of the whole corpus: a few screenfuls.
pub const PREVIEW: usize = 200;

/// What the feed hands to the event loop.
#[derive(Debug)]
pub enum Feed {
    /// From the load running (boxed: a finished corpus is large), with the documents'
    /// lookups of a finished corpus, built here so that the interface thread does not
    /// (they grow with the corpus: half a second at 100,000 documents).
    Load(Box<LoadMessage>, Option<Lookup>),
    /// Files of the corpus folder changed (`--watch`).
    Changed(Vec<Change>),
    /// The watch could not start.
    WatchFailed(String),
}

/// Sends to the event loop; false once it is gone.
type Send = Arc<dyn Fn(Feed) -> bool + std::marker::Send + Sync>;

/// Builds the documents' lookups of a corpus.
pub type LookupOf = fn(&Corpus) -> Lookup;

/// Loads of one corpus, one at a time.
pub struct Loads {
    source: CorpusSource,
    overrides: Option<Arc<Overrides>>,
    cache: Option<Cache>,
    send: Send,
    lookup_of: LookupOf,
    running: bool,
    again: bool,
}

impl Loads {
    /// Loads of `folder` (the embedded seeds when `None`) with the user's overrides, through
    /// the cache in `cache` when there is one; each finished corpus comes with its
    /// lookups from `lookup_of`.
    pub fn new(
        folder: Option<PathBuf>,
        (overrides, cache): (Option<Arc<Overrides>>, Option<PathBuf>),
        lookup_of: LookupOf,
        send: impl Fn(Feed) -> bool + std::marker::Send + Sync + 'static,
    ) -> Loads {
        Loads {
            source: folder.map_or(CorpusSource::Seeds, CorpusSource::Folder),
            overrides,
            cache: cache.map(Cache::at),
            send: Arc::new(send),
            lookup_of,
            running: false,
            again: false,
        }
    }

    /// Starts a load now, or after the one running.
    pub fn start(&mut self) -> std::io::Result<()> {
        if self.running {
            self.again = true;
            return Ok(());
        }
        let loader = Loader::spawn(
            self.source.clone(),
            self.overrides.clone(),
            self.cache.clone(),
            PREVIEW,
        )?;
        let send = Arc::clone(&self.send);
        let lookup_of = self.lookup_of;
        std::thread::Builder::new()
            .name("dossier-feed".into())
            .spawn(move || {
                while let Ok(m) = loader.messages().recv() {
                    let (done, lookup) = match &m {
                        LoadMessage::Done(r) => (true, r.as_ref().as_ref().ok().map(lookup_of)),
                        _ => (false, None),
                    };
                    if !send(Feed::Load(Box::new(m), lookup)) || done {
                        break;
                    }
                }
                loader.wait();
            })?;
        self.running = true;
        Ok(())
    }

    /// The load running has ended; starts the one asked for meanwhile, if any.
    pub fn finished(&mut self) -> std::io::Result<()> {
        self.running = false;
        if std::mem::take(&mut self.again) {
            self.start()?;
        }
        Ok(())
    }

    /// True while a load runs.
    pub fn running(&self) -> bool {
        self.running
    }

    /// Watches the corpus folder on its own thread (its first look at every file can take
    /// a while for a large corpus); the watch lasts as long as the event loop.
    pub fn watch(&self) {
        let CorpusSource::Folder(dir) = self.source.clone() else {
            (self.send)(Feed::WatchFailed(
                "--watch needs --corpus DIR (the embedded seeds never change)".into(),
            ));
            return;
        };
        let send = Arc::clone(&self.send);
        let spawned = std::thread::Builder::new()
            .name("dossier-watch".into())
            .spawn(move || match Watcher::start(&dir) {
                Ok(w) => {
                    while let Ok(batch) = w.changes().recv() {
                        if !send(Feed::Changed(batch)) {
                            return;
                        }
                    }
                }
                Err(e) => {
                    send(Feed::WatchFailed(format!(
                        "cannot watch the corpus folder: {e}"
                    )));
                }
            });
        if let Err(e) = spawned {
            (self.send)(Feed::WatchFailed(format!(
                "cannot watch the corpus folder: {e}"
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::sync::mpsc::channel;

    #[test]
    fn a_finished_corpus_comes_with_its_lookups() {
        let (tx, rx) = channel();
        let tx = Mutex::new(tx);
        let mut loads = Loads::new(None, (None, None), Lookup::of, move |f| {
            tx.lock().is_ok_and(|t| t.send(f).is_ok())
        });
        loads.start().expect("start a load");
        let (corpus, lookup) = loop {
            match rx.recv().expect("the load ends") {
                Feed::Load(m, lookup) => match *m {
                    LoadMessage::Done(r) => break ((*r).expect("the seeds load"), lookup),
                    _ => assert!(lookup.is_none(), "only a finished corpus has lookups"),
                },
                other => panic!("unexpected {other:?}"),
            }
        };
        let lookup = lookup.expect("lookups");
        assert!(lookup.fits(&corpus) && !lookup.index.is_empty());
    }
}
