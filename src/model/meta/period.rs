//! The period a review covers: a half year, a year or a span of years.

use super::Passage;
use super::anniversary::AnniversaryYear;
use super::cues::{Tense, cues};
use crate::model::date::{Date, Period};
use crate::model::document::Field;
use regex::Regex;
use std::sync::OnceLock;

/// A period expression as written, before its year is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// "first half", "last six months of 2025", "H1 2025"; `year` when stated.
    Half {
        /// 1 or 2.
        half: u8,
        /// The stated year.
        year: Option<i32>,
    },
    /// "in 2025", "throughout 2025", "2025 review".
    Year(i32),
    /// "2016 – 2021", "from 2016 to 2021".
    Span(i32, i32),
}

/// A period expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// What it says.
    pub expr: Expr,
}

const YEAR: &str = r"(?:19|20)\d{2}";

/// All period forms in one pattern, so a text is scanned once; alternatives are tried in
/// order at each position, so "first half of 2025" is a half and "in the 2016 – 2021" a span.
fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        super::pattern(&format!(
            r"(?i)\b(?P<ord>first|second|1st|2nd|last|final)[\s-]+(?:half(?:[\s-]+year)?|(?:six|6)[\s-]+months)(?:\s+of\s+(?:(?P<rel>(?:next|last)\s+year)|(?:the|this)\s+year|(?:the\s+year\s+)?(?P<hy>{YEAR})))?\b|(?-i:\bH(?P<h>[12])[\s/-]*(?P<hy2>{YEAR})\b|\b(?P<hy3>{YEAR})[\s/-]*H(?P<h3>[12])\b)|\b(?P<ma>January|Jan|July|Jul)\.?\s*(?:–|—|-|to|through|until)\s*(?P<mb>June|Jun|December|Dec)\b\.?(?:,?\s+(?P<my>{YEAR}))?|\b(?P<y>{YEAR})(?:\s*(?:–|—|-|to)\s*(?P<y_end>{YEAR}|\d{{2}})\b|\s+(?:year-end\s+|annual\s+)?(?P<rev>review)\b|\b)"
        ))
    })
}

fn year_at(caps: &regex::Captures, name: &str) -> Option<i32> {
    caps.name(name)?.as_str().parse().ok()
}

/// Whether a year at `end` is the start of a range or a numeric date ("2016-2021", "2025/12").
fn continues_as_range(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start();
    let rest = rest
        .strip_prefix(['–', '—', '-', '/'])
        .or_else(|| rest.strip_prefix("to "))
        .map(str::trim_start);
    rest.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether `before` ends with a preposition that makes a following year a period
/// ("in", "throughout", "during the year"). Checked by hand rather than in the pattern:
/// a pattern starting with "in" or "of" would stop the scan at nearly every word.
fn after_preposition(before: &str) -> bool {
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.to_ascii_lowercase());
    let mut w = words.next();
    if w.as_deref() == Some("year") {
        w = words.next();
    }
    if w.as_deref() == Some("the") {
        w = words.next();
    }
    w.is_some_and(|w| {
        matches!(
            w.as_str(),
            "in" | "throughout" | "during" | "over" | "for" | "of"
        )
    }) && before.ends_with(char::is_whitespace)
}

/// What one match of the pattern says, if it names a period.
fn expr_of(text: &str, c: &regex::Captures, m: regex::Match) -> Option<Expr> {
    if let Some(ord) = c.name("ord") {
        let half = if matches!(ord.as_str().to_ascii_lowercase().as_str(), "first" | "1st") {
            1
        } else {
            2
        };
        return c.name("rel").is_none().then(|| Expr::Half {
            half,
            year: year_at(c, "hy"),
        });
    }
    if let Some(h) = c.name("h").or(c.name("h3")) {
        let half = if h.as_str() == "2" { 2 } else { 1 };
        let year = year_at(c, "hy2").or(year_at(c, "hy3"));
        return Some(Expr::Half { half, year });
    }
    if let (Some(a), Some(b)) = (c.name("ma"), c.name("mb")) {
        let first = a.as_str().to_ascii_lowercase().starts_with("jan");
        let to_june = b.as_str().to_ascii_lowercase().starts_with("jun");
        let half = if first { 1 } else { 2 };
        return (first == to_june).then(|| Expr::Half {
            half,
            year: year_at(c, "my"),
        });
    }
    let y = c.name("y")?;
    let year: i32 = y.as_str().parse().ok()?;
    if let Some(end) = c.name("y_end") {
        let n: i32 = end.as_str().parse().ok()?;
        let last = if end.as_str().len() == 2 {
            year - year % 100 + n
        } else {
            n
        };
        let numeric_date =
            text[..y.start()].ends_with(['/', '-']) || continues_as_range(text, m.end());
        return (last > year && last - year <= 10 && !numeric_date)
            .then_some(Expr::Span(year, last));
    }
    let numeric_date = text[..y.start()].ends_with(['/', '-']) || continues_as_range(text, y.end());
    let said_as_period = c.name("rev").is_some() || after_preposition(&text[..y.start()]);
    (said_as_period && !numeric_date).then_some(Expr::Year(year))
}

