//! Photo captions: table-row captions ("… |"), lines with a photo credit at the end
//! ("(Photo: VNA)", "—Photo qdnd.vn", "Photo: X"), and "Illustrative image" lines.

use super::lexicon::{Lexicon, starts_with_ignore_case};
use super::measure::{last_words, more_words_than};

/// Longest caption, in words; longer lines with a credit are article text.
const MAX_CAPTION_WORDS: usize = 70;
/// Longest photo credit ("Photo: VNA/Thanh Tung"), in words.
const MAX_CREDIT_WORDS: usize = 8;
/// Longest caption right after a layout marker, in words.
pub const MAX_MARKED_CAPTION_WORDS: usize = 20;

/// Longest caption without a credit, in words ("An overview of the event").
const MAX_SHAPED_CAPTION_WORDS: usize = 30;
/// Longest bracketed photo credit, in bytes ("(Photo: VNA/Nguyen Van A)").
const MAX_CREDIT_BYTES: usize = 60;
/// Longest text before a photo credit glued to the article ("At the event. Photo: X The …").
const MAX_GLUED_CAPTION_WORDS: usize = 40;

/// The caption text when `line` is a caption, else `None`.
pub fn caption(line: &str, lex: &Lexicon) -> Option<String> {
    if let Some(row) = table_row(line) {
        return Some(row.to_owned());
    }
    // Most paragraphs are longer than any caption: the cheap count goes first.
    if more_words_than(line, MAX_CAPTION_WORDS) || is_source_line(line, lex) {
        return None;
    }
    let prefixed = lex.has_caption_prefix(line);
    (prefixed || has_credit(line, lex) || is_caption_shaped(line, lex)).then(|| line.to_owned())
}

/// "Source: VNS" standing alone names the story's outlet; it is not an image credit.
pub fn is_source_line(line: &str, lex: &Lexicon) -> bool {
    source_line_outlet(line, lex).is_some()
}

/// The outlet of a "Source: VNS" line.
pub fn source_line_outlet(line: &str, lex: &Lexicon) -> Option<String> {
    let rest = line
        .strip_prefix("Source:")
        .or_else(|| line.strip_prefix("SOURCE:"))?;
    lex.outlets.credit(rest.trim().trim_end_matches('.'))
}

/// A short line shaped like a photo caption without a credit: "An overview of the event",
/// "Gen. Tran speaks at the conference.", "The minister (second from right) at the talks".
fn is_caption_shaped(line: &str, lex: &Lexicon) -> bool {
    let m = &lex.markers;
    if more_words_than(line, MAX_SHAPED_CAPTION_WORDS) {
        return false;
    }
    if lex.has_caption_start(line) || lex.has_caption_mark(line) {
        return true;
    }
    // "… <verb> … the <gathering>": a present-tense verb and a generic gathering at the end.
    let mut last = line.trim_end_matches('.').rsplit(' ');
    let (Some(object), Some(det)) = (last.next(), last.next()) else {
        return false;
    };
    let ends_generic = ["the", "a", "an"]
        .iter()
        .any(|d| det.eq_ignore_ascii_case(d))
        && m.caption_objects
            .iter()
            .any(|o| o.eq_ignore_ascii_case(object));
    ends_generic && {
        let lower = line.to_lowercase();
        m.caption_verbs.iter().any(|v| has_phrase(&lower, v))
    }
}

/// Whether `hay` (lowercase) holds `phrase` as whole words.
fn has_phrase(hay: &str, phrase: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(phrase).any(|(i, _)| {
        !is_word(hay[..i].chars().next_back()) && !is_word(hay[i + phrase.len()..].chars().next())
    })
}

