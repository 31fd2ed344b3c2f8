//! A corpus file that was skipped or needed repair, and why.

use std::fmt;

/// A file that was skipped or needed repair, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// The path relative to the corpus root.
    pub path: String,
    /// What was wrong.
    pub reason: String,
    /// True when the file was left out of the corpus.
    pub skipped: bool,
}

impl Problem {
    /// A file or folder left out of the corpus.
    pub fn skipped(path: String, reason: String) -> Problem {
        Problem {
            path,
            reason,
            skipped: true,
        }
    }

    /// A file loaded despite the problem.
    pub fn loaded(path: String, reason: String) -> Problem {
        Problem {
            path,
            reason,
            skipped: false,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.skipped { "skipped" } else { "loaded" };
        write!(f, "{}: {} ({what})", self.path, self.reason)
    }
}
