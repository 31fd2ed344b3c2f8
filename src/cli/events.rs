//! `dossier events`. (Placeholder until the timeline lands.)

use super::Format;
use crate::model::Corpus;
use std::io::Write;

/// Prints the event timeline, optionally fuzzy-filtered and limited to one series.
pub fn run(
    _corpus: &Corpus,
    _filter: Option<&str>,
    _series: Option<&str>,
    _format: Format,
    _out: &mut dyn Write,
) -> anyhow::Result<()> {
    anyhow::bail!("`dossier events` is not available yet")
}
