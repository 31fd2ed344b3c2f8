//! Metadata: publication date, event date, period and kind of a cleaned document.
//! (Placeholder: the full rules replace it.)

use super::document::Document;

/// Fills `published`, `event_date`, `period` and `kind` from the document's text.
pub fn annotate(_doc: &mut Document, _stamps: &[String]) {}
