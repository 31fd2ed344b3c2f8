//! What the user is doing, held by document and event ids so that it outlives the corpus
//! it was done on: when the finished load replaces the preview of its first documents,
//! and on `R` and `--watch` reloads, the interface comes back to the same view, the same
//! document and place in it, the same filters (run again over the new corpus), the same
//! comparison and the same event, as far as they still exist ([`Kept`]).

use super::app::App;
use super::kept::{Asked, Kept, Listed};
use super::mode::Mode;
use super::views::compare::lines::ComparePlace;
use super::views::main::marks::Position;
use super::views::view::{Ask, Request, View};

impl App {
    /// What the user is doing now.
    pub fn kept(&self) -> Kept {
        let corpus = &self.shared.corpus;
        let id = |d: usize| corpus.documents.get(d).map(|d| d.id.clone());
        let views = &self.views;
        let mut main = views.main.position(&self.shared);
        // A document waiting for its query's results is the one selected.
        if let Some(d) = views.main.docs.pending {
            main.doc = id(d);
        }
        let event_id = |e: usize| corpus.events.get(e).map(|e| e.id.clone());
        let typed = self
            .shared
            .typing
            .then(|| self.typed_text().map(str::to_owned))
            .flatten();
        let prompt = self.prompt.as_ref().and_then(|p| {
            let ask = match p.ask {
                Ask::Tag(d) => Asked::Tag(id(d)?),
                Ask::TagFilter => Asked::TagFilter,
            };
            Some((ask, p.text.clone()))
        });
        let picker = &views.picker;
        Kept {
            mode: self.mode,
            main,
            find: views.main.reader.found.query.clone(),
            entities: self.kept_entities(),
            typed,
            prompt,
            events: Listed {
                query: views.events.pick.query.clone(),
                selected: views.events.pick.current().and_then(event_id),
            },
            picker: picker.left.and_then(id).map(|left| {
                let selected = picker.pick.current().and_then(id);
                let query = picker.pick.query.clone();
                (left, Listed { query, selected })
            }),
            compare: views
                .compare
                .pair()
                .and_then(|(l, r)| Some((id(l)?, id(r)?, views.compare.place()))),
            search: (views.search.pick.query.clone(), views.search.related),
        }
    }

    /// The entities pane's filter and selected entity.
    fn kept_entities(&self) -> Listed {
        let pane = &self.views.main.entities;
        let selected = pane.pick.current().and_then(|k| pane.list.get(k));
        let entities = &self.shared.corpus.entities;
        Listed {
            query: pane.pick.query.clone(),
            selected: selected
                .and_then(|&(e, _)| entities.get(e))
                .map(|e| e.id.clone()),
        }
    }

    /// The entities pane as kept, over the document the reader shows now.
    fn restore_entities(&mut self, l: &Listed) {
        let corpus = &self.shared.corpus;
        let pane = &mut self.views.main.entities;
        if !l.query.is_empty() {
            pane.pick.query.clone_from(&l.query);
            pane.refilter(corpus);
        }
        let entity = l
            .selected
            .as_ref()
            .and_then(|id| corpus.entities.iter().position(|e| e.id == *id));
        let row = entity.and_then(|e| {
            let items = &pane.pick.items;
            items
                .iter()
                .position(|&k| pane.list.get(k).is_some_and(|x| x.0 == e))
        });
        if let Some(row) = row {
            pane.pick.select(row);
        }
    }

    /// The text typing goes into: the help's filter or the shown view's.
    fn typed_text(&self) -> Option<&str> {
        match &self.help {
            Some(h) => Some(&h.query),
            None => self.view().query(),
        }
    }

