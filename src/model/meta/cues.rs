//! Cue words (assets/meta_cues.json) compiled into whole-word, case-insensitive matchers.

use super::words::{List, Scan, WordLists};
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
    lone_event_nouns: Vec<String>,
    defence_terms: Vec<String>,
    other_sector_terms: Vec<String>,
    future_modals: Vec<String>,
    pair_subjects: Vec<String>,
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

/// The cue lists, in the order `build` gives them to the automaton.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// Review words (group 0) or tasks-ahead words (group 1).
    Tense,
    /// Words that put a sentence in the future ("will", "need to").
    FutureModals,
    /// Words that make a text a review ("review", "sum up").
    ReviewVerbs,
    /// Nouns for a gathering ("conference", "meeting").
    Gatherings,
    /// Verbs for a gathering taking place ("held", "convened", "heard").
    Held,
    /// Words that put a gathering in the future ("will be held").
    Future,
    /// Nouns for one event ("exchange", "dialogue", "send-off").
    EventNouns,
    /// Words of the defence beat.
    Defence,
    /// Words of other sectors (economy, trade, culture).
    OtherSector,
    /// Nouns for an event that is not where a period's work is reviewed ("talks",
    /// "visit"): unlike a conference or meeting, a headline naming one reports it.
    LoneEventNouns,
    /// The two parties of a meeting as one subject ("the two sides", "both ministers"):
    /// what they review is their own cooperation, not the article's period.
    PairSubjects,
}

/// Patterns run over whole texts, each of which needs one of its literals (in some
/// ASCII case) to match: the cue scan looks for the literals in the same pass, so that
/// a pattern is not run over a text that holds none of them (`Passage::may_hold`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The period forms (`PERIOD_NEEDS`).
    Period = 1,
    /// The byte check before the date pattern (`date_needs`).
    Date = 2,
    /// An edition of a series (`EDITION_NEEDS`).
    Edition = 4,
    /// A review of one event (`REVIEW_OF_EVENT_NEEDS`).
    ReviewOfEvent = 8,
}

/// Literals one of which every match of the period forms (`period::forms`) holds: each form needs "half",
/// "month", "year", "quarter", "biannual" or "from" (case-insensitive), a year ("19…",
/// "20…") or a month name ("Jan…", "Jul…").
pub const PERIOD_NEEDS: &[&str] = &[
    "19", "20", "half", "month", "year", "quarter", "biannual", "from", "jan", "jul",
];

/// Literals one of which every match of `kind`'s edition pattern holds: its nouns.
pub const EDITION_NEEDS: &[&str] = &[
    "exchange",
    "dialogue",
    "meeting",
    "conference",
    "forum",
    "summit",
    "expo",
    "exhibition",
    "games",
    "festival",
    "field",
    "rotation",
    "program",
    "session",
];

/// The literal every match of `kind`'s review-of-event pattern holds.
pub const REVIEW_OF_EVENT_NEEDS: &[&str] = &["review"];

/// Literals one of which, in some ASCII case, every text the byte check before the date pattern (`dates`) passes holds:
/// a digit before '-', '/' or '.', "day", "wee", or a month's first three letters.
pub fn date_needs() -> Vec<String> {
    let numeric =
        (b'0'..=b'9').flat_map(|d| ['-', '/', '.'].map(|s| format!("{}{s}", char::from(d))));
    let words = [
        "day", "wee", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
        "dec",
    ];
    numeric.chain(words.map(str::to_owned)).collect()
}

/// The compiled cue matchers.
pub struct Cues {
    /// Every cue list, found in one pass over a text.
    words: WordLists,
    /// Nouns a year may stand before as a period ("2024 activities").
    pub work_nouns: Vec<String>,
    /// Review verbs ("sums up"), which a year they stand before is the period of.
    pub review_verbs: Vec<String>,
    /// Words after a year or span that make it something other than a period reviewed
    /// ("term", "plan").
    pub period_not_after: Vec<String>,
    /// Words before a year that make it a horizon or a comparison ("until", "than").
    pub period_not_before: Vec<String>,
}

static CUES: OnceLock<Cues> = OnceLock::new();

/// The cues from assets/meta_cues.json.
pub fn cues() -> &'static Cues {
    CUES.get_or_init(build)
}

/// Builds the cues now rather than on the first article.
pub fn prepare() {
    cues();
}

/// The cue lists of assets/meta_cues.json, in `Cue` order.
fn build() -> Cues {
    let file: CueFile = serde_json::from_str(include_str!("../../../assets/meta_cues.json"))
        .expect("assets/meta_cues.json is valid (checked by a test)");
    let lists: Vec<List> = vec![
        vec![file.review, file.ahead],
        vec![file.future_modals],
        vec![file.review_verbs.clone()],
        vec![file.gatherings],
        vec![file.held],
        vec![file.future],
        vec![file.event_nouns],
        vec![file.defence_terms],
        vec![file.other_sector_terms],
        vec![file.lone_event_nouns],
        vec![file.pair_subjects],
    ];
    let dates = date_needs();
    let literals: Vec<(&str, u32)> = [
        (PERIOD_NEEDS, Needs::Period),
        (EDITION_NEEDS, Needs::Edition),
        (REVIEW_OF_EVENT_NEEDS, Needs::ReviewOfEvent),
    ]
    .into_iter()
    .flat_map(|(ls, n)| ls.iter().map(move |&l| (l, n as u32)))
    .chain(dates.iter().map(|l| (l.as_str(), Needs::Date as u32)))
    .collect();
    Cues {
        words: WordLists::with_literals(&lists, &literals),
        work_nouns: file.work_nouns,
        review_verbs: file.review_verbs,
        period_not_after: file.period_not_after,
        period_not_before: file.period_not_before,
    }
}

