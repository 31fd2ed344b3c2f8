//! Whether a date written in a sentence is a document's ("Decree 12 issued on May 5",
//! "a letter dated June 3"), not the date of the gathering or event the sentence
//! reports. The metadata pass and the event timeline both ask; the phrases are in
//! `assets/document_dates.json`.

use serde::Deserialize;
use std::sync::OnceLock;

/// How many words before a date are looked at for a document's noun ("Resolution No.
/// 8, signed on").
const NOUN_REACH: usize = 6;

/// The phrase lists of `assets/document_dates.json`, each phrase as its words.
#[derive(Debug, Deserialize)]
struct DocumentDates {
    /// Phrases that, right before a date, make it a document's date on their own.
    #[serde(deserialize_with = "phrases")]
    alone: Vec<Vec<String>>,
    /// Phrases that do so only after a document's noun ("the decision signed on", not
    /// "the two sides signed on").
    #[serde(deserialize_with = "phrases")]
    after_document_noun: Vec<Vec<String>>,
    /// Nouns of documents that carry a date of issue (lower case).
    document_nouns: Vec<String>,
}

fn phrases<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Vec<String>>, D::Error> {
    let list = Vec::<String>::deserialize(d)?;
    Ok(list
        .iter()
        .map(|p| p.split_whitespace().map(str::to_owned).collect())
        .collect())
}

fn lists() -> &'static DocumentDates {
    static LISTS: OnceLock<DocumentDates> = OnceLock::new();
    LISTS.get_or_init(|| {
        serde_json::from_str(include_str!("../../assets/document_dates.json"))
            .expect("assets/document_dates.json is valid (checked by a test)")
    })
}

/// True when the words before a date, `before` (nearest first, punctuation dropped),
/// make it a document's date: they end with a phrase that does so alone, or with one
/// that does so after a document's noun and such a noun is among the nearest
/// `NOUN_REACH` words.
pub fn dates_a_document<'a>(before: impl IntoIterator<Item = &'a str>) -> bool {
    let mut near: [&str; NOUN_REACH] = [""; NOUN_REACH];
    let mut n = 0;
    for (slot, w) in near.iter_mut().zip(before) {
        *slot = w;
        n += 1;
    }
    let near = &near[..n];
    let ends_with = |phrase: &Vec<String>| {
        phrase.len() <= near.len()
            && phrase
                .iter()
                .rev()
                .zip(near)
                .all(|(p, w)| w.eq_ignore_ascii_case(p))
    };
    let l = lists();
    l.alone.iter().any(ends_with)
        || (l.after_document_noun.iter().any(ends_with)
            && near.iter().any(|w| {
                l.document_nouns
                    .iter()
                    .any(|noun| w.eq_ignore_ascii_case(noun))
            }))
}

/// The words of `text` from its end backwards, as [`dates_a_document`] takes them.
pub fn words_back(text: &str) -> impl Iterator<Item = &str> {
    text.rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(text: &str) -> bool {
        dates_a_document(words_back(text))
    }

    #[test]
    fn the_lists_parse() {
        let l = lists();
        assert!(!l.alone.is_empty() && !l.document_nouns.is_empty());
        assert!(l.after_document_noun.iter().all(|p| !p.is_empty()));
    }

    #[test]
    fn an_issuing_phrase_dates_a_document_on_its_own() {
        assert!(before("under the guidance issued on"));
        assert!(before("in a letter dated"));
        assert!(before("the ordinance, promulgated on"));
    }

    #[test]
    fn a_signing_dates_a_document_only_after_its_noun() {
        assert!(before("Resolution No. 8, signed on"));
        assert!(before("the decision adopted on"));
        assert!(!before("the two ministers signed on"));
        assert!(!before("delegates adopted on"));
    }

    #[test]
    fn a_noun_too_far_back_or_a_phrase_not_at_the_end_does_not_count() {
        assert!(!before(
            "the decree that the ministry and its partners in the region signed on"
        ));
        assert!(!before("issued on the occasion of the meeting held on"));
        assert!(!before(""));
    }
}
