//! The comparison view: two articles in two columns, one block per topic with a header
//! across both, scrolled together; the parts that differ stand out.

use super::app::App;
use super::layout::inner;
use super::list::date_label;
use super::theme::Role;
use super::wrap::{Tag, Wrapped, str_width, truncate, wrap};
use crate::model::Corpus;
use crate::model::compare::{Comparison, Row, Sentence, compare};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// One screen line of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareLine {
    /// A topic header across both columns (index into `Comparison::rows`).
    Topic(usize),
    /// A line of each column (`None`: that side has nothing on this topic).
    Pair(Option<Wrapped>, Option<Wrapped>),
    /// Space between topics.
    Blank,
}

/// The state of an open comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareView {
    /// The aligned rows from the model.
    pub cmp: Comparison,
    /// Only topics whose two sides differ.
    pub only_diffs: bool,
    /// The width the lines were wrapped for.
    pub width: u16,
    /// The lines at that width.
    pub lines: Vec<CompareLine>,
    /// Line index of each shown topic header.
    pub topics: Vec<usize>,
    /// First visible line (both columns scroll together).
    pub scroll: usize,
    /// Visible lines (below the column headers).
    pub height: usize,
}

impl CompareView {
    /// Compares two documents.
    pub fn new(corpus: &Corpus, left: usize, right: usize, area: Rect) -> CompareView {
        let mut v = CompareView {
            cmp: compare(corpus, left, right),
            only_diffs: false,
            width: 0,
            lines: Vec::new(),
            topics: Vec::new(),
            scroll: 0,
            height: 1,
        };
        v.fit(corpus, area);
        v
    }

    /// Rewraps to the inner area of the pane (when its width changed).
    pub fn fit(&mut self, _corpus: &Corpus, area: Rect) {
        self.height = (area.height as usize).saturating_sub(1).max(1);
        if self.width != area.width || self.lines.is_empty() {
            self.width = area.width;
            self.rebuild();
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// The largest useful scroll offset.
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.height)
    }

    /// Rebuilds the lines (after a swap, a toggle or a resize).
    pub fn rebuild(&mut self) {
        let col = column_width(self.width);
        self.lines.clear();
        self.topics.clear();
        for (i, row) in self.cmp.rows.iter().enumerate() {
            if self.only_diffs && !row.differs {
                continue;
            }
            self.topics.push(self.lines.len());
            self.lines.push(CompareLine::Topic(i));
            let left = side_lines(&row.left, col);
            let right = side_lines(&row.right, col);
            let n = left.len().max(right.len()).max(1);
            let mut l = left.into_iter();
            let mut r = right.into_iter();
            for _ in 0..n {
                self.lines.push(CompareLine::Pair(l.next(), r.next()));
            }
            self.lines.push(CompareLine::Blank);
        }
    }

