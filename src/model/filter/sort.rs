//! Sort orders of the document list: date (newest first), outlet, kind, title.

use crate::model::Corpus;
use crate::model::text::fold;
use rayon::prelude::*;

/// What the document list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest first (the sort date: event date, publication date, end of period).
    #[default]
    Date,
    /// By outlet (A–Z, unknown last), newest first within one.
    Outlet,
    /// By kind (half-year, annual, multi-year review, event report, other), newest first within one.
    Kind,
    /// By title, A–Z, case and diacritics ignored.
    Title,
}

impl SortKey {
    /// Every key, in the order `next` cycles through them.
    pub const ALL: [SortKey; 4] = [
        SortKey::Date,
        SortKey::Outlet,
        SortKey::Kind,
        SortKey::Title,
    ];

    /// The next key in the cycle (after `Title` comes `Date`).
    pub fn next(self) -> SortKey {
        let i = SortKey::ALL.iter().position(|&k| k == self).unwrap_or(0);
        SortKey::ALL[(i + 1) % SortKey::ALL.len()]
    }

    /// A short label for a title bar ("date", "outlet", "kind", "title").
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Outlet => "outlet",
            SortKey::Kind => "kind",
            SortKey::Title => "title",
        }
    }
}

/// Document indices of `corpus` in the order of `key` (ties: newest first, then id).
pub fn document_order(corpus: &Corpus, key: SortKey) -> Vec<usize> {
    let newest = corpus.newest_first();
    if key == SortKey::Date {
        return newest;
    }
    let mut rank = vec![0usize; corpus.documents.len()];
    for (pos, &d) in newest.iter().enumerate() {
        rank[d] = pos;
    }
    let docs = &corpus.documents;
    let mut keyed: Vec<(String, usize, usize)> = (0..docs.len())
        .into_par_iter()
        .map(|i| {
            let d = &docs[i];
            let k = match key {
                // "\u{10FFFF}" sorts unknown outlets last.
                SortKey::Outlet => d
                    .source
                    .as_deref()
                    .map_or_else(|| "\u{10FFFF}".to_owned(), fold),
                SortKey::Kind => format!("{:02}", d.kind as u8),
                SortKey::Title | SortKey::Date => fold(&d.title),
            };
            (k, rank[i], i)
        })
        .collect();
    keyed.par_sort_unstable();
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Kind};

    fn doc(id: &str, source: Option<&str>, kind: Kind, title: &str, year: i32) -> Document {
        Document {
            id: id.into(),
            source: source.map(str::to_owned),
            kind,
            title: title.into(),
            published: crate::model::Date::new(year, 1, 1),
            ..Document::default()
        }
    }

    #[test]
    fn sorts_by_each_key_with_newest_first_within() {
        let docs = vec![
            doc("a", Some("VNA"), Kind::AnnualReview, "Zeta", 2020),
            doc("b", Some("QDND"), Kind::HalfYearReview, "alpha", 2021),
            doc("c", None, Kind::Other, "Émile", 2022),
            doc("d", Some("VNA"), Kind::HalfYearReview, "beta", 2023),
        ];
        let corpus = Corpus::new(docs, Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let ids = |k: SortKey| -> String {
            document_order(&corpus, k)
                .iter()
                .map(|&i| corpus.documents[i].id.as_str())
                .collect()
        };
        assert_eq!(ids(SortKey::Date), "dcba");
        assert_eq!(ids(SortKey::Outlet), "bdac");
        assert_eq!(ids(SortKey::Kind), "dbac");
        assert_eq!(ids(SortKey::Title), "bdca");
        assert_eq!(SortKey::Title.next(), SortKey::Date);
        assert_eq!(SortKey::Date.next().label(), "outlet");
    }
}
