//! The event timeline built from documents and event entities.
//! (Placeholder: the full builder replaces it.)

use super::document::Document;
use super::entity::{Entity, Mention};
use super::event::Event;

/// Builds the corpus timeline, in timeline order.
pub fn build(_docs: &[Document], _entities: &[Entity], _mentions: &[Vec<Mention>]) -> Vec<Event> {
    Vec::new()
}
