//! The Markdown view of a comparison, fit to paste into a report.

use super::{describe, differences, marked, short_ids};
use crate::cli::output::line;
use crate::model::Document;
use crate::model::compare::{Comparison, Sentence};
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

/// The comparison as Markdown: a metadata table, then a section per topic with a
/// two-column table and the differences as a list.
pub(super) fn markdown(
    cmp: &Comparison,
    (ld, rd): (&Document, &Document),
    out: &mut dyn Write,
) -> Result<()> {
    let esc = |s: &str| sanitize(&md_escape(s)).into_owned();
    let ids = short_ids(&cmp.left, &cmp.right);
    line(
        out,
        &format!("# Comparison: {} and {}", esc(ids.0), esc(ids.1)),
    )?;
    writeln!(out)?;
    writeln!(out, "| | Left | Right |")?;
    writeln!(out, "|---|---|---|")?;
    let code = |id: &str| format!("`{}`", id.replace('`', "'"));
    line(
        out,
        &format!("| Document | {} | {} |", code(&cmp.left), code(&cmp.right)),
    )?;
    line(
        out,
        &format!("| Title | {} | {} |", esc(&ld.title), esc(&rd.title)),
    )?;
    line(
        out,
        &format!(
            "| About | {} | {} |",
            esc(&describe(ld)),
            esc(&describe(rd))
        ),
    )?;
    for row in &cmp.rows {
        writeln!(out)?;
        let mark = if row.differs { " (differs)" } else { "" };
        line(out, &format!("## {}{mark}", esc(&row.label)))?;
        writeln!(out)?;
        line(out, &format!("| {} | {} |", esc(ids.0), esc(ids.1)))?;
        writeln!(out, "|---|---|")?;
        let cell = |s: Option<&Sentence>, empty: bool| match s {
            Some(s) => marked(s, "**", "**", md_escape),
            None if empty => "*(not covered)*".into(),
            None => String::new(),
        };
        for k in 0..row.left.len().max(row.right.len()).max(1) {
            let a = cell(row.left.get(k), row.left.is_empty() && k == 0);
            let b = cell(row.right.get(k), row.right.is_empty() && k == 0);
            writeln!(out, "| {a} | {b} |")?;
        }
        let diffs = differences(row, ids);
        if !diffs.is_empty() {
            writeln!(out)?;
            for d in diffs {
                line(out, &format!("- {}", esc(&d)))?;
            }
        }
    }
    Ok(())
}
