//! Normalised text → paragraphs. Files either separate paragraphs with blank lines or
//! put one paragraph per line; hard-wrapped lines (e.g. Markdown at ~72 columns) are
//! joined back into their paragraph.

use super::lexicon::Lexicon;
use super::measure::ends_sentence;

/// Widest line of a hard-wrapped block; longer lines are whole paragraphs.
const WRAP_MAX: usize = 100;
/// Narrowest wrapping width recognised; blocks of shorter lines are lists, not prose.
const WRAP_MIN: usize = 50;
/// How much shorter than the block's widest line a wrapped (non-final) line may be.
const WRAP_SLACK: usize = 25;

/// The paragraphs of normalised text, in order; every non-empty line is a paragraph
/// unless it continues a hard-wrapped one.
pub fn paragraphs(text: &str, lex: &Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        let line = strip_heading(line);
        if line.is_empty() {
            flush(&mut block, lex, &mut out);
        } else {
            block.push(line);
        }
    }
    flush(&mut block, lex, &mut out);
    out
}

/// Markdown heading marks are syntax, not text.
fn strip_heading(line: &str) -> &str {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        line[hashes..].trim_start()
    } else {
        line
    }
}

fn flush(block: &mut Vec<&str>, lex: &Lexicon, out: &mut Vec<String>) {
    let wrapped = is_wrapped(block, lex);
    let mut current: Option<String> = None;
    for (i, &line) in block.iter().enumerate() {
        let joins = i > 0 && {
            let prev = block[i - 1];
            (wrapped || (!ends_sentence(prev) && starts_lowercase(line)))
                && !is_structural(prev, lex)
                && !is_structural(line, lex)
        };
        match (&mut current, joins) {
            (Some(p), true) => {
                p.push(' ');
                p.push_str(line);
            }
            _ => {
                out.extend(current.take());
                current = Some(line.to_owned());
            }
        }
    }
    out.extend(current);
    block.clear();
}

/// A block reads as hard-wrapped prose: several lines of similar width, no wider than
/// `WRAP_MAX`, most of them ending mid-sentence.
fn is_wrapped(block: &[&str], lex: &Lexicon) -> bool {
    let Some((_, body)) = block.split_last() else {
        return false;
    };
    if body.is_empty() {
        return false;
    }
    let widths: Vec<usize> = block.iter().map(|l| l.chars().count()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    let mid_sentence = body.iter().filter(|l| !ends_sentence(l)).count();
    (WRAP_MIN..=WRAP_MAX).contains(&widest)
        && widths[..body.len()]
            .iter()
            .all(|&w| w + WRAP_SLACK >= widest)
        && mid_sentence * 2 >= body.len()
        && !block.iter().any(|l| is_structural(l, lex))
}

/// Lines that are never part of a paragraph: chrome, markers, captions, timestamps.
fn is_structural(line: &str, lex: &Lexicon) -> bool {
    line.ends_with('|')
        || super::title::is_stamp(line)
        || lex.layout_marker(line).is_some()
        || lex.is_debris_line(line)
        || lex.is_tail_marker(line)
        || super::captions::caption(line, lex).is_some()
}

fn starts_lowercase(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(t: &str) -> Vec<String> {
        paragraphs(t, Lexicon::embedded())
    }

    #[test]
    fn one_paragraph_per_line_or_per_block() {
        assert_eq!(paras("One.\nTwo.\n\nThree."), ["One.", "Two.", "Three."]);
        assert_eq!(paras("\n\nOnly\n\n"), ["Only"]);
        assert!(paras("").is_empty());
    }

    #[test]
    fn joins_a_line_continued_in_lowercase() {
        assert_eq!(
            paras("The delegation of the\nministry arrived in Vientiane.\nA new paragraph."),
            [
                "The delegation of the ministry arrived in Vientiane.",
                "A new paragraph."
            ]
        );
    }

    #[test]
    fn joins_hard_wrapped_markdown() {
        let md = "# Navy hosts a regional exercise\n\n\
                  The Royal Thai Navy hosted the exercise off Sattahip on May 5, with\n\
                  ships from Vietnam, Malaysia and Indonesia. Officers from the\n\
                  Philippines joined as observers for the first time.\n\n\
                  The drill ended on Friday.";
        assert_eq!(
            paras(md),
            [
                "Navy hosts a regional exercise",
                "The Royal Thai Navy hosted the exercise off Sattahip on May 5, with ships from \
                 Vietnam, Malaysia and Indonesia. Officers from the Philippines joined as observers \
                 for the first time.",
                "The drill ended on Friday."
            ]
        );
    }

    #[test]
    fn never_joins_markers_or_table_rows() {
        assert_eq!(
            paras("leftcenterrightdel\nofficers at the ceremony\nA caption row |\nand text"),
            [
                "leftcenterrightdel",
                "officers at the ceremony",
                "A caption row |",
                "and text"
            ]
        );
    }

    #[test]
    fn repeated_captions_stay_apart() {
        let cap = "Officers of the two navies at the welcome ceremony in Da Nang (Photo: VNA)";
        assert_eq!(paras(&format!("{cap}\n{cap}")), [cap, cap]);
    }

    #[test]
    fn short_sentence_lines_stay_apart() {
        let t = "Ministers met in Jakarta on Monday.\nThey signed two agreements on training.\n\
                 The next meeting is due in 2027.";
        assert_eq!(paras(t).len(), 3);
    }
}
