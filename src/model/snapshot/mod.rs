//! A built corpus as serialisable segments, so that a cache can save it and bring it
//! back exactly. The export's JSON is for readers and leaves out what only the program
//! needs (which entity a mention points at), so the snapshot has its own shape.
//!
//! The snapshot is cut into segments (the entities and problems; runs of documents with
//! their mentions and hashes; runs of events) that are written and parsed on every core.
//! An event sentence's text is a slice of its document, so it is saved once, in the
//! document, and cut out again on reading. A snapshot read back is checked before it is
//! used: every index and byte range must point inside the corpus, so a damaged or foreign
//! file is refused instead of trusted.

mod check;

use super::corpus::Corpus;
use super::document::{Document, Field};
use super::duplicates::ContentHash;
use super::entity::{Entity, Mention};
use super::event::Event;
use super::source::Problem;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Documents per segment: small enough to spread over the cores, large enough that the
/// per-segment overhead does not show.
const DOCUMENTS_PER_SEGMENT: usize = 1024;
/// Events per segment.
const EVENTS_PER_SEGMENT: usize = 256;

/// Writes `corpus` as snapshot segments (JSON each), the head first.
pub fn write(corpus: &Corpus) -> serde_json::Result<Vec<Vec<u8>>> {
    write_in(corpus, DOCUMENTS_PER_SEGMENT, EVENTS_PER_SEGMENT)
}

/// [`write`] with the segments' sizes given.
fn write_in(
    corpus: &Corpus,
    documents_per_segment: usize,
    events_per_segment: usize,
) -> serde_json::Result<Vec<Vec<u8>>> {
    let head = Out::Head {
        entities: &corpus.entities,
        problems: &corpus.problems,
        documents: corpus.documents.len(),
    };
    let documents = (0..corpus.documents.len())
        .step_by(documents_per_segment)
        .map(|first| first..corpus.documents.len().min(first + documents_per_segment));
    let events = corpus.events.chunks(events_per_segment);
    let mut parts: Vec<Part<'_>> = vec![Part::Head(head)];
    parts.extend(documents.map(Part::Documents));
    parts.extend(events.map(Part::Events));
    parts
        .into_par_iter()
        .map(|part| serde_json::to_vec(&part.render(corpus)))
        .collect()
}

/// Reads a snapshot written by [`write`] from its `count` segments, or says why it cannot
/// be used. `segment(i)` yields the bytes of segment `i`; it is called on every core.
pub fn read<F>(count: usize, segment: F) -> Result<Corpus, String>
where
    F: Fn(usize) -> Result<Vec<u8>, String> + Sync,
{
    let parsed: Vec<Parsed> = (0..count)
        .into_par_iter()
        .map(|i| {
            let bytes = segment(i)?;
            let part: In =
                serde_json::from_slice(&bytes).map_err(|e| format!("unreadable snapshot: {e}"))?;
            drop(bytes);
            Parsed::from(part)
        })
        .collect::<Result<_, _>>()?;
    let parts = Assembled::from(parsed)?;
    check::mentions(&parts)?;
    let mut events = parts.events;
    check::restore_sentences(&parts.documents, &mut events, parts.kept)?;
    let mut corpus = Corpus::new(
        parts.documents,
        parts.entities,
        parts.mentions,
        events,
        parts.problems,
    );
    corpus.set_hashes(parts.hashes);
    Ok(corpus)
}

