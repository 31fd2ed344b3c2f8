//! Paragraphs classified: article text, captions, tail markers and debris.

use super::captions::{self, MAX_MARKED_CAPTION_WORDS};
use super::debris;
use super::header;
use super::lexicon::Lexicon;
use super::measure::more_words_than;

/// One paragraph of a file, classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text (article, header or related-news text).
    Text(String),
    /// A photo caption.
    Caption(String),
    /// A line that starts a related-news tail ("See more").
    TailMarker,
    /// Layout debris and web chrome, or a line already used up.
    Debris,
}

impl Piece {
    /// The text of a `Text` piece.
    pub fn text(&self) -> Option<&str> {
        match self {
            Piece::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// Paragraphs at the top of a file where a date line may be glued to text.
const HEADER_PARAGRAPHS: usize = 4;

/// Classifies paragraphs. Stray symbols are dropped from paragraph starts; the short
/// line after a layout marker ("leftcenterrightdel") is a caption; a date line or a
/// caption glued before text becomes a piece of its own.
pub fn classify(paras: Vec<String>, lex: &Lexicon) -> Vec<Piece> {
    let mut out = Vec::with_capacity(paras.len());
    let mut after_marker = false;
    for (i, para) in paras.into_iter().enumerate() {
        let mut line = debris::strip_stray(&para);
        if i < HEADER_PARAGRAPHS
            && let Some((stamp, rest)) = header::split_stamp(line)
        {
            out.push(Piece::Text(stamp.to_owned()));
            line = rest;
        }
        let marked = lex.layout_marker(line).map(str::len);
        if let Some(len) = marked {
            // The marker may be glued to the caption it stands before.
            line = debris::strip_stray(line[len..].trim_start());
            out.push(Piece::Debris);
            after_marker = true;
            if line.is_empty() {
                continue;
            }
        }
        if let Some(caption) = debris::after_image_label(line, &lex.markers.inline_image_marker) {
            // "<headline> ảnh 1<caption>": the alt text repeats the headline.
            out.push(Piece::Debris);
            line = caption;
        }
        while let Some((caption, rest)) = captions::split_glued_caption(line, lex) {
            out.push(Piece::Caption(caption.to_owned()));
            line = rest;
        }
        line = lex.strip_debris_suffix(line);
        out.push(match piece(line, after_marker, lex) {
            Some(piece) => piece,
            // A paragraph kept whole (most are) is moved into its piece, not copied.
            None if line.len() == para.len() => Piece::Text(para),
            None => Piece::Text(line.to_owned()),
        });
        after_marker = false;
    }
    out
}

/// One paragraph (`line`) classified; `None` for text, which the caller takes as it is.
fn piece(line: &str, after_marker: bool, lex: &Lexicon) -> Option<Piece> {
    Some(if !debris::has_content(line) || lex.is_debris_line(line) {
        Piece::Debris
    } else if lex.is_tail_marker(line) {
        Piece::TailMarker
    } else if let Some(c) = captions::caption(line, lex) {
        Piece::Caption(c)
    } else if after_marker && !more_words_than(line, MAX_MARKED_CAPTION_WORDS) {
        Piece::Caption(line.to_owned())
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(lines: &[&str]) -> Vec<Piece> {
        classify(
            lines.iter().map(|s| s.to_string()).collect(),
            Lexicon::embedded(),
        )
    }

    #[test]
    fn classifies_markers_captions_and_text() {
        let got = kinds(&[
            "leftcenterrightdel",
            "Delegates at the conference",
            "The online event was attended by the deputy minister.",
            "|",
            "A view of the event |",
            "See more",
            "E-paper",
            "💮 In addition, units trained.",
        ]);
        assert_eq!(
            got,
            [
                Piece::Debris,
                Piece::Caption("Delegates at the conference".into()),
                Piece::Text("The online event was attended by the deputy minister.".into()),
                Piece::Debris,
                Piece::Caption("A view of the event".into()),
                Piece::TailMarker,
                Piece::Debris,
                Piece::Text("In addition, units trained.".into()),
            ]
        );
    }

    #[test]
    fn glued_date_lines_image_labels_and_captions_come_apart() {
        let got = kinds(&[
            " date 2024-03-02 Navy ships visit Da Nang",
            "Navy ships visit Da Nang ảnh 1Sailors on deck (Photo: VNA)",
            "Sailors at the port. (Photo: VNA)Da Nang (VNA) – Two ships docked on Monday.",
            "The visit ends on Friday… Read full story",
        ]);
        assert_eq!(
            got,
            [
                Piece::Text("date 2024-03-02".into()),
                Piece::Text("Navy ships visit Da Nang".into()),
                Piece::Debris,
                Piece::Caption("Sailors on deck (Photo: VNA)".into()),
                Piece::Caption("Sailors at the port. (Photo: VNA)".into()),
                Piece::Text("Da Nang (VNA) – Two ships docked on Monday.".into()),
                Piece::Text("The visit ends on Friday…".into()),
            ]
        );
    }

    #[test]
    fn glued_marker_and_long_line_after_marker() {
        let long = "The conference affirmed that foreign relations activities in border areas continued to \
                    be a spotlight, contributing to strengthening cooperation, friendship and trust with \
                    neighbouring countries.";
        let got = kinds(&[
            "leftcenterrightdelOfficers at the ceremony",
            "leftcenterrightdel",
            long,
        ]);
        assert_eq!(
            got,
            [
                Piece::Debris,
                Piece::Caption("Officers at the ceremony".into()),
                Piece::Debris,
                Piece::Text(long.into()),
            ]
        );
    }
}
