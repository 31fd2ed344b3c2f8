//! Writing a document's marks (read, starred, note, tags) and the interface's position,
//! each in one transaction.

use super::{MAX_POSITION_BYTES, Store, StoreError, normalize_tag, now, write_error};
use crate::store::types::{CorpusKey, DocKey};
use rusqlite::{Connection, TransactionBehavior, params};

impl Store {
    /// Runs `f` with the corpus's id (its row created when missing) in one transaction:
    /// all that `f` writes is kept, or none of it.
    fn in_corpus(
        &mut self,
        corpus: &CorpusKey,
        f: impl FnOnce(&Connection, i64) -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(write_error)?;
        let cid = Store::ensure_corpus(&tx, corpus).map_err(write_error)?;
        f(&tx, cid).map_err(write_error)?;
        tx.commit().map_err(write_error)
    }

    /// Runs `f` on a row of `documents` that exists for `doc` (created, with its current
    /// hash, when missing), in one transaction.
    fn with_row(
        &mut self,
        corpus: &CorpusKey,
        doc: &DocKey,
        f: impl FnOnce(&Connection, i64) -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        self.in_corpus(corpus, |tx, cid| {
            upsert_row(tx, cid, doc)?;
            f(tx, cid)
        })
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
        self.in_corpus(corpus, |tx, cid| {
            for doc in docs {
                upsert_row(tx, cid, doc)?;
                tx.execute(
                    "UPDATE documents SET read = ?3 WHERE corpus = ?1 AND doc_id = ?2",
                    params![cid, doc.id, read],
                )?;
            }
            Ok(())
        })
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

    /// Saves the interface's position for `corpus` (an opaque blob of at most
    /// [`MAX_POSITION_BYTES`]).
    pub fn set_position(&mut self, corpus: &CorpusKey, position: &str) -> Result<(), StoreError> {
        if position.len() > MAX_POSITION_BYTES {
            return Err(StoreError::Write(format!(
                "the position record is {} bytes (the limit is {MAX_POSITION_BYTES})",
                position.len()
            )));
        }
        self.in_corpus(corpus, |tx, cid| {
            tx.execute(
                "UPDATE corpora SET position = ?2 WHERE id = ?1",
                params![cid, position],
            )
            .map(drop)
        })
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
