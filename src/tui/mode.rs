//! The list of modes: which full-screen view is shown. Adding a view adds a line here
//! and one in the registry of `views/mod.rs` (the compiler points at it).

/// Which view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
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
    /// Search every article's text.
    Search,
}
