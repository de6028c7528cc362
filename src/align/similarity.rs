//! Evidence from outside the two texts, as [`BeadSimilarity`] implementations:
//! [`MtSimilarity`] compares A spans with the machine translation of B spans by
//! character n-gram F-score (chrF-like), [`EmbeddingSimilarity`] by the cosine of
//! sentence embeddings. Both are calibrated against unrelated sentence pairs of the same
//! documents, so that 0 means "no more alike than two random sentences" and 1 means
//! identical. [`band_spans`] chooses which concatenations are worth embedding after a
//! first pass (Bertalign's two passes). Pure: vectors and texts in, numbers out.
//!
//! OWNER: issue 7.

use super::BeadSimilarity;
use crate::model::Alignment;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Mutex;

/// Longest character n-gram compared.
const MAX_N: usize = 5;

/// The character n-grams of a text (lower case, white space removed), as sorted
/// `(n-gram hash, count)` pairs; the n-gram length is kept in the hash's low bits.
#[derive(Debug, Clone, Default)]
struct Profile {
    grams: Vec<(u64, u32)>,
    totals: [u32; MAX_N],
}

impl Profile {
    fn of(text: &str) -> Profile {
        let chars: Vec<char> =
            text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
        let mut counts: HashMap<u64, u32> = HashMap::new();
        let mut totals = [0u32; MAX_N];
        for n in 1..=MAX_N {
            for window in chars.windows(n) {
                *counts.entry(gram_hash(window)).or_default() += 1;
                totals[n - 1] += 1;
            }
        }
        let mut grams: Vec<(u64, u32)> = counts.into_iter().collect();
        grams.sort_unstable();
        Profile { grams, totals }
    }

    /// Matched n-gram counts (clipped), per n.
    fn matches(&self, other: &Profile) -> [u16; MAX_N] {
        let mut matches = [0u16; MAX_N];
        let (mut i, mut j) = (0, 0);
        while i < self.grams.len() && j < other.grams.len() {
            let (ga, ca) = self.grams[i];
            let (gb, cb) = other.grams[j];
            match ga.cmp(&gb) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let slot = &mut matches[(ga & 7) as usize - 1];
                    *slot = slot.saturating_add(ca.min(cb).min(u32::from(u16::MAX)) as u16);
                    i += 1;
                    j += 1;
                }
            }
        }
        matches
    }
}

/// FNV-1a over the chars, with the n-gram length in the low three bits.
fn gram_hash(chars: &[char]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        hash ^= u64::from(c);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash << 3) | chars.len() as u64
}

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

/// Nearest neighbours averaged into a sentence's hubness.
const HUB_K: usize = 4;

/// The calibrated similarity of a typical right pair (a sentence's median best match).
/// It is well below 1 so that candidates better than typical keep their differences:
/// when the typical match already meant 1, every good candidate, including the right
/// sentence plus a neighbour, was clamped to the same value and the aligner could not
/// tell them apart (BENCHMARKS.md).
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

/// Similarity of A spans with the machine translation of B spans (both in A's
/// language), by character n-gram F-score. Sentence pairs are scored once and cached;
/// a pair of spans is scored exactly (on the spans' merged n-grams) only when one of
/// its sentence pairs is alike, and is 0 otherwise.
#[derive(Debug, Clone)]
pub struct MtSimilarity {
    a: Vec<Profile>,
    mt_b: Vec<Profile>,
    spans_a: HashMap<(usize, usize), Profile>,
    spans_b: HashMap<(usize, usize), Profile>,
    totals_a: Vec<[u32; MAX_N]>,
    totals_b: Vec<[u32; MAX_N]>,
    rows: Vec<std::sync::OnceLock<Row>>,
    base: f64,
    good: f64,
    bases: SizeBases,
    hub_a: Vec<f64>,
    hub_b: Vec<f64>,
}

/// Raw 1-1 scores of one A sentence against the B sentences `start..start + scores.len()`.
#[derive(Debug, Clone, Default)]
struct Row {
    start: usize,
    scores: Vec<f32>,
}

/// A span pair is scored only when one of its sentence pairs reaches this fraction of
/// the way from unrelated to typical (the others are unrelated: 0).
const PROMISING: f64 = 0.7;

/// Longest span whose merged n-grams are precomputed.
const MERGED_SPAN: usize = 4;

