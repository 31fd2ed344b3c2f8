//! The header: headline lines, timestamp lines, and a title derived from the text
//! when a file has no headline.

use super::dateline;
use super::lexicon::Lexicon;
use super::measure::more_words_than;
use crate::model::date::{Weekday, parse_month};
use crate::model::sentence;

/// Longest headline, in characters.
const MAX_HEADLINE_CHARS: usize = 150;
/// Longest headline, in words.
const MAX_HEADLINE_WORDS: usize = 25;
/// Longest derived title, in characters (including the ellipsis).
pub const MAX_DERIVED_CHARS: usize = 100;
/// Longest timestamp line, in characters.
const MAX_STAMP_CHARS: usize = 60;
/// Most words in the value of a labelled header field ("Editor: Li Wei").
const MAX_FIELD_WORDS: usize = 5;

/// True when a line reads as a headline: short, no final sentence punctuation, starts
/// with a capital or a digit, and is not a dateline.
pub fn is_headline(line: &str) -> bool {
    let first = line
        .trim_start_matches(['"', '“', '‘', '\''])
        .chars()
        .next();
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !line.ends_with(['.', ',', ';', ':'])
        && line.len() <= 4 * MAX_HEADLINE_CHARS
        && line.chars().count() <= MAX_HEADLINE_CHARS
        && !more_words_than(line, MAX_HEADLINE_WORDS)
        && dateline::parse(line).is_none()
}

/// True when a line is a timestamp ("December 18, 2025 - 18:01", "18/12/2025 09:30 GMT+7",
/// "Updated: Thursday, Dec 18, 2025", "date 2025-12-18"), or a byline glued to one
/// ("by VTV4 12 August 2018").
pub fn is_stamp(line: &str) -> bool {
    is_date_line(line) || stamp_byline(line).is_some() || is_labelled_date_line(line)
}

/// "Source: Xinhua | 2019-03-12 21:40:11 | Editor: Liangyu": a date line among the
/// labelled fields of a page's header, the fields split by '|'.
fn is_labelled_date_line(line: &str) -> bool {
    if line.len() > 2 * MAX_STAMP_CHARS {
        return false;
    }
    let fields: Vec<&str> = line
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    let dated = fields.iter().filter(|f| is_date_line(f)).count();
    fields.len() >= 2
        && dated == 1
        && fields
            .iter()
            .all(|f| is_date_line(f) || is_labelled_field(f))
}

/// "Source: Xinhua", "Editor: Li Wei": a label of a word or two and a short value.
fn is_labelled_field(field: &str) -> bool {
    let Some((label, value)) = field.split_once(':') else {
        return false;
    };
    let words = |s: &str| s.split_whitespace().count();
    (1..=2).contains(&words(label))
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && (1..=MAX_FIELD_WORDS).contains(&words(value))
        && !value.trim_end().ends_with(['.', '!', '?'])
}

/// The byline of a byline glued to a timestamp ("by VTV4 12 August 2018" → "by VTV4").
pub fn stamp_byline(line: &str) -> Option<&str> {
    if line.len() > MAX_STAMP_CHARS || !line.get(..3)?.eq_ignore_ascii_case("by ") {
        return None;
    }
    // The date starts at the first word after the name that reads as one.
    line.match_indices(' ').skip(1).find_map(|(i, _)| {
        let rest = &line[i + 1..];
        let starts_date = rest.starts_with(|c: char| c.is_ascii_digit())
            || rest
                .split([' ', ','])
                .next()
                .is_some_and(|w| parse_month(w).is_some() || Weekday::parse(w).is_some());
        (starts_date && is_date_line(rest))
            .then(|| line[..i].trim_end_matches([',', ' ', '-', '|']))
    })
}

fn is_date_line(line: &str) -> bool {
    if line.len() > MAX_STAMP_CHARS {
        return false;
    }
    let mut has_digit = false;
    let mut has_date = false;
    for token in line
        .split([' ', ',', '|', '(', ')'])
        .filter(|t| !t.is_empty())
    {
        let t = token.trim_end_matches('.');
        if is_iso_datetime(t) {
            (has_digit, has_date) = (true, true);
        } else if t.chars().any(|c| c.is_ascii_digit()) {
            has_digit = true;
            if !t.chars().all(|c| c.is_ascii_digit() || ":/.-+".contains(c)) && !is_zone(t) {
                return false;
            }
            // "18/12/2025", "2025-12-18": a numeric date.
            has_date |= t.matches(['/', '-', '.']).count() == 2 || t.len() == 4 && !t.contains(':');
        } else if parse_month(t).is_some() {
            has_date = true;
        } else if !(Weekday::parse(t).is_some()
            || t.chars().all(|c| !c.is_alphanumeric())
            || is_stamp_word(t))
        {
            return false;
        }
    }
    has_digit && has_date
}

/// "2025-12-18T08:15:00+07:00", "2025-12-18T01:15Z": a date and time as pages' metadata
/// write them (ISO 8601).
fn is_iso_datetime(t: &str) -> bool {
    let Some((date, time)) = t.split_once('T') else {
        return false;
    };
    let numeric = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = date.split('-');
    let date_ok = [4, 2, 2]
        .iter()
        .all(|&n| parts.next().is_some_and(|p| numeric(p, n)))
        && parts.next().is_none();
    let clock = time.trim_end_matches('Z');
    let clock = clock.split(['+', '-']).next().unwrap_or(clock);
    date_ok
        && clock.len() >= 5
        && clock
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
}

