//! The embedded data the cleaner reads: English word lists (assets/words) and the
//! markers of scraped pages (assets/cleaning.json).

use super::line_patterns::LinePatterns;
use super::lookup::{FirstBytes, HashTable, entries};
use super::outlets::Outlets;
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet;
use serde::Deserialize;
use std::hash::Hasher;
use std::sync::OnceLock;

/// Longest word looked up in the word list; longer tokens are never words.
pub const MAX_WORD: usize = 48;
/// Longest line the debris patterns are tried on, in bytes.
const MAX_DEBRIS_LINE: usize = 400;

/// Markers of scraped news pages, as written in assets/cleaning.json.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Markers {
    /// Whole lines of web chrome ("see more", "e-paper"), lowercase.
    pub debris_lines: Vec<String>,
    /// Line starts that make a line web chrome ("Tags:").
    pub debris_prefixes: Vec<String>,
    /// Regular expressions that make a whole line web chrome (share widgets, menus).
    pub debris_patterns: Vec<String>,
    /// Words that end a paragraph as a link, removed ("Read full story").
    pub debris_suffixes: Vec<String>,
    /// Layout tokens that stand before an image caption ("leftcenterrightdel").
    pub layout_markers: Vec<String>,
    /// Whole lines that start a related-news tail ("see more", "related news"), lowercase.
    pub tail_markers: Vec<String>,
    /// Words that open a photo credit ("photo", "source"), lowercase.
    pub caption_credits: Vec<String>,
    /// Line starts that make a line a caption ("Illustrative image").
    pub caption_prefixes: Vec<String>,
    /// Starts that make a short line a caption ("An overview of").
    pub caption_starts: Vec<String>,
    /// Present-tense verbs of a short caption line ("speaks", "addresses").
    pub caption_verbs: Vec<String>,
    /// Gatherings a short caption line ends with ("… at the conference").
    pub caption_objects: Vec<String>,
    /// Position marks only captions have ("(second from right", "(L)").
    pub caption_marks: Vec<String>,
    /// The word of an inline image label ("ảnh 1") between an image's alt text and caption.
    pub inline_image_marker: String,
    /// Credit-line prefixes that end an article and name a person, never an outlet
    /// ("Translated by").
    pub credit_lines: Vec<String>,
    /// Byline prefixes ("By").
    pub byline_prefixes: Vec<String>,
    /// Words a date line may hold beside its date ("Updated", "GMT", "cập nhật"), lowercase.
    pub stamp_words: Vec<String>,
    /// Starts of a date line that gives when the page was updated, not published, lowercase.
    pub updated_prefixes: Vec<String>,
    /// Lowercase unit suffixes written glued to numbers ("100kph"), never split off.
    pub number_suffixes: Vec<String>,
    /// camelCase names never split ("YouTube").
    pub keep_camel: Vec<String>,
    /// Name prefixes whose camelCase is never split ("Mc", "Mac").
    pub keep_camel_prefixes: Vec<String>,
}

/// Word lists and page markers the cleaner needs.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Hashes of the lowercase words: a lookup compares one integer, no string.
    words: HashTable,
    function_words: FxHashSet<&'static str>,
    debris: FxHashSet<String>,
    tail: FxHashSet<String>,
    keep_camel: FxHashSet<String>,
    /// The page markers.
    pub markers: Markers,
    /// The beat's outlets.
    pub outlets: Outlets,
    /// `markers.debris_patterns`, compiled as lines need them (none when one is invalid).
    debris_patterns: LinePatterns,
    /// `markers.caption_marks`, searched for in one pass.
    caption_marks: Option<AhoCorasick>,
    /// The first bytes of `markers.debris_prefixes`.
    debris_prefix_starts: FirstBytes,
    /// The first bytes of `markers.caption_prefixes`.
    caption_prefix_starts: FirstBytes,
    /// The first bytes of `markers.caption_starts`.
    caption_start_starts: FirstBytes,
    /// The first bytes of `markers.caption_credits`.
    credit_starts: FirstBytes,
}

const ENGLISH: &str = include_str!("../../../assets/words/english.txt");
const SHORT: &str = include_str!("../../../assets/words/short.txt");
const EXTRA: &str = include_str!("../../../assets/words/extra.txt");
const FUNCTION: &str = include_str!("../../../assets/words/function.txt");
const CLEANING: &str = include_str!("../../../assets/cleaning.json");
const OUTLETS: &str = include_str!("../../../assets/outlets.json");

