//! Metadata: publication date, event date, period and kind of a cleaned document.
//!
//! Only the article itself is read (the headline when the file has one, the body and the
//! captions), never the related-news tail, which is about other articles.

pub mod anniversary;
pub mod cues;
pub mod dates;
pub mod event_date;
pub mod kind;
pub mod period;

use super::document::{Document, Field};
use super::sentence;
use regex::Regex;
use std::cell::OnceCell;

/// Compiles one of this module's fixed patterns. Word boundaries are made ASCII-only:
/// a Unicode `\b` stops the fast DFA at the first non-ASCII byte (Vietnamese names,
/// curly quotes) and costs tenfold; every cue word and number here is ASCII.
fn pattern(src: &str) -> Regex {
    Regex::new(&src.replace(r"\b", r"(?-u:\b)"))
        .expect("metadata patterns are valid (checked by tests)")
}

/// Whether `bytes` holds `word` (lowercase ASCII letters) in any ASCII case at byte `i`.
/// Only for letters no non-ASCII letter folds to under the patterns' Unicode case rules
/// (not "k": Kelvin sign; not "s": long s).
fn has_folded_at(bytes: &[u8], i: usize, word: &[u8]) -> bool {
    bytes
        .get(i..i + word.len())
        .is_some_and(|w| w.iter().zip(word).all(|(&b, &l)| b | 0x20 == l))
}

/// One text field of the article, with its sentences.
pub struct Passage<'a> {
    /// Where the text sits in the document.
    pub field: Field,
    /// The text.
    pub text: &'a str,
    /// Byte ranges of its sentences, split on first use (most fields hold no date).
    sentences: OnceCell<Vec<(usize, usize)>>,
}

impl<'a> Passage<'a> {
    /// A field's text, split into sentences.
    pub fn new(field: Field, text: &'a str) -> Passage<'a> {
        Passage {
            field,
            text,
            sentences: OnceCell::new(),
        }
    }

    /// The byte range of the sentence that contains byte `pos` (the whole text when
    /// `pos` falls outside every sentence).
    pub fn sentence_at(&self, pos: usize) -> (usize, usize) {
        self.sentences
            .get_or_init(|| sentence::split(self.text))
            .iter()
            .rev()
            .find(|&&(s, _)| s <= pos)
            .copied()
            .filter(|&(_, e)| e > pos)
            .unwrap_or((0, self.text.len()))
    }
}

/// The article's own text in reading order: headline (unless derived), body, captions.
pub fn passages(doc: &Document) -> Vec<Passage<'_>> {
    doc.fields()
        .filter(|(f, _)| !f.is_related())
        .map(|(f, t)| Passage::new(f, t))
        .collect()
}

/// Fills `published`, `event_date` (with its basis), `period` and `kind` from the
/// document's text and the timestamp lines `stamps` taken from its header.
pub fn annotate(doc: &mut Document, stamps: &[String]) {
    let published = stamps.iter().find_map(|s| dates::first_full(s));
    let (period, kind, event) = {
        let passages = passages(doc);
        let anniversaries: Vec<_> = passages
            .iter()
            .flat_map(|p| anniversary::years(p.text))
            .collect();
        let found = period::resolve(&passages, published, &anniversaries);
        let kind = kind::classify(&passages, found);
        let period = found.map(|f| f.period);
        let event = event_date::resolve(&passages, published, period);
        (period, kind, event)
    };
    doc.published = published;
    doc.period = period;
    doc.kind = kind;
    (doc.event_date, doc.event_date_basis) = match event {
        Some((date, basis)) => (Some(date), Some(basis)),
        None => (None, None),
    };
}

#[cfg(test)]
mod tests;
