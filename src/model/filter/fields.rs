//! The word filter over items made of several fields (a document's title, outlet,
//! period and entity names; an event's name, series, kind, place and sentences):
//! every typed term must match some field of an item, by the ladder of [`ladder`] in
//! name-like fields and by whole words (or word starts) in text fields; items are
//! ranked by the sum of each term's best match, weighted by field.

use super::ladder::{Class, SHORT};
use super::vocab::{ChunkWords, Vocab};
use crate::model::search::words::{Words, folded_words};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Items per build task.
const CHUNK: usize = 2048;
/// The most terms of a query that count.
pub const MAX_TERMS: usize = 16;

/// How one field of the items is matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// Multiplies a match's points (1–10): a name counts more than a sentence.
    pub weight: u16,
    /// Text (sentences, body): whole words and word starts only, no initials or pieces.
    pub text: bool,
}

impl FieldSpec {
    /// A field of names and labels, matched by the whole name ladder.
    pub const fn names(weight: u16) -> FieldSpec {
        FieldSpec {
            weight,
            text: false,
        }
    }

    /// A field of running text, matched by whole words and word starts.
    pub const fn text(weight: u16) -> FieldSpec {
        FieldSpec { weight, text: true }
    }
}

/// A filter query: its folded words, each a term that must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterQuery {
    /// The folded terms, duplicates dropped.
    pub terms: Vec<String>,
}

impl FilterQuery {
    /// Splits a typed query into folded words (punctuation separates, as in the text).
    pub fn parse(query: &str) -> FilterQuery {
        let mut terms: Vec<String> = Vec::new();
        for w in folded_words(query) {
            if !terms.contains(&w) && terms.len() < MAX_TERMS {
                terms.push(w);
            }
        }
        FilterQuery { terms }
    }

    /// True when there is nothing to match (everything passes).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// One item that matched, with its score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilterHit {
    /// The item's index.
    pub index: usize,
    /// Summed points of each term's best match.
    pub score: u32,
}

/// The best hits and how many items matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterResults {
    /// Best first; ties in the order given at build time.
    pub hits: Vec<FilterHit>,
    /// The number of items that matched every term.
    pub total: usize,
}

/// Extra matches for a term from outside the index: `(term, push(item, points))`
/// (a document filter's body words come from the corpus search index).
pub type Extra<'a> = &'a (dyn Fn(&str, &mut dyn FnMut(u32, u16)) + Sync);

/// The folded words of every item's fields, in three vocabularies.
#[derive(Debug, Default)]
pub struct FieldIndex {
    specs: Vec<FieldSpec>,
    items: usize,
    names: Vocab,
    initials: Vocab,
    text: Vocab,
    /// Tie-break rank of each item (lower first).
    rank: Vec<u32>,
}

/// The three vocabularies of one chunk of items.
type ChunkOut = (ChunkWords, ChunkWords, ChunkWords);

impl FieldIndex {
    /// Indexes `items` items; `fields_of(i)` gives item `i`'s (field, text) pairs, the
    /// field an index into `specs`. `rank[i]` orders ties (missing: by index).
    pub fn build<F>(items: usize, specs: Vec<FieldSpec>, rank: Vec<u32>, fields_of: F) -> FieldIndex
    where
        F: Fn(usize) -> Vec<(u8, String)> + Sync,
    {
        let chunks: Vec<ChunkOut> = (0..items.div_ceil(CHUNK))
            .into_par_iter()
            .map(|c| index_chunk(c * CHUNK..((c + 1) * CHUNK).min(items), &specs, &fields_of))
            .collect();
        let (mut names, mut initials, mut text) = (Vec::new(), Vec::new(), Vec::new());
        for (n, i, t) in chunks {
            names.push(n);
            initials.push(i);
            text.push(t);
        }
        let (names, (initials, text)) = rayon::join(
            || Vocab::from_chunks(names),
            || rayon::join(|| Vocab::from_chunks(initials), || Vocab::from_chunks(text)),
        );
        let rank = if rank.len() == items {
            rank
        } else {
            (0..items as u32).collect()
        };
        FieldIndex {
            specs,
            items,
            names,
            initials,
            text,
            rank,
        }
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.items
    }

    /// True when there are no items.
    pub fn is_empty(&self) -> bool {
        self.items == 0
    }

