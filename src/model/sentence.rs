//! Sentence splitting that knows the beat's abbreviations ("Sr. Lt. Gen.", "U.N.", "No. 4").

use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Abbreviations {
    abbreviations: Vec<String>,
}

fn abbreviations() -> &'static rustc_hash::FxHashSet<String> {
    static SET: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let parsed: Abbreviations =
            serde_json::from_str(include_str!("../../assets/abbreviations.json"))
                .expect("assets/abbreviations.json is valid (checked by a test)");
        parsed
            .abbreviations
            .iter()
            .map(|a| a.to_ascii_lowercase())
            .collect()
    })
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    // Jumps from one end mark to the next; the bytes between cannot end a sentence.
    while let Some(off) = bytes
        .get(i..)
        .and_then(|r| memchr::memchr3(b'.', b'!', b'?', r))
    {
        i += off;
        let mut end = i + 1;
        // Closing quotes and brackets belong to the sentence they close.
        while end < bytes.len() {
            let rest = &text[end..];
            let Some(c) = rest.chars().next() else { break };
            if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '.' | '/') {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        if is_boundary(text, i, end) {
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        i = end;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// The sentences of `text` as string slices.
pub fn sentences(text: &str) -> Vec<&str> {
    split(text).into_iter().map(|(a, b)| &text[a..b]).collect()
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push((start + lead, end - trail));
    }
}

/// True when `after` starts with stray symbols (table bars, bullets, emoji, letters of
/// other scripts left by scraping) and then a capitalised word: "| The", "💮 In".
fn stray_symbols_before_capital(after: &str) -> bool {
    let rest = after.trim_start();
    let junk_end = rest
        .find(|c: char| c.is_whitespace() || c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let is_stray = |c: char| {
        !c.is_lowercase() && !c.is_uppercase() && !matches!(c, ',' | ';' | ':' | ')' | ']' | '.')
    };
    let junk = &rest[..junk_end];
    if junk.is_empty() || !junk.chars().all(is_stray) {
        return false;
    }
    let word = rest[junk_end..].trim_start();
    // More bars or bullets may follow ("| | The").
    if word.starts_with(|c: char| !c.is_alphanumeric()) && word.len() < rest.len() {
        return stray_symbols_before_capital(word);
    }
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the punctuation at `dot` (with the sentence running to `end`) ends a sentence.
fn is_boundary(text: &str, dot: usize, end: usize) -> bool {
    let after = &text[end..];
    if !after.starts_with(char::is_whitespace) {
        return after.is_empty();
    }
    let next = after.trim_start().chars().next();
    let starts_sentence = next.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[')
    }) || stray_symbols_before_capital(after);
    if !starts_sentence {
        return false;
    }
    if text.as_bytes()[dot] != b'.' {
        return true;
    }
    // The word before the period: an abbreviation or an initial does not end a sentence.
    let word = text[..dot]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return true;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1);
    let last = word.rsplit('.').next().unwrap_or(word);
    let abbreviated = || is_abbreviation(word) || is_abbreviation(last) && word.contains('.');
    !(is_initial || dotted || abbreviated())
}

/// True when `word`, lower-cased, is a listed abbreviation. Lower-cases on the stack:
/// this runs at every period of every text, and no listed abbreviation is long.
fn is_abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 32];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return abbreviations().contains(&word.to_ascii_lowercase());
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // Lower-casing ASCII bytes keeps UTF-8 valid.
    std::str::from_utf8(lower).is_ok_and(|l| abbreviations().contains(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_ranks_and_acronyms_inside_sentences() {
        let t = "Sr. Lt. Gen. Hoang Xuan Chien spoke. The U.N. mission grew. Decree No. 4 took effect! Next?";
        assert_eq!(
            sentences(t),
            [
                "Sr. Lt. Gen. Hoang Xuan Chien spoke.",
                "The U.N. mission grew.",
                "Decree No. 4 took effect!",
                "Next?"
            ]
        );
    }

    #[test]
    fn handles_quotes_end_marks_and_lowercase() {
        let t = "He said “we will.” Then left./. e.g. this stays. Sen. Lt.Gen. Chien spoke.";
        assert_eq!(
            sentences(t),
            [
                "He said “we will.”",
                "Then left./. e.g. this stays.",
                "Sen. Lt.Gen. Chien spoke."
            ]
        );
    }

    #[test]
    fn keeps_retired_ranks_and_dotted_ranks_together() {
        let t = "Maj. Gen. (Ret.) Le Van Binh and Lt.Col. Tran spoke. Assoc. Prof. Dao Thi Mai attended.";
        assert_eq!(
            sentences(t),
            [
                "Maj. Gen. (Ret.) Le Van Binh and Lt.Col. Tran spoke.",
                "Assoc. Prof. Dao Thi Mai attended."
            ]
        );
    }

    #[test]
    fn stray_symbols_do_not_glue_sentences() {
        let t = "Cooperation grew. | | The event was hybrid. | 💮 In addition, it went well. ꦡ Along with this. x. – y. é. z";
        assert_eq!(
            sentences(t),
            [
                "Cooperation grew.",
                "| | The event was hybrid.",
                "| 💮 In addition, it went well.",
                "ꦡ Along with this. x. – y. é. z"
            ]
        );
    }

    #[test]
    fn abbreviations_match_in_any_case_and_long_words_end_sentences() {
        let t =
            "He met GEN. Chien there. It was a well-attended-and-carefully-prepared-session. Next.";
        assert_eq!(
            sentences(t),
            [
                "He met GEN. Chien there.",
                "It was a well-attended-and-carefully-prepared-session.",
                "Next."
            ]
        );
        assert!(is_abbreviation("Gen") && is_abbreviation("LT") && !is_abbreviation("Đại"));
        assert!(!is_abbreviation(&"x".repeat(40)));
    }

    #[test]
    fn ranges_are_trimmed_and_in_bounds() {
        let t = "  One.  Two.  ";
        for (a, b) in split(t) {
            assert!(a < b && b <= t.len());
            assert_eq!(t[a..b].trim(), &t[a..b]);
        }
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
    }
}
