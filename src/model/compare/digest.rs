//! The change digest: the few lines an analyst would note about a comparison, one per
//! row that changed ("Border: 8th → 9th Vietnam–China … (held); new: …"), then the
//! topics only one side covers.

use super::comparison::{Change, ChangeKind, DigestLine, Row};
use rustc_hash::FxHashSet;

/// Lines in a digest at most.
pub const MAX_LINES: usize = 10;
/// Changes and one-sided items named per line at most.
const PER_LINE: usize = 3;
/// Longest "what" kept in a line.
const MAX_WHAT: usize = 60;

/// How the digest refers to the two sides.
#[derive(Debug, Clone, Copy)]
pub struct SideNames<'a> {
    /// Short name of the left side ("QDND 2023-H1").
    pub left: &'a str,
    /// Short name of the right side.
    pub right: &'a str,
    /// True when the right side is the later one, so what only it has is new.
    pub right_is_later: bool,
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= MAX_WHAT {
        return s.to_owned();
    }
    let cut: String = s.chars().take(MAX_WHAT - 1).collect();
    format!("{}…", cut.trim_end())
}

/// An ordinal word as digits ("seventh" → "7th"), so editions read alike on both sides.
fn as_digits(s: &str) -> String {
    let words = &super::words::words().ordinal_words;
    match words.iter().position(|w| w.eq_ignore_ascii_case(s)) {
        Some(i) => crate::model::text::ordinal(i as u32 + 1),
        None => s.to_owned(),
    }
}

/// "Rotation 2" → "Rotation 4" reads "Rotation 2 → 4".
fn arrow(left: &str, right: &str) -> String {
    let (lw, rw): (Vec<&str>, Vec<&str>) = (left.split(' ').collect(), right.split(' ').collect());
    if lw.len() == 2 && rw.len() == 2 && lw[0] == rw[0] {
        format!("{} {} → {}", lw[0], lw[1], rw[1])
    } else {
        format!("{left} → {right}")
    }
}

/// One change as a digest phrase.
pub fn phrase(c: &Change) -> String {
    let what = shorten(&c.what);
    let with_what = |s: String| {
        if what.is_empty() {
            s
        } else {
            format!("{s} {what}")
        }
    };
    match c.kind {
        ChangeKind::Edition => {
            let status = match (&c.left_status, &c.right_status) {
                (Some(l), Some(r)) if l != r => format!(" ({l} → {r})"),
                (_, Some(r)) => format!(" ({r})"),
                _ => String::new(),
            };
            let (l, r) = (as_digits(&c.left), as_digits(&c.right));
            format!("{}{status}", with_what(arrow(&l, &r)))
        }
        ChangeKind::Number => with_what(arrow(&c.left, &c.right)),
        ChangeKind::Status | ChangeKind::Role | ChangeKind::Format => {
            format!("{what}: {} → {}", c.left, c.right)
        }
    }
}

/// Up to [`PER_LINE`] of `items` not named in an earlier line, and how many more there are.
fn list(items: &[String], named: &mut FxHashSet<String>) -> Option<String> {
    let fresh: Vec<&String> = items
        .iter()
        .filter(|s| !s.starts_with('…') && !named.contains(*s))
        .collect();
    if fresh.is_empty() {
        return None;
    }
    named.extend(fresh.iter().map(|s| (*s).clone()));
    let shown: Vec<String> = fresh.iter().take(PER_LINE).map(|s| shorten(s)).collect();
    // The list may end with "… and N more" (see `one_sided`).
    let hidden: usize = items
        .iter()
        .filter_map(|s| {
            s.strip_prefix("… and ")?
                .strip_suffix(" more")?
                .parse::<usize>()
                .ok()
        })
        .sum();
    let rest = fresh.len() - shown.len() + hidden;
    Some(if rest > 0 {
        format!("{} (+{rest} more)", shown.join(", "))
    } else {
        shown.join(", ")
    })
}

