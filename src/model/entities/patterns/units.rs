//! Deployed units, organisations with an edition: peacekeeping rotations ("Level-2
//! Field Hospital Rotation 7") and numbered units ("Level-2 Field Hospital No.2").
//!
//! Series of rotations: the unit word (Unit, Company, Team, Contingent, Group) is
//! folded to "unit", so "Engineering Unit Rotation 4" and "Engineering Company
//! Rotation 2" share the series "engineering unit rotation": the English editions
//! name the same engineering contingent both ways. "No.2" is the second rotation.

use super::super::candidate::Candidate;
use super::triggers::{Any, Hits};
use super::words::COMMAND_HEADS;
use super::{CAP, skip_leading};
use crate::model::entity::EntityKind;
use regex::Regex;
use std::sync::OnceLock;

/// Nouns that end a unit's name before its number ("Field Hospital No.2").
const UNIT_HEADS: &str =
    "Hospital|Unit|Company|Team|Contingent|Group|Battalion|Squadron|Detachment|Brigade";

/// Standing commands named by a number.
fn commands() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        super::build_regex(&format!(
            r"(?P<body>{CAP}(?:\s+{CAP}){{0,3}}\s+(?:{COMMAND_HEADS}))\s+(?P<n>\d{{1,3}})(?-u:\b)(?:[^-–/.\d]|\.\s|\.?$)"
        ))
        .expect("command regex is valid")
    })
}

fn compiled() -> &'static (Regex, Regex) {
    static C: OnceLock<(Regex, Regex)> = OnceLock::new();
    C.get_or_init(|| {
        (
            super::build_regex(&format!(
                r"(?P<body>{CAP}(?:\s+{CAP}){{0,4}})\s+Rotation\s+(?P<n>\d{{1,2}})(?-u:\b)"
            ))
            .expect("rotation regex is valid"),
            super::build_regex(&format!(
                r"(?P<body>{CAP}(?:\s+{CAP}){{0,4}}\s+(?:{UNIT_HEADS}))\s+No\.\s?(?P<n>\d{{1,2}})(?-u:\b)"
            ))
            .expect("unit number regex is valid"),
        )
    })
}

/// Unit candidates in `text`.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    find_at(text, &Hits::of(text), out);
}

/// Unit candidates in `text`, whose trigger hits are `hits`.
pub fn find_at(text: &str, hits: &Hits, out: &mut Vec<Candidate>) {
    let (rotation, numbered) = compiled();
    // A pattern runs only where its fixed word occurs (no search state otherwise).
    let rotations = hits
        .any(Any::Rotation)
        .then(|| rotation.captures_iter(text));
    let numbers = hits.any(Any::Number).then(|| numbered.captures_iter(text));
    for m in rotations
        .into_iter()
        .flatten()
        .chain(numbers.into_iter().flatten())
    {
        let (Some(body), Some(n)) = (m.name("body"), m.name("n")) else {
            continue;
        };
        let lead = skip_leading(body.as_str());
        let start = body.start() + lead;
        let unit = &text[start..body.end()];
        if !unit.contains(' ') {
            continue;
        }
        let mut cand = Candidate::new(EntityKind::Org, start, n.end(), &text[start..n.end()]);
        cand.ordinal = n.as_str().parse().ok();
        let series: Vec<&str> = unit
            .split_whitespace()
            .map(|w| match w {
                "Unit" | "Company" | "Team" | "Contingent" | "Group" => "Unit",
                w => w,
            })
            .collect();
        cand.series = Some(format!("{} Rotation", series.join(" ")));
        out.push(cand);
    }
    // A text holds a numbered command only if a command head occurs (anywhere, even
    // inside a word).
    if !hits.any(Any::CommandHead) {
        return;
    }
    for m in commands().captures_iter(text) {
        let (Some(body), Some(n)) = (m.name("body"), m.name("n")) else {
            continue;
        };
        let start = body.start() + skip_leading(body.as_str());
        if text[start..body.end()].contains(' ') {
            out.push(Candidate::new(
                EntityKind::Org,
                start,
                n.end(),
                &text[start..n.end()],
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<(String, Option<u32>, Option<String>)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter()
            .map(|c| (c.name, c.ordinal, c.series))
            .collect()
    }

    #[test]
    fn rotations_share_a_unit_series() {
        let a = units("the Engineering Unit Rotation 4 left");
        let b = units("the Engineering Company Rotation 2 left");
        assert_eq!(a[0].1, Some(4));
        assert_eq!(a[0].2, b[0].2);
        assert_eq!(
            units("Level-2 Field Hospital Rotation 7")[0].2.as_deref(),
            Some("Level-2 Field Hospital Rotation")
        );
    }

    #[test]
    fn numbered_commands_keep_their_number() {
        let names = |t: &str| units(t).into_iter().map(|u| u.0).collect::<Vec<_>>();
        assert_eq!(
            names(
                "officers of Military Region 7 and the Naval Region 3 Command. The Army Corps 12, too."
            ),
            ["Military Region 7", "Naval Region 3", "Army Corps 12"]
        );
        assert!(
            names("the Asia-Pacific Region 2025 outlook; the Economic Zone 3-5 plan").is_empty()
        );
        assert!(units("Military Region 7")[0].2.is_none());
    }

    #[test]
    fn numbered_units_are_rotations() {
        let u = units("members of the Level-2 Field Hospital No.3 left for Bentiu");
        assert_eq!(u[0].0, "Level-2 Field Hospital No.3");
        assert_eq!(u[0].1, Some(3));
        assert_eq!(u[0].2.as_deref(), Some("Level-2 Field Hospital Rotation"));
        assert!(units("Decree No. 12 and the Rotation policy").is_empty());
    }
}
