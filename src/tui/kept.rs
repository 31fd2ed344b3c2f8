//! What the user is doing, held by document and event ids so that it outlives the corpus
//! it was done on (see `keep.rs`, which takes it and comes back to it). Indices into the
//! old corpus mean nothing in the new one; ids do.

use super::mode::Mode;
use super::views::compare::lines::ComparePlace;
use super::views::main::marks::Position;

/// A list's filter and selection, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    /// The filter typed.
    pub(super) query: String,
    /// The id of the selected item.
    pub(super) selected: Option<String>,
}

/// The hint line's question, by document id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// A tag for this document.
    Tag(String),
    /// The tag to show.
    TagFilter,
}

/// What the user is doing, in terms that survive a new corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// The view shown.
    pub(super) mode: Mode,
    /// The main screen: document, pane, reader place, filters.
    pub(super) main: Position,
    /// The reader's search in the document.
    pub(super) find: String,
    /// The entities pane's filter and entity (by entity id).
    pub(super) entities: Listed,
    /// The text being typed into, when typing (kept only if the same text is there
    /// again, so that keys never go on into another field than the one seen).
    pub(super) typed: Option<String>,
    /// The hint line's question and its answer so far.
    pub(super) prompt: Option<(Asked, String)>,
    /// The events timeline.
    pub(super) events: Listed,
    /// The picker: the left document and the list.
    pub(super) picker: Option<(String, Listed)>,
    /// The comparison's two documents (left, right) and the place in it (none while
    /// it is still being worked out).
    pub(super) compare: Option<(String, String, Option<ComparePlace>)>,
    /// The corpus search: query, and whether related news is searched too.
    pub(super) search: (String, bool),
}

impl Kept {
    /// The last run's position on the main screen (None when it does not parse).
    pub fn saved(position: &str) -> Option<Kept> {
        let main = serde_json::from_str::<Position>(position).ok()?;
        Some(Kept {
            mode: Mode::Main,
            main,
            find: String::new(),
            entities: Listed::default(),
            typed: None,
            prompt: None,
            events: Listed::default(),
            picker: None,
            compare: None,
            search: (String::new(), false),
        })
    }
}
