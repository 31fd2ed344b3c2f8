//! Where the main screen's panes go: three when wide, two below 100 columns (the
//! entities pane only when focused), the focused one alone below 60.

use crate::tui::keymap::action::Pane;
use ratatui::layout::{Position, Rect};

/// Below this width the entities pane only shows when focused.
pub const WIDE: u16 = 100;
/// Below this width only the focused pane shows.
pub const NARROW: u16 = 60;

/// The focused pane of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The document list.
    #[default]
    Documents,
    /// The article.
    Reader,
    /// The entities of the article.
    Entities,
}

impl Focus {
    /// The pane of this focus.
    pub fn pane(self) -> Pane {
        match self {
            Focus::Documents => Pane::Documents,
            Focus::Reader => Pane::Reader,
            Focus::Entities => Pane::Entities,
        }
    }

    /// The focus of a pane (the full pane has none here).
    pub fn of(pane: Pane) -> Option<Focus> {
        match pane {
            Pane::Documents => Some(Focus::Documents),
            Pane::Reader => Some(Focus::Reader),
            Pane::Entities => Some(Focus::Entities),
            Pane::Full => None,
        }
    }
}

/// The rectangles of the main screen's panes that are shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    /// Documents pane.
    pub list: Option<Rect>,
    /// Reader pane.
    pub reader: Option<Rect>,
    /// Entities pane.
    pub sidebar: Option<Rect>,
}

impl Panes {
    /// The panes for a body area and focus.
    pub fn compute(body: Rect, focus: Focus) -> Panes {
        let mut s = Panes::default();
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

    /// The rectangle of a pane, if shown.
    pub fn get(&self, focus: Focus) -> Option<Rect> {
        match focus {
            Focus::Documents => self.list,
            Focus::Reader => self.reader,
            Focus::Entities => self.sidebar,
        }
    }

    /// The pane under a screen position.
    pub fn at(&self, x: u16, y: u16) -> Option<Focus> {
        [Focus::Documents, Focus::Reader, Focus::Entities]
            .into_iter()
            .find(|&f| self.get(f).is_some_and(|r| r.contains(Position { x, y })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_with_width() {
        let wide = Panes::compute(Rect::new(0, 0, 120, 39), Focus::Documents);
        assert!(wide.list.is_some() && wide.reader.is_some() && wide.sidebar.is_some());
        let mid = Panes::compute(Rect::new(0, 0, 80, 23), Focus::Documents);
        assert!(mid.sidebar.is_none() && mid.list.is_some());
        let mid = Panes::compute(Rect::new(0, 0, 80, 23), Focus::Entities);
        assert!(mid.sidebar.is_some() && mid.list.is_none());
        let narrow = Panes::compute(Rect::new(0, 0, 50, 23), Focus::Reader);
        assert_eq!(narrow.reader, Some(Rect::new(0, 0, 50, 23)));
        let total: u16 = [wide.list, wide.reader, wide.sidebar]
            .iter()
            .flatten()
            .map(|r| r.width)
            .sum();
        assert_eq!(total, 120);
        assert_eq!(wide.at(1, 1), Some(Focus::Documents));
        assert_eq!(wide.at(119, 1), Some(Focus::Entities));
    }
}
