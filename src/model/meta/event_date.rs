//! The date the reported gathering took place, resolved to a full date with its reasoning.

use super::Passage;
use super::cues::{Cue, Needs};
use super::dates::{self, DateExpr, DateKind, Relative};
use crate::model::date::{Date, Period};
use crate::model::document::{DateBasis, Field};
use crate::model::document_date::{dates_a_document, words_back};

/// A date expression in a sentence about a gathering being held.
struct Candidate<'a> {
    expr: DateExpr,
    /// The words as written, with the preposition ("on July 7").
    evidence: &'a str,
    /// The date words alone ("Thursday").
    weekday_word: &'a str,
    score: u32,
}

/// Where the preposition before a date starts: "on" directly or through a part of the day
/// ("on July 7", "on the morning of July 7"), or "from" opening a range ("from May 30 to
/// June 1"); dates of other things read "of 27 August", "(September 2)", "in October".
fn after_on(text: &str, start: usize, end: usize) -> Option<usize> {
    if let Some(from) = last_word(text, start)
        && text[from..start].trim_end().eq_ignore_ascii_case("from")
    {
        let rest = text[end..].trim_start();
        let ranged = ["to ", "until ", "till ", "through ", "-", "–"]
            .iter()
            .any(|w| rest.starts_with(w));
        return (ranged || holds_day_range(&text[start..end])).then_some(from);
    }
    let mut end = start;
    let mut last = last_word(text, end)?;
    if text[last..end].trim_end().eq_ignore_ascii_case("of") {
        end = last;
        last = last_word(text, end)?;
        let part = text[last..end].trim_end().to_ascii_lowercase();
        if !matches!(part.as_str(), "morning" | "afternoon" | "evening" | "night") {
            return None;
        }
        end = last;
        last = last_word(text, end)?;
        if text[last..end].trim_end().eq_ignore_ascii_case("the") {
            end = last;
            last = last_word(text, end)?;
        }
    }
    text[last..end]
        .trim_end()
        .eq_ignore_ascii_case("on")
        .then_some(last)
}

/// Whether a date expression is a range of days in one month ("June 12 to 14",
/// "12-14 June"): a month name and a dash or "to" between two numbers (a numeric date's
/// dashes have no month name beside them).
fn holds_day_range(expr: &str) -> bool {
    let named = expr.chars().any(char::is_alphabetic);
    let joined = expr.split_whitespace().any(|w| {
        w == "to"
            || w.trim_matches(|c: char| c.is_ascii_digit())
                .contains(['-', '–'])
    });
    named && joined
}

/// Body paragraphs that make up the lede.
const LEDE_PARAGRAPHS: usize = 2;

/// The start of the word before byte `end` (white space between is allowed).
fn last_word(text: &str, end: usize) -> Option<usize> {
    let before = text[..end].trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map(|(i, _)| i)?;
    Some(start)
}

/// Date expressions in sentences that say a gathering was held: a "held" verb
/// counts 2, a gathering noun 1, the headline or lede 2; sentences about gatherings still
/// to come are skipped, and so are dates inside a document's title ("Resolution 8 issued
/// on December 31").
fn candidates<'a>(passages: &[Passage<'a>]) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    let mut body_seen = 0;
    for p in passages {
        let lede = match p.field {
            Field::Title => true,
            Field::Body(_) => {
                body_seen += 1;
                body_seen <= LEDE_PARAGRAPHS
            }
            _ => false,
        };
        // Every date kept holds what the byte check looks for, so the pattern alone
        // finds what `find` does in a text the check would not pass.
        let exprs = if p.may_hold(Needs::Date) {
            dates::find_unchecked(p.text)
        } else {
            Vec::new()
        };
        for expr in exprs {
            let from = match expr.kind {
                DateKind::Relative(Relative::LastWeek) => continue,
                DateKind::Relative(_) => Some(expr.start),
                _ => after_on(p.text, expr.start, expr.end),
            };
            let Some(from) = from else { continue };
            let (s, e) = p.sentence_at(expr.start);
            if p.has(Cue::Future, (s, e)) || dates_a_document(words_back(&p.text[s..expr.start])) {
                continue;
            }
            let about =
                2 * u32::from(p.has(Cue::Held, (s, e))) + u32::from(p.has(Cue::Gatherings, (s, e)));
            let score = about + if about > 0 { 2 * u32::from(lede) } else { 0 };
            if score > 0 {
                out.push(Candidate {
                    expr,
                    evidence: &p.text[from..expr.end],
                    weekday_word: &p.text[expr.start..expr.end],
                    score,
                });
            }
        }
    }
    out
}

