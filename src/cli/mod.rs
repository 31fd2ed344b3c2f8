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
use std::path::Path;
use std::process::ExitCode;

/// Parses the command line, runs it, and turns errors into a message and exit code 1.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<()> {
    let corpus = load(cli.corpus.as_deref())?;
    let mut out = std::io::stdout().lock();
    match cli.command {
        None => crate::tui::run(corpus, &cli.tui),
        Some(Command::List { format }) => docs::list(&corpus, format, &mut out),
        Some(Command::Show { id, format }) => docs::show(&corpus, &id, format, &mut out),
        Some(Command::Export) => docs::export(&corpus, &mut out),
        Some(Command::Entities { kind, doc, format }) => {
            entities::run(&corpus, kind.as_deref(), doc.as_deref(), format, &mut out)
        }
        Some(Command::Events {
            filter,
            series,
            format,
        }) => events::run(
            &corpus,
            filter.as_deref(),
            series.as_deref(),
            format,
            &mut out,
        ),
        Some(Command::Compare {
            left,
            right,
            suggest,
            format,
            width,
        }) => {
            let req = compare::Request {
                left: left.as_deref(),
                right: right.as_deref(),
                suggest,
                format,
                width,
            };
            compare::run(&corpus, req, &mut out)
        }
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
        eprintln!(
            "dossier: warning: {}",
            crate::model::text::sanitize(&p.to_string())
        );
    }
    if corpus.documents.is_empty() {
        anyhow::bail!("no readable articles in the corpus");
    }
    Ok(corpus)
}
