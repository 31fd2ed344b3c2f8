//! The command-line interface: thin subcommands over the model.

mod args;
mod compare;
mod docs;
mod entities;
mod events;
mod output;
mod progress;
mod shell;
mod state;
mod values;

pub use args::{Cli, Command, CompareFormat, Format, Shell, TuiArgs};

use crate::model::Corpus;
use crate::model::corpus::BuildOptions;
use crate::model::overrides::Overrides;
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
    if cli.tui.print_default_config {
        use std::io::Write;
        return Ok(std::io::stdout().write_all(crate::tui::config::default_text().as_bytes())?);
    }
    let mut out = std::io::stdout().lock();
    match &cli.command {
        Some(Command::Completions { shell }) => return shell::completions(*shell, &mut out),
        Some(Command::Man) => return shell::man(&mut out),
        _ => {}
    }
    let overrides = state::overrides(&cli)?;
    if cli.command.is_none() {
        // The interface loads the corpus itself, showing its progress.
        let mut options = cli.tui.options();
        options.corpus.clone_from(&cli.corpus);
        options.overrides = overrides.map(|(_, o)| std::sync::Arc::new(o));
        options.state = state::state_file(&cli);
        return crate::tui::run(&options);
    }
    let corpus = load_with(cli.corpus.as_deref(), overrides.as_ref().map(|(_, o)| o))?;
    if let Some((path, o)) = &overrides {
        state::report_unknown_ids(path, o, &corpus);
    }
    let wants_state = matches!(
        cli.command,
        Some(Command::List { .. } | Command::Show { .. })
    );
    let key = state::corpus_key(cli.corpus.as_deref());
    let mut store = wants_state.then(|| state::open(&cli)).flatten();
    if let Some(s) = store.as_mut() {
        state::reconcile(s, &key, &corpus);
    }
    match cli.command {
        None => Ok(()),
        Some(Command::List { tag, format }) => match tag {
            None => docs::list(&corpus, format, &mut out),
            Some(tag) => state::list_tagged(&corpus, store.as_ref(), &key, &tag, format, &mut out),
        },
        Some(Command::Show { id, format }) => {
            docs::show(&corpus, &id, format, &mut out)?;
            match &store {
                Some(s) if format == Format::Text => state::show(&corpus, s, &key, &id, &mut out),
                _ => Ok(()),
            }
        }
        Some(Command::Export) => docs::export(&corpus, &mut out),
        Some(Command::Entities { kind, doc, format }) => {
            entities::run(&corpus, kind.as_deref(), doc.as_deref(), format, &mut out)
        }
        Some(Command::Events {
            filter,
            series,
            format,
        }) => {
            if let Some(s) = series.as_deref() {
                values::check_series(&corpus, s)?;
            }
            events::run(
                &corpus,
                filter.as_deref(),
                series.as_deref(),
                format,
                &mut out,
            )
        }
        Some(Command::Compare {
            left,
            right,
            suggest,
            format,
        }) => compare::run(
            &corpus,
            left.as_deref(),
            right.as_deref(),
            suggest,
            format,
            &mut out,
        ),
        Some(Command::Completions { .. } | Command::Man) => Ok(()),
    }
}

/// Loads the corpus (the embedded seeds by default) and reports problem files on stderr.
pub fn load(dir: Option<&Path>) -> Result<Corpus> {
    load_with(dir, None)
}

/// [`load`] with the user's overrides applied, a progress bar on stderr when it is a
/// terminal, and a note for each file that is an exact copy of another.
pub fn load_with(dir: Option<&Path>, overrides: Option<&Overrides>) -> Result<Corpus> {
    let bar = progress::Bar::on_stderr();
    let options = BuildOptions {
        overrides,
        observer: &bar,
    };
    let corpus = match dir {
        None => Corpus::seeds_with(options),
        Some(d) => Corpus::load_dir_with(d, options)
            .with_context(|| format!("loading corpus {}", d.display()))?,
    };
    drop(bar);
    for (original, copy) in corpus.duplicates().pairs() {
        eprintln!(
            "dossier: note: {} is an exact copy of {} (listed as a copy, not a second report)",
            crate::model::text::sanitize(&corpus.documents[copy].path),
            crate::model::text::sanitize(&corpus.documents[original].path)
        );
    }
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
