//! Drawing helpers shared by the list panes: highlighted matches, padded rows, the
//! pane frame with its filter prompt, row styles, and short labels of a document.

use crate::model::{Document, Kind};
use crate::tui::keymap::action::{Action, Pane};
use crate::tui::layout::inner;
use crate::tui::pick::Pick;
use crate::tui::theme::{Role, Theme};
use crate::tui::wrap::{str_width, truncate};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

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
        .or(d.period.map(crate::model::Period::label))
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
    theme: Theme,
    focused: bool,
    title: String,
    pick: &Pick,
    typing: bool,
) -> Block<'a> {
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
            format!(" /{}{cursor} ", truncate(&pick.query, 40)),
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

/// The style of a row's secondary text (dates, outlets, counts): dimmed, except on the
/// selected row, which keeps the selection's colours.
pub fn dim_style(theme: Theme, row: Style, selected: bool) -> Style {
    if selected {
        row
    } else {
        row.patch(theme.style(Role::Dim))
    }
}

/// Moves a list's selection for the moving actions: keys, the wheel, and a click on a
/// row (each item `row_height` lines tall). False, with nothing moved, for any other.
pub fn move_in_list(pick: &mut Pick, action: Action, page: isize, row_height: usize) -> bool {
    match action {
        Action::Up => pick.move_by(-1),
        Action::Down => pick.move_by(1),
        Action::PageUp => pick.move_by(-page),
        Action::PageDown => pick.move_by(page),
        Action::Top => pick.first(),
        Action::Bottom => pick.last(),
        Action::Scroll(d) | Action::ScrollPane { delta: d, .. } => pick.move_by(d.into()),
        Action::Click { row: Some(r), .. } => {
            pick.select(pick.offset + usize::from(r) / row_height.max(1));
        }
        _ => return false,
    }
    true
}

/// The most hits ranked and shown for a query (ranking computes match positions,
/// so it is kept to what a person scrolls through).
pub const SHOWN: usize = 1000;

/// The mouse in a view with one bordered pane: the wheel scrolls, a click selects.
pub fn full_pane_mouse(area: Rect, event: &MouseEvent) -> Option<Action> {
    let (x, y) = (event.column, event.row);
    if !area.contains(Position { x, y }) {
        return None;
    }
    let pane = Pane::Full;
    match event.kind {
        MouseEventKind::ScrollUp => Some(Action::ScrollPane { pane, delta: -3 }),
        MouseEventKind::ScrollDown => Some(Action::ScrollPane { pane, delta: 3 }),
        MouseEventKind::Down(MouseButton::Left) => {
            let body = inner(area);
            let row = y.checked_sub(body.y).filter(|&r| r < body.height);
            Some(Action::Click { pane, row })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_actions_move_the_list_and_others_do_not() {
        let mut pick = Pick::default();
        pick.set((0..20).collect(), Vec::new(), None);
        pick.offset = 4;
        // Items three lines tall: the eighth line down is the third item shown.
        let click = Action::Click {
            pane: Pane::Full,
            row: Some(7),
        };
        assert!(move_in_list(&mut pick, click, 5, 3));
        assert_eq!(pick.selected, 6);
        assert!(move_in_list(&mut pick, Action::PageDown, 5, 3));
        assert_eq!(pick.selected, 11);
        assert!(move_in_list(&mut pick, Action::Bottom, 5, 3));
        assert_eq!(pick.selected, 19);
        assert!(!move_in_list(&mut pick, Action::Enter, 5, 3));
        let nowhere = Action::Click {
            pane: Pane::Full,
            row: None,
        };
        assert!(!move_in_list(&mut pick, nowhere, 5, 3));
        assert_eq!(pick.selected, 19);
    }
}
