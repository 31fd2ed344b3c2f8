//! Watching a corpus folder: new, changed and removed article files, debounced and sent
//! over a channel, so the interface can rebuild and keep its place. Only reads the folder.

use crate::model::source;
use notify_debouncer_mini::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// How long the folder must be quiet before changes are reported; bursts (a copy of many
/// files, an editor's save) arrive as one batch, at most twice this after the first event.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// One change to the corpus, by path relative to its folder (as in `Document::path`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// A new article file.
    Added(String),
    /// An article file whose size or modification time changed.
    Changed(String),
    /// An article file that is gone (deleted, renamed away, or no longer an article).
    Removed(String),
}

/// Size and modification time: what tells an edited file from an untouched one.
type Stamp = (u64, Option<SystemTime>);

/// A running watch of one corpus folder; dropping it stops the watch.
pub struct Watcher {
    _debouncer: Debouncer<RecommendedWatcher>,
    changes: Receiver<Vec<Change>>,
}

impl Watcher {
    /// Starts watching `root` recursively. It first notes every article file's size and
    /// mtime (a stat per file: call it off the interface thread for a large corpus).
    pub fn start(root: &Path) -> Result<Watcher, notify::Error> {
        let root = root
            .canonicalize()
            .map_err(|e| notify::Error::io(e).add_path(root.to_path_buf()))?;
        let known: Arc<Mutex<FxHashMap<String, Stamp>>> = Arc::default();
        let (tx, changes) = channel();
        // Held while the snapshot is taken, so that early events wait for it.
        let guard = known
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let handler = Handler {
            root: root.clone(),
            known: Arc::clone(&known),
            tx,
        };
        let mut debouncer = new_debouncer(DEBOUNCE, move |events: DebounceEventResult| {
            handler.handle(events);
        })?;
        debouncer.watcher().watch(&root, RecursiveMode::Recursive)?;
        let mut guard = guard;
        *guard = stamps_under(&root, &root);
        drop(guard);
        Ok(Watcher {
            _debouncer: debouncer,
            changes,
        })
    }

    /// The batches of changes, in the order they happened; each batch is sorted.
    pub fn changes(&self) -> &Receiver<Vec<Change>> {
        &self.changes
    }
}

struct Handler {
    root: PathBuf,
    known: Arc<Mutex<FxHashMap<String, Stamp>>>,
    tx: Sender<Vec<Change>>,
}

impl Handler {
    fn handle(&self, events: DebounceEventResult) {
        let Ok(events) = events else {
            // The backend lost events (e.g. its queue overflowed): look at everything.
            return self.report(vec![self.root.clone()]);
        };
        self.report(events.into_iter().map(|e| e.path).collect());
    }

    fn report(&self, paths: Vec<PathBuf>) {
        let mut known = self
            .known
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut changes = Vec::new();
        for path in paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            let rel_str = rel.to_string_lossy().into_owned();
            if rel
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
            {
                continue;
            }
            let now = if path.is_dir() {
                stamps_under(&self.root, &path)
            } else {
                stamp(&path)
                    .filter(|_| source::is_article_name(&rel_str))
                    .map(|s| (rel_str.clone(), s))
                    .into_iter()
                    .collect()
            };
            // Everything known at or under the path that is no longer there is gone.
            let prefix = format!("{rel_str}/");
            let gone: Vec<String> = known
                .keys()
                .filter(|k| **k == rel_str || k.starts_with(&prefix) || rel_str.is_empty())
                .filter(|k| !now.contains_key(*k))
                .cloned()
                .collect();
            for k in gone {
                known.remove(&k);
                changes.push(Change::Removed(k));
            }
            for (k, s) in now {
                match known.insert(k.clone(), s) {
                    None => changes.push(Change::Added(k)),
                    Some(old) if old != s => changes.push(Change::Changed(k)),
                    Some(_) => {}
                }
            }
        }
        changes.sort();
        changes.dedup();
        if !changes.is_empty() {
            let _ = self.tx.send(changes);
        }
    }
}

fn stamp(path: &Path) -> Option<Stamp> {
    let m = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)?;
    Some((m.len(), m.modified().ok()))
}

/// Every article file under `dir`, keyed by its path relative to `root`.
fn stamps_under(root: &Path, dir: &Path) -> FxHashMap<String, Stamp> {
    let Ok((paths, _)) = source::article_paths(dir) else {
        return FxHashMap::default();
    };
    paths
        .into_iter()
        .filter_map(|(_, full)| {
            let rel = full.strip_prefix(root).ok()?.to_string_lossy().into_owned();
            Some((rel, stamp(&full)?))
        })
        .collect()
}
