//! What one step of the parser finds at the start of the buffer, and how long an
//! unfinished sequence may grow before it is taken for junk.

use crossterm::event::Event;

/// Longer than any key or mouse report: such a "sequence" is junk.
pub(super) const MAX_SEQUENCE: usize = 64;

/// What the bytes at the start of the buffer are.
pub(super) enum Parsed {
    /// An event, from this many bytes.
    Event(Event, usize),
    /// This many bytes mean nothing to dossier (or are junk).
    Skip(usize),
    /// The start of something that needs more bytes.
    Incomplete,
}
