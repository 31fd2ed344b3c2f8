//! Entity and mention types: who and what the articles name.

use super::document::{Document, Field};
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
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// A stable id derived from kind and canonical name ("person:hoang-xuan-chien").
    pub id: String,
    /// Its kind.
    pub kind: EntityKind,
    /// The canonical name.
    pub name: String,
    /// Other spellings met in the corpus or known from the gazetteer.
    pub aliases: Vec<String>,
    /// The documents whose main article or captions mention it, as indices into
    /// `Corpus::documents` in corpus order (a 100k corpus holds millions: ids as
    /// strings cost 14 times the memory).
    pub documents: Vec<u32>,
    /// Documents that mention it only in their related-news tail (indices, as above).
    pub related_documents: Vec<u32>,
    /// Total number of mentions in main articles and captions.
    pub mentions: usize,
    /// Attributes such as rank, office, role (persons) or acronym (organisations).
    pub attributes: BTreeMap<String, String>,
    /// The edition number of an event ("9th" → 9, "Rotation 4" → 4).
    pub ordinal: Option<u32>,
    /// The series shared by all editions of an event.
    pub series: Option<String>,
}

impl Entity {
    /// The entity as the JSON of `dossier export` and `dossier entities` shows it, its
    /// documents named by their ids from `documents`.
    pub fn json<'a>(&'a self, documents: &'a [Document]) -> EntityJson<'a> {
        EntityJson {
            id: &self.id,
            kind: self.kind,
            name: &self.name,
            aliases: &self.aliases,
            documents: DocumentIds {
                indices: &self.documents,
                documents,
            },
            related_documents: DocumentIds {
                indices: &self.related_documents,
                documents,
            },
            mentions: self.mentions,
            attributes: &self.attributes,
            ordinal: self.ordinal,
            series: self.series.as_deref(),
        }
    }
}

impl<'a> EntityJson<'a> {
    /// Its documents.
    pub fn documents(&self) -> DocumentIds<'a> {
        self.documents
    }
}

/// An entity in JSON (see [`Entity::json`]); the fields and their order are the export's.
#[derive(Debug, Serialize)]
pub struct EntityJson<'a> {
    id: &'a str,
    kind: EntityKind,
    name: &'a str,
    aliases: &'a [String],
    documents: DocumentIds<'a>,
    #[serde(skip_serializing_if = "DocumentIds::is_empty")]
    related_documents: DocumentIds<'a>,
    mentions: usize,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    attributes: &'a BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ordinal: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<&'a str>,
}

/// Document indices written as the documents' ids; an index past the corpus (never
/// made by the pipeline) is written as an empty id rather than failing the export.
#[derive(Debug, Clone, Copy)]
pub struct DocumentIds<'a> {
    /// Indices into `documents`.
    pub indices: &'a [u32],
    /// The corpus' documents.
    pub documents: &'a [Document],
}

impl DocumentIds<'_> {
    /// True when there are no documents.
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// The ids, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.indices.iter().map(|&i| {
            self.documents
                .get(i as usize)
                .map_or("", |d| d.id.as_str())
        })
    }
}

impl Serialize for DocumentIds<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.ids())
    }
}

/// A document's index as stored in entity and event lists. Corpora never reach 2^32
/// documents (each is a file read into memory); past that the index saturates, so
/// it names no document rather than a wrong one.
pub fn document_index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
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
