//! The comparison picker: the documents worth comparing with the current one first (★,
//! with the reason), then every other document newest first; fuzzy-filterable. The
//! suggestions are worked out on a worker thread, since their cost grows with the
//! corpus; the list is usable before they arrive.

use crate::model::compare::suggest_for;
use crate::model::filter::{Matches, Searcher};
use crate::tui::keymap::Context;
use crate::tui::keymap::action::Action;
use crate::tui::layout::{inner, rows_in};
use crate::tui::mode::Mode;
use crate::tui::pick::Pick;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::views::view::{Effect, Request, View};
use crate::tui::views::widgets::{
    SHOWN, date_label, full_pane_mouse, highlighted, kind_short, move_in_list, pad, pane_block,
    row_style,
};
use crate::tui::work::Latest;
use crate::tui::wrap::{str_width, truncate};
use crossterm::event::MouseEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::sync::Arc;

/// Suggested counterparts of a document, with why each is worth reading.
type Suggested = Vec<(usize, String)>;

/// The picker's state.
#[derive(Debug)]
pub struct Picker {
    /// What is shown and selected (document indices).
    pub pick: Pick,
    /// The left side of the comparison.
    pub left: Option<usize>,
    /// Suggested counterparts of `left`, best first, with their reasons.
    pub suggested: Suggested,
    search: Latest<String, Matches>,
    suggest: Latest<usize, Suggested>,
    area: Rect,
}

impl Picker {
    /// A picker over the shared corpus (opened with [`Request::Document`]).
    pub fn new(shared: &Shared) -> Picker {
        let index = Arc::clone(&shared.doc_index);
        let mut searcher = Searcher::new();
        let search = Latest::new(shared.waker.as_ref(), move |q: String, cancel| {
            searcher.search_cancellable(&index, &q, SHOWN, cancel)
        });
        let corpus = Arc::clone(&shared.corpus);
        let suggest = Latest::new(shared.waker.as_ref(), move |left: usize, _cancel| {
            let found = suggest_for(&corpus, left)
                .into_iter()
                .map(|s| {
                    let other = if s.left_index == left {
                        s.right_index
                    } else {
                        s.left_index
                    };
                    (other, s.reason)
                })
                .filter(|&(d, _)| d != left && d < corpus.documents.len())
                .collect();
            Some(found)
        });
        Picker {
            pick: Pick::default(),
            left: None,
            suggested: Vec::new(),
            search,
            suggest,
            area: Rect::default(),
        }
    }

    /// Suggested ones first, then every other document, newest first.
    fn unfiltered(&mut self, shared: &Shared) {
        let left = self.left;
        let suggested: Vec<usize> = self.suggested.iter().map(|s| s.0).collect();
        let rest = shared
            .newest_first
            .iter()
            .copied()
            .filter(|d| !suggested.contains(d));
        let items: Vec<usize> = suggested
            .iter()
            .copied()
            .chain(rest)
            .filter(|&d| Some(d) != left)
            .collect();
        self.pick.set(items, Vec::new(), None);
    }

    fn refilter(&mut self, shared: &Shared) {
        let query = self.pick.query.trim().to_owned();
        if query.is_empty() {
            self.search.forget();
            self.unfiltered(shared);
        } else {
            self.search.request(query);
            self.take_results(shared);
        }
    }

    fn take_results(&mut self, shared: &Shared) -> bool {
        let mut changed = false;
        if let Some(s) = self.suggest.poll() {
            self.suggested = s;
            if self.pick.query.trim().is_empty() {
                self.unfiltered(shared);
            }
            changed = true;
        }
        if let Some(m) = self.search.poll() {
            let left = self.left;
            let (items, marks) = m
                .hits
                .into_iter()
                .filter(|h| Some(h.index) != left)
                .map(|h| (h.index, h.positions))
                .unzip();
            self.pick.set(items, marks, None);
            changed = true;
        }
        changed
    }
}

impl View for Picker {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Picker, Context::Navigation]
    }

    fn update(&mut self, _shared: &mut Shared, action: Action) -> Effect {
        let page = isize::try_from(rows_in(self.area)).unwrap_or(1);
        if move_in_list(&mut self.pick, action, page, 1) {
            return Effect::None;
        }
        match action {
            Action::Filter => return Effect::Type,
            Action::Back => return Effect::Back,
            Action::Enter => {
                if let (Some(l), Some(r)) = (self.left, self.pick.current()) {
                    return Effect::Open(Mode::Compare, Request::Pair(l, r));
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn open(&mut self, shared: &mut Shared, request: Request) {
        let Request::Document(left) = request else {
            return;
        };
        self.left = Some(left);
        self.suggested.clear();
        self.pick = Pick::default();
        self.suggest.request(left);
        self.unfiltered(shared);
        self.take_results(shared);
    }

    fn fit(&mut self, _shared: &mut Shared, area: Rect) {
        self.area = area;
        self.pick.fit(rows_in(area));
    }

    fn mouse(&self, event: &MouseEvent) -> Option<Action> {
        full_pane_mouse(self.area, event)
    }

    fn query(&self) -> Option<&str> {
        Some(&self.pick.query)
    }

    fn set_query(&mut self, shared: &mut Shared, query: String) {
        self.pick.query = query;
        self.refilter(shared);
    }

    fn poll(&mut self, shared: &mut Shared) -> bool {
        self.take_results(shared)
    }

    fn busy(&self) -> bool {
        self.search.busy() || self.suggest.busy()
    }

    fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect) {
        let theme = shared.theme;
        let corpus = &shared.corpus;
        let left = self
            .left
            .and_then(|d| corpus.documents.get(d))
            .map_or_else(String::new, |d| d.title.clone());
        let searching = if self.search.busy() {
            "· searching… "
        } else if self.suggest.busy() {
            "· finding suggestions… "
        } else {
            ""
        };
        let title = format!(" Compare “{}” with… {searching}", truncate(&left, 60));
        let mut block = pane_block(theme, true, title, &self.pick, shared.typing);
        let reason = self
            .pick
            .current()
            .and_then(|d| self.suggested.iter().find(|s| s.0 == d))
            .map(|s| &s.1);
        if let Some(r) = reason {
            let text = format!(
                " ★ {} ",
                truncate(r, usize::from(area.width.saturating_sub(30)))
            );
            block = block.title_bottom(Line::styled(text, theme.style(Role::Meta)).right_aligned());
        }
        let body = inner(area);
        let width = usize::from(body.width);
        let mut lines: Vec<Line> = Vec::new();
        if self.pick.is_empty() {
            lines.push(Line::styled(
                "No other document matches (Esc clears).",
                theme.style(Role::Dim),
            ));
        }
        for (row, doc) in self.pick.visible(usize::from(body.height)) {
            let Some(d) = corpus.documents.get(doc) else {
                continue;
            };
            let style = row_style(theme, row == self.pick.selected, true);
            let star = if self.suggested.iter().any(|s| s.0 == doc) {
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
            let rest = width.saturating_sub(str_width(&head));
            let mut spans = vec![Span::styled(head, style)];
            spans.extend(highlighted(
                &d.title,
                self.pick.marks_of(row),
                style,
                theme,
                rest,
            ));
            lines.push(pad(spans, width, style));
        }
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}
