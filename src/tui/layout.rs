//! Where the panes go for a terminal size: three panes when wide, two below 100 columns,
//! the focused one alone below 60, and a "too small" message below the minimum.

use super::app::{Focus, Mode};
use ratatui::layout::Rect;

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 24;
/// Smallest usable terminal height.
pub const MIN_HEIGHT: u16 = 6;
/// Below this width the sidebar only shows when focused.
pub const WIDE: u16 = 100;
/// Below this width only the focused pane shows.
pub const NARROW: u16 = 60;

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screen {
    /// The whole terminal.
    pub area: Rect,
    /// True when the terminal is below the minimum size.
    pub too_small: bool,
    /// Documents pane (main mode).
    pub list: Option<Rect>,
    /// Reader pane (main mode).
    pub reader: Option<Rect>,
    /// Entities pane (main mode).
    pub sidebar: Option<Rect>,
    /// The full-width pane of the events, picker and compare modes.
    pub full: Option<Rect>,
    /// The hint bar.
    pub hints: Rect,
}

impl Screen {
    /// Computes the layout.
    pub fn compute(area: Rect, mode: Mode, focus: Focus) -> Screen {
        let mut s = Screen {
            area,
            ..Screen::default()
        };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            s.too_small = true;
            return s;
        }
        let body = Rect {
            height: area.height - 1,
            ..area
        };
        s.hints = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        if mode != Mode::Main {
            s.full = Some(body);
            return s;
        }
        let w = body.width;
        let cut = |x: u16, width: u16| Rect { x, width, ..body };
        if w >= WIDE {
            let list = w * 32 / 100;
            let side = (w * 26 / 100).max(26);
            s.list = Some(cut(body.x, list));
            s.reader = Some(cut(body.x + list, w - list - side));
            s.sidebar = Some(cut(body.x + w - side, side));
        } else if w >= NARROW {
            let side = w * 42 / 100;
            if focus == Focus::Entities {
                s.reader = Some(cut(body.x, w - side));
                s.sidebar = Some(cut(body.x + w - side, side));
            } else {
                s.list = Some(cut(body.x, side));
                s.reader = Some(cut(body.x + side, w - side));
            }
        } else {
            let only = Some(body);
            match focus {
                Focus::Documents => s.list = only,
                Focus::Reader => s.reader = only,
                Focus::Entities => s.sidebar = only,
            }
        }
        s
    }

    /// The pane of a focus, if shown.
    pub fn pane(&self, focus: Focus) -> Option<Rect> {
        match focus {
            Focus::Documents => self.list,
            Focus::Reader => self.reader,
            Focus::Entities => self.sidebar,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_with_width() {
        let wide = Screen::compute(Rect::new(0, 0, 120, 40), Mode::Main, Focus::Documents);
        assert!(wide.list.is_some() && wide.reader.is_some() && wide.sidebar.is_some());
        let mid = Screen::compute(Rect::new(0, 0, 80, 24), Mode::Main, Focus::Documents);
        assert!(mid.sidebar.is_none() && mid.list.is_some());
        let mid = Screen::compute(Rect::new(0, 0, 80, 24), Mode::Main, Focus::Entities);
        assert!(mid.sidebar.is_some() && mid.list.is_none());
        let small = Screen::compute(Rect::new(0, 0, 20, 5), Mode::Main, Focus::Reader);
        assert!(small.too_small);
        let total: u16 = [wide.list, wide.reader, wide.sidebar]
            .iter()
            .flatten()
            .map(|r| r.width)
            .sum();
        assert_eq!(total, 120);
    }
}
