//! The name of a reported review conference: what it reviewed, and over which period.

use super::cues::{cues, matchers};
use crate::model::date::Period;
use crate::model::document::{Document, Kind};
use crate::model::sentence;
use crate::model::text::fold;
use std::borrow::Cow;

/// Longest subject kept; longer phrases are likely a misparse.
const MAX_WORDS: usize = 8;

/// A period as people write it in a name: "H1 2025", "2025", "2016–2021".
pub(super) fn period_label(p: Period) -> String {
    match p {
        Period::Half { year, half } => format!("H{half} {year}"),
        Period::Year(y) => y.to_string(),
        Period::Span(a, b) => format!("{a}–{b}"),
    }
}

/// "Review of <subject>, <period>" from the first "review(ing) <noun phrase>" of the
/// body (then the headline); `None` when the text names no subject (the conference is
/// then named by [`generic_name`]).
pub(super) fn text_name(doc: &Document) -> Option<String> {
    reviewed(doc).map(|subject| with_period(doc, format!("Review of {subject}")))
}

/// "<Kind> conference, <period>": the name of a review conference whose report does
/// not say what it reviewed.
pub(super) fn generic_name(doc: &Document) -> String {
    let kind = match doc.kind {
        Kind::HalfYearReview => "Half-year review",
        Kind::AnnualReview => "Annual review",
        Kind::MultiYearReview => "Multi-year review",
        Kind::EventReport | Kind::Other => "Review",
    };
    with_period(doc, format!("{kind} conference"))
}

/// `name`, then the period of `doc` when it has one.
fn with_period(doc: &Document, name: String) -> String {
    match doc.period {
        Some(p) => format!("{name}, {}", period_label(p)),
        None => name,
    }
}

/// The subject of the first "review(ing) <noun phrase>" of the body of `doc` (then of
/// its headline).
fn reviewed(doc: &Document) -> Option<String> {
    let texts = doc
        .body
        .iter()
        .chain((!doc.title_derived).then_some(doc.title.as_str()));
    // A review word is needed; an ASCII text without one as a substring has none.
    let no_cue = |t: &str| t.is_ascii() && !matchers().review_words.may_occur(t);
    for text in texts {
        if no_cue(text) {
            continue;
        }
        for s in sentence::sentences(text) {
            if no_cue(s) {
                continue;
            }
            if let Some(subject) = reviewed_subject(s) {
                return Some(subject);
            }
        }
    }
    None
}

/// The noun phrase after a "review" word in `sentence`: "to review Vietnam's
/// international integration and defence diplomacy efforts during …" gives
/// "international integration and defence diplomacy".
pub(super) fn reviewed_subject(sentence: &str) -> Option<String> {
    let c = cues();
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let is = |w: &str, list: &[String]| list.iter().any(|x| *x == w);
    for (i, w) in words.iter().enumerate() {
        if !is(&bare(w), &c.review) || ends_clause(w) {
            continue;
        }
        let mut rest = words[i + 1..].iter().peekable();
        // Leading determiners and possessives ("the", "Vietnam's").
        while let Some(w) = rest.peek() {
            let b = bare(w);
            let possessive = b.ends_with("'s") || b.ends_with("’s") || folded(w).ends_with("’s");
            if is(&b, &c.subject_leading) || possessive {
                rest.next();
            } else {
                break;
            }
        }
        let mut subject: Vec<&str> = Vec::new();
        let list: Vec<&&str> = rest.collect();
        // "reported, reviewed and made proposals": one of a row of verbs, no subject.
        if list
            .first()
            .is_some_and(|w| matches!(&*bare(w), "and" | "or"))
        {
            continue;
        }
        for (j, w) in list.iter().enumerate() {
            let b = bare(w);
            if b.is_empty() || is(&b, &c.subject_stop) {
                break;
            }
            if b == "and" {
                let next = list.get(j + 1).map(|n| bare(n)).unwrap_or_default();
                if is_clause_verb(&next, &c.clause_verbs) {
                    break;
                }
            }
            subject.push(trim_word(w));
            if ends_clause(w) {
                break;
            }
        }
        while subject
            .last()
            .is_some_and(|w| is(&folded(w), &c.subject_trailing) || folded(w) == "and")
        {
            subject.pop();
        }
        let starts_word = subject
            .first()
            .is_some_and(|w| w.starts_with(char::is_alphabetic));
        if starts_word && subject.len() <= MAX_WORDS {
            return Some(subject.join(" "));
        }
    }
    None
}

