use super::*;
use crate::model::document::Field;

fn exprs(text: &str) -> Vec<Expr> {
    let c = cues();
    let words = YearWords {
        work: &c.work_nouns,
        review_verbs: &c.review_verbs,
    };
    find(text, &words).into_iter().map(|f| f.expr).collect()
}

fn half(half: u8, year: Option<i32>) -> Expr {
    let year = year.map_or(YearRef::Unstated, YearRef::Stated);
    Expr::Half { half, year }
}

fn year(y: i32) -> Expr {
    Expr::Year(YearRef::Stated(y))
}

fn finding(texts: &[&str], published: Option<Date>) -> Option<Finding> {
    let ps: Vec<Passage> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Passage::new(Field::Body(i), t))
        .collect();
    let anniversaries = super::super::anniversaries(&ps);
    let ctx = Context {
        published,
        anniversaries: &anniversaries,
    };
    resolve(&ps, &ctx)
}

fn period_of(texts: &[&str], published: Option<Date>) -> Option<Period> {
    finding(texts, published).and_then(|f| f.period)
}

#[test]
fn finds_half_year_expressions() {
    assert_eq!(exprs("during the first half, and"), [half(1, None)]);
    assert_eq!(
        exprs("In the first six months of 2025,"),
        [half(1, Some(2025))]
    );
    assert_eq!(
        exprs("the second half of this year"),
        [Expr::Half {
            half: 2,
            year: YearRef::This
        }]
    );
    // The recent six months are whichever half just ended.
    assert!(exprs("over the last six months").is_empty());
    assert_eq!(
        exprs("in the last six months of 2024"),
        [half(2, Some(2024))]
    );
    assert_eq!(
        exprs("H1 2025 and 2024-H2"),
        [half(1, Some(2025)), half(2, Some(2024))]
    );
    assert_eq!(exprs("from January–June 2025"), [half(1, Some(2025))]);
    assert_eq!(exprs("July to December 2024"), [half(2, Some(2024))]);
    assert!(exprs("the first half of next year").is_empty());
    assert!(
        exprs("January to December 2024 and March–June")
            .iter()
            .all(|e| !matches!(e, Expr::Half { .. }))
    );
}

#[test]
fn finds_years_and_spans() {
    assert_eq!(
        exprs("work in 2025 and tasks for 2026"),
        [year(2025), year(2026)]
    );
    assert_eq!(
        exprs("Throughout 2025; the 2025 review"),
        [year(2025), year(2025)]
    );
    assert_eq!(
        exprs("diplomacyin the 2016 – 2021."),
        [Expr::Span(2016, 2021)]
    );
    assert_eq!(
        exprs("the 2021–2025 term, from 2016 to 2021"),
        [Expr::Span(2021, 2025), Expr::Span(2016, 2021)]
    );
    assert_eq!(exprs("for the 2016-21 period"), [Expr::Span(2016, 2021)]);
}

#[test]
fn ignores_dates_and_long_ranges() {
    assert!(exprs("on 2025-12-18").is_empty());
    assert!(exprs("(June 19, 1975 – 2025)").is_empty());
    assert!(exprs("Decree 234/2025/NĐ-CP").is_empty());
    assert_eq!(exprs("the 2025 socio-economic plan"), []);
}

#[test]
fn review_language_beats_tasks_ahead() {
    let t = [
        "The conference reviewed work in the first half of 2025.",
        "In the second half of this year, units need to continue their work.",
    ];
    assert_eq!(
        period_of(&t, None),
        Some(Period::Half {
            year: 2025,
            half: 1
        })
    );
    let t = ["He asked units in the last six months of 2025 to carry out the plans."];
    assert_eq!(period_of(&t, None), None);
}

#[test]
fn a_year_alone_needs_review_language() {
    assert_eq!(period_of(&["The army grew in 2025, he said."], None), None);
    let t = ["A conference reviewing work in 2025 and outlining tasks for 2026."];
    assert_eq!(period_of(&t, None), Some(Period::Year(2025)));
    let t = ["Tasks for 2026 are heavy; the coming year in 2026 will be hard."];
    assert_eq!(period_of(&t, None), None);
}

