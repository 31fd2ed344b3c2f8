//! The folded items and the scan that scores them.

use super::hits::Hit;
use super::query::{NON_ASCII, Query, is_subsequence, mask_of};
use crate::model::text::fold_char;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

/// Items scored per rayon task: large enough that scheduling costs nothing.
const CHUNK: usize = 2048;

/// A matched item before ranking: its proxy score (see `proxy`) and its index.
pub(super) type Scored = (i64, u32);

/// With only the top `limit` hits wanted, this many times as many matches (and at
/// least `MIN_PRESELECT`), best by proxy score, are scored exactly by skim.
const PRESELECT_FACTOR: usize = 4;
/// The least number of matches scored exactly.
const MIN_PRESELECT: usize = 512;

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
    /// Folds every item, on every core. Folding maps each char to one char, so
    /// positions carry over.
    pub fn new<I, S>(items: I) -> FuzzyIndex
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str> + Send + Sync,
    {
        let items: Vec<S> = items.into_iter().collect();
        // Each task folds a run of items into its own buffer; the runs are joined in order.
        let parts: Vec<(String, Vec<usize>, Vec<u64>)> = items
            .par_chunks(CHUNK)
            .map(|run| {
                let mut text = String::new();
                let (mut ends, mut masks) =
                    (Vec::with_capacity(run.len()), Vec::with_capacity(run.len()));
                for item in run {
                    let start = text.len();
                    text.extend(item.as_ref().chars().map(fold_char));
                    masks.push(mask_of(&text[start..]));
                    ends.push(text.len());
                }
                (text, ends, masks)
            })
            .collect();
        let mut text = String::with_capacity(parts.iter().map(|p| p.0.len()).sum());
        let (mut ends, mut masks) = (
            Vec::with_capacity(items.len()),
            Vec::with_capacity(items.len()),
        );
        for (t, e, m) in parts {
            let base = text.len();
            text.push_str(&t);
            ends.extend(e.into_iter().map(|x| x + base));
            masks.extend(m);
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

    /// Like [`FuzzyIndex::search`] but keeps only the best `limit` hits. Every match is
    /// found, but only the best few (by a cheap proxy of the skim score, at least
    /// `4 × limit` and 512) are scored by skim, ranked, and given positions.
    pub fn search_top(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::parse(query);
        if q.is_empty() {
            return self.unranked(limit);
        }
        let scored = self.scan(&q, None, None).unwrap_or_default();
        self.rank(&q, &scored, limit)
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

    /// The best `limit` of `scored` by skim score, best first (ties by index), with
    /// match positions; when there are many, only the best by proxy are scored.
    pub(super) fn rank(&self, q: &Query, scored: &[Scored], limit: usize) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let keep = limit.saturating_mul(PRESELECT_FACTOR).max(MIN_PRESELECT);
        let picked: Vec<u32> = if scored.len() <= keep {
            scored.iter().map(|&(_, i)| i).collect()
        } else {
            let mut best = scored.to_vec();
            best.select_nth_unstable_by(keep - 1, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            best.truncate(keep);
            best.into_iter().map(|(_, i)| i).collect()
        };
        let mut exact: Vec<Scored> = picked
            .par_iter()
            .with_min_len(256)
            .filter_map(|&i| self.skim_score(q, i as usize).map(|s| (s, i)))
            .collect();
        let order = |a: &Scored, b: &Scored| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if limit < exact.len() {
            exact.select_nth_unstable_by(limit - 1, order);
            exact.truncate(limit);
        }
        exact.par_sort_unstable_by(order);
        exact
            .par_iter()
            .with_min_len(64)
            .map(|&(score, i)| Hit {
                index: i as usize,
                score,
                positions: self.positions(q, i as usize),
            })
            .collect()
    }

    /// The proxy score of item `i` if it matches every term (as a subsequence of chars).
    fn score(&self, q: &Query, i: usize) -> Option<i64> {
        let mask = self.masks[i];
        if mask & q.mask != q.mask {
            return None;
        }
        let hay = self.folded(i);
        let bytes = hay.as_bytes();
        // On ASCII text a zero proxy score means "no match"; elsewhere chars decide.
        // An ASCII byte never occurs inside a multi-byte char, so for ASCII terms the
        // byte-level proxy (0 = no match) is exact on any text; other terms need chars.
        let bytes_decide = q.ascii || mask & NON_ASCII == 0;
        if !bytes_decide && !q.terms.iter().all(|t| is_subsequence(hay, t)) {
            return None;
        }
        q.proxies.iter().try_fold(0, |sum, t| match t.score(bytes) {
            0 => None,
            s => Some(sum + s),
        })
    }

    /// The summed skim score of item `i` against every term, or `None` if a term misses.
    fn skim_score(&self, q: &Query, i: usize) -> Option<i64> {
        let hay = self.folded(i);
        q.terms.iter().try_fold(0, |sum, t| {
            let (_, part) = window(hay, t)?;
            Some(sum + self.matcher.fuzzy_match(part, t)?)
        })
    }

    /// The char positions in item `i` matched by any term, ascending and distinct.
    fn positions(&self, q: &Query, i: usize) -> Vec<usize> {
        let hay = self.folded(i);
        let mut positions: Vec<usize> = q
            .terms
            .iter()
            .filter_map(|t| {
                let (start, part) = window(hay, t)?;
                let skipped = hay[..start].chars().count();
                let (_, p) = self.matcher.fuzzy_indices(part, t)?;
                Some(p.into_iter().map(move |i| i + skipped))
            })
            .flatten()
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// The part of `hay` a term can match: from the char before the first occurrence of the
/// term's first char to the last occurrence of its last char, with its byte offset.
/// Skim scores this window exactly as the whole text (the char before keeps the
/// word-start bonus right; the first-char bonus falls on that unmatched char), and
/// scoring cost grows with the window, so short queries get much cheaper.
fn window<'a>(hay: &'a str, term: &str) -> Option<(usize, &'a str)> {
    let first = term.chars().next()?;
    let last = term.chars().next_back()?;
    let at = hay.find(first)?;
    let start = hay[..at].char_indices().next_back().map_or(at, |(i, _)| i);
    let end = hay.rfind(last)? + last.len_utf8();
    (end > at).then(|| (start, &hay[start..end]))
}
