//! The shape of a person's name: name words, initials ("R."), particles ("bin",
//! "van"), suffixes ("Jr.", "III"), and untitled Vietnamese full names recognised by
//! their family name (assets/names/vietnamese.json) and syllable shape.

use super::super::ascii::next_capital_or_wide;
use super::super::candidate::Candidate;
use super::super::folded::is_mark;
use super::super::titles::Titles;
use crate::model::entity::EntityKind;
use crate::model::text::fold_char;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::sync::OnceLock;

/// Lower-case particles inside a name ("Anwar bin Ibrahim", "Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "bin", "binti", "bte", "al", "el", "van", "von", "der", "den", "de", "da", "das", "do", "dos",
    "del", "di", "du", "la", "le", "y",
];
/// Family names spelt like English function words ("He", "To"): names only when
/// another name word follows.
const FUNCTION_SURNAMES: &[&str] = &["He", "To"];
/// Generational suffixes after a name ("Jr.", "III").
const SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "II", "III", "IV"];

#[derive(Deserialize)]
struct RawNames {
    family_names: Vec<String>,
}

/// Folded Vietnamese family names.
fn vietnamese_family_names() -> &'static FxHashSet<String> {
    static N: OnceLock<FxHashSet<String>> = OnceLock::new();
    N.get_or_init(|| {
        let raw: RawNames =
            serde_json::from_str(include_str!("../../../../assets/names/vietnamese.json"))
                .expect("assets/names/vietnamese.json is valid (checked by a test)");
        raw.family_names.iter().map(|n| fold_word(n)).collect()
    })
}

/// Lower case, diacritics dropped.
pub fn fold_word(w: &str) -> String {
    let mut out = String::new();
    fold_word_into(w, &mut out);
    out
}

/// [`fold_word`] into a reused buffer.
fn fold_word_into(w: &str, out: &mut String) {
    out.clear();
    out.extend(w.chars().map(|c| fold_char(c).to_ascii_lowercase()));
}

/// The end of the name word starting at `at`: a capital, then lower-case letters,
/// with hyphenated or apostrophe-joined parts ("Won-sik", "O'Brien"); a possessive
/// ends it ("Sen’s" → "Sen").
#[inline]
fn name_word(text: &str, at: usize) -> Option<usize> {
    // Most words are an ASCII capital and ASCII lower case ending at an ASCII byte
    // that is no joiner: decided without decoding (the loop below would stop there too).
    let b = text.as_bytes();
    if b.get(at).is_some_and(u8::is_ascii_uppercase) {
        let mut i = at + 1;
        while b.get(i).is_some_and(u8::is_ascii_lowercase) {
            i += 1;
        }
        if b.get(i)
            .is_none_or(|&n| n.is_ascii() && n != b'-' && n != b'\'')
        {
            return (i > at + 1).then_some(i);
        }
    }
    name_word_decoded(text, at)
}

