//! The word filters of the document list and the events timeline, run off the input
//! path (newest query winning): [`DocFilter`] (titles, outlets, periods, entity names
//! by the name ladder; body text by whole words and word starts) and [`EventFilter`]
//! (name, series, kind, status, place, the sentence that names it). Both are built on
//! the first query, on the search thread, and answer as [`Matches`] with the chars of
//! the shown title or name that matched, so the lists highlight them.

use crate::model::Corpus;
use crate::model::filter::{
    DocFilter, EventFilter, FilterQuery, FilterResults, Hit, Matches, marks,
};
use crate::tui::shared::Shared;
use crate::tui::work::{Cancel, Latest};
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// The chars (not bytes) of `text` that `query` matched, ascending.
fn char_marks(text: &str, query: &FilterQuery) -> Vec<usize> {
    let ranges = marks(text, query, false);
    let mut out = Vec::new();
    for (c, (b, _)) in text.char_indices().enumerate() {
        if ranges.iter().any(|&(s, e)| s <= b && b < e) {
            out.push(c);
        }
    }
    out
}

/// Filter results as list matches, each with the marks of `shown(index)`.
fn matches(
    found: FilterResults,
    query: &str,
    cancel: &Cancel,
    shown: impl Fn(usize) -> Option<String>,
) -> Option<Matches> {
    let q = FilterQuery::parse(query);
    let mut hits = Vec::with_capacity(found.hits.len());
    for h in found.hits {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let positions = shown(h.index).map_or_else(Vec::new, |t| char_marks(&t, &q));
        hits.push(Hit {
            index: h.index,
            score: i64::from(h.score),
            positions,
        });
    }
    Some(Matches {
        hits,
        total: found.total,
    })
}

/// The document list's search thread: `(query, limit)` → the best documents.
pub fn documents(shared: &Shared) -> Latest<(String, usize), Matches> {
    let corpus: Arc<Corpus> = Arc::clone(&shared.corpus);
    let body = shared.body_index.clone();
    let mut filter: Option<DocFilter> = None;
    Latest::new(
        shared.waker.as_ref(),
        move |(q, limit): (String, usize), cancel| {
            let f =
                filter.get_or_insert_with(|| DocFilter::build(&corpus, Some(body.get(&corpus))));
            let found = f.search(&q, limit);
            matches(found, &q, cancel, |i| {
                corpus.documents.get(i).map(|d| d.title.clone())
            })
        },
    )
}

/// The events timeline's search thread: `(query, limit)` → the best events.
pub fn events(shared: &Shared) -> Latest<(String, usize), Matches> {
    let corpus: Arc<Corpus> = Arc::clone(&shared.corpus);
    let mut filter: Option<EventFilter> = None;
    Latest::new(
        shared.waker.as_ref(),
        move |(q, limit): (String, usize), cancel| {
            let f = filter.get_or_insert_with(|| EventFilter::for_corpus(&corpus));
            let found = f.search(&q, limit);
            matches(found, &q, cancel, |i| {
                corpus.events.get(i).map(|e| e.name.clone())
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_chars_of_the_shown_text() {
        let q = FilterQuery::parse("lat");
        let marked = char_marks("Đà Lạt forum", &q);
        assert_eq!(marked, [3, 4, 5]);
    }
}
