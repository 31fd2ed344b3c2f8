//! Events named in the text: one per entity of kind `Event`.

use super::cues::{nearest_status, status_cues};
use super::dates::explicit_date;
use super::folded::FoldedText;
use super::sentences::{Canonical, char_index, event_sentence, people_and_bodies, sentence_in};
use crate::model::document::{Document, Field};
use crate::model::entity::{Entity, EntityKind, Mention, document_index};
use crate::model::event::{Event, Status};
use crate::model::sentence;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use std::cmp::Reverse;

/// True for the entities the timeline shows: events, and deployed units with a
/// rotation number (their deployment is an event of the timeline).
fn on_timeline(e: &Entity) -> bool {
    e.kind == EntityKind::Event
        || e.kind == EntityKind::Org && e.ordinal.is_some() && e.series.is_some()
}

/// One event per event entity (or unit rotation) that a main article or caption
/// mentions, with those sentences. Events named only in related-news tails belong to other articles, whose
/// dates and periods are unknown here, so they stay out of the timeline.
///
/// Each document's mentions are read in parallel (a much-reported event has thousands,
/// so spreading by event would leave one core with most of the work); the readings are
/// then gathered per event in document order and each event is assembled on its own.
pub(super) fn from_entities(
    docs: &[Document],
    entities: &[Entity],
    mentions: &[Vec<Mention>],
    canonical: &Canonical,
) -> Vec<Event> {
    let per_doc: Vec<Vec<Reading>> = docs
        .par_iter()
        .zip(mentions.par_iter())
        .enumerate()
        .map_init(FoldedText::default, |folded, (d, (doc, ms))| {
            read_document(d, doc, ms, entities, folded)
        })
        .collect();
    // One list, grown once, sorted by entity: each event's readings are then one run,
    // in document and mention order (no two readings share a key). Lists per event
    // instead grew by doubling, up to twice the readings again.
    let mut all: Vec<Reading> = Vec::with_capacity(per_doc.iter().map(Vec::len).sum());
    for readings in per_doc {
        all.extend(readings);
    }
    all.par_sort_unstable_by_key(|r| (r.entity, r.doc, r.mention));
    let runs: Vec<&[Reading]> = all.chunk_by(|a, b| a.entity == b.entity).collect();
    runs.into_par_iter()
        .filter_map(|found| {
            let e = entities.get(found.first()?.entity as usize)?;
            Some(named_event(e, found, docs, entities, mentions, canonical))
        })
        .collect()
}

/// What one mention says about its event, read from the sentence around it, in 36
/// bytes (48 with a reference to the mention and `usize` offsets): a large corpus's
/// much-reported events have hundreds of thousands.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading {
    /// The event's entity.
    entity: u32,
    /// The document, and the mention's place among its mentions.
    doc: u32,
    mention: u32,
    /// The sentence's byte range in the mention's field.
    start: u32,
    end: u32,
    status: Option<Status>,
    date: Option<crate::model::Date>,
}

impl Reading {
    /// The sentence's byte range.
    fn range(&self) -> (usize, usize) {
        (self.start as usize, self.end as usize)
    }
}

/// The readings of document `d`'s timeline mentions outside its related-news tail, in
/// mention order. Each field is split into sentences and folded once, and a sentence
/// holding several mentions is searched for a date and status cues once. `folded` is scratch space.
fn read_document(
    d: usize,
    doc: &Document,
    ms: &[Mention],
    entities: &[Entity],
    folded: &mut FoldedText,
) -> Vec<Reading> {
    let year = doc
        .published
        .map(|p| p.year)
        .or(doc.period.map(|p| p.end_year()));
    let mut out = Vec::new();
    // The field being read and its sentences (`folded` holds its fold).
    let mut field: Option<(Field, Vec<(usize, usize)>)> = None;
    // The last sentence read, and the date and status cues written in it.
    let mut last: Option<(Field, (usize, usize))> = None;
    let mut date = None;
    let mut cues = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        if m.field().is_related() || !entities.get(m.entity()).is_some_and(on_timeline) {
            continue;
        }
        let text = doc.text(m.field());
        let ranges = match &field {
            Some((f, r)) if *f == m.field() => r,
            _ => {
                folded.fill(text);
                &field.insert((m.field(), sentence::split(text))).1
            }
        };
        let range = sentence_in(ranges, m.start(), text.len());
        let sentence = text.get(range.0..range.1).unwrap_or("");
        let folded = folded.slice(range);
        if last != Some((m.field(), range)) {
            last = Some((m.field(), range));
            date = explicit_date(sentence, year);
            cues = status_cues(folded);
        }
        // The mention's offset in the folded sentence: same char index, maybe other bytes.
        let at_char = char_index(sentence, m.start().saturating_sub(range.0));
        let at = folded
            .char_indices()
            .nth(at_char)
            .map_or(folded.len(), |(b, _)| b);
        // A mention's numbers fit 32 bits; only a document built in code could hold a
        // sentence or a place that does not, and its reading is left out.
        let numbers = [m.entity(), d, k, range.0, range.1].map(|n| u32::try_from(n).ok());
        let [
            Some(entity),
            Some(doc),
            Some(mention),
            Some(start),
            Some(end),
        ] = numbers
        else {
            continue;
        };
        out.push(Reading {
            entity,
            doc,
            mention,
            start,
            end,
            status: nearest_status(&cues, at),
            date,
        });
    }
    out
}

