//! Resolution inside one document: short person references ("Gen. Chien", "Chiến")
//! to the person named in full in the same section, and bare acronyms to the
//! name they were defined for. Sections: the main article (title, body, captions)
//! and each related item apart.

use super::ascii::next_capital_or_wide;
use super::candidate::Candidate;
use super::folded::{fold_word, fold_word_into, is_mark};
use super::titles::Titles;
use crate::model::document::Field;
use crate::model::entity::EntityKind;
use rustc_hash::{FxHashMap, FxHashSet};

/// A candidate placed in its field.
pub type Placed = (Field, Candidate);

fn section(f: Field) -> usize {
    match f {
        Field::Title | Field::Body(_) | Field::Caption(_) => 0,
        Field::RelatedTitle(i) | Field::RelatedText(i) => i + 1,
    }
}

fn last_word(name: &str) -> &str {
    name.rsplit([' ', '\u{a0}']).next().unwrap_or(name)
}

fn first_word(name: &str) -> &str {
    name.split([' ', '\u{a0}']).next().unwrap_or(name)
}

/// Full names of one document by section and folded first or last word, in reading
/// order: a one-word reference ("Chiến", "Fan") finds its antecedent by one lookup.
#[derive(Default)]
struct Antecedents {
    /// Per section, per folded word: keyed by section first so that a lookup borrows
    /// the word instead of building a key.
    by_word: FxHashMap<usize, FxHashMap<String, Vec<(usize, String)>>>,
}

impl Antecedents {
    fn add(&mut self, pos: usize, sec: usize, name: &str) {
        for w in [first_word(name), last_word(name)] {
            let list = self
                .by_word
                .entry(sec)
                .or_default()
                .entry(fold_word(w))
                .or_default();
            if !list.iter().any(|(p, n)| *p == pos && n == name) {
                list.push((pos, name.to_owned()));
            }
        }
    }

    /// The full name a one-word reference at field `pos` stands for: the only one with
    /// that word, else the nearest before it, else the first.
    fn find(&self, pos: usize, sec: usize, folded: &str) -> Option<&str> {
        let same = self.by_word.get(&sec)?.get(folded)?;
        let first = same.first()?;
        if same.iter().all(|(_, n)| *n == first.1) {
            return Some(&first.1);
        }
        same.iter()
            .rev()
            .find(|p| p.0 <= pos)
            .or(Some(first))
            .map(|p| p.1.as_str())
    }
}

/// Resolves short references of one document; `fields` holds, in reading order,
/// each field's text and its selected candidates.
pub fn resolve(fields: Vec<(Field, &str, Vec<Candidate>)>) -> Vec<Placed> {
    let mut full = Antecedents::default();
    // Per section, per acronym (a lookup borrows the word).
    let mut acronyms: FxHashMap<usize, FxHashMap<String, Candidate>> = FxHashMap::default();
    for (pos, (f, _, cands)) in fields.iter().enumerate() {
        for c in cands {
            if c.kind == EntityKind::Person && c.name.contains([' ', '\u{a0}']) {
                full.add(pos, section(*f), &c.name);
            }
            if let Some(a) = &c.acronym {
                acronyms
                    .entry(section(*f))
                    .or_default()
                    .entry(a.clone())
                    .or_insert_with(|| c.clone());
            }
        }
    }
    // Words as written that may be references: most words are rejected by one lookup
    // without folding them.
    let mut written = Written::default();
    for w in acronyms.values().flat_map(|m| m.keys()) {
        written.insert(w.clone());
    }
    for (_, _, cands) in &fields {
        for c in cands.iter().filter(|c| c.kind == EntityKind::Person) {
            for w in [first_word(&c.name), last_word(&c.name)] {
                written.insert(w.to_owned());
                written.insert(without_marks(w));
            }
        }
    }
    let mut sections: FxHashSet<usize> = acronyms.keys().copied().collect();
    sections.extend(full.by_word.keys().copied());
    let mut out = Vec::new();
    let mut folded = String::new();
    for (pos, (f, text, mut cands)) in fields.into_iter().enumerate() {
        let sec = section(f);
        for c in cands.iter_mut() {
            if c.kind == EntityKind::Person && !c.name.contains([' ', '\u{a0}']) {
                fold_word_into(&c.name, &mut folded);
                if let Some(name) = full.find(pos, sec, &folded) {
                    c.name = name.to_owned();
                }
            }
        }
        cands.sort_by_key(|c| c.cover.0);
        let mut extra = Vec::new();
        let lookups = sections.contains(&sec);
        for (start, end) in capitalised_words(if lookups { text } else { "" }) {
            let w = &text[start..end];
            if w.is_ascii() && !written.contains(w) || covered(&cands, start, end) {
                continue;
            }
            if let Some(def) = acronyms.get(&sec).and_then(|m| m.get(w)) {
                let mut c = def.clone();
                (c.start, c.end, c.cover) = (start, end, (start, end));
                c.acronym = None;
                c.nested = false;
                extra.push(c);
            } else if !next_to_capitalised(text, start, end)
                && !is_title_abbreviation(text, start, end)
            {
                fold_word_into(w, &mut folded);
                if let Some(name) = full.find(pos, sec, &folded) {
                    extra.push(Candidate::new(EntityKind::Person, start, end, name));
                }
            }
        }
        cands.extend(extra);
        cands.sort_by_key(|c| c.start);
        out.extend(cands.into_iter().map(|c| (f, c)));
    }
    out
}

