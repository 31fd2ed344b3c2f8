//! The cue phrases of `assets/event_cues.json`, and matching them on folded text.

use super::phrases::{PhraseSet, Prefilter};
use crate::model::event::Status;
use serde::Deserialize;
use std::sync::OnceLock;

/// Phrase lists that steer event building.
#[derive(Debug, Deserialize)]
pub(super) struct Cues {
    /// Phrases saying an event took place.
    pub held: Vec<String>,
    /// Phrases saying an event is being prepared.
    pub in_preparation: Vec<String>,
    /// Phrases saying an event lies ahead.
    pub upcoming: Vec<String>,
    /// Words marking who chaired a meeting.
    pub chair: Vec<String>,
    /// Words introducing what a conference reviewed.
    pub review: Vec<String>,
    /// Nouns a text uses to refer back to the conference it reports.
    pub conference_nouns: Vec<String>,
    /// Words dropped at the start of a reviewed subject ("the", "its").
    pub subject_leading: Vec<String>,
    /// Words that end a reviewed subject ("during", "in").
    pub subject_stop: Vec<String>,
    /// Generic nouns dropped at the end of a subject ("efforts", "work").
    pub subject_trailing: Vec<String>,
    /// Verbs that, after "and", start a new clause rather than continue the subject.
    pub clause_verbs: Vec<String>,
}

/// Builds the cue lists and matchers now (see `entities::prepare`).
pub(super) fn prepare() {
    cues();
    matchers();
}

/// The embedded cue lists.
pub(super) fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        serde_json::from_str(include_str!("../../../assets/event_cues.json"))
            .expect("assets/event_cues.json is valid (checked by a test)")
    })
}

/// The cue lists that are searched for in sentences, each compiled once.
pub(super) struct Matchers {
    /// [`Cues::held`].
    pub held: PhraseSet,
    /// [`Cues::chair`].
    pub chair: PhraseSet,
    /// [`Cues::review`].
    pub review: PhraseSet,
    /// [`Cues::conference_nouns`].
    pub conference_nouns: PhraseSet,
    /// Any chair, conference-noun or review phrase: a folded text without one has no
    /// sentence about a conference.
    pub about: Prefilter,
    /// Any [`Cues::review`] word in any ASCII case: an ASCII text without one names no
    /// reviewed subject.
    pub review_words: Prefilter,
    /// Held, in-preparation and upcoming phrases in one automaton, in that order.
    status: PhraseSet,
    /// The status of each phrase of `status`.
    status_of: Vec<Status>,
}

/// The compiled cue lists.
pub(super) fn matchers() -> &'static Matchers {
    static MATCHERS: OnceLock<Matchers> = OnceLock::new();
    MATCHERS.get_or_init(|| {
        let c = cues();
        let lists = [
            (Status::Held, &c.held),
            (Status::InPreparation, &c.in_preparation),
            (Status::Upcoming, &c.upcoming),
        ];
        let status_phrases: Vec<&String> = lists.iter().flat_map(|(_, l)| l.iter()).collect();
        Matchers {
            held: PhraseSet::new(&c.held),
            chair: PhraseSet::new(&c.chair),
            review: PhraseSet::new(&c.review),
            conference_nouns: PhraseSet::new(&c.conference_nouns),
            about: Prefilter::new(&[&c.chair, &c.conference_nouns, &c.review], false),
            review_words: Prefilter::new(&[&c.review], true),
            status: PhraseSet::new(&status_phrases),
            status_of: lists
                .iter()
                .flat_map(|(s, l)| std::iter::repeat_n(*s, l.len()))
                .collect(),
        }
    })
}

/// The status cue in `folded` nearest to byte `at` (a mention's place in the same
/// folded sentence), preferring cues before it: "preparations for the 8th …".
pub(super) fn status_near(folded: &str, at: usize) -> Option<Status> {
    nearest_status(&status_cues(folded), at)
}

/// The status cues of `folded`, as (phrase, byte offset), for [`nearest_status`]: a
/// sentence naming several events is searched once.
pub(super) fn status_cues(folded: &str) -> Vec<(usize, usize)> {
    matchers().status.find_all(folded)
}

/// [`status_near`] of the sentence whose [`status_cues`] are `cues`.
pub(super) fn nearest_status(cues: &[(usize, usize)], at: usize) -> Option<Status> {
    let m = matchers();
    cues.iter()
        .copied()
        // Before the mention: nearest first; after it: only when nothing is before.
        // Ties go to the earlier list and phrase, as the lists are ordered.
        .min_by_key(|&(p, pos)| {
            let side = if pos <= at {
                (0, at - pos)
            } else {
                (1, pos - at)
            };
            (side, p)
        })
        .and_then(|(p, _)| m.status_of.get(p).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_loads() {
        assert!(!cues().held.is_empty());
        assert!(cues().chair.contains(&"chaired".to_owned()));
    }

    #[test]
    fn phrases_match_whole_words() {
        let chair = &matchers().chair;
        assert!(!chair.any("the chairman spoke"));
        let at: Vec<usize> = chair
            .find_all("the chairman chaired it")
            .into_iter()
            .map(|(_, b)| b)
            .collect();
        assert_eq!(at, vec![13]);
    }

    #[test]
    fn status_prefers_the_nearest_cue_before_the_mention() {
        let s = "units completed preparations for the 8th exchange, which took place later";
        assert_eq!(
            status_near(s, s.find("8th").unwrap_or(0)),
            Some(Status::InPreparation)
        );
        let s = "the 3rd forum will be held in march";
        assert_eq!(status_near(s, 4), Some(Status::Upcoming));
        assert_eq!(status_near("nothing here", 0), None);
    }
}
