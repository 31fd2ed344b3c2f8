//! The corpus index: an inverted index over the folded words of every document, with
//! positions (for phrases) and lengths (for BM25), built in parallel.
//!
//! Each document is two units: its article (headline, captions, body) and its
//! related-news tail, so a search can leave the tail out or take it in without a second
//! index. Documents are indexed in chunks, one rayon task each; a term's postings are
//! the segments its chunks wrote, in chunk order, so nothing is copied when merging.

use super::postings::{Cursor, put_posting};
use super::words::Words;
use crate::model::document::Document;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::fmt;

/// Documents per build task.
const CHUNK_DOCS: usize = 512;
/// Longer words (base64 runs, hashes) are counted but not indexed.
pub const MAX_WORD_BYTES: usize = 64;

/// Where one term's postings of one chunk are: its unit stream is
/// `start..mid` of the chunk's bytes, its position stream `mid..end`.
#[derive(Debug, Clone, Copy)]
struct Segment {
    chunk: u32,
    start: u32,
    mid: u32,
    end: u32,
}

/// What one chunk's task produced.
struct ChunkOut {
    bytes: Vec<u8>,
    /// Local terms with the start, middle and end of their streams in `bytes`.
    terms: Vec<(String, [u32; 3])>,
    /// Word counts of the chunk's units.
    lengths: Vec<u32>,
}

/// A term's postings: the range of its segments in `SearchIndex::segments`.
#[derive(Debug, Clone, Copy, Default)]
struct TermInfo {
    first: u32,
    last: u32,
}

/// The inverted index of a corpus' text. Hits are document indices.
#[derive(Default)]
pub struct SearchIndex {
    ids: FxHashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    /// Term ids in the order of their names, for prefix look-ups.
    sorted: Vec<u32>,
    info: Vec<TermInfo>,
    segments: Vec<Segment>,
    chunks: Vec<Vec<u8>>,
    /// Words per unit (document × 2 + 1 for its related tail).
    lengths: Vec<u32>,
    /// BM25 length normalisation per document, [article, with related tail].
    norms: Vec<[f32; 2]>,
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("documents", &self.documents())
            .field("terms", &self.names.len())
            .field("bytes", &self.postings_bytes())
            .finish()
    }
}

/// The texts of a document's unit: 0 = article, 1 = related tail.
fn unit_texts(doc: &Document, unit: usize) -> Vec<&str> {
    if unit == 0 {
        let title = (!doc.title_derived).then_some(doc.title.as_str());
        title
            .into_iter()
            .chain(doc.captions.iter())
            .chain(doc.body.iter())
            .collect()
    } else {
        doc.related
            .iter()
            .flat_map(|r| {
                r.title
                    .as_deref()
                    .into_iter()
                    .chain(std::iter::once(r.text.as_str()))
                    .chain(r.captions.iter().map(String::as_str))
            })
            .collect()
    }
}

/// Per-term state while a chunk is indexed.
#[derive(Default)]
struct Local {
    units: Vec<u8>,
    encoded: Vec<u8>,
    last: u32,
    positions: Vec<u32>,
}

fn build_chunk(docs: &[Document], first_doc: usize) -> ChunkOut {
    let base = (first_doc * 2) as u32;
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut names: Vec<String> = Vec::new();
    let mut locals: Vec<Local> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut lengths = Vec::with_capacity(docs.len() * 2);
    let mut words = Words::default();
    for (d, doc) in docs.iter().enumerate() {
        for kind in 0..2 {
            let unit = base + (d * 2 + kind) as u32;
            let mut pos: u32 = 0;
            let mut count: u32 = 0;
            for text in unit_texts(doc, kind) {
                words.fill(text);
                count = count.saturating_add(words.len() as u32);
                for (w, _) in words.iter() {
                    pos += 1;
                    if w.len() > MAX_WORD_BYTES {
                        continue;
                    }
                    let id = match ids.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = names.len() as u32;
                            ids.insert(w.to_owned(), id);
                            names.push(w.to_owned());
                            locals.push(Local {
                                last: base,
                                ..Local::default()
                            });
                            id
                        }
                    };
                    let l = &mut locals[id as usize];
                    if l.positions.is_empty() {
                        touched.push(id);
                    }
                    l.positions.push(pos);
                }
                // A gap between fields: no phrase runs from one field into the next.
                pos += 1;
            }
            lengths.push(count);
            for id in touched.drain(..) {
                let l = &mut locals[id as usize];
                put_posting(&mut l.units, &mut l.encoded, unit - l.last, &l.positions);
                l.last = unit;
                l.positions.clear();
            }
        }
    }
    let size = locals.iter().map(|l| l.units.len() + l.encoded.len()).sum();
    let mut bytes = Vec::with_capacity(size);
    let terms = names
        .into_iter()
        .zip(locals)
        .map(|(name, l)| {
            let start = bytes.len() as u32;
            bytes.extend_from_slice(&l.units);
            let mid = bytes.len() as u32;
            bytes.extend_from_slice(&l.encoded);
            (name, [start, mid, bytes.len() as u32])
        })
        .collect();
    ChunkOut {
        bytes,
        terms,
        lengths,
    }
}

