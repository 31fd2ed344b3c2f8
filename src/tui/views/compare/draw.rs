//! Drawing a laid-out comparison: the pair's headers, the digest with its selected
//! entry, the legend, the topic rows in two columns and their changes. Pure: reads the
//! state, changes nothing.

use super::lines::{self, CompareLine, CompareLines, column_width};
use super::notes::LEGEND;
use crate::tui::keymap::Context;
use crate::tui::keymap::action::Action;
use crate::tui::layout::inner;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::views::widgets::pad;
use crate::tui::wrap::{Tag, Wrapped, str_width, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// The first key bound to `action` in the comparison ("Tab"), or its name.
fn key_of(shared: &Shared, action: Action) -> String {
    shared
        .keymap
        .bindings()
        .iter()
        .find(|b| b.context == Context::Compare && b.action == action)
        .map_or_else(
            || action.name().unwrap_or("?").to_owned(),
            |b| b.key.label(),
        )
}

/// The frame: the pair's summary and the mode on top, "topic N of M" below.
fn frame_block(shared: &Shared, v: &CompareLines, busy: bool) -> Block<'static> {
    let border = shared.theme.style(Role::BorderFocus);
    let mut title = String::from(" Compare");
    if v.only_diffs {
        title.push_str(" · only differing topics");
    }
    if busy {
        title.push_str(" · comparing…");
    }
    if !v.cmp.summary.is_empty() {
        title.push_str(" · ");
        title.push_str(&v.cmp.summary);
    }
    title.push(' ');
    Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(truncate(&title, 200), border))
        .title_bottom(
            Line::from(format!(
                " topic {} of {} ",
                lines::topic_at(&v.topics, v.scroll.min(v.max_scroll())),
                v.topics.len()
            ))
            .right_aligned(),
        )
}

/// The two columns' headers: each side's short name and title.
fn column_heads(shared: &Shared, v: &CompareLines, col: usize) -> Line<'static> {
    let theme = shared.theme;
    let head = |i: usize, label: &str| -> String {
        shared
            .corpus
            .documents
            .get(i)
            .map_or_else(String::new, |d| format!("{label} · {}", d.title))
    };
    Line::from(vec![
        Span::styled(
            fit(&head(v.cmp.left_index, &v.cmp.left_label), col),
            theme.style(Role::Heading),
        ),
        Span::styled(" │ ", theme.style(Role::Border)),
        Span::styled(
            fit(&head(v.cmp.right_index, &v.cmp.right_label), col),
            theme.style(Role::Heading),
        ),
    ])
}

/// Draws a laid-out comparison; `busy` while a new one is being worked out.
pub fn draw_lines(shared: &Shared, v: &CompareLines, busy: bool, frame: &mut Frame, area: Rect) {
    let body = inner(area);
    let width = usize::from(body.width);
    let col = column_width(body.width);
    let mut out = vec![column_heads(shared, v, col)];
    let scroll = v.scroll.min(v.max_scroll());
    for l in v
        .lines
        .iter()
        .skip(scroll)
        .take(usize::from(body.height.saturating_sub(1)))
    {
        out.push(screen_line(shared, v, l, width, col));
    }
    if v.topics.is_empty() && out.len() < usize::from(body.height) {
        let note = if v.only_diffs {
            "No topics differ (d shows all)."
        } else {
            "Neither side has anything to compare."
        };
        out.push(Line::styled(note, shared.theme.style(Role::Dim)));
    }
    let block = frame_block(shared, v, busy);
    frame.render_widget(Paragraph::new(out).block(block), area);
}

/// One laid-out line as styled spans.
fn screen_line(
    shared: &Shared,
    view: &CompareLines,
    line: &CompareLine,
    width: usize,
    col: usize,
) -> Line<'static> {
    let theme = shared.theme;
    match line {
        CompareLine::DigestHead => {
            let text = if view.cmp.digest.is_empty() {
                "What changed: nothing stands out (the same topics, names and numbers).".to_owned()
            } else {
                format!(
                    "What changed ({} picks a line, {} goes to its topic):",
                    key_of(shared, Action::NextChange),
                    key_of(shared, Action::Enter)
                )
            };
            Line::styled(truncate(&text, width), theme.style(Role::Heading))
        }
        CompareLine::Digest(k, w) => {
            let style = if *k == view.digest_at {
                theme.style(Role::Selected)
            } else {
                theme.style(Role::Text)
            };
            let mut used = 0;
            let spans = w
                .segs
                .iter()
                .map(|s| {
                    let t = truncate(&s.text, width.saturating_sub(used));
                    used += str_width(&t);
                    Span::styled(t, style)
                })
                .collect();
            pad(spans, width, style)
        }
        CompareLine::Legend => Line::styled(truncate(LEGEND, width), theme.style(Role::Dim)),
        CompareLine::Topic(i) => topic_line(shared, view, *i, width),
        CompareLine::Pair(a, b) => {
            let mut spans = side_spans(shared, a.as_ref(), col);
            spans.push(Span::styled(" │ ", theme.style(Role::Border)));
            spans.extend(side_spans(shared, b.as_ref(), col));
            Line::from(spans)
        }
        CompareLine::Change(w) => {
            let mut used = 0;
            let spans = w
                .segs
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let role = if k == 0 { Role::Differs } else { Role::Meta };
                    let t = truncate(&s.text, width.saturating_sub(used));
                    used += str_width(&t);
                    Span::styled(t, theme.style(role))
                })
                .collect::<Vec<_>>();
            Line::from(spans)
        }
        CompareLine::Blank => Line::default(),
    }
}

/// A topic header across both columns: "── Border defence diplomacy ≠ ─────".
fn topic_line(shared: &Shared, v: &CompareLines, row: usize, width: usize) -> Line<'static> {
    let theme = shared.theme;
    let Some(r) = v.cmp.rows.get(row) else {
        return Line::default();
    };
    let label = truncate(&format!("── {} ", r.label), width.saturating_sub(2));
    let mark = if r.differs { "≠ " } else { "" };
    let rest = width.saturating_sub(str_width(&label) + str_width(mark));
    Line::from(vec![
        Span::styled(label, theme.style(Role::Heading)),
        Span::styled(mark, theme.style(Role::Differs)),
        Span::styled("─".repeat(rest), theme.style(Role::Border)),
    ])
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
