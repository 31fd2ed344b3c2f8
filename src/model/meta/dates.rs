//! Date expressions in running text: full dates, month and day, weekdays, relative words.

use crate::model::date::{Date, Weekday, days_in_month, parse_month};
use byte_check::may_hold_date;
use regex::{Captures, Regex};
use std::sync::OnceLock;

mod byte_check;

/// A day named by words relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// "yesterday".
    Yesterday,
    /// "today".
    Today,
    /// "last week" (names a week, not a day).
    LastWeek,
}

/// What a date expression says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A date with its year: "December 18, 2025", "18/12/2025", "2025-12-18", "2025/12/18".
    Full(Date),
    /// A month and day without a year: "July 7", "5 March", "April14".
    MonthDay {
        /// 1..=12.
        month: u8,
        /// 1..=31 (valid in a leap year).
        day: u8,
    },
    /// A weekday: "Thursday".
    Weekday(Weekday),
    /// "yesterday", "today", "last week".
    Relative(Relative),
}

/// A date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// What it says.
    pub kind: DateKind,
}

const MONTH: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const WEEKDAY: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// Compiles the pattern now rather than on the first text.
pub(in crate::model::meta) fn prepare() {
    pattern();
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Month names are matched capitalised only, so the verb "may" is never a month.
        // After a month name digits may follow without a space ("April14", a glued scrape).
        // A range of days is one expression dated by its first day ("June 12 to 14",
        // "12-14 June").
        let src = format!(
            r"\b(?P<iy>\d{{4}})[/.-](?P<im>\d{{1,2}})[/.-](?P<id>\d{{1,2}})(?:\b|T)|\b(?P<nd>\d{{1,2}})[/.-](?P<nm>\d{{1,2}})[/.-](?P<ny>\d{{4}})\b|\b(?P<m1>{MONTH})\.?\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s*(?P<y1>\d{{4}})\b)?|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:-|–|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<m2>{MONTH})\b\.?(?:,?\s+(?P<y2>\d{{4}})\b)?|\b(?P<wd>{WEEKDAY})\b|\b(?P<rel>(?i:yesterday|today|last\s+week))\b"
        );
        super::pattern(&src)
    })
}

/// Every date expression in `text`, in order. A weekday directly followed by a
/// date ("Thursday, December 18, 2025") is one expression with the date's meaning.
pub fn find(text: &str) -> Vec<DateExpr> {
    if !may_hold_date(text) {
        return Vec::new();
    }
    find_unchecked(text)
}

/// `find` without its byte check, for a text that holds one of `cues::date_needs`:
/// every date it keeps holds what the check looks for, so both give the same dates.
pub fn find_unchecked(text: &str) -> Vec<DateExpr> {
    let mut out: Vec<DateExpr> = Vec::new();
    for caps in pattern().captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let Some(kind) = kind_of(&caps) else { continue };
        let expr = DateExpr {
            start: whole.start(),
            end: whole.end(),
            kind,
        };
        if let Some(prev) = out.last_mut() {
            let gap = &text[prev.end..expr.start];
            let joins = matches!(prev.kind, DateKind::Weekday(_))
                && !matches!(kind, DateKind::Weekday(_) | DateKind::Relative(_))
                && gap.len() <= 3
                && gap.chars().all(|c| c == ',' || c.is_whitespace());
            if joins {
                prev.end = expr.end;
                prev.kind = kind;
                continue;
            }
        }
        out.push(expr);
    }
    out
}

/// The first full date (with a year) in `text`.
pub fn first_full(text: &str) -> Option<Date> {
    find(text).into_iter().find_map(|e| match e.kind {
        DateKind::Full(d) => Some(d),
        _ => None,
    })
}

/// The pattern's named groups, in the order of `GROUPS`.
#[derive(Clone, Copy)]
enum G {
    Iy,
    Im,
    Id,
    Nd,
    Nm,
    Ny,
    M1,
    D1,
    Y1,
    D2,
    M2,
    Y2,
    Wd,
    Rel,
}

/// The names of the groups of `G`, in its order.
const GROUPS: [&str; 14] = [
    "iy", "im", "id", "nd", "nm", "ny", "m1", "d1", "y1", "d2", "m2", "y2", "wd", "rel",
];

/// The group `g` of a match, found by its index (looking a name up costs a hash per call).
fn group<'h>(c: &Captures<'h>, g: G) -> Option<regex::Match<'h>> {
    static INDEX: OnceLock<[usize; GROUPS.len()]> = OnceLock::new();
    let index = INDEX.get_or_init(|| crate::model::meta::group_indices(pattern(), GROUPS));
    c.get(index[g as usize])
}

fn num<T: std::str::FromStr>(caps: &Captures, g: G) -> Option<T> {
    group(caps, g)?.as_str().parse().ok()
}

fn month_day(month: u8, day: u8, year: Option<i32>) -> Option<DateKind> {
    match year {
        Some(y) => Date::new(y, month, day).map(DateKind::Full),
        // 2024 is a leap year, so 29 February is accepted without a year.
        None => (day >= 1 && day <= days_in_month(2024, month))
            .then_some(DateKind::MonthDay { month, day }),
    }
}

