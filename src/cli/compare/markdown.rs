//! The Markdown view of a comparison (built by the model, shared with the interface).

use crate::cli::output::line;
use crate::model::Document;
use crate::model::compare::Comparison;
use crate::model::compare::report;
use anyhow::Result;
use std::io::Write;

pub(super) use crate::model::compare::report::md_escape;

/// Writes the comparison as Markdown.
pub(super) fn write(
    cmp: &Comparison,
    docs: (&Document, &Document),
    out: &mut dyn Write,
) -> Result<()> {
    for l in report::markdown(cmp, docs).lines() {
        line(out, l)?;
    }
    Ok(())
}
