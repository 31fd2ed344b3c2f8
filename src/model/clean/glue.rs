//! Glued words: spaces lost in scraping ("ofNational", "April14", "100countries",
//! "territorialsovereignty"), split back where both halves are real words.

use super::lexicon::{Lexicon, MAX_WORD, strip_possessive};
use super::tokens::{MIN_SEGMENTED, core, for_each_token, may_hold_piece, separator_len};
use super::vocab::Vocabulary;
use std::borrow::Cow;
use std::cell::RefCell;

/// A token seen this often in the corpus is a real word missing from the list.
pub const CORPUS_WORD_COUNT: u32 = 3;
/// Shortest word split off a number ("100countries"); shorter ones are units ("10km").
const MIN_AFTER_NUMBER: usize = 3;
/// Shortest word a number is split off ("April14", "Rotation4"); "H1", "G20" stay.
const MIN_BEFORE_NUMBER: usize = 3;

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
                if b[i] == b'.' && self.is_sentence_glue(&core[piece_start..i], &core[i + 1..]) {
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

    /// "talks.The": a lowercase word, a period, a capitalised word.
    fn is_sentence_glue(&self, left: &str, right: &str) -> bool {
        let word_end = right
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(right.len());
        let right = &right[..word_end];
        left.len() >= 3
            && right.len() >= 3
            && left.bytes().all(|b| b.is_ascii_lowercase())
            && is_capitalised(right)
            && self.lex.is_word(left)
            && self.lex.is_word(right)
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
        let cut = (other.then(|| self.possessive_cut(p)).flatten())
            .or_else(|| {
                let cut = digit.then(|| self.number_cut(p)).flatten()?;
                self.piece(&p[..cut], at, cuts);
                Some(cut)
            })
            .or_else(|| camel.then(|| self.camel_cut(p)).flatten());
        if let Some(cut) = cut {
            cuts.push(at + cut);
            self.piece(&p[cut..], at + cut, cuts);
        }
    }

    /// "People'sArmy", "nation’sdevelopment": a possessive glued to the next word.
    fn possessive_cut(&self, p: &str) -> Option<usize> {
        let (i, len) = p
            .find("'s")
            .map(|i| (i, 2))
            .or_else(|| p.find("’s").map(|i| (i, "’s".len())))?;
        let cut = i + len;
        let right = &p[cut..];
        let ok = i > 0
            && (is_capitalised_word(right)
                || right.bytes().all(|b| b.is_ascii_lowercase())
                    && right.len() >= 3
                    && (self.lex.is_word(right) || self.segmentation(right).is_some()));
        ok.then_some(cut)
    }

    /// "April14", "Rotation4", "100countries", "19pandemic"; never "19th", "1990s", "H1",
    /// "G20", "5G", "10km", "MK2".
    fn number_cut(&self, p: &str) -> Option<usize> {
        let b = p.as_bytes();
        for i in 1..b.len() {
            let (prev, cur) = (b[i - 1], b[i]);
            if prev.is_ascii_digit() && cur.is_ascii_lowercase() {
                let end = b[i..]
                    .iter()
                    .position(|c| !c.is_ascii_alphabetic())
                    .map_or(b.len(), |n| i + n);
                let word = &p[i..end];
                if word.len() >= MIN_AFTER_NUMBER
                    && word.bytes().all(|c| c.is_ascii_lowercase())
                    && !self.lex.is_number_suffix(word)
                    && (self.lex.is_word(word) || self.segmentation(word).is_some())
                {
                    return Some(i);
                }
            } else if prev.is_ascii_alphabetic() && cur.is_ascii_digit() {
                let word = &p[..i];
                if word.len() >= MIN_BEFORE_NUMBER
                    && word.bytes().all(|c| c.is_ascii_alphabetic())
                    && (is_capitalised(word) || word.bytes().all(|c| c.is_ascii_lowercase()))
                    && self.lex.is_word(word)
                {
                    return Some(i);
                }
            }
        }
        None
    }

    /// "ofNational", "theMinistry", "SecurityCouncil", "andASEAN": a known word, then a
    /// capitalised word (or capitals after a lowercase word).
    fn camel_cut(&self, p: &str) -> Option<usize> {
        let b = p.as_bytes();
        let i =
            (1..b.len()).find(|&i| b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase())?;
        let (left, right) = (&p[..i], &p[i..]);
        // A capital and at least one lowercase letter ("Ministry", "Army's").
        let capitalised = right.len() >= 2 && right.as_bytes()[1].is_ascii_lowercase();
        let acronym = right.len() >= 2
            && right.bytes().all(|c| c.is_ascii_uppercase())
            && left.bytes().all(|c| c.is_ascii_lowercase());
        let left_ok = left.bytes().all(|c| c.is_ascii_alphabetic())
            && (is_capitalised(left) || left.bytes().all(|c| c.is_ascii_lowercase()))
            && self.lex.is_word(left);
        (left_ok && (capitalised || acronym)).then_some(i)
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
        if let Some((a, b)) = self.segmentation(p) {
            cuts.push(at + a);
            if let Some(b) = b {
                cuts.push(at + b);
            }
        }
    }

    /// The best split of a lowercase string into known words: fewest parts, then the
    /// most function words split off ("achievements in" over "achievement sin"), then the
    /// longest shortest part. Cut offsets (the second only for three parts).
    fn segmentation(&self, p: &str) -> Option<(usize, Option<usize>)> {
        let n = p.len();
        if n > MAX_WORD * 2 || !p.is_ascii() {
            return None;
        }
        // `p` is lowercase ASCII (callers check), and so is every part of it.
        let w = |a: usize, b: usize| self.lex.is_lowercase_word(&p[a..b]);
        let f = |a: usize, b: usize| usize::from(self.lex.is_function_word(&p[a..b]));
        // Every split starts with a word ending at i and ends with a word starting at j:
        // those few offsets are found once, instead of trying every pair.
        let heads: Vec<usize> = (1..n).filter(|&i| w(0, i)).collect();
        let tails: Vec<usize> = (1..n).filter(|&j| w(j, n)).collect();
        let two = heads
            .iter()
            .copied()
            .filter(|i| tails.binary_search(i).is_ok())
            .max_by_key(|&i| (f(0, i) + f(i, n), i.min(n - i), i));
        if let Some(i) = two {
            return Some((i, None));
        }
        let mut best: Option<((usize, usize), usize, usize)> = None;
        for &i in heads.iter().filter(|&&i| i < n - 1) {
            for &j in tails.iter().filter(|&&j| j > i) {
                if w(i, j) {
                    let score = (f(0, i) + f(i, j) + f(j, n), i.min(j - i).min(n - j));
                    if best.is_none_or(|(s, _, _)| score > s) {
                        best = Some((score, i, j));
                    }
                }
            }
        }
        best.map(|(_, i, j)| (i, Some(j)))
    }
}

