//! The documents pane: every document in the chosen order (`s`), narrowed by a word
//! filter (titles, outlets, periods, entity names by name; body text by whole words;
//! ranked on a worker thread, newest query winning) and by an entity chosen in the entities
//! pane. The entity filter tests a bitset built from per-entity document lists made
//! once at start, so choosing an entity costs one pass over the list, however many
//! documents mention it.

mod draw;
mod index;
mod show;

pub use index::{Lookup, documents_index, search_text};
pub use show::Show;

use crate::model::Corpus;
use crate::model::filter::Matches;
use crate::model::filter::jump::{Direction, document_position};
use crate::model::filter::sort::{SortKey, document_order};
use crate::tui::layout::inner;
use crate::tui::pick::Pick;
use crate::tui::shared::Shared;
use crate::tui::views::jump::{self, Jump};
use crate::tui::views::widgets::SHOWN;
use crate::tui::work::Latest;
use crate::tui::workspace::Workspace;
use ratatui::layout::Rect;
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// Screen lines per document in the list.
pub const ROW_HEIGHT: usize = 2;

/// The documents pane.
#[derive(Debug)]
pub struct Documents {
    /// What is shown and selected.
    pub pick: Pick,
    /// How many documents match the query (may exceed what is shown).
    pub matched: usize,
    /// The entity whose documents the list is restricted to.
    pub entity: Option<usize>,
    /// Every document, newest first.
    order: Vec<usize>,
    search: Latest<(String, usize), Matches>,
    /// Per entity, the documents that mention it outside related news, ascending.
    by_entity: Arc<Vec<Vec<u32>>>,
    /// With an entity chosen: one bit per document, set when it mentions the entity.
    allowed: Vec<u64>,
    /// Which documents by the reader's marks.
    pub show: Show,
    /// With a marks filter: the documents it keeps, fixed when it was chosen (so that a
    /// document read while only unread ones are listed stays until the filter changes).
    kept: Option<FxHashSet<usize>>,
    /// A document to select once the search results that hold it arrive.
    pub pending: Option<usize>,
    /// The order (`s`): None is best match first with a query, newest first without.
    pub sort: Option<SortKey>,
    /// Each document's place in `order` (ranks a query's hits when sorted).
    place: Vec<u32>,
    /// The `:` prompt, while a date is typed (and after, until the next `/`).
    pub jump: Option<Jump>,
    /// The query's hits (and marks) as ranked, to sort again without searching again.
    ranked: (Vec<usize>, Vec<Vec<usize>>),
}

impl Documents {
    /// The pane over a corpus, newest first, with its search thread when the app has one.
    pub fn new(shared: &Shared) -> Documents {
        let order = shared.newest_first.to_vec();
        let search = crate::tui::views::search_filters::documents(shared);
        Documents {
            pick: Pick {
                items: order.clone(),
                ..Pick::default()
            },
            matched: order.len(),
            entity: None,
            order,
            search,
            by_entity: Arc::clone(&shared.by_entity),
            allowed: Vec::new(),
            show: Show::All,
            kept: None,
            pending: None,
            sort: None,
            place: Vec::new(),
            jump: None,
            ranked: (Vec::new(), Vec::new()),
        }
    }

    /// True while a query narrows the list (its hits come ranked).
    fn querying(&self) -> bool {
        !self.pick.query.trim().is_empty()
    }

