//! The comparison view: two articles in two columns, one block per topic with a header
//! across both, scrolled together; the parts that differ stand out. The comparison is
//! worked out on a worker thread (its cost grows with the articles' length), newest
//! request winning, so a swap or a long pair never holds up a key.

mod digest;
mod draw;
pub mod lines;
mod notes;

use crate::model::compare::{Comparison, compare};
use crate::tui::keymap::Context;
use crate::tui::keymap::action::Action;
use crate::tui::layout::inner;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::views::view::{Effect, Request, View};
use crate::tui::views::widgets::full_pane_mouse;
use crate::tui::work::Latest;
use crossterm::event::MouseEvent;
use lines::{CompareLines, ComparePlace};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use std::sync::Arc;

/// The comparison view's state.
#[derive(Debug)]
pub struct Compare {
    /// The comparison on screen, once worked out.
    pub shown: Option<CompareLines>,
    /// The pair asked for last (left, right).
    pair: Option<(usize, usize)>,
    work: Latest<(usize, usize), Comparison>,
    /// The place to go back to once the comparison asked for is worked out (after a
    /// reload of the corpus).
    resume: Option<ComparePlace>,
    area: Rect,
}

impl Compare {
    /// A comparison view over the shared corpus (opened with [`Request::Pair`]).
    pub fn new(shared: &Shared) -> Compare {
        let corpus = Arc::clone(&shared.corpus);
        let work = Latest::new(
            shared.waker.as_ref(),
            move |(l, r): (usize, usize), _cancel| Some(compare(&corpus, l, r)),
        );
        Compare {
            shown: None,
            pair: None,
            work,
            resume: None,
            area: Rect::default(),
        }
    }

    /// The pair asked for last (left, right), while the view is open.
    pub fn pair(&self) -> Option<(usize, usize)> {
        self.pair
    }

    /// Where the reader is in the comparison shown, or the place waiting for the
    /// comparison asked for (so that a second reload before it comes keeps it too).
    pub fn place(&self) -> Option<ComparePlace> {
        self.shown.as_ref().map(CompareLines::place).or(self.resume)
    }

    /// Goes back to `place`: now if the comparison is shown, else once it is.
    pub fn resume(&mut self, place: ComparePlace) {
        match self.shown.as_mut() {
            Some(v) => v.go_to(place),
            None => self.resume = Some(place),
        }
    }

    fn take_result(&mut self) -> bool {
        let Some(cmp) = self.work.poll() else {
            return false;
        };
        let body = inner(self.area);
        match self.shown.as_mut() {
            // The same two documents (swapped): keep the place.
            Some(v)
                if (
                    v.cmp.left_index.min(v.cmp.right_index),
                    v.cmp.left_index.max(v.cmp.right_index),
                ) == (
                    cmp.left_index.min(cmp.right_index),
                    cmp.left_index.max(cmp.right_index),
                ) =>
            {
                v.replace(cmp);
            }
            _ => {
                let mut v = CompareLines::new(cmp, body);
                if let Some(place) = self.resume.take() {
                    v.go_to(place);
                }
                self.shown = Some(v);
            }
        }
        true
    }
}

impl View for Compare {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Compare, Context::Navigation]
    }

    fn update(&mut self, shared: &mut Shared, action: Action) -> Effect {
        if action == Action::Back {
            self.work.forget();
            self.shown = None;
            self.pair = None;
            self.resume = None;
            return Effect::Back;
        }
        if action == Action::Swap
            && let Some((l, r)) = self.pair
        {
            self.pair = Some((r, l));
            self.work.request((r, l));
            self.take_result();
            return Effect::None;
        }
        let Some(v) = self.shown.as_mut() else {
            return Effect::None;
        };
        let page = isize::try_from(v.height).unwrap_or(1);
        match action {
            Action::Up => v.scroll_by(-1),
            Action::Down => v.scroll_by(1),
            Action::PageUp => v.scroll_by(-page),
            Action::PageDown => v.scroll_by(page),
            Action::Top => v.scroll = 0,
            Action::Bottom => v.scroll = v.max_scroll(),
            Action::Scroll(d) | Action::ScrollPane { delta: d, .. } => v.scroll_by(d.into()),
            Action::NextTopic => v.jump_topic(true),
            Action::PrevTopic => v.jump_topic(false),
            Action::OnlyDiffs => v.toggle_diffs(),
            Action::NextChange => v.select_digest(true),
            Action::PrevChange => v.select_digest(false),
            Action::Enter if !v.go_to_digest() => {
                shared.status = Some("nothing stands out to go to".into());
            }
            Action::Click { row: Some(r), .. } if r > 0 => {
                v.click(usize::from(r - 1));
            }
            _ => {}
        }
        Effect::None
    }

    fn open(&mut self, _shared: &mut Shared, request: Request) {
        if let Request::Pair(l, r) = request {
            self.shown = None;
            self.resume = None;
            self.pair = Some((l, r));
            self.work.request((l, r));
            self.take_result();
        }
    }

    fn fit(&mut self, _shared: &mut Shared, area: Rect) {
        self.area = area;
        if let Some(v) = self.shown.as_mut() {
            v.fit(inner(area));
        }
    }

    fn mouse(&self, event: &MouseEvent) -> Option<Action> {
        // A click on a digest entry goes to its topic; the wheel scrolls.
        full_pane_mouse(self.area, event)
    }

    fn poll(&mut self, _shared: &mut Shared) -> bool {
        self.take_result()
    }

    fn busy(&self) -> bool {
        self.work.busy()
    }

    fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect) {
        if let Some(v) = &self.shown {
            draw::draw_lines(shared, v, self.busy(), frame, area);
        } else {
            let border = shared.theme.style(Role::BorderFocus);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(border)
                .title(Span::styled(" Compare ", border));
            let note = Line::styled("Comparing…", shared.theme.style(Role::Dim));
            frame.render_widget(Paragraph::new(note).block(block), area);
        }
    }
}
