//! Where a binding applies: the contexts, their names in keymap and config files, and
//! their headings in the help.

/// Where a binding applies. Each view lists the contexts in effect, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// Everywhere except while typing a filter.
    Global,
    /// Moving through whatever list or text has focus.
    Navigation,
    /// The main screen (documents, reader, entities), any pane.
    Main,
    /// The documents pane.
    Documents,
    /// The reader pane.
    Reader,
    /// The entities pane.
    Entities,
    /// The events timeline.
    Events,
    /// Choosing one of an event's reports.
    Reports,
    /// The comparison picker.
    Picker,
    /// The comparison view.
    Compare,
    /// The corpus search view.
    Search,
    /// While typing a filter.
    Typing,
    /// While typing a date to jump to (`:`).
    Jumping,
    /// While typing a search in the reader (`/`).
    Searching,
    /// The help overlay.
    Help,
    /// Answering a question in the hint line (a tag).
    Prompt,
}

impl Context {
    /// Every context, in the order of assets/keymap.toml and of the help.
    pub const ALL: [Context; 16] = [
        Context::Global,
        Context::Navigation,
        Context::Main,
        Context::Documents,
        Context::Reader,
        Context::Entities,
        Context::Events,
        Context::Reports,
        Context::Picker,
        Context::Compare,
        Context::Search,
        Context::Typing,
        Context::Jumping,
        Context::Searching,
        Context::Help,
        Context::Prompt,
    ];

    /// The table name in keymap and config files.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Navigation => "navigation",
            Context::Main => "main",
            Context::Documents => "documents",
            Context::Reader => "reader",
            Context::Entities => "entities",
            Context::Events => "events",
            Context::Reports => "reports",
            Context::Picker => "picker",
            Context::Compare => "compare",
            Context::Search => "search",
            Context::Typing => "typing",
            Context::Jumping => "jumping",
            Context::Searching => "searching",
            Context::Help => "help",
            Context::Prompt => "prompt",
        }
    }

    /// The context a table name stands for.
    pub fn parse(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The heading shown in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "everywhere",
            Context::Navigation => "moving",
            Context::Main => "main screen",
            Context::Documents => "documents pane",
            Context::Reader => "reader pane",
            Context::Entities => "entities pane",
            Context::Events => "events timeline",
            Context::Reports => "an event's reports",
            Context::Picker => "compare picker",
            Context::Compare => "comparison",
            Context::Search => "corpus search",
            Context::Typing => "typing a filter",
            Context::Jumping => "typing a date (:)",
            Context::Searching => "typing a search in the reader (/)",
            Context::Help => "this help",
            Context::Prompt => "answering a question",
        }
    }
}
