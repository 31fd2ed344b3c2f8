//! Cleaning: raw scraped text → a `Document` with its headline, source, dateline, clean
//! body paragraphs, captions, byline and related-news items. Metadata (dates, period,
//! kind) is left to the `meta` pass; timestamp lines are handed over as `stamps`.

mod blocks;
mod captions;
mod dateline;
mod debris;
mod dedupe;
mod glue;
mod header;
mod lexicon;
mod line_patterns;
mod lookup;
mod measure;
mod normalize;
mod outlets;
mod pieces;
mod tail;
mod title;
mod tokens;
mod vocab;

pub use glue::protects;
pub use lexicon::{Lexicon, Markers};
pub use outlets::Outlets;
pub use vocab::{Vocabulary, Words, words_of};

use super::document::{Document, RelatedItem};
use pieces::Piece;

/// What the cleaner builds once per process (word lists, patterns), as independent jobs
/// that can run on different cores before the first document is cleaned.
pub fn preparations() -> [fn(); 3] {
    [
        || {
            Lexicon::embedded();
        },
        dateline::prepare,
        header::prepare,
    ]
}

/// Pieces at the top of a file searched for timestamps and bylines.
const HEADER_SPAN: usize = 8;
/// Words a sentence needs to count as article text rather than a header line.
const ARTICLE_SENTENCE_WORDS: usize = 8;
/// Text paragraphs at the top of the article searched for a dateline.
const DATELINE_SPAN: usize = 4;

/// A timestamp line removed from the header ("December 18, 2025 - 18:01").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stamp {
    /// The line as written.
    pub text: String,
    /// True when it stands directly above the headline (the article's own date, where a
    /// page also shows the site's).
    pub above_headline: bool,
}

/// A cleaned document plus header lines kept for the metadata pass.
#[derive(Debug, Default)]
pub struct Cleaned {
    /// The document, with text fields filled and metadata left empty.
    pub doc: Document,
    /// Lines removed from the header that look like timestamps, in reading order.
    pub stamps: Vec<Stamp>,
    /// The tokens whose corpus count the glued-word splitter looked up, sorted, once
    /// each: the document is the same under any vocabulary that answers them alike.
    pub asked: Vec<Box<str>>,
}

/// An outlet and how the text named it.
type Named = (String, String);

/// Cleans one raw file.
pub fn clean(raw: &str, lex: &Lexicon, vocab: &Vocabulary) -> Cleaned {
    let text = normalize::normalize(&normalize::strip_emphasis(raw));
    let mut pieces = pieces::classify(blocks::paragraphs(&text, lex), lex);
    let mut doc = Document::default();

    // Timestamps and bylines first, so that neither is taken for the headline.
    let stamp_lines = take_header_lines(&mut pieces, title::is_stamp);
    let header_byline = take_header_lines(&mut pieces, |t| tail::is_byline(t, lex))
        .into_iter()
        .next()
        .map(|(_, t)| t);
    drop_mastheads(&mut pieces, lex);
    let headline = take_headline(&mut pieces);
    let stamps = mark_stamps(stamp_lines, headline.as_ref().map(|h| h.0), &pieces);
    let stamp_byline = stamps.iter().find_map(|s| title::stamp_byline(&s.text));
    doc.byline = header_byline.or(stamp_byline.map(str::to_owned));
    let lead_outlet = take_dateline(&mut pieces, &mut doc, lex);

    let end = tail::find_end(&mut pieces, 0, lex);
    let byline_outlet = doc.byline.as_deref().and_then(|b| byline_outlet(b, lex));
    let source = lead_outlet.or(end.mark_outlet).or(byline_outlet);
    (doc.source, doc.source_basis) = source.map_or((None, None), |(o, b)| (Some(o), Some(b)));
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
    let asked = std::cell::RefCell::new(String::new());
    let fix = |s: String| match glue::split_glued_asking(&s, lex, vocab, &mut asked.borrow_mut()) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(fixed) => fixed,
    };
    doc.body = dedupe::paragraphs(body).into_iter().map(fix).collect();
    doc.captions = dedupe::captions(captions.into_iter().map(fix).collect()).into();
    doc.related = tail::related(related)
        .into_iter()
        .map(|item| RelatedItem {
            title: item.title.map(fix),
            text: fix(item.text),
            captions: dedupe::captions(item.captions.into_iter().map(fix).collect()),
        })
        .collect();
    match headline {
        Some((_, h)) => {
            doc.title = fix(h);
            // Pages repeat the headline above their images.
            doc.body.retain(|p| !dedupe::same_key(p, &doc.title));
        }
        None => {
            doc.title_derived = true;
            let first = doc
                .body
                .first()
                .or(doc.captions.first())
                .or(doc.related.first().map(|r| r.text.as_str()));
            doc.title = first.map(title::derive).unwrap_or_default();
        }
    }
    let asked = asked.into_inner();
    let mut words: Vec<&str> = asked.lines().collect();
    words.sort_unstable();
    words.dedup();
    let asked = words.into_iter().map(Box::from).collect();
    Cleaned { doc, stamps, asked }
}