    /// What the list is sorted by, for its title.
    pub fn sort_label(&self) -> &'static str {
        match self.sort {
            None if self.querying() => "match",
            k => k.unwrap_or_default().label(),
        }
    }

    /// Sorts by the next key: date, outlet, kind, title, and with a query, best match
    /// again; the selected document stays selected.
    pub fn cycle_sort(&mut self, corpus: &Corpus) {
        let querying = self.querying();
        self.sort = match self.sort {
            Some(SortKey::Title) if querying => None,
            None if querying => Some(SortKey::Date),
            k => Some(k.unwrap_or_default().next()),
        };
        self.order = document_order(corpus, self.sort.unwrap_or_default());
        self.place = vec![0; self.order.len()];
        for (at, &d) in self.order.iter().enumerate() {
            if let Some(p) = self.place.get_mut(d) {
                *p = u32::try_from(at).unwrap_or(u32::MAX);
            }
        }
        let keep = self.pick.current();
        if querying {
            let (items, marks) = self.ranked.clone();
            let (items, marks) = self.sorted(items, marks);
            self.pick.set(items, marks, keep);
        } else {
            self.refilter();
        }
    }

    /// A query's hits in the chosen order (as ranked when by match).
    fn sorted(&self, items: Vec<usize>, marks: Vec<Vec<usize>>) -> (Vec<usize>, Vec<Vec<usize>>) {
        if self.sort.is_none() || self.place.is_empty() {
            return (items, marks);
        }
        let mut rows: Vec<(usize, Vec<usize>)> = items
            .into_iter()
            .zip(marks.into_iter().chain(std::iter::repeat_with(Vec::new)))
            .collect();
        rows.sort_by_key(|(d, _)| self.place.get(*d).copied().unwrap_or(u32::MAX));
        rows.into_iter().unzip()
    }

    /// Opens the `:` prompt.
    pub fn start_jump(&mut self) {
        self.jump = Some(Jump {
            text: String::new(),
            from: self.pick.selected,
        });
    }

    /// Takes the `:` prompt's text and moves the selection; the status to show, if any.
    pub fn jump_to(&mut self, corpus: &Corpus, text: String) -> Option<String> {
        jump::type_text(self.jump.as_mut(), &mut self.pick, text, |items, r| {
            document_position(corpus, items, r, Direction::NewestFirst)
        })
    }

    fn allows(&self, d: usize) -> bool {
        if self.kept.as_ref().is_some_and(|k| !k.contains(&d)) {
            return false;
        }
        self.entity.is_none()
            || self
                .allowed
                .get(d / 64)
                .is_some_and(|w| (w >> (d % 64)) & 1 == 1)
    }

    /// Restricts the list to the documents of an entity (or lifts the restriction).
    pub fn set_entity(&mut self, entity: Option<usize>) {
        self.entity = entity;
        self.allowed.clear();
        if let Some(docs) = entity.and_then(|e| self.by_entity.get(e)) {
            self.allowed = vec![0; self.order.len().div_ceil(64)];
            for &d in docs {
                if let Some(w) = self.allowed.get_mut(d as usize / 64) {
                    *w |= 1 << (d % 64);
                }
            }
        }
        self.refilter();
    }

    /// Shows only the documents with some marks (or all), as they are marked now.
    pub fn set_show(&mut self, show: Show, marks: &Workspace) {
        self.kept = (show != Show::All).then(|| {
            self.order
                .iter()
                .copied()
                .filter(|&d| show.keeps(marks.get(d)))
                .collect()
        });
        self.show = show;
        self.refilter();
    }

    /// True when a filter narrows the list (query, entity or marks).
    pub fn filtered(&self) -> bool {
        !self.pick.query.is_empty() || self.entity.is_some() || self.kept.is_some()
    }

    /// Refilters after the query or the entity changed: newest first without a query,
    /// else the query is posted to the search thread.
    pub fn refilter(&mut self) {
        let query = self.pick.query.trim().to_owned();
        if !query.is_empty() {
            // With an entity chosen, every hit is needed: the best 1000 may all be
            // documents without it.
            let limit = if self.entity.is_some() || self.kept.is_some() {
                usize::MAX
            } else {
                SHOWN
            };
            self.search.request((query, limit));
            self.poll();
            return;
        }
        self.search.forget();
        let keep = self.pick.current();
        let items: Vec<usize> = self
            .order
            .iter()
            .copied()
            .filter(|&d| self.allows(d))
            .collect();
        self.matched = items.len();
        self.pick.set(items, Vec::new(), keep);
    }

    /// Shows search results that arrived; true when there were some.
    pub fn poll(&mut self) -> bool {
        let Some(m) = self.search.poll() else {
            return false;
        };
        let (items, marks): (Vec<usize>, Vec<Vec<usize>>) = m
            .hits
            .into_iter()
            .filter(|h| self.allows(h.index))
            .map(|h| (h.index, h.positions))
            .unzip();
        self.matched = if self.entity.is_some() || self.kept.is_some() {
            items.len()
        } else {
            m.total
        };
        self.ranked = (items.clone(), marks.clone());
        let (items, marks) = self.sorted(items, marks);
        self.pick.set(items, marks, None);
        if let Some(d) = self.pending.take()
            && let Some(row) = self.pick.items.iter().position(|&x| x == d)
        {
            self.pick.select(row);
        }
        true
    }

    /// True while a query is being searched.
    pub fn busy(&self) -> bool {
        self.search.busy()
    }

    /// Clears the query, the entity and the marks filter.
    pub fn clear(&mut self) {
        self.pick.query.clear();
        self.show = Show::All;
        self.kept = None;
        self.set_entity(None);
    }

    /// Selects a document, clearing the filters first when it is not shown.
    pub fn reveal(&mut self, doc: usize) {
        if !self.pick.items.contains(&doc) {
            self.clear();
        }
        if let Some(row) = self.pick.items.iter().position(|&d| d == doc) {
            self.pick.select(row);
        }
    }

    /// Keeps the selection visible in a pane of this size.
    pub fn fit(&mut self, area: Option<Rect>) {
        self.pick.select(self.pick.selected);
        if let Some(r) = area {
            let shown = (usize::from(inner(r).height) / ROW_HEIGHT).max(1);
            self.pick.reveal(self.pick.selected, shown, self.pick.len());
        }
    }

    /// The document shown on a row inside the pane.
    pub fn at_row(&self, row: u16) -> usize {
        self.pick.offset + usize::from(row) / ROW_HEIGHT
    }
}
