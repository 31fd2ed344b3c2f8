//! The documents pane, and helpers shared by every list pane.

use super::app::{App, Focus};
use super::layout::inner;
use super::pick::Pick;
use super::theme::{Role, Theme};
use super::wrap::{str_width, truncate};
use crate::model::{Document, Kind};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Screen lines per document in the list.
pub const ROW_HEIGHT: usize = 2;

/// Spans of `text` cut to `width` columns, with the chars at `marks` (char indices)
/// highlighted.
pub fn highlighted(
    text: &str,
    marks: &[usize],
    base: Style,
    theme: Theme,
    width: usize,
) -> Vec<Span<'static>> {
    let text = truncate(text, width);
    let hit = base.patch(theme.style(Role::Match));
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in text.chars().enumerate() {
        let is_hit = marks.binary_search(&i).is_ok();
        if is_hit != run_hit && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hit { hit } else { base },
            ));
        }
        run_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hit { hit } else { base }));
    }
    spans
}

/// Pads spans with spaces up to `width` columns (so a selection bar spans the row).
pub fn pad(mut spans: Vec<Span<'static>>, width: usize, style: Style) -> Line<'static> {
    let used: usize = spans.iter().map(|s| str_width(&s.content)).sum();
    if used < width {
        spans.push(Span::styled(" ".repeat(width - used), style));
    }
    Line::from(spans)
}

/// The short date column of a document: event date, else published, else period.
pub fn date_label(d: &Document) -> String {
    d.event_date
        .or(d.published)
        .map(|x| x.to_string())
        .or(d.period.map(|p| p.label()))
        .unwrap_or_else(|| "undated".into())
}

/// A short kind label for the list.
pub fn kind_short(k: Kind) -> &'static str {
    match k {
        Kind::HalfYearReview => "half-yr",
        Kind::AnnualReview => "annual",
        Kind::MultiYearReview => "multi-yr",
        Kind::EventReport => "event",
        Kind::Other => "other",
    }
}

/// The pane's frame: border styled by focus, a title and a bottom line (filter prompt).
pub fn pane_block<'a>(
    app: &App,
    focused: bool,
    title: String,
    pick: &Pick,
    typing: bool,
) -> Block<'a> {
    let theme = app.theme;
    let border = theme.style(if focused {
        Role::BorderFocus
    } else {
        Role::Border
    });
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(title, border));
    if typing || !pick.query.is_empty() {
        let cursor = if typing { "▏" } else { "" };
        block = block.title_bottom(Span::styled(
            format!(" /{}{cursor} ", super::wrap::truncate(&pick.query, 40)),
            theme.style(Role::Prompt),
        ));
    }
    block
}

/// The row style for a list entry.
pub fn row_style(theme: Theme, selected: bool, focused: bool) -> Style {
    match (selected, focused) {
        (true, true) => theme.style(Role::Selected),
        (true, false) => theme.style(Role::SelectedIdle),
        _ => theme.style(Role::Text),
    }
}

/// Draws the documents pane.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let focused = app.focus == Focus::Documents;
    let total = app.corpus.documents.len();
    let mut title = format!(" Documents {} ", total);
    if app.docs_matched != total || !app.docs.query.is_empty() {
        title = format!(" Documents {} of {total} ", app.docs_matched);
    }
    if app.searching() {
        title.push_str("· searching… ");
    }
    if let Some(e) = app.entity_filter.and_then(|e| app.corpus.entities.get(e)) {
        title.push_str(&format!("· {} ", truncate(&e.name, 40)));
    }
    let block = pane_block(app, focused, title, &app.docs, app.typing && focused);
    let body = inner(area);
    let width = body.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    if app.docs.is_empty() {
        lines.push(Line::styled(
            "No matching documents (Esc clears).",
            theme.style(Role::Dim),
        ));
    }
    let shown = (body.height as usize / ROW_HEIGHT).max(1);
    for (row, &doc) in app
        .docs
        .items
        .iter()
        .enumerate()
        .skip(app.docs.offset)
        .take(shown)
    {
        let Some(d) = app.corpus.documents.get(doc) else {
            continue;
        };
        let selected = row == app.docs.selected;
        let style = row_style(theme, selected, focused);
        let dim = if selected {
            style
        } else {
            style.patch(theme.style(Role::Dim))
        };
        // Line 1: the title, with the filter's matches; line 2: date, outlet, kind.
        let title = highlighted(
            &d.title,
            app.docs.marks_of(row),
            style,
            theme,
            width.saturating_sub(1),
        );
        let mut first = vec![Span::styled(" ", style)];
        first.extend(title);
        lines.push(pad(first, width, style));
        let meta = format!(
            " {} · {} · {}",
            date_label(d),
            d.source.as_deref().unwrap_or("outlet unknown"),
            d.kind.label()
        );
        lines.push(pad(
            vec![Span::styled(truncate(&meta, width), dim)],
            width,
            style,
        ));
    }
    // Rows are cut to the width already; wrapping only affects the notes.
    let para = Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false });
    frame.render_widget(para.block(block), area);
}
