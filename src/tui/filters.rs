//! Refiltering the lists after their query (or the entity filter) changed. The fuzzy
//! indexes are built once; each call only searches.

use super::app::App;
use super::pick::Pick;
use crate::model::filter::{FuzzyIndex, Hit, Matches};

/// The most hits ranked and shown for a query (ranking computes match positions,
/// so it is kept to what a person scrolls through).
pub const SHOWN: usize = 1000;

/// Items and marks of a search over `index`, keeping only what `keep` accepts.
fn search(index: &FuzzyIndex, query: &str, keep: impl Fn(usize) -> bool) -> (Vec<usize>, Vec<Vec<usize>>) {
    let hits: Vec<Hit> = index.search(query);
    hits.into_iter()
        .filter(|h| keep(h.index))
        .map(|h| (h.index, h.positions))
        .unzip()
}

fn apply(pick: &mut Pick, (items, marks): (Vec<usize>, Vec<Vec<usize>>), keep: Option<usize>) {
    pick.set(items, marks, keep);
}

/// The document list: query and entity filter; newest first when there is no query.
pub fn documents(app: &mut App) {
    let keep = app.docs.current();
    let docs_of = app
        .entity_filter
        .and_then(|e| app.corpus.entities.get(e))
        .map(|e| &e.documents);
    let corpus = &app.corpus;
    let allowed =
        |d: usize| docs_of.is_none_or(|ids| corpus.documents.get(d).is_some_and(|doc| ids.contains(&doc.id)));
    let result = if app.docs.query.trim().is_empty() {
        let items: Vec<usize> = app.order.iter().copied().filter(|&d| allowed(d)).collect();
        app.docs_matched = items.len();
        let marks = vec![Vec::new(); items.len()];
        (items, marks)
    } else {
        let limit = if docs_of.is_some() { usize::MAX } else { SHOWN };
        let m: Matches = app.doc_searcher.search(&app.doc_index, &app.docs.query, limit);
        app.docs_matched = m.total;
        m.hits
            .into_iter()
            .filter(|h| allowed(h.index))
            .map(|h| (h.index, h.positions))
            .unzip()
    };
    let keep = if app.docs.query.trim().is_empty() {
        keep
    } else {
        None
    };
    apply(&mut app.docs, result, keep);
}

/// The current document's entities.
pub fn entities(app: &mut App) {
    let result = search(&app.entity_index, &app.sidebar.query, |_| true);
    apply(&mut app.sidebar, result, None);
    app.mention_cursor = None;
}

/// The events timeline (timeline order when there is no query).
pub fn events(app: &mut App) {
    let result = if app.events.query.trim().is_empty() {
        let items: Vec<usize> = (0..app.corpus.events.len()).collect();
        let marks = vec![Vec::new(); items.len()];
        (items, marks)
    } else {
        let m = app
            .event_searcher
            .search(&app.event_index, &app.events.query, SHOWN);
        m.hits.into_iter().map(|h| (h.index, h.positions)).unzip()
    };
    apply(&mut app.events, result, None);
}

/// The picker: suggested counterparts first, then every other document, newest first.
pub fn picker(app: &mut App) {
    let left = app.docs.current();
    let result = if app.picker.query.trim().is_empty() {
        let rest = app.order.iter().copied().filter(|d| !app.suggested.contains(d));
        let items: Vec<usize> = app
            .suggested
            .iter()
            .copied()
            .chain(rest)
            .filter(|&d| Some(d) != left)
            .collect();
        let marks = vec![Vec::new(); items.len()];
        (items, marks)
    } else {
        let m = app.doc_searcher.search(&app.doc_index, &app.picker.query, SHOWN);
        m.hits
            .into_iter()
            .filter(|h| Some(h.index) != left)
            .map(|h| (h.index, h.positions))
            .unzip()
    };
    apply(&mut app.picker, result, None);
}
