//! The interface state: mode, focus, lists, reader and comparison. The model is read-only.

use super::compare::CompareView;
use super::layout::{Screen, inner};
use super::pick::Pick;
use super::reader::ReaderView;
use super::search::{Target, Worker};
use super::theme::Theme;
use crate::model::filter::{FuzzyIndex, Searcher};
use crate::model::{Corpus, Field};
use ratatui::layout::Rect;
use std::sync::Arc;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Documents, reader, entities.
    #[default]
    Main,
    /// The events timeline.
    Events,
    /// Choosing the second document of a comparison.
    Picker,
    /// Two documents side by side.
    Compare,
}

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

/// The help overlay.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    /// Filter typed into the help.
    pub query: String,
    /// First visible row.
    pub scroll: usize,
}

/// The whole interface state.
#[derive(Debug)]
pub struct App {
    /// The model (never changed by the interface).
    pub corpus: Corpus,
    /// Colours.
    pub theme: Theme,
    /// True while the mouse is captured.
    pub mouse: bool,
    /// Set when the user quits.
    pub quit: bool,
    /// Current screen.
    pub mode: Mode,
    /// Focused pane on the main screen.
    pub focus: Focus,
    /// The help overlay, when open.
    pub help: Option<Help>,
    /// True while a filter is being typed into the focused list.
    pub typing: bool,
    /// A one-off message for the hint bar.
    pub status: Option<String>,
    /// Layout of the current terminal size.
    pub screen: Screen,
    /// Documents, newest first.
    pub order: Vec<usize>,
    /// Fuzzy index over documents (by document index).
    pub doc_index: Arc<FuzzyIndex>,
    /// Searches documents off this thread, when started (the interface does; tests
    /// search in place).
    pub worker: Option<Worker>,
    /// The events timeline's search thread (same scheme as `worker`).
    pub event_worker: Option<Worker>,
    /// Remembers earlier document queries (incremental search).
    pub doc_searcher: Searcher,
    /// How many documents match the query (may exceed what is shown).
    pub docs_matched: usize,
    /// The document list.
    pub docs: Pick,
    /// Entity whose documents the list is restricted to.
    pub entity_filter: Option<usize>,
    /// The reader.
    pub reader: ReaderView,
    /// The current document's entities with mention counts, grouped by kind.
    pub doc_entities: Vec<(usize, usize)>,
    /// Fuzzy index over `doc_entities` names.
    pub entity_index: FuzzyIndex,
    /// The entities pane.
    pub sidebar: Pick,
    /// Which mention of the selected entity `n`/`N` reached.
    pub mention_cursor: Option<usize>,
    /// Fuzzy index over events.
    pub event_index: Arc<FuzzyIndex>,
    /// Remembers earlier event queries.
    pub event_searcher: Searcher,
    /// The events timeline.
    pub events: Pick,
    /// The comparison picker (document indices); suggested ones first.
    pub picker: Pick,
    /// Suggested counterparts of the picker's left document.
    pub suggested: Vec<usize>,
    /// Why each suggested counterpart is worth reading (same order).
    pub suggested_reasons: Vec<String>,
    /// The comparison, when open.
    pub compare: Option<CompareView>,
}

