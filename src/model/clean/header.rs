//! Date lines glued to the text after them, as some scrapers write the page's date:
//! " date 2024-01-09 Ministry hosts …", "2024-01-09 08:15 HÀ NỘI — …".

use regex::Regex;
use std::sync::OnceLock;

/// Compiles the pattern now rather than on the first line.
pub(super) fn prepare() {
    pattern();
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"^(?i:(?:date|published|posted|updated)\s*:?\s*)?\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?)?\s+",
        )
        .expect("the date-line pattern compiles")
    })
}

/// A leading ISO date line glued to text: the date line and the text after it.
pub fn split_stamp(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    if !line
        .starts_with(|c: char| c.is_ascii_digit() || matches!(c, 'd' | 'D' | 'p' | 'P' | 'u' | 'U'))
    {
        return None;
    }
    let m = pattern().find(line)?;
    let rest = &line[m.end()..];
    (!rest.is_empty()).then(|| (line[..m.end()].trim_end(), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_date_lines_from_text() {
        assert_eq!(
            split_stamp("date 2024-01-09 Navy ships visit Da Nang"),
            Some(("date 2024-01-09", "Navy ships visit Da Nang"))
        );
        assert_eq!(
            split_stamp("2024-01-09 08:15 HÀ NỘI — The talks opened."),
            Some(("2024-01-09 08:15", "HÀ NỘI — The talks opened."))
        );
        assert_eq!(
            split_stamp("Published: 2023-11-02T10:00 The drill ended."),
            Some(("Published: 2023-11-02T10:00", "The drill ended."))
        );
        for s in [
            "date 2024-01-09",
            "2024 was a busy year",
            "dated 2024-01-09 papers",
            "2016-2021 review",
            "Decree 2024-01-09 x",
        ] {
            assert_eq!(split_stamp(s), None, "{s}");
        }
    }
}
