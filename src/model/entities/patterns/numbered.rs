//! The patterns of units and commands named by a number ([`super::units`]), matched by
//! hand as their regexes match them (leftmost start, then the most words before the
//! fixed part), without compiling a regex over the big Unicode classes:
//! - rotations: `(?P<body>CAP(?:\s+CAP){0,4})\s+Rotation\s+(?P<n>\d{1,2})\b`;
//! - numbered units: `(?P<body>CAP(?:\s+CAP){0,4}\s+(?:HEADS))\s+No\.\s?(?P<n>\d{1,2})\b`;
//! - commands: `(?P<body>CAP(?:\s+CAP){0,3}\s+(?:HEADS))\s+(?P<n>\d{1,3})\b(?:[^-–/.\d]|\.\s|\.?$)`;
//!
//! where CAP is [`super::CAP`] and `\b` an ASCII word boundary.

use super::shape::{ascii_boundary, cap_end, char_at, is_digit, is_upper, space_end};

/// Which of the three patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "Level-2 Field Hospital Rotation 7".
    Rotation,
    /// "Level-2 Field Hospital No.2", after one of the unit heads.
    Numbered,
    /// "Military Region 7", after one of the command heads.
    Command,
}

/// One match: the body's and the number's byte ranges, and where the match ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The name before the number.
    pub body: (usize, usize),
    /// The number.
    pub n: (usize, usize),
    /// One past the match (the next search starts there).
    pub end: usize,
}

/// Every match of `form` in `text`, left to right and not overlapping; `heads` are the
/// head nouns of the numbered and command forms, in the order they are tried.
pub fn find_all(text: &str, form: Form, heads: &[&str], out: &mut Vec<Match>) {
    // Every match holds its fixed word after its start: none starts past the last one.
    let last = match form {
        Form::Rotation => text.rfind("Rotation"),
        Form::Numbered => text.rfind("No."),
        Form::Command => heads.iter().filter_map(|h| text.rfind(h)).max(),
    };
    let Some(last) = last else {
        return;
    };
    let mut at = 0;
    while at < last {
        let Some((i, c)) = text[at..last].char_indices().find(|&(_, c)| is_upper(c)) else {
            return;
        };
        let s = at + i;
        match matched_at(text, s, form, heads) {
            Some(m) => {
                at = m.end;
                out.push(m);
            }
            None => at = s + c.len_utf8(),
        }
    }
}

/// The match starting at `s`: the most whole words after which the rest follows.
fn matched_at(text: &str, s: usize, form: Form, heads: &[&str]) -> Option<Match> {
    let max = if form == Form::Command { 4 } else { 5 };
    let mut ends = [0; 5];
    let mut words = 0;
    let mut p = s;
    while words < max {
        let Some(e) = cap_end(text, p) else {
            break;
        };
        let Some(next) = space_end(text, e) else {
            break;
        };
        ends[words] = e;
        words += 1;
        p = next;
    }
    ends[..words].iter().rev().find_map(|&body_end| {
        let after = space_end(text, body_end)?;
        let (body_end, n, end) = match form {
            Form::Rotation => {
                text[after..].starts_with("Rotation").then_some(())?;
                let q = space_end(text, after + "Rotation".len())?;
                let (n, end) = number(text, q, 2, Some)?;
                (body_end, n, end)
            }
            Form::Numbered | Form::Command => heads.iter().find_map(|h| {
                text[after..].starts_with(h).then_some(())?;
                let head_end = after + h.len();
                let q = space_end(text, head_end)?;
                let (n, end) = if form == Form::Numbered {
                    text[q..].starts_with("No.").then_some(())?;
                    let r = q + "No.".len();
                    let spaced = char_at(text, r)
                        .filter(|c| c.is_whitespace())
                        .map(|c| r + c.len_utf8());
                    spaced
                        .and_then(|r| number(text, r, 2, Some))
                        .or_else(|| number(text, r, 2, Some))?
                } else {
                    number(text, q, 3, |e| command_tail(text, e))?
                };
                Some((head_end, n, end))
            })?,
        };
        Some(Match {
            body: (s, body_end),
            n,
            end,
        })
    })
}

