//! dossier: a terminal reader for a corpus of defence-diplomacy news articles.
//!
//! [`model`] builds the in-memory model (documents, entities, events, comparisons)
//! and knows nothing of terminals; [`tui`] and [`cli`] are two views of it.

pub mod cli;
pub mod model;
pub mod store;
pub mod tui;
