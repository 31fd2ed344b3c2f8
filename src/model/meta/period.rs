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

struct Patterns {
    half: Regex,
    h_label: Regex,
    months: Regex,
    year: Regex,
    year_review: Regex,
    span: Regex,
}

const YEAR: &str = r"(?:19|20)\d{2}";

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("period patterns are valid (checked by tests)");
        Patterns {
            half: re(&format!(
                r"(?i)\b(?P<ord>first|second|1st|2nd|last|final)[\s-]+(?:half(?:[\s-]+year)?|(?:six|6)[\s-]+months)(?:\s+of\s+(?:(?P<rel>(?:next|last)\s+year)|(?:the|this)\s+year|(?:the\s+year\s+)?(?P<y>{YEAR})))?\b"
            )),
            h_label: re(&format!(
                r"\bH(?P<h>[12])[\s/-]*(?P<y>{YEAR})\b|\b(?P<y2>{YEAR})[\s/-]*H(?P<h2>[12])\b"
            )),
            months: re(&format!(
                r"(?i)\b(?P<a>January|Jan|July|Jul)\.?\s*(?:–|—|-|to|through|until)\s*(?P<b>June|Jun|December|Dec)\b\.?(?:,?\s+(?P<y>{YEAR}))?"
            )),
            year: re(&format!(
                r"(?i)\b(?:in|throughout|during|over|for|of)\s+(?:the\s+(?:year\s+)?)?(?P<y>{YEAR})\b"
            )),
            year_review: re(&format!(
                r"(?i)\b(?P<y>{YEAR})\s+(?:year-end\s+|annual\s+)?review\b"
            )),
            span: re(&format!(
                r"(?i)\b(?P<a>{YEAR})\s*(?:–|—|-|to)\s*(?P<b>{YEAR}|\d{{2}})\b"
            )),
        }
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

/// Every period expression in `text`, in order; a year inside a half or a span is not
/// reported again on its own.
pub fn find(text: &str) -> Vec<Found> {
    let p = patterns();
    let mut out: Vec<Found> = Vec::new();
    let mut push = |m: regex::Match, expr| {
        out.push(Found {
            start: m.start(),
            end: m.end(),
            expr,
        })
    };
    for c in p.half.captures_iter(text) {
        let (Some(m), Some(ord)) = (c.get(0), c.name("ord")) else {
            continue;
        };
        if c.name("rel").is_some() {
            continue;
        }
        let half = match ord.as_str().to_ascii_lowercase().as_str() {
            "first" | "1st" => 1,
            _ => 2,
        };
        push(
            m,
            Expr::Half {
                half,
                year: year_at(&c, "y"),
            },
        );
    }
    for c in p.h_label.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let half = c
            .name("h")
            .or(c.name("h2"))
            .map_or(1, |h| if h.as_str() == "2" { 2 } else { 1 });
        push(
            m,
            Expr::Half {
                half,
                year: year_at(&c, "y").or(year_at(&c, "y2")),
            },
        );
    }
    for c in p.months.captures_iter(text) {
        let (Some(m), Some(a), Some(b)) = (c.get(0), c.name("a"), c.name("b")) else {
            continue;
        };
        let first = a.as_str().to_ascii_lowercase().starts_with("jan");
        let to_june = b.as_str().to_ascii_lowercase().starts_with("jun");
        if first == to_june {
            push(
                m,
                Expr::Half {
                    half: if first { 1 } else { 2 },
                    year: year_at(&c, "y"),
                },
            );
        }
    }
    for c in p.span.captures_iter(text) {
        let (Some(m), Some(a), Some(b)) = (c.get(0), year_at(&c, "a"), c.name("b")) else {
            continue;
        };
        let Ok(b_num) = b.as_str().parse::<i32>() else {
            continue;
        };
        let b = if b.as_str().len() == 2 {
            a - a % 100 + b_num
        } else {
            b_num
        };
        let numeric_date = text[..m.start()].ends_with(['/', '-']) || continues_as_range(text, m.end());
        if b > a && b - a <= 10 && !numeric_date {
            push(m, Expr::Span(a, b));
        }
    }
    let taken: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
    let free = |s: usize, e: usize| taken.iter().all(|&(a, b)| e <= a || s >= b);
    let mut years = Vec::new();
    for re in [&p.year, &p.year_review] {
        for c in re.captures_iter(text) {
            let (Some(m), Some(y)) = (c.get(0), c.name("y")) else {
                continue;
            };
            let Ok(year) = y.as_str().parse() else { continue };
            if free(m.start(), m.end()) && !continues_as_range(text, y.end()) {
                years.push(Found {
                    start: m.start(),
                    end: m.end(),
                    expr: Expr::Year(year),
                });
            }
        }
    }
    out.extend(years);
    out.sort_by_key(|f| f.start);
    out
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

/// The period the review covers: expressions in review language beat those in tasks-ahead
/// language (never taken); a year alone needs review language; an unstated year of a
/// half comes from the text's other evidence, and conflicting evidence gives `None`.
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
                });
            }
        }
    }
    let mut scores: Vec<(Period, u32, bool)> = Vec::new();
    for c in &cited {
        let period = match c.expr {
            Expr::Half { half, year } => {
                let year = year.or_else(|| half_year_evidence(&cited, published, anniversaries, half));
                let Some(year) = year else { continue };
                Period::Half { year, half }
            }
            Expr::Year(y) => Period::Year(y),
            Expr::Span(a, b) => Period::Span(a, b),
        };
        let base = if matches!(c.expr, Expr::Year(_)) { 1 } else { 2 };
        let score = base + u32::from(c.tense == Tense::Review) + u32::from(c.in_title);
        let reported = c.tense == Tense::Review;
        match scores.iter_mut().find(|(p, ..)| *p == period) {
            Some((_, s, r)) => {
                *s += score;
                *r |= reported;
            }
            None => scores.push((period, score, reported)),
        }
    }
    scores.sort_by(|a, b| b.1.cmp(&a.1));
    let finding = |&(period, _, reported): &(Period, u32, bool)| Finding { period, reported };
    match scores.as_slice() {
        [] => None,
        [one] => Some(finding(one)),
        [first, second, ..] => (first.1 > second.1).then(|| finding(first)),
    }
}

#[cfg(test)]
mod tests;