/// What one segment is cut from.
enum Part<'a> {
    Head(Out<'a>),
    Documents(std::ops::Range<usize>),
    Events(&'a [Event]),
}

impl<'a> Part<'a> {
    fn render(self, corpus: &'a Corpus) -> Out<'a> {
        match self {
            Part::Head(head) => head,
            Part::Documents(range) => Out::Documents {
                documents: &corpus.documents[range.clone()],
                mentions: corpus.mentions[range.clone()]
                    .iter()
                    .map(|doc| doc.iter().flat_map(pack).collect())
                    .collect(),
                hashes: range
                    .map(|i| {
                        corpus
                            .content_hash(i)
                            .map(|h| h.to_string())
                            .unwrap_or_default()
                    })
                    .collect(),
            },
            Part::Events(events) => {
                let (events, kept) = without_sentence_texts(events, corpus);
                Out::Events { events, kept }
            }
        }
    }
}

/// A segment as written.
#[derive(Serialize)]
enum Out<'a> {
    Head {
        entities: &'a [Entity],
        problems: &'a [Problem],
        documents: usize,
    },
    Documents {
        documents: &'a [Document],
        /// Per document, five numbers per mention (see [`pack`]).
        mentions: Vec<Vec<usize>>,
        hashes: Vec<String>,
    },
    Events {
        events: Vec<Event>,
        kept: Vec<Kept>,
    },
}

/// A segment as read.
#[derive(Deserialize)]
enum In {
    Head {
        entities: Vec<Entity>,
        problems: Vec<Problem>,
        documents: usize,
    },
    Documents {
        documents: Vec<Document>,
        mentions: Vec<Vec<usize>>,
        hashes: Vec<String>,
    },
    Events {
        events: Vec<Event>,
        kept: Vec<Kept>,
    },
}

/// A sentence text that is not the slice its range names: `(event, sentence, text)`,
/// the event counted within its segment.
type Kept = (usize, usize, String);

/// A mention as five numbers: entity, field kind, field index, start, end.
fn pack(m: &Mention) -> [usize; 5] {
    let (kind, index) = match m.field {
        Field::Title => (0, 0),
        Field::Body(i) => (1, i),
        Field::Caption(i) => (2, i),
        Field::RelatedTitle(i) => (3, i),
        Field::RelatedText(i) => (4, i),
    };
    [m.entity, kind, index, m.start, m.end]
}

/// The mention [`pack`] wrote, or `None` for numbers it cannot have written.
fn unpack(n: &[usize]) -> Option<Mention> {
    let &[entity, kind, index, start, end] = n else {
        return None;
    };
    let field = match kind {
        0 => Field::Title,
        1 => Field::Body(index),
        2 => Field::Caption(index),
        3 => Field::RelatedTitle(index),
        4 => Field::RelatedText(index),
        _ => return None,
    };
    Some(Mention {
        entity,
        field,
        start,
        end,
    })
}

/// The events with every sentence's text left out, and the few texts that are not the
/// slice of the document their range names (kept as they are).
fn without_sentence_texts(events: &[Event], corpus: &Corpus) -> (Vec<Event>, Vec<Kept>) {
    let mut kept = Vec::new();
    let events = events
        .iter()
        .enumerate()
        .map(|(e, event)| {
            let mut event = event.clone();
            for (s, sentence) in event.sentences.iter_mut().enumerate() {
                let text = std::mem::take(&mut sentence.text);
                let slice = corpus.document(&sentence.document).and_then(|d| {
                    corpus.documents[d]
                        .text(sentence.field)
                        .get(sentence.start..sentence.end)
                });
                if slice != Some(text.as_str()) {
                    kept.push((e, s, text));
                }
            }
            event
        })
        .collect();
    (events, kept)
}

/// A segment as read, its mentions and hashes decoded (on the worker that parsed it).
enum Parsed {
    Head {
        entities: Vec<Entity>,
        problems: Vec<Problem>,
        documents: usize,
    },
    Documents {
        documents: Vec<Document>,
        mentions: Vec<Vec<Mention>>,
        hashes: Vec<ContentHash>,
    },
    Events {
        events: Vec<Event>,
        kept: Vec<Kept>,
    },
}

impl Parsed {
    fn from(part: In) -> Result<Parsed, String> {
        Ok(match part {
            In::Head {
                entities,
                problems,
                documents,
            } => Parsed::Head {
                entities,
                problems,
                documents,
            },
            In::Documents {
                documents,
                mentions,
                hashes,
            } => Parsed::Documents {
                documents,
                mentions: mentions
                    .iter()
                    .map(|packed| packed.chunks(5).map(unpack).collect::<Option<Vec<_>>>())
                    .collect::<Option<_>>()
                    .ok_or("a mention in the snapshot is damaged")?,
                hashes: hashes
                    .iter()
                    .map(|h| ContentHash::parse(h).ok_or_else(|| format!("bad content hash {h:?}")))
                    .collect::<Result<_, _>>()?,
            },
            In::Events { events, kept } => Parsed::Events { events, kept },
        })
    }
}

/// The segments put back together.
struct Assembled {
    documents: Vec<Document>,
    entities: Vec<Entity>,
    mentions: Vec<Vec<Mention>>,
    hashes: Vec<ContentHash>,
    events: Vec<Event>,
    /// Kept sentence texts, their events counted in the whole list.
    kept: Vec<Kept>,
    problems: Vec<Problem>,
}

impl Assembled {
    fn from(parsed: Vec<Parsed>) -> Result<Assembled, String> {
        let mut parsed = parsed.into_iter();
        let Some(Parsed::Head {
            entities,
            problems,
            documents: count,
        }) = parsed.next()
        else {
            return Err("the snapshot does not start with its head".into());
        };
        let mut all = Assembled {
            documents: Vec::with_capacity(count),
            entities,
            mentions: Vec::with_capacity(count),
            hashes: Vec::with_capacity(count),
            events: Vec::new(),
            kept: Vec::new(),
            problems,
        };
        for part in parsed {
            match part {
                Parsed::Head { .. } => return Err("the snapshot has two heads".into()),
                Parsed::Documents {
                    documents,
                    mentions,
                    hashes,
                } => {
                    all.documents.extend(documents);
                    all.mentions.extend(mentions);
                    all.hashes.extend(hashes);
                }
                Parsed::Events { events, kept } => {
                    let first = all.events.len();
                    all.kept
                        .extend(kept.into_iter().map(|(e, s, text)| (first + e, s, text)));
                    all.events.extend(events);
                }
            }
        }
        if all.documents.len() != count || all.mentions.len() != count || all.hashes.len() != count
        {
            return Err("the snapshot's parts disagree on the number of documents".into());
        }
        Ok(all)
    }
}

#[cfg(test)]
pub(crate) mod tests;