/// Removes the text pieces of the header that `pick` accepts and returns them with their
/// positions. The header ends at the first paragraph of article text (or after `HEADER_SPAN`).
fn take_header_lines(pieces: &mut [Piece], pick: impl Fn(&str) -> bool) -> Vec<(usize, String)> {
    let mut taken = Vec::new();
    let mut opening = ArticleStart::default();
    for (i, piece) in pieces.iter_mut().enumerate().take(HEADER_SPAN) {
        if piece
            .text()
            .is_some_and(|t| !pick(t) && opening.starts_at(t))
        {
            break;
        }
        if piece.text().is_some_and(&pick)
            && let Piece::Text(t) = std::mem::replace(piece, Piece::Debris)
        {
            taken.push((i, t));
        }
    }
    taken
}

/// Finds where the article's text starts, paragraph by paragraph from the top: at the
/// first that reads as a sentence of it. One paragraph that also reads as a headline is
/// passed over, as the headline: a question ends as a sentence does ("Defence ties had
/// a busy year. What comes next?"), and the date and byline lines under it are header.
#[derive(Default)]
struct ArticleStart {
    headline_seen: bool,
}

impl ArticleStart {
    /// True when paragraph `t`, the next one down, starts the article's text.
    fn starts_at(&mut self, t: &str) -> bool {
        if !is_article_text(t) {
            return false;
        }
        if !self.headline_seen && title::is_headline(t) {
            self.headline_seen = true;
            return false;
        }
        true
    }
}

/// Drops the outlet's name standing alone above the article's first sentence ("Tuoi Tre
/// News"): the site's masthead, neither the story's source nor its lede. Without article
/// text after it, such a line may be a short story's closing credit, and stays.
fn drop_mastheads(pieces: &mut [Piece], lex: &Lexicon) {
    let span = pieces.len().min(HEADER_SPAN);
    let mut opening = ArticleStart::default();
    let Some(text_at) = pieces[..span]
        .iter()
        .position(|p| p.text().is_some_and(|t| opening.starts_at(t)))
    else {
        return;
    };
    for p in &mut pieces[..text_at] {
        if p.text()
            .is_some_and(|t| tail::lone_credit(t, lex).is_some())
        {
            *p = Piece::Debris;
        }
    }
}

/// The stamps, the one directly above the headline (only debris between) marked.
fn mark_stamps(
    lines: Vec<(usize, String)>,
    headline: Option<usize>,
    pieces: &[Piece],
) -> Vec<Stamp> {
    let above = headline.and_then(|h| {
        let (i, _) = lines.iter().rev().find(|(i, _)| *i < h)?;
        pieces[i + 1..h]
            .iter()
            .all(|p| matches!(p, Piece::Debris))
            .then_some(*i)
    });
    lines
        .into_iter()
        .map(|(i, text)| Stamp {
            text,
            above_headline: above == Some(i),
        })
        .collect()
}

/// A paragraph of article text: a sentence of some length.
fn is_article_text(t: &str) -> bool {
    measure::ends_sentence(t) && measure::more_words_than(t, ARTICLE_SENTENCE_WORDS)
}

/// The headline and its position: the first text line of the file, when it reads as one;
/// date lines, captions and debris before it are passed over.
fn take_headline(pieces: &mut [Piece]) -> Option<(usize, String)> {
    let (i, first) = pieces
        .iter_mut()
        .enumerate()
        .take(HEADER_SPAN)
        .find(|(_, p)| matches!(p, Piece::Text(_) | Piece::TailMarker))?;
    if first.text().is_some_and(title::is_headline)
        && let Piece::Text(t) = std::mem::replace(first, Piece::Debris)
    {
        return Some((i, t));
    }
    None
}

/// Removes the dateline ("Hanoi (VNA) –", "KON TUM —") or outlet lead ("WVR - ") from the
/// first paragraph that has one; returns the outlet it names and how.
fn take_dateline(pieces: &mut [Piece], doc: &mut Document, lex: &Lexicon) -> Option<Named> {
    for piece in pieces
        .iter_mut()
        .filter(|p| matches!(p, Piece::Text(_)))
        .take(DATELINE_SPAN)
    {
        let Some(text) = piece.text() else { continue };
        if let Some((outlet, rest)) = lex.outlets.lead(text) {
            let lead = text[..text.len() - rest.len()].trim_end();
            let named = (outlet, format!("outlet lead '{lead}'"));
            *piece = Piece::Text(rest.to_owned());
            return Some(named);
        }
        let Some(d) = dateline::parse(text) else {
            continue;
        };
        // A wire service may wrap the outlet's dateline in its own ("VIETNAM, May 5 - HÀ NỘI —").
        let inner = dateline::parse(d.rest).filter(|i| i.agency.is_none() || d.agency.is_none());
        let (place, rest) = inner
            .as_ref()
            .map_or((d.place, d.rest), |i| (i.place, i.rest));
        let agency = d.agency.or(inner.as_ref().and_then(|i| i.agency));
        doc.dateline = Some(place.to_owned());
        let written = text[..text.len() - rest.len()].trim_end();
        let outlet = agency.map(|a| {
            let name = lex.agency(a).map_or_else(|| a.to_owned(), str::to_owned);
            (name, format!("dateline '{written}'"))
        });
        *piece = Piece::Text(rest.to_owned());
        return outlet;
    }
    None
}

/// The outlet a byline names ("by VTV4" → VTV), when it names a known one.
fn byline_outlet(byline: &str, lex: &Lexicon) -> Option<Named> {
    let name = byline.split_once(' ')?.1.trim();
    lex.outlets
        .named(name)
        .map(|o| (o.to_owned(), format!("byline '{byline}'")))
}

#[cfg(test)]
mod tests;
