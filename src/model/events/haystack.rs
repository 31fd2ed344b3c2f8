//! The text the fuzzy filter matches an event against, shared by CLI and TUI.

use crate::model::entity::Entity;
use crate::model::event::Event;
use crate::model::filter::FuzzyIndex;
use rustc_hash::FxHashMap;

/// One line: name, date, period, place, chair and participants' names, sources.
/// `name_of` maps an entity id to its display name.
pub fn haystack<'a>(event: &Event, name_of: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut parts: Vec<String> = vec![event.name.clone()];
    parts.extend(event.date.map(|d| d.to_string()));
    parts.extend(event.period.map(|p| p.to_string()));
    parts.extend(event.place.clone());
    for id in event.chair.iter().chain(&event.participants) {
        if let Some(n) = name_of(id)
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
    let names: FxHashMap<&str, &str> = entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    events
        .into_iter()
        .map(|e| haystack(e, |id| names.get(id).copied()))
        .collect()
}

/// A fuzzy index over the events' haystacks (hit indices are positions in `events`).
pub fn index<'a>(events: impl IntoIterator<Item = &'a Event>, entities: &[Entity]) -> FuzzyIndex {
    FuzzyIndex::new(haystacks(events, entities))
}