/// The fold of `w` without the punctuation around it.
fn bare(w: &str) -> Cow<'_, str> {
    folded(trim_word(w))
}

/// `w` without the punctuation around it.
fn trim_word(w: &str) -> &str {
    w.trim_matches(|ch: char| !ch.is_alphanumeric())
}

/// [`fold`] of `w`, lent back when that is `w` itself (ASCII without capitals, as most
/// words are): a subject is looked for word by word, and each fold was a new string.
/// ASCII folds by lower-casing alone.
fn folded(w: &str) -> Cow<'_, str> {
    if !w.is_ascii() {
        Cow::Owned(fold(w))
    } else if w.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(w.to_ascii_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// True for a listed verb or its -ing form ("outline" → "outlining", "set" → "setting").
fn is_clause_verb(w: &str, verbs: &[String]) -> bool {
    let listed = |s: &str| verbs.iter().any(|v| v == s);
    if listed(w) {
        return true;
    }
    let Some(stem) = w.strip_suffix("ing") else {
        return false;
    };
    let undoubled = stem.get(..stem.len().saturating_sub(1)).unwrap_or("");
    listed(stem) || listed(&format!("{stem}e")) || (stem.len() > 2 && listed(undoubled))
}

/// True when a word carries punctuation that ends a phrase.
fn ends_clause(w: &str) -> bool {
    w.ends_with([',', '.', ';', ':', '!', '?', ')']) || w.ends_with('—')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_noun_phrase_after_review() {
        let s = "The Ministry convened a conference on July 7 to review Vietnam's international integration and defence diplomacy efforts during the first half, and set tasks.";
        assert_eq!(
            reviewed_subject(s).as_deref(),
            Some("international integration and defence diplomacy")
        );
        let s = "Chiến made the remarks while chairing a conference reviewing international integration and defence diplomacy work in 2025 and outlining tasks for 2026.";
        assert_eq!(
            reviewed_subject(s).as_deref(),
            Some("international integration and defence diplomacy")
        );
        let s =
            "The Navy Command met to review the naval training and sea patrols and set new goals.";
        assert_eq!(
            reviewed_subject(s).as_deref(),
            Some("naval training and sea patrols")
        );
    }

    #[test]
    fn a_review_word_in_a_row_of_verbs_has_no_subject() {
        let s = "Provincial units inspected, reviewed and drew up plans for the flood season.";
        assert_eq!(reviewed_subject(s), None);
        let s = "The staff will review or revise the training schedule.";
        assert_eq!(reviewed_subject(s), None);
        let s = "Officers reviewed and approved plans, then reviewed the coastal drills.";
        assert_eq!(reviewed_subject(s).as_deref(), Some("coastal drills"));
    }

    #[test]
    fn and_before_a_verb_ends_the_subject() {
        let verbs = &cues().clause_verbs;
        assert!(is_clause_verb("outlining", verbs) && is_clause_verb("setting", verbs));
        assert!(!is_clause_verb("engineering", verbs) && !is_clause_verb("training", verbs));
    }

    #[test]
    fn rejects_clauses_and_missing_subjects() {
        assert_eq!(
            reviewed_subject("Reports reviewed that units did well."),
            None
        );
        assert_eq!(reviewed_subject("It was a review."), None);
        assert_eq!(reviewed_subject("No cue here."), None);
        assert_eq!(reviewed_subject(""), None);
    }

    #[test]
    fn names_fall_back_to_the_kind_and_period() {
        let doc = Document {
            kind: Kind::HalfYearReview,
            period: Some(Period::Half {
                year: 2025,
                half: 1,
            }),
            body: vec!["The event was chaired by the Deputy Minister.".into()].into(),
            title_derived: true,
            ..Document::default()
        };
        assert_eq!(text_name(&doc), None);
        assert_eq!(generic_name(&doc), "Half-year review conference, H1 2025");
        let doc = Document {
            body: vec!["A meeting to review logistics support, in Hue.".into()].into(),
            period: Some(Period::Span(2016, 2021)),
            ..doc
        };
        assert_eq!(
            text_name(&doc).as_deref(),
            Some("Review of logistics support, 2016–2021")
        );
        assert_eq!(generic_name(&doc), "Half-year review conference, 2016–2021");
    }
}