impl Cues {
    /// Finds every cue of `text` in one pass, for the questions below.
    pub fn scan<'t>(&self, text: &'t str) -> Scan<'t> {
        self.words.scan(text)
    }

    /// Whether `text[range]` (the text `scan` was made of) holds a cue of the list.
    pub fn has(&self, scan: &Scan, cue: Cue, range: (usize, usize)) -> bool {
        self.words.is_match(scan, cue as usize, range)
    }

    /// How many cues of the list `text[range]` holds, as a regex counts its matches.
    pub fn count(&self, scan: &Scan, cue: Cue, range: (usize, usize)) -> usize {
        self.words.count(scan, cue as usize, range)
    }

    /// The tense of the words at `start..end` of the sentence `text[sentence]`: the
    /// nearest cue before them decides; without one, the nearest cue after them; without
    /// any, neutral. Offsets are into the text `scan` was made of.
    pub fn tense_at(
        &self,
        scan: &Scan,
        sentence: (usize, usize),
        start: usize,
        end: usize,
    ) -> Tense {
        let mut before = None;
        let mut after = None;
        for m in self.words.matches(scan, Cue::Tense as usize, sentence) {
            if m.end <= start {
                before = Some(m);
            } else if m.start >= end {
                after = Some(m);
                break;
            }
        }
        // A cue after the words that dates a year of its own ("in 2020, orientation to
        // 2021") speaks of that year.
        let after = after.filter(|m| !dates_its_own_year(scan.text(), m.start, sentence.1));
        before.or(after).map_or(Tense::Neutral, |m| match m.group {
            0 => Tense::Review,
            _ => Tense::Ahead,
        })
    }

    /// True when the sentence `text[sentence]` speaks of the future ("will", "need to").
    pub fn is_future(&self, scan: &Scan, sentence: (usize, usize)) -> bool {
        self.has(scan, Cue::FutureModals, sentence)
    }
}

/// Whether a year follows the cue at `at` within a few words.
fn dates_its_own_year(text: &str, at: usize, sentence_end: usize) -> bool {
    let end = (at + 30).min(sentence_end);
    let window = text.as_bytes().get(at..end).unwrap_or_default();
    window
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && matches!(w[0], b'1' | b'2'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(s: &str, words: &str) -> Tense {
        let i = s.find(words).unwrap();
        let c = cues();
        c.tense_at(&c.scan(s), (0, s.len()), i, i + words.len())
    }

    fn has(cue: Cue, s: &str) -> bool {
        let c = cues();
        c.has(&c.scan(s), cue, (0, s.len()))
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
    fn tense_of_a_sentence_inside_a_text() {
        let text = "Tasks were set. In 2025 the army reviewed its work. Plans for 2026 follow.";
        let c = cues();
        let scan = c.scan(text);
        let s = text.find("In 2025").unwrap();
        let e = text.find(" Plans").unwrap();
        let y = text.find("2025").unwrap();
        // "Tasks" before the sentence and "Plans" after it are not its cues.
        assert_eq!(c.tense_at(&scan, (s, e), y, y + 4), Tense::Review);
        assert_eq!(c.tense_at(&scan, (s, s + 12), y, y + 4), Tense::Neutral);
    }

    #[test]
    fn every_cue_list_is_read_by_the_automaton() {
        assert!(cues().scan("The army held a review.").by_automaton());
    }

    #[test]
    fn the_scan_finds_the_literals() {
        let c = cues();
        let holds = |text: &str, n: Needs| c.scan(text).may_hold(n as u32);
        assert!(holds("in the first HALF", Needs::Period));
        assert!(!holds("in the first place", Needs::Period));
        assert!(holds("on 7/5", Needs::Date) && holds("SUNDAY", Needs::Date));
        assert!(!holds("on the seventh", Needs::Date));
        assert!(holds("the second Festival", Needs::Edition));
        assert!(!holds("the second time", Needs::Edition));
        assert!(holds("to Review the event", Needs::ReviewOfEvent));
        assert!(!holds("to view the event", Needs::ReviewOfEvent));
        // A text the automaton does not read may hold anything.
        assert!(holds("the  second time", Needs::Edition));
    }

    #[test]
    fn word_lists_compile() {
        assert!(has(Cue::ReviewVerbs, "They Summed  up the year"));
        assert!(has(Cue::ReviewVerbs, "They summed up the year"));
        assert!(!has(Cue::ReviewVerbs, "reviewer"));
        assert!(has(Cue::Held, "the event took place"));
        assert!(has(Cue::Future, "it will be held"));
        assert!(has(Cue::Gatherings, "a Conference"));
        assert!(has(Cue::FutureModals, "Units need to prepare"));
        assert!(!has(Cue::FutureModals, "Units needed tools"));
        let c = cues();
        let s = "Border guards and the Defence Ministry met; GDP and export value rose.";
        let scan = c.scan(s);
        assert_eq!(c.count(&scan, Cue::Defence, (0, s.len())), 2);
        assert_eq!(c.count(&scan, Cue::OtherSector, (0, s.len())), 2);
    }
}