    /// Comes back to what was kept, over the corpus shown now; what no longer exists is
    /// left out (a comparison with a document gone stays on the main screen, and says so).
    pub fn restore_kept(&mut self, k: &Kept) {
        self.restore_main(&k.main);
        self.restore_entities(&k.entities);
        if !k.find.is_empty() {
            let main = &mut self.views.main;
            main.reader.search(&self.shared.corpus, &k.find);
        }
        match k.mode {
            Mode::Main => {}
            Mode::Events => self.restore_events(&k.events),
            Mode::Picker => self.restore_picker(k.picker.as_ref()),
            Mode::Compare => self.restore_compare(k.compare.as_ref()),
            Mode::Search => {
                self.open(Mode::Search, Request::Nothing);
                let (query, related) = &k.search;
                self.views.search.related = *related;
                let search = &mut self.views.search;
                search.set_query(&mut self.shared, query.clone());
            }
        }
        self.restore_prompt(k.prompt.as_ref());
        self.shared.typing = k.typed.is_some() && k.typed.as_deref() == self.typed_text();
        self.fit();
    }

    /// The main screen as kept; the reader's place waits for a filter's results when
    /// they are still being searched for ([`App::resume_place`]).
    fn restore_main(&mut self, p: &Position) {
        self.mode = Mode::Main;
        self.views.main.restore(&mut self.shared, p);
        self.fit();
        self.resume = self.views.main.docs.pending.is_some().then(|| p.clone());
    }

    /// Once the kept document is selected again (its filter's results arrived), the
    /// reader goes back to the kept place in it; true when it did.
    pub fn resume_place(&mut self) -> bool {
        let Some(p) = self.resume.take() else {
            return false;
        };
        if self.views.main.docs.pending.is_some() {
            self.resume = Some(p);
            return false;
        }
        let main = &mut self.views.main;
        let now = main.docs.pick.current();
        let corpus = &self.shared.corpus;
        if now.is_some() && now == p.doc.as_ref().and_then(|id| corpus.document(id)) {
            main.place_reader(&self.shared, &p);
        }
        self.fit();
        true
    }

    fn restore_events(&mut self, l: &Listed) {
        self.open(Mode::Events, Request::Nothing);
        let events = &mut self.views.events;
        if !l.query.is_empty() {
            events.set_query(&mut self.shared, l.query.clone());
        }
        let events = &self.shared.corpus.events;
        let selected = l
            .selected
            .as_ref()
            .and_then(|id| events.iter().position(|e| e.id == *id));
        let pick = &mut self.views.events.pick;
        if let Some(row) = selected.and_then(|e| pick.items.iter().position(|&x| x == e)) {
            pick.select(row);
        }
    }

    fn restore_picker(&mut self, kept: Option<&(String, Listed)>) {
        let corpus = &self.shared.corpus;
        let Some((left, l)) = kept.and_then(|(id, l)| Some((corpus.document(id)?, l))) else {
            return;
        };
        let selected = l.selected.as_ref().and_then(|id| corpus.document(id));
        self.open(Mode::Picker, Request::Document(left));
        let picker = &mut self.views.picker;
        if !l.query.is_empty() {
            picker.set_query(&mut self.shared, l.query.clone());
        }
        let pick = &mut picker.pick;
        if let Some(row) = selected.and_then(|d| pick.items.iter().position(|&x| x == d)) {
            pick.select(row);
        }
    }

    fn restore_compare(&mut self, kept: Option<&(String, String, Option<ComparePlace>)>) {
        let corpus = &self.shared.corpus;
        let found =
            kept.and_then(|(l, r, place)| Some((corpus.document(l)?, corpus.document(r)?, *place)));
        match found {
            Some((l, r, place)) => {
                self.open(Mode::Compare, Request::Pair(l, r));
                if let Some(place) = place {
                    self.views.compare.resume(place);
                }
            }
            None => {
                let why = "the comparison closed: one of its documents is gone";
                self.shared.status = Some(match self.shared.status.take() {
                    Some(s) => format!("{s}; {why}"),
                    None => why.to_owned(),
                });
            }
        }
    }

    fn restore_prompt(&mut self, prompt: Option<&(Asked, String)>) {
        self.prompt = None;
        let Some((asked, text)) = prompt else {
            return;
        };
        let ask = match asked {
            Asked::Tag(id) => match self.shared.corpus.document(id) {
                Some(d) => Ask::Tag(d),
                None => return,
            },
            Asked::TagFilter => Ask::TagFilter,
        };
        self.ask(ask);
        if let Some(p) = self.prompt.as_mut() {
            p.text.clone_from(text);
        }
    }
}
