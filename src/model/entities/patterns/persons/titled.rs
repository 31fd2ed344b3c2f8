//! Reading a chain of titles, offices with their "of …" or "for …" complements among them, up to
//! the name after it ("Deputy Minister of National Defence Senior Lieutenant General X").

use super::spellings::{Compiled, Read};
use crate::model::entities::patterns::names::{name_at, skip_space};
use crate::model::entities::titles::{Title, Titles};

/// The name after the titles starting at `pos`: titles, each office optionally with an
/// "of …" complement, joined by spaces, commas or "and", then the name.
pub(super) fn titled(
    text: &str,
    pos: usize,
    depth: usize,
    via_of: bool,
    c: &Compiled,
    titles: &Titles,
    read: &mut Read,
) -> Option<(usize, usize)> {
    if depth > 8 {
        return None;
    }
    if let Some(len) = c.title(&text[pos..]) {
        let spelling = &text[pos..pos + len];
        let end = pos + len;
        let whole_word = !text[end..].starts_with(char::is_alphanumeric) || spelling.ends_with('.');
        if whole_word {
            let kind = titles.classify(spelling);
            let mut attempt = Read {
                rank: read.rank.clone(),
                office: read.office.clone(),
            };
            match kind {
                Title::Rank(r) => attempt.rank = attempt.rank.or_else(|| Some(r.to_owned())),
                Title::Office => {
                    attempt.office = attempt.office.or_else(|| Some(spelling.to_owned()));
                }
                Title::Honorific => {}
            }
            // "Minister of National Defence", "Minister for Defence".
            let joint = [" of ", " for "]
                .into_iter()
                .find(|j| text[end..].starts_with(j));
            if kind == Title::Office
                && let Some(joint) = joint
            {
                for b in complement_ends(text, end + joint.len(), titles) {
                    let next = separator_end(text, b);
                    if let Some(found) =
                        titled(text, next, depth + 1, true, c, titles, &mut attempt)
                    {
                        *read = attempt;
                        return Some(found);
                    }
                }
            }
            let next = separator_end(text, end);
            if next > end
                && let Some(found) = titled(text, next, depth + 1, via_of, c, titles, &mut attempt)
            {
                *read = attempt;
                return Some(found);
            }
        }
    }
    if depth == 0 {
        return None;
    }
    // After a body's name, the name is the rest of the capitalised run: one word may
    // still be part of the body, and a name that stops inside the run is a body's.
    let (end, words) = name_at(text, pos, titles)?;
    let run_goes_on =
        skip_space(text, end).is_some_and(|n| text[n..].starts_with(char::is_uppercase));
    (!via_of || words > 1 && !run_goes_on).then_some((pos, end))
}

/// Where the body or country of an office's "of …" complement may end: after each of
/// its capitalised words, up to twelve words ("China’s Central Military Commission").
fn complement_ends(text: &str, start: usize, titles: &Titles) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut pos = start;
    for _ in 0..12 {
        let rest = &text[pos..];
        let len = rest
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(rest.len());
        if len == 0 {
            break;
        }
        let word = &rest[..len];
        let bare = word.trim_end_matches(['\'', '’']).trim_end_matches("’s");
        let bare = bare.trim_end_matches("'s");
        if word.starts_with(char::is_uppercase) {
            // A title word opens the next title, not the body's name.
            if !titles.is_title(bare) || titles.is_portfolio(bare) {
                ends.push(pos + len);
            }
        } else if !matches!(word, "the" | "and" | "of" | "for" | "on" | "-" | "–") {
            break;
        }
        match text[pos + len..].strip_prefix(' ') {
            Some(_) => pos += len + 1,
            None => break,
        }
    }
    ends
}

/// The offset after a separator between titles or before the name: a space, or a
/// comma and a space, optionally followed by "and ".
fn separator_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let sep = if rest.starts_with(", ") {
        2
    } else if rest.starts_with(' ') || rest.starts_with('\u{a0}') {
        rest.chars().next().map_or(1, char::len_utf8)
    } else {
        return at;
    };
    let after = &rest[sep..];
    if after.starts_with("and ") {
        at + sep + 4
    } else {
        at + sep
    }
}