impl App {
    /// A new interface over a corpus, sized 80x24 until the first resize.
    pub fn new(corpus: Corpus, theme: Theme, mouse: bool) -> App {
        let order = corpus.newest_first();
        // The loader reported each problem file on stderr before the screen opened.
        let status = match corpus.problems.len() {
            0 => None,
            n => Some(format!(
                "{n} corpus file(s) skipped or repaired: listed on stderr, shown after quitting"
            )),
        };
        let doc_index = Arc::new(FuzzyIndex::new(
            (0..corpus.documents.len()).map(|i| super::filters::doc_search_text(&corpus, i)),
        ));
        // The same haystack as `dossier events --filter`: name first, so match positions
        // inside the name highlight it.
        let event_index = Arc::new(crate::model::events::index(
            &corpus.events,
            &corpus.entities,
        ));
        let mut app = App {
            docs: Pick {
                items: order.clone(),
                ..Pick::default()
            },
            events: Pick {
                items: (0..corpus.events.len()).collect(),
                ..Pick::default()
            },
            doc_searcher: Searcher::new(),
            docs_matched: order.len(),
            event_searcher: Searcher::new(),
            corpus,
            theme,
            mouse,
            quit: false,
            mode: Mode::Main,
            focus: Focus::Documents,
            help: None,
            typing: false,
            status,
            screen: Screen::default(),
            order,
            doc_index,
            worker: None,
            event_worker: None,
            entity_filter: None,
            reader: ReaderView::default(),
            doc_entities: Vec::new(),
            entity_index: FuzzyIndex::default(),
            sidebar: Pick::default(),
            mention_cursor: None,
            event_index,
            picker: Pick::default(),
            suggested: Vec::new(),
            suggested_reasons: Vec::new(),
            compare: None,
        };
        app.resize(80, 24);
        app
    }

    /// Moves document and event search to background threads.
    pub fn search_in_background(&mut self) {
        self.worker = Some(Worker::spawn(Arc::clone(&self.doc_index)));
        self.event_worker = Some(Worker::spawn(Arc::clone(&self.event_index)));
    }

    /// True while a document or event search is running.
    pub fn searching(&self) -> bool {
        [&self.worker, &self.event_worker]
            .iter()
            .any(|w| w.as_ref().is_some_and(|w| w.waiting.is_some()))
    }

    /// Applies search results that arrived; true when something changed.
    pub fn poll_search(&mut self) -> bool {
        let arrived = self
            .worker
            .as_mut()
            .and_then(Worker::poll)
            .or_else(|| self.event_worker.as_mut().and_then(Worker::poll));
        let Some((target, m)) = arrived else {
            return false;
        };
        match target {
            Target::Documents => super::filters::documents_found(self, m),
            Target::Picker => super::filters::picker_found(self, m),
            Target::Events => super::filters::events_found(self, m),
        }
        self.relayout();
        true
    }