impl Lexicon {
    /// The lexicon built from the files in assets/ (built once, on first use).
    pub fn embedded() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| {
            let markers: Markers = serde_json::from_str(CLEANING)
                .expect("assets/cleaning.json is valid (checked by a test)");
            let outlets =
                Outlets::parse(OUTLETS).expect("assets/outlets.json is valid (checked by a test)");
            Lexicon::new([ENGLISH, SHORT, EXTRA], FUNCTION, markers, outlets)
        })
    }

    /// A lexicon from word-list texts (one word per line, `#` comments), a list of
    /// function words, the markers and the outlets.
    pub fn new(
        lists: [&'static str; 3],
        function: &'static str,
        markers: Markers,
        outlets: Outlets,
    ) -> Lexicon {
        let words = HashTable::new(
            lists
                .into_iter()
                .chain([function])
                .flat_map(entries)
                .map(|w| word_hash(w.as_bytes())),
        );
        let lower = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<FxHashSet<_>>();
        Lexicon {
            words,
            function_words: entries(function).collect(),
            debris: lower(&markers.debris_lines),
            tail: lower(&markers.tail_markers),
            keep_camel: markers.keep_camel.iter().cloned().collect(),
            debris_patterns: LinePatterns::new(&markers.debris_patterns),
            caption_marks: (!markers.caption_marks.is_empty())
                .then(|| AhoCorasick::new(&markers.caption_marks).ok())
                .flatten(),
            debris_prefix_starts: FirstBytes::of(&markers.debris_prefixes),
            caption_prefix_starts: FirstBytes::of(&markers.caption_prefixes),
            caption_start_starts: FirstBytes::of(&markers.caption_starts),
            credit_starts: FirstBytes::of(&markers.caption_credits),
            markers,
            outlets,
        }
    }

    /// True when `s` (ASCII, any case) is an English word of the lists.
    pub fn is_word(&self, s: &str) -> bool {
        let n = s.len();
        if n == 0 || n > MAX_WORD || !s.is_ascii() {
            return false;
        }
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.words.contains(word_hash(s.as_bytes()));
        }
        let mut buf = [0u8; MAX_WORD];
        let lower = &mut buf[..n];
        lower.copy_from_slice(s.as_bytes());
        lower.make_ascii_lowercase();
        self.words.contains(word_hash(lower))
    }

    /// `is_word` for a string of lowercase ASCII letters (tokens the splitter and the
    /// vocabulary have classified already): the same answer, without testing its bytes.
    pub fn is_lowercase_word(&self, s: &str) -> bool {
        debug_assert!(s.bytes().all(|b| b.is_ascii_lowercase()));
        !s.is_empty() && s.len() <= MAX_WORD && self.words.contains(word_hash(s.as_bytes()))
    }

    /// True when `line` holds one of the position marks only captions have ("(L)").
    pub fn has_caption_mark(&self, line: &str) -> bool {
        self.caption_marks
            .as_ref()
            .is_some_and(|ac| ac.is_match(line))
    }

    /// True when `line` starts with a caption prefix ("Illustrative image"), in any case.
    pub fn has_caption_prefix(&self, line: &str) -> bool {
        self.caption_prefix_starts.may_start(line)
            && self
                .markers
                .caption_prefixes
                .iter()
                .any(|p| starts_with_ignore_case(line, p))
    }

    /// True when `line` starts like a caption ("An overview of"), in any case.
    pub fn has_caption_start(&self, line: &str) -> bool {
        self.caption_start_starts.may_start(line)
            && self
                .markers
                .caption_starts
                .iter()
                .any(|p| starts_with_ignore_case(line, p))
    }

    /// False when no credit word ("photo", "source") can start `s`.
    pub fn may_start_credit(&self, s: &str) -> bool {
        self.credit_starts.may_start(s)
    }

    /// True for a lowercase function word ("in", "and", "the").
    pub fn is_function_word(&self, s: &str) -> bool {
        self.function_words.contains(s)
    }

    /// The key used to match whole marker lines: lowercase, trailing ':' '>' '»' dropped.
    fn line_key(line: &str) -> Option<String> {
        if line.len() > 40 {
            return None;
        }
        Some(
            line.trim_end_matches([':', '>', '»', ' ', '.'])
                .trim_start_matches(['<', '«', ' '])
                .to_lowercase(),
        )
    }

    /// True for a whole line of web chrome ("E-paper", "Tags: …", "Share Print Email").
    pub fn is_debris_line(&self, line: &str) -> bool {
        Lexicon::line_key(line).is_some_and(|k| self.debris.contains(&k))
            || self.debris_prefix_starts.may_start(line)
                && self
                    .markers
                    .debris_prefixes
                    .iter()
                    .any(|p| starts_with_ignore_case(line, p))
            || (line.len() <= MAX_DEBRIS_LINE && self.debris_patterns.is_match(line))
            || super::debris::is_menu_line(line)
    }

    /// `para` without a link phrase at its end ("… Read full story").
    pub fn strip_debris_suffix<'a>(&self, para: &'a str) -> &'a str {
        for suffix in &self.markers.debris_suffixes {
            let Some(cut) = para.len().checked_sub(suffix.len()) else {
                continue;
            };
            if para.is_char_boundary(cut)
                && para[cut..].eq_ignore_ascii_case(suffix)
                && para[..cut].ends_with([' ', '…', '.'])
            {
                return para[..cut].trim_end();
            }
        }
        para
    }

    /// True for a line that starts a related-news tail ("See more").
    pub fn is_tail_marker(&self, line: &str) -> bool {
        Lexicon::line_key(line).is_some_and(|k| self.tail.contains(&k))
    }

    /// The layout marker `line` starts with, if any ("leftcenterrightdel").
    pub fn layout_marker(&self, line: &str) -> Option<&str> {
        self.markers
            .layout_markers
            .iter()
            .find(|m| starts_with_ignore_case(line, m))
            .map(String::as_str)
    }

    /// The outlet an agency code stands for ("VNA" → "VNA", "PANO" → "QDND").
    pub fn agency(&self, code: &str) -> Option<&str> {
        self.outlets.code(code)
    }

    /// True when a camelCase token is a name never split ("YouTube", "McDonald").
    pub fn keeps_camel(&self, token: &str) -> bool {
        let t = strip_possessive(token);
        self.keep_camel.contains(t)
            || self.markers.keep_camel_prefixes.iter().any(|p| {
                t.strip_prefix(p.as_str())
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()))
            })
    }

    /// True for a lowercase unit glued to numbers ("kph"), never split off.
    pub fn is_number_suffix(&self, s: &str) -> bool {
        self.markers.number_suffixes.iter().any(|u| u == s)
    }
}

