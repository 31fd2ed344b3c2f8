//! The end of the article (end marks "./.", a lone agency line, "— VNS", credit lines,
//! bylines) and the related-news tail after it.

use super::captions;
use super::lexicon::{Lexicon, starts_with_ignore_case};
use super::measure::more_words_than;
use super::pieces::Piece;
use super::title;
use crate::model::document::RelatedItem;

/// Longest credit line or byline, in words.
const MAX_CREDIT_WORDS: usize = 10;
/// Longest closing line that is an outlet's credit alone ("VNS/VNA"), in bytes.
const MAX_LONE_CREDIT: usize = 24;

/// Where the article ends and what its end said.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct End {
    /// Pieces before this index are the article.
    pub body_end: usize,
    /// Pieces from this index on are the related-news tail.
    pub tail_start: usize,
    /// The outlet named by an end mark ("./." has none; "— VNS", a lone "VNA" line,
    /// "Source: VNS"), with the words that named it.
    pub mark_outlet: Option<(String, String)>,
    /// The credit line or byline that ended the article.
    pub byline: Option<String>,
}

/// What one paragraph says about the end of the article.
enum Mark {
    /// The paragraph ends the article and keeps its text (the mark removed), with the
    /// outlet and the mark that named it.
    Last(String, Option<(String, String)>),
    /// The paragraph is an end line of its own ("VNA", "Translated by …").
    Line {
        outlet: Option<(String, String)>,
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
    if let Mark::Line { outlet, byline } = line {
        end.mark_outlet = end.mark_outlet.take().or(outlet);
        end.byline = end.byline.take().or(byline);
    }
}

fn mark(t: &str, seen_text: bool, lex: &Lexicon) -> Option<Mark> {
    if let Some(text) = t.strip_suffix("/.").filter(|s| s.ends_with('.')) {
        return Some(Mark::Last(text.to_owned(), None));
    }
    if let Some((text, outlet, mark)) = dash_agency(t, lex) {
        let named = (
            outlet,
            format!("closing credit '{mark}' after the last paragraph"),
        );
        return Some(Mark::Last(text.to_owned(), Some(named)));
    }
    if !seen_text {
        return None;
    }
    let outlet = lone_credit(t, lex)
        .map(|o| (o, format!("closing line '{t}'")))
        .or_else(|| {
            captions::source_line_outlet(t, lex).map(|o| (o, format!("source line '{t}'")))
        });
    if outlet.is_some() {
        return Some(Mark::Line {
            outlet,
            byline: None,
        });
    }
    (is_credit_line(t, lex) || is_byline(t, lex)).then(|| Mark::Line {
        outlet: None,
        byline: Some(t.to_owned()),
    })
}

/// The outlet of a line that is an outlet's credit alone ("VNS/VNA", "(Tuoi Tre News)").
pub fn lone_credit(t: &str, lex: &Lexicon) -> Option<String> {
    let lone = t.trim_matches(['(', ')', ' ', '-', '–', '—']);
    lex.outlets
        .credit(lone)
        .filter(|_| lone.len() <= MAX_LONE_CREDIT)
}

/// "… impact. — VNS", "… he said.-VNS/VNA": the text before the dash, the outlet and
/// the credit as written.
fn dash_agency<'a>(t: &'a str, lex: &Lexicon) -> Option<(&'a str, String, &'a str)> {
    // The agency code is the last word: look at the end of the line only.
    let end = t.len().saturating_sub(24);
    let end = (end..t.len())
        .find(|&i| t.is_char_boundary(i))
        .unwrap_or(t.len());
    let dash = end + t[end..].rfind(['—', '–', '-'])?;
    let credit = t[dash..].trim_start_matches(['—', '–', '-']).trim();
    let outlet = lex.outlets.credit(credit)?;
    let text = t[..dash].trim_end();
    let spaced = text.len() < dash || text.ends_with(['.', '!', '?', '"', '”']);
    (spaced && !text.is_empty()).then_some((text, outlet, credit))
}

/// A credit line ("Translated by Tran Hoai"): it names a person, never an outlet.
fn is_credit_line(t: &str, lex: &Lexicon) -> bool {
    lex.markers
        .credit_lines
        .iter()
        .any(|prefix| starts_with_ignore_case(t, prefix) && t.len() > prefix.len())
        && !more_words_than(t, MAX_CREDIT_WORDS)
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
        assert_eq!(end.mark_outlet.map(|o| o.0).as_deref(), Some("VNA"));
        assert_eq!(p[1], text("Last paragraph."));
    }

    #[test]
    fn dash_agency_credit_line_and_byline() {
        let mut p = vec![text("Text."), text("It ended. — VNS"), Piece::Debris];
        let end = end_of(&mut p);
        let outlet = end.mark_outlet.clone().map(|o| o.0);
        assert_eq!((end.body_end, outlet.as_deref()), (2, Some("VNS")));
        assert_eq!(p[1], text("It ended."));

        let mut p = vec![text("Text."), text("Growth slowed, he said.-VNS/VNA")];
        let end = end_of(&mut p);
        assert_eq!(end.mark_outlet.map(|o| o.0).as_deref(), Some("VNS/VNA"));
        assert_eq!(p[1], text("Growth slowed, he said."));

        let mut p = vec![text("Text."), text("Source: VNS")];
        let end = end_of(&mut p);
        assert_eq!(end.mark_outlet.map(|o| o.0).as_deref(), Some("VNS"));

        // A translator is a person, not an outlet.
        let mut p = vec![text("Text."), text("Translated by Tran Hoai")];
        let end = end_of(&mut p);
        assert_eq!(end.body_end, 1);
        assert_eq!(end.mark_outlet, None);
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
