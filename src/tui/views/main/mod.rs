//! The main screen: documents, reader and entities side by side (fewer when narrow).
//! The reader always shows the selected document; `n`/`N` visit the mentions of the
//! entity chosen in the entities pane; Enter there lists only the documents naming it.

pub mod documents;
pub mod entities;
pub mod layout;
pub mod marks;
mod moves;
pub mod reader;

use crate::model::Field;
use crate::tui::keymap::Context;
use crate::tui::keymap::action::Action;
use crate::tui::layout::inner;
use crate::tui::mode::Mode;
use crate::tui::shared::Shared;
use crate::tui::views::view::{Ask, Effect, Request, View};
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use documents::Documents;
use entities::Entities;
use layout::{Focus, Panes};
use ratatui::Frame;
use ratatui::layout::Rect;
use reader::ReaderView;

/// The main screen's state.
#[derive(Debug)]
pub struct Main {
    /// The focused pane.
    pub focus: Focus,
    /// Where the panes are.
    pub panes: Panes,
    /// The documents pane.
    pub docs: Documents,
    /// The reader pane.
    pub reader: ReaderView,
    /// The entities pane.
    pub entities: Entities,
    /// The document last marked read by opening it (while the reader keeps focus).
    opened: Option<usize>,
    area: Rect,
}

impl Main {
    /// The main screen over the shared corpus, sized 80x23 until fitted.
    pub fn new(shared: &Shared) -> Main {
        let mut main = Main {
            focus: Focus::Documents,
            panes: Panes::default(),
            docs: Documents::new(shared),
            reader: ReaderView::default(),
            entities: Entities::default(),
            opened: None,
            area: Rect::new(0, 0, 80, 23),
        };
        main.sync(shared);
        main
    }

    /// The entity chosen in the entities pane.
    pub fn selected_entity(&self) -> Option<usize> {
        self.entities.selected()
    }

    /// Lays out the panes and brings the reader and entities pane to the selected
    /// document; keeps every selection and offset in range.
    fn sync(&mut self, shared: &Shared) {
        self.panes = Panes::compute(self.area, self.focus);
        let width = self
            .panes
            .reader
            .map_or(self.reader.width, |r| inner(r).width);
        self.open_doc(shared, self.docs.pick.current(), width);
        // Panes that are not shown keep their offset: revealing in a stand-in would
        // scroll them for nothing.
        self.docs.fit(self.panes.list);
        self.entities.fit(self.panes.sidebar);
        if self.panes.reader.is_some() {
            self.reader.scroll = self
                .reader
                .scroll
                .min(self.reader.max_scroll(self.panes.reader));
        }
    }

    /// Loads a document into the reader and the entities pane (no-op when already there).
    fn open_doc(&mut self, shared: &Shared, doc: Option<usize>, width: u16) {
        if self.reader.doc == doc && self.reader.width == width {
            return;
        }
        let same_doc = self.reader.doc == doc;
        // The first line of text from the top (a blank line has no place to keep); at
        // the top, the top.
        let keep_line = self
            .reader
            .lines
            .iter()
            .skip(self.reader.scroll)
            .find(|l| l.field.is_some())
            .filter(|_| self.reader.scroll > 0)
            .map(|l| (l.field, l.start));
        let mark = self.reader.mark.filter(|_| same_doc);
        let (query, current) = (
            std::mem::take(&mut self.reader.found.query),
            self.reader.found.current,
        );
        let yours = doc.and_then(|d| shared.workspace.get(d));
        self.reader = ReaderView::build(&shared.corpus, doc, width, mark, yours);
        if same_doc && let Some((field, start)) = keep_line {
            self.reader.scroll = self.reader.line_of(field, start).unwrap_or(0);
        }
        // The search stays through resizes and to the next document, as in less.
        self.reader.search(&shared.corpus, &query);
        if same_doc && current.is_some() {
            self.reader.found.current = current;
        }
        if !same_doc {
            self.entities = Entities::load(&shared.corpus, doc);
        }
    }

    /// Scrolls the reader so that a place is near the top, and marks it.
    fn show_in_reader(&mut self, shared: &Shared, field: Field, start: usize, end: usize) {
        let width = self.reader.width;
        let query = std::mem::take(&mut self.reader.found.query);
        self.reader = ReaderView::build(
            &shared.corpus,
            self.reader.doc,
            width,
            Some((field, start, end)),
            self.reader.doc.and_then(|d| shared.workspace.get(d)),
        );
        let line = self.reader.line_of(Some(field), start).unwrap_or(0);
        self.reader.scroll = line.saturating_sub(2);
        self.reader.search(&shared.corpus, &query);
    }
}

impl View for Main {
    fn contexts(&self) -> Vec<Context> {
        let pane = match self.focus {
            Focus::Documents => Context::Documents,
            Focus::Reader => Context::Reader,
            Focus::Entities => Context::Entities,
        };
        vec![pane, Context::Main, Context::Navigation]
    }

