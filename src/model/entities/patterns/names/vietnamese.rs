//! Untitled Vietnamese full names, recognised by their family name
//! (assets/names/vietnamese.json) and the shape of their syllables.

use super::{name_word, skip_space, starts_with};
use crate::model::entities::ascii::next_capital_or_wide;
use crate::model::entities::candidate::{Candidate, Source};
use crate::model::entities::folded::{fold_word, fold_word_into};
use crate::model::entity::EntityKind;
use crate::model::text::{strip_first_word, strip_last_word};
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct RawNames {
    family_names: Vec<String>,
    ship_nouns: Vec<String>,
}

/// The names file.
fn raw_names() -> &'static RawNames {
    static N: OnceLock<RawNames> = OnceLock::new();
    N.get_or_init(|| {
        serde_json::from_str(include_str!("../../../../../assets/names/vietnamese.json"))
            .expect("assets/names/vietnamese.json is valid (checked by a test)")
    })
}

/// True when `name` (as written) starts with a Vietnamese family name ("Lê Đức Thái").
pub(super) fn starts_vietnamese(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    vietnamese_family_names().contains(&fold_word(first))
}

/// True when a ship noun stands right before `start` or right after `end` ("the frigate
/// Tran Hung Dao", "the Ly Thai To corvette"): the name is the ship's.
fn names_a_ship(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end();
    let after = text[end..].trim_start();
    raw_names()
        .ship_nouns
        .iter()
        .any(|n| strip_last_word(before, n).is_some() || strip_first_word(after, n).is_some())
}

/// Folded Vietnamese family names.
fn vietnamese_family_names() -> &'static FxHashSet<String> {
    static N: OnceLock<FxHashSet<String>> = OnceLock::new();
    N.get_or_init(|| {
        raw_names()
            .family_names
            .iter()
            .map(|n| fold_word(n))
            .collect()
    })
}

/// True for a Vietnamese syllable written without diacritics: an initial consonant
/// cluster, one to three vowels and an allowed final ("nguyen", "chien", "quan").
fn vietnamese_syllable(folded: &str) -> bool {
    const INITIALS: &[&str] = &[
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const FINALS: &[&str] = &["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];
    if folded.is_empty() || folded.len() > 7 || !folded.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    INITIALS.iter().any(|i| {
        let Some(rest) = folded.strip_prefix(i) else {
            return false;
        };
        let vowels = rest.bytes().take_while(|b| b"aeiouy".contains(b)).count();
        (1..=3).contains(&vowels) && FINALS.contains(&&rest[vowels..])
    })
}

/// Untitled Vietnamese full names: a family name and two or three more syllables, the
/// run of capitalised words ending there ("Phan Van Giang said").
pub fn find_vietnamese(text: &str, out: &mut Vec<Candidate>) {
    let family = vietnamese_family_names();
    let mut at = 0;
    // One buffer for every run of the field: most runs are a single word.
    let mut words = Vec::new();
    let mut folded = String::new();
    while at < text.len() {
        let Some(start) = next_upper(text, at) else {
            return;
        };
        words.clear();
        let mut pos = start;
        while let Some(end) = name_word(text, pos) {
            words.push((pos, end));
            match skip_space(text, end) {
                Some(n) if starts_with(text, n, char::is_uppercase) => pos = n,
                _ => break,
            }
            if words.len() > 4 {
                break;
            }
        }
        let next = words.last().map_or(start + 1, |w| w.1);
        at = next.max(start + 1);
        while !text.is_char_boundary(at) {
            at += 1;
        }
        if !(3..=4).contains(&words.len()) {
            continue;
        }
        let word_start_ok = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        // The family name first: most runs fail there, before the others are folded.
        fold_word_into(&text[words[0].0..words[0].1], &mut folded);
        if word_start_ok
            && family.contains(folded.as_str())
            && vietnamese_syllable(&folded)
            && words[1..].iter().all(|&(s, e)| {
                fold_word_into(&text[s..e], &mut folded);
                vietnamese_syllable(&folded)
            })
        {
            let (s, e) = (words[0].0, words[words.len() - 1].1);
            if names_a_ship(text, s, e) {
                continue;
            }
            let mut c = Candidate::new(EntityKind::Person, s, e, &text[s..e]);
            c.source = Source::Shape;
            out.push(c);
        }
    }
}

/// The offset of the first upper-case character of `text` at or after `at` (a char
/// boundary); ASCII bytes are checked without decoding.
fn next_upper(text: &str, at: usize) -> Option<usize> {
    let mut i = at;
    loop {
        // Only a capital or a non-ASCII character can be upper case.
        i = next_capital_or_wide(text.as_bytes(), i);
        let c = text.get(i..)?.chars().next()?;
        if c.is_uppercase() {
            return Some(i);
        }
        i += c.len_utf8();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_family_names_parse_folded() {
        let names = vietnamese_family_names();
        for common in ["nguyen", "tran", "le", "pham", "hoang", "dang"] {
            assert!(names.contains(common), "{common}");
        }
        assert!(names.iter().all(|n| n.is_ascii() && *n == n.to_lowercase()));
    }

    #[test]
    fn vietnamese_syllables() {
        for s in [
            "nguyen", "chien", "quan", "giang", "xuan", "canh", "nhu", "thai",
        ] {
            assert!(vietnamese_syllable(s), "{s}");
        }
        for s in ["royal", "armed", "forces", "prime", "jinping", "smith"] {
            assert!(!vietnamese_syllable(s), "{s}");
        }
    }

    #[test]
    fn untitled_vietnamese_names() {
        let mut out = Vec::new();
        find_vietnamese(
            "Delegates led by Trần Đức Thắng and Le Thi Hoa met at Ho Chi Minh City with the Thai Royal Armed Forces.",
            &mut out,
        );
        let names: Vec<&str> = out.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Trần Đức Thắng", "Le Thi Hoa"]);
    }

    #[test]
    fn a_ship_named_after_a_person_is_no_person() {
        let mut out = Vec::new();
        find_vietnamese(
            "The corvette Dinh Tien Hoang and the Ly Thai To frigate docked; Ngo Van Binh, a shipbuilder, watched.",
            &mut out,
        );
        let names: Vec<&str> = out.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Ngo Van Binh"]);
    }
}
