//! Pairing the values of two sides that speak of the same thing ("8th" and "9th" of
//! the Vietnam–China exchange), by the words around them.

use super::values::Value;

/// How alike two values' contexts are (0..=1), or `None` when they cannot be the same thing.
fn similarity(a: &Value, b: &Value) -> Option<f32> {
    if a.kind != b.kind || a.label != b.label || a.context.is_empty() || b.context.is_empty() {
        return None;
    }
    if !a.parties.is_empty() && !b.parties.is_empty() && a.parties != b.parties {
        return None;
    }
    let shared = a.context.intersection(&b.context).count() as f32;
    let union = a.context.union(&b.context).count() as f32;
    let bonus = if a.number == b.number { 0.01 } else { 0.0 };
    Some(shared / union + bonus)
}

/// True when `b` is the same value as `a` said about the same thing.
pub fn same(a: &Value, b: &Value) -> bool {
    a.number == b.number && similarity(a, b).is_some_and(|s| s >= MIN_SIMILARITY)
}

/// How alike two values' contexts must be to speak of the same thing.
const MIN_SIMILARITY: f32 = 0.5;

/// Pairs the values of two sides that speak of the same thing, best match first.
/// Returns the pairs (left index, right index) and the unpaired indices of each side.
pub fn pair(left: &[Value], right: &[Value]) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            if let Some(s) = similarity(a, b).filter(|&s| s >= MIN_SIMILARITY) {
                candidates.push((s, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut used_l = vec![false; left.len()];
    let mut used_r = vec![false; right.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !used_l[i] && !used_r[j] {
            used_l[i] = true;
            used_r[j] = true;
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    let rest = |used: &[bool]| (0..used.len()).filter(|&i| !used[i]).collect();
    (pairs, rest(&used_l), rest(&used_r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::topics::Lexicon;
    use crate::model::compare::values::values;

    fn vals(s: &str) -> Vec<Value> {
        values(0, s, Lexicon::embedded())
    }

    #[test]
    fn pairs_editions_of_the_same_series() {
        let left = vals(
            "They prepared the 8th Vietnam - China Border Defense Friendship Exchange and the first Vietnam - Laos - Cambodia Border Defense Friendship Exchange.",
        );
        let right = vals(
            "They held the 9th Vietnam–China border defence friendship exchange and the 4th Vietnam–Laos exchange of young border guard officers.",
        );
        let (pairs, only_l, only_r) = pair(&left, &right);
        assert_eq!(pairs, [(0, 0)]);
        assert_eq!(left[0].display, "8th");
        assert_eq!(right[0].display, "9th");
        assert_eq!((only_l, only_r), (vec![1], vec![1]));
    }

    #[test]
    fn different_parties_are_different_series() {
        let left =
            vals("It held the first Vietnam - Laos - Cambodia Border Defense Friendship Exchange.");
        let right = vals("It held the 2nd Việt Nam-Cambodia Border Defence Friendship Exchange.");
        assert_eq!(
            left[0].parties,
            ["cambodia", "laos", "vietnam"].map(String::from).into()
        );
        assert_eq!(
            right[0].parties,
            ["cambodia", "vietnam"].map(String::from).into()
        );
        assert!(pair(&left, &right).0.is_empty());
        let same = vals("the 9th Việt Nam-China Border Defence Friendship Exchange");
        let old = vals("the 8th Vietnam - China Border Defense Friendship Exchange");
        assert_eq!(pair(&old, &same).0, [(0, 0)]);
    }

    #[test]
    fn counts_pair_across_word_forms() {
        let left = vals("The hybrid conference in Hue, connecting 20 locations, opened.");
        let right = vals("The conference connected 35 locations nationwide.");
        assert_eq!(pair(&left, &right).0, [(0, 0)]);
    }

    #[test]
    fn pairs_rotations_by_their_unit() {
        let left = vals(
            "They trained the Engineering Company Rotation 2 and the Level-2 Field Hospital Rotation 5 for missions.",
        );
        let right = vals(
            "It readied its Engineering Unit Rotation 4 and Level-2 Field Hospital Rotation 7, while training.",
        );
        let (pairs, ..) = pair(&left, &right);
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|&(i, j)| (left[i].display.as_str(), right[j].display.as_str()))
            .collect();
        assert_eq!(
            got,
            [("Rotation 2", "Rotation 4"), ("Rotation 5", "Rotation 7")]
        );
        assert_eq!(left[0].what, "Engineering Company");
    }
}