/// False when `token` certainly holds no glue. Every cut, and every count looked up,
/// needs one of: a lowercase piece to segment (`may_hold_piece`), a lowercase letter
/// before a capital (camel case), a digit next to a letter (numbers), "'s" or "’s"
/// (possessives), or a period before a capital (sentence glue). Pieces are parts of the
/// token, so neighbours in a piece are neighbours in the token. Most capitalised words
/// and numbers ("Ministry", "2025,", "(VNA)") have none of them and are passed over.
fn may_cut(token: &[u8]) -> bool {
    token
        .windows(2)
        .any(|w| FOLLOWS[usize::from(w[0])] & MARKS[usize::from(w[1])] != 0)
        || may_hold_piece(token)
}

/// Marks of a byte for `may_cut`: what it is as the second byte of a pair.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const S: u8 = 8;

/// The marks of each byte.
static MARKS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c == b's' {
            LOWER | S
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// For each byte, the marks of a next byte that make the pair one of `may_cut`'s: a
/// capital or a digit after a lowercase letter, a digit after a capital, a letter after
/// a digit, an "s" after an apostrophe (the last byte of "’" too), a capital after a period.
static FOLLOWS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            UPPER | DIGIT
        } else if c.is_ascii_uppercase() {
            DIGIT
        } else if c.is_ascii_digit() {
            LOWER | UPPER
        } else if c == b'\'' || c == 0x99 {
            S
        } else if c == b'.' {
            UPPER
        } else {
            0
        };
        b += 1;
    }
    t
};

fn is_piece_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '\'' || c == '’'
}

/// "Ministry": a capital then lowercase ASCII letters.
fn is_capitalised(s: &str) -> bool {
    let b = s.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase) && b[1..].iter().all(u8::is_ascii_lowercase)
}

/// A capitalised word of at least two letters, possibly possessive ("Army", "Army's").
fn is_capitalised_word(s: &str) -> bool {
    let s = strip_possessive(s);
    s.len() >= 2 && is_capitalised(s)
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

    #[test]
    fn the_pair_tables_are_the_pairs_named() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let named = a.is_ascii_lowercase() && b.is_ascii_uppercase()
                    || a.is_ascii_digit() && b.is_ascii_alphabetic()
                    || a.is_ascii_alphabetic() && b.is_ascii_digit()
                    || b == b's' && (a == b'\'' || a == 0x99)
                    || a == b'.' && b.is_ascii_uppercase();
                let table = FOLLOWS[usize::from(a)] & MARKS[usize::from(b)] != 0;
                assert_eq!(table, named, "{a:#x} {b:#x}");
            }
        }
    }

    #[test]
    fn tokens_without_glue_marks_are_passed_over() {
        for (token, may) in [
            ("Ministry", false),
            ("2025,", false),
            ("(VNA)", false),
            ("ofNational", true),
            ("April14", true),
            ("100countries", true),
            ("People's", true),
            ("nation’s", true),
            ("talks.The", true),
            ("forces,", true),
            ("U.N", true),
        ] {
            assert_eq!(may_cut(token.as_bytes()), may, "{token}");
        }
    }
}