/// A caption glued before article text: "… at the border. (Photo: VNA)Binh Phuoc (VNA) – …",
/// "At the ceremony. Photo: baochinhphu.vn Delegates then …". The caption and the text after it.
pub fn split_glued_caption<'a>(line: &'a str, lex: &Lexicon) -> Option<(&'a str, &'a str)> {
    let cut = bracketed_credit_end(line, lex).or_else(|| bare_credit_end(line, lex))?;
    let (caption, rest) = (line[..cut].trim_end(), line[cut..].trim_start());
    let starts_text = rest.starts_with(|c: char| c.is_uppercase() || "\"“‘".contains(c));
    (starts_text
        && super::debris::has_content(rest)
        && !more_words_than(caption, MAX_GLUED_CAPTION_WORDS))
    .then_some((caption, rest))
}

/// The end of a "(Photo: X)" credit followed by more text on the line.
fn bracketed_credit_end(line: &str, lex: &Lexicon) -> Option<usize> {
    let mut from = 0;
    while let Some(open) = line[from..].find('(').map(|i| from + i) {
        from = open + 1;
        // A credit is short: its closing bracket is looked for nearby only.
        let mut reach = (open + MAX_CREDIT_BYTES).min(line.len());
        while !line.is_char_boundary(reach) {
            reach -= 1;
        }
        let Some(close) = line[open..reach].find(')').map(|i| open + i) else {
            continue;
        };
        let inner = &line[open + 1..close];
        if close > open + 1 && is_credit(inner, lex) && line[close + 1..].trim().len() > 1 {
            return Some(close + 1);
        }
    }
    None
}

/// The end of a bare "Photo: source" credit whose source is an address or a code, when
/// text follows ("Photo: baochinhphu.vn Delegates then …").
fn bare_credit_end(line: &str, lex: &Lexicon) -> Option<usize> {
    // Only a ": " can end a credit word, so the line is scanned once for those.
    let bytes = line.as_bytes();
    let colons = memchr::memchr_iter(b':', bytes).filter(|&i| bytes.get(i + 1) == Some(&b' '));
    for colon in colons {
        let before = &bytes[..colon];
        let credited = lex.markers.caption_credits.iter().any(|word| {
            let at = colon.saturating_sub(word.len());
            at > 0
                && before.len() >= word.len()
                && before[at..].eq_ignore_ascii_case(word.as_bytes())
        });
        if !credited {
            continue;
        }
        let src_start = colon + 2;
        let src_end = line[src_start..]
            .find(' ')
            .map_or(line.len(), |i| src_start + i);
        let src = &line[src_start..src_end];
        let coded = src.contains('.') || src.len() >= 2 && src.chars().all(|c| c.is_uppercase());
        if coded && src_end < line.len() {
            return Some(src_end);
        }
    }
    None
}

/// A table-row caption: text ending in " |" (the cell border), without the border.
fn table_row(line: &str) -> Option<&str> {
    let text = line.strip_suffix('|')?.trim_end_matches(['|', ' ']).trim();
    (!text.contains('|') && super::debris::has_content(text)).then_some(text)
}

/// True when the line ends with a photo credit.
fn has_credit(line: &str, lex: &Lexicon) -> bool {
    // A credit is short: only the end of the line is searched.
    let line = last_words(line, MAX_CREDIT_WORDS + 1);
    // "(Photo: VNA)", "(Source: VNA)", "(File photo)"
    if let Some(inner) = line.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && is_credit(&inner[open + 1..], lex)
    {
        return true;
    }
    // "… on Thursday.—Photo qdnd.vn", "… – Photo: VNA"
    if let Some(dash) = line.rfind('—').max(line.rfind('–'))
        && is_credit(line[dash..].trim_start_matches(['—', '–', ' ']), lex)
    {
        return true;
    }
    // "Delegates at the event. Photo: VNA", "Photo: VNA"
    // Bytes compared in place: a string searcher built for each line cost more than the search.
    let last = match line.as_bytes().windows(2).rposition(|w| w == b". ") {
        Some(i) => &line[i + 2..],
        None => line,
    };
    is_credit(last, lex) && credit_has_colon_or_by(last)
}

