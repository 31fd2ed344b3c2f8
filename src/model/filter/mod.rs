//! Filters shared by the CLI and the TUI.
//!
//! - [`DocFilter`] and [`EventFilter`]: word filters. Every typed term must match some
//!   field of an item: names, titles, outlets, periods, kinds, places by the ladder of
//!   [`ladder`] (whole word, word start, initials, a piece of a word, a word's letters
//!   in order from its first letter); sentences and body text by whole words and word
//!   starts. One- and two-letter terms match word starts only. Ranked by the sum of each
//!   term's best match, weighted by field. They match a term against the distinct
//!   words once (a sorted vocabulary), not against every item.
//! - [`FuzzyIndex`]: the skim fuzzy matcher, for short lists of names (an article's
//!   entities, the help's keys): case- and diacritics-insensitive, multi-term, with
//!   match positions. Speed comes from folding once at build time, a char-set prefilter,
//!   scoring split over all cores, keeping only the top results, and narrowing
//!   incrementally as a query grows ([`Searcher`], which a newer query can cancel
//!   mid-scan when the interface runs it off its thread).
//! - [`sort`] and [`jump`]: the document list's sort orders, and jumping to a date or
//!   period typed as `2023`, `2023-H1`, `2024-05`, `2024-05-17`.

mod docs;
mod events;
mod fields;
mod hits;
mod index;
pub mod jump;
mod kinds;
pub mod ladder;
mod marks;
mod proxy;
mod query;
mod searcher;
pub mod sort;
mod vocab;

pub use docs::{DocFilter, doc_fields, field as doc_field};
pub use events::{EventFilter, event_fields, field as event_field, status_label};
pub use fields::{FieldIndex, FieldSpec, FilterHit, FilterQuery, FilterResults};
pub use hits::{Hit, Matches};
pub use index::FuzzyIndex;
pub use kinds::{event_kinds, kinds_of_text};
pub use marks::marks;
pub use searcher::Searcher;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod word_tests;