/// The merged n-grams of one span of sentences.
fn merge(parts: &[Profile]) -> Profile {
    let mut counts: HashMap<u64, u32> = HashMap::new();
    let mut totals = [0u32; MAX_N];
    for part in parts {
        for &(gram, count) in &part.grams {
            *counts.entry(gram).or_default() += count;
        }
        for (total, t) in totals.iter_mut().zip(part.totals) {
            *total += t;
        }
    }
    let mut grams: Vec<(u64, u32)> = counts.into_iter().collect();
    grams.sort_unstable();
    Profile { grams, totals }
}

/// Merged n-grams of every span of 2..=[`MERGED_SPAN`] sentences.
fn merged_spans(side: &[Profile]) -> HashMap<(usize, usize), Profile> {
    let mut out = HashMap::new();
    for start in 0..side.len() {
        for len in 2..=MERGED_SPAN.min(side.len() - start) {
            out.insert((start, start + len), merge(&side[start..start + len]));
        }
    }
    out
}

/// The profile of a span: the sentence's own, a precomputed merge, or a fresh one.
fn span_profile<'p>(
    spans: &'p HashMap<(usize, usize), Profile>,
    side: &'p [Profile],
    r: &Range<usize>,
) -> std::borrow::Cow<'p, Profile> {
    if r.len() == 1 {
        return std::borrow::Cow::Borrowed(&side[r.start]);
    }
    match spans.get(&(r.start, r.end)) {
        Some(p) => std::borrow::Cow::Borrowed(p),
        None => std::borrow::Cow::Owned(merge(&side[r.clone()])),
    }
}

fn prefix_totals(profiles: &[Profile]) -> Vec<[u32; MAX_N]> {
    let mut out = vec![[0u32; MAX_N]];
    for p in profiles {
        let mut next = *out.last().unwrap_or(&[0; MAX_N]);
        for (t, x) in next.iter_mut().zip(p.totals) {
            *t += x;
        }
        out.push(next);
    }
    out
}

impl MtSimilarity {
    /// Precomputes the n-gram profiles of the sentences of A and of the MT of each B
    /// sentence, and calibrates the score on the two documents.
    pub fn new(a: &[String], mt_b: &[String]) -> Self {
        let a: Vec<Profile> = a.iter().map(|t| Profile::of(t)).collect();
        let mt_b: Vec<Profile> = mt_b.iter().map(|t| Profile::of(t)).collect();
        let mut sim = MtSimilarity {
            spans_a: merged_spans(&a),
            spans_b: merged_spans(&mt_b),
            totals_a: prefix_totals(&a),
            totals_b: prefix_totals(&mt_b),
            rows: (0..a.len()).map(|_| std::sync::OnceLock::new()).collect(),
            a,
            mt_b,
            base: 0.0,
            good: 1.0,
            bases: SizeBases::default(),
            hub_a: Vec::new(),
            hub_b: Vec::new(),
        };
        let (n, m) = (sim.a.len(), sim.mt_b.len());
        (sim.base, sim.good) = calibration(n, m, |i, j| sim.single(i, j));
        (sim.hub_a, sim.hub_b) = sim.hubness();
        (sim.base, sim.good) = calibration(n, m, |i, j| sim.score(i..i + 1, j..j + 1).unwrap_or(0.0));
        sim.bases = SizeBases::sample(n, m, |a, b| sim.score(a, b));
        sim
    }

    /// For each sentence, the mean raw score of its [`HUB_K`] best matches on the other
    /// side (within the row windows): how alike it is to everything.
    fn hubness(&self) -> (Vec<f64>, Vec<f64>) {
        let (n, m) = (self.a.len(), self.mt_b.len());
        let mut best_b: Vec<Vec<f64>> = vec![Vec::new(); m];
        let mut hub_a = Vec::with_capacity(n);
        for i in 0..n {
            let _ = self.single(i, 0);
            let Some(row) = self.rows[i].get() else { continue };
            let mut scores: Vec<f64> = row.scores.iter().map(|&x| f64::from(x)).collect();
            for (k, &x) in scores.iter().enumerate() {
                best_b[row.start + k].push(x);
            }
            hub_a.push(top_mean(&mut scores));
        }
        (hub_a, best_b.into_iter().map(|mut v| top_mean(&mut v)).collect())
    }

