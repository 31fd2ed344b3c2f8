//! The comparison picker: suggested counterparts first, then every document.

use super::app::App;
use super::layout::inner;
use super::list::{date_label, highlighted, kind_short, pad, pane_block, row_style};
use super::theme::Role;
use super::wrap::truncate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the picker.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let left = app
        .reader
        .doc
        .and_then(|d| app.corpus.documents.get(d))
        .map_or_else(String::new, |d| d.title.clone());
    let searching = if app.searching() {
        "· searching… "
    } else {
        ""
    };
    let title = format!(" Compare “{}” with… {searching}", truncate(&left, 60));
    let mut block = pane_block(app, true, title, &app.picker, app.typing);
    let reason = app
        .picker
        .current()
        .and_then(|d| app.suggested.iter().position(|&s| s == d))
        .and_then(|k| app.suggested_reasons.get(k));
    if let Some(r) = reason {
        let text = format!(
            " ★ {} ",
            truncate(r, area.width.saturating_sub(30) as usize)
        );
        block = block.title_bottom(Line::styled(text, theme.style(Role::Meta)).right_aligned());
    }
    let body = inner(area);
    let width = body.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    if app.picker.is_empty() {
        lines.push(Line::styled(
            "No other document matches (Esc clears).",
            theme.style(Role::Dim),
        ));
    }
    for (row, &doc) in app
        .picker
        .items
        .iter()
        .enumerate()
        .skip(app.picker.offset)
        .take(body.height as usize)
    {
        let Some(d) = app.corpus.documents.get(doc) else {
            continue;
        };
        let style = row_style(theme, row == app.picker.selected, true);
        let star = if app.suggested.contains(&doc) {
            "★ "
        } else {
            "  "
        };
        let head = format!(
            "{star}{:<10} {:<4} {:<8} ",
            truncate(&date_label(d), 10),
            truncate(d.source.as_deref().unwrap_or("?"), 4),
            kind_short(d.kind)
        );
        let head = truncate(&head, width);
        let rest = width.saturating_sub(super::wrap::str_width(&head));
        let mut spans = vec![Span::styled(head, style)];
        spans.extend(highlighted(
            &d.title,
            app.picker.marks_of(row),
            style,
            theme,
            rest,
        ));
        lines.push(pad(spans, width, style));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
