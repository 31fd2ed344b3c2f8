//! The comparison view: two articles in two columns, one block per topic with a header
//! across both, scrolled together; the parts that differ stand out. The comparison is
//! worked out on a worker thread (its cost grows with the articles' length), newest
//! request winning, so a swap or a long pair never holds up a key.

pub mod lines;

use crate::model::compare::{Comparison, Row, compare};
use crate::tui::keymap::Context;
use crate::tui::keymap::action::Action;
use crate::tui::layout::inner;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::views::view::{Effect, Request, View};
use crate::tui::views::widgets::{date_label, full_pane_mouse};
use crate::tui::work::Latest;
use crate::tui::wrap::{Tag, Wrapped, str_width, truncate};
use crossterm::event::MouseEvent;
use lines::{CompareLine, CompareLines, column_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use std::sync::Arc;

/// The comparison view's state.
#[derive(Debug)]
pub struct Compare {
    /// The comparison on screen, once worked out.
    pub shown: Option<CompareLines>,
    /// The pair asked for last (left, right).
    pair: Option<(usize, usize)>,
    work: Latest<(usize, usize), Comparison>,
    area: Rect,
}

impl Compare {
    /// A comparison view over the shared corpus (opened with [`Request::Pair`]).
    pub fn new(shared: &Shared) -> Compare {
        let corpus = Arc::clone(&shared.corpus);
        let work = Latest::new(
            shared.waker.as_ref(),
            move |(l, r): (usize, usize), _cancel| Some(compare(&corpus, l, r)),
        );
        Compare {
            shown: None,
            pair: None,
            work,
            area: Rect::default(),
        }
    }

    fn take_result(&mut self) -> bool {
        let Some(cmp) = self.work.poll() else {
            return false;
        };
        let body = inner(self.area);
        match self.shown.as_mut() {
            // The same two documents (swapped): keep the place.
            Some(v)
                if (
                    v.cmp.left_index.min(v.cmp.right_index),
                    v.cmp.left_index.max(v.cmp.right_index),
                ) == (
                    cmp.left_index.min(cmp.right_index),
                    cmp.left_index.max(cmp.right_index),
                ) =>
            {
                v.replace(cmp);
            }
            _ => self.shown = Some(CompareLines::new(cmp, body)),
        }
        true
    }
}

impl View for Compare {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Compare, Context::Navigation]
    }

    fn update(&mut self, _shared: &mut Shared, action: Action) -> Effect {
        if action == Action::Back {
            self.work.forget();
            self.shown = None;
            self.pair = None;
            return Effect::Back;
        }
        if action == Action::Swap
            && let Some((l, r)) = self.pair
        {
            self.pair = Some((r, l));
            self.work.request((r, l));
            self.take_result();
            return Effect::None;
        }
        let Some(v) = self.shown.as_mut() else {
            return Effect::None;
        };
        let page = isize::try_from(v.height).unwrap_or(1);
        match action {
            Action::Up => v.scroll_by(-1),
            Action::Down => v.scroll_by(1),
            Action::PageUp => v.scroll_by(-page),
            Action::PageDown => v.scroll_by(page),
            Action::Top => v.scroll = 0,
            Action::Bottom => v.scroll = v.max_scroll(),
            Action::Scroll(d) | Action::ScrollPane { delta: d, .. } => v.scroll_by(d.into()),
            Action::NextTopic => v.jump_topic(true),
            Action::PrevTopic => v.jump_topic(false),
            Action::OnlyDiffs => v.toggle_diffs(),
            _ => {}
        }
        Effect::None
    }

    fn open(&mut self, _shared: &mut Shared, request: Request) {
        if let Request::Pair(l, r) = request {
            self.shown = None;
            self.pair = Some((l, r));
            self.work.request((l, r));
            self.take_result();
        }
    }

    fn fit(&mut self, _shared: &mut Shared, area: Rect) {
        self.area = area;
        if let Some(v) = self.shown.as_mut() {
            v.fit(inner(area));
        }
    }

    fn mouse(&self, event: &MouseEvent) -> Option<Action> {
        // A click has nothing to select here; the wheel scrolls.
        full_pane_mouse(self.area, event).filter(|a| !matches!(a, Action::Click { .. }))
    }

    fn poll(&mut self, _shared: &mut Shared) -> bool {
        self.take_result()
    }

    fn busy(&self) -> bool {
        self.work.busy()
    }

    fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect) {
        match &self.shown {
            Some(v) => draw_lines(shared, v, self.busy(), frame, area),
            None => {
                let border = shared.theme.style(Role::BorderFocus);
                let block = Block::default()
                    .borders(Borders::ALL)
                    .border_style(border)
                    .title(Span::styled(" Compare ", border));
                let note = Line::styled("Comparing…", shared.theme.style(Role::Dim));
                frame.render_widget(Paragraph::new(note).block(block), area);
            }
        }
    }
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

/// Draws a laid-out comparison; `busy` while a new one is being worked out.
fn draw_lines(shared: &Shared, v: &CompareLines, busy: bool, frame: &mut Frame, area: Rect) {
    let theme = shared.theme;
    let border = theme.style(Role::BorderFocus);
    let mut mode = if v.only_diffs {
        " · only differing topics"
    } else {
        ""
    }
    .to_owned();
    if busy {
        mode.push_str(" · comparing…");
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(format!(" Compare{mode} "), border))
        .title_bottom(
            Line::from(format!(
                " topic {} of {} ",
                lines::topic_at(&v.topics, v.scroll.min(v.max_scroll())),
                v.topics.len()
            ))
            .right_aligned(),
        );
    let body = inner(area);
    let width = usize::from(body.width);
    let col = column_width(body.width);
    let head = |i: usize| -> String {
        shared
            .corpus
            .documents
            .get(i)
            .map_or_else(String::new, |d| {
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
        .take(usize::from(body.height.saturating_sub(1)))
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
                let mut spans = side_spans(shared, a.as_ref(), col);
                spans.push(Span::styled(" │ ", theme.style(Role::Border)));
                spans.extend(side_spans(shared, b.as_ref(), col));
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

fn side_spans(shared: &Shared, w: Option<&Wrapped>, col: usize) -> Vec<Span<'static>> {
    let theme = shared.theme;
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