/// Words as written, with their first bytes and lengths: most words are ruled out
/// by those before a hash lookup.
struct Written {
    words: FxHashSet<String>,
    /// Per first byte, a bit per length (31 for 31 and more) of the words.
    firsts: [u32; 256],
}

impl Default for Written {
    fn default() -> Written {
        Written {
            words: FxHashSet::default(),
            firsts: [0; 256],
        }
    }
}

impl Written {
    fn insert(&mut self, word: String) {
        if let Some(&b) = word.as_bytes().first() {
            self.firsts[usize::from(b)] |= 1 << word.len().min(31);
        }
        self.words.insert(word);
    }

    fn contains(&self, word: &str) -> bool {
        let may = word
            .as_bytes()
            .first()
            .is_none_or(|&b| self.firsts[usize::from(b)] & (1 << word.len().min(31)) != 0);
        may && self.words.contains(word)
    }
}

/// `word` with its diacritics dropped and its case kept ("Chiến" → "Chien").
fn without_marks(word: &str) -> String {
    word.chars()
        .map(|c| {
            let f = crate::model::text::fold_char(c);
            if c.is_uppercase() {
                f.to_ascii_uppercase()
            } else {
                f
            }
        })
        .collect()
}

/// True when a candidate (sorted by cover start) covers part of `start..end`.
fn covered(cands: &[Candidate], start: usize, end: usize) -> bool {
    let upto = cands.partition_point(|c| c.cover.0 < end);
    // Nested candidates sit inside their parent: a few steps back find the parent.
    cands[..upto]
        .iter()
        .rev()
        .take(4)
        .any(|c| start < c.cover.1 && end > c.cover.0)
}

/// True for a character of a word: a letter, a mark or a digit.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// The ranges of the words of `text` (runs of letters, marks and digits) that start
/// with a capital. Lower-case ASCII, nearly every byte, is passed over without
/// decoding or finding where its word ends.
fn capitalised_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            i = next_capital_or_wide(b, i);
            if i >= b.len() {
                break;
            }
            let start = i;
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            let opens = text[..start]
                .chars()
                .next_back()
                .is_none_or(|p| !is_word_char(p));
            if !opens || !c.is_uppercase() {
                continue;
            }
            while i < b.len() {
                if b[i].is_ascii() {
                    if !b[i].is_ascii_alphanumeric() {
                        break;
                    }
                    i += 1;
                    continue;
                }
                let c = text[i..].chars().next().unwrap_or(' ');
                if !is_word_char(c) {
                    break;
                }
                i += c.len_utf8();
            }
            return Some((start, i));
        }
        None
    })
}

/// True when the word at `start..end` is a title written short ("Gen." in "Maj. Gen."):
/// never a reference to a person named so ("Nakatani Gen").
fn is_title_abbreviation(text: &str, start: usize, end: usize) -> bool {
    text[end..].starts_with('.') && Titles::embedded().is_abbreviation(&text[start..end])
}

