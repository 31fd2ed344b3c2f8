//! Glued words: spaces lost in scraping ("ofNational", "April14", "100countries",
//! "territorialsovereignty"), split back where both halves are real words.

use super::lexicon::{Lexicon, MAX_WORD};
use super::tokens::{MIN_SEGMENTED, core, for_each_token, separator_len};
use super::vocab::Vocabulary;
use cuts::{camel_cut, is_sentence_glue, number_cut, possessive_cut};
use precheck::may_cut;
use segmentation::segmentation;
use std::borrow::Cow;
use std::cell::RefCell;

mod cuts;
mod precheck;
mod segmentation;

/// A token seen this often in the corpus is a real word missing from the list.
pub const CORPUS_WORD_COUNT: u32 = 3;

/// `text` with glued words split by spaces; borrowed when nothing changed. Every token
/// whose corpus count was looked up is added to `asked`, each followed by a newline (one
/// buffer, not an allocation per token): the result depends on the vocabulary only
/// through those counts, so it holds for any vocabulary that gives each of them the same
/// [`protects`] answer.
pub fn split_glued_asking<'a>(
    text: &'a str,
    lex: &Lexicon,
    vocab: &Vocabulary,
    asked: &mut String,
) -> Cow<'a, str> {
    let splitter = Splitter {
        lex,
        vocab,
        asked: RefCell::new(std::mem::take(asked)),
    };
    let mut cuts: Vec<usize> = Vec::new();
    for_each_token(text, |at, token, lower| {
        splitter.token(token, at, lower, &mut cuts);
    });
    *asked = splitter.asked.into_inner();
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut last = 0;
    for cut in cuts {
        out.push_str(&text[last..cut]);
        out.push(' ');
        last = cut;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// True when `vocab` counts `word` often enough to be a real word missing from the list.
pub fn protects(vocab: &Vocabulary, word: &str) -> bool {
    vocab.count(word) >= CORPUS_WORD_COUNT
}

struct Splitter<'a> {
    lex: &'a Lexicon,
    vocab: &'a Vocabulary,
    /// The tokens whose corpus count was looked up, one a line.
    asked: RefCell<String>,
}

