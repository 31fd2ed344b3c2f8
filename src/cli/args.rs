//! Command-line arguments (clap).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// dossier: read a corpus of defence-diplomacy news articles like an analyst.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None)]
pub struct Cli {
    /// Folder of .txt/.md articles to load instead of the embedded seeds.
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Options of the terminal interface (used when no subcommand is given).
    #[command(flatten)]
    pub tui: TuiArgs,
    /// What to do; without one, the terminal interface opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options of the terminal interface.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TuiArgs {
    /// Leave the mouse to the terminal (native text selection); `m` toggles it too.
    #[arg(long)]
    pub no_mouse: bool,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Aligned text for people.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per document, newest first.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// One cleaned article with its metadata.
    Show {
        /// The document id (file stem) or a unique prefix of it.
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The whole model as JSON.
    Export,
    /// Entities (people, organisations, places, events, laws), most mentioned first.
    Entities {
        /// Only this kind: person, org, place, event or law.
        #[arg(long)]
        kind: Option<String>,
        /// Only entities of this document (id or unique prefix).
        #[arg(long)]
        doc: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The event timeline, optionally fuzzy-filtered.
    Events {
        /// Fuzzy filter: every space-separated term must match (case and diacritics ignored).
        #[arg(long)]
        filter: Option<String>,
        /// Only events of this series.
        #[arg(long)]
        series: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Two articles side by side, aligned by topic; or `--suggest` for pairs worth reading.
    Compare {
        /// Left document id (or unique prefix).
        #[arg(required_unless_present = "suggest")]
        left: Option<String>,
        /// Right document id (or unique prefix).
        #[arg(required_unless_present = "suggest")]
        right: Option<String>,
        /// List suggested comparisons instead.
        #[arg(long, conflicts_with_all = ["left", "right"])]
        suggest: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: CompareFormat,
        /// Width of the text output in columns (default: the terminal's, else 100).
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },
}

/// Output formats of `dossier compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CompareFormat {
    /// Two aligned columns for people.
    #[default]
    Text,
    /// Markdown fit to paste into a report.
    Markdown,
    /// JSON for scripts.
    Json,
}
