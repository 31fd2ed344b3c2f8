//! Deployed units, organisations with an edition: peacekeeping rotations ("Level-2
//! Field Hospital Rotation 7") and numbered units ("Level-2 Field Hospital No.2").
//!
//! Series of rotations: the unit word (Unit, Company, Team, Contingent, Group) is
//! folded to "unit", so "Engineering Unit Rotation 4" and "Engineering Company
//! Rotation 2" share the series "engineering unit rotation": the English editions
//! name the same engineering contingent both ways. "No.2" is the second rotation.

use super::super::candidate::Candidate;
use super::numbered::{Form, Match, find_all};
use super::skip_leading;
use super::triggers::{Any, Hits};
use super::words::COMMAND_HEADS;
use crate::model::entity::EntityKind;
use std::sync::OnceLock;

/// Nouns that end a unit's name before its number ("Field Hospital No.2").
const UNIT_HEADS: &str =
    "Hospital|Unit|Company|Team|Contingent|Group|Battalion|Squadron|Detachment|Brigade";

/// The unit heads and the command heads, in the order they are tried.
fn heads() -> &'static (Vec<&'static str>, Vec<&'static str>) {
    static H: OnceLock<(Vec<&'static str>, Vec<&'static str>)> = OnceLock::new();
    H.get_or_init(|| {
        (
            UNIT_HEADS.split('|').collect(),
            COMMAND_HEADS.split('|').collect(),
        )
    })
}

/// Unit candidates in `text`.
pub fn find(text: &str, out: &mut Vec<Candidate>) {
    find_at(text, &Hits::of(text), out);
}

/// Unit candidates in `text`, whose trigger hits are `hits`.
pub fn find_at(text: &str, hits: &Hits, out: &mut Vec<Candidate>) {
    let (unit_heads, command_heads) = heads();
    let mut found = Vec::new();
    // A pattern runs only where its fixed word occurs.
    if hits.any(Any::Rotation) {
        find_all(text, Form::Rotation, &[], &mut found);
    }
    if hits.any(Any::Number) {
        find_all(text, Form::Numbered, unit_heads, &mut found);
    }
    for &Match { body, n, .. } in &found {
        let body_text = &text[body.0..body.1];
        let n_text = &text[n.0..n.1];
        let lead = skip_leading(body_text);
        let start = body.0 + lead;
        let unit = &text[start..body.1];
        if !unit.contains(' ') {
            continue;
        }
        let mut cand = Candidate::new(EntityKind::Org, start, n.1, &text[start..n.1]);
        cand.ordinal = n_text.parse().ok();
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
    found.clear();
    find_all(text, Form::Command, command_heads, &mut found);
    for &Match { body, n, .. } in &found {
        let start = body.0 + skip_leading(&text[body.0..body.1]);
        if text[start..body.1].contains(' ') {
            out.push(Candidate::new(
                EntityKind::Org,
                start,
                n.1,
                &text[start..n.1],
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
