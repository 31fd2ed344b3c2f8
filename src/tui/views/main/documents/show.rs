//! Which documents the list shows by the reader's marks: all, unread, starred or one tag.

use crate::store::DocState;

/// Which documents the list shows by the reader's marks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Show {
    /// All of them.
    #[default]
    All,
    /// Only unread ones.
    Unread,
    /// Only starred ones.
    Starred,
    /// Only those with this tag.
    Tagged(String),
}

impl Show {
    /// The next of all → unread → starred → all (a tag filter goes to all).
    #[must_use]
    pub fn next(&self) -> Show {
        match self {
            Show::All => Show::Unread,
            Show::Unread => Show::Starred,
            Show::Starred | Show::Tagged(_) => Show::All,
        }
    }

    /// How the list's title names it.
    pub fn label(&self) -> Option<String> {
        match self {
            Show::All => None,
            Show::Unread => Some("unread".into()),
            Show::Starred => Some("★ starred".into()),
            Show::Tagged(t) => Some(format!("#{t}")),
        }
    }

    /// True when a document with these marks is shown.
    pub fn keeps(&self, marks: Option<&DocState>) -> bool {
        match self {
            Show::All => true,
            Show::Unread => !marks.is_some_and(|m| m.read),
            Show::Starred => marks.is_some_and(|m| m.starred),
            Show::Tagged(t) => marks.is_some_and(|m| m.tags.contains(t)),
        }
    }
}
