//! The fuzzy filter shared by the CLI and the TUI: case- and diacritics-insensitive,
//! multi-term (every space-separated term must match), ranked by the skim V2 score of
//! fuzzy-matcher, with match positions for highlighting.
//!
//! Speed comes from work done once at build time (folding, a char-set mask per item,
//! one contiguous buffer), a cheap prefilter before scoring (mask, then a subsequence
//! scan), scoring split over all cores, keeping only the top results, and narrowing
//! incrementally when a query extends the previous one ([`Searcher`]); [`FilterWorker`]
//! runs it off the input path, newest query first.

mod index;
mod proxy;
mod query;
mod searcher;
mod worker;

pub use index::FuzzyIndex;
pub use searcher::Searcher;
pub use worker::{FilterWorker, Response};

/// One match: which item, how well, and which characters matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the item in the index.
    pub index: usize,
    /// Higher is better.
    pub score: i64,
    /// Char indices (not bytes) of matched characters in the item's original text, ascending.
    pub positions: Vec<usize>,
}

/// The best hits of a search and how many items matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// The best hits, best first (at most the limit asked for).
    pub hits: Vec<Hit>,
    /// The number of items that matched.
    pub total: usize,
}

#[cfg(test)]
mod tests;
