//! BM25's constants and per-document length norms, shared by the index (which
//! precomputes them) and the ranking.

/// BM25 term-frequency saturation.
pub(super) const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;

/// BM25's length normalisation of every document, for the article alone (`[0]`) and
/// with its related tail (`[1]`): `K1 × (1 − B + B × length / mean length)`.
pub(super) fn norms(unit_lengths: &[u32]) -> Vec<[f32; 2]> {
    let lens: Vec<[f32; 2]> = unit_lengths
        .chunks_exact(2)
        .map(|u| [u[0] as f32, (u[0] + u[1]) as f32])
        .collect();
    let n = lens.len().max(1) as f64;
    let mean = |k: usize| (lens.iter().map(|l| f64::from(l[k])).sum::<f64>() / n).max(1.0) as f32;
    let (a, r) = (mean(0), mean(1));
    lens.iter()
        .map(|l| [K1 * (1.0 - B + B * l[0] / a), K1 * (1.0 - B + B * l[1] / r)])
        .collect()
}
