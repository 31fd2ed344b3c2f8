//! Cleaning: raw scraped text → a `Document` with clean body, captions, related items.
//! (Placeholder: splits paragraphs on blank lines; the full rules replace it.)

use super::document::Document;

/// Word lists and other embedded data the cleaner needs.
#[derive(Debug, Default)]
pub struct Lexicon;

impl Lexicon {
    /// The lexicon built from the files in assets/.
    pub fn embedded() -> &'static Lexicon {
        static L: Lexicon = Lexicon;
        &L
    }
}

/// Word counts over the whole corpus, used to tell real words from glued ones.
#[derive(Debug, Default)]
pub struct Vocabulary;

impl Vocabulary {
    /// Counts the words of every raw text.
    pub fn from_texts<'a>(_texts: impl Iterator<Item = &'a str>) -> Vocabulary {
        Vocabulary
    }
}

/// A cleaned document plus header lines kept for the metadata pass.
#[derive(Debug, Default)]
pub struct Cleaned {
    /// The document, with text fields filled and metadata left empty.
    pub doc: Document,
    /// Lines removed from the header that look like timestamps ("December 18, 2025 - 18:01").
    pub stamps: Vec<String>,
}

/// Cleans one raw file.
pub fn clean(raw: &str, _lex: &Lexicon, _vocab: &Vocabulary) -> Cleaned {
    let body: Vec<String> = raw
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let title = body.first().cloned().unwrap_or_default();
    Cleaned {
        doc: Document {
            title,
            body,
            ..Document::default()
        },
        stamps: Vec::new(),
    }
}
