//! Command-line arguments (clap).

use crate::model::EntityKind;
use clap::builder::PossibleValuesParser;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// dossier: read a corpus of defence-diplomacy news articles like an analyst.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None, after_help = examples(&[
    ("dossier --corpus ~/articles", "read your own folder of articles in the interface"),
    ("dossier list --corpus ~/articles", "the same documents, one line each"),
]))]
pub struct Cli {
    /// Folder of .txt/.md articles to load instead of the embedded seeds.
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Where reading state is kept, read/unread, stars, tags, notes, position
    /// [default: $XDG_DATA_HOME/dossier/state.sqlite].
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_state")]
    pub state: Option<PathBuf>,
    /// Run without saved state: nothing is read or written.
    #[arg(long, global = true)]
    pub no_state: bool,
    /// Build the model afresh: the cache of built models ($XDG_CACHE_HOME/dossier) is
    /// neither read nor written.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Your corrections of titles, outlets, dates, periods and kinds, per document id
    /// [default: $XDG_CONFIG_HOME/dossier/overrides.toml].
    #[arg(long, global = true, value_name = "FILE")]
    pub overrides: Option<PathBuf>,
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
    /// Config file (theme, keys) instead of $XDG_CONFIG_HOME/dossier/config.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Print a config file with every default (theme and keys) and exit.
    #[arg(long)]
    pub print_default_config: bool,
    /// Follow the corpus folder: new, changed and removed files show within a second.
    #[arg(long)]
    pub watch: bool,
    /// Folder where `w` writes Markdown files [default: the current folder].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

impl TuiArgs {
    /// The interface's own options.
    pub fn options(&self) -> crate::tui::Options {
        crate::tui::Options {
            mouse: !self.no_mouse,
            config: self.config.clone(),
            watch: self.watch,
            out: self.out.clone(),
            ..crate::tui::Options::default()
        }
    }
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

/// The "Examples:" section of a `--help`: each command with what it does.
fn examples(list: &[(&str, &str)]) -> String {
    let mut out = String::from("Examples:\n");
    for (cmd, what) in list {
        out.push_str(&format!("  {cmd}\n      {what}\n"));
    }
    out
}

/// The entity kinds `--kind` accepts.
fn entity_kinds() -> PossibleValuesParser {
    PossibleValuesParser::new(EntityKind::ALL.map(EntityKind::as_str))
}

/// The shells `dossier completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// GNU Bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per document, newest first.
    #[command(after_help = examples(&[
        ("dossier list --corpus ~/articles", "every article of the folder, newest first"),
        ("dossier list --tag border --format json", "the documents you tagged \"border\", as JSON"),
    ]))]
    List {
        /// Only documents you gave this tag (in the interface).
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// One cleaned article with its metadata.
    #[command(after_help = examples(&[
        ("dossier show 003", "the document whose id starts with 003"),
        ("dossier show 003 --format json", "the same with its entities, as JSON"),
    ]))]
    Show {
        /// The document id (file stem) or a unique prefix of it.
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The whole model as JSON.
    #[command(after_help = examples(&[
        ("dossier export --corpus ~/articles > model.json", "documents, entities, events and problems"),
        ("dossier export | jq '.events[].name'", "the names on the event timeline"),
    ]))]
    Export,
    /// Entities (people, organisations, places, events, laws), most mentioned first.
    #[command(after_help = examples(&[
        ("dossier entities --kind person", "the people of the corpus, most mentioned first"),
        ("dossier entities --doc 003 --format json", "what one document names, as JSON"),
    ]))]
    Entities {
        /// Only this kind.
        #[arg(long, value_parser = entity_kinds(), ignore_case = true)]
        kind: Option<String>,
        /// Only entities of this document (id or unique prefix).
        #[arg(long)]
        doc: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The event timeline, optionally fuzzy-filtered.
    #[command(after_help = examples(&[
        ("dossier events --filter \"border 9\"", "events matching every term, best first"),
        ("dossier events --series exchange", "one series of events (an unknown one lists them all)"),
    ]))]
    Events {
        /// Filter: every word must match the name, series, kind, status, place, date, people
        /// or outlets (whole words, word starts, initials, pieces of names) or a sentence
        /// naming the event (whole words); case and diacritics ignored.
        #[arg(long)]
        filter: Option<String>,
        /// Only events of this series (a word of its name is enough; an unknown one is
        /// answered with the corpus' series).
        #[arg(long)]
        series: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Full-text search: documents containing every word or "quoted phrase", best first.
    Search {
        /// Words (whole words; `word*` for a prefix) and "quoted phrases"; case and
        /// diacritics are ignored.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Search the related-news tails too.
        #[arg(long)]
        related: bool,
        /// The most documents shown.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Two articles side by side, aligned by topic; or `--suggest` for pairs worth reading.
    #[command(after_help = examples(&[
        ("dossier compare 004 000", "two reviews side by side, topic by topic"),
        ("dossier compare --suggest", "the pairs worth comparing, best first"),
    ]))]
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
    /// A shell completion script, printed for your shell to load.
    #[command(after_help = examples(&[
        ("source <(dossier completions bash)", "complete dossier's subcommands and flags in this bash"),
        ("dossier completions fish > ~/.config/fish/completions/dossier.fish", "install them for fish"),
    ]))]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// The manual page, printed as roff.
    #[command(after_help = examples(&[
        ("dossier man | man -l -", "read the manual"),
        ("dossier man > ~/.local/share/man/man1/dossier.1", "install it for `man dossier`"),
    ]))]
    Man,
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
