//! The ways a text says which stretch of time it talks about: "the first half of 2025",
//! "in 2024", "last year", "2016 – 2021", "the past five years", "the first quarter".

use crate::model::text::strip_last_word;
use regex::{Captures, Match, Regex};
use std::sync::OnceLock;

/// The year of a period expression, as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// A year written out: "2025".
    Stated(i32),
    /// "this year", "the first half of the year": the year of the page's date.
    This,
    /// "last year": the year before the page's date.
    Last,
    /// Not said ("in the first half", "over the past year").
    Unstated,
}

/// A period expression as written, before its year is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// "first half", "last six months of 2025", "H1 2025", "six-month".
    Half {
        /// 1 or 2.
        half: u8,
        /// Its year.
        year: YearRef,
    },
    /// "in 2025", "throughout 2025", "2025 review", "last year", "the past year".
    Year(YearRef),
    /// "2016 – 2021", "from 2016 to 2021", "the past five years (2016-2021)".
    Span(i32, i32),
    /// Several years whose bounds the text does not give: "the past five years",
    /// "from the 12th National Party Congress to present".
    OpenSpan,
    /// A stretch that is not a half, a year or a span: "the first quarter", "nine months".
    Other,
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
/// Most years a reviewed span covers ("2016-2026"); a longer one is a history.
const MAX_SPAN_YEARS: i32 = 10;
const NUMBER: &str = r"two|three|four|five|six|seven|eight|nine|ten|\d{1,2}";

/// All period forms in one pattern, so a text is scanned once; alternatives are tried in
/// order at each position, so "first half of 2025" is a half and "in the 2016 – 2021" a span.
/// Compiles the pattern now rather than on the first text.
pub(in crate::model::meta) fn prepare() {
    pattern();
}

pub(super) fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let src = [
            // Halves: "first half (of 2025 | of this year)", "the last six months".
            format!(
                r"(?i)\b(?P<ord>first|second|1st|2nd|last|final|latter)[\s-]+(?:half(?:[\s-]+(?:of\s+the\s+)?year)?|(?:six|6)[\s-]+months?)(?:\s+of\s+(?:(?P<next>next\s+year)|(?P<hthis>this|the\s+current|the)\s+year|(?P<hlast>last|the\s+previous)\s+year|(?:the\s+year\s+)?(?P<hy>{YEAR})))?\b"
            ),
            format!(
                r"(?-i:\bH(?P<h>[12])[\s/-]*(?P<hy2>{YEAR})\b|\b(?P<hy3>{YEAR})[\s/-]*H(?P<h3>[12])\b)"
            ),
            r"(?i)\b(?P<sixmonth>six-month|6-month|mid-year|half-year|biannual)\b".to_owned(),
            format!(
                r"\b(?P<ma>January|Jan|July|Jul)\.?\s*(?:–|—|-|to|through|until)\s*(?P<mb>June|Jun|December|Dec)\b\.?(?:,?\s+(?P<my>{YEAR}))?"
            ),
            // Stretches that are not halves or years.
            format!(
                r"(?i)\b(?P<other>(?:first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-]+quarter|(?:first\s+)?nine[\s-]+months?|(?:first\s+)?(?:three|3)[\s-]+months?|(?:first\s+)?(?:eleven|11|ten|10)[\s-]+months?|quarterly)\b(?:\s+of\s+(?:the\s+year\s+)?{YEAR}\b)?"
            ),
            // Relative years.
            r"(?i)\b(?P<rel>this\s+year|last\s+year|(?:the\s+)?(?:past|previous)\s+year|the\s+year\s+(?:just\s+)?(?:ended|passed|gone\s+by))\b".to_owned(),
            // Spans without bounds, or with them in brackets.
            format!(
                r"(?i)\b(?:the\s+)?(?:past|last|previous)\s+(?P<pn>{NUMBER})\s+years\b(?:\s*\(\s*(?P<py1>{YEAR})\s*[-–—]\s*(?P<py2>{YEAR})\s*\))?"
            ),
            r"(?i)\b(?P<open>from\s+the\s+\d{1,2}(?:st|nd|rd|th)\s+(?:National\s+)?(?:Party\s+)?Congress\s+(?:to|until|till)\s+(?:the\s+)?(?:present|now|date))\b".to_owned(),
            // Years and spans of years.
            format!(
                r"\b(?P<y>{YEAR})(?:\s*(?:–|—|-|to)\s*(?P<y_end>{YEAR}|\d{{2}})\b|\s+(?:in\s+)?(?:year-end\s+|annual\s+)?(?P<rev>review)\b|\b)"
            ),
        ]
        .join("|");
        super::super::pattern(&src)
    })
}

