//! What a fuzzy search finds: each hit, and the best hits with how many matched.

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
