//! Comparisons worth reading: half-year reviews of different years, the same
//! conference from two outlets, a half-year review and the same year's annual review,
//! annual reviews of different years. Pairs come from `Document::{kind, period,
//! source}`; each must also stand on its own content: both openings read like a review
//! of the work (several subjects, none dominating, see `profile`), and pairs whose
//! topics are more alike rank higher. A report on one event is never paired, nor a
//! file that is an exact copy of another (one report saved twice, not two outlets').

use super::comparison::Suggestion;
use crate::model::corpus::Corpus;
use crate::model::date::Period;
use candidates::{Index, candidates};
use pair::{Reason, ordered};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

mod candidates;
mod pair;

/// Counterparts listed per reason for one document (`suggest_for`).
const PER_REASON_FOR_ONE: usize = 8;
/// Counterparts kept per reason and document across the corpus (`suggest`), so the
/// list stays readable at 100,000 articles.
const PER_REASON_CORPUS: usize = 3;
/// How far topics alike or unlike move a pair's score (±half of this): enough to rank
/// pairs of one reason, not to overturn the reasons' order.
const CONTENT_WEIGHT: f32 = 0.1;

/// The place of each item in the order `key` gives (ties by index).
fn ranks<K: Ord + Send>(n: usize, key: impl Fn(usize) -> K + Sync) -> Vec<u32> {
    let mut order: Vec<(K, usize)> = (0..n).into_par_iter().map(|i| (key(i), i)).collect();
    order.par_sort_unstable();
    let mut rank = vec![0u32; n];
    for (r, (_, i)) in order.into_iter().enumerate() {
        rank[i] = r as u32;
    }
    rank
}

/// Every document's place in the order of ids and in reading order (`ordered`), so a
/// corpus-wide list orders its pairs without comparing strings again.
fn id_and_reading_ranks(corpus: &Corpus) -> (Vec<u32>, Vec<u32>) {
    let docs = &corpus.documents;
    let by_id = ranks(docs.len(), |i| docs[i].id.as_str());
    let sources: Vec<Option<&str>> = docs
        .iter()
        .map(|d| d.source.as_deref())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let source_rank = |s: Option<&str>| sources.binary_search(&s).unwrap_or(0);
    let reading = ranks(docs.len(), |i| {
        let d = &docs[i];
        (
            d.period.map(Period::sort_key),
            source_rank(d.source.as_deref()),
            by_id[i],
        )
    });
    (by_id, reading)
}

/// A pair in reading order, scored: its reason's score moved by how alike the two
/// documents' topics are.
#[derive(Clone, Copy)]
struct Scored {
    pair: (usize, usize),
    score: f32,
    alike: f32,
    reason: Reason,
}

impl Scored {
    fn new(index: &Index, pair: (usize, usize), score: f32, reason: Reason) -> Scored {
        let alike = index.alike(pair.0, pair.1);
        Scored {
            pair,
            score: (score + CONTENT_WEIGHT * (alike - 0.5)).clamp(0.0, 1.0),
            alike,
            reason,
        }
    }

    /// The suggestion, with its ids and reason written out.
    fn suggestion(self, corpus: &Corpus) -> Suggestion {
        let (l, r) = self.pair;
        let mut reason = String::with_capacity(96);
        self.reason.write(corpus, self.alike, &mut reason);
        Suggestion {
            left_index: l,
            right_index: r,
            left: corpus.documents[l].id.clone(),
            right: corpus.documents[r].id.clone(),
            reason,
            score: self.score,
        }
    }
}

fn suggestion(
    corpus: &Corpus,
    index: &Index,
    pair: (usize, usize),
    score: f32,
    reason: Reason,
) -> Suggestion {
    Scored::new(index, pair, score, reason).suggestion(corpus)
}

fn best_first(list: &mut [Suggestion]) {
    list.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| (&a.left, &a.right).cmp(&(&b.left, &b.right)))
    });
}

/// Comparisons worth reading across the corpus, best first (each pair once).
pub fn suggest(corpus: &Corpus) -> Vec<Suggestion> {
    let index = Index::new(corpus);
    (0..corpus.documents.len()).into_par_iter().for_each(|i| {
        index.profile(i);
    });
    let (by_id, rank) = id_and_reading_ranks(corpus);
    let pair = |a: usize, b: usize| if rank[a] <= rank[b] { (a, b) } else { (b, a) };
    let found: Vec<((usize, usize), f32, Reason)> = (0..corpus.documents.len())
        .into_par_iter()
        .flat_map_iter(|d| {
            candidates(corpus, &index, d, PER_REASON_CORPUS)
                .into_iter()
                .map(move |(j, score, reason)| (pair(d, j), score, reason))
        })
        .collect();
    let mut best: FxHashMap<(usize, usize), (f32, Reason)> = FxHashMap::default();
    for (pair, score, reason) in found {
        match best.entry(pair) {
            Entry::Occupied(mut e) if e.get().0 < score => {
                e.insert((score, reason));
            }
            Entry::Occupied(_) => {}
            Entry::Vacant(e) => {
                e.insert((score, reason));
            }
        }
    }
    // Ranked before any text is written: `best_first`'s order, ids compared by rank.
    let mut scored: Vec<Scored> = best
        .into_par_iter()
        .map(|(pair, (score, reason))| Scored::new(&index, pair, score, reason))
        .collect();
    let ids = |s: &Scored| (by_id[s.pair.0], by_id[s.pair.1]);
    scored.par_sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(ids(a).cmp(&ids(b))));
    scored
        .into_par_iter()
        .map(|s| s.suggestion(corpus))
        .collect()
}

/// Counterparts worth comparing with one document, best first. `left`/`right` keep
/// the pair's reading order (older first), so `doc` may be on either side.
pub fn suggest_for(corpus: &Corpus, doc: usize) -> Vec<Suggestion> {
    if doc >= corpus.documents.len() {
        return Vec::new();
    }
    let index = Index::new(corpus);
    let mut list: Vec<Suggestion> = Vec::new();
    for (j, score, reason) in candidates(corpus, &index, doc, PER_REASON_FOR_ONE) {
        if !list.iter().any(|s| {
            s.left_index.min(s.right_index) == doc.min(j)
                && s.left_index.max(s.right_index) == doc.max(j)
        }) {
            list.push(suggestion(
                corpus,
                &index,
                ordered(corpus, doc, j),
                score,
                reason,
            ));
        }
    }
    best_first(&mut list);
    list
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;
