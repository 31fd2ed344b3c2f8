//! The document-list filter: titles, outlets, periods, kinds, dates and entity names
//! by the name ladder; body text by words, through the corpus search index.

use super::fields::{FieldIndex, FieldSpec, FilterQuery, FilterResults};
use super::ladder::SHORT;
use crate::model::Corpus;
use crate::model::search::SearchIndex;
use std::sync::Arc;

/// The most title chars a document is found by (a bad file can make a title a whole
/// article; only its start is ever shown).
const TITLE_CHARS: usize = 200;

/// Fields of a document in the filter (index into `SPECS`).
pub mod field {
    /// The headline or derived title.
    pub const TITLE: u8 = 0;
    /// The outlet.
    pub const OUTLET: u8 = 1;
    /// The period reviewed ("2025-H1", "H1 2025").
    pub const PERIOD: u8 = 2;
    /// The kind ("half-year review").
    pub const KIND: u8 = 3;
    /// Publication and event dates.
    pub const DATES: u8 = 4;
    /// Names (and other spellings) of the entities the article mentions.
    pub const ENTITIES: u8 = 5;
}

/// Field weights: a title or name match outranks a body-word match.
const SPECS: [FieldSpec; 6] = [
    FieldSpec::names(10),
    FieldSpec::names(9),
    FieldSpec::names(8),
    FieldSpec::names(7),
    FieldSpec::names(7),
    FieldSpec::names(8),
];
/// Points of a body word matched whole (before weighting) and its weight.
const BODY_WEIGHT: u16 = 5;

/// The document filter: build once per corpus, query per keystroke.
#[derive(Debug)]
pub struct DocFilter {
    fields: FieldIndex,
    body: Option<Arc<SearchIndex>>,
}

impl DocFilter {
    /// Indexes the corpus' documents; `body` (the corpus search index, when built)
    /// lets queries match body words too. Ties rank newest first.
    pub fn build(corpus: &Corpus, body: Option<Arc<SearchIndex>>) -> DocFilter {
        let mut rank = vec![0u32; corpus.documents.len()];
        for (pos, &d) in corpus.newest_first().iter().enumerate() {
            rank[d] = pos as u32;
        }
        let fields = FieldIndex::build(corpus.documents.len(), SPECS.to_vec(), rank, |i| {
            doc_fields(corpus, i)
        });
        DocFilter { fields, body }
    }

    /// The best `limit` documents (indices into `corpus.documents`) for `query`.
    pub fn search(&self, query: &str, limit: usize) -> FilterResults {
        let q = FilterQuery::parse(query);
        let Some(index) = &self.body else {
            return self.fields.search(&q, None, limit);
        };
        let body = |term: &str, push: &mut dyn FnMut(u32, u16)| {
            let exact = 100 * BODY_WEIGHT;
            index.each_document_with(term, false, |d| push(d, exact));
            if term.chars().count() >= SHORT {
                let start = 75 * BODY_WEIGHT;
                index.each_document_with_prefix(term, |d| push(d, start));
            }
        };
        self.fields.search(&q, Some(&body), limit)
    }
}

/// The (field, text) pairs document `i` is found by.
pub fn doc_fields(corpus: &Corpus, i: usize) -> Vec<(u8, String)> {
    let d = &corpus.documents[i];
    let mut out = vec![(field::TITLE, d.title.chars().take(TITLE_CHARS).collect())];
    out.extend(d.source.clone().map(|s| (field::OUTLET, s)));
    if let Some(p) = d.period {
        out.push((field::PERIOD, format!("{p} {}", p.label())));
    }
    out.push((field::KIND, d.kind.label().to_owned()));
    for date in [d.published, d.event_date].into_iter().flatten() {
        out.push((field::DATES, date.to_string()));
    }
    let mut seen: Vec<usize> = Vec::new();
    let mentions = corpus.mentions.get(i).map_or(&[][..], Vec::as_slice);
    for m in mentions.iter().filter(|m| !m.field().is_related()) {
        if seen.contains(&m.entity()) {
            continue;
        }
        seen.push(m.entity());
        if let Some(e) = corpus.entities.get(m.entity()) {
            out.push((field::ENTITIES, e.name.clone()));
            out.extend(e.aliases.iter().map(|a| (field::ENTITIES, a.clone())));
        }
    }
    out
}