    /// The margin score of two spans: the raw score minus half the mean hubness of their
    /// sentences on each side.
    fn score(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        let raw = self.raw(a.clone(), b.clone())?;
        if self.hub_a.len() != self.a.len() || self.hub_b.len() != self.mt_b.len() {
            return Some(raw);
        }
        let ha = a.clone().map(|i| self.hub_a[i]).sum::<f64>() / a.len() as f64;
        let hb = b.clone().map(|j| self.hub_b[j]).sum::<f64>() / b.len() as f64;
        Some(raw - (ha + hb) / 2.0)
    }

    /// The raw 1-1 score of A sentence `i` with B sentence `j`, from the row cache: each
    /// row is scored once against B sentences within a window around the diagonal.
    fn single(&self, i: usize, j: usize) -> f64 {
        let (n, m) = (self.a.len(), self.mt_b.len());
        let row = self.rows[i].get_or_init(|| {
            let reach = (m / 5).max(300);
            let centre = i * m / n.max(1);
            let start = centre.saturating_sub(reach);
            let end = (centre + reach + 1).min(m);
            Row { start, scores: (start..end).map(|j| self.score_single(i, j) as f32).collect() }
        });
        match j.checked_sub(row.start).and_then(|k| row.scores.get(k)) {
            Some(&score) => f64::from(score),
            None => self.score_single(i, j),
        }
    }

    fn score_single(&self, i: usize, j: usize) -> f64 {
        self.f_score(&self.a[i].matches(&self.mt_b[j]), &(i..i + 1), &(j..j + 1))
    }

    fn f_score(&self, matches: &[u16; MAX_N], a: &Range<usize>, b: &Range<usize>) -> f64 {
        let (mut sum, mut used) = (0.0, 0);
        for (n, &m) in matches.iter().enumerate() {
            let ta = self.totals_a[a.end][n] - self.totals_a[a.start][n];
            let tb = self.totals_b[b.end][n] - self.totals_b[b.start][n];
            if ta == 0 || tb == 0 {
                continue;
            }
            used += 1;
            sum += 2.0 * f64::from(m) / f64::from(ta + tb);
        }
        if used == 0 { 0.0 } else { sum / f64::from(used) }
    }

    /// The raw chrF-like F-score of two spans, without calibration.
    pub fn raw(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        if a.is_empty() || b.is_empty() || a.end > self.a.len() || b.end > self.mt_b.len() {
            return None;
        }
        if a.len() == 1 && b.len() == 1 {
            return Some(self.single(a.start, b.start));
        }
        let pa = span_profile(&self.spans_a, &self.a, &a);
        let pb = span_profile(&self.spans_b, &self.mt_b, &b);
        Some(self.f_score(&pa.matches(&pb), &a, &b))
    }

    /// Whether some sentence pair of the two spans is more alike than unrelated pairs.
    fn promising(&self, a: &Range<usize>, b: &Range<usize>) -> bool {
        let threshold = self.base + PROMISING * (self.good - self.base);
        a.clone().any(|i| b.clone().any(|j| self.score(i..i + 1, j..j + 1).is_some_and(|x| x >= threshold)))
    }

    /// The calibration points: raw scores mapped to 0 and to 1.
    pub fn calibration(&self) -> (f64, f64) {
        (self.base, self.good)
    }
}

