//! Stray symbols and lines without content: what scraping leaves around the text.

/// True for a letter of the Latin script (including Vietnamese letters) or a digit.
pub fn is_latin_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c.is_alphabetic()
            && matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{2c60}'..='\u{2c7f}'
                | '\u{a720}'..='\u{a7ff}' | '\u{ab30}'..='\u{ab6f}' | '\u{fb00}'..='\u{fb06}'
                | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}'))
        || c.is_numeric()
}

/// Most words in one item of a menu line.
const MAX_MENU_ITEM_WORDS: usize = 3;

/// A line of a site's menu or breadcrumb trail in any language ("Tin tức | Thời sự",
/// "News › Politics › Defence"): two or more short capitalised items split by '|', '›'
/// or '»', with no digits or sentence punctuation.
pub fn is_menu_line(line: &str) -> bool {
    // Bytes first: most lines are prose with no separator, and a search for any of
    // three chars decodes each char of the line. '›' and '»' end in 0xBA and 0xBB
    // (as do some Vietnamese letters, hence the second test).
    let separators = ['|', '›', '»'];
    if memchr::memchr3(b'|', 0xBA, 0xBB, line.as_bytes()).is_none() || !line.contains(separators) {
        return false;
    }
    let mut items = 0;
    for item in line.split(separators).map(str::trim) {
        // Counted only as far as the limit: a sentence is refused at its fourth word.
        let words = item
            .split_whitespace()
            .take(MAX_MENU_ITEM_WORDS + 1)
            .count();
        if !(1..=MAX_MENU_ITEM_WORDS).contains(&words)
            || !item.chars().next().is_some_and(char::is_uppercase)
            || !item
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '&' | '\'' | '’'))
        {
            return false;
        }
        items += 1;
    }
    items >= 2
}

/// True when the text has something to read: a Latin letter or a digit.
pub fn has_content(s: &str) -> bool {
    s.chars().any(is_latin_or_digit)
}

/// Opening quotes and brackets start real text even without a letter of their own.
fn opens_text(token: &str) -> bool {
    token.starts_with(['"', '“', '‘', '\'', '(', '[', '{', '«', '„'])
}

/// `s` without leading tokens of stray symbols, emoji or letters of other scripts
/// ("💮 In addition" → "In addition"); opening quotes and brackets are kept.
pub fn strip_stray(s: &str) -> &str {
    let mut rest = s;
    loop {
        let token = rest.split(' ').next().unwrap_or("");
        if token.is_empty() || has_content(token) || opens_text(token) {
            return rest;
        }
        rest = rest[token.len()..].trim_start();
    }
}

/// The caption after an inline image label ("<alt text> ảnh 1<caption>"), if `line` has one.
pub fn after_image_label<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    // The label is rare: most lines are passed over without building the needle.
    if marker.is_empty() || !line.contains(marker) {
        return None;
    }
    let at = line.find(&format!(" {marker} "))?;
    let after = &line[at + marker.len() + 2..];
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let caption = after[digits..].trim_start();
    (digits > 0 && has_content(caption)).then_some(caption)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_symbols_and_foreign_letters_at_the_start() {
        assert_eq!(
            strip_stray("💮 In addition, the army"),
            "In addition, the army"
        );
        assert_eq!(strip_stray("ꦡ Along with"), "Along with");
        assert_eq!(
            strip_stray("• ★ — Training continued"),
            "Training continued"
        );
        assert_eq!(strip_stray("“We will,” he said"), "“We will,” he said");
        assert_eq!(strip_stray("(Photo: VNA)"), "(Photo: VNA)");
        assert_eq!(strip_stray("Hà Nội hosts"), "Hà Nội hosts");
        assert_eq!(strip_stray("2025 was a year"), "2025 was a year");
        assert_eq!(strip_stray("💮 ✿"), "");
    }

    #[test]
    fn image_labels() {
        assert_eq!(
            after_image_label("Ships dock ảnh 2Sailors on deck", "ảnh"),
            Some("Sailors on deck")
        );
        assert_eq!(after_image_label("Ships dock ảnh đẹp", "ảnh"), None);
        assert_eq!(after_image_label("Ships dock ảnh 1", "ảnh"), None);
        assert_eq!(after_image_label("Ships dock", ""), None);
    }

    #[test]
    fn menu_lines() {
        for line in [
            "Tin tức | Thời sự",
            "News › Politics › Defence & Security",
            "Thế giới » Quân sự",
            "Politics | Society | Business | World",
        ] {
            assert!(is_menu_line(line), "{line}");
        }
        for line in [
            "Vietnam, Laos hold border talks | Politics",
            "Source: Tass | 2024-07-02",
            "Politics",
            "Defence ties | a new chapter",
            "Navy chiefs meet in Da Nang",
        ] {
            assert!(!is_menu_line(line), "{line}");
        }
    }

    #[test]
    fn tells_content_from_debris() {
        assert!(!has_content("| | |"));
        assert!(!has_content("★ ✿ —"));
        assert!(has_content("Đà Nẵng"));
        assert!(has_content("| 5 |"));
    }
}
