//! A built corpus as serialisable segments, so that a cache can save it and bring it
//! back exactly. The export's JSON is for readers and leaves out what only the program
//! needs (which entity a mention points at), so the snapshot has its own shape.
//!
//! The snapshot is cut into segments (the entities and problems; runs of documents with
//! their mentions and hashes; runs of events) that are written and parsed on every core.
//! An event sentence is a range of its document's text, which is saved once, in the
//! document. Segments are binary (`wire`); the document ids that entities and events
//! repeat are written once per segment (`ids`). A snapshot
//! read back is checked before it is used: every value must be one the model can hold
//! and every index and byte range must point inside the corpus, so a damaged or foreign
//! file is refused instead of trusted.

pub mod basis;
mod check;
mod ids;
mod input;
mod records;
mod wire;

use super::corpus::Corpus;
use super::document::Document;
use super::duplicates::ContentHash;
use super::entity::{Entity, Mention};
use super::event::Event;
use super::source::Problem;
use input::{Damaged, Input};
use rayon::prelude::*;
use wire::{Wire, put_slice};

/// Documents per segment: small enough to spread over the cores and to keep the segments
/// being written a few MB (at 1,024, eight segments in flight added 55 MB to the peak of a
/// cold 100,000-article start), large enough that the per-segment overhead does not show.
const DOCUMENTS_PER_SEGMENT: usize = 256;
/// Events per segment.
const EVENTS_PER_SEGMENT: usize = 256;

/// The first byte of each kind of segment.
const HEAD: u8 = 0;
/// See [`HEAD`].
const DOCUMENTS: u8 = 1;
/// See [`HEAD`].
const EVENTS: u8 = 2;

/// Segments rendered at once by [`write_each`]: enough to keep both cores busy, few enough
/// that only a small part of a large snapshot is in memory at a time.
const SEGMENTS_AT_ONCE: usize = 4;

/// Writes `corpus` as snapshot segments, the head first.
pub fn write(corpus: &Corpus) -> Vec<Vec<u8>> {
    let mut segments = Vec::new();
    let written: Result<(), std::convert::Infallible> = write_each(corpus, |segment| {
        segments.push(segment);
        Ok(())
    });
    let Ok(()) = written;
    segments
}

/// How many segments [`write`](fn@write) and [`write_each`] cut `corpus` into.
pub fn segment_count(corpus: &Corpus) -> usize {
    parts(corpus, DOCUMENTS_PER_SEGMENT, EVENTS_PER_SEGMENT).len()
}

/// Gives `corpus`'s snapshot segments to `sink` in order, rendering a few at a time on
/// every core, so that a snapshot is never whole in memory.
pub fn write_each<E>(corpus: &Corpus, sink: impl FnMut(Vec<u8>) -> Result<(), E>) -> Result<(), E> {
    write_each_in(corpus, DOCUMENTS_PER_SEGMENT, EVENTS_PER_SEGMENT, sink)
}

/// [`write_each`] with the segments' sizes given.
fn write_each_in<E>(
    corpus: &Corpus,
    documents_per_segment: usize,
    events_per_segment: usize,
    mut sink: impl FnMut(Vec<u8>) -> Result<(), E>,
) -> Result<(), E> {
    let parts = parts(corpus, documents_per_segment, events_per_segment);
    for batch in parts.chunks(SEGMENTS_AT_ONCE) {
        let rendered: Vec<Vec<u8>> = batch.par_iter().map(|p| p.render(corpus)).collect();
        for segment in rendered {
            sink(segment)?;
        }
    }
    Ok(())
}

/// What each segment of `corpus` is cut from, in order.
fn parts(
    corpus: &Corpus,
    documents_per_segment: usize,
    events_per_segment: usize,
) -> Vec<Part<'_>> {
    let documents = (0..corpus.documents.len())
        .step_by(documents_per_segment)
        .map(|first| first..corpus.documents.len().min(first + documents_per_segment));
    let events = corpus.events.chunks(events_per_segment);
    let mut parts = vec![Part::Head];
    parts.extend(documents.map(Part::Documents));
    parts.extend(events.map(Part::Events));
    parts
}

/// Reads a snapshot written by [`write`](fn@write) from its `count` segments, or says why it cannot
/// be used. `segment(i)` yields the bytes of segment `i`; it is called on every core.
pub fn read<F>(count: usize, segment: F) -> Result<Corpus, String>
where
    F: Fn(usize) -> Result<Vec<u8>, String> + Sync,
{
    parse(count, segment)?.corpus()
}

