//! The kind of article: a review of a half year, a year or several years, or other.

use super::Passage;
use super::cues::cues;
use super::period::Finding;
use crate::model::date::Period;
use crate::model::document::Kind;

/// A review is an article with a reviewed period that either says "review" ("sum up",
/// "preliminary review") or reports results of the period at a gathering.
pub fn classify(passages: &[Passage], found: Option<Finding>) -> Kind {
    let Some(found) = found else {
        return Kind::Other;
    };
    let cues = cues();
    let says_review = || passages.iter().any(|p| cues.review_verbs.is_match(p.text));
    let gathering = || passages.iter().any(|p| cues.gatherings.is_match(p.text));
    if !(says_review() || found.reported && gathering()) {
        return Kind::Other;
    }
    match found.period {
        Period::Half { .. } => Kind::HalfYearReview,
        Period::Year(_) => Kind::AnnualReview,
        Period::Span(..) => Kind::MultiYearReview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::Field;

    fn kind(texts: &[&str], period: Period, reported: bool) -> Kind {
        let ps: Vec<Passage> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Passage::new(Field::Body(i), t))
            .collect();
        classify(&ps, Some(Finding { period, reported }))
    }

    #[test]
    fn review_language_makes_a_review_of_the_period() {
        let half = Period::Half {
            year: 2025,
            half: 1,
        };
        assert_eq!(
            kind(&["The unit summed up its work."], half, false),
            Kind::HalfYearReview
        );
        assert_eq!(
            kind(
                &["A preliminary review was held."],
                Period::Year(2024),
                false
            ),
            Kind::AnnualReview
        );
        assert_eq!(
            kind(
                &["They reviewed the term."],
                Period::Span(2021, 2025),
                false
            ),
            Kind::MultiYearReview
        );
    }

    #[test]
    fn results_reported_at_a_gathering_make_a_review() {
        let half = Period::Half {
            year: 2025,
            half: 1,
        };
        assert_eq!(
            kind(
                &["The event was chaired by him.", "Results were good."],
                half,
                true
            ),
            Kind::HalfYearReview
        );
        assert_eq!(
            kind(&["Exports rose in the first half."], half, true),
            Kind::Other
        );
        assert_eq!(kind(&["The meeting was held."], half, false), Kind::Other);
    }

    #[test]
    fn no_period_is_other() {
        let ps = [Passage::new(Field::Body(0), "They reviewed the work.")];
        assert_eq!(classify(&ps, None), Kind::Other);
    }
}
