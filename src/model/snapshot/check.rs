//! The checks a snapshot passes before it is trusted, and the sentence texts it leaves
//! out, cut again from the documents.

use super::{Assembled, Kept};
use crate::model::document::Document;
use crate::model::event::Event;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Refuses mentions that name no entity or lie outside their text.
pub(super) fn mentions(s: &Assembled) -> Result<(), String> {
    let entities = s.entities.len();
    s.documents
        .par_iter()
        .zip(&s.mentions)
        .try_for_each(|(doc, mentions)| {
            for m in mentions {
                if m.entity >= entities {
                    return Err(format!("a mention in {:?} names no entity", doc.id));
                }
                if !in_text(doc.text(m.field), m.start, m.end) {
                    return Err(format!("a mention in {:?} is out of its text", doc.id));
                }
            }
            Ok(())
        })
}

/// Gives every event sentence its text back (the slice of its document its range names,
/// or the kept text), refusing sentences of no document or out of their text.
pub(super) fn restore_sentences(
    documents: &[Document],
    events: &mut [Event],
    kept: Vec<Kept>,
) -> Result<(), String> {
    let ids: FxHashMap<&str, &Document> = documents.iter().map(|d| (d.id.as_str(), d)).collect();
    events.par_iter_mut().try_for_each(|event| {
        for sentence in &mut event.sentences {
            let Some(doc) = ids.get(sentence.document.as_str()) else {
                return Err(format!(
                    "an event cites no document {:?}",
                    sentence.document
                ));
            };
            let text = doc.text(sentence.field);
            if !in_text(text, sentence.start, sentence.end) {
                return Err(format!(
                    "an event sentence in {:?} is out of its text",
                    doc.id
                ));
            }
            sentence.text = text[sentence.start..sentence.end].to_owned();
        }
        Ok(())
    })?;
    for (e, s, text) in kept {
        let sentence = events
            .get_mut(e)
            .and_then(|event| event.sentences.get_mut(s))
            .ok_or("a kept sentence of the snapshot names no sentence")?;
        sentence.text = text;
    }
    Ok(())
}

/// True when `start..end` is a range of `text` on character boundaries.
fn in_text(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}
