//! The conference a review article reports on, built from the document's metadata.

use super::cues::matchers;
use super::sentences::{
    Canonical, FoldedText, char_index, event_sentence, people_and_bodies, push_unique,
};
use super::subject::conference_name;
use crate::model::document::{Document, Field};
use crate::model::entity::{Entity, EntityKind, Mention, document_index};
use crate::model::event::{Event, Status};
use crate::model::sentence;
use crate::model::text::fold;

/// A reported conference and whether its name came from the text.
pub(super) struct Report {
    /// The event, with this one document.
    pub event: Event,
    /// True when the name states what was reviewed (not the generic fallback).
    pub named_from_text: bool,
}

/// The conference that review article `doc` (document `d` of the corpus) reports on;
/// `None` for other articles.
/// `folded` is scratch space for folding text.
pub(super) fn reported_conference(
    d: usize,
    doc: &Document,
    (entities, canonical): (&[Entity], &Canonical),
    mentions: &[Mention],
    folded: &mut FoldedText,
) -> Option<Report> {
    if !doc.kind.is_review() {
        return None;
    }
    let c = matchers();
    let (name, named_from_text) = conference_name(doc);
    let mut event = Event {
        id: String::new(),
        name,
        date: doc.event_date,
        period: doc.period,
        series: Some(doc.kind.label().to_owned()),
        ordinal: None,
        status: None,
        place: doc.dateline.as_deref().map(place_name),
        chair: None,
        participants: Vec::new(),
        documents: vec![document_index(d)],
        sources: doc.source.iter().cloned().collect(),
        sentences: Vec::new(),
        inferred: Vec::new(),
        entity: None,
    };
    let mut held = false;
    // (distance in chars from a chair cue, person id): the nearest person chairs.
    let mut chair: Option<(usize, u32)> = None;
    let fields = doc
        .body
        .iter()
        .enumerate()
        .map(|(i, _)| Field::Body(i))
        .chain((0..doc.captions.len()).map(Field::Caption));
    for field in fields {
        let text = doc.text(field);
        folded.fold(text);
        // Most text is about other things: rule it out before splitting it.
        if !c.about.may_occur(folded.as_str()) {
            continue;
        }
        folded.index(text);
        for range in sentence::split(text) {
            let s = &text[range.0..range.1];
            let folded = folded.slice(range);
            if !c.about.may_occur(folded) {
                continue;
            }
            let chair_cues: Vec<usize> = c
                .chair
                .find_all(folded)
                .into_iter()
                .map(|(_, b)| char_index(folded, b))
                .collect();
            let about =
                !chair_cues.is_empty() || c.conference_nouns.any(folded) || c.review.any(folded);
            if !about {
                continue;
            }
            held = held || c.held.any(folded);
            if matches!(field, Field::Body(_)) {
                event.sentences.extend(event_sentence(d, field, range));
            }
            for m in people_and_bodies(mentions, entities, field, range) {
                let e = &entities[m.entity()];
                let id = canonical.get(m.entity());
                push_unique(&mut event.participants, id);
                if e.kind != EntityKind::Person {
                    continue;
                }
                let at = char_index(s, m.start() - range.0);
                if let Some(d) = chair_cues.iter().map(|&cue| cue.abs_diff(at)).min()
                    && chair.as_ref().is_none_or(|(best, _)| d < *best)
                {
                    chair = Some((d, id));
                }
            }
        }
    }
    event.chair = chair.map(|(_, id)| id);
    if let Some(id) = event.chair {
        event.participants.retain(|&p| p != id);
        event.participants.insert(0, id);
    }
    let reported_after = matches!((doc.event_date, doc.published), (Some(e), Some(p)) if e <= p);
    event.status = (held || reported_after).then_some(Status::Held);
    Some(Report {
        event,
        named_from_text,
    })
}

/// A dateline place as a name: "HÀ NỘI" → "Hà Nội"; mixed case is kept.
pub(super) fn place_name(dateline: &str) -> String {
    let p = dateline.trim();
    if p.chars().any(char::is_lowercase) {
        return p.to_owned();
    }
    p.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or_else(String::new, |f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A place's folded letters and digits, so places compare loosely: "Hanoi", "Ha Noi"
/// and "HÀ NỘI" are one place.
pub(super) fn place_key(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_places_read_as_names() {
        assert_eq!(place_name("HÀ NỘI"), "Hà Nội");
        assert_eq!(place_name("Hanoi"), "Hanoi");
        assert_eq!(place_key("Hanoi"), place_key("HÀ NỘI"));
        assert_ne!(place_key("Hanoi"), place_key("Hue"));
    }
}
