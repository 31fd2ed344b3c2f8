//! The state store: what the reader did with each document (read, starred, tagged, noted)
//! and where they were, kept in an SQLite file outside the corpus. Every write is one
//! transaction, so a crash or a second dossier leaves the file at the state before or after
//! it; a file that is damaged, another program's, or from a newer dossier is never written.

mod reconcile;
mod write;

use super::schema::{self, Check, check, describe};
pub use super::types::*;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a write waits for another dossier's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[allow(
    clippy::needless_pass_by_value,
    reason = "called as `map_err(write_error)`, which hands the error over by value"
)]
fn write_error(e: rusqlite::Error) -> StoreError {
    StoreError::Write(e.to_string())
}

/// An open, writable state file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The connection has nothing to show but its handle.
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Store {
    /// Opens the state file at `path`, creating it (and its folder) when missing and
    /// migrating it to this dossier's schema. Nothing is written to a file that is damaged,
    /// another program's database, or from a newer dossier.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let unreadable = |reason: String| StoreError::Unreadable {
            path: path.to_path_buf(),
            reason,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| unreadable(format!("cannot create its folder: {e}")))?;
        }
        if path.is_dir() {
            return Err(unreadable("it is a folder".into()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|e| unreadable(describe(&e)))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| unreadable(describe(&e)))?;
        check(&conn).map_err(|e| match e {
            Check::Sqlite(e) => unreadable(describe(&e)),
            Check::Damaged(reason) | Check::Foreign(reason) => unreadable(reason),
            Check::Newer(found) => StoreError::Newer {
                path: path.to_path_buf(),
                found,
                supported: schema::VERSION,
            },
        })?;
        conn.pragma_update(None, "synchronous", "FULL")
            .and_then(|()| conn.pragma_update(None, "foreign_keys", "ON"))
            .and_then(|()| schema::migrate(&mut conn, schema::VERSION))
            .map_err(|e| unreadable(describe(&e)))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The state file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn corpus_id(&self, corpus: &CorpusKey) -> rusqlite::Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT id FROM corpora WHERE root = ?1",
                [corpus.as_str()],
                |r| r.get(0),
            )
            .optional()
    }

    fn ensure_corpus(conn: &Connection, corpus: &CorpusKey) -> rusqlite::Result<i64> {
        conn.execute(
            "INSERT INTO corpora (root) VALUES (?1) ON CONFLICT (root) DO NOTHING",
            [corpus.as_str()],
        )?;
        conn.query_row(
            "SELECT id FROM corpora WHERE root = ?1",
            [corpus.as_str()],
            |r| r.get(0),
        )
    }

    /// Everything saved for `corpus` (empty when nothing is).
    pub fn load(&self, corpus: &CorpusKey) -> Result<CorpusState, StoreError> {
        let mut out = CorpusState::default();
        let Some(cid) = self.corpus_id(corpus).map_err(write_error)? else {
            return Ok(out);
        };
        let mut read = || -> rusqlite::Result<()> {
            out.position =
                self.conn
                    .query_row("SELECT position FROM corpora WHERE id = ?1", [cid], |r| {
                        r.get(0)
                    })?;
            let mut docs = self
                .conn
                .prepare("SELECT doc_id, read, starred, note FROM documents WHERE corpus = ?1")?;
            let rows = docs.query_map([cid], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    DocState {
                        read: r.get(1)?,
                        starred: r.get(2)?,
                        tags: Vec::new(),
                        note: r.get(3)?,
                    },
                ))
            })?;
            for row in rows {
                let (id, state) = row?;
                out.documents.insert(id, state);
            }
            let mut tags = self
                .conn
                .prepare("SELECT doc_id, tag FROM tags WHERE corpus = ?1 ORDER BY doc_id, tag")?;
            let rows = tags.query_map([cid], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
            for row in rows {
                let (id, tag) = row?;
                out.documents.entry(id).or_default().tags.push(tag);
            }
            Ok(())
        };
        read().map_err(write_error)?;
        Ok(out)
    }

    /// The saved state of one document (default when nothing is saved).
    pub fn document(&self, corpus: &CorpusKey, id: &str) -> Result<DocState, StoreError> {
        let Some(cid) = self.corpus_id(corpus).map_err(write_error)? else {
            return Ok(DocState::default());
        };
        let read = || -> rusqlite::Result<DocState> {
            let mut state = self
                .conn
                .query_row(
                    "SELECT read, starred, note FROM documents WHERE corpus = ?1 AND doc_id = ?2",
                    params![cid, id],
                    |r| {
                        Ok(DocState {
                            read: r.get(0)?,
                            starred: r.get(1)?,
                            tags: Vec::new(),
                            note: r.get(2)?,
                        })
                    },
                )
                .optional()?
                .unwrap_or_default();
            let mut st = self
                .conn
                .prepare("SELECT tag FROM tags WHERE corpus = ?1 AND doc_id = ?2 ORDER BY tag")?;
            state.tags = st
                .query_map(params![cid, id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(state)
        };
        read().map_err(write_error)
    }

    /// Every tag used in `corpus`, with how many documents carry it, most used first.
    pub fn tags(&self, corpus: &CorpusKey) -> Result<Vec<(String, usize)>, StoreError> {
        let Some(cid) = self.corpus_id(corpus).map_err(write_error)? else {
            return Ok(Vec::new());
        };
        let query = || -> rusqlite::Result<Vec<(String, usize)>> {
            let mut st = self.conn.prepare(
                "SELECT tag, COUNT(*) AS n FROM tags WHERE corpus = ?1 GROUP BY tag ORDER BY n DESC, tag",
            )?;
            let rows = st.query_map([cid], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
            rows.collect()
        };
        query().map_err(write_error)
    }

    /// The ids of the documents of `corpus` tagged `tag`, sorted.
    pub fn tagged(&self, corpus: &CorpusKey, tag: &str) -> Result<Vec<String>, StoreError> {
        let Some(cid) = self.corpus_id(corpus).map_err(write_error)? else {
            return Ok(Vec::new());
        };
        let tag = normalize_tag(tag).unwrap_or_default();
        let query = || -> rusqlite::Result<Vec<String>> {
            let mut st = self.conn.prepare(
                "SELECT doc_id FROM tags WHERE corpus = ?1 AND tag = ?2 ORDER BY doc_id",
            )?;
            let rows = st.query_map(params![cid, tag], |r| r.get(0))?;
            rows.collect()
        };
        query().map_err(write_error)
    }
}