/// Parses the `count` segments of a snapshot written by [`write`](fn@write) (on every core), to be
/// put together as a whole corpus or only its documents once it is known which is wanted.
pub fn parse<F>(count: usize, segment: F) -> Result<Segments, String>
where
    F: Fn(usize) -> Result<Vec<u8>, String> + Sync,
{
    let parsed = (0..count)
        .into_par_iter()
        .map(|i| Parsed::from(&segment(i)?).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    Ok(Segments(parsed))
}

/// A snapshot's segments, parsed and not yet put together.
pub struct Segments(Vec<Parsed>);

impl Segments {
    /// The corpus, once its parts agree and every index in it is checked.
    pub fn corpus(self) -> Result<Corpus, String> {
        let parts = Assembled::from(self.0)?;
        check::mentions(&parts)?;
        check::sentences(&parts)?;
        check::document_lists(&parts)?;
        check::event_entities(&parts)?;
        let mut corpus = Corpus::new(
            parts.documents,
            parts.entities,
            parts.mentions,
            parts.events,
            parts.problems,
        );
        corpus.set_hashes(parts.hashes);
        Ok(corpus)
    }

    /// Only the documents and their content hashes: what a rebuild that keeps documents
    /// needs.
    pub fn documents(self) -> (Vec<Document>, Vec<ContentHash>) {
        let (mut documents, mut hashes) = (Vec::new(), Vec::new());
        for part in self.0 {
            if let Parsed::Documents {
                documents: d,
                hashes: h,
                ..
            } = part
            {
                documents.extend(d);
                hashes.extend(h);
            }
        }
        (documents, hashes)
    }
}

/// What one segment is cut from.
enum Part<'a> {
    Head,
    Documents(std::ops::Range<usize>),
    Events(&'a [Event]),
}

impl Part<'_> {
    /// The segment's bytes.
    fn render(&self, corpus: &Corpus) -> Vec<u8> {
        let mut out = Vec::new();
        match self {
            Part::Head => {
                out.push(HEAD);
                ids::put_entities(&corpus.entities, &mut out);
                put_slice(&corpus.problems, &mut out);
                corpus.documents.len().put(&mut out);
            }
            Part::Documents(range) => {
                let range = range.clone();
                out.push(DOCUMENTS);
                put_slice(&corpus.documents[range.clone()], &mut out);
                put_slice(&corpus.mentions[range.clone()], &mut out);
                for i in range {
                    corpus.content_hash(i).put(&mut out);
                }
            }
            Part::Events(events) => {
                out.push(EVENTS);
                ids::put_events(events, &mut out);
            }
        }
        out
    }
}

/// A segment as read.
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
    },
}

impl Parsed {
    /// Reads one segment; every byte must belong to it.
    fn from(bytes: &[u8]) -> Result<Parsed, Damaged> {
        let input = &mut Input::new(bytes);
        let parsed = match input.byte()? {
            HEAD => Parsed::Head {
                entities: ids::take_entities(input)?,
                problems: Wire::take(input)?,
                documents: Wire::take(input)?,
            },
            DOCUMENTS => {
                let documents: Vec<Document> = Wire::take(input)?;
                let mentions: Vec<Vec<Mention>> = Wire::take(input)?;
                let hashes = (0..documents.len())
                    .map(|_| {
                        <Option<ContentHash> as Wire>::take(input)?.ok_or(Damaged("a missing hash"))
                    })
                    .collect::<Result<_, _>>()?;
                Parsed::Documents {
                    documents,
                    mentions,
                    hashes,
                }
            }
            EVENTS => Parsed::Events {
                events: ids::take_events(input)?,
            },
            _ => return Err(Damaged("an unknown kind of segment")),
        };
        if input.is_empty() {
            Ok(parsed)
        } else {
            Err(Damaged("bytes after the end of a segment"))
        }
    }
}

/// The segments put back together.
struct Assembled {
    documents: Vec<Document>,
    entities: Vec<Entity>,
    mentions: Vec<Vec<Mention>>,
    hashes: Vec<ContentHash>,
    events: Vec<Event>,
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
                Parsed::Events { events } => all.events.extend(events),
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
