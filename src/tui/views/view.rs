//! The trait every full-screen view implements, in the spirit of gitui's `Component`:
//! a view says which key contexts it has, updates itself from an action, draws itself
//! from its own state and [`Shared`], and turns mouse events into actions. What it
//! asks of the rest of the interface (go back, open another view, type a filter) it
//! returns as an [`Effect`]; the app carries it out.

use crate::model::Field;
use crate::tui::keymap::Context;
use crate::tui::keymap::action::Action;
use crate::tui::mode::Mode;
use crate::tui::shared::Shared;
use crossterm::event::MouseEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

/// What a view is opened with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Nothing in particular.
    Nothing,
    /// A document (the picker: the left side of the comparison).
    Document(usize),
    /// Two documents (the comparison).
    Pair(usize, usize),
    /// A place in a document (the reader: an event's sentence, a search hit).
    Place {
        /// The document.
        doc: usize,
        /// The field.
        field: Field,
        /// First byte of the place in the field.
        start: usize,
        /// One past its last byte.
        end: usize,
    },
}

/// What the app does after a view handled an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing more.
    None,
    /// Start typing into the view's filter ([`View::query`]).
    Type,
    /// Back to the main screen.
    Back,
    /// Show another view, opened with a request.
    Open(Mode, Request),
    /// Ask the reader for a line of text (typed in the hint line).
    Ask(Ask),
    /// Edit the note of a document in the user's editor.
    EditNote(usize),
}

/// What a line typed in the hint line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    /// A tag to add to (or remove from) a document.
    Tag(usize),
    /// The tag whose documents the list shows.
    TagFilter,
}

/// A full-screen view.
pub trait View {
    /// The key contexts in effect, most specific first; the app adds
    /// [`Context::Global`].
    fn contexts(&self) -> Vec<Context>;
    /// Applies an action bound in those contexts (or a mouse action from
    /// [`View::mouse`]).
    fn update(&mut self, shared: &mut Shared, action: Action) -> Effect;
    /// Draws the view into `area`. Never changes anything.
    fn draw(&self, shared: &Shared, frame: &mut Frame, area: Rect);
    /// Adapts to the area the view is drawn in (called after every change and resize;
    /// cheap when nothing changed).
    fn fit(&mut self, shared: &mut Shared, area: Rect);
    /// Turns a mouse event into an action, by what is under the pointer.
    fn mouse(&self, event: &MouseEvent) -> Option<Action> {
        let _ = event;
        None
    }
    /// The filter that typing edits, when the focused list has one.
    fn query(&self) -> Option<&str> {
        None
    }
    /// The keys in effect while typing into [`View::query`]: a filter's, or (after
    /// `:`) a date's.
    fn typing_context(&self) -> Context {
        Context::Typing
    }
    /// Sets that filter and refilters.
    fn set_query(&mut self, shared: &mut Shared, query: String) {
        let _ = (shared, query);
    }
    /// Called when another view opens this one.
    fn open(&mut self, shared: &mut Shared, request: Request) {
        let _ = (shared, request);
    }
    /// Applies results of background work that arrived; true when something changed.
    fn poll(&mut self, shared: &mut Shared) -> bool {
        let _ = shared;
        false
    }
    /// True while background work for this view is running.
    fn busy(&self) -> bool {
        false
    }
}
