//! The corpus search view (`S`): every article's text (headline, captions, body;
//! related-news tails when `r` asks) searched by words and phrases, ranked by BM25 on a
//! search thread (newest query winning), with the best sentence under each hit and its
//! words lit; Enter opens the article at the hit.

use crate::model::document::Field;
use crate::model::search::{self, CorpusHit, CorpusResults, SearchQuery};
use crate::tui::keymap::Context;
use crate::tui::keymap::action::Action;
use crate::tui::layout::{inner, rows_in};
use crate::tui::mode::Mode;
use crate::tui::pick::Pick;
use crate::tui::shared::Shared;
use crate::tui::theme::Role;
use crate::tui::views::view::{Effect, Request, View};
use crate::tui::views::widgets::{
    SHOWN, date_label, dim_style, full_pane_mouse, move_in_list, pad, pane_block, row_style,
};
use crate::tui::work::Latest;
use crate::tui::wrap::{Tag, truncate, wrap};
use crossterm::event::MouseEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::sync::Arc;

/// Screen lines per hit: title and source, then two lines of its sentence.
pub const ROW_HEIGHT: usize = 3;

/// The corpus search view's state.
#[derive(Debug)]
pub struct Search {
    /// The hits shown (indices into `results.hits`) and the query typed.
    pub pick: Pick,
    /// The newest results.
    pub results: CorpusResults,
    /// Related-news tails searched too.
    pub related: bool,
    /// The search thread: the newest query asked, the newest results back.
    worker: Latest<(String, bool), CorpusResults>,
    area: Rect,
}

impl Search {
    /// The view over the shared corpus, with its search thread.
    pub fn new(shared: &Shared) -> Search {
        let corpus = Arc::clone(&shared.corpus);
        let body = shared.body_index.clone();
        let worker = Latest::new(
            shared.waker.as_ref(),
            move |(q, related): (String, bool), _cancel| {
                let index = body.get(&corpus);
                let query = SearchQuery::parse(&q);
                Some(search::search(
                    &corpus.documents,
                    &index,
                    &query,
                    related,
                    SHOWN,
                ))
            },
        );
        Search {
            pick: Pick::default(),
            results: CorpusResults::default(),
            related: false,
            worker,
            area: Rect::default(),
        }
    }

    fn research(&mut self) {
        let q = self.pick.query.trim().to_owned();
        if q.is_empty() {
            self.worker.forget();
            self.results = CorpusResults::default();
            self.pick.set(Vec::new(), Vec::new(), None);
            return;
        }
        self.worker.request((q, self.related));
        self.take_results();
    }

    fn take_results(&mut self) -> bool {
        let Some(r) = self.worker.poll() else {
            return false;
        };
        self.pick.set((0..r.hits.len()).collect(), Vec::new(), None);
        self.results = r;
        true
    }

    /// The document of the selected hit.
    pub fn current_doc(&self) -> Option<usize> {
        self.hit().map(|h| h.doc)
    }

    fn hit(&self) -> Option<&CorpusHit> {
        self.pick.current().and_then(|i| self.results.hits.get(i))
    }

    fn shown_rows(&self) -> usize {
        (rows_in(self.area) / ROW_HEIGHT).max(1)
    }
}

