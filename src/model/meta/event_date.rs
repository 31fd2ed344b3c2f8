//! The date the reported gathering took place, resolved to a full date with its reasoning.

use super::Passage;
use super::cues::cues;
use super::dates::{self, DateExpr, DateKind, Relative};
use crate::model::date::{Date, Period};
use crate::model::document::DateBasis;

/// A date expression in a sentence about a gathering being held.
struct Candidate<'a> {
    expr: DateExpr,
    /// The words as written, with the preposition ("on July 7").
    evidence: &'a str,
    /// The date words alone ("Thursday").
    weekday_word: &'a str,
    score: u32,
}

/// Where the preposition "on" before a date starts, if the date follows it directly or
/// through a part of the day ("on July 7", "on the morning of July 7"); dates of other
/// things read "of 27 August", "(September 2)".
fn after_on(text: &str, start: usize) -> Option<usize> {
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
/// counts 2, a gathering noun 1; sentences about gatherings still to come are skipped.
fn candidates<'a>(passages: &[Passage<'a>]) -> Vec<Candidate<'a>> {
    let cues = cues();
    let mut out = Vec::new();
    for p in passages {
        for expr in dates::find(p.text) {
            let from = match expr.kind {
                DateKind::Relative(Relative::LastWeek) => continue,
                DateKind::Relative(_) => Some(expr.start),
                _ => after_on(p.text, expr.start),
            };
            let Some(from) = from else { continue };
            let (s, e) = p.sentence_at(expr.start);
            let sentence = &p.text[s..e];
            if cues.future.is_match(sentence) {
                continue;
            }
            let score = 2 * u32::from(cues.held.is_match(sentence))
                + u32::from(cues.gatherings.is_match(sentence));
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

/// The year of a month and day, from the publication date or else the period reviewed.
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
        return Some((
            year,
            format!("year {year}: the latest such day on or before publication ({p})"),
        ));
    }
    let period = period?;
    // A review meets at the end of its period or early in the next year.
    let (year, how) = match period {
        Period::Half { year, half: 1 } => (year, "the year of"),
        Period::Span(_, year) => (year, "the last year of"),
        Period::Half { year, .. } | Period::Year(year) if month >= 7 => (year, "the year of"),
        Period::Half { year, .. } | Period::Year(year) => (year + 1, "the year after"),
    };
    Some((
        year,
        format!("year {year}, {how} the period reviewed ({period})"),
    ))
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
            let name = c.weekday_word;
            (
                d,
                format!("'{ev}': the {name} on or before publication ({p})"),
            )
        }
        DateKind::Relative(r) => {
            let p = published?;
            let d = if r == Relative::Yesterday {
                p.add_days(-1)
            } else {
                p
            };
            (d, format!("'{ev}' counted from publication ({p})"))
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
