//! Numbers and ordinals read from the text itself ("8th", "seventh", "Rotation 2",
//! "more than 100 countries"), each with the words around it, so the two sides'
//! values can be paired by what they count.

pub use super::scan::ValueKind;
use super::scan::{Found, Scan, capitalised, number_at};
use super::topics::Lexicon;
use super::words::{stem, words};
use std::collections::BTreeSet;

/// One number found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// Index of the sentence it was found in (the caller's numbering).
    pub sentence: usize,
    /// Byte range of `display` within the sentence text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The value as written ("8th", "Rotation 2", "22 locations").
    pub display: String,
    /// The value as one side of a change ("8th", "Rotation 2", "more than 100").
    pub amount: String,
    /// The number itself (ordinal and number words as numbers).
    pub number: u64,
    /// What it is.
    pub kind: ValueKind,
    /// Folded label word of a `Label` ("rotation").
    pub label: Option<String>,
    /// Stem of the noun a `Count` counts ("location").
    pub noun: Option<String>,
    /// Folded stems of the content words around it, used to pair it with the other side.
    pub context: BTreeSet<String>,
    /// The words around it as written, without the value ("Vietnam–China border exchange").
    pub what: String,
    /// The value with the words around it ("8th Vietnam–China border exchange").
    pub phrase: String,
    /// Folded words linked by dashes in its context, the parties of the thing
    /// ({"vietnam", "china"}); two values with different parties are different things.
    pub parties: BTreeSet<String>,
}

impl Value {
    /// True for a number that counts editions of something: an ordinal, or a label
    /// such as "Rotation" (a decree's number is an identifier, not an edition).
    pub fn is_edition(&self) -> bool {
        match self.kind {
            ValueKind::Ordinal => true,
            ValueKind::Label => self
                .label
                .as_deref()
                .is_some_and(|l| words().edition_labels.contains(l)),
            _ => false,
        }
    }

    /// What pairs of values must share to be compared: the kind and what is counted or
    /// labelled; `None` for years and dates, which the periods of the two sides explain.
    pub fn key(&self) -> Option<String> {
        match self.kind {
            ValueKind::Ordinal => {
                let parties: Vec<&str> = self.parties.iter().map(String::as_str).collect();
                Some(format!("o|{}", parties.join("-")))
            }
            ValueKind::Label => self.label.as_ref().map(|l| format!("l|{l}")),
            ValueKind::Count => Some(format!("c|{}", self.noun.as_deref().unwrap_or(""))),
            ValueKind::Year | ValueKind::Date => None,
        }
    }
}

/// The context of a value within its clause: an ordinal names what follows it ("8th …
/// Exchange"), a label what precedes it ("Engineering Unit Rotation 4", capitalised
/// words only); counts take both sides. Returns the stems and the span of words.
fn context(
    s: &Scan,
    (kind, first, last): (ValueKind, usize, usize),
) -> (BTreeSet<String>, (usize, usize)) {
    let w = s.w;
    let is_stop = |j: usize, between: &str| {
        between.contains([',', ';', ':', '(', ')', '[', ']', '—'])
            || w.boundaries.contains(&s.folded[j])
            || s.folded[j].chars().any(|c| c.is_ascii_digit())
    };
    let mut context = BTreeSet::new();
    let mut span = (first, last);
    let before = |context: &mut BTreeSet<String>, span: &mut (usize, usize)| {
        let (mut j, mut taken) = (first, 0);
        while j > 0 && taken < 3 && !is_stop(j - 1, s.sep(j)) {
            j -= 1;
            if kind == ValueKind::Label && !capitalised(s.tok(j)) {
                break;
            }
            if !w.skip.contains(&s.folded[j]) && !s.folded[j].is_empty() {
                context.insert(stem(&s.folded[j]));
                taken += 1;
                span.0 = j;
            }
        }
    };
    let after = |context: &mut BTreeSet<String>, span: &mut (usize, usize)| {
        let (mut j, mut taken) = (last, 0);
        while j + 1 < s.toks.len() && taken < 7 && !is_stop(j + 1, s.after(j)) {
            j += 1;
            if !w.skip.contains(&s.folded[j]) && !s.folded[j].is_empty() {
                context.insert(stem(&s.folded[j]));
                taken += 1;
                span.1 = j;
            }
        }
    };
    match kind {
        ValueKind::Ordinal => {
            after(&mut context, &mut span);
            if context.is_empty() {
                before(&mut context, &mut span);
            }
        }
        ValueKind::Label => {
            before(&mut context, &mut span);
            if context.is_empty() {
                after(&mut context, &mut span);
            }
        }
        _ => {
            before(&mut context, &mut span);
            after(&mut context, &mut span);
            if context.is_empty() {
                // A bare figure ("fell by 12%", "95% of units"): read past the small words.
                across(s, (first, last), &mut context);
            }
        }
    }
    (context, span)
}

