//! Event records: the corpus timeline.

use super::date::{Date, Period};
use super::document::{Document, Field};
use super::entity::DocumentIds;
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
/// Tens of thousands of sentences name events in a large corpus; copies of them were
/// a large share of the model's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSentence {
    /// Index of the document in the corpus' documents.
    pub document: usize,
    /// Which body paragraph (or other field) it sits in.
    pub field: Field,
    /// Byte range of the sentence within that field's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

impl EventSentence {
    /// The sentence itself, cut from `documents` (the corpus' documents); empty when it
    /// names no document of them or no range of its text.
    pub fn text<'a>(&self, documents: &'a [Document]) -> &'a str {
        documents
            .get(self.document)
            .and_then(|d| d.text(self.field).get(self.start..self.end))
            .unwrap_or("")
    }

    /// The id of its document in `documents` (empty when it names none of them).
    pub fn document_id<'a>(&self, documents: &'a [Document]) -> &'a str {
        documents.get(self.document).map_or("", |d| d.id.as_str())
    }
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
    /// Entity id of the person who chaired it, when the text says so.
    pub chair: Option<String>,
    /// Entity ids of the people and bodies taking part.
    pub participants: Vec<String>,
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
    /// The event as the JSON of `dossier export` and `dossier events` shows it, each
    /// sentence with its document's id and its text cut from `documents`.
    pub fn json<'a>(&'a self, documents: &'a [Document]) -> EventJson<'a> {
        EventJson {
            id: &self.id,
            name: &self.name,
            date: self.date,
            period: self.period,
            series: self.series.as_deref(),
            ordinal: self.ordinal,
            status: self.status,
            place: self.place.as_deref(),
            chair: self.chair.as_deref(),
            participants: &self.participants,
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
    participants: &'a [String],
    documents: DocumentIds<'a>,
    sources: &'a [String],
    sentences: SentencesJson<'a>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    inferred: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'a str>,
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
            field: s.field,
            start: s.start,
            end: s.end,
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
