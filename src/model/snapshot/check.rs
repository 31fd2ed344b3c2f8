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
            let Some(doc) = s.documents.get(sentence.document) else {
                return Err(format!("an event of {:?} cites no document", event.id));
            };
            if !in_text(doc.text(sentence.field), sentence.start, sentence.end) {
                return Err(format!(
                    "an event sentence in {:?} is out of its text",
                    doc.id
                ));
            }
        }
        Ok(())
    })
}

/// True when `start..end` is a range of `text` on character boundaries.
fn in_text(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}
