//! Credit lines ("Translated by X", "Photo: X"): their names are found only so that
//! nothing else takes them for persons of the text, and carry the line's role.
//!
//! Matched by hand, as the regex `(?-u:\b)(?P<v>CREDIT)(?:\s+by\s+|\s*:\s*)(?P<n>NAME(?:\s+NAME){1,3})`
//! matches (NAME: `\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]+)?`), without compiling
//! a regex over the big Unicode classes.

use super::super::candidate::Candidate;
use super::super::titles::Titles;
use super::names::name_at;
use super::shape::{ascii_boundary, char_at, is_letter, is_lower_or_mark, is_upper, space_end};
use super::words::CREDIT_WORDS;
use crate::model::entity::EntityKind;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// One credit line: the credit word's range, where the name starts, where it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Credit {
    word: (usize, usize),
    name: usize,
    end: usize,
}

/// Credit lines in `text`: their names, blocked, with the role the line gives.
pub fn find(text: &str, titles: &Titles, out: &mut Vec<Candidate>) {
    for c in credits(text) {
        let Some((end, _)) = name_at(text, c.name, titles) else {
            continue;
        };
        let mut cand = Candidate::new(EntityKind::Person, c.name, end, &text[c.name..end]);
        cand.cover = (c.word.0, end);
        cand.role = Some(match &text[c.word.0..c.word.1] {
            "Translated" => "translator",
            "Written" => "author",
            "Reported" => "reporter",
            "Compiled" => "compiler",
            "Edited" => "editor",
            "Source" => "source",
            "Video" => "video",
            _ => "photographer",
        });
        out.push(cand);
    }
}

/// The credit words in one automaton: a scan per word cost more than the lines.
fn words() -> &'static AhoCorasick {
    static W: OnceLock<AhoCorasick> = OnceLock::new();
    W.get_or_init(|| AhoCorasick::new(CREDIT_WORDS).expect("credit words build an automaton"))
}

/// The credit lines of `text`, left to right and not overlapping.
fn credits(text: &str) -> Vec<Credit> {
    let mut starts: Vec<usize> = words()
        .find_overlapping_iter(text)
        .map(|m| m.start())
        .filter(|&i| ascii_boundary(text, i))
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let mut found: Vec<Credit> = Vec::new();
    for s in starts {
        if found.last().is_some_and(|c| s < c.end) {
            continue;
        }
        if let Some(c) = credit_at(text, s) {
            found.push(c);
        }
    }
    found
}

/// The credit line starting at `s`: the first credit word (in list order), then the
/// first separator ("by", then a colon), after which two to four name words follow.
fn credit_at(text: &str, s: usize) -> Option<Credit> {
    CREDIT_WORDS.iter().find_map(|w| {
        text[s..].starts_with(w).then_some(())?;
        let word_end = s + w.len();
        let by = space_end(text, word_end)
            .filter(|&p| text[p..].starts_with("by"))
            .and_then(|p| space_end(text, p + 2));
        let colon_at = space_end(text, word_end).unwrap_or(word_end);
        let colon = text[colon_at..]
            .starts_with(':')
            .then(|| space_end(text, colon_at + 1).unwrap_or(colon_at + 1));
        [by, colon].into_iter().flatten().find_map(|name| {
            Some(Credit {
                word: (s, word_end),
                name,
                end: names_end(text, name)?,
            })
        })
    })
}

/// The end of two to four name words joined by spaces at `at`.
fn names_end(text: &str, at: usize) -> Option<usize> {
    let mut end = name_word_end(text, at)?;
    let mut words = 1;
    while words < 4 {
        match space_end(text, end).and_then(|p| name_word_end(text, p)) {
            Some(e) => end = e,
            None => break,
        }
        words += 1;
    }
    (words > 1).then_some(end)
}

/// The end of one name word at `at`: a capital, lower-case letters or marks, and
/// perhaps a hyphenated part ("Minh", "Won-sik").
fn name_word_end(text: &str, at: usize) -> Option<usize> {
    let first = char_at(text, at).filter(|&c| is_upper(c))?;
    let end = lower_run(text, at + first.len_utf8())?;
    let part = char_at(text, end)
        .filter(|&c| c == '-')
        .and_then(|_| char_at(text, end + 1).filter(|&c| is_letter(c)))
        .and_then(|c| lower_run(text, end + 1 + c.len_utf8()));
    Some(part.unwrap_or(end))
}

/// The end of a run of one or more lower-case letters or marks at `at`.
fn lower_run(text: &str, at: usize) -> Option<usize> {
    let mut i = at;
    while let Some(c) = char_at(text, i).filter(|&c| is_lower_or_mark(c)) {
        i += c.len_utf8();
    }
    (i > at).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    /// The pattern as the regex it was written as.
    static REGEX: LazyLock<regex::Regex> = LazyLock::new(|| {
        let name = r"\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]+)?";
        regex::Regex::new(&format!(
            r"(?-u:\b)(?P<v>{credit})(?:\s+by\s+|\s*:\s*)(?P<n>{name}(?:\s+{name}){{1,3}})",
            credit = CREDIT_WORDS.join("|")
        ))
        .unwrap()
    });

    fn check(text: &str) {
        let want: Vec<Credit> = REGEX
            .captures_iter(text)
            .map(|m| Credit {
                word: (m.name("v").unwrap().start(), m.name("v").unwrap().end()),
                name: m.name("n").unwrap().start(),
                end: m.get(0).unwrap().end(),
            })
            .collect();
        assert_eq!(credits(text), want, "{text:?}");
    }

    const PIECES: &[&str] = &[
        "Photo",
        "Photos",
        "Translated",
        "Video",
        "by",
        "by:",
        ":",
        " : ",
        "Minh",
        "Anh",
        "Won-sik",
        "Won-",
        "Đức",
        "Thắng",
        "X",
        "Ab-Cd",
        "_",
        "e\u{301}",
        "x",
        " ",
        " ",
        "  ",
        "\u{a0}",
        ".",
        ",",
        "\n",
    ];

    proptest! {
        #[test]
        fn the_credits_are_the_regex_matches(
            picks in proptest::collection::vec(proptest::sample::select(PIECES), 0..20)
        ) {
            let spaced: String = picks.iter().flat_map(|p| [*p, " "]).collect();
            check(&picks.concat());
            check(spaced.trim_end());
        }
    }

    #[test]
    fn credits_on_made_up_lines() {
        for text in [
            "Translated by Minh Anh Tran Le Van. Photo: Đức Thắng",
            "Photos:Le Van Tam and Photo by: Hoa Binh, Video by Kim Dae-ho Park",
            "xPhoto: Le Van Photo: Le",
            "Source: VNA",
        ] {
            check(text);
        }
    }
}
