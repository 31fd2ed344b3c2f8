//! Resolution inside one document: short person references ("Gen. Chien", "Chiến")
//! to the person named in full in the same section, and bare acronyms to the
//! name they were defined for. Sections: the main article (title, body, captions)
//! and each related item apart.

use super::candidate::Candidate;
use super::folded::fold_match_char;
use crate::model::document::Field;
use crate::model::entity::EntityKind;

/// A candidate placed in its field.
pub type Placed = (Field, Candidate);

fn section(f: Field) -> usize {
    match f {
        Field::Title | Field::Body(_) | Field::Caption(_) => 0,
        Field::RelatedTitle(i) | Field::RelatedText(i) => i + 1,
    }
}

/// True when `word` folds to `folded` ("Chiến" vs "chien").
fn folds_to(word: &str, folded: &str) -> bool {
    word.chars().map(fold_match_char).eq(folded.chars())
}

fn last_word(name: &str) -> &str {
    name.rsplit([' ', '\u{a0}']).next().unwrap_or(name)
}

/// Resolves short references of one document; `fields` holds, in reading order,
/// each field's text and its selected candidates.
pub fn resolve(fields: Vec<(Field, &str, Vec<Candidate>)>) -> Vec<Placed> {
    // Full names, in reading order: (position, section, folded given name, name).
    let mut full: Vec<(usize, usize, String, String)> = Vec::new();
    let mut acronyms: Vec<(usize, String, Candidate)> = Vec::new();
    for (pos, (f, _, cands)) in fields.iter().enumerate() {
        for c in cands {
            if c.kind == EntityKind::Person && c.name.contains([' ', '\u{a0}']) {
                let given: String = last_word(&c.name).chars().map(fold_match_char).collect();
                full.push((pos, section(*f), given, c.name.clone()));
            }
            if let Some(a) = &c.acronym {
                acronyms.push((section(*f), a.clone(), c.clone()));
            }
        }
    }
    let antecedent = |pos: usize, sec: usize, word: &str| -> Option<String> {
        let same: Vec<&(usize, usize, String, String)> = full
            .iter()
            .filter(|p| p.1 == sec && folds_to(word, &p.2))
            .collect();
        let mut names: Vec<&str> = same.iter().map(|p| p.3.as_str()).collect();
        names.dedup();
        match names.as_slice() {
            [] => None,
            [one] => Some((*one).to_owned()),
            _ => same
                .iter()
                .rev()
                .find(|p| p.0 <= pos)
                .or(same.first())
                .map(|p| p.3.clone()),
        }
    };
    let mut out = Vec::new();
    for (pos, (f, text, mut cands)) in fields.into_iter().enumerate() {
        let sec = section(f);
        for c in cands.iter_mut() {
            if c.kind == EntityKind::Person
                && !c.name.contains([' ', '\u{a0}'])
                && let Some(name) = antecedent(pos, sec, &c.name)
            {
                c.name = name;
            }
        }
        let mut extra = Vec::new();
        let lookups = full.iter().any(|p| p.1 == sec) || acronyms.iter().any(|a| a.0 == sec);
        for (start, end) in words(if lookups { text } else { "" }) {
            let w = &text[start..end];
            if !w.starts_with(char::is_uppercase)
                || cands.iter().any(|c| start < c.cover.1 && end > c.cover.0)
            {
                continue;
            }
            if let Some((_, _, def)) = acronyms.iter().find(|(s, a, _)| *s == sec && a == w) {
                let mut c = def.clone();
                (c.start, c.end, c.cover) = (start, end, (start, end));
                c.acronym = None;
                extra.push(c);
            } else if full.iter().any(|p| p.1 == sec && folds_to(w, &p.2))
                && !next_to_capitalised(text, start, end)
                && let Some(name) = antecedent(pos, sec, w)
            {
                extra.push(Candidate::new(EntityKind::Person, start, end, &name));
            }
        }
        cands.extend(extra);
        cands.sort_by_key(|c| c.start);
        out.extend(cands.into_iter().map(|c| (f, c)));
    }
    out
}

/// Word ranges of `text` (letters, marks, digits).
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start: Option<usize> = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            let word = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
            match (word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    start = None;
                    return Some((s, i));
                }
                _ => {}
            }
        }
        None
    })
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
