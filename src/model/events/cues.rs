//! The cue phrases of `assets/event_cues.json`, and matching them on folded text.

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

/// The embedded cue lists.
pub(super) fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        serde_json::from_str(include_str!("../../../assets/event_cues.json"))
            .expect("assets/event_cues.json is valid (checked by a test)")
    })
}

/// Byte offsets in `folded` where `phrase` occurs as whole words.
pub(super) fn find_phrase(folded: &str, phrase: &str) -> Vec<usize> {
    let is_word = |c: char| c.is_alphanumeric();
    folded
        .match_indices(phrase)
        .filter(|&(at, _)| {
            let before = folded[..at].chars().next_back().is_none_or(|c| !is_word(c));
            let after = folded[at + phrase.len()..]
                .chars()
                .next()
                .is_none_or(|c| !is_word(c));
            before && after
        })
        .map(|(at, _)| at)
        .collect()
}

/// True when any of `phrases` occurs in `folded`.
pub(super) fn has_any(folded: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| !find_phrase(folded, p).is_empty())
}

/// The status cue in `folded` nearest to byte `at` (a mention's place in the same
/// folded sentence), preferring cues before it: "preparations for the 8th …".
pub(super) fn status_near(folded: &str, at: usize) -> Option<Status> {
    let c = cues();
    let lists = [
        (Status::Held, &c.held),
        (Status::InPreparation, &c.in_preparation),
        (Status::Upcoming, &c.upcoming),
    ];
    lists
        .iter()
        .flat_map(|(status, phrases)| {
            phrases
                .iter()
                .flat_map(|p| find_phrase(folded, p))
                .map(move |pos| (*status, pos))
        })
        // Before the mention: nearest first; after it: only when nothing is before.
        .min_by_key(|&(_, pos)| if pos <= at { (0, at - pos) } else { (1, pos - at) })
        .map(|(status, _)| status)
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
        assert_eq!(
            find_phrase("the chairman chaired it", "chair"),
            Vec::<usize>::new()
        );
        assert_eq!(find_phrase("the chairman chaired it", "chaired"), vec![13]);
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
