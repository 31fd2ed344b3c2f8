//! The Markdown view of a comparison, fit to paste into a report: headed by outlet,
//! kind and period, the digest first, then a section per topic.

use super::{differences, has_content, heading, marked};
use crate::cli::output::line;
use crate::model::Document;
use crate::model::compare::{Comparison, Reference, Row, Sentence};
use crate::model::text::sanitize;
use anyhow::Result;
use std::io::Write;

/// Escapes the characters Markdown would read as markup.
pub(super) fn md_escape(s: &str) -> String {
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

/// The comparison as Markdown.
pub(super) fn write(
    cmp: &Comparison,
    (ld, rd): (&Document, &Document),
    out: &mut dyn Write,
) -> Result<()> {
    line(
        out,
        &format!("# {} vs {}", esc(&heading(ld)), esc(&heading(rd))),
    )?;
    writeln!(out)?;
    if !cmp.summary.is_empty() {
        line(out, &format!("*{}*", esc(&cmp.summary)))?;
        writeln!(out)?;
    }
    if let Some(note) = &cmp.note {
        line(out, &format!("> Note: {}", esc(note)))?;
        writeln!(out)?;
    }
    line(out, "## What changed")?;
    writeln!(out)?;
    if cmp.digest.is_empty() {
        line(
            out,
            "Nothing stands out: the same topics, names and numbers.",
        )?;
    }
    for d in &cmp.digest {
        let (topic, rest) = d.text.split_once(": ").unwrap_or(("", &d.text));
        line(out, &format!("- **{}**: {}", esc(topic), esc(rest)))?;
    }
    let (l, r) = (cmp.left_label.as_str(), cmp.right_label.as_str());
    for row in cmp.rows.iter().filter(|r| has_content(r)) {
        writeln!(out)?;
        let mark = if row.differs { " (differs)" } else { "" };
        line(out, &format!("## {}{mark}", esc(&row.label)))?;
        writeln!(out)?;
        let diffs = differences(row, (l, r));
        for d in &diffs {
            line(out, &format!("- {}", esc(d)))?;
        }
        if !diffs.is_empty() {
            writeln!(out)?;
        }
        line(out, &format!("| {} | {} |", esc(l), esc(r)))?;
        writeln!(out, "|---|---|")?;
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
            line(out, &format!("| {a} | {b} |"))?;
        }
    }
    writeln!(out)?;
    line(out, "---")?;
    writeln!(out)?;
    for (label, d) in [(l, ld), (r, rd)] {
        let id = format!("`{}`", d.id.replace('`', "'"));
        line(out, &format!("- {}: {id}, {}", esc(label), esc(&d.title)))?;
    }
    Ok(())
}
