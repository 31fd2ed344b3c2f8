//! The events view: the corpus timeline, fuzzy-filterable, with the selected event's
//! first sentence below.

use super::app::App;
use super::layout::inner;
use super::list::{highlighted, pad, pane_block, row_style};
use super::theme::Role;
use super::wrap::{str_width, truncate, wrap};
use crate::model::events;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Lines reserved below the list for the selected event's sentence.
pub const DETAIL: u16 = 4;

/// Draws the events view.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let total = app.corpus.events.len();
    let title = if app.events.len() == total && app.events.query.is_empty() {
        format!(" Events {total} ")
    } else {
        format!(" Events {} of {total} ", app.events.len())
    };
    let block = pane_block(app, true, title, &app.events, app.typing);
    let body = inner(area);
    let width = body.width as usize;
    let detail = if body.height > DETAIL + 3 { DETAIL } else { 0 };
    let list_h = (body.height - detail) as usize;
    let mut lines: Vec<Line> = Vec::new();
    if total == 0 {
        lines.push(Line::styled(
            "No events in this corpus.",
            theme.style(Role::Dim),
        ));
    } else if app.events.is_empty() {
        lines.push(Line::styled(
            "No matching events (Esc clears).",
            theme.style(Role::Dim),
        ));
    }
    let wide = width >= 70;
    for (row, &i) in app
        .events
        .items
        .iter()
        .enumerate()
        .skip(app.events.offset)
        .take(list_h)
    {
        let Some(e) = app.corpus.events.get(i) else {
            continue;
        };
        let style = row_style(theme, row == app.events.selected, true);
        let dim = if row == app.events.selected {
            style
        } else {
            style.patch(theme.style(Role::Dim))
        };
        let mut spans = vec![Span::styled(
            format!("{:<10} ", truncate(&events::when(&app.corpus, e), 10)),
            style,
        )];
        // The name gets the room; the series (often a repeat of it) what is left.
        let tail = if wide {
            let outlets = e.sources.join(" ");
            let room = (width / 3).saturating_sub(str_width(&outlets) + 4);
            format!("  {}  {outlets}", truncate(&events::series(e), room))
        } else {
            String::new()
        };
        let name_w = width.saturating_sub(11 + str_width(&tail));
        spans.extend(highlighted(
            &e.name,
            app.events.marks_of(row),
            style,
            theme,
            name_w,
        ));
        let used: usize = spans.iter().map(|s| str_width(&s.content)).sum();
        spans.push(Span::styled(
            " ".repeat(width.saturating_sub(used + str_width(&tail))),
            style,
        ));
        spans.push(Span::styled(tail, dim));
        lines.push(pad(spans, width, style));
    }
    while lines.len() < list_h {
        lines.push(Line::default());
    }
    if detail > 0
        && let Some(e) = app.events.current().and_then(|i| app.corpus.events.get(i))
    {
        lines.push(Line::styled("─".repeat(width), theme.style(Role::Border)));
        let text = match e.sentences.first() {
            Some(s) => format!("{}: {}", s.document, s.text),
            None => "No sentence recorded for this event.".into(),
        };
        for w in wrap(&text, width, &[])
            .into_iter()
            .take(detail as usize - 1)
        {
            let t: String = w.segs.iter().map(|s| s.text.as_str()).collect();
            lines.push(Line::styled(t, theme.style(Role::Meta)));
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