impl Splitter<'_> {
    /// One white-space token at byte offset `at`, `lower` when it is all lowercase ASCII
    /// letters; cut positions are pushed in order.
    fn token(&self, token: &str, at: usize, lower: bool, cuts: &mut Vec<usize>) {
        if lower || may_cut(token.as_bytes()) {
            self.token_plain(token, at, lower, cuts);
        }
    }

    /// `token` without the pre-check: every token is read whole.
    fn token_plain(&self, token: &str, at: usize, lower: bool, cuts: &mut Vec<usize>) {
        // Lowercase words (most tokens) are one piece each, and short ones hold no glue.
        if lower {
            if (MIN_SEGMENTED..=2 * MAX_WORD).contains(&token.len()) {
                self.segment(token, at, cuts);
            }
            return;
        }
        let Some((lead, core)) = core(token) else {
            return;
        };
        // Pieces between dashes and periods; a period glued between two words is a lost space.
        let at = at + lead;
        let mut piece_start = 0;
        let b = core.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let sep = separator_len(&b[i..]);
            if sep > 0 {
                self.piece(&core[piece_start..i], at + piece_start, cuts);
                if b[i] == b'.' && is_sentence_glue(&core[piece_start..i], &core[i + 1..], self.lex)
                {
                    cuts.push(at + i + 1);
                }
                piece_start = i + sep;
                i += sep;
            } else {
                i += 1;
            }
        }
        self.piece(&core[piece_start..], at + piece_start, cuts);
    }

    /// One piece (letters, digits, apostrophes) at byte offset `at`.
    fn piece(&self, p: &str, at: usize, cuts: &mut Vec<usize>) {
        let (mut upper, mut lower, mut digit, mut other) = (false, false, false, false);
        // A lowercase letter followed by a capital ("ofNational").
        let mut camel = false;
        for b in p.bytes() {
            match b {
                b'a'..=b'z' => lower = true,
                b'A'..=b'Z' => {
                    camel |= lower;
                    upper = true;
                }
                b'0'..=b'9' => digit = true,
                _ => other = true,
            }
        }
        if p.len() < 2 || p.len() > 2 * MAX_WORD {
            return;
        }
        if !(upper || digit || other) {
            if p.len() >= MIN_SEGMENTED {
                self.segment(p, at, cuts);
            }
            return;
        }
        // Apostrophes are the only other characters a piece may hold.
        if other && !p.chars().all(is_piece_char) || camel && self.lex.keeps_camel(p) {
            return;
        }
        // The left part of a possessive or camelCase cut is a word already; a number
        // cut may leave glue on both sides ("COVID19pandemic").
        let cut = (other.then(|| possessive_cut(p, self.lex)).flatten())
            .or_else(|| {
                let cut = digit.then(|| number_cut(p, self.lex)).flatten()?;
                self.piece(&p[..cut], at, cuts);
                Some(cut)
            })
            .or_else(|| camel.then(|| camel_cut(p, self.lex)).flatten());
        if let Some(cut) = cut {
            cuts.push(at + cut);
            self.piece(&p[cut..], at + cut, cuts);
        }
    }

    /// An all-lowercase token that is not a word: split into 2 (at most 3) words.
    fn segment(&self, p: &str, at: usize, cuts: &mut Vec<usize>) {
        if self.lex.is_lowercase_word(p) {
            return;
        }
        let mut asked = self.asked.borrow_mut();
        asked.push_str(p);
        asked.push('\n');
        drop(asked);
        if protects(self.vocab, p) {
            return;
        }
        if let Some((a, b)) = segmentation(p, self.lex) {
            cuts.push(at + a);
            if let Some(b) = b {
                cuts.push(at + b);
            }
        }
    }
}