/// The pattern's named groups, in the order of `GROUPS`.
#[derive(Clone, Copy)]
enum G {
    Ord,
    Next,
    Hthis,
    Hlast,
    Hy,
    H,
    H3,
    Hy2,
    Hy3,
    Sixmonth,
    Ma,
    Mb,
    My,
    Other,
    Rel,
    Py1,
    Py2,
    Open,
    Y,
    YEnd,
    Rev,
    Pn,
}

/// The names of the groups of `G`, in its order.
pub(super) const GROUPS: [&str; 22] = [
    "ord", "next", "hthis", "hlast", "hy", "h", "h3", "hy2", "hy3", "sixmonth", "ma", "mb", "my",
    "other", "rel", "py1", "py2", "open", "y", "y_end", "rev", "pn",
];

/// The group `g` of a match, found by its index (looking a name up costs a hash per call).
fn group<'h>(c: &Captures<'h>, g: G) -> Option<Match<'h>> {
    static INDEX: OnceLock<[usize; GROUPS.len()]> = OnceLock::new();
    let index = INDEX.get_or_init(|| crate::model::meta::group_indices(pattern(), GROUPS));
    c.get(index[g as usize])
}

fn year_at(caps: &Captures, g: G) -> Option<i32> {
    group(caps, g)?.as_str().parse().ok()
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

/// The words before `at`, last first, lowercased (at most `n`).
pub fn words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    text[..at]
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_lowercase()
        })
        .collect()
}

/// Whether the year at `start` is said as a period: after a preposition ("in", "during
/// the year"), as a sentence's subject ("2018 was a busy year", "The year 2018 saw"),
/// before the work it dates ("the 2024 activities", "reviews 2024 integration efforts"),
/// or as what a review verb reviews ("sums up 2024").
fn said_as_year(text: &str, start: usize, end: usize, words: &YearWords) -> bool {
    let before = words_before(text, start, 3);
    let mut it = before.iter().map(String::as_str).peekable();
    if it.peek() == Some(&"year") {
        it.next();
    }
    if it.peek() == Some(&"the") {
        it.next();
    }
    let preposition = it.next().is_some_and(|w| {
        matches!(
            w,
            "in" | "throughout" | "during" | "over" | "for" | "of" | "across"
        )
    }) && text[..start].ends_with(char::is_whitespace);
    let after: Vec<String> = text[end..]
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let head = text[..start].trim_end();
    // "The year 2018 saw …": the year's subject starts at "The".
    let head =
        strip_last_word(head, "year").map_or(head, |h| strip_last_word(h, "the").unwrap_or(h));
    let sentence_start = head.is_empty() || head.ends_with(['.', '!', '?', ':', '"', '“']);
    let subject = sentence_start
        && after
            .first()
            .is_some_and(|w| matches!(w.as_str(), "was" | "saw" | "witnessed" | "marked"));
    let dates_work = after
        .iter()
        .take(2)
        .any(|w| words.work.iter().any(|x| x == w))
        && !text[..start].trim_end().ends_with(char::is_numeric);
    let reviewed = words
        .review_verbs
        .iter()
        .any(|v| strip_last_word(text[..start].trim_end(), v).is_some());
    preposition || subject || dates_work || reviewed
}

/// The words that make a year a period by standing next to it.
pub struct YearWords<'a> {
    /// Nouns a year may stand before as a period ("2024 activities").
    pub work: &'a [String],
    /// Review verbs a year may follow as what they review ("reviews 2024").
    pub review_verbs: &'a [String],
}

