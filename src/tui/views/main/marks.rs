//! The main screen's side of the reader's marks: marking a document read when it is
//! opened, the keys that mark and filter, and the position saved between runs.

use super::Main;
use super::documents::Show;
use super::layout::Focus;
use crate::tui::keymap::action::Action;
use crate::tui::shared::Shared;
use serde::{Deserialize, Serialize};

/// Where the reader was on the main screen, saved per corpus as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Position {
    /// The selected document's id.
    pub doc: Option<String>,
    /// The focused pane: "documents", "reader" or "entities".
    pub pane: String,
    /// The reader's first visible line (used when `place` is not found).
    pub scroll: usize,
    /// The first line of text from the reader's top: which of the document's fields (in
    /// reading order) and the byte it starts at; unlike a line number, it survives a
    /// change of width.
    pub place: Option<(usize, usize)>,
    /// The documents filter typed.
    pub query: String,
    /// The marks filter: "unread", "starred", "tag:NAME" or empty.
    pub show: String,
    /// The id of the entity the list is restricted to.
    pub entity: Option<String>,
}

impl Main {
    /// A document is read once the reader pane has it with focus (choosing it in the
    /// list alone does not count: the reader follows the selection).
    pub(super) fn mark_opened(&mut self, shared: &mut Shared) {
        if self.focus != Focus::Reader {
            self.opened = None;
            return;
        }
        if self.reader.doc == self.opened {
            return;
        }
        self.opened = self.reader.doc;
        if let Some(doc) = self.reader.doc
            && !shared.workspace.is_read(doc)
            && let Some(e) = shared.workspace.set_read(&shared.corpus, doc, true)
        {
            shared.status = Some(e);
        }
    }

    /// Read/unread, star, and the marks filter.
    pub(super) fn mark(&mut self, shared: &mut Shared, action: Action) {
        if action == Action::CycleFilter {
            let next = self.docs.show.next();
            self.docs.set_show(next, &shared.workspace);
            let what = self.docs.show.label().unwrap_or_else(|| "all".into());
            shared.status = Some(format!("showing {what} documents"));
            return;
        }
        let Some(doc) = self.docs.pick.current() else {
            shared.status = Some("no document selected".into());
            return;
        };
        let ws = &mut shared.workspace;
        let corpus = &shared.corpus;
        let (msg, err) = if action == Action::Star {
            let on = !ws.get(doc).is_some_and(|m| m.starred);
            let err = ws.set_starred(corpus, doc, on);
            (if on { "starred" } else { "star removed" }, err)
        } else {
            let read = !ws.is_read(doc);
            let err = ws.set_read(corpus, doc, read);
            (if read { "marked read" } else { "marked unread" }, err)
        };
        shared.status = Some(err.unwrap_or_else(|| msg.to_owned()));
        // The reader's header shows the star: build it again.
        self.reader.width = 0;
    }

    /// Where the reader is now.
    pub fn position(&self, shared: &Shared) -> Position {
        let corpus = &shared.corpus;
        Position {
            doc: self
                .docs
                .pick
                .current()
                .and_then(|d| corpus.documents.get(d))
                .map(|d| d.id.clone()),
            pane: match self.focus {
                Focus::Documents => "documents",
                Focus::Reader => "reader",
                Focus::Entities => "entities",
            }
            .into(),
            scroll: self.reader.scroll,
            place: self.top_place(shared),
            query: self.docs.pick.query.clone(),
            show: match &self.docs.show {
                Show::All => String::new(),
                Show::Unread => "unread".into(),
                Show::Starred => "starred".into(),
                Show::Tagged(t) => format!("tag:{t}"),
            },
            entity: self
                .docs
                .entity
                .and_then(|e| corpus.entities.get(e))
                .map(|e| e.id.clone()),
        }
    }

    /// Goes back to a saved position; what no longer exists (a document, an entity) is
    /// left out.
    pub fn restore(&mut self, shared: &mut Shared, p: &Position) {
        let corpus = &shared.corpus;
        let entity = p
            .entity
            .as_ref()
            .and_then(|id| corpus.entities.iter().position(|e| e.id == *id));
        let doc = p.doc.as_ref().and_then(|id| corpus.document(id));
        let show = match p.show.as_str() {
            "unread" => Show::Unread,
            "starred" => Show::Starred,
            s => s
                .strip_prefix("tag:")
                .map_or(Show::All, |t| Show::Tagged(t.to_owned())),
        };
        self.docs.entity = entity;
        self.docs.pick.query.clone_from(&p.query);
        self.docs.set_show(show, &shared.workspace);
        self.docs.set_entity(entity);
        if let Some(d) = doc {
            match self.docs.pick.items.iter().position(|&x| x == d) {
                Some(row) => self.docs.pick.select(row),
                // The query's results are still being searched for.
                None => self.docs.pending = Some(d),
            }
        }
        self.focus = match p.pane.as_str() {
            "reader" => Focus::Reader,
            "entities" => Focus::Entities,
            _ => Focus::Documents,
        };
        self.sync(shared);
        self.place_reader(shared, p);
    }

    /// Scrolls the reader to the saved place in the document it shows.
    pub fn place_reader(&mut self, shared: &Shared, p: &Position) {
        let line = p.place.and_then(|(k, start)| {
            let d = shared.corpus.documents.get(self.reader.doc?)?;
            let field = d.fields().nth(k)?.0;
            self.reader.line_of(Some(field), start)
        });
        let max = self.reader.max_scroll(self.panes.reader);
        self.reader.scroll = line.unwrap_or(p.scroll).min(max);
    }

    /// The first line of text at or below the reader's top, as (field ordinal, start).
    fn top_place(&self, shared: &Shared) -> Option<(usize, usize)> {
        if self.reader.scroll == 0 {
            return None;
        }
        let d = shared.corpus.documents.get(self.reader.doc?)?;
        let line = self
            .reader
            .lines
            .iter()
            .skip(self.reader.scroll)
            .find(|l| l.field.is_some())?;
        let k = d.fields().position(|(f, _)| Some(f) == line.field)?;
        Some((k, line.start))
    }
}
