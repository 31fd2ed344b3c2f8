//! Cleaning: raw scraped text → a `Document` with its headline, source, dateline, clean
//! body paragraphs, captions, byline and related-news items. Metadata (dates, period,
//! kind) is left to the `meta` pass; timestamp lines are handed over as `stamps`.

mod blocks;
mod captions;
mod dateline;
mod debris;
mod dedupe;
mod glue;
mod lexicon;
mod normalize;
mod pieces;
mod tail;
mod title;
mod vocab;

pub use lexicon::Lexicon;
pub use vocab::Vocabulary;

use super::document::{Document, RelatedItem};
use pieces::Piece;

/// Pieces at the top of a file searched for timestamps and bylines.
const HEADER_SPAN: usize = 8;
/// Text paragraphs at the top of the article searched for a dateline.
const DATELINE_SPAN: usize = 4;

/// A cleaned document plus header lines kept for the metadata pass.
#[derive(Debug, Default)]
pub struct Cleaned {
    /// The document, with text fields filled and metadata left empty.
    pub doc: Document,
    /// Lines removed from the header that look like timestamps ("December 18, 2025 - 18:01").
    pub stamps: Vec<String>,
}

/// Cleans one raw file.
pub fn clean(raw: &str, lex: &Lexicon, vocab: &Vocabulary) -> Cleaned {
    let text = normalize::normalize(raw);
    let mut pieces = pieces::classify(blocks::paragraphs(&text, lex), lex);
    let mut doc = Document::default();

    let stamps = take_header_lines(&mut pieces, |t| title::is_stamp(t));
    let headline = take_headline(&mut pieces);
    doc.byline = take_header_lines(&mut pieces, |t| tail::is_byline(t, lex))
        .into_iter()
        .next();
    let dateline_outlet = take_dateline(&mut pieces, &mut doc, lex);

    let end = tail::find_end(&mut pieces, 0, lex);
    doc.source = dateline_outlet.or(end.mark_outlet).or(end.credit_outlet);
    doc.byline = doc.byline.or(end.byline);
    let related = pieces.split_off(end.tail_start);
    pieces.truncate(end.body_end);

    let mut body = Vec::new();
    let mut captions = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => body.push(t),
            Piece::Caption(c) => captions.push(c),
            Piece::TailMarker | Piece::Debris => {}
        }
    }
    let fix = |s: String| match glue::split_glued(&s, lex, vocab) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(fixed) => fixed,
    };
    doc.body = dedupe::paragraphs(body).into_iter().map(fix).collect();
    doc.captions = dedupe::captions(captions.into_iter().map(fix).collect());
    doc.related = tail::related(related)
        .into_iter()
        .map(|item| RelatedItem {
            title: item.title.map(fix),
            text: fix(item.text),
            captions: dedupe::captions(item.captions.into_iter().map(fix).collect()),
        })
        .collect();
    match headline {
        Some(h) => doc.title = fix(h),
        None => {
            doc.title_derived = true;
            let first = doc
                .body
                .first()
                .or(doc.captions.first())
                .or(doc.related.first().map(|r| &r.text));
            doc.title = first.map(|p| title::derive(p)).unwrap_or_default();
        }
    }
    Cleaned { doc, stamps }
}

/// Removes the text pieces near the top that `pick` accepts and returns their text.
fn take_header_lines(pieces: &mut [Piece], pick: impl Fn(&str) -> bool) -> Vec<String> {
    let mut taken = Vec::new();
    for piece in pieces.iter_mut().take(HEADER_SPAN) {
        if piece.text().is_some_and(&pick)
            && let Piece::Text(t) = std::mem::replace(piece, Piece::Debris)
        {
            taken.push(t);
        }
    }
    taken
}

/// The headline: the first content line, when it reads as one.
fn take_headline(pieces: &mut [Piece]) -> Option<String> {
    let first = pieces
        .iter_mut()
        .find(|p| matches!(p, Piece::Text(_) | Piece::Caption(_)))?;
    if first.text().is_some_and(title::is_headline)
        && let Piece::Text(t) = std::mem::replace(first, Piece::Debris)
    {
        return Some(t);
    }
    None
}

/// Removes the dateline from the first paragraph that has one; returns the outlet its
/// agency code stands for.
fn take_dateline(pieces: &mut [Piece], doc: &mut Document, lex: &Lexicon) -> Option<String> {
    for piece in pieces
        .iter_mut()
        .filter(|p| matches!(p, Piece::Text(_)))
        .take(DATELINE_SPAN)
    {
        let Some(text) = piece.text() else { continue };
        if let Some(d) = dateline::parse(text) {
            doc.dateline = Some(d.place.to_owned());
            let outlet = d.agency.and_then(|a| lex.agency(a)).map(str::to_owned);
            *piece = Piece::Text(d.rest.to_owned());
            return outlet;
        }
    }
    None
}
