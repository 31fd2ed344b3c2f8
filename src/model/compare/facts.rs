//! What one side of a comparison says and names: the values of its sentences, the
//! entities and events it names (with their editions and statuses), who held which
//! role, how its meeting was held, and a lookup of everything it names or says.

use super::align::Placed;
use super::names::{Presence, keys_of};
use super::topics::{Lexicon, TOPICS_JSON};
use super::values::{Value, values};
use crate::model::corpus::Corpus;

use crate::model::entity::{EntityKind, document_index};
use crate::model::event::Status;
use crate::model::text::fold;
use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// An entity or event named in a sentence.
#[derive(Debug, Clone)]
pub struct Named {
    /// Entity id (or event id for an event without an entity).
    pub id: String,
    /// Its canonical name.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Folded series shared by its editions.
    pub series: Option<String>,
    /// The series as written.
    pub series_name: Option<String>,
    /// Its edition number.
    pub ordinal: Option<u32>,
    /// Index of the sentence (in the side's placed sentences).
    pub sentence: usize,
    /// Byte range within the sentence, when the text names it there.
    pub span: Option<(usize, usize)>,
    /// Held, in preparation or upcoming, as that sentence says.
    pub status: Option<Status>,
    /// Keys it can be found under on the other side.
    pub keys: Vec<u64>,
}

/// How a meeting was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// In person only.
    InPerson,
    /// Online only.
    Online,
    /// Both.
    Hybrid,
}

impl Format {
    /// As shown in a change.
    pub fn label(self) -> &'static str {
        match self {
            Format::InPerson => "in person",
            Format::Online => "online",
            Format::Hybrid => "hybrid",
        }
    }
}

/// A person who held a role: (role name, index into `Side::named`).
pub type Role = (String, usize);

/// One side, read.
#[derive(Debug, Default)]
pub struct Side {
    /// Values of its sentences, in reading order (`Value::sentence` is the sentence index).
    pub values: Vec<Value>,
    /// Named entities and events, in reading order.
    pub named: Vec<Named>,
    /// Roles read from the text.
    pub roles: Vec<Role>,
    /// How its meeting was held, and in which sentence it says so.
    pub format: Option<(Format, usize)>,
    /// Everything it names or says.
    pub presence: Presence,
    /// (value key, number) of every value it states.
    pub said: FxHashSet<(String, u64)>,
    /// Folded series it names.
    pub series: FxHashSet<String>,
}

#[derive(Deserialize)]
struct RawCues {
    roles: BTreeMap<String, serde_json::Value>,
    formats: BTreeMap<String, serde_json::Value>,
}

/// Role and format cues, matched case-insensitively in sentence text.
struct Cues {
    roles: AhoCorasick,
    role_of: Vec<String>,
    formats: AhoCorasick,
    format_of: Vec<Option<Format>>,
}

fn cue_lists(map: BTreeMap<String, serde_json::Value>) -> Vec<(String, String)> {
    map.into_iter()
        .filter(|(k, _)| !k.starts_with('_'))
        .flat_map(|(k, v)| {
            let list: Vec<String> = serde_json::from_value(v).unwrap_or_default();
            list.into_iter().map(move |c| (k.clone(), c))
        })
        .collect()
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let raw: RawCues = serde_json::from_str(TOPICS_JSON).expect("assets/topics.json is valid");
        let roles = cue_lists(raw.roles);
        let formats = cue_lists(raw.formats);
        let build = |list: &[(String, String)]| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(list.iter().map(|(_, c)| c))
                .expect("cue lists compile")
        };
        Cues {
            roles: build(&roles),
            role_of: roles.iter().map(|(r, _)| r.clone()).collect(),
            formats: build(&formats),
            format_of: formats
                .iter()
                .map(|(f, _)| match f.as_str() {
                    "online" => Some(Format::Online),
                    "in person" => Some(Format::InPerson),
                    "hybrid" => Some(Format::Hybrid),
                    _ => None,
                })
                .collect(),
        }
    })
}

/// True when the cue at `start..end` of `text` stands as whole words.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

impl Side {
    /// Reads the placed sentences of document `doc`; `conference` is the index of the
    /// conference topic, whose sentences say how the meeting was held.
    pub fn read(
        corpus: &Corpus,
        doc: usize,
        placed: &[Placed],
        lex: &Lexicon,
        conference: Option<usize>,
    ) -> Side {
        let mut side = Side::default();
        let mut keys_cache: FxHashMap<usize, Vec<u64>> = FxHashMap::default();
        for (i, p) in placed.iter().enumerate() {
            let text = &p.sentence.text;
            side.presence.add_text(lex, text);
            for v in values(i, text, lex) {
                if let Some(k) = v.key() {
                    side.said.insert((k, v.number));
                }
                side.values.push(v);
            }
            for &(e, a, b) in p.names.iter().take(64) {
                let Some(ent) = corpus.entities.get(e) else {
                    continue;
                };
                let keys = keys_cache.entry(e).or_insert_with(|| {
                    let mut names: Vec<&str> = vec![ent.name.as_str()];
                    names.extend(ent.aliases.iter().map(String::as_str));
                    keys_of(lex, &names, ent.kind == EntityKind::Person)
                });
                let status = (ent.kind == EntityKind::Event)
                    .then(|| crate::model::events::status_in(text, a))
                    .flatten();
                side.named.push(Named {
                    id: ent.id.clone(),
                    name: ent.name.clone(),
                    kind: ent.kind,
                    series: ent.series.as_deref().map(fold),
                    series_name: ent.series.clone(),
                    ordinal: ent.ordinal,
                    sentence: i,
                    span: Some((a, b)),
                    status,
                    keys: keys.clone(),
                });
            }
            side.read_roles(i, text);
            if conference.is_some()
                && (p.topics.primary == conference || p.topics.secondary == conference)
            {
                side.read_format(i, text);
            }
        }
        if let Some(d) = corpus.documents.get(doc) {
            side.add_events(corpus, doc, placed, lex);
            side.presence.add_text(lex, &d.title);
        }
        for n in &side.named {
            side.presence.add_keys(&n.keys);
            if let Some(s) = &n.series {
                side.series.insert(s.clone());
            }
        }
        side
    }

