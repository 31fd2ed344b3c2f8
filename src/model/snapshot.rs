//! A built corpus as one serialisable value, so that a cache can save it and bring it
//! back exactly. The export's JSON is for readers and leaves out what only the program
//! needs (which entity a mention points at), so the snapshot has its own shape.
//!
//! A snapshot read back is checked before it is used: every index and byte range must
//! point inside the corpus, so a damaged or foreign file is refused instead of trusted.

use super::corpus::Corpus;
use super::document::Document;
use super::duplicates::ContentHash;
use super::entity::{Entity, Mention};
use super::event::Event;
use super::source::Problem;
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use std::io::Write;

/// Writes `corpus` as a snapshot (JSON) to `out`.
pub fn write(corpus: &Corpus, out: impl Write) -> serde_json::Result<()> {
    let hashes: Vec<String> = (0..corpus.documents.len())
        .map(|i| {
            corpus
                .content_hash(i)
                .map(|h| h.to_string())
                .unwrap_or_default()
        })
        .collect();
    let snapshot = Written {
        documents: &corpus.documents,
        entities: &corpus.entities,
        mentions: Mentions(&corpus.mentions),
        events: &corpus.events,
        problems: &corpus.problems,
        hashes,
    };
    serde_json::to_writer(out, &snapshot)
}

/// Reads a snapshot written by [`write`] back into a corpus, or says why it cannot be used.
pub fn read(bytes: &[u8]) -> Result<Corpus, String> {
    let s: Read = serde_json::from_slice(bytes).map_err(|e| format!("unreadable snapshot: {e}"))?;
    check(&s)?;
    let hashes: Vec<ContentHash> = s
        .hashes
        .iter()
        .map(|h| ContentHash::parse(h).ok_or_else(|| format!("bad content hash {h:?}")))
        .collect::<Result<_, _>>()?;
    let mentions = s
        .mentions
        .into_iter()
        .map(|doc| {
            doc.into_iter()
                .map(|(entity, mention)| Mention { entity, ..mention })
                .collect()
        })
        .collect();
    let mut corpus = Corpus::new(s.documents, s.entities, mentions, s.events, s.problems);
    corpus.set_hashes(hashes);
    Ok(corpus)
}

#[derive(Serialize)]
struct Written<'a> {
    documents: &'a [Document],
    entities: &'a [Entity],
    mentions: Mentions<'a>,
    events: &'a [Event],
    problems: &'a [Problem],
    hashes: Vec<String>,
}

#[derive(Deserialize)]
struct Read {
    documents: Vec<Document>,
    entities: Vec<Entity>,
    mentions: Vec<Vec<(usize, Mention)>>,
    events: Vec<Event>,
    problems: Vec<Problem>,
    hashes: Vec<String>,
}

/// Each document's mentions as `(entity index, mention)` pairs: the export skips the index.
struct Mentions<'a>(&'a [Vec<Mention>]);

impl Serialize for Mentions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut docs = s.serialize_seq(Some(self.0.len()))?;
        for doc in self.0 {
            let pairs: Vec<(usize, &Mention)> = doc.iter().map(|m| (m.entity, m)).collect();
            docs.serialize_element(&pairs)?;
        }
        docs.end()
    }
}

/// Refuses a snapshot whose indices or byte ranges point outside it.
fn check(s: &Read) -> Result<(), String> {
    let docs = s.documents.len();
    if s.mentions.len() != docs || s.hashes.len() != docs {
        return Err("the snapshot's parts disagree on the number of documents".into());
    }
    for (doc, mentions) in s.documents.iter().zip(&s.mentions) {
        for (entity, m) in mentions {
            if *entity >= s.entities.len() {
                return Err(format!("a mention in {:?} names no entity", doc.id));
            }
            if !in_text(doc.text(m.field), m.start, m.end) {
                return Err(format!("a mention in {:?} is out of its text", doc.id));
            }
        }
    }
    let ids: rustc_hash::FxHashMap<&str, &Document> =
        s.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    for sentence in s.events.iter().flat_map(|e| &e.sentences) {
        let Some(doc) = ids.get(sentence.document.as_str()) else {
            return Err(format!(
                "an event cites no document {:?}",
                sentence.document
            ));
        };
        if !in_text(doc.text(sentence.field), sentence.start, sentence.end) {
            return Err(format!(
                "an event sentence in {:?} is out of its text",
                doc.id
            ));
        }
    }
    Ok(())
}

/// True when `start..end` is a range of `text` on character boundaries.
fn in_text(text: &str, start: usize, end: usize) -> bool {
    start <= end && text.is_char_boundary(start) && text.is_char_boundary(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(corpus: &Corpus) -> Corpus {
        let mut bytes = Vec::new();
        write(corpus, &mut bytes).unwrap();
        read(&bytes).unwrap()
    }

    #[test]
    fn the_seeds_come_back_exactly() {
        let seeds = Corpus::seeds();
        let back = round_trip(&seeds);
        assert_eq!(back.documents, seeds.documents);
        assert_eq!(back.entities, seeds.entities);
        assert_eq!(back.mentions, seeds.mentions);
        assert_eq!(back.events, seeds.events);
        assert_eq!(back.problems, seeds.problems);
        assert_eq!(back.duplicates(), seeds.duplicates());
        for i in 0..seeds.documents.len() {
            assert_eq!(back.content_hash(i), seeds.content_hash(i));
        }
    }

    #[test]
    fn a_mention_out_of_its_text_is_refused() {
        let seeds = Corpus::seeds();
        let mut bytes = Vec::new();
        write(&seeds, &mut bytes).unwrap();
        let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let first = &mut value["mentions"][0][0][1];
        first["end"] = serde_json::json!(1_000_000);
        let damaged = serde_json::to_vec(&value).unwrap();
        let err = read(&damaged).err().unwrap();
        assert!(err.contains("out of its text"), "{err}");
    }

    #[test]
    fn a_mention_of_no_entity_is_refused() {
        let seeds = Corpus::seeds();
        let mut bytes = Vec::new();
        write(&seeds, &mut bytes).unwrap();
        let mut value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        value["mentions"][0][0][0] = serde_json::json!(usize::MAX);
        let err = read(&serde_json::to_vec(&value).unwrap()).err().unwrap();
        assert!(err.contains("names no entity"), "{err}");
    }

    #[test]
    fn truncated_bytes_are_refused() {
        let seeds = Corpus::seeds();
        let mut bytes = Vec::new();
        write(&seeds, &mut bytes).unwrap();
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }
}
