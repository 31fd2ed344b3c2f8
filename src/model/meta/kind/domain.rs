//! Counts of the beat's words and of other sectors' words in a passage, from its one
//! pass over the cue lists.

use super::super::Passage;
use super::super::cues::{Cue, cues};

/// The counts of the beat's words and other sectors' words in the passage, as the
/// whole-word regexes of the two lists count their matches.
pub(super) fn count(p: &Passage) -> (usize, usize) {
    let cues = cues();
    let all = (0, p.text.len());
    (
        cues.count(p.cues(), Cue::Defence, all),
        cues.count(p.cues(), Cue::OtherSector, all),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::document::Field;

    fn counts(text: &str) -> (usize, usize) {
        count(&Passage::new(Field::Body(0), text))
    }

    #[test]
    fn counts_whole_words_first_listed() {
        let text =
            "Border guards and the Defence Ministry met; GDP and export value rose, 3 per cent.";
        assert_eq!(counts(text), (2, 3));
        assert_eq!(counts("defenceless militaryish"), (0, 0));
        assert_eq!(counts("ARMED FORCES and the armed forces"), (2, 0));
    }

    #[test]
    fn reads_wide_spaces_and_folding_letters_as_the_regexes_do() {
        // A no-break space and a run of spaces are white space in a phrase; the long s is
        // an "s" in any case.
        assert_eq!(counts("armed\u{a0}forces"), (1, 0));
        assert_eq!(counts("armed  forces"), (1, 0));
        assert_eq!(counts("defen\u{17F}e economy"), (1, 1));
    }
}
