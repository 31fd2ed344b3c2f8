//! The events view: the corpus timeline with each event's status and outlets, filtered
//! by words on a worker thread (newest query winning; name, series, kind, status,
//! place, the sentence that names it), with the selected event's sentence below;
//! Enter opens the article at that sentence, or, when several documents report the
//! event, offers them ([`Reports`]).

use crate::model::Event;
use crate::model::events;
use crate::model::filter::jump::{Direction, event_position};
use crate::model::filter::{Matches, status_label};
use crate::tui::keymap::Context;
use crate::tui::keymap::action::Action;
use crate::tui::layout::{inner, rows_in};
use crate::tui::mode::Mode;
use crate::tui::pick::Pick;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::views::events_reports::{Chosen, Reports, reports};
use crate::tui::views::jump::{self, Jump};
use crate::tui::views::view::{Effect, View};
use crate::tui::views::widgets::{
    SHOWN, dim_style, full_pane_mouse, highlighted, pad, pane_block, row_style,
};
use crate::tui::work::Latest;
use crate::tui::wrap::{str_width, truncate, wrap};
use crossterm::event::MouseEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Lines reserved below the list for the selected event's sentence.
pub const DETAIL: u16 = 4;

/// The events view's state.
#[derive(Debug)]
pub struct Events {
    /// What is shown and selected (indices into `Corpus::events`).
    pub pick: Pick,
    search: Latest<(String, usize), Matches>,
    /// The `:` prompt, while a date is typed (and after, until the next `/`).
    pub jump: Option<Jump>,
    /// The chooser of the selected event's reports, while open.
    pub reports: Option<Reports>,
    area: Rect,
}

impl Events {
    /// The timeline of the shared corpus.
    pub fn new(shared: &Shared) -> Events {
        // The same filter as `dossier events --filter`.
        let search = crate::tui::views::search_filters::events(shared);
        Events {
            pick: Pick {
                items: (0..shared.corpus.events.len()).collect(),
                ..Pick::default()
            },
            search,
            jump: None,
            reports: None,
            area: Rect::default(),
        }
    }

    /// Takes the `:` prompt's text and moves the selection (the timeline is oldest
    /// first); the status to show, if any.
    fn jump_to(&mut self, shared: &Shared, text: String) -> Option<String> {
        jump::type_text(self.jump.as_mut(), &mut self.pick, text, |items, r| {
            event_position(&shared.corpus, items, r, Direction::OldestFirst)
        })
    }

    /// Rows the list has (the detail takes the rest when there is room).
    fn list_rows(&self) -> usize {
        let full = rows_in(self.area);
        let detail = usize::from(DETAIL);
        if full > detail + 3 {
            full - detail
        } else {
            full
        }
    }

    fn refilter(&mut self, shared: &Shared) {
        let query = self.pick.query.trim().to_owned();
        if query.is_empty() {
            self.search.forget();
            let items: Vec<usize> = (0..shared.corpus.events.len()).collect();
            self.pick.set(items, Vec::new(), None);
        } else {
            self.search.request((query, SHOWN));
            self.take_results();
        }
    }
}

impl Events {
    /// Shows search results that arrived; true when there were some.
    fn take_results(&mut self) -> bool {
        let Some(m) = self.search.poll() else {
            return false;
        };
        let (items, marks) = m.hits.into_iter().map(|h| (h.index, h.positions)).unzip();
        self.pick.set(items, marks, None);
        true
    }
}

impl View for Events {
    fn contexts(&self) -> Vec<Context> {
        if self.reports.is_some() {
            return vec![Context::Reports];
        }
        vec![Context::Events, Context::Navigation]
    }

    fn update(&mut self, shared: &mut Shared, action: Action) -> Effect {
        if let Some(r) = self.reports.as_mut() {
            return match r.update(action) {
                Chosen::Stay => Effect::None,
                Chosen::Close => {
                    self.reports = None;
                    Effect::None
                }
                Chosen::Open(request) => {
                    self.reports = None;
                    Effect::Open(Mode::Main, request)
                }
            };
        }
        let page = isize::try_from(self.list_rows()).unwrap_or(1);
        match action {
            Action::Up => self.pick.move_by(-1),
            Action::Down => self.pick.move_by(1),
            Action::PageUp => self.pick.move_by(-page),
            Action::PageDown => self.pick.move_by(page),
            Action::Top => self.pick.first(),
            Action::Bottom => self.pick.last(),
            Action::Scroll(d) | Action::ScrollPane { delta: d, .. } => self.pick.move_by(d.into()),
            Action::Click { row: Some(r), .. } => {
                self.pick.select(self.pick.offset + usize::from(r));
            }
            Action::Filter => {
                self.jump = None;
                return Effect::Type;
            }
            Action::JumpDate => {
                self.jump = Some(Jump {
                    text: String::new(),
                    from: self.pick.selected,
                });
                return Effect::Type;
            }
            Action::Back => return Effect::Back,
            Action::Enter => return self.enter(shared),
            _ => {}
        }
        Effect::None
    }

    fn fit(&mut self, _shared: &mut Shared, area: Rect) {
        self.area = area;
        self.pick.select(self.pick.selected);
        let h = self.list_rows();
        self.pick.reveal(self.pick.selected, h, self.pick.len());
    }

    fn mouse(&self, event: &MouseEvent) -> Option<Action> {
        // Over the chooser a click would select a timeline row hidden under it.
        full_pane_mouse(self.area, event)
            .filter(|a| self.reports.is_none() || !matches!(a, Action::Click { .. }))
    }

