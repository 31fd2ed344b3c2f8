//! Event records: the corpus timeline.

use super::date::{Date, Period};
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

/// A sentence of a document that mentions an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSentence {
    /// The document id.
    pub document: String,
    /// Which body paragraph (or other field) it sits in.
    #[serde(flatten)]
    pub field: super::document::Field,
    /// Byte range of the sentence within that field's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The sentence itself.
    pub text: String,
}

/// One event of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// Entity ids of the people and bodies taking part.
    pub participants: Vec<String>,
    /// Ids of the documents that mention it.
    pub documents: Vec<String>,
    /// Outlets of those documents.
    pub sources: Vec<String>,
    /// The sentences that mention it.
    pub sentences: Vec<EventSentence>,
    /// Facts filled in from another article, e.g. `["date from 000_e17ade400081170a"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// The entity id this event was built from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}
