//! [`EmbeddingSimilarity`]: A spans against B spans by the cosine of their sentence
//! embeddings ([`SpanVectors`]: single sentences, some concatenations, and the
//! normalised sum of sentence vectors for groups facing groups), with a hubness margin
//! and calibration per span size. One sentence facing a group that was not embedded as
//! one text gets no credit.

use super::{MERGED_SPAN, SIZES, SizeBases, calibrate, calibration, minus_hubness, spans_within, top_mean};
use crate::align::BeadSimilarity;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Mutex;

/// A lazily filled table of values per (A sentence, B sentence) pair, safe to fill from
/// the aligner's parallel threads (one lock per A row).
#[derive(Debug, Default)]
struct PairTable<V> {
    rows: Vec<Mutex<HashMap<u32, V>>>,
}

impl<V: Copy> PairTable<V> {
    fn new(n: usize) -> Self {
        PairTable { rows: (0..n).map(|_| Mutex::new(HashMap::new())).collect() }
    }

    fn get(&self, i: usize, j: usize, compute: impl FnOnce() -> V) -> V {
        let Ok(mut row) = self.rows[i].lock() else { return compute() };
        *row.entry(j as u32).or_insert_with(compute)
    }
}

impl<V: Copy> Clone for PairTable<V> {
    fn clone(&self) -> Self {
        PairTable::new(self.rows.len())
    }
}

/// Unit-length vectors of single sentences and of some concatenations; other spans
/// are approximated by the normalised sum of their sentences' vectors.
#[derive(Debug, Clone, Default)]
pub struct SpanVectors {
    singles: Vec<Vec<f32>>,
    spans: HashMap<(usize, usize), Vec<f32>>,
    norms: HashMap<(usize, usize), f64>,
}

impl SpanVectors {
    /// Vectors of single sentences.
    pub fn new(singles: Vec<Vec<f32>>) -> Self {
        let singles: Vec<Vec<f32>> = singles.into_iter().map(normalised).collect();
        let mut vectors = SpanVectors { singles, spans: HashMap::new(), norms: HashMap::new() };
        let n = vectors.singles.len();
        for start in 0..n {
            for len in 2..=MERGED_SPAN.min(n - start) {
                let norm = vectors.sum_norm(start..start + len);
                vectors.norms.insert((start, start + len), norm);
            }
        }
        vectors
    }

    /// Adds the vector of the concatenation of sentences `range`.
    pub fn insert(&mut self, range: Range<usize>, vector: Vec<f32>) {
        if range.len() == 1 {
            self.singles[range.start] = normalised(vector);
        } else {
            self.spans.insert((range.start, range.end), normalised(vector));
        }
    }

    /// Number of single sentences.
    pub fn len(&self) -> usize {
        self.singles.len()
    }

    /// Whether the concatenation `range` has its own vector.
    pub fn has(&self, range: &Range<usize>) -> bool {
        range.len() == 1 || self.spans.contains_key(&(range.start, range.end))
    }

    /// The norm of the sum of the sentence vectors of `range`.
    fn sum_norm(&self, range: Range<usize>) -> f64 {
        if let Some(&norm) = self.norms.get(&(range.start, range.end)) {
            return norm;
        }
        let mut total = 0.0;
        for i in range.clone() {
            for k in range.clone() {
                total += dot(&self.singles[i], &self.singles[k]);
            }
        }
        total.max(0.0).sqrt()
    }
}

fn normalised(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| f64::from(*x) * f64::from(*x)).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in &mut v {
            *x = (f64::from(*x) / norm) as f32;
        }
    }
    v
}

fn dot(a: &[f32], b: &[f32]) -> f64 {
    if a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>().into()
}

/// Similarity of A spans with B spans by the cosine of their embeddings, calibrated on
/// the two documents (E5 cosines of unrelated sentences are high, about 0.8).
#[derive(Debug, Clone)]
pub struct EmbeddingSimilarity {
    a: SpanVectors,
    b: SpanVectors,
    dots: PairTable<f32>,
    base: f64,
    good: f64,
    bases: SizeBases,
    own_bases: SizeBases,
    hub_a: Vec<f64>,
    hub_b: Vec<f64>,
}

impl EmbeddingSimilarity {
    /// Similarity over the given vectors, calibrated on the single sentences.
    pub fn new(a: SpanVectors, b: SpanVectors) -> Self {
        let mut sim = EmbeddingSimilarity {
            dots: PairTable::new(a.len()),
            a,
            b,
            base: 0.0,
            good: 1.0,
            bases: SizeBases::default(),
            own_bases: SizeBases::default(),
            hub_a: Vec::new(),
            hub_b: Vec::new(),
        };
        (sim.hub_a, sim.hub_b) = sim.hubness();
        let (n, m) = (sim.a.len(), sim.b.len());
        (sim.base, sim.good) = calibration(n, m, |i, j| sim.score(i..i + 1, j..j + 1).unwrap_or(0.0));
        sim.bases = SizeBases::sample(n, m, |a, b| if sim.has_own(&a, &b) { None } else { sim.score(a, b) });
        sim.own_bases = sim.sample_own();
        sim
    }

