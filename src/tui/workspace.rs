//! The reader's marks as the interface sees them: read, starred, tags and a note per
//! document, indexed like the corpus, written through to the state file when there is
//! one. Without a file (`--no-state`, or a file that cannot be used) the marks live for
//! the session only and the reason is kept to show.

use crate::model::Corpus;
use crate::model::duplicates::ContentHash;
use crate::model::text::sanitize;
use crate::store::state::normalize_tag;
use crate::store::{CorpusKey, DocKey, DocState, Store, StoreError};

/// Where the marks are kept.
#[derive(Debug, Default)]
pub enum StateSetup {
    /// Nowhere: `--no-state`, or tests.
    #[default]
    Off,
    /// The state file could not be used, for this reason (already sanitised).
    Unavailable(String),
    /// An open state file and the key of the corpus shown.
    Open(Store, CorpusKey),
}

/// The marks of every document of the corpus shown.
#[derive(Debug, Default)]
pub struct Workspace {
    store: Option<(Store, CorpusKey)>,
    /// Why nothing is saved, when the state file could not be used.
    pub problem: Option<String>,
    docs: Vec<DocState>,
    unread: usize,
    /// The position saved last time, as written (taken once at start).
    pub position: Option<String>,
}

impl Workspace {
    /// The marks saved for `corpus` (none when nothing is saved or the file is off).
    pub fn new(setup: StateSetup, corpus: &Corpus) -> Workspace {
        let mut w = Workspace::default();
        match setup {
            StateSetup::Off => {}
            StateSetup::Unavailable(why) => w.problem = Some(why),
            StateSetup::Open(mut store, key) => {
                if let Err(e) = store.reconcile_quietly(&key, corpus) {
                    w.problem = Some(e.to_string());
                }
                w.store = Some((store, key));
            }
        }
        w.position = w.load(corpus);
        w
    }

    /// Reads the saved marks for the documents of `corpus`; returns the saved position.
    fn load(&mut self, corpus: &Corpus) -> Option<String> {
        self.docs = vec![DocState::default(); corpus.documents.len()];
        let mut position = None;
        if let Some((store, key)) = &self.store {
            match store.load(key) {
                Ok(saved) => {
                    for (id, state) in saved.documents {
                        if let Some(i) = corpus.document(&id) {
                            self.docs[i] = state;
                        }
                    }
                    position = saved.position;
                }
                Err(e) => self.problem = Some(e.to_string()),
            }
        }
        self.unread = self.docs.iter().filter(|d| !d.read).count();
        position
    }

    /// Follows the corpus after a reload: the marks are read again for its documents.
    /// A preview of a loading corpus (`complete` false) has no file hashes yet, so saved
    /// state is not matched against it.
    pub fn reload(&mut self, corpus: &Corpus, complete: bool) {
        if let Some((store, key)) = &mut self.store
            && complete
            && let Err(e) = store.reconcile_quietly(key, corpus)
        {
            self.problem = Some(e.to_string());
        }
        self.load(corpus);
    }

    /// True when marks are written to a state file.
    pub fn saving(&self) -> bool {
        self.store.is_some()
    }

    /// The marks of document `doc`.
    pub fn get(&self, doc: usize) -> Option<&DocState> {
        self.docs.get(doc)
    }

    /// True when `doc` was read.
    pub fn is_read(&self, doc: usize) -> bool {
        self.docs.get(doc).is_some_and(|d| d.read)
    }

    /// How many documents are unread.
    pub fn unread(&self) -> usize {
        self.unread
    }

