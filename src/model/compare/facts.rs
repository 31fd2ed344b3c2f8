//! What a document says and names: the values of its sentences, and the entities
//! and events they name (from `corpus.mentions` and `corpus.events`).

use super::Sentence;
use super::pairing;
use super::topics::Lexicon;
use super::values::{self, Value};
use crate::model::corpus::Corpus;
use crate::model::document::Kind;
use crate::model::text::fold;

/// What a whole document says (all its body sentences): a name or value that one side
/// of a row lacks but its document says elsewhere is placed differently, not missing.
#[derive(Debug, Default)]
pub struct Facts {
    values: Vec<Value>,
    keys: Vec<String>,
    /// Folded series of the named things (editions of "the same" event).
    pub(super) series: Vec<String>,
    /// Indices of the corpus events that cite the document.
    pub(super) events: Vec<usize>,
}

impl Facts {
    /// The values and names of a document's body sentences.
    pub fn of(corpus: &Corpus, doc: usize, sentences: &[Sentence], lex: &Lexicon) -> Facts {
        let id = corpus.documents.get(doc).map_or("", |d| d.id.as_str());
        let events: Vec<usize> = (0..corpus.events.len())
            .filter(|&e| corpus.events[e].documents.iter().any(|d| d == id))
            .collect();
        let names = named(corpus, doc, sentences, &events);
        let mut series: Vec<String> = names
            .iter()
            .filter_map(|n| n.series.as_deref().map(fold))
            .collect();
        series.sort_unstable();
        series.dedup();
        let mut keys: Vec<String> = names.into_iter().map(|n| n.key).collect();
        keys.sort_unstable();
        Facts {
            values: sentences
                .iter()
                .enumerate()
                .flat_map(|(i, s)| values::values(i, &s.text, lex))
                .collect(),
            keys,
            series,
            events,
        }
    }

    pub(super) fn names(&self, key: &str) -> bool {
        self.keys.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
    }

    pub(super) fn has_series(&self, series: Option<&str>) -> bool {
        series.is_some_and(|s| {
            self.series
                .binary_search_by(|x| x.as_str().cmp(&fold(s)))
                .is_ok()
        })
    }

    pub(super) fn says(&self, v: &Value) -> bool {
        self.values.iter().any(|w| pairing::same(v, w))
    }
}

/// An entity or event named in a row side, with where it is named.
#[derive(Debug)]
pub(super) struct Named {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) series: Option<String>,
    pub(super) ordinal: Option<u32>,
    /// (sentence index, start, end) relative to the sentence text.
    pub(super) spots: Vec<(usize, usize, usize)>,
}

/// The entities and events a side's sentences name.
pub(super) fn named(
    corpus: &Corpus,
    doc: usize,
    sentences: &[Sentence],
    events: &[usize],
) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    let mut add = |n: Named| match out.iter_mut().find(|o| o.key == n.key) {
        Some(o) => o.spots.extend(n.spots),
        None => out.push(n),
    };
    let mentions = corpus.mentions.get(doc).map_or(&[][..], Vec::as_slice);
    for (i, s) in sentences.iter().enumerate() {
        for m in mentions
            .iter()
            .filter(|m| m.field == s.field && m.start >= s.start && m.end <= s.end)
        {
            let Some(e) = corpus.entities.get(m.entity) else {
                continue;
            };
            add(Named {
                key: e.id.clone(),
                name: e.name.clone(),
                series: e.series.clone(),
                ordinal: e.ordinal,
                spots: vec![(i, m.start - s.start, m.end - s.start)],
            });
        }
    }
    let Some(id) = corpus.documents.get(doc).map(|d| d.id.as_str()) else {
        return out;
    };
    // The review conference an article reports is its subject, not a point of a topic.
    let reviews = [
        Kind::HalfYearReview,
        Kind::AnnualReview,
        Kind::MultiYearReview,
    ]
    .map(|k| fold(k.label()));
    let is_review = |series: Option<&str>| series.is_some_and(|s| reviews.contains(&fold(s)));
    for ev in events
        .iter()
        .filter_map(|&e| corpus.events.get(e))
        .filter(|e| !is_review(e.series.as_deref()))
    {
        let named_here = ev.sentences.iter().any(|es| {
            es.document == id
                && sentences
                    .iter()
                    .any(|s| s.field == es.field && es.start < s.end && s.start < es.end)
        });
        if named_here {
            add(Named {
                key: ev.entity.clone().unwrap_or_else(|| ev.id.clone()),
                name: ev.name.clone(),
                series: ev.series.clone(),
                ordinal: ev.ordinal,
                spots: Vec::new(),
            });
        }
    }
    out
}
