//! `dossier compare`. (Placeholder until the comparison lands.)

use super::CompareFormat;
use crate::model::Corpus;
use std::io::Write;

/// Compares two documents, or lists suggested pairs.
pub fn run(
    _corpus: &Corpus,
    _left: Option<&str>,
    _right: Option<&str>,
    _suggest: bool,
    _format: CompareFormat,
    _out: &mut dyn Write,
) -> anyhow::Result<()> {
    anyhow::bail!("`dossier compare` is not available yet")
}