/// The 64-bit hash a word is stored under (collisions among ~80,000 words are
/// vanishingly rare; a test checks the embedded lists have none).
fn word_hash(w: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(w);
    h.write_usize(w.len());
    h.finish()
}

/// `s` without a final "'s" / "’s".
pub fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// ASCII-case-insensitive `starts_with`.
pub fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_json_parses() {
        let m: Markers = serde_json::from_str(CLEANING).expect("valid cleaning.json");
        assert!(m.credit_lines.iter().any(|c| c == "Translated by"));
        assert!(Outlets::parse(OUTLETS).is_ok());
    }

    #[test]
    fn embedded_lists_read_as_trimmed_lines() {
        for list in [ENGLISH, SHORT, EXTRA, FUNCTION] {
            let lines: Vec<&str> = list
                .lines()
                .map(str::trim)
                .filter(|w| !w.is_empty() && !w.starts_with('#'))
                .collect();
            assert_eq!(entries(list).collect::<Vec<_>>(), lines);
        }
    }

    #[test]
    fn word_hashes_do_not_collide() {
        let mut all: Vec<&str> = [ENGLISH, SHORT, EXTRA, FUNCTION]
            .into_iter()
            .flat_map(entries)
            .collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(Lexicon::embedded().words.len(), all.len());
    }

    #[test]
    fn knows_words_in_any_case_and_possessives() {
        let lex = Lexicon::embedded();
        for w in [
            "defence",
            "Defense",
            "April",
            "invaluable",
            "of",
            "peacekeeping",
            "cyber",
        ] {
            assert!(lex.is_word(w), "{w}");
        }
        assert!(!Lexicon::default().is_word("defence"));
        for w in ["ab", "diplomacyin", "", "ing", "nam"] {
            assert!(!lex.is_word(w), "{w}");
        }
        assert_eq!(strip_possessive("People's"), "People");
        assert_eq!(strip_possessive("nation’s"), "nation");
        assert_eq!(strip_possessive("Laos"), "Laos");
    }

    #[test]
    fn matches_marker_lines() {
        let lex = Lexicon::embedded();
        assert!(lex.is_debris_line("E-paper"));
        assert!(lex.is_debris_line("Tags: defence, diplomacy"));
        assert!(lex.is_tail_marker("See more"));
        for chrome in [
            "Share Print Email",
            "Facebook | Twitter | Zalo",
            "return icon",
            "link xy7788",
            "{defence, diplomacy, border}",
            "Keywords: {ASEAN}",
            "Mời quý độc giả theo dõi chương trình",
            "Home Politics Business Society Culture Sports",
            "[Navy ships visit Manila]",
        ] {
            assert!(lex.is_debris_line(chrome), "{chrome}");
        }
        for text in [
            "Share of exports rose to 20 percent.",
            "Home guard units trained in Hue.",
            "Link roads were built.",
            "The ministry said the link would open.",
        ] {
            assert!(!lex.is_debris_line(text), "{text}");
        }
        assert_eq!(
            lex.strip_debris_suffix("He called for peace… Read the full story"),
            "He called for peace…"
        );
        assert_eq!(lex.strip_debris_suffix("Read more"), "Read more");
        assert!(lex.is_tail_marker("RELATED NEWS:"));
        assert!(!lex.is_tail_marker("See more of the world"));
        assert_eq!(
            lex.layout_marker("leftcenterrightdelA caption"),
            Some("leftcenterrightdel")
        );
        assert!(lex.keeps_camel("YouTube's"));
        assert!(lex.keeps_camel("McArthur"));
        assert!(!lex.keeps_camel("theMinistry"));
    }
}