    fn query(&self) -> Option<&str> {
        match &self.jump {
            Some(j) => Some(&j.text),
            None => Some(&self.pick.query),
        }
    }

    fn typing_context(&self) -> Context {
        if self.jump.is_some() {
            Context::Jumping
        } else {
            Context::Typing
        }
    }

    fn set_query(&mut self, shared: &mut Shared, query: String) {
        if self.jump.is_some() {
            shared.status = self.jump_to(shared, query);
            let h = self.list_rows();
            self.pick.reveal(self.pick.selected, h, self.pick.len());
            return;
        }
        self.pick.query = query;
        self.refilter(shared);
    }

    fn poll(&mut self, _shared: &mut Shared) -> bool {
        self.take_results()
    }

    fn busy(&self) -> bool {
        self.search.busy()
    }

    fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect) {
        let theme = shared.theme;
        let corpus = &shared.corpus;
        let total = corpus.events.len();
        let body = inner(area);
        let width = usize::from(body.width);
        let detail = if body.height > DETAIL + 3 { DETAIL } else { 0 };
        let list_h = usize::from(body.height - detail);
        let mut lines: Vec<Line> = Vec::new();
        if total == 0 {
            lines.push(Line::styled(
                "No events in this corpus.",
                theme.style(Role::Dim),
            ));
        } else if self.pick.is_empty() {
            lines.push(Line::styled(
                "No matching events (Esc clears).",
                theme.style(Role::Dim),
            ));
        }
        for (row, i) in self.pick.visible(list_h) {
            if let Some(e) = corpus.events.get(i) {
                lines.push(self.row(shared, row, e, width));
            }
        }
        while lines.len() < list_h {
            lines.push(Line::default());
        }
        if detail > 0
            && let Some(e) = self.pick.current().and_then(|i| corpus.events.get(i))
        {
            lines.extend(detail_lines(shared, e, width, usize::from(detail)));
        }
        let block = self.block(shared, total);
        frame.render_widget(Paragraph::new(lines).block(block), area);
        if let Some(r) = &self.reports {
            r.draw(shared, frame, area);
        }
    }
}

impl Events {
    /// Enter on an event: its one report opens at the sentence naming it; several are
    /// offered in the chooser.
    fn enter(&mut self, shared: &mut Shared) -> Effect {
        let Some(event) = self.pick.current() else {
            return Effect::None;
        };
        let found = shared
            .corpus
            .events
            .get(event)
            .map(|e| reports(&shared.corpus, e))
            .unwrap_or_default();
        match found.as_slice() {
            [] => {
                shared.status = Some("no sentence recorded for this event".into());
                Effect::None
            }
            [one] => Effect::Open(Mode::Main, one.request()),
            _ => {
                self.reports = Some(Reports {
                    event,
                    items: found,
                    selected: 0,
                });
                Effect::None
            }
        }
    }

    /// The pane's frame: the count in the title, the `:` prompt below while typed.
    fn block(&self, shared: &Shared, total: usize) -> Block<'static> {
        let theme = shared.theme;
        let mut title = if self.pick.len() == total && self.pick.query.is_empty() {
            format!(" Events {total} ")
        } else {
            format!(" Events {} of {total} ", self.pick.len())
        };
        if self.busy() {
            title.push_str("· searching… ");
        }
        let mut block = pane_block(
            theme,
            true,
            title,
            &self.pick,
            shared.typing && self.jump.is_none(),
        );
        if let Some(j) = self.jump.as_ref().filter(|_| shared.typing) {
            block = block.title_bottom(Span::styled(
                jump::prompt(&j.text),
                theme.style(Role::Prompt),
            ));
        }
        block
    }

    /// One event's row: date, name (with the query's marks), then series, status and
    /// outlets right-aligned when the pane is wide.
    fn row<'a>(&self, shared: &Shared, row: usize, e: &'a Event, width: usize) -> Line<'a> {
        let theme = shared.theme;
        let style = row_style(theme, row == self.pick.selected, true);
        let dim = dim_style(theme, style, row == self.pick.selected);
        let mut spans = vec![Span::styled(
            format!("{:<10} ", truncate(&events::when(&shared.corpus, e), 10)),
            style,
        )];
        // The name gets the room; the series (often a repeat of it) what is left.
        let status = e.status.map_or("", status_label);
        let tail = if width >= 70 {
            let outlets = e.sources.join(" ");
            let room = (width / 3).saturating_sub(str_width(&outlets) + str_width(status) + 6);
            let series = truncate(&events::series(e), room);
            let parts = [series.as_str(), status, outlets.as_str()];
            let shown: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
            format!("  {}", shown.join("  "))
        } else {
            format!("  {status}")
        };
        let name_w = width.saturating_sub(11 + str_width(&tail));
        spans.extend(highlighted(
            &e.name,
            self.pick.marks_of(row),
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
        pad(spans, width, style)
    }
}

/// The rule and the selected event's first sentence, wrapped into `detail - 1` lines.
fn detail_lines(shared: &Shared, e: &Event, width: usize, detail: usize) -> Vec<Line<'static>> {
    let theme = shared.theme;
    let mut lines = vec![Line::styled("─".repeat(width), theme.style(Role::Border))];
    let text = match e.sentences.first() {
        Some(s) => {
            let docs = &shared.corpus.documents;
            format!("{}: {}", s.document_id(docs), s.text(docs))
        }
        None => "No sentence recorded for this event.".into(),
    };
    for w in wrap(&text, width, &[]).into_iter().take(detail - 1) {
        let t: String = w.segs.iter().map(|s| s.text.as_str()).collect();
        lines.push(Line::styled(t, theme.style(Role::Meta)));
    }
    lines
}
