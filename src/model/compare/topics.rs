//! The topic lexicon (assets/topics.json): topics, their weighted terms, and the
//! folding that text and terms share before they are matched.

use super::aspect::AspectCues;
pub use super::fold::fold_words;
use super::fold::{Spellings, fold_words_into};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct RawLexicon {
    threshold: f32,
    weak_threshold: f32,
    secondary_threshold: f32,
    secondary_ratio: f32,
    entity_weight: f32,
    ahead_topic: String,
    spellings: BTreeMap<String, String>,
    aspect: serde_json::Value,
    topics: Vec<RawTopic>,
}

#[derive(Deserialize)]
struct RawTopic {
    id: String,
    label: String,
    short: String,
    terms: BTreeMap<String, f32>,
}

/// One topic of a review, in the lexicon's display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Stable id ("border").
    pub id: String,
    /// Display label ("Border defence diplomacy").
    pub label: String,
    /// Short name for a digest line ("Border").
    pub short: String,
}

/// How sentences are given topics (thresholds of assets/topics.json).
#[derive(Debug, Clone, Copy)]
pub struct Thresholds {
    /// Score a topic needs to be a sentence's primary topic.
    pub primary: f32,
    /// Score the best topic of a sentence that cannot continue its neighbour needs.
    pub weak: f32,
    /// Score the secondary topic needs.
    pub secondary: f32,
    /// Share of the primary's score the secondary needs.
    pub secondary_ratio: f32,
    /// Weight of the scores of the names of the entities a sentence names.
    pub entity_weight: f32,
}

/// The compiled topic lexicon.
#[derive(Debug)]
pub struct Lexicon {
    /// Topics in display order.
    pub topics: Vec<Topic>,
    /// Assignment thresholds.
    pub thresholds: Thresholds,
    /// Index of the "tasks ahead" topic.
    pub ahead: usize,
    /// Tense and aspect cues.
    pub(super) aspect: AspectCues,
    spellings: Spellings,
    matcher: AhoCorasick,
    /// The terms without their bounding spaces, leftmost-longest: one scan for profiles.
    longest: AhoCorasick,
    /// Per pattern of `matcher`: (topic index, weight).
    weights: Vec<(usize, f32)>,
}

/// The embedded assets/topics.json text.
pub(super) const TOPICS_JSON: &str = include_str!("../../../assets/topics.json");