/// The digits at `at` (the most of up to `max` first) that end at a word boundary and
/// after which `rest` matches; their range and the end of the match.
fn number(
    text: &str,
    at: usize,
    max: usize,
    rest: impl Fn(usize) -> Option<usize>,
) -> Option<((usize, usize), usize)> {
    let mut ends = [0; 3];
    let mut n = 0;
    let mut i = at;
    while n < max {
        let Some(c) = char_at(text, i).filter(|&c| is_digit(c)) else {
            break;
        };
        i += c.len_utf8();
        ends[n] = i;
        n += 1;
    }
    ends[..n]
        .iter()
        .rev()
        .filter(|&&e| ascii_boundary(text, e))
        .find_map(|&e| rest(e).map(|end| ((at, e), end)))
}

/// The end of what follows a command's number: a character that is no dash, slash,
/// full stop or digit; a full stop and a space; or the end, after a full stop or not.
fn command_tail(text: &str, at: usize) -> Option<usize> {
    match char_at(text, at) {
        None => Some(at),
        Some('.') => match char_at(text, at + 1) {
            None => Some(at + 1),
            Some(c) if c.is_whitespace() => Some(at + 1 + c.len_utf8()),
            Some(_) => None,
        },
        Some(c) if matches!(c, '-' | '–' | '/') || is_digit(c) => None,
        Some(c) => Some(at + c.len_utf8()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    const UNIT_HEADS: &[&str] = &["Hospital", "Unit", "Company", "Team"];
    const COMMAND_HEADS: &[&str] = &["Region", "Zone", "Corps"];

    /// The three patterns as the regexes they were written as.
    static REGEXES: LazyLock<[regex::Regex; 3]> = LazyLock::new(|| {
        let cap = super::super::CAP;
        let (units, commands) = (UNIT_HEADS.join("|"), COMMAND_HEADS.join("|"));
        [
            format!(r"(?P<body>{cap}(?:\s+{cap}){{0,4}})\s+Rotation\s+(?P<n>\d{{1,2}})(?-u:\b)"),
            format!(
                r"(?P<body>{cap}(?:\s+{cap}){{0,4}}\s+(?:{units}))\s+No\.\s?(?P<n>\d{{1,2}})(?-u:\b)"
            ),
            format!(
                r"(?P<body>{cap}(?:\s+{cap}){{0,3}}\s+(?:{commands}))\s+(?P<n>\d{{1,3}})(?-u:\b)(?:[^-–/.\d]|\.\s|\.?$)"
            ),
        ]
        .map(|p| regex::Regex::new(&p).unwrap())
    });

    fn check(text: &str) {
        for (i, form) in [Form::Rotation, Form::Numbered, Form::Command]
            .into_iter()
            .enumerate()
        {
            let heads = if form == Form::Command {
                COMMAND_HEADS
            } else {
                UNIT_HEADS
            };
            let want: Vec<Match> = REGEXES[i]
                .captures_iter(text)
                .map(|m| Match {
                    body: (
                        m.name("body").unwrap().start(),
                        m.name("body").unwrap().end(),
                    ),
                    n: (m.name("n").unwrap().start(), m.name("n").unwrap().end()),
                    end: m.get(0).unwrap().end(),
                })
                .collect();
            let mut got = Vec::new();
            find_all(text, form, heads, &mut got);
            assert_eq!(got, want, "{form:?} in {text:?}");
        }
    }

    const PIECES: &[&str] = &[
        "Level-2",
        "Field",
        "Hospital",
        "Rotation",
        "Unit",
        "Team",
        "Region",
        "Corps",
        "Zone",
        "Military",
        "Engineering",
        "No.",
        "No",
        "3",
        "12",
        "123",
        "2025",
        "٣",
        "Đà",
        "the",
        "x",
        " ",
        " ",
        " ",
        "  ",
        "\u{a0}",
        ".",
        "-",
        "–",
        "/",
        ",",
        "’s",
        "(",
    ];

    proptest! {
        #[test]
        fn the_matches_are_the_regex_matches(
            picks in proptest::collection::vec(proptest::sample::select(PIECES), 0..20)
        ) {
            let spaced: String = picks.iter().flat_map(|p| [*p, " "]).collect();
            check(&picks.concat());
            check(spaced.trim_end());
        }
    }

    #[test]
    fn the_matches_on_made_up_text() {
        for text in [
            "the Level-2 Field Hospital Rotation 7 and Engineering Unit Rotation 12.",
            "the Level-2 Field Hospital No.3 and Hospital No. 4, Team No.  5",
            "Military Region 7, Naval Region 3. Army Corps 12 Zone 3-5 Region 2025 Region 4.",
            "A B C D E F Rotation 1 Rotation 2 Region 9",
        ] {
            check(text);
        }
    }
}