impl SearchIndex {
    /// Indexes every document (in parallel, by chunks).
    pub fn build(docs: &[Document]) -> SearchIndex {
        let outs: Vec<ChunkOut> = docs
            .par_chunks(CHUNK_DOCS)
            .enumerate()
            .map(|(c, chunk)| build_chunk(chunk, c * CHUNK_DOCS))
            .collect();
        let mut index = SearchIndex::default();
        let mut found: Vec<(u32, Segment)> = Vec::new();
        for (c, out) in outs.into_iter().enumerate() {
            index.lengths.extend(out.lengths);
            for (name, [start, mid, end]) in out.terms {
                let id = match index.ids.get(name.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = index.names.len() as u32;
                        let name: Box<str> = name.into_boxed_str();
                        index.ids.insert(name.clone(), id);
                        index.names.push(name);
                        id
                    }
                };
                let chunk = c as u32;
                found.push((
                    id,
                    Segment {
                        chunk,
                        start,
                        mid,
                        end,
                    },
                ));
            }
            index.chunks.push(out.bytes);
        }
        // Stable: a term's segments stay in chunk order.
        found.par_sort_by_key(|f| f.0);
        index.info = vec![TermInfo::default(); index.names.len()];
        index.segments = Vec::with_capacity(found.len());
        for (id, seg) in found {
            let info = &mut index.info[id as usize];
            if info.first == info.last {
                info.first = index.segments.len() as u32;
            }
            index.segments.push(seg);
            info.last = index.segments.len() as u32;
        }
        let mut sorted: Vec<u32> = (0..index.names.len() as u32).collect();
        let names = &index.names;
        sorted.par_sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        index.sorted = sorted;
        index.norms = super::bm25::norms(&index.lengths);
        index
    }

    /// The number of documents indexed.
    pub fn documents(&self) -> usize {
        self.lengths.len() / 2
    }

    /// The number of distinct words indexed.
    pub fn terms(&self) -> usize {
        self.names.len()
    }

    /// Bytes of encoded postings (a measure of the index' size).
    pub fn postings_bytes(&self) -> usize {
        self.chunks.iter().map(Vec::len).sum()
    }

    /// The id of a folded word.
    pub(super) fn term(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    /// The ids of every indexed word starting with `prefix`.
    pub(super) fn with_prefix(&self, prefix: &str) -> &[u32] {
        let name = |id: &u32| &*self.names[*id as usize];
        let from = self.sorted.partition_point(|id| name(id) < prefix);
        let to = from + self.sorted[from..].partition_point(|id| name(id).starts_with(prefix));
        &self.sorted[from..to]
    }

    /// BM25 length normalisation of a document: `scope` 0 the article, 1 with its tail.
    pub(super) fn norm(&self, doc: usize, scope: usize) -> f32 {
        self.norms[doc][scope]
    }

    /// The term's postings, one cursor per chunk, in chunk order, with each chunk's number.
    pub(super) fn cursors(&self, id: u32) -> impl Iterator<Item = (u32, Cursor<'_>)> + '_ {
        let info = self.info[id as usize];
        self.segments[info.first as usize..info.last as usize]
            .iter()
            .map(|s| {
                let bytes = &self.chunks[s.chunk as usize];
                let units = &bytes[s.start as usize..s.mid as usize];
                let positions = &bytes[s.mid as usize..s.end as usize];
                let base = s.chunk * (CHUNK_DOCS as u32) * 2;
                (s.chunk, Cursor::new(units, positions, base))
            })
    }

    /// Calls `f(document)` for each document whose article (or, when `related`, its
    /// related tail) contains the folded word `word`, in document order.
    pub fn each_document_with(&self, word: &str, related: bool, mut f: impl FnMut(u32)) {
        if let Some(id) = self.term(word) {
            self.each_document(id, related, |d, _| f(d));
        }
    }

    /// Calls `f(document)` for each document whose article contains a longer word
    /// starting with the folded `prefix` (once per such word; the word itself is left
    /// to [`SearchIndex::each_document_with`]).
    pub fn each_document_with_prefix(&self, prefix: &str, mut f: impl FnMut(u32)) {
        for &id in self.with_prefix(prefix) {
            if self.names[id as usize].len() > prefix.len() {
                self.each_document(id, false, |d, _| f(d));
            }
        }
    }

    /// Calls `f(document, count)` once for each document whose scope (the article, and
    /// its related tail when `related`) contains the term, in document order.
    pub(super) fn each_document(&self, id: u32, related: bool, mut f: impl FnMut(u32, u32)) {
        let mut pending: Option<(u32, u32)> = None;
        for (_, cursor) in self.cursors(id) {
            for p in cursor.filter(|p| related || p.unit % 2 == 0) {
                let doc = p.unit / 2;
                match &mut pending {
                    Some((d, c)) if *d == doc => *c += p.count,
                    _ => {
                        if let Some((d, c)) = pending.replace((doc, p.count)) {
                            f(d, c);
                        }
                    }
                }
            }
        }
        if let Some((d, c)) = pending {
            f(d, c);
        }
    }
}
