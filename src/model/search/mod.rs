//! Finding words and phrases: inside one document (the reader's search) and across the
//! corpus (a ranked full-text search with the best sentence under each hit).
//!
//! Text is split into words and folded (case, diacritics) by [`words`], the same way
//! for documents and queries, so matching is by whole words (or a `word*` prefix),
//! never by scattered letters. The corpus index ([`SearchIndex`]) is a small inverted
//! index with positions, built in parallel; it was measured faster to build and to
//! query than tantivy in RAM at 100,000 articles (see the README's Speed section).

mod bm25;
mod index;
mod postings;
mod query;
mod rank;
mod reader;
mod snippet;
pub mod words;

pub use index::{MAX_WORD_BYTES, SearchIndex};
pub use query::{MAX_TERMS, SearchQuery, Term};
pub use rank::{Ranked, RankedDocs};
pub use reader::{TextHit, find_in_document, find_in_text, find_in_words, reading_order};
pub use snippet::{MAX_SNIPPET, Snippet, best_sentence};

use crate::model::document::Document;
use rayon::prelude::*;

/// One result of a corpus search.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusHit {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// BM25 score (higher is better).
    pub score: f32,
    /// Its best sentence (None only if the text changed since indexing).
    pub snippet: Option<Snippet>,
}

/// The results of a corpus search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusResults {
    /// Best first.
    pub hits: Vec<CorpusHit>,
    /// How many documents matched in all.
    pub total: usize,
}

/// Searches the corpus: the best `limit` documents for `query` (every term must occur;
/// related-news tails only when `related`), each with its best sentence.
pub fn search(
    docs: &[Document],
    index: &SearchIndex,
    query: &SearchQuery,
    related: bool,
    limit: usize,
) -> CorpusResults {
    let ranked = index.rank(query, related, limit);
    let hits = ranked
        .hits
        .par_iter()
        .map(|r| CorpusHit {
            doc: r.doc,
            score: r.score,
            snippet: docs
                .get(r.doc)
                .and_then(|d| best_sentence(d, query, related)),
        })
        .collect();
    CorpusResults {
        hits,
        total: ranked.total,
    }
}

#[cfg(test)]
mod tests;