fn is_zone(t: &str) -> bool {
    let l = t.to_ascii_lowercase();
    ["gmt", "utc"].iter().any(|z| {
        l.strip_prefix(z).is_some_and(|rest| {
            rest.starts_with(['+', '-'])
                && rest[1..].chars().all(|c| c.is_ascii_digit() || c == ':')
        })
    })
}

fn is_stamp_word(t: &str) -> bool {
    let l = t.trim_end_matches(':').to_lowercase();
    Lexicon::embedded().markers.stamp_words.contains(&l)
}

/// A short title from the first sentence of `para`, cut at a word boundary to at most
/// `MAX_DERIVED_CHARS` characters with "…".
pub fn derive(para: &str) -> String {
    let first = sentence::sentences(para).first().copied().unwrap_or(para);
    let first = first.trim_end_matches('.');
    if first.chars().count() <= MAX_DERIVED_CHARS {
        return first.to_owned();
    }
    let limit = first
        .char_indices()
        .nth(MAX_DERIVED_CHARS - 1)
        .map_or(first.len(), |(i, _)| i);
    let cut = first[..limit]
        .rfind(' ')
        .filter(|&i| i > 0)
        .unwrap_or(limit);
    let head = first[..cut].trim_end_matches([',', ';', ':', ' ', '–', '—', '-']);
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines() {
        assert!(is_headline(
            "Ministry reviews defence diplomacy in first half, sets tasks toward year end"
        ));
        assert!(is_headline("2025 review: defence ties deepen"));
        assert!(is_headline("‘Peace is our goal,’ minister says"));
        assert!(!is_headline(
            "The event was chaired by Deputy Minister Tran."
        ));
        assert!(!is_headline("the lower-case start of something"));
        assert!(!is_headline("Hanoi (VNA) – The department was urged"));
        assert!(is_headline("ASEAN – China defence talks open in Hanoi"));
        assert!(!is_headline(&"word ".repeat(30)));
    }

    #[test]
    fn stamps() {
        for s in [
            "December 18, 2025 - 18:01",
            "18/12/2025 09:30 GMT+7",
            "Updated: Thursday, Dec 18, 2025",
            "2025-12-18 10:00",
            "Thursday, 18 December 2025 | 6:01 pm",
            "date 2025-12-18",
            "Published: March 4, 2022 | 08:15",
            "Tuesday, March 9, 2021, 09:41 (GMT+7)",
            "by VTV4 12 August 2018",
            "By Minh Anh, December 3, 2024",
            "2025-12-18T10:00:00+07:00",
            "Published: 2025-12-18T03:00Z",
            "27-12-2024 10:15",
            "Cập nhật: 27/12/2024 10:15",
            "Thứ Sáu, 27/12/2024 10:15 (GMT+7)",
            "Ngày đăng: 27/12/2024",
        ] {
            assert!(is_stamp(s), "{s}");
        }
        assert_eq!(stamp_byline("by VTV4 12 August 2018"), Some("by VTV4"));
        assert_eq!(
            stamp_byline("By Minh Anh, December 3, 2024"),
            Some("By Minh Anh")
        );
        assert_eq!(stamp_byline("By 2030 the navy grows"), None);
        for s in [
            "18:01",
            "Ministry reviews 2025 plans",
            "May 2025 be peaceful",
            "Delegates at the conference",
            "By Thanh Ha",
            "2025-12-18Tuesday",
            "2025-1-18T10:00",
        ] {
            assert!(!is_stamp(s), "{s}");
        }
    }

    #[test]
    fn a_date_among_labelled_header_fields_is_a_stamp() {
        for s in [
            "Source: Tass | 2024-07-02 08:10:55 | Editor: Ivan Petrov",
            "Nguồn: VOV | 12/03/2025 14:20",
            "Author: Kim Lee | March 4, 2022",
        ] {
            assert!(is_stamp(s), "{s}");
        }
        for s in [
            // No date, two dates, or a field that is a sentence.
            "Source: Tass | Editor: Ivan Petrov",
            "Source: Tass | 2024-07-02 | 2024-07-03",
            "Note: the talks went on for hours. | 2024-07-02",
            "Politics | 2024-07-02",
        ] {
            assert!(!is_stamp(s), "{s}");
        }
    }

    #[test]
    fn derived_titles() {
        assert_eq!(derive("Short lede. Second sentence."), "Short lede");
        let long = "The event, held in both online and offline formats, was chaired by Deputy Defense \
                    Minister Senior Lieutenant General Hoang Xuan Chien.";
        let t = derive(long);
        assert!(
            t.ends_with('…') && t.chars().count() <= MAX_DERIVED_CHARS,
            "{t}"
        );
        assert!(long.starts_with(t.trim_end_matches('…')));
        assert_eq!(derive(&"x".repeat(300)).chars().count(), MAX_DERIVED_CHARS);
        assert_eq!(
            derive("Sr. Lt. Gen. Chien spoke. Then more."),
            "Sr. Lt. Gen. Chien spoke"
        );
    }
}
