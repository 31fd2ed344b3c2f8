//! The end of the article (end marks "./.", a lone agency line, "— VNS", credit lines,
//! bylines) and the related-news tail after it.

use super::lexicon::{Lexicon, starts_with_ignore_case};
use super::measure::more_words_than;
use super::pieces::Piece;
use super::title;
use crate::model::document::RelatedItem;

/// Longest credit line or byline, in words.
const MAX_CREDIT_WORDS: usize = 10;

/// Where the article ends and what its end said.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct End {
    /// Pieces before this index are the article.
    pub body_end: usize,
    /// Pieces from this index on are the related-news tail.
    pub tail_start: usize,
    /// The outlet named by an end mark ("./." has none; "— VNS", a lone "VNA" line).
    pub mark_outlet: Option<String>,
    /// The outlet a credit line stands for ("Translated by …" → QDND).
    pub credit_outlet: Option<String>,
    /// The credit line or byline that ended the article.
    pub byline: Option<String>,
}

/// What one paragraph says about the end of the article.
enum Mark {
    /// The paragraph ends the article and keeps its text (the mark removed).
    Last(String, Option<String>),
    /// The paragraph is an end line of its own ("VNA", "Translated by …").
    Line {
        outlet: Option<String>,
        credit: Option<String>,
        byline: Option<String>,
    },
}

/// Finds the end of the article in `pieces` (from `start`), removing end marks from the
/// last paragraph. Without an end mark, a tail marker ("See more") ends it.
pub fn find_end(pieces: &mut [Piece], start: usize, lex: &Lexicon) -> End {
    let mut end = End {
        body_end: pieces.len(),
        tail_start: pieces.len(),
        ..End::default()
    };
    let mut seen_text = false;
    let mut i = start;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::TailMarker => {
                end.body_end = i;
                end.tail_start = i;
                break;
            }
            Piece::Text(t) => match mark(t, seen_text, lex) {
                Some(Mark::Last(text, outlet)) => {
                    pieces[i] = Piece::Text(text);
                    end.mark_outlet = outlet;
                    end.body_end = i + 1;
                    end.tail_start = i + 1;
                    break;
                }
                Some(line) => {
                    end.body_end = i;
                    end.tail_start = i;
                    record(&mut end, line);
                    break;
                }
                None => seen_text = true,
            },
            _ => {}
        }
        i += 1;
    }
    // End lines, chrome and tail markers right after the end belong to no item.
    while let Some(piece) = pieces.get(end.tail_start) {
        match piece {
            Piece::Debris | Piece::TailMarker => {}
            Piece::Text(t) => match mark(t, true, lex) {
                Some(line @ Mark::Line { .. }) => record(&mut end, line),
                _ => break,
            },
            Piece::Caption(_) => break,
        }
        pieces[end.tail_start] = Piece::Debris;
        end.tail_start += 1;
    }
    end
}

fn record(end: &mut End, line: Mark) {
    if let Mark::Line {
        outlet,
        credit,
        byline,
    } = line
    {
        end.mark_outlet = end.mark_outlet.take().or(outlet);
        end.credit_outlet = end.credit_outlet.take().or(credit);
        end.byline = end.byline.take().or(byline);
    }
}

fn mark(t: &str, seen_text: bool, lex: &Lexicon) -> Option<Mark> {
    if let Some(text) = t.strip_suffix("/.").filter(|s| s.ends_with('.')) {
        return Some(Mark::Last(text.to_owned(), None));
    }
    if let Some((text, outlet)) = dash_agency(t, lex) {
        return Some(Mark::Last(text.to_owned(), Some(outlet.to_owned())));
    }
    if !seen_text {
        return None;
    }
    if let Some(outlet) = lex.agency(t.trim_matches(['(', ')', ' '])) {
        return Some(Mark::Line {
            outlet: Some(outlet.to_owned()),
            credit: None,
            byline: None,
        });
    }
    if let Some(credit) = credit_line(t, lex) {
        return Some(Mark::Line {
            outlet: None,
            credit: credit.map(str::to_owned),
            byline: Some(t.to_owned()),
        });
    }
    is_byline(t, lex).then(|| Mark::Line {
        outlet: None,
        credit: None,
        byline: Some(t.to_owned()),
    })
}

/// "… impact. — VNS": the text before the dash and the outlet.
fn dash_agency<'a>(t: &'a str, lex: &'a Lexicon) -> Option<(&'a str, &'a str)> {
    // The agency code is the last word: look at the end of the line only.
    let end = t.len().saturating_sub(16);
    let end = (end..t.len())
        .find(|&i| t.is_char_boundary(i))
        .unwrap_or(t.len());
    let dash = end + t[end..].rfind(['—', '–', '-'])?;
    let outlet = lex.agency(t[dash..].trim_start_matches(['—', '–', '-']).trim())?;
    let text = t[..dash].trim_end();
    let spaced = text.len() < dash || text.ends_with(['.', '!', '?', '"', '”']);
    (spaced && !text.is_empty()).then_some((text, outlet))
}

