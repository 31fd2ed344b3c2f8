//! The command-line interface: thin subcommands over the model.

mod args;
mod compare;
mod docs;
mod entities;
mod events;
mod output;
mod progress;
mod search;
mod shell;
mod state;
mod values;

pub use args::{Cli, Command, CompareFormat, Format, Shell, TuiArgs};

use crate::model::Corpus;
use crate::model::corpus::BuildOptions;
use crate::model::overrides::Overrides;
use crate::store::cache::{self, Cache};
use crate::store::loader::CorpusSource;
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
    if cli.tui.print_default_config {
        return Ok(std::io::stdout().write_all(crate::tui::config::default_text().as_bytes())?);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match &cli.command {
        Some(Command::Completions { shell }) => {
            shell::completions(*shell, &mut out)?;
            return Ok(out.flush()?);
        }
        Some(Command::Man) => {
            shell::man(&mut out)?;
            return Ok(out.flush()?);
        }
        _ => {}
    }
    if cli.no_state && matches!(cli.command, Some(Command::List { tag: Some(_), .. })) {
        anyhow::bail!("--tag needs the saved state, which --no-state turns off");
    }
    let overrides = state::overrides(&cli)?;
    if cli.command.is_none() {
        // The interface loads the corpus itself, showing its progress.
        let mut options = cli.tui.options();
        options.corpus.clone_from(&cli.corpus);
        options.overrides = overrides.map(|(_, o)| std::sync::Arc::new(o));
        options.state = state::state_file(&cli);
        options.cache = cache_dir(&cli);
        return crate::tui::run(&options);
    }
    let cache = cache_dir(&cli).map(Cache::at);
    let corpus = load_with(
        cli.corpus.as_deref(),
        overrides.as_ref().map(|(_, o)| o),
        cache.as_ref(),
    )?;
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
    let Some(command) = cli.command else {
        return Ok(());
    };
    let saved = store.as_ref().map(|s| Saved {
        store: s,
        key: &key,
    });
    write_command(&corpus, command, saved, &mut out)?;
    out.flush()?;
    // The process ends here: the system takes the model back at exit far faster than
    // dropping its millions of pieces one by one (about a second at 100,000 articles).
    std::mem::forget(corpus);
    Ok(())
}

/// The saved state a subcommand reads: the store and this corpus' key in it.
#[derive(Clone, Copy)]
pub struct Saved<'a> {
    /// The open state file.
    pub store: &'a crate::store::Store,
    /// The corpus the state is kept under.
    pub key: &'a crate::store::CorpusKey,
}

/// Runs a subcommand over a loaded corpus, its output (already sanitised or escaped)
/// written to `out`; `saved` adds the user's marks where a command shows them.
pub fn write_command(
    corpus: &Corpus,
    command: Command,
    saved: Option<Saved<'_>>,
    out: &mut dyn Write,
) -> Result<()> {
    match command {
        Command::List { tag, format } => match (tag, saved) {
            (None, _) => docs::list(corpus, format, out),
            (Some(tag), Some(s)) => state::list_tagged(corpus, s.store, s.key, &tag, format, out),
            // No state file yet: nothing is tagged.
            (Some(_), None) => docs::list_some(corpus, &|_| false, format, out),
        },
        Command::Show { id, format } => {
            docs::show(corpus, &id, format, out)?;
            match saved {
                Some(s) if format == Format::Text => state::show(corpus, s.store, s.key, &id, out),
                _ => Ok(()),
            }
        }
        Command::Export => docs::export(corpus, out),
        Command::Entities { kind, doc, format } => {
            entities::run(corpus, kind.as_deref(), doc.as_deref(), format, out)
        }
        Command::Events {
            filter,
            series,
            format,
        } => {
            if let Some(s) = series.as_deref() {
                values::check_series(corpus, s)?;
            }
            events::run(corpus, filter.as_deref(), series.as_deref(), format, out)
        }
        Command::Search {
            query,
            related,
            limit,
            format,
        } => {
            let query = query.join(" ");
            let req = search::Request {
                query: &query,
                related,
                limit,
            };
            search::run(corpus, &req, format, out)
        }
        Command::Compare {
            left,
            right,
            suggest,
            format,
            width,
        } => {
            let req = compare::Request {
                left: left.as_deref(),
                right: right.as_deref(),
                suggest,
                format,
                width,
            };
            compare::run(corpus, req, out)
        }
        Command::Completions { shell } => shell::completions(shell, out),
        Command::Man => shell::man(out),
    }
}

/// Loads the corpus (the embedded seeds by default) and reports problem files on stderr.
pub fn load(dir: Option<&Path>) -> Result<Corpus> {
    load_with(dir, None, None)
}

/// The cache folder, unless `--no-cache` turns the cache off.
fn cache_dir(cli: &Cli) -> Option<std::path::PathBuf> {
    (!cli.no_cache).then(Cache::default_dir).flatten()
}

/// [`load`] with the user's overrides applied, through the cache when one is given, with a
/// progress bar on stderr when it is a terminal and a note for each file that is an exact
/// copy of another.
pub fn load_with(
    dir: Option<&Path>,
    overrides: Option<&Overrides>,
    cache: Option<&Cache>,
) -> Result<Corpus> {
    let bar = progress::Bar::on_stderr();
    let options = BuildOptions {
        overrides,
        observer: &bar,
    };
    let source = dir.map_or(CorpusSource::Seeds, |d| {
        CorpusSource::Folder(d.to_path_buf())
    });
    let corpus = cache::load(&source, options, cache).with_context(|| match dir {
        Some(d) => format!("loading corpus {}", d.display()),
        None => "loading the embedded seeds".into(),
    })?;
    drop(bar);
    if let Some(note) = &corpus.cache_note {
        output::warn(note);
    }
    for (original, copy) in corpus.duplicates().pairs() {
        output::to_stderr(&format!(
            "dossier: note: {} is an exact copy of {} (listed as a copy, not a second report)",
            corpus.documents[copy].path, corpus.documents[original].path
        ));
    }
    for p in &corpus.problems {
        output::warn(&p.to_string());
    }
    if corpus.documents.is_empty() {
        anyhow::bail!("no readable articles in the corpus");
    }
    Ok(corpus)
}
