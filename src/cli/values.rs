//! Values a flag accepts that come from the corpus, not from dossier: an unknown one is
//! answered with the list of known ones.

use crate::model::Corpus;
use crate::model::text::{fold, sanitize};
use anyhow::{Result, bail};

/// Accepts `series` when some event's series contains it (case and diacritics ignored, as
/// `dossier events --series` matches); otherwise the error lists the corpus' series.
pub fn check_series(corpus: &Corpus, series: &str) -> Result<()> {
    let wanted = fold(series);
    let mut known: Vec<&str> = corpus
        .events
        .iter()
        .filter_map(|e| e.series.as_deref())
        .collect();
    if known.iter().any(|s| fold(s).contains(&wanted)) {
        return Ok(());
    }
    known.sort_unstable();
    known.dedup();
    if known.is_empty() {
        bail!("no event of this corpus belongs to a series");
    }
    let known: Vec<String> = known.iter().map(|s| sanitize(s).into_owned()).collect();
    bail!(
        "no series matches {:?}; the corpus has:\n  {}",
        sanitize(series),
        known.join("\n  ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Event;

    #[test]
    fn lists_the_series_for_an_unknown_one() {
        let event = |s: &str| Event {
            series: Some(s.into()),
            ..Event::default()
        };
        let c = Corpus::new(
            vec![],
            vec![],
            vec![],
            vec![
                event("naval exchange"),
                event("border friendship exchange"),
                event("naval exchange"),
            ],
            vec![],
        );
        assert!(check_series(&c, "Border").is_ok());
        let err = check_series(&c, "airshow").unwrap_err().to_string();
        assert_eq!(
            err,
            "no series matches \"airshow\"; the corpus has:\n  border friendship exchange\n  naval exchange"
        );
    }
}