    /// The best `limit` items matching every term of `query` (all items, in rank
    /// order, when it is empty), and how many matched.
    pub fn search(&self, query: &FilterQuery, extra: Option<Extra>, limit: usize) -> FilterResults {
        if query.is_empty() {
            let mut all: Vec<usize> = (0..self.items).collect();
            all.sort_unstable_by_key(|&i| self.rank[i]);
            all.truncate(limit);
            let hits = all
                .into_iter()
                .map(|index| FilterHit { index, score: 0 })
                .collect();
            return FilterResults {
                hits,
                total: self.items,
            };
        }
        let mut total = vec![0u32; self.items];
        let mut count = vec![0u8; self.items];
        let mut best = vec![0u16; self.items];
        let mut touched: Vec<u32> = Vec::new();
        for (t, term) in query.terms.iter().enumerate() {
            let mut push = |item: u32, points: u16| {
                let b = &mut best[item as usize];
                if *b == 0 {
                    touched.push(item);
                }
                *b = (*b).max(points);
            };
            self.term_matches(term, &mut push);
            if let Some(extra) = extra {
                extra(term, &mut push);
            }
            for item in touched.drain(..) {
                let i = item as usize;
                if count[i] as usize == t {
                    total[i] += u32::from(best[i]);
                    count[i] += 1;
                }
                best[i] = 0;
            }
        }
        let want = query.terms.len() as u8;
        let mut hits: Vec<FilterHit> = (0..self.items)
            .filter(|&i| count[i] == want)
            .map(|index| FilterHit {
                index,
                score: total[index],
            })
            .collect();
        let matched = hits.len();
        let order = |a: &FilterHit, b: &FilterHit| {
            b.score
                .cmp(&a.score)
                .then(self.rank[a.index].cmp(&self.rank[b.index]))
        };
        if limit < hits.len() {
            if limit == 0 {
                hits.clear();
            } else {
                hits.select_nth_unstable_by(limit - 1, order);
                hits.truncate(limit);
            }
        }
        hits.sort_unstable_by(order);
        FilterResults {
            hits,
            total: matched,
        }
    }

    /// Calls `push(item, points)` for every field word the term matches.
    fn term_matches(&self, term: &str, push: &mut dyn FnMut(u32, u16)) {
        let n = term.chars().count();
        let weigh = |field: u8, points: u16| {
            points * self.specs.get(field as usize).map_or(1, |s| s.weight)
        };
        for (vocab, whole) in [(&self.names, false), (&self.text, true)] {
            for (w, class) in vocab.matching(term, whole) {
                let points = class.points(n, vocab.word(w).chars().count());
                for &(item, field) in vocab.places(w) {
                    push(item, weigh(field, points));
                }
            }
        }
        if n >= 2 {
            for (w, class) in self.initials.matching(term, true) {
                if class == Class::Exact || n >= SHORT {
                    let points =
                        Class::Initials.points(n, n) - 25 * u16::from(class != Class::Exact);
                    for &(item, field) in self.initials.places(w) {
                        push(item, weigh(field, points));
                    }
                }
            }
        }
    }
}

/// Splits one chunk of items' fields into the three vocabularies.
fn index_chunk<F>(range: std::ops::Range<usize>, specs: &[FieldSpec], fields_of: &F) -> ChunkOut
where
    F: Fn(usize) -> Vec<(u8, String)>,
{
    let (mut names, mut initials, mut text): ChunkOut = (
        FxHashMap::default(),
        FxHashMap::default(),
        FxHashMap::default(),
    );
    let mut words = Words::default();
    for item in range {
        for (field, s) in fields_of(item) {
            words.fill(&s);
            let is_text = specs.get(field as usize).is_some_and(|f| f.text);
            let target = if is_text { &mut text } else { &mut names };
            let place = (item as u32, field);
            for (w, _) in words.iter() {
                add(target, w, place);
            }
            if !is_text && words.len() >= 2 {
                for i in initials_of(&s, &words) {
                    add(&mut initials, &i, place);
                }
            }
        }
    }
    (names, initials, text)
}

fn add(map: &mut ChunkWords, word: &str, place: (u32, u8)) {
    match map.get_mut(word) {
        Some(places) => {
            if places.last() != Some(&place) {
                places.push(place);
            }
        }
        None => {
            map.insert(word.to_owned(), vec![place]);
        }
    }
}

/// The initials of a name's words ("United Nations" → "un"), and those of its
/// capitalised words only when they differ ("Ministry of National Defence" → "mnd").
pub fn initials_of(original: &str, words: &Words) -> Vec<String> {
    let first = |i: usize| words.folded(i).chars().next();
    let all: String = (0..words.len()).filter_map(first).collect();
    let capital: String = (0..words.len())
        .filter(|&i| {
            let w = words.word(i);
            original[w.start as usize..].starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        })
        .filter_map(first)
        .collect();
    let mut out = vec![all];
    if capital.chars().count() >= 2 && capital != out[0] {
        out.push(capital);
    }
    out
}