    /// Adapts to a new terminal size.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen.area = Rect::new(0, 0, width, height);
        self.relayout();
    }

    /// Recomputes the layout and everything that depends on pane sizes.
    pub fn relayout(&mut self) {
        self.screen = Screen::compute(self.screen.area, self.mode, self.focus);
        let reader_width = self
            .screen
            .reader
            .map_or(self.reader.width, |r| inner(r).width);
        self.open_doc(self.docs.current(), reader_width);
        if let (Some(cv), Some(full)) = (self.compare.as_mut(), self.screen.full) {
            cv.fit(&self.corpus, inner(full));
        }
        self.clamp();
    }

    /// Rows visible in a pane (inside its border), at least 1.
    pub fn rows_of(&self, pane: Option<Rect>) -> usize {
        pane.map_or(1, |r| inner(r).height.max(1) as usize)
    }

    /// Keeps every selection and scroll offset in range and visible.
    pub fn clamp(&mut self) {
        // Panes that are not shown keep their offset: revealing in a 1-row stand-in would
        // scroll them for nothing.
        self.docs.select(self.docs.selected);
        if let Some(r) = self.screen.list {
            let n = self.docs.len();
            let shown = (self.rows_of(Some(r)) / super::list::ROW_HEIGHT).max(1);
            self.docs.reveal(self.docs.selected, shown, n);
        }
        self.sidebar.select(self.sidebar.selected);
        if let Some(r) = self.screen.sidebar {
            let sel = self.sidebar.selected;
            let row = self.sidebar_row(sel);
            let rows = self.sidebar_rows();
            let h = self.rows_of(Some(r));
            // The first entity of a kind brings its heading into view too.
            let starts_group = sel == 0 || row > self.sidebar_row(sel - 1) + 1;
            if starts_group {
                self.sidebar.reveal(row.saturating_sub(1), h, rows);
            }
            self.sidebar.reveal(row, h, rows);
        }
        self.events.select(self.events.selected);
        self.picker.select(self.picker.selected);
        if let Some(r) = self.screen.full {
            let full = self.rows_of(Some(r));
            let detail = super::events::DETAIL as usize;
            let h = if full > detail + 3 {
                full - detail
            } else {
                full
            };
            self.events
                .reveal(self.events.selected, h, self.events.len());
            self.picker
                .reveal(self.picker.selected, full, self.picker.len());
        }
        if let Some(r) = self.screen.reader {
            let h = self.rows_of(Some(r));
            self.reader.scroll = self
                .reader
                .scroll
                .min(self.reader.lines.len().saturating_sub(h));
        }
    }

    /// Rows of the entities pane: one heading per kind present plus one per entity.
    pub fn sidebar_rows(&self) -> usize {
        self.sidebar_row(self.sidebar.len())
    }

    /// The row of shown entity `i` (or the row count, for `i == len`).
    pub fn sidebar_row(&self, i: usize) -> usize {
        let kind = |k: usize| {
            let (e, _) = self.doc_entities[self.sidebar.items[k]];
            self.corpus.entities.get(e).map(|e| e.kind)
        };
        let upto = i.min(self.sidebar.len().saturating_sub(1));
        if self.sidebar.is_empty() {
            return 0;
        }
        let headings = (0..=upto)
            .filter(|&k| k == 0 || kind(k) != kind(k - 1))
            .count();
        if i >= self.sidebar.len() {
            self.sidebar.len() + headings
        } else {
            i + headings
        }
    }

    /// The entity selected in the entities pane.
    pub fn selected_entity(&self) -> Option<usize> {
        self.sidebar
            .current()
            .and_then(|k| self.doc_entities.get(k))
            .map(|&(e, _)| e)
    }

    /// Loads a document into the reader and the entities pane (no-op when already there).
    pub fn open_doc(&mut self, doc: Option<usize>, width: u16) {
        if self.reader.doc == doc && self.reader.width == width {
            return;
        }
        let same_doc = self.reader.doc == doc;
        let keep_line = self
            .reader
            .lines
            .get(self.reader.scroll)
            .map(|l| (l.field, l.start));
        self.reader = ReaderView::build(
            &self.corpus,
            doc,
            width,
            self.reader.mark.filter(|_| same_doc),
        );
        if same_doc && let Some((field, start)) = keep_line {
            self.reader.scroll = self.reader.line_of(field, start).unwrap_or(0);
        }
        if !same_doc {
            self.load_entities(doc);
        }
    }

    fn load_entities(&mut self, doc: Option<usize>) {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for m in doc
            .and_then(|d| self.corpus.mentions.get(d))
            .into_iter()
            .flatten()
            .filter(|m| !m.field.is_related())
        {
            match counts.iter_mut().find(|(e, _)| *e == m.entity) {
                Some(c) => c.1 += 1,
                None => counts.push((m.entity, 1)),
            }
        }
        let ents = &self.corpus.entities;
        counts.retain(|(e, _)| *e < ents.len());
        counts.sort_by(|a, b| {
            (ents[a.0].kind, std::cmp::Reverse(a.1), &ents[a.0].name).cmp(&(
                ents[b.0].kind,
                std::cmp::Reverse(b.1),
                &ents[b.0].name,
            ))
        });
        self.entity_index = FuzzyIndex::new(counts.iter().map(|(e, _)| ents[*e].name.as_str()));
        self.sidebar = Pick {
            items: (0..counts.len()).collect(),
            ..Pick::default()
        };
        self.doc_entities = counts;
        self.mention_cursor = None;
    }

    /// Scrolls the reader so that a place in the document is near the top, and marks it.
    pub fn show_in_reader(&mut self, field: Field, start: usize, end: usize) {
        let width = self.reader.width;
        self.reader = ReaderView::build(
            &self.corpus,
            self.reader.doc,
            width,
            Some((field, start, end)),
        );
        let line = self.reader.line_of(Some(field), start).unwrap_or(0);
        self.reader.scroll = line.saturating_sub(2);
        self.clamp();
    }
}
