//! Entities and events, events' outlets written once per segment: a large corpus's
//! events name the same outlets many times over, so each events segment starts with a
//! table of the distinct strings it uses, and every such list is a list of places in
//! that table. Reading checks each string once and copies it from the table.
//! (Document lists, chairs and participants are indices already.)

use super::input::{Damaged, Input};
use super::wire::Wire;
use crate::model::entity::Entity;
use crate::model::event::Event;
use rustc_hash::FxHashMap;

/// The distinct ids of a segment, in the order first met, while it is written.
#[derive(Default)]
struct Table<'a> {
    place: FxHashMap<&'a str, usize>,
    ids: Vec<&'a str>,
}

impl<'a> Table<'a> {
    fn add(&mut self, ids: &'a [String]) {
        for id in ids {
            let next = self.ids.len();
            self.place.entry(id).or_insert_with(|| {
                self.ids.push(id);
                next
            });
        }
    }

    /// Writes the table: its length, then each id.
    fn put(&self, out: &mut Vec<u8>) {
        self.ids.len().put(out);
        for id in &self.ids {
            id.len().put(out);
            out.extend_from_slice(id.as_bytes());
        }
    }

    /// Writes `ids` as their places in the table (every one was added).
    fn put_ids(&self, ids: &[String], out: &mut Vec<u8>) {
        ids.len().put(out);
        for id in ids {
            self.place.get(id.as_str()).copied().unwrap_or(0).put(out);
        }
    }
}

/// Reads a table written by [`Table::put`]: the ids borrowed from the segment's bytes.
fn take_table<'a>(input: &mut Input<'a>) -> Result<Vec<&'a str>, Damaged> {
    let n = input.length()?;
    let mut ids = Vec::with_capacity(n);
    for _ in 0..n {
        ids.push(input.str()?);
    }
    Ok(ids)
}

/// Reads a list written by [`Table::put_ids`].
fn take_ids(input: &mut Input<'_>, table: &[&str]) -> Result<Vec<String>, Damaged> {
    let n = input.length()?;
    let mut ids = Vec::with_capacity(n);
    for _ in 0..n {
        let id = table
            .get(usize::take(input)?)
            .ok_or(Damaged("an id outside its segment's table"))?;
        ids.push((*id).to_owned());
    }
    Ok(ids)
}

/// Appends `entities`.
pub(super) fn put_entities(entities: &[Entity], out: &mut Vec<u8>) {
    entities.len().put(out);
    for entity in entities {
        let Entity {
            id,
            kind,
            name,
            aliases,
            documents,
            related_documents,
            mentions,
            attributes,
            ordinal,
            series,
        } = entity;
        id.put(out);
        kind.put(out);
        name.put(out);
        aliases.put(out);
        documents.put(out);
        related_documents.put(out);
        mentions.put(out);
        attributes.put(out);
        ordinal.put(out);
        series.put(out);
    }
}

/// Reads entities written by [`put_entities`].
pub(super) fn take_entities(input: &mut Input<'_>) -> Result<Vec<Entity>, Damaged> {
    let n = input.length()?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        entities.push(Entity {
            id: Wire::take(input)?,
            kind: Wire::take(input)?,
            name: Wire::take(input)?,
            aliases: Wire::take(input)?,
            documents: Wire::take(input)?,
            related_documents: Wire::take(input)?,
            mentions: Wire::take(input)?,
            attributes: Wire::take(input)?,
            ordinal: Wire::take(input)?,
            series: Wire::take(input)?,
        });
    }
    Ok(entities)
}

/// Appends `events`, their outlets through one table.
pub(super) fn put_events(events: &[Event], out: &mut Vec<u8>) {
    let mut table = Table::default();
    for e in events {
        table.add(&e.sources);
    }
    table.put(out);
    events.len().put(out);
    for event in events {
        let Event {
            id,
            name,
            date,
            period,
            series,
            ordinal,
            status,
            place,
            chair,
            participants,
            documents,
            sources,
            sentences,
            inferred,
            entity,
        } = event;
        id.put(out);
        name.put(out);
        date.put(out);
        period.put(out);
        series.put(out);
        ordinal.put(out);
        status.put(out);
        place.put(out);
        chair.put(out);
        participants.put(out);
        documents.put(out);
        table.put_ids(sources, out);
        sentences.put(out);
        inferred.put(out);
        entity.put(out);
    }
}

/// Reads events written by [`put_events`].
pub(super) fn take_events(input: &mut Input<'_>) -> Result<Vec<Event>, Damaged> {
    let table = take_table(input)?;
    let n = input.length()?;
    let mut events = Vec::with_capacity(n);
    for _ in 0..n {
        events.push(Event {
            id: Wire::take(input)?,
            name: Wire::take(input)?,
            date: Wire::take(input)?,
            period: Wire::take(input)?,
            series: Wire::take(input)?,
            ordinal: Wire::take(input)?,
            status: Wire::take(input)?,
            place: Wire::take(input)?,
            chair: Wire::take(input)?,
            participants: Wire::take(input)?,
            documents: Wire::take(input)?,
            sources: take_ids(input, &table)?,
            sentences: Wire::take(input)?,
            inferred: Wire::take(input)?,
            entity: Wire::take(input)?,
        });
    }
    Ok(events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_id_is_written_once() {
        let ids: Vec<String> = ["doc-a", "doc-b", "doc-a", "doc-a"]
            .map(String::from)
            .into();
        let mut table = Table::default();
        table.add(&ids);
        let mut out = Vec::new();
        table.put(&mut out);
        table.put_ids(&ids, &mut out);
        assert_eq!(out.windows(5).filter(|w| w == b"doc-a").count(), 1);
        let input = &mut Input::new(&out);
        let read = take_table(input).unwrap();
        assert_eq!(read, ["doc-a", "doc-b"]);
        assert_eq!(take_ids(input, &read).unwrap(), ids);
        assert!(input.is_empty());
    }

    #[test]
    fn a_place_outside_the_table_is_refused() {
        // A table of one id, then a list of one id at place 1.
        let bytes = [1, 1, b'x', 1, 1];
        let input = &mut Input::new(&bytes);
        let table = take_table(input).unwrap();
        assert_eq!(
            take_ids(input, &table).unwrap_err(),
            Damaged("an id outside its segment's table")
        );
    }
}
