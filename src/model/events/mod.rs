//! The event timeline: every named event (entities of kind `Event`) plus the
//! conference each review article reports on, with reports of one conference merged,
//! in timeline order, with stable ids; and the filter haystack of an event.

mod cues;
mod dates;
mod folded;
mod haystack;
mod label;
mod merge;
mod named;
mod order;
mod phrases;
mod review;
mod sentences;
mod subject;
mod words;

pub use haystack::{haystack, haystacks, index};
pub use label::{series, when};

/// Whether `sentence` reports the event named at byte `at` of it as held, in
/// preparation or upcoming (the status cues of assets/event_cues.json).
pub fn status_in(sentence: &str, at: usize) -> Option<super::event::Status> {
    let folded = folded::fold_chars(sentence);
    let at_char = sentences::char_index(sentence, at);
    let at = folded
        .char_indices()
        .nth(at_char)
        .map_or(folded.len(), |(b, _)| b);
    cues::status_near(&folded, at)
}

use super::document::Document;
use super::entity::{Entity, Mention};
use super::event::Event;
use rayon::prelude::*;

/// Builds the event cues and matchers now, so that the first document does not wait for
/// them (see `entities::prepare`).
pub fn prepare() {
    cues::prepare();
}

/// Builds the corpus timeline, in timeline order. `mentions[i]` are document `i`'s.
pub fn build(docs: &[Document], entities: &[Entity], mentions: &[Vec<Mention>]) -> Vec<Event> {
    let canonical = sentences::Canonical::of(entities);
    let mut events = named::from_entities(docs, entities, mentions, &canonical);
    // Each document is read on its own; collecting keeps document order.
    // Each thread folds text into one buffer of its own. A report is boxed and the
    // results collected one slot per document: flattening the options instead made
    // rayon gather the reports in growing pieces, several times their size. They stay
    // boxed, so the list of them is a list of pointers.
    let found: Vec<Option<Box<review::Report>>> = docs
        .par_iter()
        .enumerate()
        .map_init(folded::FoldedText::default, |folded, (i, d)| {
            let ms = mentions.get(i).map_or(&[][..], Vec::as_slice);
            review::reported_conference(i, d, (entities, &canonical), ms, folded).map(Box::new)
        })
        .collect();
    let reports: Vec<Box<review::Report>> = found.into_iter().flatten().collect();
    merge::merge_reports(reports, (docs, entities), &mut events);
    order::sort_timeline(&mut events, docs);
    order::assign_ids(&mut events);
    events
}

#[cfg(test)]
mod tests;