/// Whether a date fits the period a review covers: a review is held during or soon after
/// its period (within half a year of its end).
fn fits_period(d: Date, period: Period) -> bool {
    let start = match period {
        Period::Half { year, half: 2 } => Date::new(year, 7, 1),
        Period::Half { year, .. } | Period::Year(year) | Period::Span(year, _) => {
            Date::new(year, 1, 1)
        }
    };
    let end = period.end_date().add_days(183);
    start.is_some_and(|s| s <= d) && d <= end
}

/// The year of a month and day: the latest such day on or before the page's date (where
/// that fits the period reviewed), else the year of a reviewed half or year that the day
/// falls late in (a review of the first half held from June on, of a year in its last two
/// months). A span of years never pins it, nor does a day early in the year after.
fn year_for(
    month: u8,
    day: u8,
    published: Option<Date>,
    period: Option<Period>,
) -> Option<(i32, String)> {
    if let Some(p) = published {
        let year = if (month, day) <= (p.month, p.day) {
            p.year
        } else {
            p.year - 1
        };
        let fits =
            period.is_none_or(|r| Date::new(year, month, day).is_some_and(|d| fits_period(d, r)));
        return fits.then(|| {
            (
                year,
                format!("year {year}: the latest such day on or before the page's date ({p})"),
            )
        });
    }
    let (year, late) = match period? {
        Period::Half { year, half: 1 } => (year, month >= 6),
        Period::Half { year, .. } | Period::Year(year) => (year, month >= 11),
        Period::Span(..) => return None,
    };
    let period = period?;
    late.then(|| {
        (
            year,
            format!("year {year}, the year of the period reviewed ({period})"),
        )
    })
}

/// Resolves one candidate to a full date, or `None` when the text does not allow it.
fn resolve_one(
    c: &Candidate,
    published: Option<Date>,
    period: Option<Period>,
) -> Option<(Date, DateBasis)> {
    let ev = c.evidence;
    let (date, reasoning) = match c.expr.kind {
        DateKind::Full(d) => (d, format!("the full date written in '{ev}'")),
        DateKind::MonthDay { month, day } => {
            let (year, why) = year_for(month, day, published, period)?;
            let d = Date::new(year, month, day)?;
            (d, format!("month and day from '{ev}'; {why}"))
        }
        DateKind::Weekday(wd) => {
            let p = published?;
            let d = p.on_or_before(wd);
            if period.is_some_and(|r| !fits_period(d, r)) {
                return None;
            }
            let name = c.weekday_word;
            (
                d,
                format!("'{ev}': the {name} on or before the page's date ({p})"),
            )
        }
        DateKind::Relative(r) => {
            let p = published?;
            let d = if r == Relative::Yesterday {
                p.add_days(-1)
            } else {
                p
            };
            (d, format!("'{ev}' counted from the page's date ({p})"))
        }
    };
    Some((
        date,
        DateBasis {
            evidence: ev.to_owned(),
            reasoning,
        },
    ))
}

/// The date of the reported gathering: the best-scored date in a sentence about it
/// (the first one on a tie), resolved; `None` when none is stated or it cannot be resolved.
pub fn resolve(
    passages: &[Passage],
    published: Option<Date>,
    period: Option<Period>,
) -> Option<(Date, DateBasis)> {
    let found = candidates(passages);
    let top = found.iter().map(|c| c.score).max()?;
    let best = found.iter().find(|c| c.score == top)?;
    resolve_one(best, published, period)
}

#[cfg(test)]
mod tests;
