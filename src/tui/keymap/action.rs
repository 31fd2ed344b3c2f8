//! What a key (or a mouse event) asks for. Keymap files name actions in snake_case
//! (`next_mention`); mouse actions carry data and are made by the views, never bound.

use serde::Deserialize;

/// A pane of a view, for mouse actions: the main screen's three, or the one pane of a
/// full-screen view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The document list.
    Documents,
    /// The article.
    Reader,
    /// The entities of the article.
    Entities,
    /// The only pane of a full-screen view (events, picker, comparison).
    Full,
}

/// What a key or mouse event does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the selection (or scroll) one line up.
    Up,
    /// One line down.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// To the first item / top.
    Top,
    /// To the last item / bottom.
    Bottom,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Open / confirm.
    Enter,
    /// Close / clear / go back.
    Back,
    /// Leave the program.
    Quit,
    /// Stop the program until the shell's `fg` (Ctrl-Z).
    Suspend,
    /// Start typing a fuzzy filter on the focused list.
    Filter,
    /// Open the events timeline.
    Events,
    /// Compare the selected document with another.
    Compare,
    /// Show the key help.
    Help,
    /// Jump to the next mention of the selected entity.
    NextMention,
    /// Jump to the previous mention.
    PrevMention,
    /// The reader: the next hit of its search (no search: the next mention).
    NextHit,
    /// The previous hit (or mention).
    PrevHit,
    /// Sort the document list by the next key (date, outlet, kind, title; match).
    Sort,
    /// Jump to a date or period typed after `:`.
    JumpDate,
    /// Open the corpus search.
    Search,
    /// Corpus search: search related-news tails too (or not).
    Related,
    /// Jump to the next topic of a comparison.
    NextTopic,
    /// Jump to the previous topic.
    PrevTopic,
    /// Select the next line of a comparison's change digest.
    NextChange,
    /// Select the previous line of the digest.
    PrevChange,
    /// Swap the two sides of a comparison.
    Swap,
    /// Show only the topics where the two sides differ.
    OnlyDiffs,
    /// Toggle mouse capture (off: the terminal's own text selection works).
    ToggleMouse,
    /// Show the entities pane (narrow terminals) / go back to the reader.
    Entities,
    /// Mark the document read or unread.
    ToggleRead,
    /// Star or unstar the document.
    Star,
    /// Add a tag to the document (or remove one it has).
    Tag,
    /// Show only the documents with a tag.
    FilterTag,
    /// Show all documents, then only unread, then only starred ones.
    CycleFilter,
    /// Write a note on the document in `$EDITOR`.
    Note,
    /// Copy what is under the cursor (sentence, entity, event, row) to the clipboard.
    Copy,
    /// Copy the document's clean text.
    CopyText,
    /// Write the current view as Markdown to a file.
    Write,
    /// Load the corpus again from its folder.
    Reload,
    /// Scroll what has focus by some lines (the mouse wheel while typing or in the help).
    #[serde(skip)]
    Scroll(i16),
    /// Scroll a pane by some lines without focusing it (the mouse wheel over it).
    #[serde(skip)]
    ScrollPane {
        /// The pane under the pointer.
        pane: Pane,
        /// Lines; negative is up.
        delta: i16,
    },
    /// Focus a pane and select the item drawn on a row of it (a left click).
    #[serde(skip)]
    Click {
        /// The pane clicked.
        pane: Pane,
        /// The row inside its border, if the click was not on the border.
        row: Option<u16>,
    },
}

impl Action {
    /// The snake_case name keymap files use; `None` for mouse actions.
    pub fn name(self) -> Option<&'static str> {
        use Action as A;
        Some(match self {
            A::Up => "up",
            A::Down => "down",
            A::PageUp => "page_up",
            A::PageDown => "page_down",
            A::Top => "top",
            A::Bottom => "bottom",
            A::FocusNext => "focus_next",
            A::FocusPrev => "focus_prev",
            A::Enter => "enter",
            A::Back => "back",
            A::Quit => "quit",
            A::Suspend => "suspend",
            A::Filter => "filter",
            A::Events => "events",
            A::Compare => "compare",
            A::Help => "help",
            A::NextMention => "next_mention",
            A::PrevMention => "prev_mention",
            A::NextHit => "next_hit",
            A::PrevHit => "prev_hit",
            A::Sort => "sort",
            A::JumpDate => "jump_date",
            A::Search => "search",
            A::Related => "related",
            A::NextTopic => "next_topic",
            A::PrevTopic => "prev_topic",
            A::NextChange => "next_change",
            A::PrevChange => "prev_change",
            A::Swap => "swap",
            A::OnlyDiffs => "only_diffs",
            A::ToggleMouse => "toggle_mouse",
            A::Entities => "entities",
            A::ToggleRead => "toggle_read",
            A::Star => "star",
            A::Tag => "tag",
            A::FilterTag => "filter_tag",
            A::CycleFilter => "cycle_filter",
            A::Note => "note",
            A::Copy => "copy",
            A::CopyText => "copy_text",
            A::Write => "write",
            A::Reload => "reload",
            A::Scroll(_) | A::ScrollPane { .. } | A::Click { .. } => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct One {
        run: Action,
    }

    #[test]
    fn names_round_trip_through_serde() {
        for name in [
            "up",
            "page_down",
            "next_mention",
            "only_diffs",
            "toggle_mouse",
        ] {
            let one: One = toml::from_str(&format!("run = \"{name}\"")).expect(name);
            assert_eq!(one.run.name(), Some(name));
        }
        assert!(toml::from_str::<One>("run = \"click\"").is_err());
        assert!(toml::from_str::<One>("run = \"NextMention\"").is_err());
    }
}