/// What one match of the pattern says, if it names a period.
fn expr_of(text: &str, c: &Captures, m: Match, words: &YearWords) -> Option<Expr> {
    if let Some(ord) = group(c, G::Ord) {
        let ord = ord.as_str().to_ascii_lowercase();
        let half = if matches!(ord.as_str(), "first" | "1st") {
            1
        } else {
            2
        };
        // "over the last six months" is the recent half, whichever it is.
        let recent = matches!(ord.as_str(), "last" | "final" | "latter")
            && m.as_str().to_ascii_lowercase().contains("month")
            && group(c, G::Hy).is_none();
        if recent {
            return None;
        }
        let year = match () {
            _ if group(c, G::Next).is_some() => return None,
            _ if group(c, G::Hthis).is_some() => YearRef::This,
            _ if group(c, G::Hlast).is_some() => YearRef::Last,
            _ => year_at(c, G::Hy).map_or(YearRef::Unstated, YearRef::Stated),
        };
        return Some(Expr::Half { half, year });
    }
    if let Some(h) = group(c, G::H).or(group(c, G::H3)) {
        let half = if h.as_str() == "2" { 2 } else { 1 };
        let year = year_at(c, G::Hy2).or(year_at(c, G::Hy3))?;
        return Some(Expr::Half {
            half,
            year: YearRef::Stated(year),
        });
    }
    if group(c, G::Sixmonth).is_some() {
        return Some(Expr::Half {
            half: 1,
            year: YearRef::Unstated,
        });
    }
    if let (Some(a), Some(b)) = (group(c, G::Ma), group(c, G::Mb)) {
        let first = a.as_str().to_ascii_lowercase().starts_with("jan");
        let to_june = b.as_str().to_ascii_lowercase().starts_with("jun");
        let half = if first { 1 } else { 2 };
        let year = year_at(c, G::My).map_or(YearRef::Unstated, YearRef::Stated);
        return (first == to_june).then_some(Expr::Half { half, year });
    }
    if group(c, G::Other).is_some() {
        return Some(Expr::Other);
    }
    if let Some(rel) = group(c, G::Rel) {
        let r = rel.as_str().to_ascii_lowercase();
        return Some(Expr::Year(if r.starts_with("this") {
            YearRef::This
        } else if r.starts_with("last") {
            YearRef::Last
        } else {
            YearRef::Unstated
        }));
    }
    if let (Some(a), Some(b)) = (year_at(c, G::Py1), year_at(c, G::Py2)) {
        return (b > a && b - a <= MAX_SPAN_YEARS).then_some(Expr::Span(a, b));
    }
    // "the past 70 years" is a history, not a stretch of work a review covers.
    let too_long = year_at(c, G::Pn).is_some_and(|n| n > MAX_SPAN_YEARS);
    if group(c, G::Open).is_some() || group(c, G::Y).is_none() {
        return (!too_long).then_some(Expr::OpenSpan);
    }
    year_expr(text, c, m, words)
}

/// A year or a span of years.
fn year_expr(text: &str, c: &Captures, m: Match, words: &YearWords) -> Option<Expr> {
    let y = group(c, G::Y)?;
    let year: i32 = y.as_str().parse().ok()?;
    let numeric_date =
        |end| text[..y.start()].ends_with(['/', '-']) || continues_as_range(text, end);
    if let Some(end) = group(c, G::YEnd) {
        let n: i32 = end.as_str().parse().ok()?;
        let last = if end.as_str().len() == 2 {
            year - year % 100 + n
        } else {
            n
        };
        return (last > year && last - year <= MAX_SPAN_YEARS && !numeric_date(m.end()))
            .then_some(Expr::Span(year, last));
    }
    let said = group(c, G::Rev).is_some() || said_as_year(text, y.start(), y.end(), words);
    (said && !numeric_date(y.end())).then_some(Expr::Year(YearRef::Stated(year)))
}

/// Every period expression in `text`, in order; `words` make a bare year a period.
pub fn find(text: &str, words: &YearWords) -> Vec<Found> {
    pattern()
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let expr = expr_of(text, &c, m, words)?;
            Some(Found {
                start: m.start(),
                end: m.end(),
                expr,
            })
        })
        .collect()
}
