//! The topic lexicon (assets/topics.json) and the scoring of sentences against it.

use crate::model::text::fold;
use aho_corasick::AhoCorasick;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct RawLexicon {
    threshold: f32,
    weak_threshold: f32,
    defining_weight: f32,
    secondary_threshold: f32,
    max_topics: usize,
    spellings: BTreeMap<String, String>,
    topics: Vec<RawTopic>,
}

#[derive(Deserialize)]
struct RawTopic {
    id: String,
    label: String,
    terms: BTreeMap<String, f32>,
}

/// One topic of a review, in the lexicon's display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// Stable id ("border").
    pub id: String,
    /// Display label ("Border defence diplomacy").
    pub label: String,
}

/// The compiled topic lexicon.
#[derive(Debug)]
pub struct Lexicon {
    /// Topics in display order.
    pub topics: Vec<Topic>,
    threshold: f32,
    weak_threshold: f32,
    defining_weight: f32,
    secondary_threshold: f32,
    max_topics: usize,
    spellings: Vec<(String, String)>,
    matcher: AhoCorasick,
    /// Per pattern of `matcher`: (topic index, weight).
    weights: Vec<(usize, f32)>,
}

/// A sentence's topics, best first, with their scores.
pub type Scores = Vec<(usize, f32)>;

impl Lexicon {
    /// The lexicon embedded from assets/topics.json.
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::parse(include_str!("../../../assets/topics.json"))
                .expect("assets/topics.json is valid (checked by a test)")
        })
    }

    /// Parses and compiles a lexicon from its JSON text.
    pub fn parse(json: &str) -> anyhow::Result<Lexicon> {
        let raw: RawLexicon = serde_json::from_str(json)?;
        let spellings: Vec<(String, String)> = raw.spellings.into_iter().collect();
        let mut patterns = Vec::new();
        let mut weights = Vec::new();
        for (t, topic) in raw.topics.iter().enumerate() {
            for (term, &w) in &topic.terms {
                let norm = normalize(term, &spellings);
                anyhow::ensure!(!norm.trim().is_empty(), "empty term in topic {}", topic.id);
                anyhow::ensure!(w >= 0.0, "negative weight for {term:?}");
                patterns.push(format!(" {} ", norm.trim()));
                weights.push((t, w));
            }
        }
        let matcher = AhoCorasick::new(&patterns)?;
        Ok(Lexicon {
            topics: raw
                .topics
                .into_iter()
                .map(|t| Topic {
                    id: t.id,
                    label: t.label,
                })
                .collect(),
            threshold: raw.threshold,
            weak_threshold: raw.weak_threshold,
            defining_weight: raw.defining_weight,
            secondary_threshold: raw.secondary_threshold,
            max_topics: raw.max_topics.max(1),
            spellings,
            matcher,
            weights,
        })
    }

    /// Every topic's score for a sentence (sum of the weights of the distinct phrases found).
    pub fn score(&self, sentence: &str) -> Vec<f32> {
        self.score_with_defining(sentence).0
    }

    /// Scores, and per topic whether one of its defining phrases matched.
    fn score_with_defining(&self, sentence: &str) -> (Vec<f32>, Vec<bool>) {
        let text = format!(" {} ", normalize(sentence, &self.spellings));
        let mut seen = vec![false; self.weights.len()];
        let mut scores = vec![0.0; self.topics.len()];
        let mut defining = vec![false; self.topics.len()];
        for m in self.matcher.find_overlapping_iter(&text) {
            let p = m.pattern().as_usize();
            if !std::mem::replace(&mut seen[p], true) {
                let (t, w) = self.weights[p];
                scores[t] += w;
                defining[t] |= w >= self.defining_weight;
            }
        }
        (scores, defining)
    }

    /// Normalises text the way the lexicon matches it (folded, UK spellings).
    pub fn normalize(&self, s: &str) -> String {
        normalize(s, &self.spellings)
    }

    /// The topics a sentence clearly covers, best first: its best topic when it reaches
    /// the threshold, and others that reach it with a defining phrase or a high score.
    pub fn strong(&self, sentence: &str) -> Scores {
        let (scores, defining) = self.score_with_defining(sentence);
        let ranked = self.ranked(&scores, self.threshold);
        ranked
            .into_iter()
            .enumerate()
            .filter(|&(rank, (t, s))| rank == 0 || defining[t] || s >= self.secondary_threshold)
            .map(|(_, ts)| ts)
            .collect()
    }

    /// Assigns each sentence of a paragraph to its topics. A sentence that covers no
    /// topic clearly continues the best topic of the sentence before it (a speaker's
    /// follow-up), else takes its own best topic if that reaches the weak threshold.
    pub fn assign_paragraph(&self, sentences: &[&str]) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = Vec::with_capacity(sentences.len());
        for s in sentences {
            let strong = self.strong(s);
            let topics = if !strong.is_empty() {
                strong.into_iter().map(|(t, _)| t).collect()
            } else if let Some(&prev) = out.last().and_then(|p| p.first()) {
                vec![prev]
            } else {
                self.ranked(&self.score(s), self.weak_threshold)
                    .into_iter()
                    .take(1)
                    .map(|(t, _)| t)
                    .collect()
            };
            out.push(topics);
        }
        out
    }

    fn ranked(&self, scores: &[f32], threshold: f32) -> Scores {
        let mut ranked: Scores = scores
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, s)| s >= threshold && s > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(self.max_topics);
        ranked
    }
}

