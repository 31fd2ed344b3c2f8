//! The reader pane: the article wrapped to the pane, with its header, captions set apart,
//! related news dimmed and entity mentions coloured by kind; `/` searches the article
//! (whole words, case and diacritics ignored, quotes for phrases) and lights every hit.

use crate::model::search::{SearchQuery, TextHit, find_in_document};
use crate::model::text::sanitize;
use crate::model::{Corpus, Field, Mention};
use crate::store::DocState;
use crate::tui::layout::{inner, rows_in};
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::workspace::summary;
use crate::tui::wrap::{Tag, Wrapped, str_width, wrap};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

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
        let next = match (self.found.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
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

    /// Wraps the document's fields into lines (again), with mentions, mark and hits.
    fn lay_out(&mut self, corpus: &Corpus) {
        let (doc, width) = (self.doc, self.width);
        let v = self;
        v.lines.clear();
        v.mentions.clear();
        v.found.lines.clear();
        let Some(d) = doc.and_then(|i| corpus.documents.get(i)) else {
            return;
        };
        let mentions = doc
            .and_then(|i| corpus.mentions.get(i))
            .map_or(&[][..], Vec::as_slice);
        let w = width.max(1) as usize;
        let mut meta: Vec<String> = Vec::new();
        meta.extend(d.source.clone());
        meta.extend(d.published.map(|p| format!("published {p}")));
        meta.extend(d.event_date.map(|p| format!("held {p}")));
        meta.extend(d.period.map(|p| format!("period {}", p.label())));
        meta.push(d.kind.label().to_owned());
        meta.push(format!("{} words", d.word_count()));
        let title = if d.title_derived {
            format!("[{}]", d.title)
        } else {
            d.title.clone()
        };
        // A derived title is bracketed, so its offsets are not the field's.
        let title_field = (!d.title_derived).then_some(Field::Title);
        v.push_text(LineKind::Title, "", &title, title_field, w, mentions);
        v.push_text(LineKind::Meta, "", &meta.join(" · "), None, w, mentions);
        if let Some(y) = v.yours.clone() {
            v.push_yours(&y, w);
        }
        v.blank();
        for (i, c) in d.captions.iter().enumerate() {
            v.push_text(
                LineKind::Caption,
                "▍ ",
                c,
                Some(Field::Caption(i)),
                w,
                mentions,
            );
        }
        if !d.captions.is_empty() {
            v.blank();
        }
        for (i, p) in d.body.iter().enumerate() {
            v.push_text(LineKind::Body, "", p, Some(Field::Body(i)), w, mentions);
            v.blank();
        }
        if let Some(by) = &d.byline {
            v.push_text(LineKind::Meta, "", by, None, w, mentions);
            v.blank();
        }
        if !d.related.is_empty() {
            v.push_text(LineKind::Heading, "", "Related news", None, w, mentions);
            for (i, r) in d.related.iter().enumerate() {
                if let Some(t) = &r.title {
                    v.push_text(
                        LineKind::Related,
                        "• ",
                        t,
                        Some(Field::RelatedTitle(i)),
                        w,
                        mentions,
                    );
                }
                let prefix = if r.title.is_some() { "  " } else { "• " };
                v.push_text(
                    LineKind::Related,
                    prefix,
                    &r.text,
                    Some(Field::RelatedText(i)),
                    w,
                    mentions,
                );
            }
        }
    }

    /// The reader's own marks under the header: stars and tags, then the note.
    fn push_yours(&mut self, yours: &DocState, width: usize) {
        if let Some(line) = summary(yours) {
            self.push_text(LineKind::Caption, "", &line, None, width, &[]);
        }
        if let Some(note) = &yours.note {
            for l in note.lines() {
                self.push_text(LineKind::Caption, "✎ ", &sanitize(l), None, width, &[]);
            }
        }
    }

    fn blank(&mut self) {
        self.lines.push(ReaderLine {
            kind: LineKind::Blank,
            prefix: "",
            text: Wrapped::default(),
            field: None,
            start: 0,
        });
    }

    fn push_text(
        &mut self,
        kind: LineKind,
        prefix: &'static str,
        text: &str,
        field: Option<Field>,
        width: usize,
        mentions: &[Mention],
    ) {
        let mut tags: Vec<(usize, usize, Tag)> = mentions
            .iter()
            .filter(|m| field == Some(m.field))
            .map(|m| (m.start, m.end, Tag::Mention(m.entity)))
            .collect();
        if let Some((f, s, e)) = self.mark
            && field == Some(f)
        {
            tags.push((s, e, Tag::Differs));
        }
        // Search hits first: where tags overlap the first wins, and a hit inside a
        // mention must still show.
        let hits: Vec<(usize, &TextHit)> = self
            .found
            .hits
            .iter()
            .enumerate()
            .filter(|(_, h)| field == Some(h.field))
            .collect();
        let mut found: Vec<(usize, usize, Tag)> = hits
            .iter()
            .map(|&(i, h)| (h.start, h.end, Tag::Hit(i)))
            .collect();
        found.append(&mut tags);
        let tags = found;
        let first = self.lines.len();
        let inner_width = width.saturating_sub(str_width(prefix)).max(1);
        for (n, text) in wrap(text, inner_width, &tags).into_iter().enumerate() {
            let start = text.start;
            // A bullet marks an item's first line; its other lines hang under the text.
            let prefix = if n > 0 && prefix == "• " {
                "  "
            } else {
                prefix
            };
            self.lines.push(ReaderLine {
                kind,
                prefix,
                text,
                field,
                start,
            });
        }
        for m in mentions.iter().filter(|m| field == Some(m.field)) {
            let line = (first..self.lines.len())
                .rev()
                .find(|&l| self.lines[l].start <= m.start)
                .unwrap_or(first);
            self.mentions.push((m.entity, line));
        }
        for (_, h) in hits {
            let line = (first..self.lines.len())
                .rev()
                .find(|&l| self.lines[l].start <= h.start)
                .unwrap_or(first);
            self.found.lines.push(line);
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

    /// The pane's title: with a search, where it stands ("hit 3 of 7 · defence").
    fn title(&self) -> String {
        let f = &self.found;
        if f.query.trim().is_empty() {
            return " Reader ".into();
        }
        let q = crate::tui::wrap::truncate(f.query.trim(), 24);
        match (f.hits.len(), f.current) {
            (0, _) => format!(" Reader · no hits for {q} "),
            (n, Some(c)) => format!(" Reader · hit {} of {n} · {q} ", c + 1),
            (n, None) => format!(" Reader · {n} hits · {q} "),
        }
    }

    /// Draws the pane; `selected` is the entity whose mentions stand out.
    pub fn draw(
        &self,
        shared: &Shared,
        frame: &mut Frame,
        area: Rect,
        focused: bool,
        selected: Option<usize>,
    ) {
        let theme = shared.theme;
        let body = inner(area);
        let h = usize::from(body.height);
        let total = self.lines.len();
        let scroll = self.scroll.min(total.saturating_sub(h));
        let position = if total == 0 {
            String::new()
        } else {
            let last = (scroll + h).min(total);
            let pct = if total <= h { 100 } else { last * 100 / total };
            format!(" {}–{last} of {total} · {pct}% ", scroll + 1)
        };
        let border = theme.style(if focused {
            Role::BorderFocus
        } else {
            Role::Border
        });
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(border)
            .title(Span::styled(self.title(), border))
            .title_bottom(Line::from(position).right_aligned());
        let lines: Vec<Line> = if self.doc.is_none() {
            vec![Line::styled(
                "No document selected.",
                theme.style(Role::Dim),
            )]
        } else {
            self.lines
                .iter()
                .skip(scroll)
                .take(h)
                .map(|l| render_line(shared, l, selected, self.found.current))
                .collect()
        };
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}

fn render_line<'a>(
    shared: &'a Shared,
    l: &'a ReaderLine,
    selected: Option<usize>,
    l_current: Option<usize>,
) -> Line<'a> {
    let theme = shared.theme;
    let base = match l.kind {
        LineKind::Title | LineKind::Heading => theme.style(Role::Heading),
        LineKind::Meta => theme.style(Role::Meta),
        LineKind::Caption => theme.style(Role::Caption),
        LineKind::Related => theme.style(Role::Dim),
        LineKind::Body | LineKind::Blank => theme.style(Role::Text),
    };
    let mut spans = vec![Span::styled(l.prefix, base)];
    for seg in &l.text.segs {
        let style = match seg.tag {
            Some(Tag::Mention(e)) if Some(e) == selected => theme.style(Role::MentionSelected),
            Some(Tag::Mention(e)) if l.kind != LineKind::Related => shared
                .corpus
                .entities
                .get(e)
                .map_or(base, |ent| base.patch(theme.entity(ent.kind))),
            Some(Tag::Hit(i)) if Some(i) == l_current => theme.style(Role::Selected),
            Some(Tag::Differs | Tag::Hit(_)) => base.patch(theme.style(Role::Match)),
            _ => base,
        };
        spans.push(Span::styled(
            seg.text.as_str(),
            Style::default().patch(style),
        ));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, RelatedItem};

    #[test]
    fn a_bullet_marks_only_the_first_line_of_a_related_item() {
        let doc = Document {
            id: "d".into(),
            title: "T".into(),
            body: vec!["Body.".into()],
            related: vec![RelatedItem {
                title: Some("A related headline long enough to wrap over several lines".into()),
                text: "Its lede, also long enough to wrap over several lines of the pane.".into(),
                captions: Vec::new(),
            }],
            ..Document::default()
        };
        let corpus = Corpus::new(vec![doc], Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let v = ReaderView::build(&corpus, Some(0), 20, None, None);
        let bullets: Vec<&ReaderLine> = v.lines.iter().filter(|l| l.prefix == "• ").collect();
        assert_eq!(bullets.len(), 1);
        assert_eq!(bullets[0].field, Some(Field::RelatedTitle(0)));
        assert!(
            v.lines
                .iter()
                .filter(|l| l.kind == LineKind::Related)
                .count()
                > 3
        );
    }
}
