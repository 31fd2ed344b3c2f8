//! Event records: the corpus timeline.

use super::date::{Date, Period};
use super::document::{Document, Field};
use super::entity::{DocumentIds, Entity, PackedField};
use serde::{Deserialize, Serialize};

/// Whether the text reports an event as done or still ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It took place.
    Held,
    /// It is announced for later.
    Upcoming,
    /// It is being prepared.
    InPreparation,
}

/// A sentence of a document that mentions an event: where it sits, not a copy of its
/// text, which is cut from the document when shown or exported ([`EventSentence::text`]).
/// Hundreds of thousands of sentences name events in a large corpus, so each is 16
/// bytes: the document's index, the field (packed as a mention's is) and the byte range
/// as 32-bit numbers. A field is at most 16 MiB and a corpus far below 2^32 documents,
/// so only a sentence built in code could not fit, and [`EventSentence::new`] refuses
/// it rather than wrap it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSentence {
    document: u32,
    field: PackedField,
    start: u32,
    end: u32,
}

impl EventSentence {
    /// The sentence at bytes `start..end` of `field` of document `document` (an index
    /// into the corpus' documents); `None` when a number does not fit 32 bits (or a
    /// field index 29).
    pub fn new(document: usize, field: Field, start: usize, end: usize) -> Option<EventSentence> {
        Some(EventSentence {
            document: u32::try_from(document).ok()?,
            field: PackedField::new(field)?,
            start: u32::try_from(start).ok()?,
            end: u32::try_from(end).ok()?,
        })
    }

    /// Index of the document in the corpus' documents.
    pub fn document(&self) -> usize {
        widen(self.document)
    }

    /// Which body paragraph (or other field) it sits in.
    pub fn field(&self) -> Field {
        self.field.get()
    }

    /// Byte offset of its first byte within that field's text.
    pub fn start(&self) -> usize {
        widen(self.start)
    }

    /// Byte offset one past its last byte.
    pub fn end(&self) -> usize {
        widen(self.end)
    }

    /// The sentence itself, cut from `documents` (the corpus' documents); empty when it
    /// names no document of them or no range of its text.
    pub fn text<'a>(&self, documents: &'a [Document]) -> &'a str {
        documents
            .get(self.document())
            .and_then(|d| d.text(self.field()).get(self.start()..self.end()))
            .unwrap_or("")
    }

    /// The id of its document in `documents` (empty when it names none of them).
    pub fn document_id<'a>(&self, documents: &'a [Document]) -> &'a str {
        documents.get(self.document()).map_or("", |d| d.id.as_str())
    }
}

/// A `u32` as a `usize`: dossier runs on 32- and 64-bit targets only.
fn widen(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// One event of the timeline. Its sentences point into the corpus' documents, so it is
/// serialised through [`Event::json`], which resolves them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    /// A stable id ("event:vietnam-china-border-defence-friendship-exchange-9").
    pub id: String,
    /// Its display name.
    pub name: String,
    /// When it took place, if known.
    pub date: Option<Date>,
    /// The period it belongs to (for reviews, the period reviewed).
    pub period: Option<Period>,
    /// The series shared by all editions.
    pub series: Option<String>,
    /// The edition number.
    pub ordinal: Option<u32>,
    /// Held, upcoming or in preparation, when the text says so.
    pub status: Option<Status>,
    /// Where it took place.
    pub place: Option<String>,
    /// The person who chaired it, when the text says so, as an index into
    /// `Corpus::entities` (written as the entity's id, [`Event::chair_id`]).
    pub chair: Option<u32>,
    /// The people and bodies taking part, as indices into `Corpus::entities` (written
    /// as their ids, [`Event::participant_ids`]).
    pub participants: Vec<u32>,
    /// The documents that mention it, as indices into `Corpus::documents`.
    pub documents: Vec<u32>,
    /// Outlets of those documents.
    pub sources: Vec<String>,
    /// The sentences that mention it.
    pub sentences: Vec<EventSentence>,
    /// Facts filled in from another article, e.g. `["date from 000_e17ade400081170a"]`.
    pub inferred: Vec<String>,
    /// The entity id this event was built from, if any.
    pub entity: Option<String>,
}

