//! `dossier compare --suggest`: the comparisons worth reading, with their reasons.

use super::markdown::md_escape;
use crate::cli::CompareFormat;
use crate::cli::output::{self, fit, line};
use crate::model::Corpus;
use crate::model::compare::Suggestion;
use anyhow::Result;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// Writes the suggested pairs in `format`.
pub(super) fn write(
    corpus: &Corpus,
    list: &[Suggestion],
    format: CompareFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let title = |i: usize| corpus.documents.get(i).map_or("", |d| d.title.as_str());
    match format {
        CompareFormat::Json => output::json(out, &list),
        CompareFormat::Text => {
            if list.is_empty() {
                return Ok(writeln!(
                    out,
                    "no suggested comparisons (they need reviews with a known kind, period and source)"
                )?);
            }
            let idw = list
                .iter()
                .flat_map(|s| [s.left.width(), s.right.width()])
                .max()
                .unwrap_or(4)
                .max(4);
            line(
                out,
                &format!("SCORE {} {} WHY", fit("LEFT", idw), fit("RIGHT", idw)),
            )?;
            for s in list {
                line(
                    out,
                    &format!(
                        "{:>5.2} {} {} {}",
                        s.score,
                        fit(&s.left, idw),
                        fit(&s.right, idw),
                        s.reason
                    ),
                )?;
            }
            Ok(())
        }
        CompareFormat::Markdown => {
            writeln!(out, "| Score | Left | Right | Why |\n|---|---|---|---|")?;
            for s in list {
                let doc = |id: &str, i: usize| {
                    format!("`{}` {}", id.replace('`', "'"), md_escape(title(i)))
                };
                line(
                    out,
                    &format!(
                        "| {:.2} | {} | {} | {} |",
                        s.score,
                        doc(&s.left, s.left_index),
                        doc(&s.right, s.right_index),
                        md_escape(&s.reason)
                    ),
                )?;
            }
            Ok(())
        }
    }
}
