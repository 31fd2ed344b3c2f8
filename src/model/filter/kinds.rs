//! The kind of an event (peacekeeping, border exchange, multilateral forum, review, …),
//! derived from its name and series with the cue phrases of `assets/event_kinds.json`.

use crate::model::event::Event;
use crate::model::search::words::folded_words;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct KindsFile {
    kinds: Vec<KindCues>,
}

#[derive(Deserialize)]
struct KindCues {
    kind: String,
    cues: Vec<String>,
}

/// A kind and its cues as folded words.
struct Kind {
    label: String,
    cues: Vec<Vec<String>>,
}

fn kinds() -> &'static [Kind] {
    static KINDS: OnceLock<Vec<Kind>> = OnceLock::new();
    KINDS.get_or_init(|| {
        let file: KindsFile =
            serde_json::from_str(include_str!("../../../assets/event_kinds.json"))
                .expect("assets/event_kinds.json is valid (checked by a test)");
        file.kinds
            .into_iter()
            .map(|k| Kind {
                label: k.kind,
                cues: k
                    .cues
                    .iter()
                    .map(|c| folded_words(c))
                    .filter(|c| !c.is_empty())
                    .collect(),
            })
            .collect()
    })
}

/// The kinds whose cues occur (as whole words, in a row) in `text`, in file order.
pub fn kinds_of_text(text: &str) -> Vec<&'static str> {
    let words = folded_words(text);
    kinds()
        .iter()
        .filter(|k| {
            k.cues
                .iter()
                .any(|cue| words.windows(cue.len()).any(|w| w == cue.as_slice()))
        })
        .map(|k| k.label.as_str())
        .collect()
}

/// The kinds of an event, from its name and series.
pub fn event_kinds(e: &Event) -> Vec<&'static str> {
    let mut text = e.name.clone();
    if let Some(s) = &e.series {
        text.push_str(" / ");
        text.push_str(s);
    }
    kinds_of_text(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asset_parses_and_every_kind_has_cues() {
        assert!(kinds().len() >= 4);
        assert!(kinds().iter().all(|k| !k.cues.is_empty()));
    }

    #[test]
    fn derives_kinds_from_names() {
        assert_eq!(
            kinds_of_text("Level-2 Field Hospital Rotation 3"),
            ["peacekeeping"]
        );
        assert_eq!(
            kinds_of_text("Engineering Company Rotation 1"),
            ["peacekeeping"]
        );
        assert_eq!(
            kinds_of_text("5th Vietnam–Cambodia Border Defense Friendship Exchange"),
            ["border exchange"]
        );
        assert_eq!(
            kinds_of_text("the Jakarta International Defence Dialogue"),
            ["multilateral forum"]
        );
        assert_eq!(
            kinds_of_text("Half-year review conference, H1 2024"),
            ["review"]
        );
        assert!(kinds_of_text("Friendly football match").is_empty());
        // Whole words: "reviewer" is not a review, "forums" is not a cue.
        assert!(kinds_of_text("the reviewer's notes").is_empty());
    }
}
