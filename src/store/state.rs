//! The state store: what the reader did with each document (read, starred, tagged, noted)
//! and where they were, kept in an SQLite file outside the corpus. Every write is one
//! transaction, so a crash or a second dossier leaves the file at the state before or after
//! it; a file that is damaged, another program's, or from a newer dossier is never written.

use super::schema::{self, Check, check, describe};
pub use super::types::*;
use crate::model::duplicates::ContentHash;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use rustc_hash::FxHashMap;
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

    /// Runs `f` on a row of `documents` that exists for `doc` (created, with its current
    /// hash, when missing), in one transaction.
    fn with_row(
        &mut self,
        corpus: &CorpusKey,
        doc: &DocKey,
        f: impl FnOnce(&Connection, i64) -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write_error)?;
        let cid = Store::ensure_corpus(&tx, corpus).map_err(write_error)?;
        upsert_row(&tx, cid, doc).map_err(write_error)?;
        f(&tx, cid).map_err(write_error)?;
        tx.commit().map_err(write_error)
    }

    /// Marks a document read or unread.
    pub fn set_read(
        &mut self,
        corpus: &CorpusKey,
        doc: &DocKey,
        read: bool,
    ) -> Result<(), StoreError> {
        self.set_read_many(corpus, std::slice::from_ref(doc), read)
    }

    /// Marks many documents read or unread, all or none.
    pub fn set_read_many(
        &mut self,
        corpus: &CorpusKey,
        docs: &[DocKey],
        read: bool,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write_error)?;
        let cid = Store::ensure_corpus(&tx, corpus).map_err(write_error)?;
        for doc in docs {
            upsert_row(&tx, cid, doc).map_err(write_error)?;
            tx.execute(
                "UPDATE documents SET read = ?3 WHERE corpus = ?1 AND doc_id = ?2",
                params![cid, doc.id, read],
            )
            .map_err(write_error)?;
        }
        tx.commit().map_err(write_error)
    }

    /// Sets one column of a document's row (`column` is one of this file's names).
    fn update(
        &mut self,
        corpus: &CorpusKey,
        doc: &DocKey,
        column: &'static str,
        value: &dyn rusqlite::ToSql,
    ) -> Result<(), StoreError> {
        let sql = format!("UPDATE documents SET {column} = ?3 WHERE corpus = ?1 AND doc_id = ?2");
        self.with_row(corpus, doc, |tx, cid| {
            tx.execute(&sql, params![cid, doc.id, value]).map(drop)
        })
    }

    /// Stars or unstars a document.
    pub fn set_starred(
        &mut self,
        corpus: &CorpusKey,
        doc: &DocKey,
        starred: bool,
    ) -> Result<(), StoreError> {
        self.update(corpus, doc, "starred", &starred)
    }

    /// Sets (or, with `None` or blank text, removes) a document's note.
    pub fn set_note(
        &mut self,
        corpus: &CorpusKey,
        doc: &DocKey,
        note: Option<&str>,
    ) -> Result<(), StoreError> {
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        self.update(corpus, doc, "note", &note)
    }

    /// Adds a tag (normalised by [`normalize_tag`]); returns it as stored, `None` if blank.
    pub fn add_tag(
        &mut self,
        corpus: &CorpusKey,
        doc: &DocKey,
        tag: &str,
    ) -> Result<Option<String>, StoreError> {
        let Some(tag) = normalize_tag(tag) else {
            return Ok(None);
        };
        self.with_row(corpus, doc, |tx, cid| {
            tx.execute(
                "INSERT OR IGNORE INTO tags (corpus, doc_id, tag) VALUES (?1, ?2, ?3)",
                params![cid, doc.id, tag],
            )
            .map(drop)
        })?;
        Ok(Some(tag))
    }

    /// Removes a tag from a document.
    pub fn remove_tag(
        &mut self,
        corpus: &CorpusKey,
        id: &str,
        tag: &str,
    ) -> Result<(), StoreError> {
        let Some(cid) = self.corpus_id(corpus).map_err(write_error)? else {
            return Ok(());
        };
        self.conn
            .execute(
                "DELETE FROM tags WHERE corpus = ?1 AND doc_id = ?2 AND tag = ?3",
                params![cid, id, normalize_tag(tag).unwrap_or_default()],
            )
            .map(drop)
            .map_err(write_error)
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

    /// Saves the interface's position for `corpus` (an opaque blob of at most
    /// [`MAX_POSITION_BYTES`]).
    pub fn set_position(&mut self, corpus: &CorpusKey, position: &str) -> Result<(), StoreError> {
        if position.len() > MAX_POSITION_BYTES {
            return Err(StoreError::Write(format!(
                "the position record is {} bytes (the limit is {MAX_POSITION_BYTES})",
                position.len()
            )));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write_error)?;
        let cid = Store::ensure_corpus(&tx, corpus).map_err(write_error)?;
        tx.execute(
            "UPDATE corpora SET position = ?2 WHERE id = ?1",
            params![cid, position],
        )
        .map_err(write_error)?;
        tx.commit().map_err(write_error)
    }

    /// Matches saved state to the corpus as loaded (`docs`: every document's id and hash):
    /// a saved id that is gone but whose content is now under a new id (a renamed or moved
    /// file) has its state moved to the new id; a saved id whose content changed keeps its
    /// state with the new hash. One transaction; nothing is written when nothing changed.
    pub fn reconcile(
        &mut self,
        corpus: &CorpusKey,
        docs: &[DocKey],
    ) -> Result<Reconciled, StoreError> {
        let mut out = Reconciled::default();
        let Some(cid) = self.corpus_id(corpus).map_err(write_error)? else {
            return Ok(out);
        };
        let saved = self.saved_hashes(cid).map_err(write_error)?;
        let current: FxHashMap<&str, &ContentHash> =
            docs.iter().map(|d| (d.id.as_str(), &d.hash)).collect();
        let mut by_hash: FxHashMap<String, Vec<&str>> = FxHashMap::default();
        for d in docs.iter().filter(|d| !saved.contains_key(&d.id)) {
            by_hash.entry(d.hash.to_string()).or_default().push(&d.id);
        }
        let mut ids: Vec<&String> = saved.keys().collect();
        ids.sort();
        for id in ids {
            let hash = &saved[id];
            match current.get(id.as_str()) {
                Some(h) if h.to_string() == *hash => {}
                Some(_) => out.edited.push(id.clone()),
                None => match by_hash.get_mut(hash).and_then(std::vec::Vec::pop) {
                    Some(new) => out.renamed.push((id.clone(), new.to_owned())),
                    None => out.missing.push(id.clone()),
                },
            }
        }
        if out.renamed.is_empty() && out.edited.is_empty() {
            return Ok(out);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write_error)?;
        for (old, new) in &out.renamed {
            tx.execute(
                "UPDATE documents SET doc_id = ?3, updated = ?4 WHERE corpus = ?1 AND doc_id = ?2",
                params![cid, old, new, now()],
            )
            .map_err(write_error)?;
        }
        for id in &out.edited {
            tx.execute(
                "UPDATE documents SET hash = ?3, updated = ?4 WHERE corpus = ?1 AND doc_id = ?2",
                params![cid, id, current[id.as_str()].to_string(), now()],
            )
            .map_err(write_error)?;
        }
        tx.commit().map_err(write_error)?;
        Ok(out)
    }

    fn saved_hashes(&self, cid: i64) -> rusqlite::Result<FxHashMap<String, String>> {
        let mut st = self
            .conn
            .prepare("SELECT doc_id, hash FROM documents WHERE corpus = ?1")?;
        let rows = st.query_map([cid], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }
}

/// Makes sure `doc` has a row, with its current hash.
fn upsert_row(conn: &Connection, cid: i64, doc: &DocKey) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO documents (corpus, doc_id, hash, updated) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (corpus, doc_id) DO UPDATE SET hash = excluded.hash, updated = excluded.updated",
        params![cid, doc.id, doc.hash.to_string(), now()],
    )
    .map(drop)
}
