//! Choosing a sentence's topics: one primary (the row it is shown in, in full) and
//! at most one secondary (a one-line reference in another row), from its topic scores
//! and its aspect.

use super::aspect::{Aspect, Reading};
use super::topics::Lexicon;

/// The topics of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Assigned {
    /// The topic whose row shows the sentence; `None` when it matches no topic.
    pub primary: Option<usize>,
    /// Another topic it clearly also covers.
    pub secondary: Option<usize>,
    /// Review of the past period, or tasks ahead.
    pub aspect: Aspect,
}

/// The best two topics of `scores`, leaving out `skip`; ties go to the earlier topic.
fn best_two(scores: &[f32], skip: Option<usize>) -> [Option<(usize, f32)>; 2] {
    let mut best: [Option<(usize, f32)>; 2] = [None, None];
    for (t, &s) in scores.iter().enumerate() {
        if Some(t) == skip || s <= 0.0 {
            continue;
        }
        match best {
            [None, _] => best[0] = Some((t, s)),
            [Some((_, b)), _] if s > b => best = [Some((t, s)), best[0]],
            [_, None] => best[1] = Some((t, s)),
            [_, Some((_, c))] if s > c => best[1] = Some((t, s)),
            _ => {}
        }
    }
    best
}

/// Assigns a sentence from its topic scores (terms and named entities), its reading of
/// tense and aspect, and the primary topic of the sentence before it in its paragraph.
pub fn assign(
    lex: &Lexicon,
    mut scores: Vec<f32>,
    reading: Reading,
    prev: Option<usize>,
) -> Assigned {
    let th = lex.thresholds;
    let ahead = lex.ahead;
    let aspect = reading.aspect;
    let secondary_of = |primary: (usize, f32), second: Option<(usize, f32)>| {
        second
            .filter(|&(_, s)| s >= th.secondary && s >= th.secondary_ratio * primary.1)
            .map(|(t, _)| t)
    };
    if reading.directive {
        // A task set for the time ahead, whatever its subject; the subject is its reference.
        let [subject, _] = best_two(&scores, Some(ahead));
        return Assigned {
            primary: Some(ahead),
            secondary: subject.filter(|&(_, s)| s >= th.secondary).map(|(t, _)| t),
            aspect,
        };
    }
    match aspect {
        Aspect::Review => scores[ahead] = 0.0,
        // A time phrase alone makes the tasks row eligible; its own terms decide the rest.
        Aspect::Ahead => scores[ahead] = scores[ahead].max(th.primary),
        Aspect::Neutral => {}
    }
    let [first, second] = best_two(&scores, None);
    match first {
        // A sentence that points ahead is at least referred to under Tasks ahead.
        Some(p) if p.1 >= th.primary && aspect == Aspect::Ahead && p.0 != ahead => Assigned {
            primary: Some(p.0),
            secondary: Some(ahead),
            aspect,
        },
        Some(p) if p.1 >= th.primary => Assigned {
            primary: Some(p.0),
            secondary: secondary_of(p, second),
            aspect,
        },
        // A follow-up ("He added that …") stays with the sentence before it, unless that
        // one set tasks and this one reports the past.
        _ if prev.is_some_and(|p| !(p == ahead && aspect == Aspect::Review)) => Assigned {
            primary: prev,
            secondary: None,
            aspect,
        },
        Some(p) if p.1 >= th.weak => Assigned {
            primary: Some(p.0),
            secondary: None,
            aspect,
        },
        _ => Assigned {
            primary: None,
            secondary: None,
            aspect,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        Lexicon::embedded()
    }

    fn run(s: &str, prev: Option<&str>) -> (String, String) {
        let lex = lex();
        let norm = lex.normalize(s);
        let reading = lex.aspect.read(&norm, None);
        let prev = prev.and_then(|p| lex.topic(p));
        let a = assign(lex, lex.score(s), reading, prev);
        let id = |t: Option<usize>| t.map_or(String::new(), |t| lex.topics[t].id.clone());
        (id(a.primary), id(a.secondary))
    }

    #[test]
    fn a_directive_is_a_task_ahead_with_its_subject_as_reference() {
        assert_eq!(
            run(
                "He urged the border guard to prepare well for the 5th Border Defence Friendship Exchange.",
                None
            ),
            ("tasks_ahead".into(), "border".into())
        );
    }

    #[test]
    fn the_review_of_a_half_stays_with_its_subject() {
        let (p, _) = run(
            "In the last six months, two field hospital rotations and an engineering unit deployed to UN missions.",
            None,
        );
        assert_eq!(p, "peacekeeping");
    }

    #[test]
    fn a_sentence_listing_areas_has_one_primary_and_at_most_one_secondary() {
        let lex = lex();
        let s = "Exchanges among arms and services, mine action, UN peacekeeping and military medicine were effective.";
        let a = assign(
            lex,
            lex.score(s),
            lex.aspect.read(&lex.normalize(s), None),
            None,
        );
        assert!(a.primary.is_some());
        assert_ne!(a.primary, a.secondary);
    }

    #[test]
    fn follow_ups_continue_the_sentence_before() {
        assert_eq!(
            run("Both of them finished on schedule.", Some("peacekeeping")).0,
            "peacekeeping"
        );
        assert_eq!(run("Both of them finished on schedule.", None).0, "");
        // A review sentence does not continue a task.
        assert_eq!(run("Both were finished.", Some("tasks_ahead")).0, "");
    }

    #[test]
    fn a_plain_time_phrase_competes_with_the_subject() {
        let (p, s) = run(
            "The ministry convened a conference to review the first half and set tasks for the rest of the year.",
            None,
        );
        assert_eq!(p, "conference");
        assert_eq!(s, "tasks_ahead");
    }

    #[test]
    fn best_two_breaks_ties_by_order() {
        assert_eq!(
            best_two(&[1.0, 3.0, 3.0, 2.0], None),
            [Some((1, 3.0)), Some((2, 3.0))]
        );
        assert_eq!(best_two(&[0.0, 0.0], None), [None, None]);
        assert_eq!(best_two(&[5.0, 1.0], Some(0)), [Some((1, 1.0)), None]);
    }
}
