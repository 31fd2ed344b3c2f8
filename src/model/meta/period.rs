//! The period a review covers: every period expression of the article is a candidate,
//! scored by what surrounds it (a review verb, review or tasks-ahead tense, the headline,
//! the lede, a sentence that opens with it); the best one wins.

pub mod forms;

use super::Passage;
use super::anniversary::AnniversaryYear;
use super::cues::{Cue, Cues, Needs, Tense, cues};
use crate::model::date::{Date, Period};
use crate::model::document::Field;
pub use forms::{Expr, Found, YearRef, YearWords, find};

/// Body paragraphs that make up the lede.
const LEDE_PARAGRAPHS: usize = 2;

/// What shape of period a review covers, whether or not its year is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// A half year.
    Half,
    /// A year.
    Year,
    /// Several years.
    Span,
    /// A quarter, nine months, a month: not a half, a year or a span.
    Other,
}

/// The period found for an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What shape of period the text reviews.
    pub form: Form,
    /// The period, when its year is settled.
    pub period: Option<Period>,
    /// How strongly the text says it reviews this period.
    pub score: u32,
    /// True when some mention of it sits in review language or opens a sentence.
    pub reported: bool,
    /// True when a mention sits in a sentence with a review verb ("review", "sum up").
    pub beside_review_verb: bool,
    /// The words and how their year was settled, for `show`.
    pub basis: String,
}

/// A period expression with where it stands and how it is said.
struct Cited<'a> {
    expr: Expr,
    words: &'a str,
    /// What made it count, for the basis ("beside a review verb").
    why: Vec<&'static str>,
    score: u32,
    reported: bool,
    beside_review_verb: bool,
}

/// What the scoring needs to know besides the text.
pub struct Context<'a> {
    /// The page's own date.
    pub published: Option<Date>,
    /// Years the anniversaries of the text place it in.
    pub anniversaries: &'a [AnniversaryYear],
}

/// Whether the words around a period expression make it a term, plan, horizon,
/// comparison or name rather than a period reviewed.
fn excluded(text: &str, f: &Found, cues: &Cues) -> bool {
    let before = forms::words_before(text, f.start, 2);
    let not_before = |w: &String| cues.period_not_before.iter().any(|x| x == w);
    if before.first().is_some_and(not_before)
        || before.first().is_some_and(|w| w == "the") && before.get(1).is_some_and(not_before)
    {
        return true;
    }
    let after: Vec<String> = text[f.end..]
        .split_whitespace()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let term = |w: &String| cues.period_not_after.iter().any(|x| x == w);
    matches!(f.expr, Expr::Year(YearRef::Stated(_)) | Expr::Span(..))
        && (after.first().is_some_and(term) || after.get(1).is_some_and(term))
}

/// Whether the expression opens its sentence or clause ("In 2018, …", "Last year, …",
/// "Reportedly, in the first half of 2022, …", "… reported that in 2024 …").
fn opens_sentence(sentence: &str, start: usize) -> bool {
    let before = sentence[..start].trim();
    let last = before
        .rsplit(',')
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let mut words: Vec<&str> = last.split_whitespace().collect();
    // "The year 2026 saw …", "In the year 2026, …".
    if words.last() == Some(&"year") {
        words.pop();
    }
    if words.last() == Some(&"the") {
        words.pop();
    }
    if words
        .last()
        .is_some_and(|w| matches!(*w, "in" | "during" | "throughout" | "over" | "for"))
    {
        words.pop();
    }
    words.last().is_none_or(|w| *w == "that")
}

