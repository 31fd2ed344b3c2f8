//! Side-by-side comparison of two articles, aligned by topic: each body sentence gets
//! one primary topic of a review (assets/topics.json) and at most one secondary, the
//! two articles' sentences are laid out in one row per topic, the differences are
//! linked across the sides as records (an edition, a count, a status, a chair, a
//! format changed; names that really are on one side only), and a short digest says
//! what changed. Work and memory are near-linear in the articles' length, and an
//! article longer than [`MAX_SIDE_BYTES`] is compared in part, with a note.

mod align;
mod aspect;
mod assign;
mod build;
mod comparison;
mod digest;
mod facts;
mod fold;
mod limits;
mod link;
mod meeting;
mod names;
mod one_sided;
mod profile;
pub mod report;
mod scan;
mod suggest;
pub mod topics;
mod values;
mod words;

pub use align::UNASSIGNED;
pub use aspect::Aspect;
pub use build::compare;
pub use comparison::{
    Change, ChangeKind, Comparison, DigestLine, Reference, Row, Sentence, Suggestion,
};
pub use limits::{MAX_LISTED, MAX_SIDE_BYTES};
pub use suggest::{suggest, suggest_for};

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::corpus::Corpus;
    use crate::model::document::Document;
    use proptest::prelude::*;

    /// Two documents `d0` and `d1` with these bodies (shared by the compare tests).
    pub(crate) fn corpus(bodies: [Vec<String>; 2]) -> Corpus {
        Corpus::new(
            bodies
                .into_iter()
                .enumerate()
                .map(|(i, body)| Document {
                    id: format!("d{i}"),
                    body: body.into(),
                    ..Document::default()
                })
                .collect(),
            Vec::new(),
            vec![Vec::new(), Vec::new()],
            Vec::new(),
            Vec::new(),
        )
    }

    #[test]
    fn an_uncovered_topic_differs_and_a_shared_one_does_not() {
        let c = corpus([
            vec!["Peacekeeping went on. The hybrid conference was chaired by the minister.".into()],
            vec!["The conference, held in hybrid form, was chaired by the minister.".into()],
        ]);
        let cmp = compare(&c, 0, 1);
        let row = |id: &str| cmp.rows.iter().find(|r| r.topic == id).expect("row");
        assert!(row("peacekeeping").differs);
        assert!(row("peacekeeping").right.is_empty());
        assert!(!row("conference").differs, "{:?}", row("conference"));
        assert!(!row("legal").differs);
        assert_eq!((cmp.left.as_str(), cmp.right.as_str()), ("d0", "d1"));
    }

    #[test]
    fn out_of_range_documents_give_empty_sides() {
        let c = corpus([vec![], vec![]]);
        let cmp = compare(&c, 7, 9);
        assert!(
            cmp.rows
                .iter()
                .all(|r| r.left.is_empty() && r.right.is_empty() && !r.differs)
        );
        assert!(cmp.digest.is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn never_panics_and_highlights_stay_in_bounds(
            a in proptest::collection::vec(".{0,200}", 0..4),
            b in proptest::collection::vec("[A-Za-z0-9 .,;:()–-]{0,200}", 0..4),
        ) {
            let c = corpus([a, b]);
            let cmp = compare(&c, 0, 1);
            for row in &cmp.rows {
                let refs = row.left_refs.iter().chain(&row.right_refs).map(|r| &r.sentence);
                for s in row.left.iter().chain(&row.right).chain(refs) {
                    for &(x, y) in &s.highlights {
                        prop_assert!(x < y && s.text.get(x..y).is_some());
                    }
                }
                prop_assert!(row.left_refs.iter().chain(&row.right_refs).all(|r| r.row < cmp.rows.len()));
            }
            prop_assert!(cmp.digest.iter().all(|d| d.topic_row < cmp.rows.len()));
        }
    }
}
