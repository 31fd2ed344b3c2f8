//! The terminal interface. (Placeholder until the TUI lands.)

use crate::cli::TuiArgs;
use crate::model::Corpus;

/// Opens the terminal interface on a corpus.
pub fn run(corpus: Corpus, _args: &TuiArgs) -> anyhow::Result<()> {
    println!(
        "dossier: {} documents loaded. The terminal interface is not built yet; try `dossier list`, `dossier show ID` or `dossier export`.",
        corpus.documents.len()
    );
    Ok(())
}