fn kind_of(caps: &Captures) -> Option<DateKind> {
    if group(caps, G::Iy).is_some() {
        return Date::new(num(caps, G::Iy)?, num(caps, G::Im)?, num(caps, G::Id)?)
            .map(DateKind::Full);
    }
    if group(caps, G::Ny).is_some() {
        // "25/01/2024" and "01/25/2024" read one way only; "09/01/2024" reads two ways.
        let (a, b): (u8, u8) = (num(caps, G::Nd)?, num(caps, G::Nm)?);
        let (month, day) = match (a, b) {
            _ if a == b => (a, a),
            _ if a > 12 && b <= 12 => (b, a),
            _ if b > 12 && a <= 12 => (a, b),
            _ => return None,
        };
        return Date::new(num(caps, G::Ny)?, month, day).map(DateKind::Full);
    }
    if let Some(m) = group(caps, G::M1) {
        return month_day(
            parse_month(m.as_str())?,
            num(caps, G::D1)?,
            num(caps, G::Y1),
        );
    }
    if let Some(m) = group(caps, G::M2) {
        return month_day(
            parse_month(m.as_str())?,
            num(caps, G::D2)?,
            num(caps, G::Y2),
        );
    }
    if let Some(w) = group(caps, G::Wd) {
        return Weekday::parse(w.as_str()).map(DateKind::Weekday);
    }
    let rel = group(caps, G::Rel)?.as_str().to_ascii_lowercase();
    Some(DateKind::Relative(match rel.as_str() {
        "yesterday" => Relative::Yesterday,
        "today" => Relative::Today,
        _ => Relative::LastWeek,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_name_is_in_the_pattern() {
        let names: Vec<&str> = pattern().capture_names().flatten().collect();
        for n in GROUPS {
            assert!(names.contains(&n), "{n}");
        }
    }

    fn kinds(text: &str) -> Vec<DateKind> {
        find(text).into_iter().map(|e| e.kind).collect()
    }

    fn full(y: i32, m: u8, d: u8) -> DateKind {
        DateKind::Full(Date::new(y, m, d).unwrap())
    }

    #[test]
    fn finds_month_day_forms_including_glued() {
        let md = |month, day| DateKind::MonthDay { month, day };
        assert_eq!(kinds("a conference on July 7 in Hanoi"), [md(7, 7)]);
        assert_eq!(kinds("heard a conference on April14."), [md(4, 14)]);
        assert_eq!(
            kinds("held on 5 March, then Dec. 18"),
            [md(3, 5), md(12, 18)]
        );
        assert_eq!(kinds("on the 3rd of June"), [md(6, 3)]);
    }

    #[test]
    fn finds_full_dates_in_every_format() {
        assert_eq!(kinds("December 18, 2025 - 18:01"), [full(2025, 12, 18)]);
        assert_eq!(kinds("Decree 234 of 27 August 2025"), [full(2025, 8, 27)]);
        assert_eq!(
            kinds("on 2025-12-18 and 18/12/2025"),
            [full(2025, 12, 18), full(2025, 12, 18)]
        );
        assert_eq!(
            kinds("on 12/18/2025 or 18.12.2025"),
            [full(2025, 12, 18); 2]
        );
        assert!(kinds("on 03/06/2024 or 03.06.2024").is_empty());
        // Year first, as Japanese, Korean and Chinese pages write it: never ambiguous.
        assert_eq!(
            kinds("on 2025/12/18 or 2025.12.18"),
            [full(2025, 12, 18); 2]
        );
        assert!(kinds("the 2016/2017/2018 terms, 2025/13/01").is_empty());
        assert_eq!(kinds("Held from April 16 to 17, 2025"), [full(2025, 4, 16)]);
        assert_eq!(
            kinds("on March 18-19"),
            [DateKind::MonthDay { month: 3, day: 18 }]
        );
        assert_eq!(kinds("2025-12-18T18:01:00+07:00"), [full(2025, 12, 18)]);
        assert_eq!(
            kinds("Updated: Thursday, December 18, 2025 18:01 (GMT+7)"),
            [full(2025, 12, 18)]
        );
    }

    #[test]
    fn finds_weekdays_and_relative_words() {
        assert_eq!(
            kinds("Held on Thursday; yesterday and Today, not last  week"),
            [
                DateKind::Weekday(Weekday::Thu),
                DateKind::Relative(Relative::Yesterday),
                DateKind::Relative(Relative::Today),
                DateKind::Relative(Relative::LastWeek)
            ]
        );
    }

    #[test]
    fn ignores_non_dates() {
        assert!(kinds("in April 2021 the unit may 5 times march").is_empty());
        assert!(kinds("Decree 234/2025/NĐ-CP, 100countries, the 2016 – 2021 term").is_empty());
        assert!(kinds("on April 31 and 31/02/2025").is_empty());
        assert_eq!(
            kinds("February 29"),
            [DateKind::MonthDay { month: 2, day: 29 }]
        );
    }

    #[test]
    fn the_pattern_alone_keeps_what_find_keeps() {
        for t in [
            "january 5, 2025",
            "on dec 18",
            "MONDAY",
            "a ٢٠٢٥-١٢-١٨ date",
            "19.5 per cent of 2025",
            "may 5 times",
            "the sept. 3 meeting",
            "Held on Thursday; yesterday and Today, not last  week",
            "on 2025-12-18 and 18/12/2025",
        ] {
            assert_eq!(find_unchecked(t), find(t), "{t}");
        }
    }

    #[test]
    fn ranges_cover_the_words() {
        let t = "convened on July 7, 2025.";
        let e = find(t)[0];
        assert_eq!(&t[e.start..e.end], "July 7, 2025");
        assert_eq!(first_full("no date here"), None);
        assert_eq!(first_full("x 18 December 2025"), Date::new(2025, 12, 18));
    }
}
