//! The in-memory model: documents, entities, mentions and events, built once.

use super::basis::Basis;
use super::date::Date;
use super::document::Document;
use super::duplicates::{ContentHash, Duplicates};
use super::entity::{Entity, Mention};
use super::event::Event;
use super::load::{self, Observer};
use super::overrides::Overrides;
use super::source::Problem;
use super::text;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::fmt;

/// The whole model of a corpus.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Documents, in load order (sorted by path).
    pub documents: Vec<Document>,
    /// Entities resolved across the corpus.
    pub entities: Vec<Entity>,
    /// Per document (same index), its mentions sorted by field and offset.
    pub mentions: Vec<Vec<Mention>>,
    /// The event timeline, in timeline order.
    pub events: Vec<Event>,
    /// Files that were skipped or repaired while loading.
    pub problems: Vec<Problem>,
    /// Document and entity indices by id, built once by [`Corpus::new`].
    ids: Ids,
    /// Per document, the hash of its file's text (empty for corpora assembled from parts).
    hashes: Vec<ContentHash>,
    /// Which documents are exact copies of another.
    duplicates: Duplicates,
    /// Per document, what its build depended on (empty unless this process built it).
    basis: Vec<Basis>,
    /// What the cache reported while loading (a damaged cache that was rebuilt), for the
    /// user to be told; not part of the corpus' content.
    pub cache_note: Option<Box<str>>,
}

/// What a build uses besides the files: the user's corrections and who is told of progress.
#[derive(Clone, Copy)]
pub struct BuildOptions<'a> {
    /// Applied to each document as it is built, before entities and events.
    pub overrides: Option<&'a Overrides>,
    /// Told of progress and given each batch of built documents.
    pub observer: &'a dyn Observer,
}

impl Default for BuildOptions<'_> {
    fn default() -> Self {
        BuildOptions {
            overrides: None,
            observer: &load::Quiet,
        }
    }
}

/// Documents are built and handed to the observer in batches of this many, in load order.
pub const BATCH: usize = 512;

#[derive(Debug, Default)]
struct Ids {
    documents: FxHashMap<String, usize>,
    entities: FxHashMap<String, usize>,
}

/// Why a document id did not name one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// The id given was empty.
    Empty,
    /// No document id starts with it.
    NotFound(String),
    /// Several do.
    Ambiguous(String, Vec<String>),
}

/// How much of an id or query an error message echoes.
const ECHOED_CHARS: usize = 60;
/// How many of the matching ids an "ambiguous" message names.
const NAMED_IDS: usize = 5;

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let echo = |s: &str| format!("{:?}", text::shorten(s, ECHOED_CHARS));
        match self {
            LookupError::Empty => write!(f, "the document id is empty (try `dossier list`)"),
            LookupError::NotFound(q) => {
                write!(f, "no document matches {} (try `dossier list`)", echo(q))
            }
            LookupError::Ambiguous(q, ids) => {
                let named: Vec<String> = ids.iter().take(NAMED_IDS).map(|i| echo(i)).collect();
                write!(
                    f,
                    "{} matches several documents: {}",
                    echo(q),
                    named.join(", ")
                )?;
                match ids.len().saturating_sub(NAMED_IDS) {
                    0 => Ok(()),
                    more => write!(f, " and {more} more"),
                }
            }
        }
    }
}

impl std::error::Error for LookupError {}

impl Corpus {
    /// Assembles a corpus from its parts (the model's stages, or test fixtures).
    pub fn new(
        documents: Vec<Document>,
        entities: Vec<Entity>,
        mentions: Vec<Vec<Mention>>,
        events: Vec<Event>,
        problems: Vec<Problem>,
    ) -> Corpus {
        let ids = Ids {
            documents: documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.clone(), i))
                .collect(),
            entities: entities
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), i))
                .collect(),
        };
        Corpus {
            documents,
            entities,
            mentions,
            events,
            problems,
            ids,
            hashes: Vec::new(),
            duplicates: Duplicates::default(),
            basis: Vec::new(),
            cache_note: None,
        }
    }

    /// Sets what each document's build depended on (same index).
    pub fn set_basis(&mut self, basis: Vec<Basis>) {
        self.basis = basis;
    }

    /// What each document's build depended on, when this process built them (for a
    /// cache to save); the corpus forgets it.
    pub fn take_basis(&mut self) -> Vec<Basis> {
        std::mem::take(&mut self.basis)
    }

    /// Sets the documents' content hashes (same index) and the exact copies they reveal.
    pub fn set_hashes(&mut self, hashes: Vec<ContentHash>) {
        self.duplicates = Duplicates::find(&hashes);
        self.hashes = hashes;
    }

    /// The hash of document `doc`'s file text (`None` for corpora assembled from parts).
    pub fn content_hash(&self, doc: usize) -> Option<ContentHash> {
        self.hashes.get(doc).copied()
    }

    /// The document that `doc` is a byte-for-byte copy of (the first in load order), if any.
    pub fn duplicate_of(&self, doc: usize) -> Option<usize> {
        self.duplicates.original(doc)
    }

    /// Which documents are exact copies of which.
    pub fn duplicates(&self) -> &Duplicates {
        &self.duplicates
    }

    /// The index of the document with exactly this id.
    pub fn document(&self, id: &str) -> Option<usize> {
        self.ids.documents.get(id).copied()
    }

    /// The index of the document whose id is `query` or starts with it.
    pub fn find(&self, query: &str) -> Result<usize, LookupError> {
        if query.is_empty() {
            return Err(LookupError::Empty);
        }
        if let Some(i) = self.document(query) {
            return Ok(i);
        }
        let hits: Vec<usize> = (0..self.documents.len())
            .filter(|&i| self.documents[i].id.starts_with(query))
            .collect();
        match hits.as_slice() {
            [] => Err(LookupError::NotFound(query.to_owned())),
            [one] => Ok(*one),
            many => Err(LookupError::Ambiguous(
                query.to_owned(),
                many.iter().map(|&i| self.documents[i].id.clone()).collect(),
            )),
        }
    }

    /// Document indices, newest first (undated last, then by id).
    pub fn newest_first(&self) -> Vec<usize> {
        let dates: Vec<Option<Date>> = self.documents.iter().map(Document::sort_date).collect();
        let mut order: Vec<usize> = (0..self.documents.len()).collect();
        // A total order (the index breaks ties), so the unstable sort is deterministic.
        order.par_sort_unstable_by(|&a, &b| {
            dates[b]
                .cmp(&dates[a])
                .then_with(|| self.documents[a].id.cmp(&self.documents[b].id))
                .then(a.cmp(&b))
        });
        order
    }

    /// The index of an entity by id.
    pub fn entity(&self, id: &str) -> Option<usize> {
        self.ids.entities.get(id).copied()
    }
}