    /// Keeps the calibration of `other` (the first pass), so that both passes score alike.
    pub fn with_calibration_of(mut self, other: &EmbeddingSimilarity) -> Self {
        (self.base, self.good, self.bases) = (other.base, other.good, other.bases);
        self
    }

    /// Baselines of spans with their own vector against unrelated spans far away.
    fn sample_own(&self) -> SizeBases {
        let (n, m) = (self.a.len(), self.b.len());
        let mut sums = [[(0.0, 0usize); SIZES]; SIZES];
        let far = |i: usize, n: usize, m: usize| (i * m / n.max(1) + m / 2) % m.max(1);
        let mut own_a: Vec<&(usize, usize)> = self.a.spans.keys().collect();
        let mut own_b: Vec<&(usize, usize)> = self.b.spans.keys().collect();
        own_a.sort_unstable();
        own_b.sort_unstable();
        for (k, &&(s, e)) in own_a.iter().enumerate().take(300) {
            for l in 1..=SIZES {
                let j = (far(s, n, m) + k % 7) % m.max(1);
                if let Some(c) = (j + l <= m).then(|| self.score(s..e, j..j + l)).flatten() {
                    let slot = &mut sums[(e - s).min(SIZES) - 1][l - 1];
                    *slot = (slot.0 + c, slot.1 + 1);
                }
            }
        }
        for (k, &&(s, e)) in own_b.iter().enumerate().take(300) {
            for l in 1..=SIZES {
                let i = (far(s, m, n) + k % 7) % n.max(1);
                if let Some(c) = (i + l <= n).then(|| self.score(i..i + l, s..e)).flatten() {
                    let slot = &mut sums[l - 1][(e - s).min(SIZES) - 1];
                    *slot = (slot.0 + c, slot.1 + 1);
                }
            }
        }
        let mut bases = SizeBases::default();
        for (row, sums_row) in bases.table.iter_mut().zip(&sums) {
            for (slot, &(sum, count)) in row.iter_mut().zip(sums_row) {
                if count >= 10 {
                    *slot = Some(sum / count as f64);
                }
            }
        }
        bases
    }

    /// Whether a multi-sentence side of the span pair has its own vector (otherwise its
    /// sentences' summed vectors stand for it).
    fn has_own(&self, a: &Range<usize>, b: &Range<usize>) -> bool {
        (a.len() > 1 && self.a.has(a)) || (b.len() > 1 && self.b.has(b))
    }

    fn single_dot(&self, i: usize, j: usize) -> f64 {
        f64::from(self.dots.get(i, j, || dot(&self.a.singles[i], &self.b.singles[j]) as f32))
    }

    /// For each sentence, the mean cosine of its [`HUB_K`](super::HUB_K) nearest sentences on the other
    /// side (within a window around the diagonal): how alike it is to everything.
    fn hubness(&self) -> (Vec<f64>, Vec<f64>) {
        let (n, m) = (self.a.len(), self.b.len());
        let mut best_a: Vec<Vec<f64>> = vec![Vec::new(); n];
        let mut best_b: Vec<Vec<f64>> = vec![Vec::new(); m];
        for (i, best) in best_a.iter_mut().enumerate() {
            let centre = i * m / n.max(1);
            let reach = (m / 5).max(300);
            let start = centre.saturating_sub(reach);
            let end = (centre + reach + 1).min(m);
            for (j, column) in best_b.iter_mut().enumerate().take(end).skip(start) {
                let c = self.single_dot(i, j);
                best.push(c);
                column.push(c);
            }
        }
        let top = |mut v: Vec<f64>| top_mean(&mut v);
        (best_a.into_iter().map(top).collect(), best_b.into_iter().map(top).collect())
    }

    /// The margin score of two spans: their cosine minus half the mean hubness of their
    /// sentences on each side (a generic sentence that is close to everything scores
    /// lower than a specific one).
    fn score(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        let c = self.cosine(a.clone(), b.clone())?;
        Some(minus_hubness(c, &self.hub_a, &self.hub_b, &a, &b))
    }

    /// The cosine of two spans, without calibration.
    pub fn cosine(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        if !spans_within(&a, &b, self.a.len(), self.b.len()) {
            return None;
        }
        let own_a = if a.len() == 1 { None } else { self.a.spans.get(&(a.start, a.end)) };
        let own_b = if b.len() == 1 { None } else { self.b.spans.get(&(b.start, b.end)) };
        let cos = match (own_a, own_b) {
            (Some(va), Some(vb)) => dot(va, vb),
            (Some(va), None) => {
                let sum: f64 = b.clone().map(|j| dot(va, &self.b.singles[j])).sum();
                sum / self.b.sum_norm(b).max(1e-9)
            }
            (None, Some(vb)) => {
                let sum: f64 = a.clone().map(|i| dot(&self.a.singles[i], vb)).sum();
                sum / self.a.sum_norm(a).max(1e-9)
            }
            (None, None) => {
                let mut sum = 0.0;
                for i in a.clone() {
                    for j in b.clone() {
                        sum += self.single_dot(i, j);
                    }
                }
                if a.len() == 1 && b.len() == 1 {
                    sum
                } else {
                    sum / (self.a.sum_norm(a) * self.b.sum_norm(b)).max(1e-9)
                }
            }
        };
        Some(cos)
    }

