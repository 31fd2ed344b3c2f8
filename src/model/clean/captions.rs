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

/// The caption text when `line` is a caption, else `None`.
pub fn caption(line: &str, lex: &Lexicon) -> Option<String> {
    if let Some(row) = table_row(line) {
        return Some(row.to_owned());
    }
    let prefixed = lex
        .markers
        .caption_prefixes
        .iter()
        .any(|p| starts_with_ignore_case(line, p));
    ((prefixed || has_credit(line, lex)) && !more_words_than(line, MAX_CAPTION_WORDS))
        .then(|| line.to_owned())
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
    let last = match line.rfind(". ") {
        Some(i) => &line[i + 2..],
        None => line,
    };
    is_credit(last, lex) && credit_has_colon_or_by(last)
}

/// True when `s` is a short credit opening with a credit word ("Photo: X", "photo VNA").
fn is_credit(s: &str, lex: &Lexicon) -> bool {
    let s = s.trim();
    lex.markers.caption_credits.iter().any(|w| {
        starts_with_ignore_case(s, w)
            && s[w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }) && !more_words_than(s, MAX_CREDIT_WORDS)
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