/// True when `s` is a short credit opening with a credit word ("Photo: X", "photo VNA").
fn is_credit(s: &str, lex: &Lexicon) -> bool {
    let s = s.trim();
    lex.may_start_credit(s)
        && lex.markers.caption_credits.iter().any(|w| {
            starts_with_ignore_case(s, w)
                && s[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        && !more_words_than(s, MAX_CREDIT_WORDS)
}

/// A credit standing alone at the end of a line needs its colon or "by" ("Photo: X").
fn credit_has_colon_or_by(s: &str) -> bool {
    s.split(' ').next().is_some_and(|w| w.ends_with(':'))
        || s.split(' ')
            .nth(1)
            .is_some_and(|w| w.eq_ignore_ascii_case("by"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cap(s: &str) -> Option<String> {
        caption(s, Lexicon::embedded())
    }

    #[test]
    fn table_rows_lose_their_border() {
        assert_eq!(
            cap("Sr. Lt. Gen. Tran speaks at the event. |").as_deref(),
            Some("Sr. Lt. Gen. Tran speaks at the event.")
        );
        assert_eq!(cap(" |"), None);
        assert_eq!(cap("| a | b |"), None);
    }

    #[test]
    fn credits_in_several_styles() {
        for s in [
            "The minister speaks at the conference. (Photo: qdnd.vn)",
            "Vietnam expands its involvement in peacekeeping (Photo: VNA)",
            "Officers at the ceremony (Photo VNA/Thanh Tung)",
            "Illustrative image (Source: VNA)",
            "General Chien delivers his speech in Hà Nội on Thursday.—Photo qdnd.vn",
            "Troops parade in Vientiane – Photo: KPL",
            "Delegates pose for a group photo. Photo: Xinhua",
            "Photo by Nguyen Van A",
            "Illustrative photo",
            "Navy ships at Cam Ranh port (File photo)",
        ] {
            assert_eq!(cap(s).as_deref(), Some(s), "{s}");
        }
    }

    #[test]
    fn caption_shapes_without_credits() {
        for s in [
            "An overview of the event",
            "Delegates in a group photo",
            "Lt. Gen. Tran Van Minh speaks at the conference.",
            "Colonel Le Thi Hoa speaking at the meeting",
            "The deputy minister addresses the event.",
            "General Nam (second from right) and delegates at the border gate",
            "Senior officers attend the ceremony",
        ] {
            assert_eq!(cap(s).as_deref(), Some(s), "{s}");
        }
        for s in [
            "Deputy Minister Tran chaired the meeting.",
            "Navy chief attends Shangri-La Dialogue",
            "Vietnam, Laos hold border talks",
            "Source: VNS",
        ] {
            assert_eq!(cap(s), None, "{s}");
        }
    }

    #[test]
    fn captions_glued_before_text_are_split_off() {
        let lex = Lexicon::embedded();
        let split = |s| split_glued_caption(s, lex);
        assert_eq!(
            split(
                "Two ministers at the border gate. (Photo: VNA)Lang Son (VNA) – The talks began."
            ),
            Some((
                "Two ministers at the border gate. (Photo: VNA)",
                "Lang Son (VNA) – The talks began."
            ))
        );
        assert_eq!(
            split(
                "At the ceremony. Photo: baochinhphu.vn Delegates then toured the training grounds."
            ),
            Some((
                "At the ceremony. Photo: baochinhphu.vn",
                "Delegates then toured the training grounds."
            ))
        );
        for s in [
            "Officers at the port (Photo: VNA)",
            "He showed a photo (taken in 1975) to the press.",
            "The photo: a soldier and a child, he said.",
        ] {
            assert_eq!(split(s), None, "{s}");
        }
    }

    #[test]
    fn article_text_is_not_a_caption() {
        for s in [
            "The minister asked units to photograph the damage.",
            "He took part in a photo exhibition (photographs of the war) in Hue.",
            "The photo shows the army's role.",
            "Delegates discussed the photo: it was taken in 1975 by a soldier of the regiment, he said, and it is kept in the museum.",
        ] {
            assert_eq!(cap(s), None, "{s}");
        }
    }
}
