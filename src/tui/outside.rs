//! What the interface asks of the world outside it, carried out by the event loop
//! (`run.rs`) so that the reducer stays a pure function of keys that tests can drive:
//! the clipboard, files, the user's editor, and loading the corpus again. Also the line
//! of text the hint line asks for.

use super::views::view::Ask;

/// One thing for the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    /// Put text on the clipboard (OSC 52); `what` names it in the status line.
    Copy {
        /// "the sentence", "the entity", …
        what: String,
        /// The text, not yet sanitised.
        text: String,
    },
    /// Write Markdown to a new file named after `name`.
    Write {
        /// The view's name ("timeline", a document id, …).
        name: String,
        /// The Markdown.
        text: String,
    },
    /// Edit the note of document `doc`, starting from `text`.
    Note {
        /// The document (index in the corpus shown).
        doc: usize,
        /// The note as it is.
        text: String,
    },
    /// Load the corpus again.
    Reload,
}

/// A line being typed in the hint line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What it is for.
    pub ask: Ask,
    /// What is typed so far.
    pub text: String,
    /// The question, shown before the text.
    pub label: String,
}
