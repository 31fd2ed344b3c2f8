//! The gazetteer's recurring events as series: found by their key in either number
//! ("Chiefs of Defence Force Meeting" for "… Forces Meeting"), and, for forums held
//! once a year (`assets/editions.json`), a year-named edition given its number.
//! Only years the sources confirm are numbered: a forum may skip a year later.

use super::gazetteer::Gazetteer;
use super::keys;
use crate::model::entity::EntityKind;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::OnceLock;

/// `assets/editions.json`.
#[derive(Debug, Deserialize)]
struct EditionsFile {
    annual: Vec<Annual>,
}

/// A forum held once a year: one edition on record and the years it was not held.
#[derive(Debug, Clone, Deserialize)]
struct Annual {
    /// The gazetteer name of the series.
    series: String,
    /// The year of the edition on record.
    year: u32,
    /// That edition's number.
    edition: u32,
    /// The last year whose numbering the sources confirm: later years are not numbered.
    until: u32,
    /// Years the forum was not held (after `year`).
    not_held: Vec<u32>,
}

impl Annual {
    /// The number of the edition held in `year`; none before the edition on record,
    /// after the last year confirmed, or in a year the forum was not held.
    fn edition_in(&self, year: u32) -> Option<u32> {
        if !(self.year..=self.until).contains(&year) || self.not_held.contains(&year) {
            return None;
        }
        let missed = self
            .not_held
            .iter()
            .filter(|&&y| (self.year..year).contains(&y));
        let missed = u32::try_from(missed.count()).ok()?;
        Some(self.edition + (year - self.year) - missed)
    }
}

/// The series of one gazetteer.
#[derive(Debug)]
pub struct Series {
    /// Each event entry's name and aliases by [`keys::number_free`] key.
    by_number_free: FxHashMap<String, usize>,
    /// The annual forums by entry.
    annual: FxHashMap<usize, Annual>,
}

impl Series {
    /// The event series of `gaz`, with the embedded annual forums that it names.
    pub fn of(gaz: &Gazetteer) -> Series {
        let mut by_number_free = FxHashMap::default();
        for (i, e) in gaz.entries.iter().enumerate() {
            if e.kind != EntityKind::Event {
                continue;
            }
            by_number_free.entry(keys::number_free(&e.key)).or_insert(i);
            for alias in &e.aliases {
                let k = keys::number_free(&keys::key(alias, gaz));
                by_number_free.entry(k).or_insert(i);
            }
        }
        let annual = annual_forums()
            .iter()
            .filter_map(|a| Some((gaz.by_key(&keys::key(&a.series, gaz))?, a.clone())))
            .collect();
        Series {
            by_number_free,
            annual,
        }
    }

    /// The entry whose key is `key`, or else the event entry whose key differs from it
    /// only in number.
    pub fn entry(&self, gaz: &Gazetteer, key: &str) -> Option<usize> {
        gaz.by_key(key)
            .or_else(|| self.by_number_free.get(&keys::number_free(key)).copied())
    }

    /// The number of the edition of series `entry` held in `year`, when the series is
    /// an annual forum on record.
    pub fn edition_in(&self, entry: usize, year: u32) -> Option<u32> {
        self.annual.get(&entry)?.edition_in(year)
    }
}

fn annual_forums() -> &'static [Annual] {
    static FILE: OnceLock<EditionsFile> = OnceLock::new();
    &FILE
        .get_or_init(|| {
            serde_json::from_str(include_str!("../../../assets/editions.json"))
                .expect("assets/editions.json is valid (checked by a test)")
        })
        .annual
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_annual_forum_is_a_gazetteer_event() {
        let gaz = Gazetteer::embedded();
        let series = Series::of(gaz);
        assert_eq!(series.annual.len(), annual_forums().len());
    }

    #[test]
    fn a_year_gives_the_edition_held_then() {
        let forum = Annual {
            series: "Harbour Security Forum".into(),
            year: 2010,
            edition: 3,
            until: 2018,
            not_held: vec![2014, 2015],
        };
        assert_eq!(forum.edition_in(2010), Some(3));
        assert_eq!(forum.edition_in(2013), Some(6));
        assert_eq!(forum.edition_in(2014), None);
        assert_eq!(forum.edition_in(2016), Some(7));
        assert_eq!(forum.edition_in(2009), None);
        assert_eq!(forum.edition_in(2018), Some(9));
        assert_eq!(forum.edition_in(2019), None);
    }

    #[test]
    fn a_series_is_found_in_either_number() {
        let gaz = Gazetteer::embedded();
        let series = Series::of(gaz);
        let forces = keys::key("ASEAN Chiefs of Defence Forces Meeting", gaz);
        let force = keys::key("ASEAN Chiefs of Defense Force Meeting", gaz);
        assert!(gaz.by_key(&force).is_none());
        assert_eq!(series.entry(gaz, &force), gaz.by_key(&forces));
        assert!(series.entry(gaz, "harbour security forum").is_none());
    }
}