/// A credit line ("Translated by Tran Hoai") and the outlet it stands for.
fn credit_line<'a>(t: &str, lex: &'a Lexicon) -> Option<Option<&'a str>> {
    lex.markers
        .credit_lines
        .iter()
        .find(|(prefix, _)| starts_with_ignore_case(t, prefix) && t.len() > prefix.len())
        .filter(|_| !more_words_than(t, MAX_CREDIT_WORDS))
        .map(|(_, outlet)| Some(outlet.as_str()).filter(|o| !o.is_empty()))
}

/// A byline: "By" and a name ("By Thanh Ha", "Written by Nguyen Van A and Tran B").
pub fn is_byline(t: &str, lex: &Lexicon) -> bool {
    lex.markers.byline_prefixes.iter().any(|p| {
        starts_with_ignore_case(t, p)
            && t[p.len()..].starts_with(' ')
            && t[p.len()..]
                .trim_start()
                .starts_with(|c: char| c.is_uppercase())
    }) && !t.ends_with(['.', ',', ';', ':'])
        && !more_words_than(t, MAX_CREDIT_WORDS)
}

/// Related-news items from the tail: [captions] + headline + text paragraph(s); a text
/// with no headline before it is an item of its own. Captions go to their item.
pub fn related(tail: Vec<Piece>) -> Vec<RelatedItem> {
    let mut items: Vec<RelatedItem> = Vec::new();
    let mut captions: Vec<String> = Vec::new();
    // Whether the last item has a headline and may take more text.
    let mut open = false;
    for piece in tail {
        match piece {
            Piece::Caption(c) => captions.push(c),
            Piece::Text(t) if title::is_headline(&t) => {
                items.push(RelatedItem {
                    title: Some(t),
                    text: String::new(),
                    captions: std::mem::take(&mut captions),
                });
                open = true;
            }
            Piece::Text(t) => match items.last_mut() {
                Some(item) if open => {
                    if !item.text.is_empty() {
                        item.text.push('\n');
                    }
                    item.text.push_str(&t);
                    item.captions.append(&mut captions);
                }
                _ => items.push(RelatedItem {
                    title: None,
                    text: t,
                    captions: std::mem::take(&mut captions),
                }),
            },
            Piece::TailMarker | Piece::Debris => {}
        }
    }
    if let Some(last) = items.last_mut() {
        last.captions.append(&mut captions);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Piece {
        Piece::Text(s.to_owned())
    }

    fn end_of(pieces: &mut [Piece]) -> End {
        find_end(pieces, 0, Lexicon::embedded())
    }

    #[test]
    fn vna_end_mark_then_agency_line_and_see_more() {
        let mut p = vec![
            text("First."),
            text("Last paragraph./."),
            text("VNA"),
            Piece::TailMarker,
            text("Related headline"),
        ];
        let end = end_of(&mut p);
        assert_eq!((end.body_end, end.tail_start), (2, 4));
        assert_eq!(end.mark_outlet.as_deref(), Some("VNA"));
        assert_eq!(p[1], text("Last paragraph."));
    }

    #[test]
    fn dash_agency_credit_line_and_byline() {
        let mut p = vec![text("Text."), text("It ended. — VNS"), Piece::Debris];
        let end = end_of(&mut p);
        assert_eq!((end.body_end, end.mark_outlet.as_deref()), (2, Some("VNS")));
        assert_eq!(p[1], text("It ended."));

        let mut p = vec![text("Text."), text("Translated by Tran Hoai")];
        let end = end_of(&mut p);
        assert_eq!(end.body_end, 1);
        assert_eq!(end.credit_outlet.as_deref(), Some("QDND"));
        assert_eq!(end.byline.as_deref(), Some("Translated by Tran Hoai"));

        let mut p = vec![
            text("Text."),
            text("By Thanh Ha"),
            text("Other story lede."),
        ];
        let end = end_of(&mut p);
        assert_eq!((end.body_end, end.tail_start), (1, 2));
        assert_eq!(end.byline.as_deref(), Some("By Thanh Ha"));
    }

    #[test]
    fn no_end_mark_tail_marker_or_nothing() {
        let mut p = vec![text("A."), text("B."), Piece::TailMarker, text("C.")];
        assert_eq!(end_of(&mut p).body_end, 2);
        let mut p = vec![text("A."), text("By 2030, the navy will grow.")];
        let end = end_of(&mut p);
        assert_eq!((end.body_end, end.tail_start), (2, 2));
        assert_eq!(end.byline, None);
    }

    #[test]
    fn hyphenated_words_are_not_end_marks() {
        let mut p = vec![text("Ties with the pro-VNA camp"), text("More.")];
        assert_eq!(end_of(&mut p).body_end, 2);
    }

    #[test]
    fn related_items_with_and_without_headlines() {
        let tail = vec![
            Piece::Caption("A photo (Photo: VNA)".into()),
            text("PM directs tasks to boost growth"),
            text("The PM urged ministers to act."),
            text("Another headline here"),
            text("Its lede."),
            text("Its second paragraph."),
        ];
        let items = related(tail);
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0].title.as_deref(),
            Some("PM directs tasks to boost growth")
        );
        assert_eq!(items[0].captions, ["A photo (Photo: VNA)"]);
        assert_eq!(items[1].text, "Its lede.\nIts second paragraph.");

        let ledes = related(vec![
            text("One full sentence."),
            text("Another full sentence."),
        ]);
        assert_eq!(ledes.len(), 2);
        assert!(ledes.iter().all(|i| i.title.is_none()));
    }
}
