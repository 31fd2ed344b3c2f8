//! Entity and mention types: who and what the articles name.

use super::document::Field;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kinds of entity dossier extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// An organisation: ministry, commission, armed service, international body.
    Org,
    /// A country, city or province.
    Place,
    /// A named conference, forum, exchange, anniversary, rotation.
    Event,
    /// A law, decree, resolution or conclusion.
    Law,
}

impl EntityKind {
    /// All kinds, in the order the sidebar groups them.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Place,
        EntityKind::Event,
        EntityKind::Law,
    ];

    /// The plural heading ("people", "organisations", ...).
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Person => "people",
            EntityKind::Org => "organisations",
            EntityKind::Place => "places",
            EntityKind::Event => "events",
            EntityKind::Law => "laws",
        }
    }

    /// Parses the serialised name ("person", "org", ...).
    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.to_ascii_lowercase())
    }

    /// The serialised name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
            EntityKind::Law => "law",
        }
    }
}

/// One thing in the world, resolved across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// A stable id derived from kind and canonical name ("person:hoang-xuan-chien").
    pub id: String,
    /// Its kind.
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    /// Other spellings met in the corpus or known from the gazetteer.
    pub aliases: Vec<String>,
    /// Ids of the documents whose main article or captions mention it.
    pub documents: Vec<String>,
    /// Ids of documents that mention it only in their related-news tail.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_documents: Vec<String>,
    /// Total number of mentions in main articles and captions.
    pub mentions: usize,
    /// Attributes such as rank, office, role (persons) or acronym (organisations).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// The edition number of an event ("9th" → 9, "Rotation 4" → 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<u32>,
    /// The series shared by all editions of an event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
}

/// One occurrence of an entity in a document's cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index into `Corpus::entities`.
    #[serde(skip)]
    pub entity: usize,
    /// The field the mention sits in.
    #[serde(flatten)]
    pub field: Field,
    /// Byte offset of the first byte in that field's text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}
