//! The reader pane: the article wrapped to the pane, with its header, captions set apart,
//! related news dimmed and entity mentions coloured by kind; `/` searches the article
//! (whole words, case and diacritics ignored, quotes for phrases) and lights every hit.

mod draw;
mod lines;

use crate::model::search::{SearchQuery, TextHit, find_in_document};
use crate::model::{Corpus, Field};
use crate::store::DocState;
use crate::tui::layout::rows_in;
use crate::tui::pick::step_around;
use crate::tui::wrap::Wrapped;
use ratatui::layout::Rect;

/// What a reader line belongs to, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The headline.
    Title,
    /// Outlet, dates, period, kind, word count.
    Meta,
    /// Article text.
    Body,
    /// A photo caption.
    Caption,
    /// A section heading ("Related news").
    Heading,
    /// Related-news text.
    Related,
    /// Empty spacing line.
    Blank,
}

/// One wrapped line of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderLine {
    /// Styling class.
    pub kind: LineKind,
    /// Prefix drawn before the text (caption bar).
    pub prefix: &'static str,
    /// The wrapped text.
    pub text: Wrapped,
    /// The document field it comes from.
    pub field: Option<Field>,
    /// Byte offset of its start in that field.
    pub start: usize,
}

/// The reader's content at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderView {
    /// The document shown.
    pub doc: Option<usize>,
    /// The width it was wrapped to.
    pub width: u16,
    /// The wrapped lines.
    pub lines: Vec<ReaderLine>,
    /// Every mention as (entity, line), in reading order.
    pub mentions: Vec<(usize, usize)>,
    /// First visible line.
    pub scroll: usize,
    /// A place marked in the text (an event's sentence): field and byte range.
    pub mark: Option<(Field, usize, usize)>,
    /// The reader's own marks, shown under the header.
    pub yours: Option<DocState>,
    /// The search typed after `/` and its hits.
    pub found: Found,
}

/// The reader's search: the query, its hits in reading order, the line each is on and
/// the one visited last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// As typed.
    pub query: String,
    /// Every hit, in reading order (related news included: the reader shows it).
    pub hits: Vec<TextHit>,
    /// The reader line of each hit.
    pub lines: Vec<usize>,
    /// The hit visited with `n`/`N` (or found first while typing).
    pub current: Option<usize>,
}

impl ReaderView {
    /// Wraps a document to `width` columns.
    pub fn build(
        corpus: &Corpus,
        doc: Option<usize>,
        width: u16,
        mark: Option<(Field, usize, usize)>,
        yours: Option<&DocState>,
    ) -> ReaderView {
        let mut v = ReaderView {
            doc,
            width,
            mark,
            yours: yours.cloned(),
            ..ReaderView::default()
        };
        v.lay_out(corpus);
        v
    }

    /// Searches the article for `query` (empty: no search) and lights the hits; the
    /// visited hit becomes the first at or below the top line.
    pub fn search(&mut self, corpus: &Corpus, query: &str) {
        let q = SearchQuery::parse(query);
        let doc = self.doc.and_then(|i| corpus.documents.get(i));
        let hits = match doc {
            Some(d) if !q.is_empty() => find_in_document(d, &q, true),
            _ => Vec::new(),
        };
        let relaid = !hits.is_empty() || !self.found.hits.is_empty();
        self.found = Found {
            query: query.to_owned(),
            hits,
            ..Found::default()
        };
        if relaid {
            self.lay_out(corpus);
        }
        self.found.current = self
            .found
            .lines
            .iter()
            .position(|&l| l >= self.scroll)
            .or_else(|| (!self.found.hits.is_empty()).then_some(0));
    }

    /// Moves to the next (or previous) hit, wrapping around; its line goes near the top.
    /// Returns "hit 3 of 7", or None without hits.
    pub fn visit(&mut self, forward: bool, area: Option<Rect>) -> Option<String> {
        let n = self.found.hits.len();
        if n == 0 {
            return None;
        }
        let next = step_around(self.found.current, n, forward);
        self.found.current = Some(next);
        self.show_current(area);
        Some(format!("hit {} of {n}", next + 1))
    }

    /// Scrolls so that the visited hit is near the top.
    pub fn show_current(&mut self, area: Option<Rect>) {
        if let Some(&line) = self.found.current.and_then(|c| self.found.lines.get(c)) {
            self.scroll = line.saturating_sub(2).min(self.max_scroll(area));
        }
    }

    /// The line showing byte `start` of `field`.
    pub fn line_of(&self, field: Option<Field>, start: usize) -> Option<usize> {
        let field = field?;
        let mut found = None;
        for (i, l) in self.lines.iter().enumerate() {
            if l.field == Some(field) {
                if l.start <= start || found.is_none() {
                    found = Some(i);
                }
                if l.start > start {
                    break;
                }
            }
        }
        found
    }
    /// The largest useful scroll offset in a pane of this size.
    pub fn max_scroll(&self, area: Option<Rect>) -> usize {
        self.lines.len().saturating_sub(area.map_or(1, rows_in))
    }

    /// Scrolls by `delta` lines, within range.
    pub fn scroll_by(&mut self, delta: isize, area: Option<Rect>) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll(area));
    }
}
