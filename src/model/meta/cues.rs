//! Cue words (assets/meta_cues.json) compiled into whole-word, case-insensitive matchers.

use rayon::prelude::*;
use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct CueFile {
    review: Vec<String>,
    ahead: Vec<String>,
    review_verbs: Vec<String>,
    gatherings: Vec<String>,
    held: Vec<String>,
    future: Vec<String>,
    work_nouns: Vec<String>,
    period_not_after: Vec<String>,
    period_not_before: Vec<String>,
    event_nouns: Vec<String>,
    defence_terms: Vec<String>,
    other_sector_terms: Vec<String>,
    future_modals: Vec<String>,
}

/// What a cue near a date or period says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Review language: the text reports what was done.
    Review,
    /// Tasks-ahead language: the text sets what is to be done.
    Ahead,
    /// No cue in the sentence.
    Neutral,
}

/// The compiled cue matchers.
pub struct Cues {
    /// Review or tasks-ahead words, told apart by the named group `r` / `a`.
    tense: Regex,
    /// Words that put a sentence in the future ("will", "need to").
    future_modals: Regex,
    /// Words that make a text a review ("review", "sum up").
    pub review_verbs: Regex,
    /// Nouns for a gathering ("conference", "meeting").
    pub gatherings: Regex,
    /// Verbs for a gathering taking place ("held", "convened", "heard").
    pub held: Regex,
    /// Words that put a gathering in the future ("will be held").
    pub future: Regex,
    /// Nouns a year may stand before as a period ("2024 activities").
    pub work_nouns: Vec<String>,
    /// Words after a year or span that make it something other than a period reviewed
    /// ("term", "plan").
    pub period_not_after: Vec<String>,
    /// Words before a year that make it a horizon or a comparison ("until", "than").
    pub period_not_before: Vec<String>,
    /// Nouns for one event ("exchange", "dialogue", "send-off").
    pub event_nouns: Regex,
    /// Words of the defence beat.
    pub defence_terms: Regex,
    /// Words of other sectors (economy, trade, culture).
    pub other_sector_terms: Regex,
    /// The words `defence_terms` matches, in its order.
    pub defence_words: Vec<String>,
    /// The words `other_sector_terms` matches, in its order.
    pub other_sector_words: Vec<String>,
}

fn alternation(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn whole_words(words: &[String]) -> String {
    format!(r"(?i)\b(?:{})\b", alternation(words))
}

static CUES: OnceLock<Cues> = OnceLock::new();

/// The cues from assets/meta_cues.json.
pub fn cues() -> &'static Cues {
    CUES.get_or_init(|| build(|sources| sources.iter().map(|s| super::pattern(s)).collect()))
}

/// Builds the cues now, their patterns compiled on every core, rather than on the first
/// article. Compiled outside the lock: a core waiting inside it for the others could be
/// handed a document that needs the cues.
pub fn prepare() {
    if CUES.get().is_none() {
        let built = build(|sources| sources.par_iter().map(|s| super::pattern(s)).collect());
        // Another thread that asked first has built the same cues.
        let _ = CUES.set(built);
    }
}

/// The cues, with `compile` turning the patterns' sources into regexes (in order).
fn build(compile: impl Fn(&[String]) -> Vec<Regex>) -> Cues {
    let file: CueFile = serde_json::from_str(include_str!("../../../assets/meta_cues.json"))
        .expect("assets/meta_cues.json is valid (checked by a test)");
    let tense = format!(
        r"(?i)\b(?:(?P<r>{})|(?P<a>{}))\b",
        alternation(&file.review),
        alternation(&file.ahead)
    );
    let sources = [
        tense,
        whole_words(&file.future_modals),
        whole_words(&file.review_verbs),
        whole_words(&file.gatherings),
        whole_words(&file.held),
        whole_words(&file.future),
        whole_words(&file.event_nouns),
        whole_words(&file.defence_terms),
        whole_words(&file.other_sector_terms),
    ];
    let mut regexes = compile(&sources).into_iter();
    let mut next = || regexes.next().expect("one regex per source");
    Cues {
        tense: next(),
        future_modals: next(),
        review_verbs: next(),
        gatherings: next(),
        held: next(),
        future: next(),
        event_nouns: next(),
        defence_terms: next(),
        other_sector_terms: next(),
        defence_words: file.defence_terms,
        other_sector_words: file.other_sector_terms,
        work_nouns: file.work_nouns,
        period_not_after: file.period_not_after,
        period_not_before: file.period_not_before,
    }
}

impl Cues {
    /// The tense of the words at `start..end` of `sentence`: the nearest cue before
    /// them decides; without one, the nearest cue after them; without any, neutral.
    pub fn tense_at(&self, sentence: &str, start: usize, end: usize) -> Tense {
        // Matches are found without their groups; only the one or two that decide are
        // read again for their group, and the scan stops at the first cue after the words.
        let mut before = None;
        let mut after = None;
        for m in self.tense.find_iter(sentence) {
            if m.end() <= start {
                before = Some(m.start());
            } else if m.start() >= end {
                after = Some(m.start());
                break;
            }
        }
        // A cue after the words that dates a year of its own ("in 2020, orientation to
        // 2021") speaks of that year.
        let after = after.filter(|&at| !dates_its_own_year(sentence, at));
        before
            .or(after)
            .map_or(Tense::Neutral, |at| self.tense_of_match_at(sentence, at))
    }

    /// True when the sentence speaks of the future ("will", "need to").
    pub fn is_future(&self, sentence: &str) -> bool {
        self.future_modals.is_match(sentence)
    }

    /// The tense of the cue the pattern matches at byte `at` of `sentence`.
    fn tense_of_match_at(&self, sentence: &str, at: usize) -> Tense {
        match self.tense.captures_at(sentence, at) {
            Some(caps) if caps.name("r").is_some() => Tense::Review,
            Some(_) => Tense::Ahead,
            None => Tense::Neutral,
        }
    }
}

/// Whether a year follows the cue at `at` within a few words.
fn dates_its_own_year(sentence: &str, at: usize) -> bool {
    let end = (at + 30).min(sentence.len());
    let window = sentence.as_bytes().get(at..end).unwrap_or_default();
    window
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && matches!(w[0], b'1' | b'2'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(s: &str, words: &str) -> Tense {
        let i = s.find(words).unwrap();
        cues().tense_at(s, i, i + words.len())
    }

    #[test]
    fn nearest_cue_decides() {
        let s = "a conference reviewing work in 2025 and outlining tasks for 2026";
        assert_eq!(tense(s, "2025"), Tense::Review);
        assert_eq!(tense(s, "2026"), Tense::Ahead);
        let s = "In the second half of this year, he emphasized the need to continue.";
        assert_eq!(tense(s, "second half"), Tense::Ahead);
        let s = "In the first six months of 2025, the work was effective.";
        assert_eq!(tense(s, "first six"), Tense::Review);
        assert_eq!(tense("Defence ties in 2025 grew", "2025"), Tense::Neutral);
        let s = "Defence affairs in 2020, orientation to 2021";
        assert_eq!(tense(s, "2020"), Tense::Neutral);
        assert_eq!(tense(s, "2021"), Tense::Ahead);
    }

    #[test]
    fn word_lists_compile() {
        let c = cues();
        assert!(c.review_verbs.is_match("They Summed  up the year"));
        assert!(!c.review_verbs.is_match("reviewer"));
        assert!(c.held.is_match("the event took place"));
        assert!(c.future.is_match("it will be held"));
        assert!(c.gatherings.is_match("a Conference"));
    }
}