impl BeadSimilarity for MtSimilarity {
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        if a.len() + b.len() > 2 && !a.is_empty() && !b.is_empty() && !self.promising(&a, &b) {
            return (a.end <= self.a.len() && b.end <= self.mt_b.len()).then_some(0.0);
        }
        let base = self.bases.get(a.len(), b.len()).unwrap_or(self.base);
        let good = self.good - self.base + base;
        self.score(a, b).map(|raw| calibrate(raw, base, good))
    }
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

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.singles.is_empty()
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
        let approximated = |a: &Range<usize>, b: &Range<usize>| !sim.a.has(a) && !sim.b.has(b);
        sim.bases = SizeBases::sample(n, m, |a, b| {
            let plain = a.len() + b.len() == 2 || approximated(&a, &b);
            if plain { sim.score(a, b) } else { None }
        });
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

    fn single_dot(&self, i: usize, j: usize) -> f64 {
        f64::from(self.dots.get(i, j, || dot(&self.a.singles[i], &self.b.singles[j]) as f32))
    }

    /// For each sentence, the mean cosine of its [`HUB_K`] nearest sentences on the other
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
        let top = |mut v: Vec<f64>| -> f64 {
            v.sort_by(|x, y| y.total_cmp(x));
            let k = v.len().min(HUB_K);
            if k == 0 { 0.0 } else { v[..k].iter().sum::<f64>() / k as f64 }
        };
        (best_a.into_iter().map(top).collect(), best_b.into_iter().map(top).collect())
    }

    /// The margin score of two spans: their cosine minus half the mean hubness of their
    /// sentences on each side (a generic sentence that is close to everything scores
    /// lower than a specific one).
    fn score(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        let c = self.cosine(a.clone(), b.clone())?;
        if self.hub_a.len() != self.a.len() || self.hub_b.len() != self.b.len() {
            return Some(c);
        }
        let ha = a.clone().map(|i| self.hub_a[i]).sum::<f64>() / a.len() as f64;
        let hb = b.clone().map(|j| self.hub_b[j]).sum::<f64>() / b.len() as f64;
        Some(c - (ha + hb) / 2.0)
    }

    /// The cosine of two spans, without calibration.
    pub fn cosine(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        if a.is_empty() || b.is_empty() || a.end > self.a.len() || b.end > self.b.len() {
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

    /// The calibration points: cosines mapped to 0 and to 1.
    pub fn calibration(&self) -> (f64, f64) {
        (self.base, self.good)
    }

    /// The vectors of side A and side B.
    pub fn into_parts(self) -> (SpanVectors, SpanVectors) {
        (self.a, self.b)
    }
}

impl BeadSimilarity for EmbeddingSimilarity {
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        let own = (a.len() > 1 && self.a.has(&a)) || (b.len() > 1 && self.b.has(&b));
        let table = if own { &self.own_bases } else { &self.bases };
        let base =
            table.get(a.len(), b.len()).or_else(|| self.bases.get(a.len(), b.len())).unwrap_or(self.base);
        let good = self.good - self.base + base;
        self.score(a, b).map(|c| calibrate(c, base, good))
    }
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

/// Concatenations worth embedding after a first alignment: spans of 2..=`max_group`
/// sentences near the first pass's doubtful beads (any bead that is not 1-1, and 1-1
/// beads whose `confidence` is below 0.5, weakest first), until their characters reach
/// `budget`. `chars_a`/`chars_b` are the sentence lengths in characters. Returns the
/// spans of A and of B, in the order chosen.
pub fn band_spans(
    first: &Alignment,
    chars_a: &[usize],
    chars_b: &[usize],
    confidence: impl Fn(usize, usize) -> f64,
    max_group: usize,
    budget: usize,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut doubtful: Vec<(f64, Range<usize>, Range<usize>)> = Vec::new();
    let (mut next_a, mut next_b) = (0, 0);
    for bead in &first.beads {
        let ra = bead.a.first().map_or(next_a..next_a, |&s| s..bead.a.last().map_or(s, |&e| e + 1));
        let rb = bead.b.first().map_or(next_b..next_b, |&s| s..bead.b.last().map_or(s, |&e| e + 1));
        (next_a, next_b) = (ra.end, rb.end);
        let priority = match bead.kind() {
            (1, 1) => confidence(ra.start, rb.start),
            _ => -1.0,
        };
        if priority < 0.5 {
            doubtful.push((priority, ra, rb));
        }
    }
    doubtful.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut chosen_a: Vec<Range<usize>> = Vec::new();
    let mut chosen_b: Vec<Range<usize>> = Vec::new();
    let mut seen_a = std::collections::HashSet::new();
    let mut seen_b = std::collections::HashSet::new();
    let mut spent = 0;
    let span_chars = |chars: &[usize], r: &Range<usize>| chars[r.clone()].iter().sum::<usize>() + r.len() - 1;
    for (_, ra, rb) in doubtful {
        let window_a = widen(&ra, 1, chars_a.len());
        let window_b = widen(&rb, 1, chars_b.len());
        let mut candidates: Vec<(bool, Range<usize>)> = Vec::new();
        for len in 2..=max_group {
            candidates.extend(spans_within(&window_a, len).map(|r| (true, r)));
            candidates.extend(spans_within(&window_b, len).map(|r| (false, r)));
        }
        for (is_a, range) in candidates {
            let (chars, seen, chosen) = if is_a {
                (chars_a, &mut seen_a, &mut chosen_a)
            } else {
                (chars_b, &mut seen_b, &mut chosen_b)
            };
            if seen.contains(&(range.start, range.end)) {
                continue;
            }
            let cost = span_chars(chars, &range);
            if spent + cost > budget {
                continue;
            }
            spent += cost;
            seen.insert((range.start, range.end));
            chosen.push(range);
        }
    }
    (chosen_a, chosen_b)
}

fn widen(range: &Range<usize>, by: usize, len: usize) -> Range<usize> {
    range.start.saturating_sub(by)..(range.end + by).min(len)
}

fn spans_within(window: &Range<usize>, len: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    (window.start..window.end).filter(move |&s| s + len <= window.end).map(move |s| s..s + len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bead;

    fn texts(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn mt_similarity_prefers_the_translation() {
        let a = texts(&[
            "Der Gletscher zog sich im Sommer weit zurück.",
            "Wir stiegen am Morgen zur Hütte auf.",
            "Das Wetter blieb die ganze Woche schlecht.",
            "Am Abend erreichten wir den Gipfel.",
            "Die Seilschaft bestand aus drei Bergsteigern.",
        ]);
        let mt_b = texts(&[
            "Der Gletscher hat sich im Sommer stark zurückgezogen.",
            "Am Morgen stiegen wir zur Hütte hinauf.",
            "Die ganze Woche blieb das Wetter schlecht.",
            "Wir erreichten den Gipfel am Abend.",
            "Drei Bergsteiger bildeten die Seilschaft.",
        ]);
        let sim = MtSimilarity::new(&a, &mt_b);
        for i in 0..5 {
            let right = sim.similarity(i..i + 1, i..i + 1).expect("some");
            for j in (0..5).filter(|&j| j != i) {
                let wrong = sim.similarity(i..i + 1, j..j + 1).expect("some");
                assert!(right > wrong, "{i} vs {j}: {right} <= {wrong}");
            }
        }
        // A 2-1 merge scores better as a pair than either half alone.
        let merged = texts(&[&format!("{} {}", mt_b[1], mt_b[2])]);
        let sim = MtSimilarity::new(&a, &merged);
        assert!(sim.raw(1..3, 0..1) > sim.raw(1..2, 0..1));
        assert!(sim.raw(1..3, 0..1) > sim.raw(2..3, 0..1));
    }

    #[test]
    fn identical_text_is_one_and_out_of_range_is_none() {
        let a = texts(&["Ein Satz."]);
        let sim = MtSimilarity::new(&a, &a);
        assert!((sim.raw(0..1, 0..1).expect("some") - 1.0).abs() < 1e-9);
        assert_eq!(sim.similarity(0..2, 0..1), None);
        assert_eq!(sim.similarity(0..0, 0..1), None);
    }

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

    #[test]
    fn band_spans_stay_near_doubtful_beads_and_within_budget() {
        let bead = |a: Vec<usize>, b: Vec<usize>| Bead { a, b, score: 0.9 };
        let first = Alignment {
            beads: vec![
                bead(vec![0], vec![0]),
                bead(vec![1], vec![1]),
                bead(vec![2], vec![2, 3]),
                bead(vec![3], vec![4]),
                bead(vec![4], vec![5]),
                bead(vec![5], vec![6]),
            ],
        };
        let chars_a = vec![10; 6];
        let chars_b = vec![10; 7];
        let (sa, sb) = band_spans(&first, &chars_a, &chars_b, |_, _| 0.9, 3, 1000);
        assert!(sa.iter().all(|r| r.start >= 1 && r.end <= 4), "{sa:?}");
        assert!(sb.iter().all(|r| r.start >= 1 && r.end <= 5), "{sb:?}");
        assert!(sb.contains(&(2..4)));
        let (sa, sb) = band_spans(&first, &chars_a, &chars_b, |_, _| 0.9, 3, 50);
        let spent: usize = sa.iter().chain(&sb).map(|r| r.len() * 10 + r.len() - 1).sum();
        assert!(spent <= 50, "{spent}");
    }
}
