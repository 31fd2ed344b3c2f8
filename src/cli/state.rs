//! The command line's side of the workspace: finding and opening the state file and the
//! overrides file, with a clear message (and no state) when they cannot be used.

use super::args::{Cli, Format};
use crate::model::Corpus;
use crate::model::overrides::Overrides;
use crate::model::text::sanitize;
use crate::store::{CorpusKey, DocKey, DocState, Store, files, paths};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::output::warn;

/// The overrides file named by `--overrides`, else the default one if it exists, parsed;
/// each bad entry is reported as `FILE:LINE: …` on stderr. A missing `--overrides` file is
/// an error; a missing default one is not.
pub fn overrides(cli: &Cli) -> anyhow::Result<Option<(PathBuf, Overrides)>> {
    let (path, named) = match &cli.overrides {
        Some(p) => (p.clone(), true),
        None => match paths::default_overrides_file() {
            Some(p) if p.is_file() => (p, false),
            _ => return Ok(None),
        },
    };
    let parsed = match files::read_overrides(&path) {
        Ok(parsed) => parsed,
        Err(e) if named => {
            anyhow::bail!(
                "cannot read the overrides file {}: {e}",
                sanitize(&path.display().to_string())
            )
        }
        Err(e) => {
            warn(&format!(
                "cannot read the overrides file {}: {e}",
                path.display()
            ));
            return Ok(None);
        }
    };
    for p in parsed.problems() {
        warn(&format!("{}:{p}", path.display()));
    }
    Ok(Some((path, parsed)))
}

/// Reports the overrides entries whose id names no document of `corpus`.
pub fn report_unknown_ids(path: &Path, overrides: &Overrides, corpus: &Corpus) {
    for p in overrides.unknown_ids(|id| corpus.document(id).is_some()) {
        warn(&format!("{}:{p}", path.display()));
    }
}

/// The key of the corpus loaded from `dir` (the seeds when `None`).
pub fn corpus_key(dir: Option<&Path>) -> CorpusKey {
    dir.map_or_else(CorpusKey::seeds, CorpusKey::folder)
}

/// Opens the state file (`--state`, else the default), unless `--no-state`. When it cannot
/// be used, says why and returns `None`: dossier then runs without state and writes nothing.
/// A default state file that does not exist yet is not created.
pub fn open(cli: &Cli) -> Option<Store> {
    if cli.no_state {
        return None;
    }
    let explicit = cli.state.is_some();
    let Some(path) = cli.state.clone().or_else(paths::default_state_file) else {
        warn(
            "no state file: set HOME or XDG_DATA_HOME, or pass --state FILE; running without saved state",
        );
        return None;
    };
    // The command line only reads marks: no default state file means none to show, and
    // creating one here would leave files behind from scripts and tests.
    if !explicit && !path.exists() {
        return None;
    }
    match files::open_state(&path, cli.corpus.as_deref()) {
        Ok(store) => Some(store),
        Err(e) => {
            warn(&e.to_string());
            None
        }
    }
}

/// The state file the interface is to use (`--state`, else the default), unless
/// `--no-state`; says so when there is none to use.
pub fn state_file(cli: &Cli) -> Option<PathBuf> {
    if cli.no_state {
        return None;
    }
    let path = cli.state.clone().or_else(paths::default_state_file);
    if path.is_none() {
        warn(
            "no state file: set HOME or XDG_DATA_HOME, or pass --state FILE; running without saved state",
        );
    }
    path
}

/// Every document's key (id and content hash), for [`Store::reconcile`].
pub fn doc_keys(corpus: &Corpus) -> Vec<DocKey> {
    (0..corpus.documents.len())
        .filter_map(|i| {
            corpus.content_hash(i).map(|hash| DocKey {
                id: corpus.documents[i].id.clone(),
                hash,
            })
        })
        .collect()
}

/// Matches saved state to the corpus and tells of renamed and edited files on stderr.
pub fn reconcile(store: &mut Store, key: &CorpusKey, corpus: &Corpus) {
    match store.reconcile(key, &doc_keys(corpus)) {
        Ok(r) => {
            for (old, new) in &r.renamed {
                super::output::to_stderr(&format!(
                    "dossier: note: {old} was renamed to {new}; its saved state moved with it"
                ));
            }
            for id in &r.edited {
                super::output::to_stderr(&format!(
                    "dossier: note: {id} changed since its state was saved"
                ));
            }
        }
        Err(e) => warn(&e.to_string()),
    }
}

/// `dossier list --tag TAG`: the documents saved with that tag.
pub fn list_tagged(
    corpus: &Corpus,
    store: &Store,
    key: &CorpusKey,
    tag: &str,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let ids: rustc_hash::FxHashSet<String> = store.tagged(key, tag)?.into_iter().collect();
    let keep = |i: usize| ids.contains(&corpus.documents[i].id);
    super::docs::list_some(corpus, &keep, format, out)
}

/// After `dossier show ID`'s text: the reader's marks on the document.
pub fn show(
    corpus: &Corpus,
    store: &Store,
    key: &CorpusKey,
    id: &str,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let doc = &corpus.documents[corpus.find(id)?];
    write_doc_state(&store.document(key, &doc.id)?, out)?;
    Ok(())
}

/// The reader's marks on one document: read, starred, tags and note.
fn write_doc_state(state: &DocState, out: &mut dyn Write) -> std::io::Result<()> {
    if *state == DocState::default() {
        return Ok(());
    }
    let mut marks = vec![if state.read { "read" } else { "unread" }];
    if state.starred {
        marks.push("starred");
    }
    writeln!(out, "\nYours: {}", marks.join(", "))?;
    if !state.tags.is_empty() {
        writeln!(out, "Tags: {}", sanitize(&state.tags.join(", ")))?;
    }
    if let Some(note) = &state.note {
        writeln!(out, "Note:")?;
        for l in note.lines() {
            writeln!(out, "  {}", sanitize(l))?;
        }
    }
    Ok(())
}
