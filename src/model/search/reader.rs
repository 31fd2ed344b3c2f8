//! Search inside one document (the reader's `/`): every occurrence of the query's
//! words and phrases, as byte ranges of the original field text, in reading order.

use super::query::{SearchQuery, Term};
use super::words::Words;
use crate::model::document::{Document, Field};

/// One occurrence of a term in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextHit {
    /// The field it is in.
    pub field: Field,
    /// Its first byte in that field's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Which term of the query it is (index into `SearchQuery::terms`).
    pub term: usize,
}

/// The fields of `doc` in the order the reader shows them: the headline (when the file
/// has one), captions, body paragraphs, then, only when `related`, the related-news
/// titles and texts.
pub fn reading_order(doc: &Document, related: bool) -> Vec<(Field, &str)> {
    let mut out = Vec::with_capacity(doc.body.len() + doc.captions.len() + 1);
    if !doc.title_derived {
        out.push((Field::Title, doc.title.as_str()));
    }
    out.extend(
        doc.captions
            .iter()
            .enumerate()
            .map(|(i, c)| (Field::Caption(i), c)),
    );
    out.extend(
        doc.body
            .iter()
            .enumerate()
            .map(|(i, p)| (Field::Body(i), p)),
    );
    if related {
        for (i, r) in doc.related.iter().enumerate() {
            if let Some(t) = &r.title {
                out.push((Field::RelatedTitle(i), t.as_str()));
            }
            out.push((Field::RelatedText(i), r.text.as_str()));
        }
    }
    out
}

/// Every hit of `query` in `doc`, in reading order (see [`reading_order`]);
/// overlapping hits are merged into one.
pub fn find_in_document(doc: &Document, query: &SearchQuery, related: bool) -> Vec<TextHit> {
    if query.is_empty() {
        return Vec::new();
    }
    let mut words = Words::default();
    let mut out = Vec::new();
    for (field, text) in reading_order(doc, related) {
        words.fill(text);
        out.extend(
            find_in_words(&words, query)
                .into_iter()
                .map(|(start, end, term)| TextHit {
                    field,
                    start,
                    end,
                    term,
                }),
        );
    }
    out
}

/// Every hit of `query` in `text` as (start, end, term), in order, overlaps merged.
pub fn find_in_text(text: &str, query: &SearchQuery) -> Vec<(usize, usize, usize)> {
    find_in_words(&Words::new(text), query)
}

/// Every hit of `query` in already split words, as (start, end, term).
pub fn find_in_words(words: &Words, query: &SearchQuery) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for i in 0..words.len() {
        // The longest term matching here wins (a phrase over one of its words).
        let best = query
            .terms
            .iter()
            .enumerate()
            .filter(|(_, t)| matches_at(words, i, t))
            .max_by_key(|(n, t)| (t.words.len(), usize::MAX - n));
        let Some((term, t)) = best else { continue };
        let start = words.word(i).start as usize;
        let end = words.word(i + t.words.len() - 1).end as usize;
        match out.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end, term)),
        }
    }
    out
}

/// True when `term` occurs at word `i`.
pub(super) fn matches_at(words: &Words, i: usize, term: &Term) -> bool {
    if i + term.words.len() > words.len() {
        return false;
    }
    if term.prefix {
        return words.folded(i).starts_with(term.words[0].as_str());
    }
    term.words
        .iter()
        .enumerate()
        .all(|(k, w)| words.folded(i + k) == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits<'a>(text: &'a str, q: &str) -> Vec<&'a str> {
        find_in_text(text, &SearchQuery::parse(q))
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn finds_whole_words_only_ignoring_case_and_diacritics() {
        let t = "Defence, defences and DEFENCE; the Ministry of Défence (defense).";
        assert_eq!(hits(t, "defence"), ["Defence", "DEFENCE", "Défence"]);
        assert_eq!(hits(t, "DÉFENCE"), ["Defence", "DEFENCE", "Défence"]);
        assert_eq!(
            hits(t, "defen*"),
            ["Defence", "defences", "DEFENCE", "Défence", "defense"]
        );
        assert!(hits(t, "fence").is_empty());
    }

    #[test]
    fn phrases_need_the_words_in_a_row() {
        let t = "Young border guard officers met; the guard of the border stood by.";
        assert_eq!(hits(t, "\"border guard\""), ["border guard"]);
        assert_eq!(
            hits(t, "border guard"),
            ["border", "guard", "guard", "border"]
        );
        assert_eq!(
            hits("Hội nghị Quốc phòng", "\"quoc phong\""),
            ["Quốc phòng"]
        );
        assert_eq!(hits("a Level-2 field hospital", "level-2"), ["Level-2"]);
    }

    #[test]
    fn searches_fields_in_reading_order_and_related_only_when_asked() {
        let doc = Document {
            title: "Border talks".into(),
            captions: vec!["A border post.".into()].into(),
            body: vec!["No match here.".into(), "The border was calm.".into()].into(),
            related: vec![crate::model::RelatedItem {
                title: Some("Other border news".into()),
                text: "More border text.".into(),
                captions: Vec::new(),
            }],
            ..Document::default()
        };
        let q = SearchQuery::parse("border");
        let fields: Vec<Field> = find_in_document(&doc, &q, false)
            .iter()
            .map(|h| h.field)
            .collect();
        assert_eq!(fields, [Field::Title, Field::Caption(0), Field::Body(1)]);
        let with = find_in_document(&doc, &q, true);
        assert_eq!(with.len(), 5);
        let h = with[2];
        assert_eq!(&doc.text(h.field)[h.start..h.end], "border");
        assert!(find_in_document(&doc, &SearchQuery::parse(""), true).is_empty());
    }
}