impl Lexicon {
    /// The lexicon embedded from assets/topics.json.
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::parse(TOPICS_JSON).expect("assets/topics.json is valid (checked by a test)")
        })
    }

    /// Parses and compiles a lexicon from its JSON text.
    pub fn parse(json: &str) -> anyhow::Result<Lexicon> {
        let raw: RawLexicon = serde_json::from_str(json)?;
        let spellings = Spellings::new(raw.spellings)?;
        let mut patterns = Vec::new();
        let mut weights = Vec::new();
        for (t, topic) in raw.topics.iter().enumerate() {
            for (term, &w) in &topic.terms {
                let norm = spellings.apply(fold_words(term));
                anyhow::ensure!(!norm.trim().is_empty(), "empty term in topic {}", topic.id);
                anyhow::ensure!(w >= 0.0, "negative weight for {term:?}");
                patterns.push(format!(" {} ", norm.trim()));
                weights.push((t, w));
            }
        }
        // A DFA: the fastest overlapping search, and small for a lexicon of short terms.
        let matcher = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)?;
        let longest = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|p| p.trim()))?;
        let ahead = raw
            .topics
            .iter()
            .position(|t| t.id == raw.ahead_topic)
            .ok_or_else(|| anyhow::anyhow!("ahead_topic {:?} is not a topic", raw.ahead_topic))?;
        let aspect = AspectCues::parse(raw.aspect, &|s| spellings.apply(fold_words(s)))?;
        Ok(Lexicon {
            topics: raw
                .topics
                .into_iter()
                .map(|t| Topic {
                    id: t.id,
                    label: t.label,
                    short: t.short,
                })
                .collect(),
            thresholds: Thresholds {
                primary: raw.threshold,
                weak: raw.weak_threshold,
                secondary: raw.secondary_threshold,
                secondary_ratio: raw.secondary_ratio,
                entity_weight: raw.entity_weight,
            },
            ahead,
            aspect,
            spellings,
            matcher,
            longest,
            weights,
        })
    }

    /// The index of a topic by id.
    pub fn topic(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }

    /// Folds a text the way the lexicon matches it: " words separated by single spaces ",
    /// case and diacritics folded, US spellings turned into UK ones.
    pub fn normalize(&self, s: &str) -> String {
        let mut folded = String::with_capacity(s.len() + 2);
        self.normalize_into(s, &mut folded);
        folded
    }

    /// [`Lexicon::normalize`] into `out` (cleared first), so one buffer serves many texts.
    pub fn normalize_into(&self, s: &str, out: &mut String) {
        out.clear();
        out.push(' ');
        fold_words_into(s, out);
        if !out.ends_with(' ') {
            out.push(' ');
        }
        self.spellings.apply_in_place(out);
    }

    /// Folds one word like the text it sits in ("Defense" → "defence").
    pub fn fold_token(&self, word: &str) -> String {
        self.spellings.apply(fold_words(word))
    }

    /// Every topic's score for a normalised text: the summed weights of the distinct
    /// terms it contains.
    pub fn score_normalized(&self, normalized: &str, scores: &mut [f32]) {
        let mut found: Vec<usize> = self
            .matcher
            .find_overlapping_iter(normalized)
            .map(|m| m.pattern().as_usize())
            .collect();
        found.sort_unstable();
        found.dedup();
        for p in found {
            let (t, w) = self.weights[p];
            if let Some(s) = scores.get_mut(t) {
                *s += w;
            }
        }
    }

    /// Every topic's score for a sentence.
    pub fn score(&self, sentence: &str) -> Vec<f32> {
        let mut scores = vec![0.0; self.topics.len()];
        self.score_normalized(&self.normalize(sentence), &mut scores);
        scores
    }

    /// Every topic's summed weight of the term occurrences in a normalised text, repeats
    /// included and the longest term wherever terms overlap (a document's profile).
    pub fn weigh_all(&self, normalized: &str, scores: &mut [f32]) {
        let bytes = normalized.as_bytes();
        for m in self.longest.find_iter(normalized) {
            let bounded = (m.start() == 0 || bytes[m.start() - 1] == b' ')
                && bytes.get(m.end()).is_none_or(|&b| b == b' ');
            if !bounded {
                continue;
            }
            let (t, w) = self.weights[m.pattern().as_usize()];
            if let Some(s) = scores.get_mut(t) {
                *s += w;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(lex: &Lexicon, s: &str) -> String {
        let scores = lex.score(s);
        let (t, v) = scores
            .iter()
            .enumerate()
            .filter(|&(t, _)| t != lex.ahead)
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            .expect("topics");
        if *v >= lex.thresholds.primary {
            lex.topics[t].id.clone()
        } else {
            String::new()
        }
    }

    #[test]
    fn embedded_lexicon_loads_with_unique_ids_and_the_beat_s_topics() {
        let lex = Lexicon::embedded();
        let mut seen = std::collections::BTreeSet::new();
        assert!(lex.topics.iter().all(|t| seen.insert(t.id.clone())));
        for id in [
            "conference",
            "bilateral",
            "multilateral",
            "border",
            "peacekeeping",
            "industry",
            "war_legacy",
            "maritime",
            "disaster",
            "readiness",
            "event_security",
            "defence_zones",
            "party_work",
            "military_training",
            "logistics",
            "discipline",
            "tasks_ahead",
        ] {
            assert!(lex.topic(id).is_some(), "{id}");
        }
        assert_eq!(
            lex.topics.last().map(|t| t.id.as_str()),
            Some("tasks_ahead")
        );
    }

    #[test]
    fn scores_made_up_sentences() {
        let lex = Lexicon::embedded();
        for (s, want) in [
            (
                "The 3rd Vietnam–Laos Border Defense Friendship Exchange took place in Nghe An.",
                "border",
            ),
            (
                "Viet Nam sent its Level-2 Field Hospital Rotation 9 to South Sudan.",
                "peacekeeping",
            ),
            (
                "Cooperation on overcoming Agent Orange/dioxin and UXO made headway.",
                "war_legacy",
            ),
            (
                "The ministry took part in the ADMM-Plus and the Shangri-La Dialogue.",
                "multilateral",
            ),
            (
                "The hybrid meeting, chaired by the deputy minister, linked 40 locations.",
                "conference",
            ),
            (
                "The ministry drafted a decree on foreign military vessels.",
                "legal",
            ),
            (
                "Troops rescued 2,300 people stranded by floods and landslides after the typhoon.",
                "disaster",
            ),
            (
                "Over 300 firms showed their products at the defense expo.",
                "industry",
            ),
            (
                "Party organizations in the army stepped up political education.",
                "party_work",
            ),
            (
                "Militia and self-defence forces and reservists joined the provincial defence zone exercise.",
                "defence_zones",
            ),
        ] {
            assert_eq!(best(lex, s), want, "{s}");
        }
        assert_eq!(best(lex, "The weather was pleasant."), "");
    }

    #[test]
    fn both_spellings_score_alike() {
        let lex = Lexicon::embedded();
        assert_eq!(
            lex.score("The defense organization's maneuvers near the neighboring border center."),
            lex.score("The defence organisation's manoeuvres near the neighbouring border centre.")
        );
        let t = lex.topic("war_legacy").unwrap_or(0);
        // "mias" must not match inside "academias".
        assert_eq!(lex.score("academias")[t], 0.0);
    }

    #[test]
    fn folding_keeps_words_apart_and_acronyms_together() {
        let lex = Lexicon::embedded();
        assert_eq!(
            lex.normalize("The U.N.'s ADMM-Plus,  Việt Nam"),
            " the un s admm plus viet nam "
        );
        assert_eq!(lex.normalize(""), " ");
        assert_eq!(fold_words("  Hà Nội—Defense "), "ha noi defense");
        for s in [
            "  U.N.'s ADMM-Plus, 3.5 x. ",
            "a..b",
            ".",
            "",
            "Co-chaired  by",
            "+x+",
        ] {
            let (mut a, mut b) = (String::new(), String::new());
            super::super::fold::fold_ascii_words(s.as_bytes(), &mut a);
            super::super::fold::fold_unicode_words(s, &mut b);
            assert_eq!(a, b, "{s:?}");
        }
    }

    #[test]
    fn rejects_bad_lexicons() {
        assert!(Lexicon::parse("{}").is_err());
        let bad = r#"{"threshold":1,"weak_threshold":1,"secondary_threshold":1,"secondary_ratio":0.5,
            "entity_weight":1,"ahead_topic":"a","spellings":{},"aspect":{},
            "topics":[{"id":"a","label":"A","short":"A","terms":{" ":1}}]}"#;
        assert!(Lexicon::parse(bad).is_err());
    }
}
