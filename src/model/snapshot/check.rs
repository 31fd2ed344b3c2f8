//! The checks a snapshot passes before it is trusted.

use super::Assembled;
use rayon::prelude::*;

/// Refuses mentions that name no entity or lie outside their text.
pub(super) fn mentions(s: &Assembled) -> Result<(), String> {
    let entities = s.entities.len();
    s.documents
        .par_iter()
        .zip(&s.mentions)
        .try_for_each(|(doc, mentions)| {
            for m in mentions {
                if m.entity() >= entities {
                    return Err(format!("a mention in {:?} names no entity", doc.id));
                }
                if !in_text(doc.text(m.field()), m.start(), m.end()) {
                    return Err(format!("a mention in {:?} is out of its text", doc.id));
                }
            }
            Ok(())
        })
}

/// Refuses event sentences of no document or out of their text.
pub(super) fn sentences(s: &Assembled) -> Result<(), String> {
    s.events.par_iter().try_for_each(|event| {
        for sentence in &event.sentences {
            let Some(doc) = s.documents.get(sentence.document()) else {
                return Err(format!("an event of {:?} cites no document", event.id));
            };
            if !in_text(doc.text(sentence.field()), sentence.start(), sentence.end()) {
                return Err(format!(
                    "an event sentence in {:?} is out of its text",
                    doc.id
                ));
            }
        }
        Ok(())
    })
}

/// Refuses entity and event document lists naming a document past the corpus.
pub(super) fn document_lists(s: &Assembled) -> Result<(), String> {
    let past = |list: &[u32]| list.iter().any(|&d| d as usize >= s.documents.len());
    if let Some(e) = s
        .entities
        .iter()
        .find(|e| past(&e.documents) || past(&e.related_documents))
    {
        return Err(format!("entity {:?} lists no such document", e.id));
    }
    if let Some(e) = s.events.iter().find(|e| past(&e.documents)) {
        return Err(format!("event {:?} lists no such document", e.id));
    }
    Ok(())
}

/// Refuses events whose chair or participants name no entity.
pub(super) fn event_entities(s: &Assembled) -> Result<(), String> {
    let past = |&i: &u32| i as usize >= s.entities.len();
    match s
        .events
        .iter()
        .find(|e| e.chair.iter().chain(&e.participants).any(past))
    {
        Some(e) => Err(format!("event {:?} names no such entity", e.id)),
        None => Ok(()),
    }
}

/// True when `start..end` is a range of `text` on character boundaries.
fn in_text(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}