#[test]
fn spans_are_taken_from_review_sentences() {
    let t = ["The ministry held a meeting reviewing the 2021–2025 period."];
    assert_eq!(period_of(&t, None), Some(Period::Span(2021, 2025)));
    let t = ["The ministry reviewed its work for the 2021–2025 term in 2024."];
    assert_eq!(period_of(&t, None), Some(Period::Year(2024)));
    let t = ["Preparations for the 2026-2031 tenure must continue."];
    assert_eq!(period_of(&t, None), None);
}

#[test]
fn an_unstated_half_year_takes_its_year_from_evidence() {
    let t = [
        "In the first half, cooperation was strengthened.",
        "He urged preparations for the 80th anniversary of National Day.",
    ];
    assert_eq!(
        period_of(&t, None),
        Some(Period::Half {
            year: 2025,
            half: 1
        })
    );
    let pub_jan = Date::new(2025, 1, 10);
    let t = ["In the second half, results were good."];
    assert_eq!(
        period_of(&t, pub_jan),
        Some(Period::Half {
            year: 2024,
            half: 2
        })
    );
    let t =
        ["In the first half, results were good. Results in the first half of 2023 were praised."];
    assert_eq!(
        period_of(&t, None),
        Some(Period::Half {
            year: 2023,
            half: 1
        })
    );
    assert_eq!(
        period_of(&["In the first half, results were good."], None),
        None
    );
}

#[test]
fn conflicting_evidence_gives_no_period() {
    let t = [
        "In the first half, cooperation was strengthened.",
        "He urged preparations for the 80th anniversary of National Day.",
    ];
    assert_eq!(period_of(&t, Date::new(2024, 7, 9)), None);
    let t = ["Results in 2024 were good, and results in 2023 were good."];
    assert_eq!(period_of(&t, None), None);
}

#[test]
fn the_sentence_that_says_review_names_the_period() {
    let t = [
        "The conference reviewed defence work in 2025.",
        "In the first half of the year, exchanges were held with Laos.",
    ];
    assert_eq!(
        period_of(&t, Date::new(2025, 12, 18)),
        Some(Period::Year(2025))
    );
}

#[test]
fn every_wording_of_the_period_reviewed() {
    let dec = Date::new(2026, 12, 20);
    let jul = Date::new(2026, 7, 3);
    let h1 = |year| Some(Period::Half { year, half: 1 });
    for (texts, published, want) in [
        (
            &["Leaders met to evaluate the ministry's 2023 external relations."][..],
            None,
            Some(Period::Year(2023)),
        ),
        (
            &["Delegates discussed and evaluated foreign affairs in the first half of 2024."],
            None,
            h1(2024),
        ),
        (
            &["The meeting looked back on defence work in 2022 and set targets."],
            None,
            Some(Period::Year(2022)),
        ),
        (
            &["Reports said the past five years (2017-2022) brought gains for the navy."],
            None,
            Some(Period::Span(2017, 2022)),
        ),
        (
            &["In the first half of this year, the units reviewed their cooperation."],
            jul,
            h1(2026),
        ),
        (
            &["Last year, the ministry hosted many delegations, the review heard."],
            Date::new(2027, 1, 8),
            Some(Period::Year(2026)),
        ),
        (
            &["The committee reviewed its work in 2026 and adopted the plan for 2027."],
            dec,
            Some(Period::Year(2026)),
        ),
    ] {
        assert_eq!(period_of(texts, published), want, "{texts:?}");
    }
}

#[test]
fn a_year_from_the_page_s_date_says_so() {
    let f = finding(
        &["Last year, the border guards reviewed patrols with their neighbours."],
        Date::new(2027, 2, 1),
    )
    .expect("a finding");
    assert_eq!(f.period, Some(Period::Year(2026)));
    assert!(f.basis.contains("from the page's date"), "{}", f.basis);
}

#[test]
fn terms_plans_and_horizons_are_not_periods_reviewed() {
    for text in [
        "The Party committee for the 2025-2030 term set its priorities.",
        "The plan to 2030, with a vision to 2045, was approved.",
        "The strategy for the 2026-2030 cycle was discussed.",
        "Units will carry out tasks in the second half of the year.",
    ] {
        assert_eq!(period_of(&[text], None), None, "{text}");
    }
}

