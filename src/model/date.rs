//! Calendar dates and review periods, with the small amount of calendar
//! arithmetic the model needs (weekday reasoning), without a date crate.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date (proleptic Gregorian), shown and serialised as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31.
    pub day: u8,
}

/// Days of the week, Monday first (ISO 8601).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// Parses an English weekday name or its three-letter abbreviation.
    pub fn parse(s: &str) -> Option<Weekday> {
        let l = s.to_ascii_lowercase();
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let full = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        (0..7)
            .find(|&i| l == names[i] || l == full[i])
            .map(|i| Weekday::ALL[i])
    }

    fn index(self) -> i64 {
        Weekday::ALL.iter().position(|&w| w == self).unwrap_or(0) as i64
    }
}

/// Parses an English month name or abbreviation ("Dec", "Sept.", "December").
pub fn parse_month(s: &str) -> Option<u8> {
    let l = s.trim_end_matches('.').to_ascii_lowercase();
    if l.len() < 3 {
        return None;
    }
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    months
        .iter()
        .position(|m| m.starts_with(&l) && (l.len() == m.len() || l.len() <= 4))
        .map(|i| i as u8 + 1)
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A checked constructor: `None` for impossible dates such as 31 April.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), Howard Hinnant's algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// Adds (or subtracts) whole days.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// The latest date on or before `self` that falls on `wd`.
    pub fn on_or_before(self, wd: Weekday) -> Date {
        let back = (self.weekday().index() - wd.index()).rem_euclid(7);
        self.add_days(-back)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| D::Error::custom(format!("not a date: {s:?}")))
    }
}

/// What a review covers: half a year, a whole year, or a span of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// The first (1) or second (2) half of a year: "2025-H1".
    Half {
        /// The year.
        year: i32,
        /// 1 or 2.
        half: u8,
    },
    /// A whole year: "2025".
    Year(i32),
    /// An inclusive span of years: "2016-2021".
    Span(i32, i32),
}

impl Period {
    /// The last year the period touches.
    pub fn end_year(self) -> i32 {
        match self {
            Period::Half { year, .. } | Period::Year(year) => year,
            Period::Span(_, end) => end,
        }
    }

    /// The first year the period touches.
    pub fn start_year(self) -> i32 {
        match self {
            Period::Half { year, .. } | Period::Year(year) => year,
            Period::Span(start, _) => start,
        }
    }

    /// The last day of the period.
    pub fn end_date(self) -> Date {
        match self {
            Period::Half { year, half: 1 } => Date {
                year,
                month: 6,
                day: 30,
            },
            Period::Half { year, .. } | Period::Year(year) | Period::Span(_, year) => Date {
                year,
                month: 12,
                day: 31,
            },
        }
    }

    /// A key that sorts periods chronologically by their end, finer periods first.
    pub fn sort_key(self) -> (i32, u8) {
        match self {
            Period::Half { year, half } => (year, half),
            Period::Year(y) => (y, 3),
            Period::Span(_, e) => (e, 4),
        }
    }

    /// Parses the display form ("2025-H1", "2025", "2016-2021").
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim();
        if let Some((y, h)) = s.split_once("-H") {
            let half: u8 = h.parse().ok()?;
            return (half == 1 || half == 2).then(|| Period::Half {
                year: y.parse().ok().unwrap_or(0),
                half,
            });
        }
        if let Some((a, b)) = s.split_once('-') {
            return Some(Period::Span(a.parse().ok()?, b.parse().ok()?));
        }
        s.parse().ok().map(Period::Year)
    }

    /// A human label: "H1 2025", "2025", "2016–2021".
    pub fn label(self) -> String {
        match self {
            Period::Half { year, half } => format!("H{half} {year}"),
            Period::Year(y) => y.to_string(),
            Period::Span(a, b) => format!("{a}–{b}"),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Half { year, half } => write!(f, "{year}-H{half}"),
            Period::Year(y) => write!(f, "{y}"),
            Period::Span(a, b) => write!(f, "{a}-{b}"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Period::parse(&s).ok_or_else(|| D::Error::custom(format!("not a period: {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_of_known_dates() {
        assert_eq!(Date::new(2025, 12, 18).unwrap().weekday(), Weekday::Thu);
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), Weekday::Thu);
        assert_eq!(Date::new(2000, 2, 29).unwrap().weekday(), Weekday::Tue);
    }

    #[test]
    fn round_trips_through_epoch_days() {
        for z in [-800_000, -1, 0, 1, 20_000, 30_000] {
            assert_eq!(Date::from_days_since_epoch(z).days_since_epoch(), z);
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::new(2025, 4, 31).is_none());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2024, 13, 1).is_none());
    }

    #[test]
    fn finds_weekday_on_or_before() {
        let fri = Date::new(2025, 12, 19).unwrap();
        assert_eq!(
            fri.on_or_before(Weekday::Thu),
            Date::new(2025, 12, 18).unwrap()
        );
        assert_eq!(fri.on_or_before(Weekday::Fri), fri);
    }

    #[test]
    fn parses_months_and_periods() {
        assert_eq!(parse_month("Sept."), Some(9));
        assert_eq!(parse_month("December"), Some(12));
        assert_eq!(parse_month("Ma"), None);
        assert_eq!(parse_month("mayday"), None);
        for p in ["2025-H1", "2025", "2016-2021"] {
            assert_eq!(Period::parse(p).unwrap().to_string(), p);
        }
    }
}