/// True when the word at `start..end` sits inside a run of capitalised words
/// (then it is part of another name, not a reference).
fn next_to_capitalised(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].strip_prefix(' ').unwrap_or("");
    let before = text[..start].strip_suffix(' ').unwrap_or("");
    let prev_word = before.rsplit(' ').next().unwrap_or("");
    after.starts_with(char::is_uppercase)
        || prev_word.starts_with(char::is_uppercase) && !prev_word.ends_with(['.', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::entities::gazetteer::Gazetteer;
    use crate::model::entities::scan::Scanner;

    proptest::proptest! {
        #[test]
        fn written_words_are_found_as_the_set_finds_them(
            words in proptest::collection::vec("[A-Za-zĐđ]{0,3}|[A-Z][a-z]{0,40}", 0..8),
            probes in proptest::collection::vec("[A-Za-zĐđ]{0,3}|[A-Z][a-z]{0,40}", 0..8),
        ) {
            let mut w = Written::default();
            for x in &words {
                w.insert(x.clone());
            }
            let set: FxHashSet<&String> = words.iter().collect();
            for p in words.iter().chain(&probes) {
                proptest::prop_assert_eq!(w.contains(p), set.contains(p), "{:?}", p);
            }
        }
    }

    fn run(parts: &[(Field, &str)]) -> Vec<(String, String)> {
        let mut s = Scanner::default();
        let fields = parts
            .iter()
            .map(|&(f, t)| (f, t, s.scan(t, Gazetteer::embedded())))
            .collect();
        resolve(fields)
            .into_iter()
            .filter(|(_, c)| c.kind == EntityKind::Person)
            .map(|(f, c)| {
                (
                    parts.iter().find(|p| p.0 == f).map_or("", |p| p.1)[c.start..c.end].to_owned(),
                    c.name,
                )
            })
            .collect()
    }

    #[test]
    fn short_forms_resolve_to_the_full_name() {
        let r = run(&[
            (
                Field::Body(0),
                "Lieutenant General Nguyễn Văn Minh opened the talks.",
            ),
            (
                Field::Body(1),
                "Gen. Minh praised the units. Minh also urged reform.",
            ),
        ]);
        assert_eq!(r.len(), 3);
        assert!(r.iter().all(|(_, n)| n == "Nguyễn Văn Minh"), "{r:?}");
    }

    #[test]
    fn a_title_written_short_is_no_reference_to_a_name_ending_so() {
        let r = run(&[(
            Field::Body(0),
            "Defence Minister Tanaka Gen met Maj. Gen. Le Van Hoa, and Gen thanked him.",
        )]);
        let refs: Vec<&str> = r
            .iter()
            .filter(|(w, _)| w == "Gen")
            .map(|(w, _)| w.as_str())
            .collect();
        // The last "Gen" (no period after it) is the minister; the rank is not.
        assert_eq!(refs, ["Gen"], "{r:?}");
    }

    #[test]
    fn never_to_another_section_or_person() {
        let r = run(&[
            (Field::Body(0), "Colonel Tran Van Minh spoke."),
            (Field::RelatedText(0), "General Minh visited Laos."),
        ]);
        assert_eq!(r[1].1, "Minh");
        let r = run(&[(
            Field::Body(0),
            "Colonel Tran Van Minh met Major Le Minh Hoa. Hoa thanked him.",
        )]);
        assert_eq!(r[2].1, "Le Minh Hoa");
    }

    #[test]
    fn given_name_inside_other_names_is_not_a_reference() {
        let r = run(&[(Field::Body(0), "Colonel Pham Thi Ha visited Ha Long Bay.")]);
        assert_eq!(r.len(), 1, "{r:?}");
    }

    /// Words found plainly: maximal runs of word characters, kept when the first is
    /// a capital.
    fn plain_capitalised(t: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in t.char_indices().chain([(t.len(), ' ')]) {
            match (is_word_char(c) && i < t.len(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    if t[s..].starts_with(char::is_uppercase) {
                        out.push((s, i));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn capitalised_words_equal_the_plain_split(
            t in "([a-zA-Z0-9 ,.’'()-]|Đ|đ|Nẵng|Ḥ|\u{301}|\u{a0}|ǅ|Σ|ß|日本){0,30}"
        ) {
            proptest::prop_assert_eq!(capitalised_words(&t).collect::<Vec<_>>(), plain_capitalised(&t));
        }
    }

    #[test]
    fn capitalised_words_are_whole_words_opening_with_a_capital() {
        let t = "The iPhone, McCain’s ĐÀ Nẵng-Ḥ x2 3rd Ưu đãi (Lê) e\u{301}Ab";
        let got: Vec<&str> = capitalised_words(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(got, ["The", "McCain", "ĐÀ", "Nẵng", "Ḥ", "Ưu", "Lê"]);
    }

    #[test]
    fn defined_acronyms_resolve_later() {
        let mut s = Scanner::default();
        let t = "the Cambodian Mine Action Centre (CMAC) and later CMAC staff";
        let fields = vec![(Field::Body(0), t, s.scan(t, Gazetteer::embedded()))];
        let r = resolve(fields);
        assert_eq!(r.len(), 3);
        assert!(
            r.iter()
                .all(|(_, c)| c.name == "Cambodian Mine Action Centre")
        );
    }
}
