//! What the command line tells the interface (the CLI converts its arguments into this;
//! the interface knows nothing of clap).

use crate::model::overrides::Overrides;
use std::path::PathBuf;
use std::sync::Arc;

/// Options of the terminal interface.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Capture the mouse at start (`--no-mouse` turns it off; `m` toggles).
    pub mouse: bool,
    /// The config file given with `--config`, instead of the default place.
    pub config: Option<PathBuf>,
    /// The state file (`None`: run without saved state, `--no-state`).
    pub state: Option<PathBuf>,
    /// The corpus folder (`None`: the embedded seeds): the state's key, and what `R` and
    /// `--watch` load again.
    pub corpus: Option<PathBuf>,
    /// The user's corrections, applied on every load.
    pub overrides: Option<Arc<Overrides>>,
    /// Follow changes to the corpus folder (`--watch`).
    pub watch: bool,
    /// The cache of built models (`None`: `--no-cache`, or no home folder).
    pub cache: Option<PathBuf>,
    /// Where `w` writes Markdown (`--out`; default the current folder).
    pub out: Option<PathBuf>,
}
