//! Incremental search for a query typed one key at a time.

use super::hits::{Hit, Matches};
use super::index::{FuzzyIndex, Scored};
use super::query::Query;
use std::sync::atomic::AtomicBool;

/// How many earlier queries are remembered (one per keystroke of the current query).
const HISTORY: usize = 32;

/// Remembers what earlier queries matched, so that a query extending one of them
/// ("bor" → "bord") only rescans that query's matches, and going back (backspace)
/// reuses the scores already computed. Use one `Searcher` per [`FuzzyIndex`]; call
/// [`Searcher::reset`] when the items change.
#[derive(Debug, Default)]
pub struct Searcher {
    /// Earlier queries (normalised) and their matches in index order; each key is a
    /// prefix of the next.
    history: Vec<(String, Vec<Scored>)>,
}

impl Searcher {
    /// A searcher with no history.
    pub fn new() -> Searcher {
        Searcher::default()
    }

    /// Forgets earlier queries (needed when the index is rebuilt).
    pub fn reset(&mut self) {
        self.history.clear();
    }

    /// The best `limit` hits of `query` and the number of matches.
    pub fn search(&mut self, index: &FuzzyIndex, query: &str, limit: usize) -> Matches {
        self.run(index, query, limit, None).unwrap_or_default()
    }

    /// Like [`Searcher::search`], but gives up (returning `None`) as soon as `cancel` is
    /// raised, e.g. because a newer query arrived; the history stays consistent.
    pub fn search_cancellable(
        &mut self,
        index: &FuzzyIndex,
        query: &str,
        limit: usize,
        cancel: &AtomicBool,
    ) -> Option<Matches> {
        self.run(index, query, limit, Some(cancel))
    }

    fn run(
        &mut self,
        index: &FuzzyIndex,
        query: &str,
        limit: usize,
        cancel: Option<&AtomicBool>,
    ) -> Option<Matches> {
        let q = Query::parse(query);
        if q.is_empty() {
            self.history.clear();
            return Some(Matches {
                hits: index.unranked(limit),
                total: index.len(),
            });
        }
        let key = normalise(&q, query);
        // Keep only the queries the new one extends: their matches contain its matches.
        self.history.retain(|(k, _)| key.starts_with(k.as_str()));
        let fresh = match self.history.last() {
            // Same terms ("hoi" → "hoi "): same matches, nothing to scan.
            Some((k, _)) if k.trim_end() == key.trim_end() => None,
            Some((_, scored)) => {
                let candidates: Vec<u32> = scored.iter().map(|&(_, i)| i).collect();
                Some(index.scan(&q, Some(&candidates), cancel)?)
            }
            None => Some(index.scan(&q, None, cancel)?),
        };
        if let Some(scored) = fresh {
            if self.history.len() == HISTORY {
                self.history.remove(0);
            }
            self.history.push((key, scored));
        }
        let scored = self.history.last().map_or(&[][..], |(_, s)| s.as_slice());
        let total = scored.len();
        let hits: Vec<Hit> = index.rank(&q, scored, limit);
        Some(Matches { hits, total })
    }
}

/// The folded terms joined by one space, with a trailing space when the query ends with
/// one: a query whose key starts with another's can only match a subset of its items.
fn normalise(q: &Query, raw: &str) -> String {
    let mut key = q.terms.join(" ");
    if raw.ends_with(char::is_whitespace) {
        key.push(' ');
    }
    key
}