/// Every period expression in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    pattern()
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let expr = expr_of(text, &c, m)?;
            Some(Found {
                start: m.start(),
                end: m.end(),
                expr,
            })
        })
        .collect()
}

/// The period found, and whether review language reports on it somewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    /// The period reviewed.
    pub period: Period,
    /// True when at least one mention of it sits in review language.
    pub reported: bool,
}

/// A period expression with where it stands and how it is said.
struct Cited {
    expr: Expr,
    tense: Tense,
    in_title: bool,
    /// Its sentence says "review" ("a conference reviewing work in 2025").
    beside_review_verb: bool,
}

/// Everything that says which year an unstated "first half" belongs to.
fn half_year_evidence(
    cited: &[Cited],
    published: Option<Date>,
    anniversaries: &[AnniversaryYear],
    half: u8,
) -> Option<i32> {
    let stated = cited.iter().filter_map(|c| match c.expr {
        Expr::Half { year, .. } => year,
        Expr::Year(y) => Some(y),
        Expr::Span(..) => None,
    });
    // The latest such half that began on or before publication.
    let from_published = published.map(|d| {
        if half == 2 && d.month < 7 {
            d.year - 1
        } else {
            d.year
        }
    });
    let mut years: Vec<i32> = stated
        .chain(from_published)
        .chain(anniversaries.iter().map(|a| a.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    match years.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The period the review covers. Expressions in tasks-ahead language are never taken; those
/// in review language weigh more, most of all in a sentence that says "review" or in the
/// headline; a year alone needs review language. An unstated year of a half comes from the
/// text's other evidence (stated years, publication, anniversaries): none or conflicting
/// evidence drops it. A tie between different periods gives `None`.
pub fn resolve(
    passages: &[Passage],
    published: Option<Date>,
    anniversaries: &[AnniversaryYear],
) -> Option<Finding> {
    let cues = cues();
    let mut cited = Vec::new();
    for p in passages {
        for f in find(p.text) {
            let (s, e) = p.sentence_at(f.start);
            let sentence = &p.text[s..e];
            let tense = cues.tense_at(sentence, f.start - s, (f.end - s).min(sentence.len()));
            let usable = match (f.expr, tense) {
                (_, Tense::Ahead) => false,
                (Expr::Year(_), t) => t == Tense::Review,
                _ => true,
            };
            if usable {
                cited.push(Cited {
                    expr: f.expr,
                    tense,
                    in_title: p.field == Field::Title,
                    beside_review_verb: cues.review_verbs.is_match(sentence),
                });
            }
        }
    }
    let mut scores: Vec<(Period, u32, bool)> = Vec::new();
    for c in &cited {
        let period = match c.expr {
            Expr::Half { half, year } => {
                let year =
                    year.or_else(|| half_year_evidence(&cited, published, anniversaries, half));
                let Some(year) = year else { continue };
                Period::Half { year, half }
            }
            Expr::Year(y) => Period::Year(y),
            Expr::Span(a, b) => Period::Span(a, b),
        };
        let base = if matches!(c.expr, Expr::Year(_)) {
            1
        } else {
            2
        };
        let score = base
            + u32::from(c.tense == Tense::Review)
            + u32::from(c.in_title)
            + 2 * u32::from(c.beside_review_verb);
        let reported = c.tense == Tense::Review;
        match scores.iter_mut().find(|(p, ..)| *p == period) {
            Some((_, s, r)) => {
                *s += score;
                *r |= reported;
            }
            None => scores.push((period, score, reported)),
        }
    }
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let finding = |&(period, _, reported): &(Period, u32, bool)| Finding { period, reported };
    match scores.as_slice() {
        [] => None,
        [one] => Some(finding(one)),
        [first, second, ..] => (first.1 > second.1).then(|| finding(first)),
    }
}

#[cfg(test)]
mod tests;
