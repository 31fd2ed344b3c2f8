//! One cleaned article of the corpus and its metadata.

use super::date::{Date, Period};
use super::paragraphs::Paragraphs;
use serde::{Deserialize, Serialize};

/// What kind of article a document is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A review of half a year's work.
    HalfYearReview,
    /// A review of a whole year's work.
    AnnualReview,
    /// A review of several years' work.
    MultiYearReview,
    /// An article about one event: an exchange, a dialogue, a send-off, a visit, a meeting.
    EventReport,
    /// Anything else.
    #[default]
    Other,
}

impl Kind {
    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            Kind::HalfYearReview => "half-year review",
            Kind::AnnualReview => "annual review",
            Kind::MultiYearReview => "multi-year review",
            Kind::EventReport => "event report",
            Kind::Other => "other",
        }
    }

    /// True for the half-year, annual and multi-year reviews.
    pub fn is_review(self) -> bool {
        matches!(
            self,
            Kind::HalfYearReview | Kind::AnnualReview | Kind::MultiYearReview
        )
    }
}

/// A trailing related-news item scraped along with the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RelatedItem {
    /// Its headline, when the tail has headline lines.
    pub title: Option<String>,
    /// Its text (usually a lede).
    pub text: String,
    /// Photo captions that belonged to the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub captions: Vec<String>,
}

/// Where a piece of text sits inside a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "field", content = "index")]
pub enum Field {
    /// The headline (only when the file has one).
    Title,
    /// `body[i]`.
    Body(usize),
    /// `captions[i]`.
    Caption(usize),
    /// `related[i].title`.
    RelatedTitle(usize),
    /// `related[i].text`.
    RelatedText(usize),
}

impl Field {
    /// True for text that belongs to the related-news tail, not the article.
    pub fn is_related(self) -> bool {
        matches!(self, Field::RelatedTitle(_) | Field::RelatedText(_))
    }
}

/// How a date was obtained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateBasis {
    /// The words of the text the date was resolved from ("on Thursday").
    pub evidence: String,
    /// How it was resolved, in a sentence ("the Thursday on or before publication, 2025-12-18").
    pub reasoning: String,
}

/// One article: cleaned text and metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// The file stem, unique in the corpus.
    pub id: String,
    /// The file it came from, relative to the corpus root.
    pub path: String,
    /// The headline, or a short derived title.
    pub title: String,
    /// True when `title` was derived from the text because the file has no headline.
    pub title_derived: bool,
    /// The outlet the text names ("VNA", "VNS", "QDND"): in a dateline, an outlet lead, a
    /// closing credit or a source line; photo credits and translators never count.
    pub source: Option<String>,
    /// How `source` was found ("dateline 'Hanoi (VNA) –'").
    pub source_basis: Option<String>,
    /// The stated publication date.
    pub published: Option<Date>,
    /// How `published` was found ("the date line 'date 2025-04-25'").
    pub published_basis: Option<String>,
    /// The date the reported conference took place, when it can be resolved.
    pub event_date: Option<Date>,
    /// How `event_date` was resolved.
    pub event_date_basis: Option<DateBasis>,
    /// What the review covers.
    pub period: Option<Period>,
    /// How `period` was found (the words and why they won), for reviews.
    pub period_basis: Option<String>,
    /// Half-year, annual, multi-year review, event report or other.
    pub kind: Kind,
    /// The place in the dateline ("Hanoi", "HÀ NỘI").
    pub dateline: Option<String>,
    /// The main article as clean paragraphs.
    pub body: Paragraphs,
    /// Photo captions, duplicates dropped.
    pub captions: Paragraphs,
    /// The byline or credit line ("Translated by Tran Hoai").
    pub byline: Option<String>,
    /// Trailing related-news items, kept out of the body.
    pub related: Vec<RelatedItem>,
    /// Problems met while reading the file (e.g. lossy decoding).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Metadata fields set by the user's overrides file instead of read from the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overridden: Vec<MetaField>,
}

impl Document {
    /// The text at a field, or "" when the field does not exist.
    pub fn text(&self, field: Field) -> &str {
        let s = match field {
            Field::Title => Some(self.title.as_str()).filter(|_| !self.title_derived),
            Field::Body(i) => self.body.get(i),
            Field::Caption(i) => self.captions.get(i),
            Field::RelatedTitle(i) => self.related.get(i).and_then(|r| r.title.as_deref()),
            Field::RelatedText(i) => self.related.get(i).map(|r| r.text.as_str()),
        };
        s.unwrap_or("")
    }

    /// Every text field of the document, in reading order.
    pub fn fields(&self) -> impl Iterator<Item = (Field, &str)> {
        let title = (!self.title_derived).then_some((Field::Title, self.title.as_str()));
        let body = self
            .body
            .iter()
            .enumerate()
            .map(|(i, s)| (Field::Body(i), s));
        let caps = self
            .captions
            .iter()
            .enumerate()
            .map(|(i, s)| (Field::Caption(i), s));
        let rel = self.related.iter().enumerate().flat_map(|(i, r)| {
            r.title
                .as_deref()
                .map(|t| (Field::RelatedTitle(i), t))
                .into_iter()
                .chain(std::iter::once((Field::RelatedText(i), r.text.as_str())))
        });
        title.into_iter().chain(body).chain(caps).chain(rel)
    }

    /// The number of words in the body.
    pub fn word_count(&self) -> usize {
        self.body.iter().map(|p| p.split_whitespace().count()).sum()
    }

    /// The date used to order documents: event date, else publication date, else period end.
    pub fn sort_date(&self) -> Option<Date> {
        self.event_date
            .or(self.published)
            .or_else(|| self.period.map(Period::end_date))
    }
}

/// A metadata field that an override can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaField {
    /// The headline.
    Title,
    /// The outlet (`Document::source`).
    Outlet,
    /// The publication date.
    Published,
    /// The date of the event reported.
    EventDate,
    /// The period reviewed.
    Period,
    /// The kind of article.
    Kind,
}

impl MetaField {
    /// Every field, in the order `show` prints them.
    pub const ALL: [MetaField; 6] = [
        MetaField::Title,
        MetaField::Outlet,
        MetaField::Published,
        MetaField::EventDate,
        MetaField::Period,
        MetaField::Kind,
    ];

    /// Its key in the overrides file.
    pub fn key(self) -> &'static str {
        match self {
            MetaField::Title => "title",
            MetaField::Outlet => "outlet",
            MetaField::Published => "published",
            MetaField::EventDate => "event_date",
            MetaField::Period => "period",
            MetaField::Kind => "kind",
        }
    }

    /// The field whose overrides-file key is `key`.
    pub fn parse(key: &str) -> Option<MetaField> {
        MetaField::ALL.into_iter().find(|f| f.key() == key)
    }
}
