//! Word wrapping by display width (unicode-width), keeping tagged byte ranges (entity
//! mentions, differing parts) as styled segments. Unsafe characters become spaces here,
//! so document text never reaches the terminal unsanitised.

use crate::model::text::is_unsafe;
use unicode_width::UnicodeWidthChar;

/// Why a piece of text is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A mention of `Corpus::entities[i]`.
    Mention(usize),
    /// A part that differs from the other side of a comparison.
    Differs,
    /// An interface note inside content ("(not covered)").
    Note,
    /// Hit `i` of the reader's search.
    Hit(usize),
}

/// A run of text with one tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    /// The text (sanitised).
    pub text: String,
    /// Its tag, if any.
    pub tag: Option<Tag>,
}

/// One wrapped line: its segments and the byte offset in the source text where it starts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Wrapped {
    /// The segments, left to right.
    pub segs: Vec<Seg>,
    /// Byte offset of the first character in the source text.
    pub start: usize,
}

/// The display width of a char (0 for combining marks; unsafe chars count as a space).
pub fn char_width(c: char) -> usize {
    if is_unsafe(c) {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// The display width of a string.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Wraps `text` to `width` columns. `tags` are `(start, end, tag)` byte ranges, sorted by
/// start; where they overlap, the first wins. Always returns at least one line.
pub fn wrap(text: &str, width: usize, tags: &[(usize, usize, Tag)]) -> Vec<Wrapped> {
    let width = width.max(1);
    let tag_at = |byte: usize| {
        tags.iter()
            .find(|(s, e, _)| *s <= byte && byte < *e)
            .map(|t| t.2)
    };
    let mut lines: Vec<Wrapped> = Vec::new();
    let mut cur = Wrapped::default();
    let mut cur_w = 0usize;
    // Words, each with the byte offset of the whitespace before it (for the joining
    // space's tag, so a multi-word mention stays one styled run).
    let mut words: Vec<(usize, usize, &str)> = Vec::new();
    let mut gap = 0usize;
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || is_unsafe(c) {
            if let Some(s) = start.take() {
                words.push((gap, s, &text[s..i]));
                gap = i;
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push((gap, s, &text[s..]));
    }
    for (gap, s, word) in words {
        let ww = str_width(word);
        if cur_w > 0 && cur_w + 1 + ww > width {
            lines.push(std::mem::take(&mut cur));
            cur_w = 0;
        }
        if cur_w > 0 {
            let joined = tag_at(gap).filter(|t| tag_at(s) == Some(*t));
            push(&mut cur, ' ', joined);
            cur_w += 1;
        } else {
            cur.start = s;
        }
        for (j, c) in word.char_indices() {
            let cw = char_width(c);
            if cur_w > 0 && cur_w + cw > width {
                lines.push(std::mem::take(&mut cur));
                cur.start = s + j;
                cur_w = 0;
            }
            let shown = if is_unsafe(c) { ' ' } else { c };
            push(&mut cur, shown, tag_at(s + j));
            cur_w += cw;
        }
    }
    if !cur.segs.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

fn push(line: &mut Wrapped, c: char, tag: Option<Tag>) {
    match line.segs.last_mut() {
        Some(seg) if seg.tag == tag => seg.text.push(c),
        _ => line.segs.push(Seg {
            text: c.to_string(),
            tag,
        }),
    }
}

/// Cuts a string to at most `width` columns, adding "…" when it was longer.
pub fn truncate(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s
            .chars()
            .map(|c| if is_unsafe(c) { ' ' } else { c })
            .collect();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw + 1 > width {
            break;
        }
        out.push(if is_unsafe(c) { ' ' } else { c });
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Wrapped]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.segs.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_by_width_and_keeps_tags() {
        let text = "Hoàng Xuân Chiến chaired the conference in Hà Nội";
        let tags = [(0, "Hoàng Xuân Chiến".len(), Tag::Mention(3))];
        let lines = wrap(text, 20, &tags);
        assert_eq!(
            texts(&lines),
            ["Hoàng Xuân Chiến", "chaired the", "conference in Hà Nội"]
        );
        assert_eq!(lines[0].segs.len(), 1);
        assert_eq!(lines[0].segs[0].tag, Some(Tag::Mention(3)));
        assert_eq!(lines[1].start, text.find("chaired").unwrap_or(0));
    }

    #[test]
    fn breaks_long_words_and_wide_chars_without_looping() {
        assert_eq!(texts(&wrap("abcdefgh", 3, &[])), ["abc", "def", "gh"]);
        assert_eq!(texts(&wrap("越南越南", 3, &[])), ["越", "南", "越", "南"]);
        assert_eq!(texts(&wrap("越", 1, &[])), ["越"]);
        assert_eq!(texts(&wrap("", 5, &[])), [""]);
    }

    #[test]
    fn control_chars_never_survive() {
        let lines = wrap("a\u{1b}[31mred\u{7} b", 40, &[]);
        let all: String = texts(&lines).concat();
        assert!(!all.chars().any(is_unsafe), "{all:?}");
        assert_eq!(truncate("x\u{1b}y", 10), "x y");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
