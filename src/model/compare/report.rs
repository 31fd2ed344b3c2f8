//! Comparisons as text for people: the heading of each side, the change lines of a row,
//! highlighted sentences, and the whole comparison as Markdown (the CLI's
//! `--format markdown` and the interface's `w` write the same).

use super::comparison::{Change, ChangeKind, Comparison, Reference, Row, Sentence};
use crate::model::document::{Document, Kind};
use crate::model::text::sanitize;

/// "QDND half-year review, 2023-H1": outlet, kind and period, as far as known.
pub fn heading(d: &Document) -> String {
    let mut s = String::new();
    if let Some(src) = &d.source {
        s.push_str(src);
        s.push(' ');
    }
    s.push_str(if d.kind == Kind::Other {
        "article"
    } else {
        d.kind.label()
    });
    match (d.period, d.event_date.or(d.published)) {
        (Some(p), _) => s.push_str(&format!(", {p}")),
        (None, Some(date)) => s.push_str(&format!(", {date}")),
        (None, None) => {}
    }
    s
}

/// A sentence with its highlights wrapped in `open`/`close`, sanitised.
pub fn marked(s: &Sentence, open: &str, close: &str, escape: fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(a, b) in &s.highlights {
        let (Some(before), Some(hl)) = (s.text.get(at..a), s.text.get(a..b)) else {
            continue;
        };
        out.push_str(&escape(before));
        out.push_str(open);
        out.push_str(&escape(hl));
        out.push_str(close);
        at = b;
    }
    out.push_str(&escape(s.text.get(at..).unwrap_or("")));
    sanitize(&out).into_owned()
}

/// One change as a line of a row.
pub fn change_line(c: &Change) -> String {
    let what = if c.what.is_empty() {
        String::new()
    } else {
        format!(" ({})", c.what)
    };
    let status = match (&c.left_status, &c.right_status) {
        (Some(l), Some(r)) if l != r => format!(", {l} → {r}"),
        (_, Some(r)) => format!(", {r}"),
        _ => String::new(),
    };
    match c.kind {
        ChangeKind::Edition | ChangeKind::Number => {
            format!("changed: {} → {}{what}{status}", c.left, c.right)
        }
        ChangeKind::Status | ChangeKind::Role | ChangeKind::Format => {
            format!("changed {}: {} → {}", c.what, c.left, c.right)
        }
    }
}

/// The differences of a row as lines ("changed: 8th → 9th (…)", "only in X: …").
pub fn differences(row: &Row, (l, r): (&str, &str)) -> Vec<String> {
    let mut out: Vec<String> = row.changes.iter().map(change_line).collect();
    if !row.only_left.is_empty() {
        out.push(format!("only in {l}: {}", row.only_left.join("; ")));
    }
    if !row.only_right.is_empty() {
        out.push(format!("only in {r}: {}", row.only_right.join("; ")));
    }
    out
}

/// True when a row has anything to show on either side.
pub fn has_content(row: &Row) -> bool {
    !(row.left.is_empty()
        && row.right.is_empty()
        && row.left_refs.is_empty()
        && row.right_refs.is_empty())
}

/// Escapes the characters Markdown would read as markup.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn esc(s: &str) -> String {
    sanitize(&md_escape(s)).into_owned()
}

/// One table cell of a side: the sentence in full, or a reference to another section.
fn cell(s: Option<&Sentence>, r: Option<&Reference>, rows: &[Row]) -> String {
    match (s, r) {
        (Some(s), _) => marked(s, "**", "**", md_escape),
        (None, Some(r)) => {
            let under = rows.get(r.row).map_or("", |row| row.label.as_str());
            format!(
                "*see {}:* {}",
                esc(under),
                marked(&r.sentence, "**", "**", md_escape)
            )
        }
        (None, None) => String::new(),
    }
}

/// The comparison as Markdown, fit to paste into a report: headed by outlet, kind and
/// period, the digest first, then a section per topic. Every line is sanitised.
pub fn markdown(cmp: &Comparison, (ld, rd): (&Document, &Document)) -> String {
    let mut out = String::new();
    let out = &mut out;
    line(
        out,
        &format!("# {} vs {}", esc(&heading(ld)), esc(&heading(rd))),
    );
    out.push('\n');
    if !cmp.summary.is_empty() {
        line(out, &format!("*{}*", esc(&cmp.summary)));
        out.push('\n');
    }
    if let Some(note) = &cmp.note {
        line(out, &format!("> Note: {}", esc(note)));
        out.push('\n');
    }
    line(out, "## What changed");
    out.push('\n');
    if cmp.digest.is_empty() {
        line(
            out,
            "Nothing stands out: the same topics, names and numbers.",
        );
    }
    for d in &cmp.digest {
        let (topic, rest) = d.text.split_once(": ").unwrap_or(("", &d.text));
        line(out, &format!("- **{}**: {}", esc(topic), esc(rest)));
    }
    let (l, r) = (cmp.left_label.as_str(), cmp.right_label.as_str());
    for row in cmp.rows.iter().filter(|r| has_content(r)) {
        out.push('\n');
        let mark = if row.differs { " (differs)" } else { "" };
        line(out, &format!("## {}{mark}", esc(&row.label)));
        out.push('\n');
        let diffs = differences(row, (l, r));
        for d in &diffs {
            line(out, &format!("- {}", esc(d)));
        }
        if !diffs.is_empty() {
            out.push('\n');
        }
        line(out, &format!("| {} | {} |", esc(l), esc(r)));
        out.push_str("|---|---|\n");
        let (ln, rn) = (
            row.left.len() + row.left_refs.len(),
            row.right.len() + row.right_refs.len(),
        );
        for k in 0..ln.max(rn).max(1) {
            let side = |s: &[Sentence], refs: &[Reference], empty: bool| {
                if empty && k == 0 {
                    return "*(not covered)*".to_owned();
                }
                let r = k.checked_sub(s.len()).and_then(|j| refs.get(j));
                cell(s.get(k), r, &cmp.rows)
            };
            let a = side(&row.left, &row.left_refs, ln == 0);
            let b = side(&row.right, &row.right_refs, rn == 0);
            line(out, &format!("| {a} | {b} |"));
        }
    }
    out.push('\n');
    line(out, "---");
    out.push('\n');
    for (label, d) in [(l, ld), (r, rd)] {
        let id = format!("`{}`", d.id.replace('`', "'"));
        line(out, &format!("- {}: {id}, {}", esc(label), esc(&d.title)));
    }
    std::mem::take(out)
}

/// Appends `text` sanitised and a newline.
fn line(out: &mut String, text: &str) {
    out.push_str(&sanitize(text));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_highlights_and_escapes_markdown() {
        let s = Sentence {
            text: "The 9th | exchange".into(),
            field: crate::model::Field::Body(0),
            start: 0,
            end: 18,
            highlights: vec![(4, 7)],
            aspect: super::super::Aspect::Neutral,
        };
        assert_eq!(
            marked(&s, "**", "**", md_escape),
            "The **9th** \\| exchange"
        );
        assert_eq!(marked(&s, "«", "»", str::to_owned), "The «9th» | exchange");
    }
}
