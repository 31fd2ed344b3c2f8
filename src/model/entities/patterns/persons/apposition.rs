//! Names in apposition before an office: "Liu Wenbo, a State Councillor".

use super::spellings::Compiled;
use crate::model::entities::candidate::Candidate;
use crate::model::entities::patterns::names::name_at;
use crate::model::entities::titles::{Title, Titles};
use crate::model::entity::EntityKind;

/// A name of two words or more right before ", " (or ", a ", ", the ") and the office
/// at `at`: "Liu Wenbo, a State Councillor".
pub(super) fn apposition_before(
    text: &str,
    at: usize,
    c: &Compiled,
    titles: &Titles,
) -> Option<Candidate> {
    let before = &text[..at];
    let before = ["a ", "an ", "the "]
        .iter()
        .find_map(|a| before.strip_suffix(a))
        .unwrap_or(before);
    let before = before.strip_suffix(", ")?;
    let spelling = &text[at..at + c.title(&text[at..])?];
    if titles.classify(spelling) != Title::Office {
        return None;
    }
    // The run of capitalised words that ends at the comma.
    let mut start = before.len();
    for _ in 0..5 {
        let word_start = before[..start]
            .trim_end_matches(' ')
            .rfind(' ')
            .map_or(0, |i| i + 1);
        let word = &before[word_start..start].trim_end();
        if word.is_empty() || !word.starts_with(char::is_uppercase) {
            break;
        }
        start = word_start;
        if word_start == 0 || !before[..word_start].ends_with(' ') {
            break;
        }
    }
    // Drop words that are never names ("Meanwhile, Li ...": the comma ends those) and
    // the rank or title in front ("Rear Admiral X, Commander of ...").
    while start < before.len() {
        if let Some(t) = c.title(&before[start..])
            && before[start + t..].starts_with(' ')
        {
            start += t + 1;
            continue;
        }
        match name_at(text, start, titles) {
            Some((end, words)) if end == before.len() && words >= 2 => {
                return Some(Candidate::new(
                    EntityKind::Person,
                    start,
                    end,
                    &text[start..end],
                ));
            }
            _ => start += before[start..].find(' ')? + 1,
        }
    }
    None
}
