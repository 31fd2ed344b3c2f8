//! The sentence shown under a search hit: the one that holds the most of the query's
//! terms (then the most hits, then the earliest in reading order).

use super::query::SearchQuery;
use super::reader::{TextHit, find_in_document};
use crate::model::document::{Document, Field};
use crate::model::sentence;
use serde::Serialize;

/// A sentence longer than this (in bytes) is cut to a window around its first hit.
pub const MAX_SNIPPET: usize = 320;

/// Where a hit's best sentence is, and the hits inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The field the sentence is in.
    #[serde(flatten)]
    pub field: Field,
    /// Its first byte in the field's text.
    pub start: usize,
    /// One past its last byte (at most [`MAX_SNIPPET`] bytes after `start`, give or
    /// take a word).
    pub end: usize,
    /// The hits inside it, as byte ranges of the field's text.
    pub hits: Vec<(usize, usize)>,
}

/// The best sentence of `doc` for `query` (None when nothing matches).
pub fn best_sentence(doc: &Document, query: &SearchQuery, related: bool) -> Option<Snippet> {
    let hits = find_in_document(doc, query, related);
    let mut best: Option<((usize, usize), Snippet)> = None;
    let mut i = 0;
    while i < hits.len() {
        let field = hits[i].field;
        let j = i + hits[i..].iter().take_while(|h| h.field == field).count();
        let text = doc.text(field);
        for (s, e) in sentence::split(text) {
            let inside: Vec<&TextHit> = hits[i..j]
                .iter()
                .filter(|h| h.start >= s && h.end <= e)
                .collect();
            if inside.is_empty() {
                continue;
            }
            let mut terms: Vec<usize> = inside.iter().map(|h| h.term).collect();
            terms.sort_unstable();
            terms.dedup();
            let rank = (terms.len(), inside.len());
            if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                let hits = inside.iter().map(|h| (h.start, h.end)).collect();
                best = Some((rank, window(text, field, s, e, hits)));
            }
        }
        i = j;
    }
    best.map(|(_, s)| s)
}

/// Cuts a long sentence to about [`MAX_SNIPPET`] bytes starting a little before its
/// first hit, on char boundaries.
fn window(text: &str, field: Field, s: usize, e: usize, hits: Vec<(usize, usize)>) -> Snippet {
    let (mut start, mut end) = (s, e);
    if e - s > MAX_SNIPPET {
        let first = hits.first().map_or(s, |h| h.0);
        start = floor(text, first.saturating_sub(MAX_SNIPPET / 4).max(s));
        // Begin at a word: skip the rest of a word cut in two.
        if start > s
            && let Some(sp) = text[start..first].find(' ')
        {
            start += sp + 1;
        }
        end = floor(text, (start + MAX_SNIPPET).min(e));
    }
    let hits = hits
        .into_iter()
        .filter(|&(a, b)| a >= start && b <= end)
        .collect();
    Snippet {
        field,
        start,
        end,
        hits,
    }
}

/// The largest char boundary of `text` at or below `i`.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &[&str]) -> Document {
        Document {
            body: body.iter().map(|s| (*s).to_owned()).collect(),
            ..Document::default()
        }
    }

    #[test]
    fn picks_the_sentence_with_most_terms() {
        let d = doc(&[
            "The border was quiet. Officers met.",
            "Young border guard officers met in Lao Cai. The guard changed.",
        ]);
        let q = SearchQuery::parse("border officers");
        let s = best_sentence(&d, &q, false).unwrap();
        assert_eq!(s.field, Field::Body(1));
        assert_eq!(
            &d.body[1][s.start..s.end],
            "Young border guard officers met in Lao Cai."
        );
        let marked: Vec<&str> = s.hits.iter().map(|&(a, b)| &d.body[1][a..b]).collect();
        assert_eq!(marked, ["border", "officers"]);
        assert!(best_sentence(&d, &SearchQuery::parse("navy"), false).is_none());
    }

    #[test]
    fn long_sentences_are_windowed_around_the_hit() {
        let long = format!(
            "{} the Xiangshan Forum {}",
            "word ".repeat(300),
            "más ".repeat(300)
        );
        let d = doc(&[long.as_str()]);
        let s = best_sentence(&d, &SearchQuery::parse("xiangshan"), false).unwrap();
        assert!(s.end - s.start <= MAX_SNIPPET);
        let text = &d.body[0][s.start..s.end];
        assert!(text.contains("Xiangshan"), "{text}");
        assert!(text.starts_with("word"), "{text}");
        assert_eq!(s.hits.len(), 1);
    }
}
