use super::*;
use crate::model::meta::period::{Context, resolve};

/// The kind of an article given as headline and body paragraphs.
fn kind(title: &str, body: &[&str]) -> Kind {
    let mut ps = vec![Passage::new(Field::Title, title)];
    ps.extend(
        body.iter()
            .enumerate()
            .map(|(i, t)| Passage::new(Field::Body(i), t)),
    );
    let ctx = Context {
        published: None,
        anniversaries: &[],
    };
    let found = resolve(&ps, &ctx);
    classify(&ps, found.as_ref())
}

#[test]
fn reviews_of_the_beat_s_work() {
    assert_eq!(
        kind(
            "Army reviews external defence work in first half",
            &[
                "The Ministry of National Defence held a meeting on July 9 to review defence cooperation in the first half of 2027.",
                "Military delegations visited ten countries, the army reported."
            ]
        ),
        Kind::HalfYearReview
    );
    assert_eq!(
        kind(
            "Border guard command sums up 2026",
            &[
                "In 2026, the border guard force carried out defence diplomacy with neighbouring armies and patrolled the border."
            ]
        ),
        Kind::AnnualReview
    );
    assert_eq!(
        kind(
            "Defence ties over a decade",
            &[
                "The conference reviewed military cooperation during 2016-2026, the defence ministry said."
            ]
        ),
        Kind::MultiYearReview
    );
}

#[test]
fn articles_about_one_event() {
    assert_eq!(
        kind(
            "Vietnam, Laos hold third border defence friendship exchange",
            &[
                "The defence ministers of the two countries co-chaired the exchange on Sunday, with border guard officers of both armies."
            ]
        ),
        Kind::EventReport
    );
    assert_eq!(
        kind(
            "Peacekeepers leave for mission",
            &[
                "The army held a send-off ceremony for the fourth engineering unit of military peacekeepers on Monday.",
                "This event was a milestone for the defence sector in 2026."
            ]
        ),
        Kind::EventReport
    );
    assert_eq!(
        kind(
            "Meeting reviews the organisation of the naval exchange",
            &[
                "Officers of the navy met on Friday to review the exchange held with the Thai navy, the defence ministry said."
            ]
        ),
        Kind::EventReport
    );
}

#[test]
fn other_sectors_and_other_stretches_are_other() {
    assert_eq!(
        kind(
            "Exports up in first half",
            &[
                "Exports rose 8 percent in the first half of 2026, the statistics office said, and the trade surplus reached 3 billion USD."
            ]
        ),
        Kind::Other
    );
    assert_eq!(
        kind(
            "Ministry of Industry and Trade reviews 2026",
            &[
                "The Ministry of Industry and Trade reviewed its work in 2026: exports, investment and manufacturing grew, with GDP up 6 percent."
            ]
        ),
        Kind::Other
    );
    assert_eq!(
        kind(
            "Army reviews first quarter",
            &[
                "The army held a conference to review defence work in the first quarter of 2026, the military command said."
            ]
        ),
        Kind::Other
    );
    assert_eq!(kind("Rain in Hue", &["It rained on Monday."]), Kind::Other);
}

#[test]
fn each_whole_text_pattern_holds_a_literal_it_needs() {
    let holds = |needs: &[&str], text: &str| {
        let lower = text.to_ascii_lowercase();
        needs.iter().any(|l| lower.contains(l))
    };
    let nouns = [
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
        "field hospital",
        "rotation",
        "programme",
        "program",
        "session",
    ];
    for noun in nouns {
        let text = format!("the 3rd annual {}", noun.to_uppercase());
        assert!(edition().is_match(&text), "{text}");
        assert!(
            holds(crate::model::meta::cues::EDITION_NEEDS, &text),
            "{text}"
        );
        let text = format!("reviewed the {noun}");
        if review_of_event().is_match(&text) {
            assert!(
                holds(crate::model::meta::cues::REVIEW_OF_EVENT_NEEDS, &text),
                "{text}"
            );
        }
    }
    assert!(!edition().is_match("the 3rd annual fair"));
    assert!(review_of_event().is_match("REVIEWING the organisation of the event"));
}

#[test]
fn talks_under_their_own_headline_are_an_event_though_the_lede_looks_back() {
    assert_eq!(
        kind(
            "Viet Nam, Cambodia hold defence policy talks",
            &[
                "Deputy defence ministers of the two countries held talks in Phnom Penh on Monday.",
                "They reviewed cooperation in the first half of the year and agreed on more officer training."
            ]
        ),
        Kind::EventReport
    );
}

#[test]
fn a_review_conference_under_a_headline_naming_the_conference_is_still_a_review() {
    assert_eq!(
        kind(
            "Defence external relations conference held in Da Nang",
            &[
                "The Ministry of National Defence held a conference on July 8 to review defence external relations in the first half of 2026.",
                "In the first six months, the army received 40 foreign delegations and sent 30 abroad."
            ]
        ),
        Kind::HalfYearReview
    );
}

#[test]
fn a_reception_without_an_event_noun_is_an_event() {
    assert_eq!(
        kind(
            "Defence minister welcomes new Australian ambassador",
            &[
                "Defence Minister General Tran Quang Minh received the Australian Ambassador in Ha Noi on Tuesday.",
                "The two sides agreed to expand defence cooperation in peacekeeping and military medicine."
            ]
        ),
        Kind::EventReport
    );
}

#[test]
fn talks_in_which_the_two_sides_review_a_year_of_cooperation_report_the_talks() {
    let body = [
        "Deputy defence ministers of Thailand and Vietnam held talks in Bangkok on Monday.",
        "The two sides reviewed their defence cooperation in 2030 and agreed on training for cadets.",
    ];
    assert_eq!(
        kind("Thailand, Vietnam deepen military ties", &body),
        Kind::EventReport
    );
    // The same year reviewed by the ministry itself is the article's period.
    let review = [
        "The defence ministry held a conference in Hanoi on Monday.",
        "The ministry reviewed its defence cooperation in 2030 and set tasks for 2031.",
    ];
    assert_eq!(
        kind("Thailand, Vietnam deepen military ties", &review),
        Kind::AnnualReview
    );
}

#[test]
fn a_year_that_opens_the_lede_as_its_subject_makes_an_annual_review() {
    assert_eq!(
        kind(
            "The coast guard's foreign ties in 2031",
            &[
                "The year 2031 saw the coast guard sign nine cooperation deals with foreign partners."
            ]
        ),
        Kind::AnnualReview
    );
}
