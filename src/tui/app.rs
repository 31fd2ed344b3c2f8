//! The interface as a whole: the shared state, every view, which one is shown, the help
//! overlay, and the flags the event loop acts on. [`App::draw`] only reads it; the
//! reducer in `update.rs` changes it.

use super::kept::Kept;
use super::keymap::{Context, Keymap};
use super::layout::{MIN_HEIGHT, MIN_WIDTH, split};
use super::mode::Mode;
use super::outside::{Outside, Prompt};
use super::shared::Shared;
use super::theme::Theme;
use super::views::Views;
use super::views::help::{self, Help};
use super::views::main::documents::Lookup;
use super::views::main::marks::Position;
use super::views::search_index::BodyIndex;
use super::views::view::View;
use super::work::Waker;
use super::workspace::{StateSetup, Workspace};
use crate::model::Corpus;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use std::sync::Arc;

/// How an [`App`] is set up.
#[derive(Debug, Default)]
pub struct Setup {
    /// Colours.
    pub theme: Theme,
    /// Keys.
    pub keymap: Keymap,
    /// Mouse capture at start.
    pub mouse: bool,
    /// Wakes the event loop when background work is done; `None` runs it in place.
    pub waker: Option<Waker>,
    /// Where the reader's marks are kept.
    pub state: StateSetup,
    /// The corpus given is a stand-in while the real one loads ([`App::replace_corpus`]).
    pub loading: bool,
}

/// The whole interface.
#[derive(Debug)]
pub struct App {
    /// What every view reads.
    pub shared: Shared,
    /// Every view's own state.
    pub views: Views,
    /// The view shown.
    pub mode: Mode,
    /// The help overlay, when open.
    pub help: Option<Help>,
    /// True while the mouse is captured.
    pub mouse: bool,
    /// Set when the user quits.
    pub quit: bool,
    /// Set when the user asks to suspend (Ctrl-Z); the event loop does it and clears it.
    pub suspend: bool,
    /// The terminal's size.
    pub area: Rect,
    /// The line being typed in the hint line, when one is asked for.
    pub prompt: Option<Prompt>,
    /// What the event loop is to do next outside the interface.
    pub outside: Option<Outside>,
    /// The position of the last run, kept while the corpus loads (restored once it is
    /// all there, unless the user has moved on the preview).
    pub pending_position: Option<String>,
    /// What the preview of a loading corpus showed first: when the finished corpus
    /// arrives and the user has changed nothing, the last run's position wins.
    pub previewed: Option<Kept>,
    /// The reader's place, waiting for the kept document to be selected again (its
    /// filter's results are being searched for).
    pub resume: Option<Position>,
}

/// What changed from one corpus to the next, for the status line.
fn changes(old: &Corpus, new: &Corpus) -> String {
    let added = new
        .documents
        .iter()
        .filter(|d| old.document(&d.id).is_none())
        .count();
    let gone = old
        .documents
        .iter()
        .filter(|d| new.document(&d.id).is_none())
        .count();
    format!(
        "{} documents ({added} new, {gone} gone)",
        crate::model::load::thousands(new.documents.len())
    )
}

impl App {
    /// A new interface over a corpus, sized 80x24 until the first resize. The loader
    /// reported each problem file on stderr before the screen opened.
    pub fn new(corpus: Corpus, setup: Setup) -> App {
        let status = match corpus.problems.len() {
            0 => None,
            n => Some(format!(
                "{n} corpus file(s) skipped or repaired: listed on stderr, shown after quitting"
            )),
        };
        let lookup = Lookup::of(&corpus);
        let loading = setup.loading;
        let workspace = Workspace::new(setup.state, &corpus);
        let status = workspace.problem.clone().or(status);
        let shared = Shared {
            loading: loading.then(|| "loading the corpus…".to_owned()),
            workspace,
            newest_first: lookup.newest_first,
            corpus: Arc::new(corpus),
            doc_index: lookup.index,
            by_entity: lookup.by_entity,
            body_index: BodyIndex::default(),
            theme: setup.theme,
            keymap: setup.keymap,
            typing: false,
            status,
            waker: setup.waker,
        };
        let views = Views::new(&shared);
        let mut app = App {
            shared,
            views,
            mode: Mode::Main,
            help: None,
            mouse: setup.mouse,
            quit: false,
            suspend: false,
            area: Rect::default(),
            prompt: None,
            outside: None,
            pending_position: None,
            previewed: None,
            resume: None,
        };
        app.resize(80, 24);
        if let Some(p) = app.shared.workspace.position.take() {
            if loading {
                app.pending_position = Some(p);
            } else {
                app.restore_position(&p);
            }
        }
        app
    }

