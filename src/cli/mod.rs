//! The command-line interface: thin subcommands over the model.

mod args;
mod compare;
mod docs;
mod entities;
mod events;
mod output;

pub use args::{Cli, Command, CompareFormat, Format, TuiArgs};

use crate::model::Corpus;
use anyhow::{Context, Result};
use clap::Parser;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// How much of a usage error line (which may echo an argument) is printed.
const USAGE_LINE_CHARS: usize = 300;

/// Parses the command line, runs it, and turns errors into a message and exit code 1.
/// A closed stdout (`dossier export | head`) ends the command quietly with exit code 0.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            output::error(&format!("{e:#}"));
            ExitCode::FAILURE
        }
    }
}

/// Help and version go to stdout as clap writes them; a usage error echoes the
/// arguments, so it is printed sanitised, without colour, and long ones cut.
fn usage_error(e: &clap::Error) -> ExitCode {
    if e.use_stderr() {
        let message = e.render().to_string();
        let lines: Vec<_> = message
            .lines()
            .map(|l| crate::model::text::shorten(l, USAGE_LINE_CHARS))
            .collect();
        output::to_stderr(&lines.join("\n"));
    } else {
        // A closed stdout under `--help` is not worth a message.
        let _ = e.print();
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let corpus = load(cli.corpus.as_deref())?;
    let Some(command) = cli.command else {
        return crate::tui::run(corpus, &cli.tui);
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write_command(&corpus, command, &mut out)?;
    Ok(out.flush()?)
}

/// Runs a subcommand over a loaded corpus, its output (already sanitised or escaped)
/// written to `out`.
pub fn write_command(corpus: &Corpus, command: Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::List { format } => docs::list(corpus, format, out),
        Command::Show { id, format } => docs::show(corpus, &id, format, out),
        Command::Export => docs::export(corpus, out),
        Command::Entities { kind, doc, format } => {
            entities::run(corpus, kind.as_deref(), doc.as_deref(), format, out)
        }
        Command::Events {
            filter,
            series,
            format,
        } => events::run(corpus, filter.as_deref(), series.as_deref(), format, out),
        Command::Compare {
            left,
            right,
            suggest,
            format,
        } => compare::run(
            corpus,
            left.as_deref(),
            right.as_deref(),
            suggest,
            format,
            out,
        ),
    }
}

/// Loads the corpus (the embedded seeds by default) and reports problem files on stderr.
pub fn load(dir: Option<&Path>) -> Result<Corpus> {
    let corpus = match dir {
        None => Corpus::seeds(),
        Some(d) => {
            Corpus::load_dir(d).with_context(|| format!("loading corpus {}", d.display()))?
        }
    };
    for p in &corpus.problems {
        output::warn(&p.to_string());
    }
    if corpus.documents.is_empty() {
        anyhow::bail!("no readable articles in the corpus");
    }
    Ok(corpus)
}
