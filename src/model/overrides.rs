//! Corrections the user writes down: a TOML file with one table per document id that sets
//! its title, outlet, publication date, event date, period or kind. Parsing and applying are
//! pure; reading the file is the caller's job. A bad entry is reported with its line and
//! ignored, and the rest still applies.
//!
//! ```toml
//! [003_540d3e15a7462879]
//! outlet = "VNS"
//! event_date = 2025-12-17     # or "2025-12-17"; "" clears a wrong date
//! period = "2025"
//! kind = "annual review"
//! ```

use super::date::{Date, Period};
pub use super::document::MetaField;
use super::document::{Document, Kind};
use rustc_hash::FxHashMap;
use std::fmt;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One value set by the user.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Title(String),
    Outlet(Option<String>),
    Published(Option<Date>),
    EventDate(Option<Date>),
    Period(Option<Period>),
    Kind(Kind),
}

/// A line of the overrides file that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideProblem {
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for OverrideProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} (ignored)", self.line, self.message)
    }
}

#[derive(Debug, Clone)]
struct Entry {
    line: usize,
    values: Vec<Value>,
}

/// The parsed overrides file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    entries: FxHashMap<String, Entry>,
    problems: Vec<OverrideProblem>,
}

impl Overrides {
    /// A description of every entry in a stable order: equal for overrides that set the
    /// same values, so a cached model built with other corrections is not reused.
    pub fn fingerprint(&self) -> String {
        let mut entries: Vec<String> = self
            .entries
            .iter()
            .map(|(id, e)| format!("{id:?}={:?}", e.values))
            .collect();
        entries.sort();
        entries.join("\n")
    }

    /// Parses the text of an overrides file; what cannot be used is in [`Overrides::problems`].
    pub fn parse(text: &str) -> Overrides {
        let lines = Lines::new(text);
        let (table, errors) = DeTable::parse_recoverable(text);
        let mut out = Overrides::default();
        for e in errors {
            out.problems.push(OverrideProblem {
                line: e.span().map_or(1, |s| lines.of(s.start)),
                message: format!("not valid TOML: {}", e.message().trim()),
            });
        }
        for (id, value) in table.into_inner() {
            let line = lines.of(id.span().start);
            let DeValue::Table(fields) = value.into_inner() else {
                out.problems.push(OverrideProblem {
                    line,
                    message: format!(
                        "{:?} is not a table: write [\"{}\"] and the fields below it",
                        id.as_ref(),
                        id.as_ref()
                    ),
                });
                continue;
            };
            let values = fields
                .into_iter()
                .filter_map(|(key, v)| match parse_value(key.as_ref(), &v) {
                    Ok(value) => Some(value),
                    Err(message) => {
                        out.problems.push(OverrideProblem {
                            line: lines.of(key.span().start),
                            message,
                        });
                        None
                    }
                })
                .collect();
            out.entries
                .insert(id.into_inner().into_owned(), Entry { line, values });
        }
        out.problems.sort_by_key(|p| p.line);
        out
    }

    /// The entries that could not be used.
    pub fn problems(&self) -> &[OverrideProblem] {
        &self.problems
    }

    /// True when no document has an override.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sets the overridden fields of `doc` (found by its id) and records them in
    /// `doc.overridden`.
    pub fn apply(&self, doc: &mut Document) {
        let Some(entry) = self.entries.get(&doc.id) else {
            return;
        };
        for value in &entry.values {
            let field = match value.clone() {
                Value::Title(t) => {
                    doc.title = t;
                    doc.title_derived = false;
                    MetaField::Title
                }
                Value::Outlet(o) => {
                    doc.source = o;
                    MetaField::Outlet
                }
                Value::Published(d) => {
                    doc.published = d;
                    MetaField::Published
                }
                Value::EventDate(d) => {
                    doc.event_date = d;
                    doc.event_date_basis = None;
                    MetaField::EventDate
                }
                Value::Period(p) => {
                    doc.period = p;
                    MetaField::Period
                }
                Value::Kind(k) => {
                    doc.kind = k;
                    MetaField::Kind
                }
            };
            if !doc.overridden.contains(&field) {
                doc.overridden.push(field);
            }
        }
        doc.overridden.sort();
    }

    /// Problems for the entries whose id names no document (`exists` says which do).
    pub fn unknown_ids(&self, exists: impl Fn(&str) -> bool) -> Vec<OverrideProblem> {
        let mut out: Vec<OverrideProblem> = self
            .entries
            .iter()
            .filter(|(id, _)| !exists(id))
            .map(|(id, e)| OverrideProblem {
                line: e.line,
                message: format!("no document has the id {id:?} (ids are file stems, in full)"),
            })
            .collect();
        out.sort_by_key(|p| p.line);
        out
    }
}

/// Reads one `key = value` of a document's table.
fn parse_value(key: &str, value: &Spanned<DeValue<'_>>) -> Result<Value, String> {
    let field = MetaField::parse(key).ok_or_else(|| {
        let keys: Vec<&str> = MetaField::ALL.iter().map(|f| f.key()).collect();
        format!("unknown field {key:?} (one of {})", keys.join(", "))
    })?;
    let text = match value.as_ref() {
        DeValue::String(s) => s.trim().to_owned(),
        DeValue::Datetime(d) => d.to_string(),
        DeValue::Integer(i) => i.to_string(),
        _ => return Err(format!("{key} needs a string")),
    };
    let clear = text.is_empty();
    let bad = |what: &str| format!("{key} = {text:?} is not {what}");
    Ok(match field {
        MetaField::Title if clear => return Err("title cannot be empty".into()),
        MetaField::Title => Value::Title(text),
        MetaField::Outlet => Value::Outlet((!clear).then_some(text)),
        MetaField::Published | MetaField::EventDate => {
            let date = if clear {
                None
            } else {
                Some(Date::parse_iso(&text).ok_or_else(|| bad("a date (YYYY-MM-DD)"))?)
            };
            match field {
                MetaField::Published => Value::Published(date),
                _ => Value::EventDate(date),
            }
        }
        MetaField::Period if clear => Value::Period(None),
        MetaField::Period => Value::Period(Some(
            parse_period(&text).ok_or_else(|| bad("a period (2025-H1, 2025 or 2016-2021)"))?,
        )),
        MetaField::Kind => Value::Kind(parse_kind(&text).ok_or_else(|| {
            bad("a kind (half-year review, annual review, multi-year review, event report, other)")
        })?),
    })
}

