//! The kind of article: a review of a half year, a year or several years of the beat's
//! work; a report on one event; or other (other sectors, other stretches of time).

use super::Passage;
use super::cues::{Cue, Needs};
use super::period::{Finding, Form};
use crate::model::document::{Field, Kind};
use regex::Regex;
use std::sync::OnceLock;

/// Body paragraphs that make up the lede.
const LEDE_PARAGRAPHS: usize = 2;
/// Defence words an article of the beat has at least.
const MIN_DEFENCE_TERMS: usize = 2;
/// Weight a review needs when no event stands against it.
const MIN_REVIEW: u32 = 3;
/// Weight an event report needs.
const MIN_EVENT: u32 = 2;
/// Weight added by a headline that only reports an event (`headline_reports_an_event`).
const HEADLINE_EVENT: u32 = 4;

/// Compiles the patterns now rather than on the first article.
pub(super) fn prepare() {
    edition();
    review_of_event();
}

/// "the 10th … Exchange", "the second Level-2 Field Hospital", "the first … dialogue":
/// an edition of a series, which is one event.
fn edition() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::pattern(
            r"(?i)\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b[^.;]{0,80}?\b(?:exchange|dialogue|meeting|conference|forum|summit|expo|exhibition|games|festival|field hospital|rotation|programme|program|session)\b",
        )
    })
}

/// "… to review the event", "reviewed the organisation of the exchange": a review of one
/// event, not of a period's work.
fn review_of_event() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::pattern(
            r"(?i)\breview(?:s|ed|ing)?\s+(?:the\s+)?(?:organi[sz]ation\s+of\s+the\s+|results\s+of\s+the\s+)?(?:event|exchange|dialogue|visit|exercise|programme|program|expo|exhibition|festival)\b",
        )
    })
}

/// How many of the beat's words and of other sectors' words the article has.
fn domain(passages: &[Passage]) -> (usize, usize) {
    passages.iter().fold((0, 0), |(d, o), p| {
        let (pd, po) = domain::count(p);
        (d + pd, o + po)
    })
}

/// A headline that names an event of the kind no period's work is reviewed at (talks, a
/// visit, an exchange) and neither a period nor a review: the article reports that event,
/// even where its lede looks back on a stretch of cooperation.
fn headline_reports_an_event(title: &Passage) -> bool {
    let all = (0, title.text.len());
    title.has(Cue::LoneEventNouns, all)
        && !title.may_hold(Needs::Period)
        && !title.has(Cue::ReviewVerbs, all)
}

/// How strongly the headline and lede say the article is about one event.
fn event_weight(passages: &[Passage]) -> u32 {
    let mut weight = 0;
    let mut body_seen = 0;
    for p in passages {
        let lede = match p.field {
            Field::Title => false,
            Field::Body(_) if body_seen < LEDE_PARAGRAPHS => {
                body_seen += 1;
                true
            }
            _ => continue,
        };
        if p.has(Cue::EventNouns, (0, p.text.len())) {
            weight += if lede { 2 } else { 3 };
        } else if lede && p.has(Cue::Held, (0, p.text.len())) {
            // "received the ambassador", "met his counterpart": an event without its noun.
            weight += 2;
        }
        if !lede && headline_reports_an_event(p) {
            weight += HEADLINE_EVENT;
        }
        if p.may_hold(Needs::Edition) && edition().is_match(p.text) {
            weight += 2;
        }
        if p.may_hold(Needs::ReviewOfEvent) && review_of_event().is_match(p.text) {
            weight += 3;
        }
    }
    weight
}

/// The kind of an article from its words and the period found. Articles off the beat
/// (economy, trade, culture) are other; a quarter or nine months is not a period a half-year
/// or annual review covers; a review of a period must outweigh the event the article reports.
pub fn classify(passages: &[Passage], found: Option<&Finding>) -> Kind {
    let (defence, other) = domain(passages);
    if defence < MIN_DEFENCE_TERMS || other > defence {
        return Kind::Other;
    }
    let event = event_weight(passages);
    let review = found
        .filter(|f| f.reported || f.beside_review_verb)
        .map_or(0, |f| f.score);
    let review_kind = found.and_then(|f| match f.form {
        Form::Half => Some(Kind::HalfYearReview),
        Form::Year => Some(Kind::AnnualReview),
        Form::Span => Some(Kind::MultiYearReview),
        Form::Other => None,
    });
    if review >= MIN_REVIEW && review >= event {
        return review_kind.unwrap_or(Kind::Other);
    }
    if event >= MIN_EVENT {
        Kind::EventReport
    } else {
        Kind::Other
    }
}

mod domain;
#[cfg(test)]
mod tests;