/// Folds a text for matching: case and diacritics folded, dots inside acronyms dropped
/// ("U.N." → "un"), every other run of characters but letters, digits and '+' turned into
/// one space (so "ADMM-Plus" matches "admm plus"), and US spellings mapped to UK ones.
fn normalize(s: &str, spellings: &[(String, String)]) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '+' {
            out.push(c);
        } else if c == '.'
            && out.ends_with(char::is_alphanumeric)
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            continue;
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    for (us, uk) in spellings {
        if out.contains(us.as_str()) {
            out = out.replace(us.as_str(), uk);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(lex: &Lexicon, s: &str) -> Vec<String> {
        lex.strong(s)
            .into_iter()
            .map(|(t, _)| lex.topics[t].id.clone())
            .collect()
    }

    #[test]
    fn embedded_lexicon_loads_with_unique_ids() {
        let lex = Lexicon::embedded();
        assert!(lex.topics.len() >= 12);
        let mut seen = std::collections::BTreeSet::new();
        assert!(lex.topics.iter().all(|t| seen.insert(t.id.clone())));
    }

    #[test]
    fn assigns_made_up_sentences() {
        let lex = Lexicon::embedded();
        let first = |s: &str| ids(lex, s).first().cloned().unwrap_or_default();
        assert_eq!(
            first("The 3rd Vietnam–Laos Border Defense Friendship Exchange was held in Nghe An."),
            "border"
        );
        assert_eq!(
            first("Viet Nam sent its Level-2 Field Hospital Rotation 9 to South Sudan."),
            "peacekeeping"
        );
        assert_eq!(
            first("Cooperation on overcoming Agent Orange/dioxin and UXO made headway."),
            "war_legacy"
        );
        assert_eq!(
            first("The ministry took part in the ADMM-Plus and other multilateral forums."),
            "multilateral"
        );
        assert_eq!(
            first("The hybrid meeting, chaired by the deputy minister, linked 40 locations."),
            "conference"
        );
        assert_eq!(
            first("Units must prepare well for the tasks in the remainder of the year."),
            "tasks_ahead"
        );
        assert_eq!(
            first("The ministry drafted a decree on foreign military vessels."),
            "legal"
        );
        assert!(ids(lex, "The weather was pleasant.").is_empty());
    }

    #[test]
    fn a_sentence_listing_areas_goes_under_each() {
        let lex = Lexicon::embedded();
        let got = ids(
            lex,
            "Exchanges among arms and services, war legacy settlement and United Nations peacekeeping were effective.",
        );
        for want in ["other_cooperation", "war_legacy", "peacekeeping"] {
            assert!(got.iter().any(|g| g == want), "{want} missing from {got:?}");
        }
    }

    #[test]
    fn matches_on_word_boundaries_and_both_spellings() {
        let lex = Lexicon::embedded();
        let t = |id: &str| {
            lex.topics
                .iter()
                .position(|t| t.id == id)
                .unwrap_or(usize::MAX)
        };
        let s = lex.score("Bilateral defense ties with neighboring countries.");
        assert!(s[t("bilateral")] >= 3.0 + 2.0);
        // "mias" must not match inside "academias".
        assert_eq!(lex.score("academias")[t("war_legacy")], 0.0);
    }

    #[test]
    fn weak_sentences_continue_the_previous_topic() {
        let lex = Lexicon::embedded();
        let got = lex.assign_paragraph(&[
            "Viet Nam's participation in UN peacekeeping continued on schedule.",
            "The country completed its preparations for both units.",
        ]);
        assert_eq!(got[0][..1], got[1][..]);
    }

    #[test]
    fn a_weak_secondary_topic_is_left_out() {
        let lex = Lexicon::embedded();
        // Mainly border diplomacy; "preparations for" alone does not make it a task.
        let got = ids(
            lex,
            "Vietnam is making thorough preparations for the 5th Vietnam–Laos Border Defence Friendship Exchange.",
        );
        assert_eq!(got, ["border"]);
    }

    #[test]
    fn rejects_bad_lexicons() {
        assert!(Lexicon::parse("{}").is_err());
        let bad = r#"{"threshold":1,"weak_threshold":1,"defining_weight":1,"secondary_threshold":1,"max_topics":1,"spellings":{},
            "topics":[{"id":"a","label":"A","terms":{" ":1}}]}"#;
        assert!(Lexicon::parse(bad).is_err());
    }
}
