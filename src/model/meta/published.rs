//! The publication date: from the page's date lines, the article's own where a page
//! shows two.

use super::dates::{self, DateKind};
use crate::model::clean::{Lexicon, Stamp};
use crate::model::date::Date;

/// The publication date and how it was chosen. Of several date lines, the one directly
/// above the headline is the article's (a line above it is the site's header); otherwise a
/// "Published"/"Posted" line beats an "Updated" one, and the first line the rest.
pub fn resolve(stamps: &[Stamp]) -> Option<(Date, String)> {
    let dated: Vec<(&Stamp, Date, Reading)> = stamps
        .iter()
        .filter_map(|s| line_date(&s.text).map(|(d, r)| (s, d, r)))
        .collect();
    let prefixes = &Lexicon::embedded().markers.updated_prefixes;
    let updated = |s: &Stamp| {
        let line = s.text.to_lowercase();
        prefixes.iter().any(|p| line.starts_with(p.as_str()))
    };
    let (chosen, why) = if let Some(&c) = dated.iter().find(|(s, ..)| s.above_headline) {
        (c, "the date line directly above the headline")
    } else if let Some(&c) = dated.iter().find(|(s, ..)| !updated(s)) {
        (c, "the date line")
    } else {
        (*dated.first()?, "the 'Updated' line (no other date line)")
    };
    let (stamp, date, reading) = chosen;
    let others: Vec<String> = dated
        .iter()
        .filter(|(s, d, _)| !std::ptr::eq(*s, stamp) && *d != date)
        .map(|(s, ..)| format!("'{}'", s.text))
        .collect();
    let mut basis = format!("{why} '{}'", stamp.text);
    if reading == Reading::ByWeekday {
        basis.push_str(" (day and month told apart by its weekday)");
    }
    if !others.is_empty() {
        basis.push_str(&format!(
            "; the page's other date line {} is not the article's",
            others.join(", ")
        ));
    }
    Some((date, basis))
}

/// How a date line's date was read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// As written.
    Full,
    /// Its day and month, which could swap, told apart by its weekday.
    ByWeekday,
}

/// The date a date line gives: its full date, or a day and month that could swap told
/// apart by the weekday the line names ("Wednesday, 05/06/2024" is 5 June, a Wednesday).
fn line_date(text: &str) -> Option<(Date, Reading)> {
    match dates::first_full(text) {
        Some(d) => Some((d, Reading::Full)),
        None => by_weekday(text).map(|d| (d, Reading::ByWeekday)),
    }
}

fn by_weekday(text: &str) -> Option<Date> {
    let weekday = dates::find(text).into_iter().find_map(|e| match e.kind {
        DateKind::Weekday(w) => Some(w),
        _ => None,
    })?;
    let (a, b, year) = text
        .split([' ', ',', '|', '(', ')'])
        .find_map(numeric_date)?;
    let mut fitting = [Date::new(year, b, a), Date::new(year, a, b)]
        .into_iter()
        .flatten()
        .filter(|d| d.weekday() == weekday);
    let first = fitting.next()?;
    // Both readings on the same weekday: still ambiguous.
    fitting.next().is_none().then_some(first)
}

/// "05/06/2024", "05.06.2024", "05-06-2024": the two numbers and the year.
fn numeric_date(token: &str) -> Option<(u8, u8, i32)> {
    let mut parts = token.split(['/', '.', '-']);
    let a = parts.next()?.parse().ok()?;
    let b = parts.next()?.parse().ok()?;
    let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    parts.next().is_none().then_some((a, b, year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(text: &str, above_headline: bool) -> Stamp {
        Stamp {
            text: text.to_owned(),
            above_headline,
        }
    }

    fn date(s: &[Stamp]) -> Option<Date> {
        resolve(s).map(|r| r.0)
    }

    #[test]
    fn every_common_form() {
        for (line, want) in [
            ("date 2024-01-09", (2024, 1, 9)),
            ("2024-01-09 08:15", (2024, 1, 9)),
            ("2024-01-09T08:15:00+07:00", (2024, 1, 9)),
            ("March 4, 2022 | 08:15", (2022, 3, 4)),
            ("Friday, October 7, 2022, 14:05 (GMT+7)", (2022, 10, 7)),
            ("Published: 23/11/2022 - 07:30", (2022, 11, 23)),
            ("Updated: 18/12/2025 09:30 GMT+7", (2025, 12, 18)),
            ("by VTV4 12 August 2018", (2018, 8, 12)),
            ("Posted on 5 March 2023", (2023, 3, 5)),
            ("27-12-2024 10:15", (2024, 12, 27)),
            ("Thứ Sáu, 27/12/2024 10:15 (GMT+7)", (2024, 12, 27)),
        ] {
            let want = Date::new(want.0, want.1, want.2);
            assert_eq!(date(&[stamp(line, false)]), want, "{line}");
        }
    }

    #[test]
    fn day_and_month_that_could_swap_give_no_date() {
        assert_eq!(date(&[stamp("09/01/2024 10:00", false)]), None);
        assert_eq!(date(&[stamp("05.04.2023", false)]), None);
        assert_eq!(date(&[stamp("05-04-2023", false)]), None);
        assert_eq!(
            date(&[stamp("25/01/2024 10:00", false)]),
            Date::new(2024, 1, 25)
        );
        assert_eq!(date(&[stamp("01/25/2024", false)]), Date::new(2024, 1, 25));
        assert_eq!(date(&[stamp("07/07/2024", false)]), Date::new(2024, 7, 7));
    }

    #[test]
    fn a_weekday_tells_day_and_month_apart() {
        // 9 January 2024 was a Tuesday, 1 September 2024 a Sunday.
        let tuesday = stamp("Tuesday, 09/01/2024 10:00", false);
        let (d, basis) = resolve(&[tuesday]).unwrap();
        assert_eq!(Some(d), Date::new(2024, 1, 9));
        assert!(
            basis.ends_with("(day and month told apart by its weekday)"),
            "{basis}"
        );
        let sunday = stamp("Sunday, 09.01.2024", false);
        assert_eq!(date(&[sunday]), Date::new(2024, 9, 1));
        assert_eq!(date(&[stamp("Friday, 09/01/2024", false)]), None);
    }

    #[test]
    fn the_line_above_the_headline_is_the_article_s() {
        let s = [
            stamp("Friday, March 7, 2025, 09:00 (GMT+7)", false),
            stamp("Tuesday, October 3, 2023, 16:40 (GMT+7)", true),
        ];
        let (d, basis) = resolve(&s).unwrap();
        assert_eq!(Some(d), Date::new(2023, 10, 3));
        assert!(basis.contains("directly above the headline"), "{basis}");
        assert!(basis.contains("March 7, 2025"), "{basis}");
    }

    #[test]
    fn published_beats_updated() {
        let s = [
            stamp("Updated: 20/12/2025 08:00", false),
            stamp("Published: 19/12/2025 07:00", false),
        ];
        assert_eq!(date(&s), Date::new(2025, 12, 19));
        let s = [
            stamp("Cập nhật: 20/12/2025 08:00", false),
            stamp("Ngày đăng: 19/12/2025 07:00", false),
        ];
        assert_eq!(date(&s), Date::new(2025, 12, 19));
        assert_eq!(date(&[stamp("Updated: 18:01", false)]), None);
        assert_eq!(date(&[]), None);
    }
}
