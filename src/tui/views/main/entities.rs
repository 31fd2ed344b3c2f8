//! The entities pane: the current article's entities grouped by kind, with mention
//! counts, fuzzy-filterable. The rows (a heading per kind, then its entities) are laid
//! out once per document and filter, not on every key.

use crate::model::filter::FuzzyIndex;
use crate::model::{Corpus, EntityKind};
use crate::tui::layout::{inner, rows_in};
use crate::tui::pick::Pick;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::views::widgets::{dim_style, highlighted, pad, pane_block, row_style};
use crate::tui::wrap::str_width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// One row of the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A kind's heading with how many of its entities are shown.
    Heading(EntityKind, usize),
    /// Shown entity `i` (an index into the pane's `pick.items`).
    Entity(usize),
}

/// The entities pane.
#[derive(Debug, Default)]
pub struct Entities {
    /// The current document's entities with mention counts, grouped by kind.
    pub list: Vec<(usize, usize)>,
    /// What is shown and selected (indices into `list`).
    pub pick: Pick,
    /// Which mention of the selected entity `n`/`N` reached.
    pub mention_cursor: Option<usize>,
    index: FuzzyIndex,
    /// The rows as drawn.
    rows: Vec<Row>,
    /// The row of each shown entity.
    row_of: Vec<usize>,
}

impl Entities {
    /// The entities of a document.
    pub fn load(corpus: &Corpus, doc: Option<usize>) -> Entities {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for m in doc
            .and_then(|d| corpus.mentions.get(d))
            .into_iter()
            .flatten()
            .filter(|m| !m.field().is_related())
        {
            match counts.iter_mut().find(|(e, _)| *e == m.entity()) {
                Some(c) => c.1 += 1,
                None => counts.push((m.entity(), 1)),
            }
        }
        let ents = &corpus.entities;
        counts.retain(|(e, _)| *e < ents.len());
        counts.sort_by(|a, b| {
            (ents[a.0].kind, std::cmp::Reverse(a.1), &ents[a.0].name).cmp(&(
                ents[b.0].kind,
                std::cmp::Reverse(b.1),
                &ents[b.0].name,
            ))
        });
        let mut pane = Entities {
            index: FuzzyIndex::new(counts.iter().map(|(e, _)| ents[*e].name.as_str())),
            pick: Pick {
                items: (0..counts.len()).collect(),
                ..Pick::default()
            },
            list: counts,
            ..Entities::default()
        };
        pane.lay_out(corpus);
        pane
    }

    fn lay_out(&mut self, corpus: &Corpus) {
        self.rows.clear();
        self.row_of.clear();
        let kind = |k: usize| {
            self.list
                .get(k)
                .and_then(|&(e, _)| corpus.entities.get(e))
                .map(|e| e.kind)
        };
        let mut i = 0;
        while i < self.pick.items.len() {
            let Some(k) = kind(self.pick.items[i]) else {
                i += 1;
                continue;
            };
            let n = self.pick.items[i..]
                .iter()
                .take_while(|&&j| kind(j) == Some(k))
                .count();
            self.rows.push(Row::Heading(k, n));
            for row in i..i + n {
                self.row_of.push(self.rows.len());
                self.rows.push(Row::Entity(row));
            }
            i += n;
        }
    }

    /// Refilters by the query.
    pub fn refilter(&mut self, corpus: &Corpus) {
        let (items, marks) = self
            .index
            .search(&self.pick.query)
            .into_iter()
            .map(|h| (h.index, h.positions))
            .unzip();
        self.pick.set(items, marks, None);
        self.mention_cursor = None;
        self.lay_out(corpus);
    }

    /// The entity selected.
    pub fn selected(&self) -> Option<usize> {
        self.pick
            .current()
            .and_then(|k| self.list.get(k))
            .map(|&(e, _)| e)
    }

    /// Keeps the selection (and the heading of its kind) visible in a pane this size.
    pub fn fit(&mut self, area: Option<Rect>) {
        self.pick.select(self.pick.selected);
        let Some(r) = area else { return };
        let Some(&row) = self.row_of.get(self.pick.selected) else {
            return;
        };
        let h = rows_in(r);
        let rows = self.rows.len();
        if row > 0 && matches!(self.rows.get(row - 1), Some(Row::Heading(..))) {
            self.pick.reveal(row - 1, h, rows);
        }
        self.pick.reveal(row, h, rows);
    }

    /// The row of shown entity `i`.
    pub fn row_of(&self, i: usize) -> usize {
        self.row_of.get(i).copied().unwrap_or(i)
    }

    /// Selects the entity drawn on a row inside the pane (a heading selects nothing).
    pub fn click(&mut self, row: u16) {
        if let Some(Row::Entity(i)) = self.rows.get(self.pick.offset + usize::from(row)) {
            self.pick.select(*i);
            self.mention_cursor = None;
        }
    }

    /// Draws the pane.
    pub fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect, focused: bool) {
        let theme = shared.theme;
        let title = format!(" Entities {} ", self.list.len());
        let block = pane_block(theme, focused, title, &self.pick, shared.typing && focused);
        let body = inner(area);
        let width = usize::from(body.width);
        let mut lines: Vec<Line> = Vec::new();
        if self.list.is_empty() {
            lines.push(Line::styled(
                "No entities found in this article.",
                theme.style(Role::Dim),
            ));
        } else if self.pick.is_empty() {
            lines.push(Line::styled(
                "No match (Esc clears).",
                theme.style(Role::Dim),
            ));
        }
        for r in self
            .rows
            .iter()
            .skip(self.pick.offset)
            .take(usize::from(body.height))
        {
            match *r {
                Row::Heading(kind, n) => lines.push(Line::styled(
                    format!("{} ({n})", kind.plural()),
                    theme.style(Role::Heading),
                )),
                Row::Entity(row) => lines.push(self.entity_line(shared, row, width, focused)),
            }
        }
        // Rows are cut to the width already; wrapping only affects the notes.
        let para = Paragraph::new(lines).wrap(Wrap { trim: false });
        frame.render_widget(para.block(block), area);
    }

    fn entity_line(
        &self,
        shared: &Shared,
        row: usize,
        width: usize,
        focused: bool,
    ) -> Line<'static> {
        let theme = shared.theme;
        let Some(&(e, count)) = self.pick.items.get(row).and_then(|&k| self.list.get(k)) else {
            return Line::default();
        };
        let Some(ent) = shared.corpus.entities.get(e) else {
            return Line::default();
        };
        let selected = row == self.pick.selected;
        let style = row_style(theme, selected, focused);
        let count = format!(" {count}");
        let name_w = width.saturating_sub(count.len() + 2);
        let mut spans = vec![Span::styled("  ", style)];
        let name_style = if selected && focused {
            style
        } else {
            style.patch(theme.entity(ent.kind))
        };
        spans.extend(highlighted(
            &ent.name,
            self.pick.marks_of(row),
            name_style,
            theme,
            name_w,
        ));
        let used: usize = spans.iter().map(|s| str_width(&s.content)).sum();
        if used + count.len() <= width {
            spans.push(Span::styled(" ".repeat(width - used - count.len()), style));
            spans.push(Span::styled(count, dim_style(theme, style, selected)));
        }
        pad(spans, width, style)
    }
}
