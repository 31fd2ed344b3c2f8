//! Events named in the text: one per entity of kind `Event`.

use super::cues::status_near;
use super::dates::explicit_date;
use super::sentences::{
    char_index, event_sentence, fold_chars, people_and_bodies, push_unique, sentence_around,
};
use crate::model::document::{Document, Field};
use crate::model::entity::{Entity, EntityKind, Mention};
use crate::model::event::{Event, Status};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// True for the entities the timeline shows: events, and deployed units with a
/// rotation number (their deployment is an event of the timeline).
fn on_timeline(e: &Entity) -> bool {
    e.kind == EntityKind::Event
        || e.kind == EntityKind::Org && e.ordinal.is_some() && e.series.is_some()
}

/// One event per event entity (or unit rotation) that a main article or caption
/// mentions, with those sentences. Events named only in related-news tails belong to other articles, whose
/// dates and periods are unknown here, so they stay out of the timeline.
pub(super) fn from_entities(
    docs: &[Document],
    entities: &[Entity],
    mentions: &[Vec<Mention>],
) -> Vec<Event> {
    let mut by_entity: FxHashMap<usize, Vec<(usize, &Mention)>> = FxHashMap::default();
    for (d, ms) in mentions.iter().enumerate().take(docs.len()) {
        for m in ms {
            if entities.get(m.entity).is_some_and(on_timeline) {
                by_entity.entry(m.entity).or_default().push((d, m));
            }
        }
    }
    entities
        .par_iter()
        .enumerate()
        .filter(|(_, e)| on_timeline(e))
        .filter_map(|(i, e)| {
            let found = by_entity.get(&i).map_or(&[][..], Vec::as_slice);
            let main: Vec<(usize, &Mention)> = found
                .iter()
                .copied()
                .filter(|(_, m)| !m.field.is_related())
                .collect();
            (!main.is_empty()).then(|| named_event(e, &main, docs, entities, mentions))
        })
        .collect()
}

/// What one mention says about its event.
struct Reading {
    doc: usize,
    status: Option<Status>,
    date: Option<crate::model::Date>,
}

fn named_event(
    e: &Entity,
    found: &[(usize, &Mention)],
    docs: &[Document],
    entities: &[Entity],
    mentions: &[Vec<Mention>],
) -> Event {
    let mut event = Event {
        id: String::new(),
        name: e.name.clone(),
        date: None,
        period: None,
        series: e.series.clone(),
        ordinal: e.ordinal,
        status: None,
        place: e.attributes.get("place").cloned(),
        chair: None,
        participants: Vec::new(),
        documents: Vec::new(),
        sources: Vec::new(),
        sentences: Vec::new(),
        inferred: Vec::new(),
        entity: Some(e.id.clone()),
    };
    let mut readings = Vec::new();
    // What is already listed, so a much-reported event is collected in linear time.
    // Keys hold what equality compares: ids, and a sentence's place and text.
    let mut seen_docs: FxHashSet<&str> = FxHashSet::default();
    let mut seen_sentences: FxHashSet<(&str, Field, usize, usize, &str)> = FxHashSet::default();
    let mut seen_participants: FxHashSet<&str> = FxHashSet::default();
    for &(d, m) in found {
        let doc = &docs[d];
        let text = doc.text(m.field);
        let range = sentence_around(text, m.start);
        let sentence = text.get(range.0..range.1).unwrap_or("");
        let folded = fold_chars(sentence);
        // The mention's offset in the folded sentence: same char index, maybe other bytes.
        let at_char = char_index(sentence, m.start.saturating_sub(range.0));
        let at = folded
            .char_indices()
            .nth(at_char)
            .map_or(folded.len(), |(b, _)| b);
        let year = doc
            .published
            .map(|p| p.year)
            .or(doc.period.map(|p| p.end_year()));
        readings.push(Reading {
            doc: d,
            status: status_near(&folded, at),
            date: explicit_date(sentence, year),
        });
        if seen_docs.insert(&doc.id) {
            event.documents.push(doc.id.clone());
        }
        if let Some(s) = &doc.source {
            push_unique(&mut event.sources, s);
        }
        if seen_sentences.insert((&doc.id, m.field, range.0, range.1, sentence)) {
            event.sentences.push(event_sentence(doc, m.field, range));
        }
        for p in people_and_bodies(&mentions[d], entities, m.field, range) {
            let id = entities[p.entity].id.as_str();
            if seen_participants.insert(id) {
                event.participants.push(id.to_owned());
            }
        }
    }
    if event.documents.is_empty() {
        event.documents = e.documents.clone();
    }
    event.sources.sort();
    // The newest report knows best whether it has happened yet.
    let newest = |r: &&Reading| (docs[r.doc].sort_date(), std::cmp::Reverse(r.doc));
    event.status = readings
        .iter()
        .filter(|r| r.status.is_some())
        .max_by_key(newest)
        .and_then(|r| r.status);
    let mut dates: Vec<_> = readings.iter().filter_map(|r| r.date).collect();
    dates.dedup();
    if let [date] = dates.as_slice() {
        event.date = Some(*date);
    }
    // A review that reports an event as held places it inside the period it reviews.
    if event.status == Some(Status::Held) {
        event.period = readings
            .iter()
            .filter(|r| r.status == Some(Status::Held))
            .find_map(|r| docs[r.doc].period);
    }
    event
}