    /// Swaps the two sides.
    pub fn swap(&mut self, corpus: &Corpus) {
        self.cmp = compare(corpus, self.cmp.right_index, self.cmp.left_index);
        self.rebuild();
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Toggles "only topics that differ".
    pub fn toggle_diffs(&mut self) {
        self.only_diffs = !self.only_diffs;
        self.rebuild();
        self.scroll = 0;
    }

    /// Scrolls to the next (`forward`) or previous topic header.
    pub fn jump_topic(&mut self, forward: bool) {
        let target = if forward {
            self.topics.iter().find(|&&t| t > self.scroll).copied()
        } else {
            self.topics
                .iter()
                .rev()
                .find(|&&t| t < self.scroll)
                .copied()
        };
        if let Some(t) = target {
            self.scroll = t.min(self.max_scroll());
        }
    }
}

fn column_width(width: u16) -> usize {
    (width.saturating_sub(3) / 2).max(1) as usize
}

/// A side's sentences, each wrapped with a bullet; empty when the side has none.
fn side_lines(sentences: &[Sentence], width: usize) -> Vec<Wrapped> {
    let mut out = Vec::new();
    if sentences.is_empty() {
        let note = super::wrap::Seg {
            text: "(not covered)".into(),
            tag: Some(Tag::Note),
        };
        out.push(Wrapped {
            segs: vec![note],
            start: 0,
        });
    }
    for s in sentences {
        let tags: Vec<(usize, usize, Tag)> = s
            .highlights
            .iter()
            .map(|&(a, b)| (a, b, Tag::Differs))
            .collect();
        for (k, mut w) in wrap(&s.text, width.saturating_sub(2).max(1), &tags)
            .into_iter()
            .enumerate()
        {
            let bullet = if k == 0 { "• " } else { "  " };
            w.segs.insert(
                0,
                super::wrap::Seg {
                    text: bullet.into(),
                    tag: None,
                },
            );
            out.push(w);
        }
    }
    out
}

/// What a topic header says about the difference.
fn topic_note(row: &Row) -> String {
    let mut notes: Vec<String> = row
        .changes
        .iter()
        .map(|c| format!("{} → {}", c.left, c.right))
        .collect();
    if row.left.is_empty() != row.right.is_empty() {
        notes.push(if row.left.is_empty() {
            "right only".into()
        } else {
            "left only".into()
        });
    }
    if notes.is_empty() && row.differs {
        notes.push("differs".into());
    }
    notes.join(", ")
}

/// Draws the comparison.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(v) = app.compare.as_ref() else {
        return;
    };
    let theme = app.theme;
    let border = theme.style(Role::BorderFocus);
    let mode = if v.only_diffs {
        " · only differing topics"
    } else {
        ""
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(format!(" Compare{mode} "), border))
        .title_bottom(Line::from(format!(" {} topics ", v.topics.len())).right_aligned());
    let body = inner(area);
    let width = body.width as usize;
    let col = column_width(body.width);
    let head = |i: usize| -> String {
        app.corpus.documents.get(i).map_or_else(String::new, |d| {
            format!(
                "{} {} · {}",
                d.source.as_deref().unwrap_or("?"),
                date_label(d),
                d.title
            )
        })
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(
            fit(&head(v.cmp.left_index), col),
            theme.style(Role::Heading),
        ),
        Span::styled(" │ ", theme.style(Role::Border)),
        Span::styled(
            fit(&head(v.cmp.right_index), col),
            theme.style(Role::Heading),
        ),
    ])];
    if v.lines.is_empty() {
        lines.push(Line::styled(
            "No topics differ (d shows all).",
            theme.style(Role::Dim),
        ));
    }
    let scroll = v.scroll.min(v.max_scroll());
    for l in v
        .lines
        .iter()
        .skip(scroll)
        .take(body.height.saturating_sub(1) as usize)
    {
        lines.push(match l {
            CompareLine::Topic(i) => {
                let row = &v.cmp.rows[*i];
                let note = topic_note(row);
                let label = format!("── {} ", row.label);
                let note_style = theme.style(Role::Differs);
                let rest = width.saturating_sub(str_width(&label) + str_width(&note) + 1);
                Line::from(vec![
                    Span::styled(truncate(&label, width), theme.style(Role::Heading)),
                    Span::styled(
                        truncate(&note, width.saturating_sub(str_width(&label))),
                        note_style,
                    ),
                    Span::styled(
                        format!(
                            "{}{}",
                            if note.is_empty() { "" } else { " " },
                            "─".repeat(rest)
                        ),
                        theme.style(Role::Border),
                    ),
                ])
            }
            CompareLine::Pair(a, b) => {
                let mut spans = side_spans(app, a.as_ref(), col);
                spans.push(Span::styled(" │ ", theme.style(Role::Border)));
                spans.extend(side_spans(app, b.as_ref(), col));
                Line::from(spans)
            }
            CompareLine::Blank => Line::default(),
        });
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Pads or cuts to exactly `width` columns.
fn fit(s: &str, width: usize) -> String {
    let t = truncate(s, width);
    let pad = width.saturating_sub(str_width(&t));
    format!("{t}{}", " ".repeat(pad))
}

fn side_spans(app: &App, w: Option<&Wrapped>, col: usize) -> Vec<Span<'static>> {
    let theme = app.theme;
    let Some(w) = w else {
        return vec![Span::styled(" ".repeat(col), Style::default())];
    };
    let mut used = 0;
    let mut spans = Vec::new();
    for seg in &w.segs {
        let style = match seg.tag {
            Some(Tag::Differs) => theme.style(Role::Differs),
            Some(Tag::Note) => theme.style(Role::Dim),
            _ => theme.style(Role::Text),
        };
        let t = truncate(&seg.text, col.saturating_sub(used));
        used += str_width(&t);
        spans.push(Span::styled(t, style));
    }
    spans.push(Span::raw(" ".repeat(col.saturating_sub(used))));
    spans
}
