//! The shape of a person's name: name words, initials ("R."), particles ("bin",
//! "van"), suffixes ("Jr.", "III"), and untitled names with a middle initial.
//! Untitled Vietnamese full names are found in [`vietnamese`].

use super::super::candidate::Candidate;
use super::super::folded::is_mark;
use super::super::titles::Titles;
use crate::model::entity::EntityKind;

pub mod vietnamese;

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
        // "Le Duc Thai": inside a Vietnamese name, a syllable spelt like a demonym is a
        // given name.
        let not_name = titles.is_not_name(word)
            && !(words >= 2 && vietnamese::starts_vietnamese(&text[at..pos]));
        if !is_initial
            && !surname_word
            && (not_name || abbreviation || SUFFIXES.contains(&word) && words > 0)
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
    fn a_vietnamese_given_name_spelt_like_a_demonym_stays_in_the_name() {
        assert_eq!(
            name("Nguyen Van Thai, its commander"),
            Some("Nguyen Van Thai")
        );
        assert_eq!(name("Somsak Thai said"), Some("Somsak"));
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
}
