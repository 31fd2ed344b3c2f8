//! The notes of a comparison as screen lines: the change digest at the top (one entry
//! per changed topic, each pointing at its row) with a legend, and under each row its
//! linked changes and the names only one side has. The texts come from the documents,
//! so they go through [`wrap`], which sanitises.

use crate::model::compare::{Comparison, Row};
use crate::tui::wrap::{Seg, Wrapped, wrap};

/// One-sided names listed under a row at most; the rest are counted.
const NAMED: usize = 6;

/// What the marks and colours of the comparison mean (one line).
pub const LEGEND: &str =
    "≠ differs · coloured: differs · » changed, one side only · ↳ see other topic";

/// `text` wrapped to `width` with `first` before its first line and as many spaces
/// before the others.
fn bulleted(text: &str, first: &str, width: usize) -> Vec<Wrapped> {
    let indent = " ".repeat(first.chars().count());
    let mut out = wrap(text, width.saturating_sub(indent.len()).max(1), &[]);
    for (k, w) in out.iter_mut().enumerate() {
        let lead = if k == 0 { first } else { indent.as_str() };
        w.segs.insert(
            0,
            Seg {
                text: lead.to_owned(),
                tag: None,
            },
        );
    }
    out
}

/// The digest's entries as bulleted lines, each with the index of its entry.
pub fn digest_lines(cmp: &Comparison, width: usize) -> Vec<(usize, Wrapped)> {
    cmp.digest
        .iter()
        .enumerate()
        .flat_map(|(k, d)| {
            bulleted(&d.text, "• ", width)
                .into_iter()
                .map(move |w| (k, w))
        })
        .collect()
}

/// A linked change as a line under its row ("changed: 8th → 9th (…), held"): the same
/// words as the CLI's and the Markdown's.
pub use crate::model::compare::report::change_line as change_text;

/// "only in 2023-H1: a; b; c (+4 more)"; `None` for an empty list. The model may end a
/// long list with "… and N more", which is counted in.
pub fn only_text(side: &str, items: &[String]) -> Option<String> {
    let (capped, named): (Vec<&String>, Vec<&String>) =
        items.iter().partition(|s| s.starts_with('…'));
    if named.is_empty() {
        return None;
    }
    let hidden: usize = capped
        .iter()
        .filter_map(|s| {
            s.strip_prefix("… and ")?
                .strip_suffix(" more")?
                .parse::<usize>()
                .ok()
        })
        .sum();
    let shown: Vec<&str> = named.iter().take(NAMED).map(|s| s.as_str()).collect();
    let rest = named.len() - shown.len() + hidden;
    let more = if rest > 0 {
        format!(" (+{rest} more)")
    } else {
        String::new()
    };
    Some(format!("only in {side}: {}{more}", shown.join("; ")))
}

/// The lines under a row: each linked change, then what only the left and only the
/// right side names; `labels` are the sides' short names.
pub fn change_lines(row: &Row, (left, right): (&str, &str), width: usize) -> Vec<Wrapped> {
    let texts = row
        .changes
        .iter()
        .map(change_text)
        .chain(only_text(left, &row.only_left))
        .chain(only_text(right, &row.only_right));
    texts.flat_map(|t| bulleted(&t, "» ", width)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::{Change, ChangeKind};

    #[test]
    fn changes_name_both_sides() {
        let mut e = Change::new(
            ChangeKind::Edition,
            "Mekong friendship exchange",
            "3rd",
            "4th",
        );
        e.left_status = Some("upcoming".into());
        e.right_status = Some("held".into());
        assert_eq!(
            change_text(&e),
            "changed: 3rd → 4th (Mekong friendship exchange), upcoming → held"
        );
        let f = Change::new(ChangeKind::Format, "format", "in person", "online");
        assert_eq!(change_text(&f), "changed format: in person → online");
        let n = Change::new(ChangeKind::Number, "", "12", "15");
        assert_eq!(change_text(&n), "changed: 12 → 15");
    }

    #[test]
    fn one_sided_lists_are_cut_and_counted() {
        assert_eq!(only_text("left", &[]), None);
        let items: Vec<String> = (1..=8).map(|i| format!("n{i}")).collect();
        assert_eq!(
            only_text("A", &items).as_deref(),
            Some("only in A: n1; n2; n3; n4; n5; n6 (+2 more)")
        );
        let capped = vec!["x".to_owned(), "… and 30 more".to_owned()];
        assert_eq!(
            only_text("B", &capped).as_deref(),
            Some("only in B: x (+30 more)")
        );
    }

    #[test]
    fn change_lines_wrap_under_a_bullet_and_never_pass_the_width() {
        let row = Row {
            topic: "t".into(),
            label: "T".into(),
            short: "T".into(),
            left: Vec::new(),
            right: Vec::new(),
            left_refs: Vec::new(),
            right_refs: Vec::new(),
            only_left: vec!["a rather long name of a joint committee\u{1b}[2J".into()],
            only_right: Vec::new(),
            changes: vec![Change::new(ChangeKind::Number, "", "4", "6")],
            differs: true,
        };
        let lines = change_lines(&row, ("L", "R"), 24);
        let texts: Vec<String> = lines
            .iter()
            .map(|w| w.segs.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(texts[0], "» changed: 4 → 6");
        assert!(texts[1].starts_with("» only in L: a"), "{texts:?}");
        assert!(texts[2].starts_with("  "), "{texts:?}");
        assert!(texts.iter().all(|t| crate::tui::wrap::str_width(t) <= 24));
        assert!(!texts.concat().contains('\u{1b}'));
    }
}
