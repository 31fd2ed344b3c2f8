//! What the person patterns share: the title spellings matched at an offset, and the
//! titles read before a name.

use crate::model::entities::anchored::Longest;
use crate::model::entities::titles::Titles;
use std::sync::OnceLock;

/// The title spellings, matched at a given offset: the longest one that starts there
/// (what the alternation of them all, longest first, matched as a regex).
pub(super) struct Compiled {
    titles: Longest,
}

impl Compiled {
    /// The length of the longest title spelling at the start of `s`.
    pub(super) fn title(&self, s: &str) -> Option<usize> {
        self.titles.at(s.as_bytes(), 0).map(|(_, end)| end)
    }
}

/// The title spellings, compiled once per process.
pub(super) fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| Compiled {
        titles: Longest::new(&Titles::embedded().spellings)
            .expect("title spellings build an automaton"),
    })
}

/// The titles read before a name.
#[derive(Default)]
pub(super) struct Read {
    /// The rank, by canonical name.
    pub(super) rank: Option<String>,
    /// The office, as written.
    pub(super) office: Option<String>,
}