/// [`name_word`], character by character.
fn name_word_decoded(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    let mut end = first.len_utf8();
    let mut lower = 0;
    let mut prev_joiner = false;
    for (i, c) in chars {
        if c.is_lowercase() || is_mark(c) {
            lower += 1;
            prev_joiner = false;
            end = i + c.len_utf8();
        } else if matches!(c, '-' | '\'' | '’') && !prev_joiner {
            let after = &rest[i + c.len_utf8()..];
            let possessive = matches!(c, '\'' | '’')
                && (after.starts_with('s') && !after[1..].starts_with(char::is_alphanumeric)
                    || !after.starts_with(char::is_alphabetic));
            if possessive || !after.starts_with(char::is_alphabetic) {
                break;
            }
            prev_joiner = true;
        } else if c.is_uppercase() && prev_joiner {
            prev_joiner = false;
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    (lower > 0 && !prev_joiner).then_some(at + end)
}

/// The end of an initial ("R.") at `at`.
fn initial(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    (b.get(at).is_some_and(u8::is_ascii_uppercase) && b.get(at + 1) == Some(&b'.'))
        .then_some(at + 2)
}

/// One name: up to five words, initials and particles inside, a suffix after. Returns
/// the end of the name and its number of words; `None` when it starts with a word
/// that is never a name.
pub fn name_at(text: &str, at: usize, titles: &Titles) -> Option<(usize, usize)> {
    let mut end = None;
    let mut words = 0;
    let mut pos = at;
    loop {
        let (word_end, is_initial) = match name_word(text, pos) {
            Some(e) => (e, false),
            None => match initial(text, pos) {
                Some(e) if words > 0 || name_word(text, skip_space(text, e)?).is_some() => {
                    (e, true)
                }
                _ => break,
            },
        };
        let word = &text[pos..word_end];
        // "He Jianguo", "To Van Son": a family name spelt like a function word, when a
        // name word follows it.
        let surname_word = words == 0
            && FUNCTION_SURNAMES.contains(&word)
            && skip_space(text, word_end)
                .and_then(|n| name_word(text, n))
                .is_some();
        let abbreviation = text[word_end..].starts_with('.') && titles.is_abbreviation(word);
        if !is_initial
            && !surname_word
            && (titles.is_not_name(word) || abbreviation || SUFFIXES.contains(&word) && words > 0)
        {
            break;
        }
        words += 1;
        if !is_initial {
            end = Some(word_end);
        }
        if words == 5 {
            break;
        }
        let Some(next) = skip_space(text, word_end) else {
            break;
        };
        // A lower-case particle joins two name words.
        let particle = text[next..]
            .split(' ')
            .next()
            .filter(|p| PARTICLES.contains(p));
        pos = match particle {
            Some(p)
                if skip_space(text, next + p.len())
                    .and_then(|n| name_word(text, n))
                    .is_some() =>
            {
                skip_space(text, next + p.len())?
            }
            _ => next,
        };
    }
    let end = end?;
    Some((suffix_end(text, end), words))
}

/// After a name, a generational suffix (" Jr.", ", Jr.") extends it.
fn suffix_end(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let gap = if rest.starts_with(", ") {
        2
    } else if rest.starts_with(' ') {
        1
    } else {
        return end;
    };
    let after = &rest[gap..];
    SUFFIXES
        .iter()
        .find(|s| {
            after.starts_with(**s) && !after[s.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .map_or(end, |s| end + gap + s.len())
}

/// The offset after one space (or no-break space) at `at`, when a letter follows.
#[inline]
pub fn skip_space(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let next = match b.get(at) {
        Some(b' ') => at + 1,
        Some(0xc2) if b.get(at + 1) == Some(&0xa0) => at + 2,
        _ => return None,
    };
    starts_with(text, next, char::is_alphabetic).then_some(next)
}

/// True when the character at `at` (a char boundary) is one `test` accepts; an ASCII
/// byte is tested without decoding (both tests agree with their ASCII forms).
#[inline]
fn starts_with(text: &str, at: usize, test: fn(char) -> bool) -> bool {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => test(char::from(b)),
        Some(_) => text[at..].starts_with(test),
        None => false,
    }
}

/// True for a Vietnamese syllable written without diacritics: an initial consonant
/// cluster, one to three vowels and an allowed final ("nguyen", "chien", "quan").
pub fn vietnamese_syllable(folded: &str) -> bool {
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
            let mut c = Candidate::new(EntityKind::Person, s, e, &text[s..e]);
            c.source = super::super::candidate::Source::Shape;
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

/// Untitled names with a middle initial ("Ferdinand R. Marcos Jr.", "John F. Kelly"): a
/// name word, one capital and a full stop, then a name word. No other common phrase
/// has that shape; a first word that never opens a name ("The", "Section") rules it out.
pub fn find_initialled(text: &str, titles: &Titles, out: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    let mut done = 0;
    for dot in memchr::memchr_iter(b'.', b) {
        let initial_at = dot.wrapping_sub(1);
        if dot < 3
            || dot < done
            || !b[initial_at].is_ascii_uppercase()
            || b[initial_at - 1] != b' '
            || b.get(dot + 1) != Some(&b' ')
        {
            continue;
        }
        let Some(start) = word_before(text, initial_at - 1) else {
            continue;
        };
        let lead = &text[start..initial_at - 1];
        if titles.is_not_name(lead) || super::is_leading(lead) || lead.len() < 2 {
            continue;
        }
        let Some((end, _)) = name_at(text, start, titles) else {
            continue;
        };
        if end <= dot + 1 || name_word(text, dot + 2).is_none() {
            continue;
        }
        done = end;
        let mut c = Candidate::new(EntityKind::Person, start, end, &text[start..end]);
        c.source = super::super::candidate::Source::Shape;
        out.push(c);
    }
}

/// The start of the name word that ends at `end` (right before a space).
fn word_before(text: &str, end: usize) -> Option<usize> {
    let start = text[..end]
        .rfind(|c: char| !c.is_alphabetic() && !is_mark(c))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let opens = start == 0 || text[..start].ends_with([' ', '\u{a0}', '(', '"', '“', '\n']);
    (opens && name_word(text, start) == Some(end)).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_ascii_path_ends_words_as_decoding_does(s in "([A-Za-z0-9 .,'’\\-ĐđÀàÔô\u{301}]){0,16}") {
            for (i, _) in s.char_indices() {
                prop_assert_eq!(name_word(&s, i), name_word_decoded(&s, i), "{:?} at {}", s, i);
            }
        }
    }

    fn name(text: &str) -> Option<&str> {
        name_at(text, 0, Titles::embedded()).map(|(e, _)| &text[..e])
    }

    #[test]
    fn initials_particles_and_suffixes() {
        assert_eq!(
            name("Ferdinand R. Marcos Jr. said"),
            Some("Ferdinand R. Marcos Jr.")
        );
        assert_eq!(name("Anwar bin Ibrahim met"), Some("Anwar bin Ibrahim"));
        assert_eq!(name("Shin Won-sik’s visit"), Some("Shin Won-sik"));
        assert_eq!(name("Hun Sen’s path"), Some("Hun Sen"));
        assert_eq!(name("Prayut Chan-o-cha spoke"), Some("Prayut Chan-o-cha"));
        assert_eq!(name("The Ministry"), None);
    }

    #[test]
    fn untitled_names_with_an_initial() {
        let mut out = Vec::new();
        find_initialled(
            "Talks with Ferdinand R. Marcos Jr. and Lloyd J. Austin III, then Section B. The rest. During A. Smith's term, Ngô X. Lịch spoke.",
            Titles::embedded(),
            &mut out,
        );
        let names: Vec<&str> = out.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ferdinand R. Marcos Jr.",
                "Lloyd J. Austin III",
                "Ngô X. Lịch"
            ]
        );
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
}