/// Up to three content words on each side of words `first..=last`, past small words
/// but not past punctuation.
fn across(s: &Scan, (first, last): (usize, usize), context: &mut BTreeSet<String>) {
    let w = s.w;
    let take = |j: usize, context: &mut BTreeSet<String>| {
        let word = &s.folded[j];
        let small = w.boundaries.contains(word) || w.skip.contains(word) || word.is_empty();
        if !small && !word.chars().any(|c| c.is_ascii_digit()) {
            context.insert(stem(word));
        }
    };
    let stops = |between: &str| between.contains([',', ';', ':', '(', ')', '[', ']', '—', '.']);
    let (mut j, mut seen) = (first, 0);
    while j > 0 && seen < 4 && !stops(s.sep(j)) {
        j -= 1;
        seen += 1;
        take(j, context);
    }
    let (mut j, mut seen) = (last, 0);
    while j + 1 < s.toks.len() && seen < 4 && !stops(s.after(j)) {
        j += 1;
        seen += 1;
        take(j, context);
    }
}

/// Every number of a sentence worth comparing.
pub fn values(sentence: usize, text: &str, lex: &Lexicon) -> Vec<Value> {
    let s = Scan::new(text, lex);
    let mut out = Vec::new();
    let mut k = 0;
    while k < s.toks.len() {
        let Some(f) = number_at(&s, k) else {
            k += 1;
            continue;
        };
        out.push(value(&s, sentence, f));
        k = f.last + 1;
    }
    out
}