fn is_piece_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\'' || c == '’'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split_glued<'a>(text: &'a str, lex: &Lexicon, vocab: &Vocabulary) -> Cow<'a, str> {
        split_glued_asking(text, lex, vocab, &mut String::new())
    }

    fn fix(s: &str) -> String {
        split_glued(s, Lexicon::embedded(), &Vocabulary::default()).into_owned()
    }

    #[test]
    fn camel_case_glue() {
        assert_eq!(
            fix("the Ministry ofNational Defence"),
            "the Ministry of National Defence"
        );
        assert_eq!(fix("theMinistry and theArmy"), "the Ministry and the Army");
        assert_eq!(fix("the UN SecurityCouncil."), "the UN Security Council.");
        assert_eq!(fix("Vietnam People'sArmy"), "Vietnam People's Army");
        assert_eq!(fix("members ofASEAN"), "members of ASEAN");
        assert_eq!(fix("ofNationalDefence"), "of National Defence");
    }

    #[test]
    fn names_stay_camel_case() {
        for s in [
            "YouTube",
            "iPhone",
            "WhatsApp",
            "LinkedIn",
            "PowerPoint",
            "McDonald",
            "VnExpress",
            "PetroVietnam",
            "OpenAI",
            "MacArthur's",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn numbers_and_words() {
        assert_eq!(fix("on April14, May5 and"), "on April 14, May 5 and");
        assert_eq!(fix("more than 100countries"), "more than 100 countries");
        assert_eq!(fix("the COVID-19pandemic."), "the COVID-19 pandemic.");
        assert_eq!(fix("Unit Rotation4"), "Unit Rotation 4");
        for s in [
            "19th", "2nd", "1990s", "H1", "G20", "Su-30MK2", "5G", "COVID-19", "10km", "100kph",
            "A321neo",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn lowercase_glue() {
        assert_eq!(fix("peacekeepingforces"), "peacekeeping forces");
        assert_eq!(
            fix("the territorialsovereignty,"),
            "the territorial sovereignty,"
        );
        assert_eq!(fix("continue tostudy and"), "continue to study and");
        assert_eq!(fix("(trustand"), "(trust and");
        assert_eq!(fix("diplomacyin"), "diplomacy in");
        assert_eq!(fix("achievementsin"), "achievements in");
        assert_eq!(fix("ofthem"), "of them");
        assert_eq!(fix("nation’sdevelopment"), "nation’s development");
        assert_eq!(fix("talks.The minister"), "talks. The minister");
    }

    #[test]
    fn real_words_and_odd_tokens_stay() {
        for s in [
            "invaluable",
            "overcoming",
            "outstanding",
            "upcoming",
            "Lt.Gen.",
            "Sen. Lt.Gen. Chien",
            "qdnd.vn",
            "dienbientv.vn",
            "https://vietnamplus.vn/a_b",
            "Hoàng Xuân Chiến",
            "sci-tech",
            "e.g.",
            "U.N.",
            "multilateralisation",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn corpus_vocabulary_protects_words_missing_from_the_list() {
        let vocab = Vocabulary::from_texts(["the zzyzxroad and zzyzxroad, zzyzxroad."].into_iter());
        let lex = Lexicon::embedded();
        assert_eq!(
            split_glued("navyforces zzyzxroad", lex, &vocab),
            "navy forces zzyzxroad"
        );
        let vocab = Vocabulary::from_texts(["seastrength seastrength seastrength"].into_iter());
        assert_eq!(split_glued("seastrength", lex, &vocab), "seastrength");
        assert_eq!(
            split_glued("seastrength", lex, &Vocabulary::default()),
            "sea strength"
        );
    }

    #[test]
    fn only_the_counts_looked_up_are_noted() {
        let lex = Lexicon::embedded();
        let mut asked = String::new();
        let text = "The navyforces met ofNational delegates and zzyzxroad officials.";
        let fixed = split_glued_asking(text, lex, &Vocabulary::default(), &mut asked);
        assert_eq!(
            fixed,
            "The navy forces met of National delegates and zzyzxroad officials."
        );
        // Dictionary words and camel-case glue need no count; the two unknown
        // lowercase tokens do, whether or not they were split.
        assert_eq!(asked, "navyforces\nzzyzxroad\n");
    }
    /// Cuts and counts asked for every token of `text`, read with or without the pre-check.
    fn cuts_and_asked(text: &str, vocab: &Vocabulary, checked: bool) -> (Vec<usize>, String) {
        let splitter = Splitter {
            lex: Lexicon::embedded(),
            vocab,
            asked: RefCell::new(String::new()),
        };
        let mut cuts = Vec::new();
        for_each_token(text, |at, token, lower| {
            if checked {
                splitter.token(token, at, lower, &mut cuts);
            } else {
                splitter.token_plain(token, at, lower, &mut cuts);
            }
        });
        (cuts, splitter.asked.into_inner())
    }

    /// Short tokens glued in every way the splitter undoes, from words in both cases,
    /// numbers and marks, a few parts each so that the pre-check sees tokens with and
    /// without glue.
    fn glued_text() -> impl Strategy<Value = String> {
        let part = prop::sample::select(vec![
            "of", "met", "in", "the", "The", "Army", "Ministry", "ASEAN", "peace", "forces",
            "April", "zzyzx", "14", "100", "'s", "’s", ".", "-", "—", ",", "(", ")", "é", "@",
        ]);
        let token = prop::collection::vec(part, 1..5).prop_map(|v| v.concat());
        prop::collection::vec(token, 0..12).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn the_pre_check_passes_over_no_glue(text in glued_text()) {
            for vocab in [Vocabulary::default(), Vocabulary::from_texts([text.as_str()].into_iter())] {
                prop_assert_eq!(
                    cuts_and_asked(&text, &vocab, true),
                    cuts_and_asked(&text, &vocab, false)
                );
            }
        }
    }
}
