//! What every view may read and a few things any view may set: the corpus, the theme,
//! the keymap, the status message, and the waker that background work uses. Each view
//! keeps its own state in its own struct (`views/`); this is the rest.

use super::keymap::Keymap;
use super::theme::Theme;
use super::views::search_index::BodyIndex;
use super::work::Waker;
use super::workspace::Workspace;
use crate::model::Corpus;
use crate::model::filter::FuzzyIndex;
use std::sync::Arc;

/// State shared by all views.
#[derive(Debug)]
pub struct Shared {
    /// The model (never changed by the interface; shared with worker threads).
    pub corpus: Arc<Corpus>,
    /// Every document, newest first (built once).
    pub newest_first: Arc<Vec<usize>>,
    /// The fuzzy index documents are found by (built once; the documents pane and the
    /// picker search it).
    pub doc_index: Arc<FuzzyIndex>,
    /// Per entity, the documents that mention it (built once).
    pub by_entity: Arc<Vec<Vec<u32>>>,
    /// The corpus search index, built by the first search that needs it.
    pub body_index: BodyIndex,
    /// Colours.
    pub theme: Theme,
    /// The keys in effect.
    pub keymap: Keymap,
    /// True while a filter is being typed (the focused list shows a cursor).
    pub typing: bool,
    /// A one-off message for the hint line (cleared by the next key).
    pub status: Option<String>,
    /// Wakes the event loop when background work is done; `None` runs work in place
    /// (tests, benches).
    pub waker: Option<Waker>,
    /// The reader's marks (read, starred, tags, notes) and where they are saved.
    pub workspace: Workspace,
    /// While the corpus loads: how far it has got ("loading 1,200 / 20,000 files").
    pub loading: Option<String>,
}
