//! The entities pane: the current article's entities grouped by kind, with mention counts.

use super::app::{App, Focus};
use super::layout::inner;
use super::list::{highlighted, pad, pane_block, row_style};
use super::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// One row of the pane.
enum Row {
    Heading(&'static str, usize),
    Entity(usize),
}

/// Draws the entities pane.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let focused = app.focus == Focus::Entities;
    let title = format!(" Entities {} ", app.doc_entities.len());
    let block = pane_block(app, focused, title, &app.sidebar, app.typing && focused);
    let body = inner(area);
    let width = body.width as usize;
    let mut rows: Vec<Row> = Vec::new();
    let mut last = None;
    for (row, &k) in app.sidebar.items.iter().enumerate() {
        let Some(ent) = app
            .doc_entities
            .get(k)
            .and_then(|&(e, _)| app.corpus.entities.get(e))
        else {
            continue;
        };
        if last != Some(ent.kind) {
            let n = app.sidebar.items[row..]
                .iter()
                .take_while(|&&j| {
                    app.doc_entities
                        .get(j)
                        .and_then(|&(e, _)| app.corpus.entities.get(e))
                        .is_some_and(|x| x.kind == ent.kind)
                })
                .count();
            rows.push(Row::Heading(ent.kind.plural(), n));
            last = Some(ent.kind);
        }
        rows.push(Row::Entity(row));
    }
    let mut lines: Vec<Line> = Vec::new();
    if app.doc_entities.is_empty() {
        lines.push(Line::styled(
            "No entities found in this article.",
            theme.style(Role::Dim),
        ));
    } else if app.sidebar.is_empty() {
        lines.push(Line::styled(
            "No match (Esc clears).",
            theme.style(Role::Dim),
        ));
    }
    for r in rows
        .iter()
        .skip(app.sidebar.offset)
        .take(body.height as usize)
    {
        match *r {
            Row::Heading(name, n) => {
                lines.push(Line::styled(
                    format!("{name} ({n})"),
                    theme.style(Role::Heading),
                ));
            }
            Row::Entity(row) => {
                let (e, count) = app.doc_entities[app.sidebar.items[row]];
                let ent = &app.corpus.entities[e];
                let style = row_style(theme, row == app.sidebar.selected, focused);
                let count = format!(" {count}");
                let name_w = width.saturating_sub(count.len() + 2);
                let mut spans = vec![Span::styled("  ", style)];
                let name_style = style.patch(theme.entity(ent.kind));
                let name_style = if row == app.sidebar.selected && focused {
                    style
                } else {
                    name_style
                };
                spans.extend(highlighted(
                    &ent.name,
                    app.sidebar.marks_of(row),
                    name_style,
                    theme,
                    name_w,
                ));
                let used: usize = spans
                    .iter()
                    .map(|s| super::wrap::str_width(&s.content))
                    .sum();
                if used + count.len() <= width {
                    spans.push(Span::styled(" ".repeat(width - used - count.len()), style));
                    let count_style = if row == app.sidebar.selected {
                        style
                    } else {
                        style.patch(theme.style(Role::Dim))
                    };
                    spans.push(Span::styled(count, count_style));
                }
                lines.push(pad(spans, width, style));
            }
        }
    }
    // Rows are cut to the width already; wrapping only affects the notes.
    let para = Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false });
    frame.render_widget(para.block(block), area);
}
