//! The checks the fuzz targets run, in a library so that a stable `cargo test` in this
//! folder runs them too (on the seeds and a few hostile inputs), without libFuzzer.

use dossier::model::Corpus;
use dossier::model::export::{export, write_json};
use dossier::model::source::{RawFile, decode};
use dossier::model::text::is_unsafe;

/// Loads `data` as one corpus file (decoding and its limits, cleaning, metadata,
/// entities, events) and exports it, checking what must hold for any input: no panic,
/// every mention's byte range inside its field's text on character boundaries, and
/// valid JSON free of the characters the sanitiser stops.
pub fn check_loader(data: &[u8]) {
    let Ok((text, warnings)) = decode(data) else {
        return;
    };
    let file = RawFile {
        id: "fuzz".into(),
        path: "fuzz.txt".into(),
        text,
        warnings,
        stamp: None,
    };
    let corpus = Corpus::build(vec![file], Vec::new());
    for (doc, mentions) in corpus.documents.iter().zip(&corpus.mentions) {
        for m in mentions {
            let field = doc.text(m.field());
            assert!(
                m.start() <= m.end() && field.get(m.range()).is_some(),
                "mention {m:?} outside its field {field:?}"
            );
        }
    }
    let mut json = Vec::new();
    write_json(&mut json, &export(&corpus)).expect("JSON into memory");
    let json = String::from_utf8(json).expect("JSON is UTF-8");
    assert!(
        !json.chars().any(|c| is_unsafe(c) && c != '\n'),
        "a raw unsafe character in the JSON"
    );
    serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
}

#[cfg(test)]
mod tests {
    use super::check_loader;

    #[test]
    fn the_seeds_and_hostile_inputs_pass() {
        let (files, _) = dossier::model::source::seeds();
        for f in &files {
            check_loader(f.text.as_bytes());
        }
        for input in [
            &b""[..],
            b"\xef\xbb\xbf",
            b"\x00\x01\x02",
            b"\x0b\x0c\n",
            "Title \u{1b}]52;c;aGk=\u{7}\n\nHanoi (VNA) \u{9b}2J \u{202e}Gen. Tran Van A met U.N. staff./.\n"
                .as_bytes(),
            b"\xff\xfe\xfdA\nB\rC\r\n",
        ] {
            check_loader(input);
        }
    }
}
