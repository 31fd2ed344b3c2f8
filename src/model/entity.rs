//! Entity and mention types: who and what the articles name.

use super::document::{Document, Field};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

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
        self.indices
            .iter()
            .map(|&i| self.documents.get(i as usize).map_or("", |d| d.id.as_str()))
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

/// One occurrence of an entity in a document's cleaned text, in 16 bytes: a corpus of
/// 100,000 articles holds millions of them. The entity, the field (its kind in the top
/// three bits, its index below) and the byte range are 32-bit numbers; a field is at
/// most 16 MiB ([`MAX_FILE_BYTES`](crate::model::source::MAX_FILE_BYTES)), so only a
/// document built in code could hold one that does not fit, and [`Mention::new`]
/// refuses it rather than wrap it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "Wide", try_from = "Wide")]
pub struct Mention {
    entity: u32,
    field: PackedField,
    start: u32,
    end: u32,
}

impl Mention {
    /// The mention of entity `entity` (an index into `Corpus::entities`) at bytes
    /// `start..end` of `field`; `None` when a number does not fit 32 bits (or a field
    /// index 29).
    pub fn new(entity: usize, field: Field, start: usize, end: usize) -> Option<Mention> {
        Some(Mention {
            entity: u32::try_from(entity).ok()?,
            field: PackedField::new(field)?,
            start: u32::try_from(start).ok()?,
            end: u32::try_from(end).ok()?,
        })
    }

    /// Index into `Corpus::entities`.
    pub fn entity(&self) -> usize {
        widen(self.entity)
    }

    /// The field the mention sits in.
    pub fn field(&self) -> Field {
        self.field.get()
    }

    /// Byte offset of the first byte in that field's text.
    pub fn start(&self) -> usize {
        widen(self.start)
    }

    /// Byte offset one past the last byte.
    pub fn end(&self) -> usize {
        widen(self.end)
    }

    /// `start..end`.
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The same mention of another entity; `None` when `entity` does not fit 32 bits.
    pub fn with_entity(self, entity: usize) -> Option<Mention> {
        Some(Mention {
            entity: u32::try_from(entity).ok()?,
            ..self
        })
    }

    /// The order mentions are kept in: by field, then offset (as `(field(), start())`,
    /// without unpacking the field).
    pub fn order_key(&self) -> (u32, u32) {
        (self.field.0, self.start)
    }
}

/// A `u32` as a `usize`: dossier runs on 32- and 64-bit targets only.
fn widen(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// A [`Field`] in 32 bits: the variant in the top three, the index in the 29 below.
/// Variants are numbered in declaration order, so packed fields compare as the
/// fields do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PackedField(u32);

/// Bits of a packed field's index.
const INDEX_BITS: u32 = 29;

impl PackedField {
    /// Packs `field`; `None` when its index needs more than 29 bits.
    pub fn new(field: Field) -> Option<PackedField> {
        let (tag, i) = match field {
            Field::Title => (0, 0),
            Field::Body(i) => (1, i),
            Field::Caption(i) => (2, i),
            Field::RelatedTitle(i) => (3, i),
            Field::RelatedText(i) => (4, i),
        };
        let i = u32::try_from(i).ok().filter(|i| *i >> INDEX_BITS == 0)?;
        Some(PackedField(tag << INDEX_BITS | i))
    }

    /// The field.
    pub fn get(self) -> Field {
        let i = widen(self.0 & ((1 << INDEX_BITS) - 1));
        // `new` writes no other tag.
        match self.0 >> INDEX_BITS {
            0 => Field::Title,
            1 => Field::Body(i),
            2 => Field::Caption(i),
            3 => Field::RelatedTitle(i),
            _ => Field::RelatedText(i),
        }
    }

    /// The packed bits (the same field always gives the same bits).
    pub fn bits(self) -> u32 {
        self.0
    }

    /// The packed field `bits` stand for; `None` for bits no field packs to.
    pub fn from_bits(bits: u32) -> Option<PackedField> {
        (bits >> INDEX_BITS <= 4).then_some(PackedField(bits))
    }
}

/// How a mention is exported: the field flattened, the range, no entity (an export
/// names each document's mentions under its entity).
#[derive(Serialize, Deserialize)]
struct Wide {
    #[serde(flatten)]
    field: Field,
    start: usize,
    end: usize,
}

impl From<Mention> for Wide {
    fn from(m: Mention) -> Wide {
        Wide {
            field: m.field(),
            start: m.start(),
            end: m.end(),
        }
    }
}

impl TryFrom<Wide> for Mention {
    type Error = &'static str;
    fn try_from(w: Wide) -> Result<Mention, &'static str> {
        Mention::new(0, w.field, w.start, w.end).ok_or("a mention too large to hold")
    }
}

#[cfg(test)]
#[path = "entity_tests.rs"]
mod tests;
