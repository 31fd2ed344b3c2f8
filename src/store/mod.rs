//! The analyst's workspace around the model: saved reading state (SQLite, outside the
//! corpus), the editor for notes, the corpus watcher and the background loader. Unlike
//! `model`, this layer touches the file system, threads and child processes; it never
//! writes inside a corpus folder and never imports the interface.

pub mod cache;
pub mod corpus_source;
pub mod editor;
pub mod files;
pub mod loader;
pub mod paths;
mod schema;
pub mod state;
mod types;
pub mod watch;

pub use schema::VERSION as SCHEMA_VERSION;
pub use state::{CorpusKey, CorpusState, DocKey, DocState, Reconciled, Store, StoreError};

/// The SQL of each schema migration, oldest first (for tests that build an older file).
pub fn migrations() -> &'static [&'static str] {
    schema::MIGRATIONS
}