    fn update(&mut self, shared: &mut Shared, action: Action) -> Effect {
        let mut effect = Effect::None;
        match action {
            Action::Up => self.move_by(self.focus, -1),
            Action::Down => self.move_by(self.focus, 1),
            Action::PageUp => self.move_by(self.focus, -self.page()),
            Action::PageDown => self.move_by(self.focus, self.page()),
            Action::Top => self.jump_to_end(false),
            Action::Bottom => self.jump_to_end(true),
            Action::Scroll(d) => self.move_by(self.focus, d.into()),
            Action::ScrollPane { pane, delta } => {
                if let Some(f) = Focus::of(pane) {
                    self.move_by(f, delta.into());
                }
            }
            Action::Click { pane, row } => {
                if let Some(f) = Focus::of(pane) {
                    self.click(f, row);
                }
            }
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Entities => {
                self.focus = if self.focus == Focus::Entities {
                    Focus::Reader
                } else {
                    Focus::Entities
                };
            }
            Action::Enter => self.enter(),
            Action::Back if self.focus == Focus::Reader && !self.reader.found.query.is_empty() => {
                self.reader.search(&shared.corpus, "");
            }
            Action::Back => {
                self.docs.clear();
                self.entities.pick.query.clear();
                self.entities.refilter(&shared.corpus);
            }
            // In the reader `/` starts a new search of the article, as in less.
            Action::Filter => {
                if self.focus == Focus::Reader {
                    self.reader.search(&shared.corpus, "");
                }
                self.docs.jump = None;
                effect = Effect::Type;
            }
            Action::Sort => self.docs.cycle_sort(&shared.corpus),
            Action::JumpDate => {
                self.focus = Focus::Documents;
                self.docs.start_jump();
                effect = Effect::Type;
            }
            Action::NextMention => self.jump_mention(shared, true),
            Action::PrevMention => self.jump_mention(shared, false),
            Action::ToggleRead | Action::Star | Action::CycleFilter => self.mark(shared, action),
            Action::Tag | Action::Note => match self.docs.pick.current() {
                Some(doc) if action == Action::Tag => effect = Effect::Ask(Ask::Tag(doc)),
                Some(doc) => effect = Effect::EditNote(doc),
                None => shared.status = Some("no document selected".into()),
            },
            Action::FilterTag => effect = Effect::Ask(Ask::TagFilter),
            Action::NextHit | Action::PrevHit => self.visit_hit(shared, action == Action::NextHit),
            Action::Events => effect = Effect::Open(Mode::Events, Request::Nothing),
            Action::Search => effect = Effect::Open(Mode::Search, Request::Nothing),
            Action::Compare => match self.docs.pick.current() {
                Some(doc) => effect = Effect::Open(Mode::Picker, Request::Document(doc)),
                None => shared.status = Some("no document to compare".into()),
            },
            _ => {}
        }
        self.sync(shared);
        self.mark_opened(shared);
        effect
    }

    fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect) {
        // Drawn at another size than fitted (a test's frame): lay out for that size.
        let panes = if area == self.area {
            self.panes
        } else {
            Panes::compute(area, self.focus)
        };
        if let Some(r) = panes.list {
            self.docs
                .draw(shared, frame, r, self.focus == Focus::Documents);
        }
        if let Some(r) = panes.reader {
            // The chosen entity stays lit while its mentions are visited from the reader.
            let visiting = self.focus == Focus::Reader && self.entities.mention_cursor.is_some();
            let selected = (self.focus == Focus::Entities || visiting)
                .then(|| self.selected_entity())
                .flatten();
            self.reader
                .draw(shared, frame, r, self.focus == Focus::Reader, selected);
        }
        if let Some(r) = panes.sidebar {
            self.entities
                .draw(shared, frame, r, self.focus == Focus::Entities);
        }
    }

    fn fit(&mut self, shared: &mut Shared, area: Rect) {
        self.area = area;
        self.sync(shared);
    }

    fn mouse(&self, event: &MouseEvent) -> Option<Action> {
        let (x, y) = (event.column, event.row);
        let focus = self.panes.at(x, y)?;
        let pane = focus.pane();
        match event.kind {
            MouseEventKind::ScrollUp => Some(Action::ScrollPane { pane, delta: -3 }),
            MouseEventKind::ScrollDown => Some(Action::ScrollPane { pane, delta: 3 }),
            MouseEventKind::Down(MouseButton::Left) => {
                let body = inner(self.panes.get(focus)?);
                let row = y
                    .checked_sub(body.y)
                    .filter(|&r| r < body.height && x >= body.x && x < body.x + body.width);
                Some(Action::Click { pane, row })
            }
            _ => None,
        }
    }

    fn query(&self) -> Option<&str> {
        match self.focus {
            Focus::Entities => Some(&self.entities.pick.query),
            Focus::Reader => Some(&self.reader.found.query),
            Focus::Documents => match &self.docs.jump {
                Some(j) => Some(&j.text),
                None => Some(&self.docs.pick.query),
            },
        }
    }

    fn typing_context(&self) -> Context {
        if self.focus == Focus::Documents && self.docs.jump.is_some() {
            Context::Jumping
        } else if self.focus == Focus::Reader {
            Context::Searching
        } else {
            Context::Typing
        }
    }

    fn set_query(&mut self, shared: &mut Shared, query: String) {
        if self.focus == Focus::Reader {
            self.reader.search(&shared.corpus, &query);
            self.reader.show_current(self.panes.reader);
        } else if self.focus == Focus::Entities {
            self.entities.pick.query = query;
            self.entities.refilter(&shared.corpus);
        } else if self.docs.jump.is_some() {
            shared.status = self.docs.jump_to(&shared.corpus, query);
        } else {
            self.docs.pick.query = query;
            self.docs.refilter();
        }
        self.sync(shared);
    }

    fn open(&mut self, shared: &mut Shared, request: Request) {
        if let Request::Place {
            doc,
            field,
            start,
            end,
        } = request
        {
            self.focus = Focus::Reader;
            self.docs.reveal(doc);
            self.sync(shared);
            self.show_in_reader(shared, field, start, end);
        }
        self.sync(shared);
        self.mark_opened(shared);
    }

    fn poll(&mut self, shared: &mut Shared) -> bool {
        let changed = self.docs.poll();
        if changed {
            self.sync(shared);
        }
        changed
    }

    fn busy(&self) -> bool {
        self.docs.busy()
    }
}