impl Event {
    /// The id of the entity that chaired it, of `entities` (the corpus' entities).
    pub fn chair_id<'a>(&self, entities: &'a [Entity]) -> Option<&'a str> {
        self.chair.map(|i| entity_id(entities, i))
    }

    /// The ids of its participants, of `entities` (the corpus' entities), in order.
    pub fn participant_ids<'a>(&'a self, entities: &'a [Entity]) -> EntityIds<'a> {
        EntityIds {
            indices: &self.participants,
            entities,
        }
    }

    /// The event as the JSON of `dossier export` and `dossier events` shows it, each
    /// sentence with its document's id and its text cut from `documents`, and its
    /// chair and participants as the ids of `entities`.
    pub fn json<'a>(&'a self, documents: &'a [Document], entities: &'a [Entity]) -> EventJson<'a> {
        EventJson {
            id: &self.id,
            name: &self.name,
            date: self.date,
            period: self.period,
            series: self.series.as_deref(),
            ordinal: self.ordinal,
            status: self.status,
            place: self.place.as_deref(),
            chair: self.chair_id(entities),
            participants: self.participant_ids(entities),
            documents: DocumentIds {
                indices: &self.documents,
                documents,
            },
            sources: &self.sources,
            sentences: SentencesJson {
                sentences: &self.sentences,
                documents,
            },
            inferred: &self.inferred,
            entity: self.entity.as_deref(),
        }
    }
}

/// An event in JSON (see [`Event::json`]); the fields and their order are the export's.
#[derive(Debug, Serialize)]
pub struct EventJson<'a> {
    id: &'a str,
    name: &'a str,
    date: Option<Date>,
    period: Option<Period>,
    series: Option<&'a str>,
    ordinal: Option<u32>,
    status: Option<Status>,
    place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    chair: Option<&'a str>,
    participants: EntityIds<'a>,
    documents: DocumentIds<'a>,
    sources: &'a [String],
    sentences: SentencesJson<'a>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    inferred: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'a str>,
}

/// The id of entity `i` of `entities`; empty for an index past them (never made by
/// the pipeline, and refused in a snapshot), rather than failing an export.
fn entity_id(entities: &[Entity], i: u32) -> &str {
    entities.get(widen(i)).map_or("", |e| e.id.as_str())
}

/// Entity indices written as the entities' ids (see [`Event::participant_ids`]).
#[derive(Debug, Clone, Copy)]
pub struct EntityIds<'a> {
    indices: &'a [u32],
    entities: &'a [Entity],
}

impl<'a> EntityIds<'a> {
    /// The ids, in order.
    pub fn ids(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let entities = self.entities;
        self.indices.iter().map(move |&i| entity_id(entities, i))
    }
}

impl Serialize for EntityIds<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.ids())
    }
}

/// An event's sentences in JSON, resolved one at a time as they are written, so a
/// large export holds no copy of them.
#[derive(Debug)]
struct SentencesJson<'a> {
    sentences: &'a [EventSentence],
    documents: &'a [Document],
}

impl Serialize for SentencesJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.sentences.iter().map(|s| SentenceJson {
            document: s.document_id(self.documents),
            field: s.field(),
            start: s.start(),
            end: s.end(),
            text: s.text(self.documents),
        }))
    }
}

/// One sentence in JSON: its document's id, where it sits, and its text.
#[derive(Serialize)]
struct SentenceJson<'a> {
    document: &'a str,
    #[serde(flatten)]
    field: Field,
    start: usize,
    end: usize,
    text: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<EventSentence>(), 16);
    }

    #[test]
    fn sentences_at_the_limits_come_back() {
        let max = u32::MAX as usize;
        for (document, field, start, end) in [
            (0, Field::Title, 0, 0),
            (7, Field::Body(3), 300, 312),
            (max, Field::Caption((1 << 29) - 1), max, max),
            (1, Field::RelatedTitle(0), 0, max),
            (2, Field::RelatedText(70_000), 5, 9),
        ] {
            let s = EventSentence::new(document, field, start, end).unwrap();
            let got = (s.document(), s.field(), s.start(), s.end());
            assert_eq!(got, (document, field, start, end));
        }
    }

    #[test]
    fn numbers_that_do_not_fit_are_refused() {
        let past = u32::MAX as usize + 1;
        assert_eq!(EventSentence::new(past, Field::Title, 0, 0), None);
        assert_eq!(EventSentence::new(0, Field::Body(1 << 29), 0, 0), None);
        assert_eq!(EventSentence::new(0, Field::Body(0), past, past), None);
        assert_eq!(EventSentence::new(0, Field::Body(0), 0, past), None);
    }

    #[test]
    fn the_text_is_cut_from_its_document() {
        let doc = Document {
            id: "a".into(),
            body: vec!["First. Second one.".into()].into(),
            ..Document::default()
        };
        let docs = [doc];
        let s = EventSentence::new(0, Field::Body(0), 7, 18).unwrap();
        assert_eq!((s.text(&docs), s.document_id(&docs)), ("Second one.", "a"));
        // No such document, field or range: empty, not a panic.
        for s in [
            EventSentence::new(1, Field::Body(0), 0, 5),
            EventSentence::new(0, Field::Body(1), 0, 5),
            EventSentence::new(0, Field::Body(0), 7, 99),
        ] {
            let s = s.unwrap();
            assert_eq!(s.text(&docs), "");
        }
        assert_eq!(
            EventSentence::new(1, Field::Title, 0, 0)
                .unwrap()
                .document_id(&docs),
            ""
        );
    }
}
