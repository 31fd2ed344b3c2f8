//! Refiltering the lists after their query (or the entity filter) changed. The fuzzy
//! indexes are built once; each call only searches.

use super::app::App;
use super::pick::Pick;
use super::search::Target;
use crate::model::Corpus;
use crate::model::filter::{FuzzyIndex, Hit, Matches};

/// The most hits ranked and shown for a query (ranking computes match positions,
/// so it is kept to what a person scrolls through).
pub const SHOWN: usize = 1000;

/// Items and marks of a search over `index`, keeping only what `keep` accepts.
fn search(
    index: &FuzzyIndex,
    query: &str,
    keep: impl Fn(usize) -> bool,
) -> (Vec<usize>, Vec<Vec<usize>>) {
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
/// With a search worker, a query is posted and the results applied when they arrive.
pub fn documents(app: &mut App) {
    let query = app.docs.query.trim().to_owned();
    if !query.is_empty() {
        let limit = if app.entity_filter.is_some() {
            usize::MAX
        } else {
            SHOWN
        };
        if let Some(w) = app.worker.as_mut() {
            w.request(Target::Documents, &query, limit);
            return;
        }
        let m = app.doc_searcher.search(&app.doc_index, &query, limit);
        return documents_found(app, m);
    }
    if let Some(w) = app.worker.as_mut() {
        w.forget();
    }
    let keep = app.docs.current();
    let docs_of = entity_docs(app);
    let items: Vec<usize> = app
        .order
        .iter()
        .copied()
        .filter(|&d| allowed(app, docs_of, d))
        .collect();
    app.docs_matched = items.len();
    app.docs.set(items, Vec::new(), keep);
}

fn entity_docs(app: &App) -> Option<&Vec<String>> {
    app.entity_filter
        .and_then(|e| app.corpus.entities.get(e))
        .map(|e| &e.documents)
}

fn allowed(app: &App, docs_of: Option<&Vec<String>>, d: usize) -> bool {
    docs_of.is_none_or(|ids| {
        app.corpus
            .documents
            .get(d)
            .is_some_and(|doc| ids.contains(&doc.id))
    })
}

/// Shows the results of a document query.
pub fn documents_found(app: &mut App, m: Matches) {
    let docs_of = entity_docs(app);
    let (items, marks): (Vec<usize>, Vec<Vec<usize>>) = m
        .hits
        .into_iter()
        .filter(|h| allowed(app, docs_of, h.index))
        .map(|h| (h.index, h.positions))
        .unzip();
    app.docs_matched = if docs_of.is_some() {
        items.len()
    } else {
        m.total
    };
    app.docs.set(items, marks, None);
}

/// The current document's entities.
pub fn entities(app: &mut App) {
    let result = search(&app.entity_index, &app.sidebar.query, |_| true);
    apply(&mut app.sidebar, result, None);
    app.mention_cursor = None;
}

/// The events timeline (timeline order when there is no query). With a search
/// worker, a query is posted and the results applied when they arrive.
pub fn events(app: &mut App) {
    let query = app.events.query.trim().to_owned();
    if query.is_empty() {
        if let Some(w) = app.event_worker.as_mut() {
            w.forget();
        }
        let items: Vec<usize> = (0..app.corpus.events.len()).collect();
        let marks = vec![Vec::new(); items.len()];
        return apply(&mut app.events, (items, marks), None);
    }
    if let Some(w) = app.event_worker.as_mut() {
        return w.request(Target::Events, &query, SHOWN);
    }
    let m = app.event_searcher.search(&app.event_index, &query, SHOWN);
    events_found(app, m);
}

/// Shows the results of an events query.
pub fn events_found(app: &mut App, m: Matches) {
    let result = m.hits.into_iter().map(|h| (h.index, h.positions)).unzip();
    apply(&mut app.events, result, None);
}

/// The picker: suggested counterparts first, then every other document, newest first.
pub fn picker(app: &mut App) {
    let query = app.picker.query.trim().to_owned();
    if !query.is_empty() {
        if let Some(w) = app.worker.as_mut() {
            w.request(Target::Picker, &query, SHOWN);
            return;
        }
        let m = app.doc_searcher.search(&app.doc_index, &query, SHOWN);
        return picker_found(app, m);
    }
    if let Some(w) = app.worker.as_mut() {
        w.forget();
    }
    let left = app.docs.current();
    let rest = app
        .order
        .iter()
        .copied()
        .filter(|d| !app.suggested.contains(d));
    let items: Vec<usize> = app
        .suggested
        .iter()
        .copied()
        .chain(rest)
        .filter(|&d| Some(d) != left)
        .collect();
    app.picker.set(items, Vec::new(), None);
}

/// Shows the results of a picker query.
pub fn picker_found(app: &mut App, m: Matches) {
    let left = app.docs.current();
    let (items, marks) = m
        .hits
        .into_iter()
        .filter(|h| Some(h.index) != left)
        .map(|h| (h.index, h.positions))
        .unzip();
    app.picker.set(items, marks, None);
}

/// The most title characters a document is found by.
const TITLE_CHARS: usize = 200;

/// The text a document is found by: title, outlet, period, kind and entity names.
pub fn doc_search_text(corpus: &Corpus, i: usize) -> String {
    let d = &corpus.documents[i];
    // A title is a line, but a bad file can make it a whole article: matching cost grows
    // with length, and only the start is ever shown.
    let mut s: String = d.title.chars().take(TITLE_CHARS).collect();
    for part in [
        d.source.clone().unwrap_or_default(),
        d.period
            .map(|p| format!("{} {p}", p.label()))
            .unwrap_or_default(),
        d.kind.label().to_owned(),
    ] {
        s.push_str(" · ");
        s.push_str(&part);
    }
    let mut seen: Vec<usize> = Vec::new();
    for m in corpus
        .mentions
        .get(i)
        .into_iter()
        .flatten()
        .filter(|m| !m.field.is_related())
    {
        if !seen.contains(&m.entity)
            && let Some(e) = corpus.entities.get(m.entity)
        {
            seen.push(m.entity);
            s.push_str(" · ");
            s.push_str(&e.name);
        }
    }
    s
}
