//! What the command line tells the interface (the CLI converts its arguments into this;
//! the interface knows nothing of clap).

use std::path::PathBuf;

/// Options of the terminal interface.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse at start (`--no-mouse` turns it off; `m` toggles).
    pub mouse: bool,
    /// The config file given with `--config`, instead of the default place.
    pub config: Option<PathBuf>,
}