#[test]
fn quarters_and_nine_months_are_not_halves_or_years() {
    for text in [
        "The meeting reviewed defence work in the first quarter of 2026.",
        "The conference reviewed the ministry's work in the first nine months of 2026.",
        "Officers reviewed performance in the third quarter.",
    ] {
        let f = finding(&[text], None);
        assert!(
            f.as_ref().is_none_or(|f| f.form == Form::Other),
            "{text}: {f:?}"
        );
    }
}

#[test]
fn every_group_name_is_in_the_pattern() {
    let names: Vec<&str> = forms::pattern().capture_names().flatten().collect();
    for n in forms::GROUPS {
        assert!(names.contains(&n), "{n}");
    }
}

/// Words of the period forms, their near misses and years, for texts the pattern may or
/// may not match.
fn form_piece() -> impl proptest::strategy::Strategy<Value = String> {
    proptest::sample::select(vec![
        "first",
        "second",
        "last",
        "half",
        "hal",
        "of",
        "the",
        "year",
        "yea",
        "years",
        "six",
        "6",
        "month",
        "months",
        "mont",
        "H1",
        "H2",
        "2025",
        "1999",
        "2",
        "0",
        "25",
        "-",
        "–",
        "/",
        " ",
        "  ",
        "this",
        "past",
        "five",
        "quarter",
        "quarterly",
        "nine",
        "biannual",
        "mid-year",
        "Jan",
        "July",
        "June",
        "Dec",
        "to",
        "from",
        "12th",
        "Congress",
        "present",
        "review",
        "in",
        "ended",
        "FROM",
        "Half",
        "YEAR",
        "(",
        ")",
    ])
    .prop_map(str::to_owned)
}

use proptest::prelude::*;

proptest! {
    #[test]
    fn every_period_form_holds_a_literal_it_needs(
        pieces in proptest::collection::vec(form_piece(), 0..10),
        glue in proptest::sample::select(vec!["", " ", "-"]),
    ) {
        let text = pieces.join(glue);
        let lower = text.to_ascii_lowercase();
        if forms::pattern().is_match(&text) {
            prop_assert!(crate::model::meta::cues::PERIOD_NEEDS.iter().any(|l| lower.contains(l)), "{}", text);
        }
    }
}

#[test]
fn each_period_form_holds_a_literal_it_needs() {
    for text in [
        "the first half",
        "the last six months",
        "H1 2025",
        "2025 H2",
        "six-month",
        "biannual",
        "January to June",
        "the third quarter",
        "nine months",
        "this year",
        "the past five years",
        "from the 12th Party Congress to present",
        "in 2024",
    ] {
        assert!(forms::pattern().is_match(text), "{text}");
        let lower = text.to_ascii_lowercase();
        assert!(
            crate::model::meta::cues::PERIOD_NEEDS
                .iter()
                .any(|l| lower.contains(l)),
            "{text}"
        );
    }
}

#[test]
fn a_year_in_review_reviewed_or_as_the_subject_after_the_year_is_a_period() {
    let year = |y| vec![Expr::Year(YearRef::Stated(y))];
    assert_eq!(exprs("2031 in review: the navy's busy year"), year(2031));
    assert_eq!(exprs("Border command sums up 2031"), year(2031));
    assert_eq!(exprs("The air force reviews 2031"), year(2031));
    assert_eq!(exprs("The year 2031 saw ten port calls."), year(2031));
    // A year after other words is not said as a period.
    assert_eq!(exprs("The 2031 budget grows"), Vec::new());
    assert_eq!(exprs("Plans reach 2031"), Vec::new());
}

#[test]
fn a_span_of_more_than_ten_years_is_a_history_not_a_period_reviewed() {
    assert_eq!(exprs("Over the past 65 years, the corps grew."), Vec::new());
    assert_eq!(
        exprs("Over the past 8 years, the corps grew."),
        [Expr::OpenSpan]
    );
    assert_eq!(exprs("over the past five years"), [Expr::OpenSpan]);
}
