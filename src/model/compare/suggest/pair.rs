//! A pair of documents worth comparing: why (its reason, written out), and which of
//! the two is read first.

use crate::model::corpus::Corpus;
use crate::model::date::Period;
use std::fmt::Write;

/// Why two documents are worth comparing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Reason {
    /// One conference, two outlets: (left outlet, right outlet) as document indices.
    SameConference(usize, usize),
    /// Half-year reviews of two years.
    Halves(Period, Period),
    /// A half-year review and the same year's annual review.
    HalfAndYear(Period, i32),
    /// Annual reviews of two years.
    Years(i32, i32),
}

impl Reason {
    /// Writes why, then how alike the topics are, into `out`. Writing to a `String`
    /// cannot fail, so the `fmt::Result`s are dropped.
    pub(super) fn write(self, corpus: &Corpus, alike: f32, out: &mut String) {
        let doc = |i: usize| &corpus.documents[i];
        let _ = match self {
            Reason::SameConference(a, b) => {
                // The named outlet first: "VNA and an unnamed outlet".
                let (da, db) = match (doc(a).source.is_some(), doc(b).source.is_some()) {
                    (false, true) => (doc(b), doc(a)),
                    _ => (doc(a), doc(b)),
                };
                let period = da.period.map(|p| p.to_string()).unwrap_or_default();
                write!(
                    out,
                    "the same {period} {} reported by {} and {}",
                    da.kind.label(),
                    da.source.as_deref().unwrap_or("an unnamed outlet"),
                    db.source.as_deref().unwrap_or("an unnamed outlet")
                )
            }
            Reason::Halves(a, b) => write!(out, "half-year reviews of {a} and {b}"),
            Reason::HalfAndYear(p, y) => {
                write!(out, "the {p} half-year review and the {y} annual review")
            }
            Reason::Years(a, b) => write!(out, "annual reviews of {a} and {b}"),
        };
        let _ = write!(out, "; topics {:.0}% alike", 100.0 * alike);
    }
}

/// Orders a pair: older period first, then by outlet and id.
pub(super) fn ordered(corpus: &Corpus, a: usize, b: usize) -> (usize, usize) {
    let key = |i: usize| {
        let d = &corpus.documents[i];
        (
            d.period.map(Period::sort_key),
            d.source.as_deref(),
            d.id.as_str(),
        )
    };
    if key(a) <= key(b) { (a, b) } else { (b, a) }
}
