//! Laying a document out as reader lines at one width: header, captions, body, byline
//! and related news, each line tagged with the mentions, the marked place and the hits
//! it shows.

use super::{LineKind, ReaderLine, ReaderView};
use crate::model::search::TextHit;
use crate::model::text::sanitize;
use crate::model::{Corpus, Document, Field, Mention};
use crate::store::DocState;
use crate::tui::workspace::summary;
use crate::tui::wrap::{Tag, Wrapped, str_width, wrap};

impl ReaderView {
    /// Wraps the document's fields into lines (again), with mentions, mark and hits.
    pub(super) fn lay_out(&mut self, corpus: &Corpus) {
        let (doc, width) = (self.doc, self.width);
        self.lines.clear();
        self.mentions.clear();
        self.found.lines.clear();
        let Some(d) = doc.and_then(|i| corpus.documents.get(i)) else {
            return;
        };
        let mentions = doc
            .and_then(|i| corpus.mentions.get(i))
            .map_or(&[][..], Vec::as_slice);
        let w = width.max(1) as usize;
        self.push_header(d, w, mentions);
        self.blank();
        for (i, c) in d.captions.iter().enumerate() {
            self.push_text(
                LineKind::Caption,
                "▍ ",
                c,
                Some(Field::Caption(i)),
                w,
                mentions,
            );
        }
        if !d.captions.is_empty() {
            self.blank();
        }
        for (i, p) in d.body.iter().enumerate() {
            self.push_text(LineKind::Body, "", p, Some(Field::Body(i)), w, mentions);
            self.blank();
        }
        if let Some(by) = &d.byline {
            self.push_text(LineKind::Meta, "", by, None, w, mentions);
            self.blank();
        }
        self.push_related(d, w, mentions);
    }

    /// The headline, the meta line (outlet, dates, period, kind, words) and the reader's
    /// own marks.
    fn push_header(&mut self, d: &Document, w: usize, mentions: &[Mention]) {
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
        self.push_text(LineKind::Title, "", &title, title_field, w, mentions);
        self.push_text(LineKind::Meta, "", &meta.join(" · "), None, w, mentions);
        if let Some(y) = self.yours.clone() {
            self.push_yours(&y, w);
        }
    }

    /// The "Related news" heading and each item: its title bulleted, its text under it.
    fn push_related(&mut self, d: &Document, w: usize, mentions: &[Mention]) {
        if d.related.is_empty() {
            return;
        }
        self.push_text(LineKind::Heading, "", "Related news", None, w, mentions);
        for (i, r) in d.related.iter().enumerate() {
            if let Some(t) = &r.title {
                self.push_text(
                    LineKind::Related,
                    "• ",
                    t,
                    Some(Field::RelatedTitle(i)),
                    w,
                    mentions,
                );
            }
            let prefix = if r.title.is_some() { "  " } else { "• " };
            self.push_text(
                LineKind::Related,
                prefix,
                &r.text,
                Some(Field::RelatedText(i)),
                w,
                mentions,
            );
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
            .filter(|m| field == Some(m.field()))
            .map(|m| (m.start(), m.end(), Tag::Mention(m.entity())))
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
        for m in mentions.iter().filter(|m| field == Some(m.field())) {
            let line = (first..self.lines.len())
                .rev()
                .find(|&l| self.lines[l].start <= m.start())
                .unwrap_or(first);
            self.mentions.push((m.entity(), line));
        }
        for (_, h) in hits {
            let line = (first..self.lines.len())
                .rev()
                .find(|&l| self.lines[l].start <= h.start)
                .unwrap_or(first);
            self.found.lines.push(line);
        }
    }
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
            body: vec!["Body.".into()].into(),
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
