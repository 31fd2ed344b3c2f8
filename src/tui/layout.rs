//! Layout facts every view uses: the smallest usable terminal, the hint line at the
//! bottom, and the inside of a bordered pane.

use ratatui::layout::Rect;

/// Smallest usable terminal width.
pub const MIN_WIDTH: u16 = 24;
/// Smallest usable terminal height.
pub const MIN_HEIGHT: u16 = 6;

/// The whole screen split into the view's body and the hint line; `None` when the
/// terminal is too small to use.
pub fn split(area: Rect) -> Option<(Rect, Rect)> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    let hints = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    Some((body, hints))
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// Rows inside a bordered pane, at least 1.
pub fn rows_in(r: Rect) -> usize {
    usize::from(inner(r).height.max(1))
}