/// The candidates of one passage.
fn cite<'a>(p: &Passage<'a>, lede: bool, cues: &Cues, out: &mut Vec<Cited<'a>>) {
    let found = if p.may_hold(Needs::Period) {
        let words = YearWords {
            work: &cues.work_nouns,
            review_verbs: &cues.review_verbs,
        };
        find(p.text, &words)
    } else {
        Vec::new()
    };
    for f in found {
        if excluded(p.text, &f, cues) {
            continue;
        }
        let (s, e) = p.sentence_at(f.start);
        // "The two sides reviewed their cooperation in 2025": talks recapping a pair's
        // cooperation, not a review of the period's work.
        if p.has(Cue::PairSubjects, (s, e)) {
            continue;
        }
        let sentence = &p.text[s..e];
        let tense = cues.tense_at(p.cues(), (s, e), f.start, f.end.min(e));
        let opens = opens_sentence(sentence, f.start - s) && !cues.is_future(p.cues(), (s, e));
        let review_verb = p.has(Cue::ReviewVerbs, (s, e));
        let in_title = p.field == Field::Title;
        let usable = match (f.expr, tense) {
            // A sentence that opens with the period and is not about the future reports on it.
            _ if opens => true,
            (_, Tense::Ahead) => false,
            (Expr::Year(_), t) => t == Tense::Review || opens || review_verb || in_title,
            _ => true,
        };
        if !usable {
            continue;
        }
        let base = match f.expr {
            Expr::Half { .. } | Expr::Span(..) | Expr::Other => 2,
            Expr::Year(_) | Expr::OpenSpan => 1,
        };
        let score = base
            + u32::from(tense == Tense::Review)
            + 2 * u32::from(in_title)
            + u32::from(lede)
            + 2 * u32::from(opens)
            + 4 * u32::from(review_verb);
        let why = [
            (review_verb, "beside a review verb"),
            (in_title, "in the headline"),
            (opens, "opening its sentence"),
            (tense == Tense::Review, "in review language"),
            (lede, "in the lede"),
        ]
        .into_iter()
        .filter_map(|(on, what)| on.then_some(what))
        .collect();
        out.push(Cited {
            expr: f.expr,
            words: &p.text[f.start..f.end],
            why,
            score,
            reported: tense == Tense::Review || opens,
            beside_review_verb: review_verb,
        });
    }
}

/// The year of an unstated half: the one year that the text's stated periods, the
/// page's date and the anniversaries it places in that year all agree on. A half-year
/// review sets tasks for the rest of the same year, so an anniversary it prepares for
/// counts when its day falls in the second half.
fn unstated_half_year(cited: &[Cited], ctx: &Context, half: u8) -> Option<(i32, String)> {
    let mut years: Vec<(i32, String)> = Vec::new();
    for c in cited {
        if let Expr::Half {
            year: YearRef::Stated(y),
            ..
        }
        | Expr::Year(YearRef::Stated(y)) = c.expr
        {
            years.push((y, format!("as stated in '{}'", c.words)));
        }
    }
    if let Some(d) = ctx.published {
        let y = if half == 2 && d.month < 7 {
            d.year - 1
        } else {
            d.year
        };
        years.push((y, format!("from the page's date ({d})")));
    }
    for a in ctx.anniversaries {
        let counts = !a.ahead || half == 1 && a.month >= 7;
        if counts {
            years.push((a.year, format!("from the {} {}", a.evidence, a.name)));
        }
    }
    let first = years.first()?.0;
    years
        .iter()
        .all(|(y, _)| *y == first)
        .then(|| years.swap_remove(0))
}

/// The year of a half-year the text does not give one to, worked out once per half: it
/// depends on every candidate, so working it out per candidate would be quadratic.
struct Unstated<'a> {
    cited: &'a [Cited<'a>],
    ctx: &'a Context<'a>,
    found: std::cell::RefCell<Vec<(u8, YearBasis)>>,
}

/// A year and how it was settled.
type YearBasis = Option<(i32, String)>;

impl Unstated<'_> {
    fn year(&self, half: u8) -> YearBasis {
        if let Some((_, year)) = self.found.borrow().iter().find(|(h, _)| *h == half) {
            return year.clone();
        }
        let year = unstated_half_year(self.cited, self.ctx, half);
        self.found.borrow_mut().push((half, year.clone()));
        year
    }
}

