//! Mouse input: the wheel scrolls the pane under the pointer, a click selects and focuses.

use super::app::{App, Focus, Mode};
use super::layout::inner;
use super::update::move_by;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

fn hit(r: Option<Rect>, x: u16, y: u16) -> bool {
    r.is_some_and(|r| r.contains(Position { x, y }))
}

/// Handles one mouse event.
pub fn handle_mouse(app: &mut App, ev: MouseEvent) {
    let (x, y) = (ev.column, ev.row);
    let delta = match ev.kind {
        MouseEventKind::ScrollUp => -3,
        MouseEventKind::ScrollDown => 3,
        MouseEventKind::Down(MouseButton::Left) => 0,
        _ => return,
    };
    if app.help.is_some() || app.typing {
        if delta != 0 {
            move_by(app, delta);
            app.relayout();
        }
        return;
    }
    let pane = [Focus::Documents, Focus::Reader, Focus::Entities]
        .into_iter()
        .find(|&f| app.mode == Mode::Main && hit(app.screen.pane(f), x, y));
    if delta != 0 {
        match pane {
            Some(f) => {
                let was = app.focus;
                app.focus = f;
                move_by(app, delta);
                app.focus = was;
            }
            None if hit(app.screen.full, x, y) => move_by(app, delta),
            None => return,
        }
        app.relayout();
        return;
    }
    let Some(area) = pane.and_then(|f| app.screen.pane(f)).or(app.screen.full) else {
        return;
    };
    if !hit(Some(area), x, y) {
        return;
    }
    let body = inner(area);
    let row = y
        .checked_sub(body.y)
        .filter(|_| y < body.y + body.height)
        .map(|r| r as usize);
    if let Some(f) = pane {
        app.focus = f;
    }
    if let Some(row) = row {
        match (app.mode, pane) {
            (Mode::Main, Some(Focus::Documents)) => app
                .docs
                .select(app.docs.offset + row / super::list::ROW_HEIGHT),
            (Mode::Main, Some(Focus::Entities)) => {
                let target = app.sidebar.offset + row;
                if let Some(i) = (0..app.sidebar.len()).find(|&i| app.sidebar_row(i) == target) {
                    app.sidebar.select(i);
                    app.mention_cursor = None;
                }
            }
            (Mode::Events, _) => app.events.select(app.events.offset + row),
            (Mode::Picker, _) => app.picker.select(app.picker.offset + row),
            _ => {}
        }
    }
    app.relayout();
}