fn named_event(
    e: &Entity,
    found: &[Reading],
    docs: &[Document],
    entities: &[Entity],
    mentions: &[Vec<Mention>],
    canonical: &Canonical,
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
    // What is already listed, so a much-reported event is collected in linear time.
    // Keys hold what equality compares: ids, and a sentence's place and text.
    let mut seen_docs: FxHashSet<usize> = FxHashSet::default();
    let mut seen_sentences: FxHashSet<(&str, Field, usize, usize, &str)> = FxHashSet::default();
    let mut seen_participants: FxHashSet<u32> = FxHashSet::default();
    for r in found {
        let (d, range) = (r.doc as usize, r.range());
        let m = mentions.get(d).and_then(|ms| ms.get(r.mention as usize));
        let (Some(doc), Some(m)) = (docs.get(d), m) else {
            continue;
        };
        let sentence = doc.text(m.field()).get(range.0..range.1).unwrap_or("");
        if seen_docs.insert(d) {
            event.documents.push(document_index(d));
        }
        if let Some(s) = &doc.source
            && !event.sources.contains(s)
        {
            event.sources.push(s.clone());
        }
        if seen_sentences.insert((&doc.id, m.field(), range.0, range.1, sentence)) {
            event.sentences.extend(event_sentence(d, m.field(), range));
        }
        for p in people_and_bodies(&mentions[d], entities, m.field(), range) {
            let id = canonical.get(p.entity());
            if seen_participants.insert(id) {
                event.participants.push(id);
            }
        }
    }
    if event.documents.is_empty() {
        event.documents = e.documents.clone();
    }
    event.sources.sort();
    // The newest report knows best whether it has happened yet.
    let doc_of = |r: &Reading| docs.get(r.doc as usize);
    let newest = |r: &&Reading| (doc_of(r).and_then(Document::sort_date), Reverse(r.doc));
    event.status = found
        .iter()
        .filter(|r| r.status.is_some())
        .max_by_key(newest)
        .and_then(|r| r.status);
    let mut dates: Vec<_> = found.iter().filter_map(|r| r.date).collect();
    dates.dedup();
    if let [date] = dates.as_slice() {
        event.date = Some(*date);
    }
    // A review that reports an event as held places it inside the period it reviews.
    if event.status == Some(Status::Held) {
        event.period = found
            .iter()
            .filter(|r| r.status == Some(Status::Held))
            .find_map(|r| doc_of(r)?.period);
    }
    event
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::Date;

    #[test]
    fn each_mention_reads_its_own_sentence() {
        let doc = Document {
            published: Some(Date {
                year: 2024,
                month: 5,
                day: 2,
            }),
            body: vec![
                "Đồng Đăng hosted the 3rd Forum on 9 May. The 3rd Forum will be held again.".into(),
                "Nothing here.".into(),
            ]
            .into(),
            related: Vec::new(),
            ..Document::default()
        };
        let forum = Entity {
            id: "event:forum".into(),
            kind: EntityKind::Event,
            name: "Forum".into(),
            aliases: Vec::new(),
            documents: Vec::new(),
            related_documents: Vec::new(),
            mentions: 0,
            attributes: Default::default(),
            ordinal: Some(3),
            series: Some("Forum".into()),
        };
        let place = Entity {
            kind: EntityKind::Place,
            ..forum.clone()
        };
        let body = &doc.body[0];
        let at = |needle: &str, nth: usize, entity: usize| {
            let start = body.match_indices(needle).nth(nth).map_or(0, |(i, _)| i);
            Mention::new(entity, Field::Body(0), start, start + needle.len()).unwrap()
        };
        let ms = vec![at("Đồng", 0, 1), at("3rd", 0, 0), at("3rd", 1, 0)];
        let mut folded = FoldedText::default();
        let read = read_document(4, &doc, &ms, &[forum, place], &mut folded);
        let second = body.find(" The").map_or(0, |i| i + 1);
        let got: Vec<_> = read
            .iter()
            .map(|r| (r.doc, r.range(), r.status, r.date))
            .collect();
        assert_eq!(
            got,
            [
                (4, (0, second - 1), None, Date::new(2024, 5, 9)),
                (4, (second, body.len()), Some(Status::Upcoming), None),
            ]
        );
        // The forum's two mentions (the place's is not read), by their place.
        let which: Vec<(u32, u32)> = read.iter().map(|r| (r.entity, r.mention)).collect();
        assert_eq!(which, [(0, 1), (0, 2)]);
    }

    #[test]
    fn a_reading_is_thirty_six_bytes() {
        assert_eq!(std::mem::size_of::<Reading>(), 36);
    }
}
