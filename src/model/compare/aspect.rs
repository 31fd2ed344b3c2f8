//! Tense and aspect: whether a sentence reports the period under review or sets
//! tasks for the time ahead (the `aspect` cues of assets/topics.json).

use crate::model::date::Period;
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a sentence speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// The period under review: what was done.
    Review,
    /// The time ahead: tasks, plans, directions.
    Ahead,
    /// Neither is marked.
    #[default]
    Neutral,
}

/// A sentence's aspect and whether a directive or a future modal made it so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The aspect.
    pub aspect: Aspect,
    /// True when the sentence asks for or announces work ("urged", "will"): it is a
    /// task ahead whatever its subject. False for a mere time phrase ("next year").
    pub directive: bool,
}

#[derive(Deserialize)]
struct RawAspect {
    directive_min: f32,
    horizon_min: f32,
    past_word_weight: f32,
    past_word_cap: f32,
    later_year_weight: f32,
    period_year_weight: f32,
    past_word_exceptions: Vec<String>,
    directive: BTreeMap<String, f32>,
    horizon: BTreeMap<String, f32>,
    review: BTreeMap<String, f32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Directive,
    Horizon,
    Review,
}

/// The compiled cues.
#[derive(Debug)]
pub struct AspectCues {
    matcher: AhoCorasick,
    cues: Vec<(Class, f32)>,
    exceptions: FxHashSet<String>,
    directive_min: f32,
    horizon_min: f32,
    past_word_weight: f32,
    past_word_cap: f32,
    later_year_weight: f32,
    period_year_weight: f32,
}

/// Words before a year that tie the sentence to it ("in 2025", "for 2026").
const YEAR_LINKS: [&str; 8] = [
    "in", "for", "by", "to", "towards", "toward", "until", "during",
];

impl AspectCues {
    /// Compiles the `aspect` object of the lexicon; `norm` folds a cue like the text.
    pub fn parse(value: serde_json::Value, norm: &dyn Fn(&str) -> String) -> anyhow::Result<Self> {
        let raw: RawAspect = serde_json::from_value(value)?;
        let mut patterns = Vec::new();
        let mut cues = Vec::new();
        for (class, list) in [
            (Class::Directive, &raw.directive),
            (Class::Horizon, &raw.horizon),
            (Class::Review, &raw.review),
        ] {
            for (cue, &w) in list {
                let n = norm(cue);
                anyhow::ensure!(!n.trim().is_empty(), "empty aspect cue");
                patterns.push(format!(" {} ", n.trim()));
                cues.push((class, w));
            }
        }
        Ok(AspectCues {
            matcher: AhoCorasick::new(&patterns)?,
            cues,
            exceptions: raw.past_word_exceptions.into_iter().collect(),
            directive_min: raw.directive_min,
            horizon_min: raw.horizon_min,
            past_word_weight: raw.past_word_weight,
            past_word_cap: raw.past_word_cap,
            later_year_weight: raw.later_year_weight,
            period_year_weight: raw.period_year_weight,
        })
    }

    /// Reads a normalised sentence (see `Lexicon::normalize`) of a document reviewing
    /// `period`: years after it point ahead, years inside it back.
    pub fn read(&self, normalized: &str, period: Option<Period>) -> Reading {
        let (mut directive, mut horizon, mut review) = (0.0f32, 0.0f32, 0.0f32);
        let mut found: Vec<usize> = self
            .matcher
            .find_overlapping_iter(normalized)
            .map(|m| m.pattern().as_usize())
            .collect();
        found.sort_unstable();
        found.dedup();
        for p in found {
            let (class, w) = self.cues[p];
            match class {
                Class::Directive => directive += w,
                Class::Horizon => horizon += w,
                Class::Review => review += w,
            }
        }
        let mut past = 0.0f32;
        let mut prev = "";
        let (mut later_year, mut period_year) = (false, false);
        for word in normalized.split(' ').filter(|w| !w.is_empty()) {
            if word.len() >= 4 && word.ends_with("ed") && !self.exceptions.contains(word) {
                past += self.past_word_weight;
            }
            if let (Some(p), Ok(year)) = (period, word.parse::<i32>())
                && word.len() == 4
                && YEAR_LINKS.contains(&prev)
            {
                later_year |= year > p.end_year();
                // A half's year also holds the other half, so it does not mark the review.
                period_year |= !matches!(p, Period::Half { .. })
                    && (p.start_year()..=p.end_year()).contains(&year);
            }
            prev = word;
        }
        review += past.min(self.past_word_cap);
        if later_year {
            horizon += self.later_year_weight;
        }
        if period_year {
            review += self.period_year_weight;
        }
        if directive >= self.directive_min && directive > review {
            Reading {
                aspect: Aspect::Ahead,
                directive: true,
            }
        } else if horizon >= self.horizon_min && horizon > review {
            Reading {
                aspect: Aspect::Ahead,
                directive: false,
            }
        } else {
            Reading {
                aspect: if review > 0.0 {
                    Aspect::Review
                } else {
                    Aspect::Neutral
                },
                directive: false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::topics::Lexicon;
    use super::*;

    fn read(s: &str, period: &str) -> Reading {
        let lex = Lexicon::embedded();
        lex.aspect.read(&lex.normalize(s), Period::parse(period))
    }

    fn aspect(s: &str) -> Aspect {
        read(s, "2024-H1").aspect
    }

    #[test]
    fn the_reviewed_half_is_review_and_directives_are_ahead() {
        assert_eq!(
            aspect("In the last six months, the navy received two new frigates."),
            Aspect::Review
        );
        assert_eq!(
            aspect("Over the past six months units have organised 14 delegation exchanges."),
            Aspect::Review
        );
        assert_eq!(
            aspect("The general urged the border guard to step up joint patrols."),
            Aspect::Ahead
        );
        assert_eq!(
            aspect("In the coming time, the ministry will host the 5th expo."),
            Aspect::Ahead
        );
        assert_eq!(
            aspect("He stressed the need to complete the rotation plan in the last six months."),
            Aspect::Ahead
        );
        assert_eq!(aspect("Cooperation with Laos."), Aspect::Neutral);
    }

    #[test]
    fn years_after_the_period_point_ahead() {
        let r = read("Tasks for 2026 include the defence expo.", "2025");
        assert_eq!(r.aspect, Aspect::Ahead);
        assert!(!r.directive);
        assert_eq!(
            read("In 2025 the ministry hosted the defence expo.", "2025").aspect,
            Aspect::Review
        );
        assert!(read("Units must prepare the 2026 plan.", "2025").directive);
    }

    #[test]
    fn past_forms_outweigh_a_stray_time_phrase() {
        assert_eq!(
            aspect(
                "Preparations for the coming period were completed, reviewed and approved by the ministry."
            ),
            Aspect::Review
        );
    }
}
