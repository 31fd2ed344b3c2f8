//! The beat's outlets (assets/outlets.json): agency codes as written in datelines,
//! closing credits and outlet leads, and site names.

use crate::model::text::fold;
use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Entry {
    name: String,
    codes: Vec<String>,
    sites: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct OutletFile {
    outlets: Vec<Entry>,
}

/// The known outlets, indexed by code and by folded site name.
#[derive(Debug, Default)]
pub struct Outlets {
    /// Code as written → outlet name.
    codes: FxHashMap<String, String>,
    /// Folded site name → outlet name.
    sites: FxHashMap<String, String>,
}

/// Longest code or site name looked up, in bytes.
const MAX_NAME: usize = 40;

impl Outlets {
    /// The outlets of a JSON text shaped like assets/outlets.json.
    pub fn parse(json: &str) -> serde_json::Result<Outlets> {
        let file: OutletFile = serde_json::from_str(json)?;
        let mut out = Outlets::default();
        for e in file.outlets {
            for c in e.codes {
                out.codes.insert(c, e.name.clone());
            }
            for s in e.sites {
                out.sites.insert(site_key(&s), e.name.clone());
            }
        }
        Ok(out)
    }

    /// The outlet an agency code stands for ("VNA" → "VNA", "PANO" → "QDND").
    pub fn code(&self, code: &str) -> Option<&str> {
        self.codes.get(code).map(String::as_str)
    }

    /// The outlet a site name or address stands for ("VOV.VN", "vietnamplus.vn").
    pub fn site(&self, name: &str) -> Option<&str> {
        (name.len() <= MAX_NAME)
            .then(|| self.sites.get(&site_key(name)))
            .flatten()
            .map(String::as_str)
    }

    /// A code or a site name.
    pub fn named(&self, name: &str) -> Option<&str> {
        self.code(name).or_else(|| self.site(name))
    }

    /// A closing credit: one code ("VNA" → "VNA"), or a joint credit of known codes
    /// kept as written ("VNS/VNA").
    pub fn credit(&self, credit: &str) -> Option<String> {
        let credit = credit.trim();
        if let Some(one) = self.named(credit) {
            return Some(one.to_owned());
        }
        let parts: Vec<&str> = credit.split('/').map(str::trim).collect();
        (parts.len() > 1 && parts.iter().all(|p| self.code(p).is_some())).then(|| parts.join("/"))
    }

    /// An outlet lead at the start of a paragraph ("WVR - On the morning …", "VOV.VN – The …"):
    /// the outlet and the paragraph after the lead.
    pub fn lead<'a>(&self, para: &'a str) -> Option<(String, &'a str)> {
        // The outlet is the first word ("WVR - ") or the words before a spaced dash
        // ("Tuoi Tre - ").
        let first_end = para.find([' ', '-', '–', '—'])?;
        // A dash within reach ends at most 5 bytes past it: only that start is searched.
        let mut reach = para.len().min(MAX_NAME + 5);
        while !para.is_char_boundary(reach) {
            reach -= 1;
        }
        let spaced = [" - ", " – ", " — "]
            .iter()
            .filter_map(|d| para[..reach].find(d))
            .min()
            .filter(|&i| i <= MAX_NAME);
        for head_end in [Some(first_end), spaced].into_iter().flatten() {
            let head = para[..head_end].trim_matches(['(', ')']);
            let Some(outlet) = self.credit(head) else {
                continue;
            };
            let rest = para[head_end..].trim_start();
            let Some(rest) = rest.strip_prefix(['-', '–', '—']) else {
                continue;
            };
            let rest = rest.trim_start_matches(['-', ' ']);
            if rest.starts_with(|c: char| {
                c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c)
            }) {
                return Some((outlet, rest));
            }
        }
        None
    }
}

/// Site names compare folded, without a leading "www.".
fn site_key(s: &str) -> String {
    let f = fold(s.trim());
    f.strip_prefix("www.").map(str::to_owned).unwrap_or(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlets() -> Outlets {
        Outlets::parse(include_str!("../../../assets/outlets.json")).expect("valid outlets.json")
    }

    #[test]
    fn codes_sites_and_joint_credits() {
        let o = outlets();
        assert_eq!(o.code("VNA"), Some("VNA"));
        assert_eq!(o.code("PANO"), Some("QDND"));
        assert_eq!(o.code("vna"), None);
        assert_eq!(o.site("VOV.VN"), Some("VOV"));
        assert_eq!(o.site("www.VietnamPlus.vn"), Some("VNA"));
        assert_eq!(o.credit("VNS/VNA").as_deref(), Some("VNS/VNA"));
        assert_eq!(o.credit("VNA/Reuters").as_deref(), Some("VNA/Reuters"));
        assert_eq!(o.credit("Hanoi/VNA"), None);
        assert_eq!(o.credit("Tran Hoai"), None);
    }

    #[test]
    fn outlet_leads() {
        let o = outlets();
        let lead = |s| o.lead(s).map(|(n, r)| (n, r.to_owned()));
        assert_eq!(
            lead("WVR - On the morning of May 2, the ships left."),
            Some((
                "WVR".into(),
                "On the morning of May 2, the ships left.".into()
            ))
        );
        assert_eq!(
            lead("VOV.VN – The navy said."),
            Some(("VOV".into(), "The navy said.".into()))
        );
        assert_eq!(
            lead("Tuoi Tre - Troops arrived."),
            Some(("Tuổi Trẻ".into(), "Troops arrived.".into()))
        );
        assert_eq!(
            lead("(VTV) - Troops arrived."),
            Some(("VTV".into(), "Troops arrived.".into()))
        );
        for s in [
            "HÀ NỘI — The ministry met.",
            "VNA reported that troops left.",
            "Hanoi - the capital",
            "ASEAN – China talks open",
        ] {
            assert_eq!(lead(s), None, "{s}");
        }
    }
}