/// A period in its display form, with plausible years in order.
fn parse_period(s: &str) -> Option<Period> {
    let p = Period::parse(s)?;
    let plausible = |y: i32| (1900..=2200).contains(&y);
    let ok = plausible(p.start_year()) && plausible(p.end_year()) && p.start_year() <= p.end_year();
    (ok && p.to_string() == s).then_some(p)
}

/// A kind by its label ("annual review") or its export name ("annual_review").
fn parse_kind(s: &str) -> Option<Kind> {
    let norm = |s: &str| s.to_lowercase().replace(['_', '-'], " ");
    let want = norm(s);
    [
        Kind::HalfYearReview,
        Kind::AnnualReview,
        Kind::MultiYearReview,
        Kind::EventReport,
        Kind::Other,
    ]
    .into_iter()
    .find(|k| norm(k.label()) == want)
}

/// Byte offset → 1-based line.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(memchr::memchr_iter(b'\n', text.as_bytes()).collect())
    }

    fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&nl| nl < offset) + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str) -> Document {
        Document {
            id: id.into(),
            title: "Derived from the text".into(),
            title_derived: true,
            source: Some("QDND".into()),
            kind: Kind::Other,
            ..Document::default()
        }
    }

    #[test]
    fn applies_good_entries_and_records_them() {
        let text = "\
[a1]
title = \"Border guards meet at the Lao Cai gate\"
outlet = \"VNA\"
published = 2024-03-05
event_date = \"2024-03-04\"
period = \"2024-H1\"
kind = \"event_report\"

[\"b/2\"]
outlet = \"\"
kind = \"Annual review\"
";
        let o = Overrides::parse(text);
        assert!(o.problems().is_empty(), "{:?}", o.problems());
        let mut a = doc("a1");
        o.apply(&mut a);
        assert_eq!(a.title, "Border guards meet at the Lao Cai gate");
        assert!(!a.title_derived);
        assert_eq!(a.source.as_deref(), Some("VNA"));
        assert_eq!(a.published, Date::new(2024, 3, 5));
        assert_eq!(a.event_date, Date::new(2024, 3, 4));
        assert_eq!(
            a.period,
            Some(Period::Half {
                year: 2024,
                half: 1
            })
        );
        assert_eq!(a.kind, Kind::EventReport);
        assert_eq!(a.overridden, MetaField::ALL);
        let mut b = doc("b/2");
        o.apply(&mut b);
        assert_eq!(b.source, None, "an empty string clears the field");
        assert_eq!(b.kind, Kind::AnnualReview);
        assert_eq!(b.overridden, [MetaField::Outlet, MetaField::Kind]);
        let mut c = doc("c");
        o.apply(&mut c);
        assert_eq!(c, doc("c"), "documents without an entry are untouched");
    }

    #[test]
    fn reports_bad_entries_by_line_and_keeps_the_rest() {
        let text = "\
[x]
titel = \"typo\"
published = \"5 March 2024\"
outlet = \"VNS\"

[y]
period = \"2024-H3\"
kind = \"opinion\"
event_date = 2024-02-30
title = \"\"

z = 3
";
        let o = Overrides::parse(text);
        let lines: Vec<usize> = o.problems().iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 3, 7, 8, 9, 10, 12], "{:?}", o.problems());
        assert!(o.problems()[0].message.contains("unknown field \"titel\""));
        assert!(o.problems()[1].message.contains("YYYY-MM-DD"));
        let mut x = doc("x");
        o.apply(&mut x);
        assert_eq!(
            x.source.as_deref(),
            Some("VNS"),
            "the good line of x applies"
        );
        assert_eq!(x.overridden, [MetaField::Outlet]);
    }

    #[test]
    fn a_syntax_error_is_located_and_the_other_tables_apply() {
        let text =
            "[p]\nkind = \"annual review\"\n\n[q]\noutlet = \"VNA\n\n[r]\noutlet = \"VOV\"\n";
        let o = Overrides::parse(text);
        assert!(
            o.problems()
                .iter()
                .any(|p| p.line == 5 && p.message.contains("TOML")),
            "{:?}",
            o.problems()
        );
        let mut p = doc("p");
        o.apply(&mut p);
        assert_eq!(p.kind, Kind::AnnualReview);
        let mut r = doc("r");
        o.apply(&mut r);
        assert_eq!(r.source.as_deref(), Some("VOV"));
    }

    #[test]
    fn names_entries_for_missing_documents() {
        let o = Overrides::parse("[here]\nkind = \"other\"\n\n[gone]\nkind = \"other\"\n");
        let unknown = o.unknown_ids(|id| id == "here");
        assert_eq!(unknown.len(), 1);
        assert_eq!(unknown[0].line, 4);
        assert!(
            unknown[0]
                .to_string()
                .starts_with("4: no document has the id \"gone\"")
        );
    }

    #[test]
    fn validates_periods() {
        assert!(parse_period("2016-2021").is_some());
        assert!(parse_period("2021-2016").is_none());
        assert!(parse_period("x-H1").is_none());
        assert!(parse_period("99999").is_none());
    }
}
