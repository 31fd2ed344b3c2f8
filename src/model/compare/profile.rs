//! A document's topic profile, for suggestions: how much of each subject topic the start
//! of its body speaks of. Two reviews of the same work share a profile; a review and a
//! report of one event, or an article on another subject, do not.

use super::topics::Lexicon;
use crate::model::document::Document;

/// Body text read per document (its start), so profiles cost the same at any length.
pub const PROFILE_BYTES: usize = 4096;

/// Subject topics a review of the work covers at least, in its first [`PROFILE_BYTES`].
/// A topic counts when its weight reaches the primary threshold scaled to the text read
/// (a short review says less of each subject), but not below the weak threshold.
pub const MIN_BREADTH: usize = 2;

/// Share of the subject weight above which one topic dominates: the mark of a report on
/// one event (an exchange, a send-off) rather than a review of the work.
pub const MAX_DOMINANCE: f32 = 2.0 / 3.0;

/// The weight of each topic's terms in a document's opening.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    weights: Vec<f32>,
    /// The length of `weights` (worked out once: a profile is compared with many).
    norm: f32,
    /// Subject topics whose terms reach the primary threshold.
    pub breadth: usize,
}

/// Topics that every review has and that say nothing of its subjects.
fn is_frame(lex: &Lexicon, t: usize) -> bool {
    t == lex.ahead || matches!(lex.topics[t].id.as_str(), "conference" | "assessment")
}

impl Profile {
    /// The profile of a document's body start.
    pub fn of(doc: &Document, lex: &Lexicon) -> Profile {
        let mut weights = vec![0.0; lex.topics.len()];
        let mut left = PROFILE_BYTES;
        let mut norm = String::with_capacity(PROFILE_BYTES + 64);
        for p in &doc.body {
            if left == 0 {
                break;
            }
            let mut end = p.len().min(left);
            while !p.is_char_boundary(end) {
                end -= 1;
            }
            lex.normalize_into(&p[..end], &mut norm);
            lex.weigh_all(&norm, &mut weights);
            left -= end;
        }
        for (t, w) in weights.iter_mut().enumerate() {
            if is_frame(lex, t) {
                *w = 0.0;
            }
        }
        let read = (PROFILE_BYTES - left) as f32 / PROFILE_BYTES as f32;
        let counts = (lex.thresholds.primary * read).max(lex.thresholds.weak);
        let breadth = weights.iter().filter(|&&w| w >= counts).count();
        let norm = weights.iter().map(|x| x * x).sum::<f32>().sqrt();
        Profile {
            weights,
            norm,
            breadth,
        }
    }

    /// How alike two profiles are (cosine, 0..=1); 0 when either is empty.
    pub fn similarity(&self, other: &Profile) -> f32 {
        let dot: f32 = self
            .weights
            .iter()
            .zip(&other.weights)
            .map(|(a, b)| a * b)
            .sum();
        let n = self.norm * other.norm;
        if n > 0.0 {
            (dot / n).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// True when the opening covers the several subjects a review of the work does,
    /// none of them dominating.
    pub fn looks_like_review(&self) -> bool {
        let total: f32 = self.weights.iter().sum();
        let top = self.weights.iter().copied().fold(0.0, f32::max);
        self.breadth >= MIN_BREADTH && total > 0.0 && top / total <= MAX_DOMINANCE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(body: &[&str]) -> Profile {
        let doc = Document {
            body: body.iter().map(|s| (*s).to_owned()).collect(),
            ..Document::default()
        };
        Profile::of(&doc, Lexicon::embedded())
    }

    const REVIEW: &[&str] = &[
        "Bilateral defence ties with strategic partners deepened through official visits and a defence policy dialogue.",
        "Multilateral work at ASEAN forums and the ADMM-Plus went on; the border guard held a friendship exchange with Laos.",
        "A field hospital rotation deployed for UN peacekeeping; mine action and the search for MIA remains continued.",
    ];

    #[test]
    fn a_review_covers_several_subjects_and_an_event_report_few() {
        let review = profile(REVIEW);
        assert!(review.looks_like_review(), "{review:?}");
        let report = profile(&[
            "The border guards of the two countries held a friendship exchange at the border gate.",
            "Officers of the border posts planted trees along the borderline and visited border residents.",
            "The two sides held talks on border management and joint patrols at border gates.",
        ]);
        assert!(!report.looks_like_review(), "{report:?}");
        let other = profile(&["Exports of rice and coffee rose 12 percent in the first half."]);
        assert_eq!(other.breadth, 0);
        assert!(review.similarity(&profile(REVIEW)) > 0.99);
        assert!(review.similarity(&other) < 0.1);
    }

    #[test]
    fn long_bodies_are_read_only_at_their_start() {
        let long = "Peacekeeping. ".repeat(2000);
        let p = profile(&[&long, "Bilateral bilateral bilateral."]);
        assert_eq!(p.breadth, 1);
    }

    #[test]
    fn a_short_review_counts_subjects_by_the_text_it_has() {
        // A short, general review: each subject is named once, which over 4 KB would be
        // too little to count, but is the whole of what this text says.
        let short = profile(&[
            "In the year, defence foreign affairs were carried out as the Central Military Commission directed.",
            "Ties were also built multilaterally, and the remediation of toxic chemicals continued.",
        ]);
        assert!(short.breadth >= MIN_BREADTH, "{short:?}");
        assert!(short.looks_like_review(), "{short:?}");
    }
}
