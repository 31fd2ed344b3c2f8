//! The text the fuzzy filter matches an event against, shared by CLI and TUI.

use crate::model::entity::Entity;
use crate::model::event::Event;
use crate::model::filter::FuzzyIndex;

/// One line: name, date, period, place, chair and participants' names (of
/// `entities`, the corpus'), sources.
pub fn haystack(event: &Event, entities: &[Entity]) -> String {
    let mut parts: Vec<String> = vec![event.name.clone()];
    parts.extend(event.date.map(|d| d.to_string()));
    parts.extend(event.period.map(|p| p.to_string()));
    parts.extend(event.place.clone());
    for &i in event.chair.iter().chain(&event.participants) {
        if let Some(n) = entities.get(i as usize).map(|e| e.name.as_str())
            && !parts.iter().any(|p| p == n)
        {
            parts.push(n.to_owned());
        }
    }
    parts.extend(event.sources.iter().cloned());
    parts.join(" · ")
}

/// The haystacks of all `events`, in order.
pub fn haystacks<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    entities: &[Entity],
) -> Vec<String> {
    events.into_iter().map(|e| haystack(e, entities)).collect()
}

/// A fuzzy index over the events' haystacks (hit indices are positions in `events`).
pub fn index<'a>(events: impl IntoIterator<Item = &'a Event>, entities: &[Entity]) -> FuzzyIndex {
    FuzzyIndex::new(haystacks(events, entities))
}
