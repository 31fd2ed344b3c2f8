//! What the documents pane finds documents by, built from the corpus: the text the word
//! filter searches and, per entity, the documents that mention it.

use crate::model::Corpus;
use crate::model::filter::FuzzyIndex;
use rayon::prelude::*;
use std::sync::Arc;

/// What documents are looked up by, built once per corpus: off the interface thread
/// when a load finishes (`tui::feed`), as each grows with the corpus.
#[derive(Debug, Clone)]
pub struct Lookup {
    /// The word filter's index ([`documents_index`]).
    pub index: Arc<FuzzyIndex>,
    /// Per entity, the documents that mention it (`documents_by_entity`).
    pub by_entity: Arc<Vec<Vec<u32>>>,
    /// Every document, newest first.
    pub newest_first: Arc<Vec<usize>>,
}

impl Lookup {
    /// The lookups of `corpus`, the three built at once.
    pub fn of(corpus: &Corpus) -> Lookup {
        let ((index, by_entity), newest_first) = rayon::join(
            || rayon::join(|| documents_index(corpus), || documents_by_entity(corpus)),
            || corpus.newest_first(),
        );
        Lookup {
            index: Arc::new(index),
            by_entity: Arc::new(by_entity),
            newest_first: Arc::new(newest_first),
        }
    }

    /// True when these are lookups of a corpus of `corpus`' size (a load's lookups
    /// travel apart from it).
    pub fn fits(&self, corpus: &Corpus) -> bool {
        let documents = corpus.documents.len();
        self.index.len() == documents
            && self.newest_first.len() == documents
            && self.by_entity.len() == corpus.entities.len()
    }
}

/// The most title characters a document is found by.
const TITLE_CHARS: usize = 200;

/// The word filter's index of every document's [`search_text`], built on every core:
/// at 100,000 documents one core took over a second, on the interface thread.
pub fn documents_index(corpus: &Corpus) -> FuzzyIndex {
    let texts: Vec<String> = (0..corpus.documents.len())
        .into_par_iter()
        .map(|i| search_text(corpus, i))
        .collect();
    FuzzyIndex::new(texts)
}

/// The text a document is found by: title, outlet, period, kind and entity names.
pub fn search_text(corpus: &Corpus, i: usize) -> String {
    let d = &corpus.documents[i];
    // A title is a line, but a bad file can make it a whole article: matching cost grows
    // with length, and only the start is ever shown.
    let mut s: String = d.title.chars().take(TITLE_CHARS).collect();
    for part in [
        d.source.clone().unwrap_or_default(),
        d.period
            .map(|p| format!("{} {p}", p.label()))
            .unwrap_or_default(),
        d.kind.label().to_owned(),
    ] {
        s.push_str(" · ");
        s.push_str(&part);
    }
    let mut seen: Vec<usize> = Vec::new();
    for m in corpus
        .mentions
        .get(i)
        .into_iter()
        .flatten()
        .filter(|m| !m.field().is_related())
    {
        if !seen.contains(&m.entity())
            && let Some(e) = corpus.entities.get(m.entity())
        {
            seen.push(m.entity());
            s.push_str(" · ");
            s.push_str(&e.name);
        }
    }
    s
}

/// Per entity, the documents that mention it outside related news (one pass over the
/// mentions).
pub fn documents_by_entity(corpus: &Corpus) -> Vec<Vec<u32>> {
    let mut by_entity: Vec<Vec<u32>> = vec![Vec::new(); corpus.entities.len()];
    for (d, mentions) in corpus.mentions.iter().enumerate() {
        let Ok(d) = u32::try_from(d) else { break };
        for m in mentions.iter().filter(|m| !m.field().is_related()) {
            if let Some(docs) = by_entity.get_mut(m.entity())
                && docs.last() != Some(&d)
            {
                docs.push(d);
            }
        }
    }
    by_entity
}
