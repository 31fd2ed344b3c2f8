//! The state file's schema and its migrations. `PRAGMA user_version` holds the number of
//! migrations applied; each runs in its own transaction with the version bump, so a file is
//! always at one version or the next, never between.

use rusqlite::{Connection, ErrorCode, TransactionBehavior};

/// Marks the file as dossier's (`PRAGMA application_id`, "doss" in ASCII).
pub const APPLICATION_ID: i64 = 0x646f_7373;

/// Migration `k` takes a file from version `k` to `k + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents' read and starred flags and notes, per corpus folder.
    "CREATE TABLE corpora (
        id INTEGER PRIMARY KEY,
        root TEXT NOT NULL UNIQUE
    );
    CREATE TABLE documents (
        corpus INTEGER NOT NULL REFERENCES corpora(id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL,
        hash TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        note TEXT,
        updated INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (corpus, doc_id)
    ) WITHOUT ROWID;
    CREATE INDEX documents_by_hash ON documents(corpus, hash);",
    // 2: free-text tags, and the interface's last position per corpus.
    "CREATE TABLE tags (
        corpus INTEGER NOT NULL,
        doc_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (corpus, doc_id, tag),
        FOREIGN KEY (corpus, doc_id) REFERENCES documents(corpus, doc_id)
            ON DELETE CASCADE ON UPDATE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX tags_by_tag ON tags(corpus, tag);
    ALTER TABLE corpora ADD COLUMN position TEXT;",
];

/// The schema version this dossier writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// The file's schema version.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Applies the migrations from the file's version up to `target`. Another dossier may be
/// migrating the same file: each step re-reads the version under the write lock.
pub fn migrate(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    for (k, sql) in MIGRATIONS.iter().enumerate().take(target as usize) {
        let to = k as i64 + 1;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if version(&tx)? < to {
            if to == 1 {
                tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            }
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", to)?;
        }
        tx.commit()?;
    }
    Ok(())
}

/// Why an opened file cannot be used.
pub enum Check {
    /// SQLite could not read it.
    Sqlite(rusqlite::Error),
    /// It fails SQLite's integrity check.
    Damaged(String),
    /// It is another program's database.
    Foreign(String),
    /// A newer dossier wrote it (its version).
    Newer(i64),
}

/// Reads (never writes) the file to see whether it is a healthy dossier state file this
/// dossier can write: empty, or marked as dossier's at a version it knows.
pub fn check(conn: &Connection) -> Result<(), Check> {
    let integrity: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(Check::Sqlite)?;
    if integrity != "ok" {
        return Err(Check::Damaged(format!("it is damaged ({integrity})")));
    }
    let app: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(Check::Sqlite)?;
    let tables: i64 = conn
        .query_row("SELECT COUNT(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(Check::Sqlite)?;
    if app != APPLICATION_ID && (app != 0 || tables > 0) {
        return Err(Check::Foreign(
            "it is another program's database, not dossier's state".into(),
        ));
    }
    let version = version(conn).map_err(Check::Sqlite)?;
    if version > VERSION {
        return Err(Check::Newer(version));
    }
    Ok(())
}

/// SQLite's error in words a reader can act on.
pub fn describe(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => {
            "it is not an SQLite database (damaged, or another program's file)".into()
        }
        Some(ErrorCode::DatabaseCorrupt) => "it is damaged".into(),
        Some(ErrorCode::CannotOpen) => "it cannot be opened".into(),
        Some(ErrorCode::PermissionDenied | ErrorCode::ReadOnly) => {
            "it cannot be written (permissions)".into()
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "another program holds it locked".into()
        }
        _ => e.to_string(),
    }
}