    /// The vectors of side A and side B.
    pub fn into_parts(self) -> (SpanVectors, SpanVectors) {
        (self.a, self.b)
    }
}

impl BeadSimilarity for EmbeddingSimilarity {
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        if !spans_within(&a, &b, self.a.len(), self.b.len()) || !self.bases.calibrated() {
            return None;
        }
        let own = self.has_own(&a, &b);
        if !own && (a.len() == 1) != (b.len() == 1) {
            // One sentence against a group whose text was not embedded: the group's summed
            // sentence vectors hardly tell the right sentence plus a wrong neighbour from
            // the right sentence alone (adding a wrong neighbour raises the summed-vector
            // cosine far more often than the embedded concatenation's), so such a bead
            // gets no credit.
            return Some(0.0);
        }
        let table = if own { &self.own_bases } else { &self.bases };
        let Some(base) = table.get(a.len(), b.len()).or_else(|| self.bases.get(a.len(), b.len())) else {
            return Some(0.0);
        };
        let good = self.good - self.base + base;
        self.score(a, b).map(|c| calibrate(c, base, good))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedding_spans_fall_back_to_the_mean_of_sentences() {
        let a = SpanVectors::new(vec![vec![1.0, 0.0], vec![0.0, 1.0]]);
        let mut b = SpanVectors::new(vec![vec![1.0, 1.0]]);
        b.insert(0..1, vec![2.0, 2.0]);
        let sim = EmbeddingSimilarity::new(a.clone(), b);
        assert!((sim.cosine(0..2, 0..1).expect("some") - 1.0).abs() < 1e-6);
        assert!((sim.cosine(0..1, 0..1).expect("some") - 0.5f64.sqrt()).abs() < 1e-6);
        let mut a2 = a;
        a2.insert(0..2, vec![1.0, 0.0]);
        assert!(a2.has(&(0..2)));
        let sim = EmbeddingSimilarity::new(a2, SpanVectors::new(vec![vec![1.0, 1.0]]));
        assert!((sim.cosine(0..2, 0..1).expect("some") - 0.5f64.sqrt()).abs() < 1e-6);
    }

    /// Unit vectors spread over a circle, a pair per angle: A's `i` and B's `i` agree.
    fn circle(n: usize, offset: f32) -> SpanVectors {
        SpanVectors::new(
            (0..n)
                .map(|i| {
                    let t = i as f32 * 0.7 + offset;
                    vec![t.cos(), t.sin(), 0.3]
                })
                .collect(),
        )
    }

    #[test]
    fn a_sentence_against_a_group_is_credited_only_when_the_group_was_embedded() {
        let a = circle(30, 0.0);
        let plain = EmbeddingSimilarity::new(a.clone(), circle(30, 0.05));
        assert_eq!(plain.similarity(3..4, 3..5), Some(0.0));
        assert_eq!(plain.similarity(3..5, 3..4), Some(0.0));
        // Groups facing groups use the summed vectors.
        assert!(plain.similarity(3..5, 3..5).is_some_and(|s| s > 0.0));
        let mut b = circle(30, 0.05);
        let group: Vec<f32> = (0..3).map(|k| b.singles[3][k] + b.singles[4][k]).collect();
        b.insert(3..5, group);
        let embedded = EmbeddingSimilarity::new(a, b).with_calibration_of(&plain);
        assert!(embedded.similarity(3..4, 3..5).is_some_and(|s| s > 0.0));
    }

    #[test]
    fn tiny_documents_get_no_similarity_and_big_merges_no_credit() {
        let sim = EmbeddingSimilarity::new(circle(4, 0.0), circle(4, 0.05));
        assert_eq!(sim.similarity(0..1, 0..1), None);
        assert_eq!(sim.similarity(0..4, 0..4), None);
        let sim = EmbeddingSimilarity::new(circle(30, 0.0), circle(30, 0.05));
        let right = sim.similarity(3..4, 3..4).expect("calibrated");
        assert!(right > sim.similarity(3..4, 20..21).expect("calibrated"));
        // Eight sentences calibrate single sentences but leave too few unrelated 4-4
        // span pairs: a 4-4 bead gets no credit.
        let sim = EmbeddingSimilarity::new(circle(8, 0.0), circle(8, 0.05));
        assert!(sim.similarity(0..1, 0..1).is_some_and(|s| s > 0.0));
        assert_eq!(sim.similarity(0..4, 0..4), Some(0.0));
    }
}
