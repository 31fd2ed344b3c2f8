//! The events filter: an event's name, series, kind, status, place, dates, people and
//! outlets by the name ladder, and the sentences that name it by words.

use super::fields::{FieldIndex, FieldSpec, FilterQuery, FilterResults};
use super::kinds::event_kinds;
use crate::model::Corpus;
use crate::model::event::{Event, Status};
use crate::model::events;

/// Fields of an event in the filter (index into `SPECS`).
pub mod field {
    /// Its display name.
    pub const NAME: u8 = 0;
    /// The series and edition.
    pub const SERIES: u8 = 1;
    /// Its kinds ("peacekeeping", "border exchange", …).
    pub const KIND: u8 = 2;
    /// Held, upcoming, in preparation.
    pub const STATUS: u8 = 3;
    /// Where it took place.
    pub const PLACE: u8 = 4;
    /// When: date, period.
    pub const WHEN: u8 = 5;
    /// Chair and participants.
    pub const PEOPLE: u8 = 6;
    /// Outlets that report it.
    pub const SOURCES: u8 = 7;
    /// The sentences that name it.
    pub const SENTENCES: u8 = 8;
}

const SPECS: [FieldSpec; 9] = [
    FieldSpec::names(10),
    FieldSpec::names(9),
    FieldSpec::names(8),
    FieldSpec::names(7),
    FieldSpec::names(8),
    FieldSpec::names(7),
    FieldSpec::names(6),
    FieldSpec::names(7),
    FieldSpec::text(5),
];

/// A short label of an event's status.
pub fn status_label(s: Status) -> &'static str {
    match s {
        Status::Held => "held",
        Status::Upcoming => "upcoming",
        Status::InPreparation => "in preparation",
    }
}

/// The events filter over a list of events (hit indices are positions in that list;
/// ties keep the list's order).
#[derive(Debug)]
pub struct EventFilter {
    fields: FieldIndex,
}

impl EventFilter {
    /// Indexes the corpus' whole timeline.
    pub fn for_corpus(corpus: &Corpus) -> EventFilter {
        let all: Vec<&Event> = corpus.events.iter().collect();
        EventFilter::build(corpus, &all)
    }

    /// Indexes `events` (e.g. one series of the timeline).
    pub fn build(corpus: &Corpus, events: &[&Event]) -> EventFilter {
        let fields = FieldIndex::build(events.len(), SPECS.to_vec(), Vec::new(), |i| {
            event_fields(corpus, events[i])
        });
        EventFilter { fields }
    }

    /// The best `limit` events for `query` (all, in order, when it is empty).
    pub fn search(&self, query: &str, limit: usize) -> FilterResults {
        self.fields.search(&FilterQuery::parse(query), None, limit)
    }
}

/// The (field, text) pairs an event is found by.
pub fn event_fields(corpus: &Corpus, e: &Event) -> Vec<(u8, String)> {
    let mut out = vec![(field::NAME, e.name.clone())];
    let series = events::series(e);
    if !series.is_empty() {
        out.push((field::SERIES, series));
    }
    out.extend(
        event_kinds(e)
            .into_iter()
            .map(|k| (field::KIND, k.to_owned())),
    );
    out.extend(
        e.status
            .map(|s| (field::STATUS, status_label(s).to_owned())),
    );
    out.extend(e.place.clone().map(|p| (field::PLACE, p)));
    out.push((field::WHEN, events::when(corpus, e)));
    out.extend(e.period.map(|p| (field::WHEN, p.label())));
    for &i in e.chair.iter().chain(&e.participants) {
        if let Some(n) = corpus.entities.get(i as usize) {
            out.push((field::PEOPLE, n.name.clone()));
        }
    }
    out.extend(e.sources.iter().map(|s| (field::SOURCES, s.clone())));
    out.extend(
        e.sentences
            .iter()
            .map(|s| (field::SENTENCES, s.text(&corpus.documents).to_owned())),
    );
    out
}
