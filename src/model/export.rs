//! The JSON shape of `dossier export`, which scripts rely on.

use super::corpus::Corpus;
use super::document::Document;
use super::entity::{EntityJson, Mention};
use super::event::EventJson;
use super::source::Problem;
use super::text::is_unsafe;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// The whole model as exported.
#[derive(Debug, Serialize)]
pub struct Export<'a> {
    /// Every document with its entity mentions.
    pub documents: Vec<DocumentExport<'a>>,
    /// Every entity.
    pub entities: Vec<EntityJson<'a>>,
    /// The event timeline.
    pub events: Vec<EventJson<'a>>,
    /// Files skipped or repaired while loading.
    pub problems: &'a [Problem],
}

/// A document plus its entities.
#[derive(Debug, Serialize)]
pub struct DocumentExport<'a> {
    /// The document's own fields.
    #[serde(flatten)]
    pub document: &'a Document,
    /// Entities mentioned in the main article and its captions.
    pub entities: Vec<DocumentEntity<'a>>,
    /// Entities mentioned only in the related-news tail, kept apart.
    pub related_entities: Vec<DocumentEntity<'a>>,
}

/// One entity's mentions in one document.
#[derive(Debug, Serialize)]
pub struct DocumentEntity<'a> {
    /// The entity id.
    pub id: &'a str,
    /// Where it is mentioned.
    pub mentions: Vec<&'a Mention>,
}

/// Groups a document's mentions by entity, main text apart from the related tail.
pub fn document_entities<'a>(
    corpus: &'a Corpus,
    doc: usize,
    related: bool,
) -> Vec<DocumentEntity<'a>> {
    let mut out: Vec<DocumentEntity<'a>> = Vec::new();
    let Some(mentions) = corpus.mentions.get(doc) else {
        return out;
    };
    for m in mentions
        .iter()
        .filter(|m| m.field().is_related() == related)
    {
        let Some(e) = corpus.entities.get(m.entity()) else {
            continue;
        };
        match out.iter_mut().find(|d| d.id == e.id) {
            Some(d) => d.mentions.push(m),
            None => out.push(DocumentEntity {
                id: &e.id,
                mentions: vec![m],
            }),
        }
    }
    out
}

/// Builds the export view of a corpus.
pub fn export(corpus: &Corpus) -> Export<'_> {
    let documents = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, document)| DocumentExport {
            document,
            entities: document_entities(corpus, i, false),
            related_entities: document_entities(corpus, i, true),
        })
        .collect();
    Export {
        documents,
        entities: corpus
            .entities
            .iter()
            .map(|e| e.json(&corpus.documents))
            .collect(),
        events: corpus
            .events
            .iter()
            .map(|e| e.json(&corpus.documents, &corpus.entities))
            .collect(),
        problems: &corpus.problems,
    }
}

/// Writes `value` as pretty JSON in which every character [`is_unsafe`] finds (C1
/// controls, DEL, bidi and other format characters, which serde_json leaves raw) is a
/// `\uXXXX` escape, so a JSON document piped to a terminal cannot drive it. The output
/// stays valid JSON and decodes to the same strings.
pub fn write_json<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> serde_json::Result<()> {
    let formatter = Escaping(serde_json::ser::PrettyFormatter::new());
    let mut ser = serde_json::Serializer::with_formatter(writer, formatter);
    value.serialize(&mut ser)
}

/// A pretty formatter that also escapes unsafe characters inside strings.
struct Escaping<'a>(serde_json::ser::PrettyFormatter<'a>);

impl Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in s.char_indices().filter(|&(_, c)| is_unsafe(c)) {
            w.write_all(&s.as_bytes()[start..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            start = i + c.len_utf8();
        }
        w.write_all(&s.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_c1_bidi_and_format_characters() {
        let hostile = "a\u{9b}31m\u{202e}\u{61c}\u{2066}\u{200b}\u{7f}\u{1b}]0;t\u{7}\u{e0041}é–z";
        let mut buf = Vec::new();
        write_json(
            &mut buf,
            &serde_json::json!({ "id": hostile, "list": [hostile] }),
        )
        .unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
        assert!(text.contains(r"a\u009b31m\u202e\u061c\u2066\u200b\u007f\u001b]0;t\u0007"));
        assert!(text.contains(r"\udb40\udc41é–z"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["id"], hostile, "escapes decode to the same string");
        assert_eq!(back["list"][0], hostile);
        assert!(
            text.contains("\n  \"list\": [\n    \""),
            "still pretty: {text}"
        );
    }
}