    /// Events the corpus timeline cites from this document that no entity mention
    /// names (a conference the article reports, say); review conferences are left out,
    /// as they are the articles' subject.
    fn add_events(&mut self, corpus: &Corpus, doc: usize, placed: &[Placed], lex: &Lexicon) {
        let d = document_index(doc);
        let named: FxHashSet<&str> = self.named.iter().map(|n| n.id.as_str()).collect();
        let mut found = Vec::new();
        for ev in corpus.events.iter().filter(|e| e.documents.contains(&d)) {
            let id = ev.entity.as_deref().unwrap_or(ev.id.as_str());
            if named.contains(id) || is_review_series(ev.series.as_deref()) {
                continue;
            }
            let Some(es) = ev.sentences.iter().find(|s| s.document() == doc) else {
                continue;
            };
            // The placed sentence holding the event's sentence start.
            let at = placed.partition_point(|p| {
                (p.sentence.field, p.sentence.start) <= (es.field(), es.start())
            });
            let Some(i) = at.checked_sub(1).filter(|&i| {
                placed[i].sentence.field == es.field() && es.start() < placed[i].sentence.end
            }) else {
                continue;
            };
            found.push(Named {
                id: id.to_owned(),
                name: ev.name.clone(),
                kind: EntityKind::Event,
                series: ev.series.as_deref().map(fold),
                series_name: ev.series.clone(),
                ordinal: ev.ordinal,
                sentence: i,
                span: None,
                status: ev.status,
                keys: keys_of(lex, &[ev.name.as_str()], false),
            });
        }
        // Appended, not sorted in: roles hold indices into `named`.
        self.named.extend(found);
    }

    /// The people a sentence gives a role: the person named nearest to each role cue.
    fn read_roles(&mut self, sentence: usize, text: &str) {
        let c = cues();
        let people: Vec<usize> = (0..self.named.len())
            .rev()
            .take_while(|&k| self.named[k].sentence == sentence)
            .filter(|&k| self.named[k].kind == EntityKind::Person)
            .collect();
        if people.is_empty() {
            return;
        }
        for hit in c.roles.find_iter(text).take(8) {
            if !whole_word(text, hit.start(), hit.end()) {
                continue;
            }
            let distance = |k: &&usize| {
                let (a, b) = self.named[**k].span.unwrap_or((0, 0));
                if b <= hit.start() {
                    hit.start() - b
                } else {
                    a.saturating_sub(hit.end())
                }
            };
            if let Some(&k) = people.iter().min_by_key(distance) {
                let role = c.role_of[hit.pattern().as_usize()].clone();
                if !self
                    .roles
                    .iter()
                    .any(|(r, n)| *r == role && self.named[*n].id == self.named[k].id)
                {
                    self.roles.push((role, k));
                }
            }
        }
    }

    /// How a meeting was held, from one sentence about it; hybrid wins over the others.
    fn read_format(&mut self, sentence: usize, text: &str) {
        let c = cues();
        let mut seen: Vec<Format> = c
            .formats
            .find_iter(text)
            .filter(|h| whole_word(text, h.start(), h.end()))
            .filter_map(|h| c.format_of[h.pattern().as_usize()])
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let format = match seen.as_slice() {
            [] => return,
            [one] => *one,
            _ => Format::Hybrid,
        };
        if self.format.is_none_or(|(f, _)| format > f) {
            self.format = Some((format, sentence));
        }
    }
}

/// True for the series of the review conferences themselves.
pub fn is_review_series(series: Option<&str>) -> bool {
    use crate::model::document::Kind;
    series.is_some_and(|s| {
        let s = fold(s);
        [
            Kind::HalfYearReview,
            Kind::AnnualReview,
            Kind::MultiYearReview,
        ]
        .iter()
        .any(|k| fold(k.label()) == s)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::align::place;
    use crate::model::compare::tests::corpus;

    fn side(text: &str) -> Side {
        let lex = Lexicon::embedded();
        let c = corpus([vec![text.to_owned()], vec![]]);
        let p = place(&c, 0, lex, usize::MAX);
        Side::read(&c, 0, &p.placed, lex, lex.topic("conference"))
    }

    #[test]
    fn reads_the_format_of_the_meeting() {
        let f = |t: &str| side(t).format.map(|(f, _)| f);
        assert_eq!(
            f("The conference was held online, linking 30 locations."),
            Some(Format::Online)
        );
        assert_eq!(
            f("The conference was held in person and online."),
            Some(Format::Hybrid)
        );
        assert_eq!(
            f("The hybrid conference was chaired by the minister."),
            Some(Format::Hybrid)
        );
        assert_eq!(f("The conference reviewed the work."), None);
    }

    #[test]
    fn values_are_said() {
        let s = side("The ministry now has ties with 110 countries.");
        assert_eq!(s.values.len(), 1);
        assert!(s.said.contains(&("c|country".to_owned(), 110)));
    }

    #[test]
    fn review_series_are_recognised() {
        assert!(is_review_series(Some("Half-Year Review")));
        assert!(!is_review_series(Some("Shangri-La Dialogue")));
        assert!(!is_review_series(None));
    }
}
