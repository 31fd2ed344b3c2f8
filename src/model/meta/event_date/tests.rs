use super::*;
use crate::model::document::Field;

fn event(
    texts: &[&str],
    published: Option<Date>,
    period: Option<Period>,
) -> Option<(Date, DateBasis)> {
    let ps: Vec<Passage> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Passage::new(Field::Body(i), t))
        .collect();
    resolve(&ps, published, period)
}

fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

#[test]
fn month_and_day_take_the_year_of_the_period() {
    let h1 = Some(Period::Half {
        year: 2025,
        half: 1,
    });
    let (d, basis) = event(
        &["The ministry convened a conference on July 7 to review work."],
        None,
        h1,
    )
    .unwrap();
    assert_eq!(Some(d), date(2025, 7, 7));
    assert_eq!(basis.evidence, "on July 7");
    assert_eq!(
        basis.reasoning,
        "month and day from 'on July 7'; year 2025, the year of the period reviewed (2025-H1)"
    );
    // A span of years does not pin the year: the review may fall in its last year or after.
    let span = Some(Period::Span(2016, 2021));
    let got = event(
        &["Progress was reported, heard a conference on April14."],
        None,
        span,
    );
    assert_eq!(got, None);
}

#[test]
fn a_reviewed_year_pins_only_a_day_late_in_it() {
    let h2 = Some(Period::Half {
        year: 2024,
        half: 2,
    });
    // Early next year is only inferred: the text does not say which year.
    let got = event(
        &["A conference to review the second half was held on 9 January."],
        None,
        h2,
    );
    assert_eq!(got, None);
    let year = Some(Period::Year(2024));
    let got = event(&["The review meeting was held on 5 March."], None, year);
    assert_eq!(got, None);
    let got = event(&["The review meeting was held on 20 December."], None, year);
    assert_eq!(got.map(|e| e.0), date(2024, 12, 20));
    let got = event(&["The review meeting was held on 28 November."], None, year);
    assert_eq!(got.map(|e| e.0), date(2024, 11, 28));
    let h1 = Some(Period::Half {
        year: 2024,
        half: 1,
    });
    let got = event(
        &["The meeting to review the half was held on June 28."],
        None,
        h1,
    );
    assert_eq!(got.map(|e| e.0), date(2024, 6, 28));
    let got = event(
        &["The meeting to review the half was held on March 3."],
        None,
        h1,
    );
    assert_eq!(got, None);
}

#[test]
fn a_page_date_that_cannot_date_the_review_gives_no_year() {
    // A review of 2016 is not held in January 2020, whatever the page's date says.
    let got = event(
        &["The conference reviewing 2016 was held on January 18."],
        date(2020, 8, 25),
        Some(Period::Year(2016)),
    );
    assert_eq!(got, None);
    let got = event(
        &["The conference reviewing 2019 was held on January 8."],
        date(2020, 1, 15),
        Some(Period::Year(2019)),
    );
    assert_eq!(got.map(|e| e.0), date(2020, 1, 8));
}

#[test]
fn ranges_give_their_first_day_and_document_dates_are_skipped() {
    let got = event(
        &["The delegation attended the dialogue in Jakarta from June 12 to July 1."],
        date(2026, 6, 15),
        None,
    );
    assert_eq!(got.map(|e| e.0), date(2026, 6, 12));
    let got = event(
        &["The forum was held on March 18-19 in Hue."],
        date(2026, 3, 20),
        None,
    );
    assert_eq!(got.map(|e| e.0), date(2026, 3, 18));
    for written in [
        "from August 4 to 6",
        "from 4 to 6 August",
        "from 4-6 August",
    ] {
        let text = format!("The exchange took place {written} along the border.");
        let got = event(&[text.as_str()], date(2026, 8, 10), None);
        assert_eq!(got.map(|e| e.0), date(2026, 8, 4), "{written}");
    }
    let text = "The exchange took place from 2026-08-04 along the border.";
    assert_eq!(event(&[text], date(2026, 8, 10), None), None);
    let t = ["The meeting discussed Resolution 51 issued on December 31, 2019 by the commission."];
    assert_eq!(event(&t, None, None), None);
}