/// The value found, with its context.
fn value(s: &Scan, sentence: usize, f: Found) -> Value {
    let Found {
        number,
        kind,
        first,
        number_last,
        last,
    } = f;
    let start = s.toks[first].0;
    let mut end = s.toks[last].1;
    if s.text[end..].starts_with('%') {
        end += 1;
    }
    let (mut context, span) = context(s, (kind, first, last));
    let label = (kind == ValueKind::Label).then(|| s.folded[first].clone());
    let noun =
        (kind == ValueKind::Count && last > number_last).then(|| stem(s.word_of(number_last + 1)));
    for word in &s.folded[first..=last] {
        if !word.chars().any(|c| c.is_ascii_digit()) && !word.is_empty() {
            context.insert(stem(word));
        }
    }
    let text = s.text;
    let before = text[s.toks[span.0].0..start].trim();
    let behind = text[end.min(s.toks[span.1].1)..s.toks[span.1].1.max(end)].trim();
    let what = match (before.is_empty(), behind.is_empty()) {
        (false, false) => format!("{before} … {behind}"),
        (false, true) => before.to_owned(),
        (true, _) => behind.to_owned(),
    };
    let phrase = text[s.toks[span.0].0.min(start)..s.toks[span.1].1.max(end)].to_owned();
    let parties = (span.0.min(first)..=span.1.max(last))
        .filter(|&j| s.linked[j])
        .map(|j| s.word_of(j).to_owned())
        .collect();
    let number_end = if kind == ValueKind::Count && last > number_last {
        s.toks[number_last].1
    } else {
        end
    };
    let amount = match (kind, s.qualifier(first)) {
        (ValueKind::Count, Some((_, q))) => format!("{q} {}", &text[start..number_end]),
        _ => text[start..number_end].to_owned(),
    };
    Value {
        sentence,
        start,
        end,
        display: text[start..end].to_owned(),
        amount,
        number,
        kind,
        label,
        noun,
        context,
        what,
        phrase,
        parties,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(s: &str) -> Vec<Value> {
        values(0, s, Lexicon::embedded())
    }

    fn shown(s: &str) -> Vec<(String, ValueKind)> {
        vals(s).into_iter().map(|v| (v.display, v.kind)).collect()
    }

    #[test]
    fn reads_ordinals_labels_counts_years_dates() {
        use ValueKind::*;
        assert_eq!(
            shown("The 8th Vietnam - China exchange and the first Vietnam - Laos talks, July 7."),
            [
                ("8th".into(), Ordinal),
                ("first".into(), Ordinal),
                ("July 7".into(), Date)
            ]
        );
        assert_eq!(
            shown(
                "It linked 22 locations in 2023 and sent Engineering Unit Rotation 4 abroad; 40% rise."
            ),
            [
                ("22 locations".into(), Count),
                ("2023".into(), Year),
                ("Rotation 4".into(), Label),
                ("40%".into(), Count)
            ]
        );
    }

    #[test]
    fn spelled_out_numbers_and_qualifiers() {
        use ValueKind::*;
        let v = vals("It held the seventh such exchange with five neighbouring armies.");
        let got: Vec<(&str, u64, ValueKind)> = v
            .iter()
            .map(|v| (v.display.as_str(), v.number, v.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("seventh", 7, Ordinal),
                ("five neighbouring armies", 5, Count)
            ]
        );
        assert!(
            vals("The two sides agreed.").is_empty(),
            "refers back, counts nothing"
        );
        let v = vals("Ties now reach more than 100 countries.");
        assert_eq!(v[0].amount, "more than 100");
        assert_eq!(v[0].noun.as_deref(), Some("country"));
        assert_eq!(vals("It has ties with 110 countries.")[0].key(), v[0].key());
        // "first" before a lower-case word that is no event is not an edition.
        assert!(shown("for the first time in the first half").is_empty());
    }

    #[test]
    fn a_day_written_as_an_ordinal_is_a_date() {
        use ValueKind::*;
        assert_eq!(
            shown("The order, signed on March 3rd, 2014, was revised on the 21st of June."),
            [
                ("March 3rd".into(), Date),
                ("2014".into(), Year),
                ("21st of June".into(), Date)
            ]
        );
        assert_eq!(
            shown("Talks opened on 3rd May, before the 40th anniversary."),
            [("3rd May".into(), Date), ("40th".into(), Ordinal)]
        );
        assert_eq!(
            shown("The 12th Regional Forum met in March."),
            [("12th".into(), Ordinal)]
        );
    }

    #[test]
    fn editions_are_ordinals_and_edition_labels() {
        let v = vals("Decree 79 set up Rotation 3 and the 2nd Forum.");
        let ed: Vec<bool> = v.iter().map(Value::is_edition).collect();
        assert_eq!(ed, [false, true, true]);
    }

    #[test]
    fn skips_numbers_inside_names_and_codes() {
        assert!(shown("Decree 234/2025/ND-CP covers COVID-19 and Level-2 care.").is_empty());
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "",
            "1",
            "8th",
            "Rotation",
            "July",
            "3,",
            ",4",
            "٣ ¾ 10²",
            "x 99999999999999999999999 y",
            "more than",
            "over 5",
            "first",
            "Five",
            "five",
        ] {
            let _ = vals(s);
        }
    }
}
