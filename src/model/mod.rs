//! The corpus model: pure data and functions, no terminal code.

pub mod clean;
pub mod compare;
pub mod corpus;
pub mod date;
pub mod document;
pub mod duplicates;
pub mod entities;
pub mod entity;
pub mod event;
pub mod events;
pub mod export;
pub mod filter;
pub mod load;
pub mod markdown;
pub mod meta;
pub mod osc52;
pub mod overrides;
pub mod search;
pub mod sentence;
pub mod source;
pub mod synth;
pub mod text;

pub use corpus::{Corpus, LookupError};
pub use date::{Date, Period};
pub use document::{Document, Field, Kind, RelatedItem};
pub use entity::{Entity, EntityKind, Mention};
pub use event::Event;
