//! Jumping to a date or period (`:` then `2023`, `2023-H1`, `2024-05`, `2024-05-17`) in
//! the document list and the events timeline: the selection moves as the text is typed,
//! to the first item in (or else past) it; Esc, or erasing the text, goes back.

use crate::model::filter::jump::{self, DateRange};
use crate::tui::pick::Pick;

/// What the `:` prompt needs to remember.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Jump {
    /// As typed.
    pub text: String,
    /// The row selected before the jump (restored when the text is erased).
    pub from: usize,
}

/// What typing `text` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Nothing typed: back where it started.
    Back,
    /// Not (yet) a date or period.
    Unreadable,
    /// This range.
    Range(DateRange),
}

/// Reads the prompt's text.
pub fn target(text: &str) -> Target {
    if text.trim().is_empty() {
        return Target::Back;
    }
    jump::parse(text).map_or(Target::Unreadable, Target::Range)
}

/// The status line after a jump: None when it moved, else why not.
pub fn status(text: &str, target: Target, found: bool) -> Option<String> {
    match target {
        Target::Back => None,
        Target::Unreadable => Some("a date or period: 2023, 2023-H1, 2024-05, 2024-05-17".into()),
        Target::Range(_) if found => None,
        Target::Range(_) => Some(format!("nothing dated {} or after", text.trim())),
    }
}

/// Takes the prompt's new `text` and moves `pick`'s selection: back where it was when
/// the text is erased, else to the row `position` finds among the items for the range
/// typed. The status to show, if any (None, and nothing moved, without a prompt).
pub fn type_text(
    jump: Option<&mut Jump>,
    pick: &mut Pick,
    text: String,
    position: impl FnOnce(&[usize], DateRange) -> Option<usize>,
) -> Option<String> {
    let j = jump?;
    j.text = text;
    let target = target(&j.text);
    let row = match target {
        Target::Back => Some(j.from),
        Target::Unreadable => None,
        Target::Range(r) => position(&pick.items, r),
    };
    if let Some(row) = row {
        pick.select(row);
    }
    status(&j.text, target, row.is_some())
}

/// The bottom line of a list's frame while the prompt is open.
pub fn prompt(text: &str) -> String {
    format!(" :{}▏ ", crate::tui::wrap::truncate(text, 24))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_and_says_why_not() {
        assert_eq!(target("  "), Target::Back);
        assert_eq!(target("2023-H"), Target::Unreadable);
        assert!(matches!(target("2023-H1"), Target::Range(_)));
        assert_eq!(status("2023", target("2023"), true), None);
        assert_eq!(
            status("1990", target("1990"), false).as_deref(),
            Some("nothing dated 1990 or after")
        );
        assert!(status("20", target("20"), false).is_some_and(|s| s.contains("2023-H1")));
    }
}
