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
pub mod published;
pub mod words;

use super::clean::Stamp;
use super::document::{Document, Field};
use super::sentence;
use rayon::prelude::*;
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

/// Builds the word lists, patterns and automatons of cleaning and metadata now, as
/// independent jobs on every core, rather than one after another on the first documents
/// (which would wait for each other on the same ones). Each job fills one lock and
/// starts no parallel work inside it.
pub fn prepare() {
    let mut jobs: Vec<fn()> = super::clean::preparations().to_vec();
    jobs.extend([
        cues::prepare,
        period::forms::prepare,
        kind::prepare,
        dates::prepare,
        anniversary::prepare,
    ]);
    jobs.into_par_iter().for_each(|job| job());
}

/// How far around a word its sentence is read, in bytes.
const SENTENCE_REACH: usize = 600;

/// One text field of the article, with its sentences.
pub struct Passage<'a> {
    /// Where the text sits in the document.
    pub field: Field,
    /// The text.
    pub text: &'a str,
    /// Byte ranges of its sentences, split on first use (most fields hold no date).
    sentences: OnceCell<Vec<(usize, usize)>>,
    /// Its cue words, found on first use.
    cues: OnceCell<words::Scan<'a>>,
}

impl<'a> Passage<'a> {
    /// A field's text, split into sentences.
    pub fn new(field: Field, text: &'a str) -> Passage<'a> {
        Passage {
            field,
            text,
            sentences: OnceCell::new(),
            cues: OnceCell::new(),
        }
    }

    /// Where its cue words are.
    pub fn cues(&self) -> &words::Scan<'a> {
        self.cues.get_or_init(|| cues::cues().scan(self.text))
    }

    /// Whether the text may hold a literal the patterns of `needs` need (false only when
    /// it certainly holds none).
    pub fn may_hold(&self, needs: cues::Needs) -> bool {
        self.cues().may_hold(needs as u32)
    }

    /// Whether `self.text[range]` holds a cue of the list.
    pub fn has(&self, cue: cues::Cue, range: (usize, usize)) -> bool {
        cues::cues().has(self.cues(), cue, range)
    }

    /// The byte range of the sentence that contains byte `pos` (the whole text when
    /// `pos` falls outside every sentence), cut to `SENTENCE_REACH` bytes either side of
    /// `pos` so that a text without sentence ends costs the same as one with them.
    pub fn sentence_at(&self, pos: usize) -> (usize, usize) {
        let sentences = self.sentences.get_or_init(|| sentence::split(self.text));
        let i = sentences.partition_point(|&(s, _)| s <= pos);
        let (s, e) = i
            .checked_sub(1)
            .map(|i| sentences[i])
            .filter(|&(_, e)| e > pos)
            .unwrap_or((0, self.text.len()));
        let mut s = s.max(pos.saturating_sub(SENTENCE_REACH));
        while !self.text.is_char_boundary(s) {
            s += 1;
        }
        let mut e = e.min(pos + SENTENCE_REACH).min(self.text.len());
        while !self.text.is_char_boundary(e) {
            e -= 1;
        }
        (s.min(pos), e.max(s.min(pos)))
    }
}

/// The article's own text in reading order: headline (unless derived), body, captions.
pub fn passages(doc: &Document) -> Vec<Passage<'_>> {
    doc.fields()
        .filter(|(f, _)| !f.is_related())
        .map(|(f, t)| Passage::new(f, t))
        .collect()
}

/// Fills `published`, `event_date`, `period` and `kind` (with how each was found) from the
/// document's text and the timestamp lines `stamps` taken from its header.
pub fn annotate(doc: &mut Document, stamps: &[Stamp]) {
    let published = published::resolve(stamps);
    let page_date = published.as_ref().map(|p| p.0);
    let (found, kind, event) = {
        let passages = passages(doc);
        let anniversaries = anniversaries(&passages);
        let ctx = period::Context {
            published: page_date,
            anniversaries: &anniversaries,
        };
        let found = period::resolve(&passages, &ctx);
        let kind = kind::classify(&passages, found.as_ref());
        let period = found
            .as_ref()
            .filter(|_| kind.is_review())
            .and_then(|f| f.period);
        let event = event_date::resolve(&passages, page_date, period);
        (found.filter(|_| kind.is_review()), kind, event)
    };
    (doc.published, doc.published_basis) =
        published.map_or((None, None), |(d, b)| (Some(d), Some(b)));
    doc.period = found.as_ref().and_then(|f| f.period);
    doc.period_basis = found.map(|f| f.basis);
    doc.kind = kind;
    (doc.event_date, doc.event_date_basis) = match event {
        Some((date, basis)) => (Some(date), Some(basis)),
        None => (None, None),
    };
}

/// The anniversaries the article names, each marked when its sentence speaks of it as
/// still to come.
fn anniversaries(passages: &[Passage]) -> Vec<anniversary::AnniversaryYear> {
    let cues = cues::cues();
    let mut out = Vec::new();
    for p in passages {
        for mut a in anniversary::years(p.text) {
            let (s, e) = p.sentence_at(a.start);
            let at = a.start.clamp(s, e);
            a.ahead = cues.tense_at(p.cues(), (s, e), at, at) == cues::Tense::Ahead
                || p.has(cues::Cue::Future, (s, e));
            out.push(a);
        }
    }
    out
}

/// The index of each group of `re` named in `names` (`usize::MAX` for a name it lacks),
/// so that a match's groups are read by index: looking a name up costs a hash per call.
fn group_indices<const N: usize>(re: &regex::Regex, names: [&str; N]) -> [usize; N] {
    let all: Vec<Option<&str>> = re.capture_names().collect();
    names.map(|n| all.iter().position(|&x| x == Some(n)).unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests;
