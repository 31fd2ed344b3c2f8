//! `dossier entities`. (Placeholder until the extractor lands.)

use super::Format;
use crate::model::Corpus;
use std::io::Write;

/// Lists entities, optionally of one kind or one document, sorted by mentions.
pub fn run(
    _corpus: &Corpus,
    _kind: Option<&str>,
    _doc: Option<&str>,
    _format: Format,
    _out: &mut dyn Write,
) -> anyhow::Result<()> {
    anyhow::bail!("`dossier entities` is not available yet")
}
