//! The fuzzy filter shared by the CLI and the TUI: case- and diacritics-insensitive,
//! multi-term, ranked, with match positions for highlighting.

use super::text::fold_char;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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

/// Items prepared for fuzzy matching: folded once at build time.
#[derive(Debug, Default)]
pub struct FuzzyIndex {
    folded: Vec<String>,
}

impl FuzzyIndex {
    /// Folds every item. Folding maps each char to one char, so positions carry over.
    pub fn new<I, S>(items: I) -> FuzzyIndex
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let folded = items
            .into_iter()
            .map(|s| s.as_ref().chars().map(fold_char).collect())
            .collect();
        FuzzyIndex { folded }
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.folded.len()
    }

    /// True when there are no items.
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// Items matching every space-separated term of `query`, best first. An empty
    /// query matches everything in order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let terms: Vec<String> = query
            .split_whitespace()
            .map(|t| t.chars().map(fold_char).collect())
            .collect();
        if terms.is_empty() {
            return (0..self.folded.len())
                .map(|index| Hit {
                    index,
                    score: 0,
                    positions: Vec::new(),
                })
                .collect();
        }
        let matcher = SkimMatcherV2::default();
        let mut hits: Vec<Hit> = self
            .folded
            .iter()
            .enumerate()
            .filter_map(|(index, hay)| {
                let mut score = 0;
                let mut positions = Vec::new();
                for t in &terms {
                    let (s, p) = matcher.fuzzy_indices(hay, t)?;
                    score += s;
                    positions.extend(p);
                }
                positions.sort_unstable();
                positions.dedup();
                Some(Hit {
                    index,
                    score,
                    positions,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_and_requires_all_terms() {
        let idx = FuzzyIndex::new(["Hoàng Xuân Chiến", "Việt Nam–China exchange 9th", "Laos"]);
        assert_eq!(idx.search("chien")[0].index, 0);
        assert_eq!(idx.search("viet nam").len(), 1);
        assert_eq!(idx.search("exchange 9th")[0].index, 1);
        assert!(idx.search("exchange 8th").is_empty());
        assert_eq!(idx.search("").len(), 3);
    }

    #[test]
    fn positions_index_original_chars() {
        let idx = FuzzyIndex::new(["Chiến"]);
        let hit = &idx.search("en")[0];
        let chars: Vec<char> = "Chiến".chars().collect();
        assert_eq!(hit.positions.iter().map(|&p| chars[p]).collect::<String>(), "ến");
    }
}