/// The digest of a comparison's rows.
pub fn digest(rows: &[Row], names: SideNames) -> Vec<DigestLine> {
    let mut lines: Vec<(bool, DigestLine)> = Vec::new();
    // One-sided items already named, per side: each is named once, in its first row.
    let mut named: (FxHashSet<String>, FxHashSet<String>) = Default::default();
    for (i, row) in rows.iter().enumerate() {
        let mut parts: Vec<String> = row.changes.iter().take(PER_LINE).map(phrase).collect();
        if row.changes.len() > PER_LINE {
            let more = row.changes.len() - PER_LINE;
            parts.push(format!(
                "{more} more change{}",
                if more == 1 { "" } else { "s" }
            ));
        }
        if let Some(items) = list(&row.only_right, &mut named.1) {
            let lead = if names.right_is_later {
                "new".to_owned()
            } else {
                format!("only in {}", names.right)
            };
            parts.push(format!("{lead}: {items}"));
        }
        if let Some(items) = list(&row.only_left, &mut named.0) {
            parts.push(format!("only in {}: {items}", names.left));
        }
        if !parts.is_empty() {
            let mut text = format!("{}: {}", row.short, parts.join("; "));
            if !text.ends_with('…') {
                text.push('.');
            }
            let substantive = row.changes.iter().any(|c| {
                matches!(
                    c.kind,
                    ChangeKind::Edition | ChangeKind::Number | ChangeKind::Status
                )
            });
            lines.push((!substantive, DigestLine { topic_row: i, text }));
        }
    }
    // Editions, numbers and statuses first; then the rest, each in row order.
    lines.sort_by_key(|(rest, line)| (*rest, line.topic_row));
    let mut lines: Vec<DigestLine> = lines.into_iter().map(|(_, l)| l).collect();
    for (i, row) in rows.iter().enumerate() {
        let one_side = match (row.left.is_empty(), row.right.is_empty()) {
            (true, false) if row.left_refs.is_empty() => names.right,
            (false, true) if row.right_refs.is_empty() => names.left,
            _ => continue,
        };
        if lines.iter().any(|l: &DigestLine| l.topic_row == i) {
            continue;
        }
        lines.push(DigestLine {
            topic_row: i,
            text: format!("{}: covered only by {one_side}.", row.short),
        });
    }
    lines.truncate(MAX_LINES);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_read_like_a_note() {
        let mut c = Change::new(
            ChangeKind::Edition,
            "Vietnam–China Border Defence Friendship Exchange",
            "8th",
            "9th",
        );
        c.right_status = Some("held".into());
        assert_eq!(
            phrase(&c),
            "8th → 9th Vietnam–China Border Defence Friendship Exchange (held)"
        );
        c.left_status = Some("in preparation".into());
        assert!(phrase(&c).ends_with("(in preparation → held)"));
        let r = Change::new(
            ChangeKind::Edition,
            "Level-2 Field Hospital",
            "Rotation 5",
            "Rotation 7",
        );
        assert_eq!(phrase(&r), "Rotation 5 → 7 Level-2 Field Hospital");
        let n = Change::new(ChangeKind::Number, "countries", "more than 100", "110");
        assert_eq!(phrase(&n), "more than 100 → 110 countries");
        let f = Change::new(ChangeKind::Format, "format", "online", "hybrid");
        assert_eq!(phrase(&f), "format: online → hybrid");
    }

    #[test]
    fn lists_are_cut_with_a_count() {
        let items: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
        let mut named = FxHashSet::default();
        assert_eq!(
            list(&items, &mut named).as_deref(),
            Some("a, b, c (+2 more)")
        );
        assert_eq!(list(&items[..2], &mut named), None, "already named");
        let capped: Vec<String> = ["f", "… and 7 more"].map(String::from).to_vec();
        assert_eq!(list(&capped, &mut named).as_deref(), Some("f (+7 more)"));
    }
}