/// The period and how its year was settled, for one candidate.
fn settle(c: &Cited, unstated: &Unstated<'_>, ctx: &Context) -> (Form, Option<(Period, String)>) {
    let from_page = |delta: i32, what: &str| {
        ctx.published.map(|d| {
            (
                d.year + delta,
                format!("({what}) from the page's date ({d})"),
            )
        })
    };
    match c.expr {
        Expr::Half { half, year } => {
            let year = match year {
                YearRef::Stated(y) => Some((y, "stated".to_owned())),
                YearRef::This => from_page(0, "'this year'"),
                YearRef::Last => from_page(-1, "'last year'"),
                YearRef::Unstated => unstated.year(half),
            };
            let p = year.map(|(year, why)| (Period::Half { year, half }, why));
            (Form::Half, p)
        }
        Expr::Year(year) => {
            let year = match year {
                YearRef::Stated(y) => Some((y, "stated".to_owned())),
                YearRef::This => from_page(0, "'this year'"),
                YearRef::Last => from_page(-1, "'last year'"),
                // "the past year" is the year a review at its end or just after looks back on.
                YearRef::Unstated => ctx.published.and_then(|d| match d.month {
                    10..=12 => from_page(0, "the year ending"),
                    1..=3 => from_page(-1, "the year just ended"),
                    _ => None,
                }),
            };
            (Form::Year, year.map(|(y, why)| (Period::Year(y), why)))
        }
        Expr::Span(a, b) => (Form::Span, Some((Period::Span(a, b), "stated".to_owned()))),
        Expr::OpenSpan => (Form::Span, None),
        Expr::Other => (Form::Other, None),
    }
}

/// The period the review covers: the best-scored candidate (mentions of the same period
/// add up); a tie between different periods of the same weight gives no period. Periods
/// that start after the page's date are tasks ahead, never the period reviewed.
pub fn resolve(passages: &[Passage], ctx: &Context) -> Option<Finding> {
    let cues = cues();
    let mut cited = Vec::new();
    let mut body_seen = 0;
    for p in passages {
        let lede = matches!(p.field, Field::Body(_)) && body_seen < LEDE_PARAGRAPHS;
        body_seen += usize::from(matches!(p.field, Field::Body(_)));
        cite(p, lede, cues, &mut cited);
    }
    // The strongest mention of each period gives its basis.
    cited.sort_by_key(|c| std::cmp::Reverse(c.score));
    let unstated = Unstated {
        cited: &cited,
        ctx,
        found: std::cell::RefCell::default(),
    };
    let mut found: Vec<Finding> = Vec::new();
    for c in &cited {
        let (form, settled) = settle(c, &unstated, ctx);
        let ahead = settled
            .as_ref()
            .zip(ctx.published)
            .is_some_and(|((p, _), d)| p.start_year() > d.year);
        if ahead {
            continue;
        }
        let period = settled.as_ref().map(|(p, _)| *p);
        let context = if c.why.is_empty() {
            String::new()
        } else {
            format!(" ({})", c.why.join(", "))
        };
        let basis = match &settled {
            Some((_, why)) if why == "stated" => format!("'{}'{context}", c.words),
            Some((p, why)) => format!("'{}'{context}; year {} {why}", c.words, p.end_year()),
            None => format!("'{}'{context}; the text does not settle its year", c.words),
        };
        match found
            .iter_mut()
            .find(|f| f.form == form && f.period == period)
        {
            Some(f) => {
                f.score += c.score;
                f.reported |= c.reported;
                f.beside_review_verb |= c.beside_review_verb;
            }
            None => found.push(Finding {
                form,
                period,
                score: c.score,
                reported: c.reported,
                beside_review_verb: c.beside_review_verb,
                basis,
            }),
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.score));
    let mut it = found.into_iter();
    let first = it.next()?;
    match it.next() {
        Some(second) if second.score == first.score && second.form != first.form => None,
        Some(second) if second.score == first.score && second.period.is_some() => None,
        _ => Some(first),
    }
}

#[cfg(test)]
mod tests;
