//! Explicit calendar dates written next to an event mention.

use crate::model::date::{Date, parse_month};
use crate::model::document_date::dates_a_document;

/// Parses a day of month, allowing an ordinal suffix ("7", "21st").
fn day(token: &str) -> Option<u8> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    let suffix_ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    let d: u8 = digits.parse().ok()?;
    (suffix_ok && (1..=31).contains(&d)).then_some(d)
}

/// Parses a plausible year ("2025").
fn year(token: Option<&str>) -> Option<i32> {
    let t = token?;
    let y: i32 = t.parse().ok()?;
    (t.len() == 4 && (1900..=2100).contains(&y)).then_some(y)
}

/// True when a date is the end of a range whose start was found: "from June 30 to
/// July 2" is dated by its first day.
fn ends_range(before: [Option<&str>; 2], found: Option<Date>) -> bool {
    found.is_some() && matches!(before[1], Some("to" | "until" | "till" | "through"))
}

/// The one date written in `text` ("July 7", "7 July 2025", "March 21st, 2024"), taking
/// `default_year` when no year is written. `None` when there is none, several different
/// ones, or no year can be had. A document's date ("a decree issued on May 5") is not
/// an event's and is passed over.
pub(super) fn explicit_date(text: &str, default_year: Option<i32>) -> Option<Date> {
    // Every date has a day in ASCII digits; most sentences have no digit at all.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut tokens = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty());
    // Each token with the two after it.
    let mut window = [tokens.next(), tokens.next(), tokens.next()];
    let mut found: Option<Date> = None;
    // The six tokens before `t`, the nearest last.
    let mut before: [Option<&str>; 6] = [None; 6];
    while let [Some(t), next, after] = window {
        window = [next, after, tokens.next()];
        let recent = before;
        let preceding = [recent[4], recent[5]];
        before.rotate_left(1);
        before[5] = Some(t);
        // "July 7[, 2025]" (the month capitalised, so "may" the verb is not a month).
        // The day is tested first: it is cheap and rarely there, while a month name is
        // tested against every capitalised word.
        let month_first = if t.starts_with(char::is_uppercase)
            && let Some(d) = next.and_then(day)
            && let Some(m) = parse_month(t)
            && let Some(y) = year(after).or(default_year)
        {
            Date::new(y, m, d)
        } else {
            None
        };
        // "7 July[ 2025]".
        let day_first = if let Some(d) = day(t)
            && let Some(m) = next
                .filter(|x| x.starts_with(char::is_uppercase))
                .and_then(parse_month)
            && let Some(y) = year(after).or(default_year)
        {
            Date::new(y, m, d)
        } else {
            None
        };
        // "12 to 14 June", "12-14 June": the range's first day.
        let day_first = day_first.and_then(|d| match preceding {
            [Some(first), Some("to")] | [_, Some(first)] if day(first).is_some() => {
                day(first).and_then(|f| Date::new(d.year, d.month, f))
            }
            _ => Some(d),
        });
        let dates = [month_first, day_first];
        // Dates are rare; the words before one are looked at only then.
        if dates.iter().any(Option::is_some)
            && (dates_a_document(recent.iter().rev().flatten().copied())
                || ends_range(preceding, found))
        {
            continue;
        }
        for date in dates.into_iter().flatten() {
            match found {
                Some(f) if f != date => return None,
                _ => found = Some(date),
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_written_dates() {
        let d = |y, m, d| Date::new(y, m, d);
        assert_eq!(
            explicit_date("held on July 7 in Hanoi", Some(2025)),
            d(2025, 7, 7)
        );
        assert_eq!(
            explicit_date("on 21 March 2024, the 8th", None),
            d(2024, 3, 21)
        );
        assert_eq!(
            explicit_date("from March 21st, 2019 on", Some(2025)),
            d(2019, 3, 21)
        );
        assert_eq!(explicit_date("on July 7", None), None);
        assert_eq!(explicit_date("units may 5 times", Some(2025)), None);
        assert_eq!(explicit_date("on May 5 and June 6", Some(2025)), None);
        assert_eq!(explicit_date("on February 30", Some(2025)), None);
        assert_eq!(explicit_date("", Some(2025)), None);
        assert_eq!(
            explicit_date("in early July, before August", Some(2025)),
            None
        );
        assert_eq!(
            explicit_date("July 7th and again 7 July", Some(2025)),
            d(2025, 7, 7)
        );
        assert_eq!(explicit_date("on Sept 3", Some(2025)), d(2025, 9, 3));
    }

    #[test]
    fn a_documents_date_is_not_the_events() {
        let d = |y, m, d| Date::new(y, m, d);
        let s = "under the directive issued on March 3, 2019 by the ministry";
        assert_eq!(explicit_date(s, Some(2025)), None);
        let s = "opened on June 9 under a decree dated 2 May 2024";
        assert_eq!(explicit_date(s, Some(2025)), d(2025, 6, 9));
        let s = "the forum on October 4, guided by a plan promulgated on August 1";
        assert_eq!(explicit_date(s, Some(2025)), d(2025, 10, 4));
    }

    #[test]
    fn a_range_is_dated_by_its_first_day() {
        let d = |y, m, d| Date::new(y, m, d);
        for s in [
            "held from 12 to 14 June",
            "held on 12-14 June",
            "held June 12 to 14",
            "held from June 12 to July 1",
        ] {
            assert_eq!(explicit_date(s, Some(2025)), d(2025, 6, 12), "{s}");
        }
        assert_eq!(explicit_date("on 5 June and 14 June", Some(2025)), None);
    }
}
