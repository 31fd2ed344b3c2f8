//! The conference a review article reports on, built from the document's metadata.

use super::cues::matchers;
use super::folded::FoldedText;
use super::sentences::{Canonical, char_index, event_sentence, people_and_bodies, push_unique};
use super::subject::{generic_name, text_name};
use crate::model::document::{Document, Field};
use crate::model::entity::{Entity, EntityKind, Mention, document_index};
use crate::model::event::{Event, EventSentence, Status};
use crate::model::sentence;
use crate::model::text::fold;

/// A reported conference: what the text of one review article says about it. The
/// facts its document states (date, period, kind, place, outlet) are read from the
/// document again when reports become events ([`Report::conference`]): most articles
/// of a large corpus can be reviews, so a report holds only what the text gave.
pub(super) struct Report {
    /// The document, as an index into the corpus' documents.
    pub doc: u32,
    /// The name, when it states what was reviewed; `None` for the generic name, which
    /// is made from the document when needed ([`generic_name`]).
    pub name: Option<String>,
    /// The person nearest a chair cue, as an index into the corpus' entities.
    pub chair: Option<u32>,
    /// True when the text or the dates say it took place.
    pub held: bool,
    /// The people and bodies of its sentences, the chair first.
    pub participants: Vec<u32>,
    /// Its body sentences.
    pub sentences: Vec<EventSentence>,
}

impl Report {
    /// The event of this report alone; `doc` is its document.
    pub(super) fn conference(self, doc: &Document) -> Event {
        Event {
            id: String::new(),
            name: self.name.unwrap_or_else(|| generic_name(doc)),
            date: doc.event_date,
            period: doc.period,
            series: Some(doc.kind.label().to_owned()),
            ordinal: None,
            status: self.held.then_some(Status::Held),
            place: doc.dateline.as_deref().map(place_name),
            chair: self.chair,
            participants: self.participants,
            documents: vec![self.doc],
            sources: doc.source.iter().cloned().collect(),
            sentences: self.sentences,
            inferred: Vec::new(),
            entity: None,
        }
    }
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
    let mut report = Report {
        doc: document_index(d),
        name: text_name(doc),
        chair: None,
        held: false,
        participants: Vec::new(),
        sentences: Vec::new(),
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
                report.sentences.extend(event_sentence(d, field, range));
            }
            for m in people_and_bodies(mentions, entities, field, range) {
                let e = &entities[m.entity()];
                let id = canonical.get(m.entity());
                push_unique(&mut report.participants, id);
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
    report.chair = chair.map(|(_, id)| id);
    if let Some(id) = report.chair {
        report.participants.retain(|&p| p != id);
        report.participants.insert(0, id);
    }
    let reported_after = matches!((doc.event_date, doc.published), (Some(e), Some(p)) if e <= p);
    report.held = held || reported_after;
    Some(report)
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