    /// Every tag used, with how many documents carry it, most used first.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for t in self.docs.iter().flat_map(|d| &d.tags) {
            match counts.iter_mut().find(|(name, _)| name == t) {
                Some((_, n)) => *n += 1,
                None => counts.push((t.clone(), 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }

    /// Writes through to the store; a failed write is kept as the problem and returned
    /// as a message, the mark in memory stays (it is what the reader asked for).
    fn save(
        &mut self,
        corpus: &Corpus,
        doc: usize,
        write: impl FnOnce(&mut Store, &CorpusKey, &DocKey) -> Result<(), StoreError>,
    ) -> Option<String> {
        let (store, key) = self.store.as_mut()?;
        let dk = doc_key(corpus, doc)?;
        let e = write(store, key, &dk).err()?;
        let msg = e.to_string();
        self.problem = Some(msg.clone());
        Some(msg)
    }

    /// Marks `doc` read or unread; returns a message when saving failed.
    pub fn set_read(&mut self, corpus: &Corpus, doc: usize, read: bool) -> Option<String> {
        let d = self.docs.get_mut(doc)?;
        if d.read == read {
            return None;
        }
        d.read = read;
        if read {
            self.unread = self.unread.saturating_sub(1);
        } else {
            self.unread += 1;
        }
        self.save(corpus, doc, |s, k, dk| s.set_read(k, dk, read))
    }

    /// Stars or unstars `doc`.
    pub fn set_starred(&mut self, corpus: &Corpus, doc: usize, starred: bool) -> Option<String> {
        self.docs.get_mut(doc)?.starred = starred;
        self.save(corpus, doc, |s, k, dk| s.set_starred(k, dk, starred))
    }

    /// Adds `tag` to `doc`, or removes it when the document has it already; returns
    /// whether it is now on the document and a message when saving failed.
    pub fn toggle_tag(
        &mut self,
        corpus: &Corpus,
        doc: usize,
        tag: &str,
    ) -> (Option<bool>, Option<String>) {
        let Some(tag) = normalize_tag(tag) else {
            return (None, None);
        };
        let Some(d) = self.docs.get_mut(doc) else {
            return (None, None);
        };
        if let Some(at) = d.tags.iter().position(|t| *t == tag) {
            d.tags.remove(at);
            let err = self.save(corpus, doc, |s, k, dk| s.remove_tag(k, &dk.id, &tag));
            return (Some(false), err);
        }
        d.tags.push(tag.clone());
        d.tags.sort();
        let err = self.save(corpus, doc, |s, k, dk| s.add_tag(k, dk, &tag).map(drop));
        (Some(true), err)
    }

    /// Sets (blank: removes) the note of `doc`.
    pub fn set_note(&mut self, corpus: &Corpus, doc: usize, note: &str) -> Option<String> {
        let note = note.trim();
        self.docs.get_mut(doc)?.note = (!note.is_empty()).then(|| note.to_owned());
        self.save(corpus, doc, |s, k, dk| s.set_note(k, dk, Some(note)))
    }

    /// Closes the state file (what is saved is already written): nothing more is saved.
    pub fn close(&mut self) {
        self.store = None;
    }

    /// Saves the interface's position for the corpus.
    pub fn save_position(&mut self, position: &str) -> Option<String> {
        let (store, key) = self.store.as_mut()?;
        let e = store.set_position(key, position).err()?;
        Some(e.to_string())
    }
}

/// A document's key for the store: its id and the hash of its file's text (for corpora
/// assembled from parts, of its body).
fn doc_key(corpus: &Corpus, doc: usize) -> Option<DocKey> {
    let d = corpus.documents.get(doc)?;
    let hash = corpus
        .content_hash(doc)
        .unwrap_or_else(|| ContentHash::of(&d.body.join("\n")));
    Some(DocKey {
        id: d.id.clone(),
        hash,
    })
}

/// Every document's key, for [`Store::reconcile`].
fn doc_keys(corpus: &Corpus) -> Vec<DocKey> {
    (0..corpus.documents.len())
        .filter_map(|i| doc_key(corpus, i))
        .collect()
}

/// Reconciling without printing: the interface owns the screen.
trait ReconcileQuietly {
    fn reconcile_quietly(&mut self, key: &CorpusKey, corpus: &Corpus) -> Result<(), StoreError>;
}

impl ReconcileQuietly for Store {
    fn reconcile_quietly(&mut self, key: &CorpusKey, corpus: &Corpus) -> Result<(), StoreError> {
        self.reconcile(key, &doc_keys(corpus)).map(drop)
    }
}

/// A one-line summary of a document's marks for the reader's header.
pub fn summary(state: &DocState) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if state.starred {
        parts.push("★ starred".into());
    }
    if !state.tags.is_empty() {
        let tags: Vec<String> = state.tags.iter().map(|t| format!("#{t}")).collect();
        parts.push(sanitize(&tags.join(" ")).into_owned());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