#[test]
fn publication_date_settles_years_and_weekdays() {
    let wed = date(2025, 12, 17);
    let (d, basis) = event(
        &["Held in Hà Nội on Monday, the conference took place online."],
        wed,
        None,
    )
    .unwrap();
    assert_eq!(Some(d), date(2025, 12, 15));
    assert_eq!(
        basis.reasoning,
        "'on Monday': the Monday on or before the page's date (2025-12-17)"
    );
    let got = event(
        &["The meeting was held on December 30."],
        date(2026, 1, 5),
        None,
    );
    assert_eq!(got.map(|e| e.0), date(2025, 12, 30));
    let got = event(&["The meeting was held yesterday in Hanoi."], wed, None);
    assert_eq!(got.map(|e| e.0), date(2025, 12, 16));
    assert!(event(&["The meeting was held on Monday."], None, None).is_none());
}

#[test]
fn tasks_for_next_year_do_not_make_the_gathering_future() {
    let t =
        ["The conference, held on July 7, also set tasks for next year and the upcoming congress."];
    let got = event(
        &t,
        None,
        Some(Period::Half {
            year: 2025,
            half: 1,
        }),
    );
    assert_eq!(got.map(|e| e.0), date(2025, 7, 7));
    let t = ["The ministry will hold a conference on July 20."];
    assert!(event(&t, date(2025, 7, 1), None).is_none());
}

#[test]
fn a_part_of_the_day_may_stand_before_the_date() {
    let year = Some(Period::Year(2025));
    let got = event(
        &["The conference was held on the morning of December 18."],
        None,
        year,
    );
    assert_eq!(got.map(|e| e.0), date(2025, 12, 18));
    let got = event(
        &["The conference was held in the spirit of December 18."],
        None,
        year,
    );
    assert!(got.is_none());
}

#[test]
fn full_dates_stand_as_written() {
    let got = event(
        &["The meeting took place on 18 December 2025 in Hanoi."],
        None,
        None,
    );
    assert_eq!(got.map(|e| e.0), date(2025, 12, 18));
}

#[test]
fn dates_of_other_things_are_not_the_event_date() {
    let t = [
        "The conference reviewed defence work.",
        "The ministry drafted Decree 234 of 27 August 2025.",
        "He urged preparations for National Day (September 2).",
        "Exports rose on December 17.",
    ];
    assert!(event(&t, None, Some(Period::Year(2025))).is_none());
    let t = ["A conference will be held on July 20 to review the year."];
    assert!(event(&t, date(2025, 7, 1), None).is_none());
    assert!(event(&["The meeting was held on July 7."], None, None).is_none());
}

#[test]
fn the_sentence_about_holding_the_event_wins() {
    let t = [
        "He spoke at a conference in Hanoi on July 8.",
        "The ministry convened the conference on July 7.",
    ];
    let got = event(
        &t,
        None,
        Some(Period::Half {
            year: 2025,
            half: 1,
        }),
    );
    assert_eq!(got.map(|e| e.0), date(2025, 7, 7));
}

#[test]
fn a_reception_or_a_meeting_dates_the_report_as_a_gathering_does() {
    let page = date(2027, 3, 10);
    let received = event(
        &["The defence minister received the visiting Indonesian navy chief in Ha Noi on March 9."],
        page,
        None,
    );
    assert_eq!(received.map(|(d, _)| Some(d)), Some(date(2027, 3, 9)));
    let met = event(
        &["On Tuesday, the chief of the general staff met his Thai counterpart in Bangkok."],
        page,
        None,
    );
    assert_eq!(met.map(|(d, _)| Some(d)), Some(date(2027, 3, 9)));
}