impl View for Search {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Search, Context::Navigation]
    }

    fn update(&mut self, shared: &mut Shared, action: Action) -> Effect {
        let page = isize::try_from(self.shown_rows()).unwrap_or(1);
        if move_in_list(&mut self.pick, action, page, ROW_HEIGHT) {
            return Effect::None;
        }
        match action {
            Action::Filter => return Effect::Type,
            Action::Back => return Effect::Back,
            Action::Related => {
                self.related = !self.related;
                shared.status = Some(
                    if self.related {
                        "related news searched too"
                    } else {
                        "article text only"
                    }
                    .into(),
                );
                self.research();
            }
            Action::Enter => {
                let Some(h) = self.hit() else {
                    shared.status = Some("no hit selected".into());
                    return Effect::None;
                };
                let (field, start, end) = h.snippet.as_ref().map_or((Field::Title, 0, 0), |s| {
                    let (a, b) = s.hits.first().copied().unwrap_or((s.start, s.end));
                    (s.field, a, b)
                });
                return Effect::Open(
                    Mode::Main,
                    Request::Place {
                        doc: h.doc,
                        field,
                        start,
                        end,
                    },
                );
            }
            _ => {}
        }
        Effect::None
    }

    fn fit(&mut self, _shared: &mut Shared, area: Rect) {
        self.area = area;
        let h = self.shown_rows();
        self.pick.fit(h);
    }

    fn mouse(&self, event: &MouseEvent) -> Option<Action> {
        full_pane_mouse(self.area, event)
    }

    fn query(&self) -> Option<&str> {
        Some(&self.pick.query)
    }

    fn set_query(&mut self, _shared: &mut Shared, query: String) {
        self.pick.query = query;
        self.research();
    }

    fn open(&mut self, shared: &mut Shared, _request: Request) {
        // Straight to typing the query (the last one stays, to refine it).
        shared.typing = true;
    }

    fn poll(&mut self, _shared: &mut Shared) -> bool {
        self.take_results()
    }

    fn busy(&self) -> bool {
        self.worker.busy()
    }

    fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect) {
        let theme = shared.theme;
        let block = pane_block(theme, true, self.title(), &self.pick, shared.typing);
        let body = inner(area);
        let width = usize::from(body.width);
        let mut lines: Vec<Line> = Vec::new();
        if self.pick.query.trim().is_empty() {
            lines.push(Line::styled(
                "Type words (\"a phrase\", word*): every one must occur.",
                theme.style(Role::Dim),
            ));
        } else if self.pick.is_empty() && !self.busy() {
            lines.push(Line::styled(
                "No article has all of these words (Esc goes back).",
                theme.style(Role::Dim),
            ));
        }
        let rows = (usize::from(body.height) / ROW_HEIGHT).max(1);
        for (row, i) in self.pick.visible(rows) {
            if let Some(h) = self.results.hits.get(i) {
                lines.extend(self.row(shared, row, h, width));
            }
        }
        frame.render_widget(Paragraph::new(lines).block(block), area);
    }
}

impl Search {
    /// The pane's title: how many articles matched, and what is searched.
    fn title(&self) -> String {
        let mut title = match (self.pick.query.trim().is_empty(), self.results.total) {
            (true, _) => " Search every article ".to_owned(),
            (false, n) if n > self.results.hits.len() => {
                format!(
                    " Search · best {} of {n} articles ",
                    self.results.hits.len()
                )
            }
            (false, n) => format!(" Search · {n} articles "),
        };
        if self.related {
            title.push_str("· with related news ");
        }
        if self.busy() {
            title.push_str("· searching… ");
        }
        title
    }

    /// A hit's [`ROW_HEIGHT`] lines: title, date and outlet, then its best sentence with
    /// the query's words lit (blank lines when it has none).
    fn row(&self, shared: &Shared, row: usize, h: &CorpusHit, width: usize) -> Vec<Line<'static>> {
        let theme = shared.theme;
        let Some(d) = shared.corpus.documents.get(h.doc) else {
            return Vec::new();
        };
        let style = row_style(theme, row == self.pick.selected, true);
        let dim = dim_style(theme, style, row == self.pick.selected);
        let meta = format!(
            "  {} · {}",
            date_label(d),
            d.source.as_deref().unwrap_or("outlet unknown")
        );
        let room = width.saturating_sub(crate::tui::wrap::str_width(&meta) + 1);
        let mut lines = vec![pad(
            vec![
                Span::styled(format!(" {}", truncate(&d.title, room)), style),
                Span::styled(meta, dim),
            ],
            width,
            style,
        )];
        if let Some(s) = &h.snippet {
            let text = d.text(s.field);
            let piece = text.get(s.start..s.end).unwrap_or("");
            let tags: Vec<(usize, usize, Tag)> = s
                .hits
                .iter()
                .map(|&(a, b)| (a - s.start.min(a), b - s.start.min(b), Tag::Differs))
                .collect();
            for w in wrap(piece, width.saturating_sub(3).max(1), &tags)
                .into_iter()
                .take(2)
            {
                let mut spans = vec![Span::styled("   ", dim)];
                for seg in w.segs {
                    let st = match seg.tag {
                        Some(_) => dim.patch(theme.style(Role::Match)),
                        None => dim,
                    };
                    spans.push(Span::styled(seg.text, st));
                }
                lines.push(pad(spans, width, style));
            }
        }
        while lines.len() < ROW_HEIGHT {
            lines.push(pad(Vec::new(), width, style));
        }
        lines
    }
}