    /// Shows a corpus loaded (again: `R`, `--watch`; or a preview of the first documents
    /// while the rest loads, `complete` false): the marks are read for it, every view is
    /// built again over it, and the user is brought back to what they were doing
    /// ([`Kept`]): same view, document, place, filters, comparison, event. Once the whole
    /// corpus is there after a preview nobody touched, the last run's position is used.
    pub fn replace_corpus(&mut self, corpus: Corpus, complete: bool) {
        self.replace_corpus_with(corpus, complete, None);
    }

    /// [`App::replace_corpus`] with the documents' lookups built already (off the
    /// interface thread); built here when they are `None` or not of this corpus.
    pub fn replace_corpus_with(&mut self, corpus: Corpus, complete: bool, lookup: Option<Lookup>) {
        let now = self.kept();
        let untouched = self.previewed.take().is_none_or(|p| p == now);
        let kept = match self.pending_position.take() {
            Some(p) if complete && untouched => Kept::saved(&p).unwrap_or(now),
            Some(p) => {
                if !complete {
                    self.pending_position = Some(p);
                }
                now
            }
            None => now,
        };
        let summary = complete.then(|| changes(&self.shared.corpus, &corpus));
        let lookup = lookup
            .filter(|l| l.fits(&corpus))
            .unwrap_or_else(|| Lookup::of(&corpus));
        self.shared.workspace.reload(&corpus, complete);
        self.shared.newest_first = lookup.newest_first;
        self.shared.corpus = Arc::new(corpus);
        self.shared.doc_index = lookup.index;
        self.shared.by_entity = lookup.by_entity;
        self.shared.typing = false;
        self.views = Views::new(&self.shared);
        self.fit();
        if let Some(s) = summary {
            self.shared.status = Some(s);
        }
        self.restore_kept(&kept);
        if !complete {
            self.previewed = Some(self.kept());
        }
    }

    /// The view shown.
    pub fn view(&self) -> &dyn View {
        self.views.get(self.mode)
    }

    /// The area views are drawn in: all but the hint line.
    pub fn body(&self) -> Rect {
        Rect {
            height: self.area.height.saturating_sub(1),
            ..self.area
        }
    }

    /// Adapts to a new terminal size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        self.fit();
    }

    /// Fits the shown view to the body area.
    pub fn fit(&mut self) {
        let body = self.body();
        self.views.get_mut(self.mode).fit(&mut self.shared, body);
    }

    /// The keymap contexts that decide what a key does, most specific first.
    pub fn contexts(&self) -> Vec<Context> {
        if self.prompt.is_some() {
            return vec![Context::Prompt];
        }
        if self.shared.typing {
            return vec![self.view().typing_context()];
        }
        if self.help.is_some() {
            return vec![Context::Help, Context::Navigation, Context::Global];
        }
        let mut cx = self.view().contexts();
        cx.push(Context::Global);
        cx
    }

    /// The contexts the hint line shows: in the help and while typing, only their own.
    pub fn hint_contexts(&self) -> Vec<Context> {
        if self.help.is_some() && !self.shared.typing {
            return vec![Context::Help];
        }
        self.contexts()
    }

    /// What the help lists for the view shown, as layers of contexts that apply
    /// together: the view's own with everywhere, typing a filter (when it has one), and
    /// the help's.
    pub fn help_layers(&self) -> Vec<Vec<Context>> {
        let mut screen = self.view().contexts();
        screen.push(Context::Global);
        let mut layers = vec![screen];
        if self.view().query().is_some() {
            layers.push(vec![Context::Typing]);
        }
        let cx = self.view().contexts();
        if cx.contains(&Context::Documents) || cx.contains(&Context::Events) {
            layers.push(vec![Context::Jumping]);
        }
        if cx.contains(&Context::Reader) {
            layers.push(vec![Context::Searching]);
        }
        if self.view().contexts().contains(&Context::Main) {
            layers.push(vec![Context::Prompt]);
        }
        layers.push(vec![Context::Help]);
        layers
    }

    /// True while background work for the shown view runs.
    pub fn busy(&self) -> bool {
        self.view().busy()
    }

    /// Draws the whole screen. Never changes the state.
    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        let Some((body, hints)) = split(area) else {
            let msg = format!(
                "Terminal too small ({}x{}); dossier needs {MIN_WIDTH}x{MIN_HEIGHT}.",
                area.width, area.height
            );
            frame.render_widget(
                Paragraph::new(Line::from(msg)).wrap(Wrap { trim: true }),
                area,
            );
            return;
        };
        self.view().draw(&self.shared, frame, body);
        let lead = self
            .prompt
            .as_ref()
            .map(|p| format!("{}{}▏", p.label, p.text));
        help::draw_hints(
            &self.shared,
            &self.hint_contexts(),
            lead.as_deref(),
            frame,
            hints,
        );
        if let Some(h) = &self.help {
            help::draw(h, &self.shared, frame, area);
        }
    }
}
