//! Evidence from outside the two texts, as [`BeadSimilarity`] implementations:
//! [`MtSimilarity`] (`mt.rs`) compares A spans with the machine translation of B spans
//! by character n-gram F-score (chrF-like), [`EmbeddingSimilarity`] (`embedding.rs`) by
//! the cosine of sentence embeddings, and [`Combined`] averages several. Both are
//! calibrated here against unrelated sentence pairs of the same documents, so that 0
//! means "no more alike than two random sentences" and 1 means identical.
//! [`band_spans`] (`band.rs`) chooses which concatenations are worth embedding after a
//! first pass (Bertalign's two passes). Pure: vectors and texts in, numbers out.

mod band;
mod embedding;
mod mt;

pub use band::band_spans;
pub use embedding::{EmbeddingSimilarity, SpanVectors};
pub use mt::MtSimilarity;

use super::BeadSimilarity;
use std::ops::Range;

/// Longest span whose merged n-grams or summed vectors are precomputed.
const MERGED_SPAN: usize = 4;

/// Largest span size with its own baseline (larger spans use this size's).
const SIZES: usize = 4;

/// The mean score of unrelated span pairs by span sizes: scores of larger spans drift
/// (averaged embeddings come closer to the documents' centroid, merged n-grams match
/// more), so each size pair is calibrated on its own.
#[derive(Debug, Clone, Copy, Default)]
struct SizeBases {
    table: [[Option<f64>; SIZES]; SIZES],
}

impl SizeBases {
    /// Samples unrelated span pairs of every size pair; `score(a, b)` gives `None` for
    /// spans it cannot score.
    fn sample(n: usize, m: usize, score: impl Fn(Range<usize>, Range<usize>) -> Option<f64>) -> Self {
        let mut bases = SizeBases::default();
        let pairs = unrelated_pairs(n, m);
        for k in 1..=SIZES {
            for l in 1..=SIZES {
                let values: Vec<f64> = pairs
                    .iter()
                    .take(if k * l == 1 { 400 } else { 120 })
                    .filter(|&&(i, j)| i + k <= n && j + l <= m)
                    .filter_map(|&(i, j)| score(i..i + k, j..j + l))
                    .collect();
                if values.len() >= 10 {
                    bases.table[k - 1][l - 1] = mean(&values);
                }
            }
        }
        bases
    }

    /// Whether there were enough unrelated sentence pairs to calibrate single sentences.
    /// Without them (documents of a few sentences) a source abstains: an uncalibrated
    /// score let a tiny document align as one 4-4 bead.
    fn calibrated(&self) -> bool {
        self.get(1, 1).is_some()
    }

    /// The baseline of spans of `k` and `l` sentences; `None` when too few unrelated span
    /// pairs of those sizes were found, and a bead of those sizes then gets no credit.
    fn get(&self, k: usize, l: usize) -> Option<f64> {
        self.table[k.clamp(1, SIZES) - 1][l.clamp(1, SIZES) - 1]
    }
}

/// The mean of the [`HUB_K`] largest values (0 for none).
fn top_mean(values: &mut [f64]) -> f64 {
    values.sort_by(|x, y| y.total_cmp(x));
    let k = values.len().min(HUB_K);
    if k == 0 { 0.0 } else { values[..k].iter().sum::<f64>() / k as f64 }
}

/// Whether `a` and `b` are non-empty spans within `n` sentences of A and `m` of B.
fn spans_within(a: &Range<usize>, b: &Range<usize>, n: usize, m: usize) -> bool {
    !a.is_empty() && !b.is_empty() && a.end <= n && b.end <= m
}

