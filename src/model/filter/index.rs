//! The folded items and the scan that scores them.

use super::Hit;
use super::query::{NON_ASCII, Query, is_subsequence, is_subsequence_ascii, mask_of};
use crate::model::text::fold_char;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

/// Items scored per rayon task: large enough that scheduling costs nothing.
const CHUNK: usize = 2048;

/// A matched item before ranking: its summed score and its index.
pub(super) type Scored = (i64, u32);

/// Items prepared for fuzzy matching: folded once at build time, stored in one buffer,
/// each with a char-set mask for the prefilter.
pub struct FuzzyIndex {
    /// Every folded item, concatenated.
    text: String,
    /// `ends[i]` is the end of item `i` in `text`; it starts where item `i - 1` ends.
    ends: Vec<usize>,
    /// Char-set mask of each item (see `query::mask_of`).
    masks: Vec<u64>,
    /// The scorer; its scratch buffers are per thread, so one is shared by all.
    matcher: SkimMatcherV2,
}

impl fmt::Debug for FuzzyIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FuzzyIndex")
            .field("len", &self.len())
            .field("bytes", &self.text.len())
            .finish()
    }
}

impl Default for FuzzyIndex {
    fn default() -> FuzzyIndex {
        FuzzyIndex::new(std::iter::empty::<&str>())
    }
}

impl FuzzyIndex {
    /// Folds every item. Folding maps each char to one char, so positions carry over.
    pub fn new<I, S>(items: I) -> FuzzyIndex
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut text = String::new();
        let mut ends = Vec::new();
        let mut masks = Vec::new();
        for item in items {
            let start = text.len();
            text.extend(item.as_ref().chars().map(fold_char));
            masks.push(mask_of(&text[start..]));
            ends.push(text.len());
        }
        FuzzyIndex {
            text,
            ends,
            masks,
            // Items and queries are folded already: exact comparison is both right and fastest.
            matcher: SkimMatcherV2::default().respect_case(),
        }
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are no items.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The folded text of item `i` ("" when out of range).
    pub fn folded(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..end]
    }

    /// Items matching every space-separated term of `query`, best first, each with its
    /// match positions. An empty query matches everything in order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        self.search_top(query, usize::MAX)
    }

    /// Like [`FuzzyIndex::search`] but keeps only the best `limit` hits, so positions
    /// are computed and results sorted for those alone.
    pub fn search_top(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::parse(query);
        if q.is_empty() {
            return self.unranked(limit);
        }
        let scored = self.scan(&q, None, None).unwrap_or_default();
        self.rank(&q, scored, limit)
    }

    /// The first `limit` items in order, unscored (what an empty query shows).
    pub(super) fn unranked(&self, limit: usize) -> Vec<Hit> {
        (0..self.len().min(limit))
            .map(|index| Hit {
                index,
                score: 0,
                positions: Vec::new(),
            })
            .collect()
    }

    /// Scores the candidates (all items when `None`) in parallel and returns those that
    /// match, in index order. `None` when `cancel` was raised during the scan.
    pub(super) fn scan(
        &self,
        q: &Query,
        candidates: Option<&[u32]>,
        cancel: Option<&AtomicBool>,
    ) -> Option<Vec<Scored>> {
        let stopped = || cancel.is_some_and(|c| c.load(Ordering::Relaxed));
        let score = |i: u32| {
            if stopped() {
                return None;
            }
            self.score(q, i as usize).map(|s| (s, i))
        };
        let scored: Vec<Scored> = match candidates {
            Some(c) => c
                .par_iter()
                .with_min_len(CHUNK)
                .filter_map(|&i| score(i))
                .collect(),
            None => {
                let n = u32::try_from(self.len()).unwrap_or(u32::MAX);
                (0..n)
                    .into_par_iter()
                    .with_min_len(CHUNK)
                    .filter_map(score)
                    .collect()
            }
        };
        (!stopped()).then_some(scored)
    }

    /// The best `limit` of `scored`, best first (ties by index), with match positions.
    pub(super) fn rank(&self, q: &Query, mut scored: Vec<Scored>, limit: usize) -> Vec<Hit> {
        let order = |a: &Scored, b: &Scored| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if limit == 0 {
            return Vec::new();
        }
        if limit < scored.len() {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
        scored.par_sort_unstable_by(order);
        scored
            .par_iter()
            .with_min_len(256)
            .map(|&(score, i)| Hit {
                index: i as usize,
                score,
                positions: self.positions(q, i as usize),
            })
            .collect()
    }

    /// The summed score of item `i` against every term, or `None` if a term misses.
    fn score(&self, q: &Query, i: usize) -> Option<i64> {
        let mask = self.masks[i];
        if mask & q.mask != q.mask {
            return None;
        }
        let hay = self.folded(i);
        let present = if q.ascii && mask & NON_ASCII == 0 {
            let bytes = hay.as_bytes();
            q.terms.iter().all(|t| is_subsequence_ascii(bytes, t.as_bytes()))
        } else {
            q.terms.iter().all(|t| is_subsequence(hay, t))
        };
        if !present {
            return None;
        }
        q.terms
            .iter()
            .try_fold(0, |sum, t| Some(sum + self.matcher.fuzzy_match(hay, t)?))
    }

    /// The char positions in item `i` matched by any term, ascending and distinct.
    fn positions(&self, q: &Query, i: usize) -> Vec<usize> {
        let hay = self.folded(i);
        let mut positions: Vec<usize> = q
            .terms
            .iter()
            .filter_map(|t| self.matcher.fuzzy_indices(hay, t))
            .flat_map(|(_, p)| p)
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}