/// The margin score of two spans: `raw` minus half the mean hubness of their sentences
/// on each side, so that a generic sentence close to everything scores lower than a
/// specific one (`raw` itself while the hubness tables are still empty).
fn minus_hubness(raw: f64, hub_a: &[f64], hub_b: &[f64], a: &Range<usize>, b: &Range<usize>) -> f64 {
    if !spans_within(a, b, hub_a.len(), hub_b.len()) {
        return raw;
    }
    let mean = |hub: &[f64], r: &Range<usize>| hub[r.clone()].iter().sum::<f64>() / r.len() as f64;
    raw - (mean(hub_a, a) + mean(hub_b, b)) / 2.0
}

/// Nearest neighbours averaged into a sentence's hubness.
const HUB_K: usize = 4;

/// The calibrated similarity of a typical right pair (a sentence's median best match).
/// It is well below 1 so that candidates better than typical keep their differences:
/// were the typical match 1, every good candidate, the right sentence plus a neighbour
/// included, would be clamped to the same value and the aligner could not tell them apart.
const TYPICAL: f64 = 0.3;

/// Maps `raw` linearly so that `base` becomes 0 and `good` becomes [`TYPICAL`], clamped
/// to [0, 1].
fn calibrate(raw: f64, base: f64, good: f64) -> f64 {
    (TYPICAL * (raw - base) / (good - base).max(1e-6)).clamp(0.0, 1.0)
}

/// The calibration points of a pairwise score: the mean over unrelated pairs (far from
/// the diagonal) and the median over A sentences of their best score (most sentences
/// have their translation on the other side).
fn calibration(n: usize, m: usize, score: impl Fn(usize, usize) -> f64) -> (f64, f64) {
    let base =
        mean(&unrelated_pairs(n, m).iter().map(|&(i, j)| score(i, j)).collect::<Vec<_>>()).unwrap_or(0.0);
    if n == 0 || m == 0 {
        return (base, 1.0);
    }
    let step = (n / 100).max(1);
    let mut best: Vec<f64> =
        (0..n).step_by(step).map(|i| (0..m).map(|j| score(i, j)).fold(0.0, f64::max)).collect();
    best.sort_by(f64::total_cmp);
    let good = best[best.len() / 2];
    if good > base + 0.02 { (base, good) } else { (base, 1.0) }
}

/// Pairs of sentence ids that are almost surely not translations of each other: far
/// from the diagonal, spread over both documents (at most 400).
fn unrelated_pairs(n: usize, m: usize) -> Vec<(usize, usize)> {
    if n < 4 || m < 4 {
        return Vec::new();
    }
    let count = 400.min(n * m / 4);
    (0..count)
        .map(|k| {
            let i = (k * 7919) % n;
            let j = (i * m / n + m / 2 + (k * 104_729) % (m / 4).max(1)) % m;
            (i, j)
        })
        .collect()
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Several sources at once: the weighted mean of those that have something to say.
#[derive(Default)]
pub struct Combined {
    /// The sources, each with its weight.
    pub sources: Vec<(Box<dyn BeadSimilarity + Send>, f64)>,
}

impl BeadSimilarity for Combined {
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        let (mut sum, mut weight) = (0.0, 0.0);
        for (source, w) in &self.sources {
            if let Some(s) = source.similarity(a.clone(), b.clone()) {
                sum += s * w;
                weight += w;
            }
        }
        (weight > 0.0).then(|| sum / weight)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calibration_maps_baseline_to_zero() {
        assert_eq!(calibrate(0.8, 0.8, 0.9), 0.0);
        assert!((calibrate(0.9, 0.8, 0.9) - TYPICAL).abs() < 1e-9);
        assert!((calibrate(0.85, 0.8, 0.9) - TYPICAL / 2.0).abs() < 1e-9);
        // Better than typical stays distinguishable, up to the clamp.
        assert!(calibrate(0.95, 0.8, 0.9) > calibrate(0.9, 0.8, 0.9));
        assert_eq!(calibrate(0.8 + 0.1 / TYPICAL + 0.01, 0.8, 0.9), 1.0);
        assert_eq!(calibrate(0.1, 0.8, 0.9), 0.0);
    }
}
