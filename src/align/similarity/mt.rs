//! [`MtSimilarity`]: A spans against the machine translation of B spans, by character
//! n-gram F-score (chrF-like) on lower-cased text without white space, with a margin
//! against each sentence's nearest neighbours (hubness) and calibration per span size.

use super::{MERGED_SPAN, SizeBases, calibrate, calibration, minus_hubness, spans_within, top_mean};
use crate::align::BeadSimilarity;
use std::collections::HashMap;
use std::ops::Range;

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

    /// For each sentence, the mean raw score of its [`HUB_K`](super::HUB_K) best matches on the other
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
        Some(minus_hubness(raw, &self.hub_a, &self.hub_b, &a, &b))
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
        if !spans_within(&a, &b, self.a.len(), self.mt_b.len()) {
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
}

impl BeadSimilarity for MtSimilarity {
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        if !spans_within(&a, &b, self.a.len(), self.mt_b.len()) || !self.bases.calibrated() {
            return None;
        }
        if a.len() + b.len() > 2 && !self.promising(&a, &b) {
            return Some(0.0);
        }
        let Some(base) = self.bases.get(a.len(), b.len()) else { return Some(0.0) };
        let good = self.good - self.base + base;
        self.score(a, b).map(|raw| calibrate(raw, base, good))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "Unterwegs trafen wir einen alten Hirten mit seinen Ziegen.",
            "Der Abstieg über die Moräne dauerte fünf Stunden.",
            "Im Tal regnete es, als wir ankamen.",
        ]);
        let mt_b = texts(&[
            "Der Gletscher hat sich im Sommer stark zurückgezogen.",
            "Am Morgen stiegen wir zur Hütte hinauf.",
            "Die ganze Woche blieb das Wetter schlecht.",
            "Wir erreichten den Gipfel am Abend.",
            "Drei Bergsteiger bildeten die Seilschaft.",
            "Auf dem Weg begegneten wir einem alten Hirten und seinen Ziegen.",
            "Der Abstieg über die Moräne hat fünf Stunden gedauert.",
            "Als wir ankamen, regnete es im Tal.",
        ]);
        let sim = MtSimilarity::new(&a, &mt_b);
        for i in 0..a.len() {
            let right = sim.similarity(i..i + 1, i..i + 1).expect("some");
            for j in (0..a.len()).filter(|&j| j != i) {
                let wrong = sim.similarity(i..i + 1, j..j + 1).expect("some");
                assert!(right > wrong, "{i} vs {j}: {right} <= {wrong}");
            }
        }
        // Four sentences are too few to calibrate on: the source abstains.
        let short = MtSimilarity::new(&a[..4], &mt_b[..4]);
        assert_eq!(short.similarity(0..1, 0..1), None);
        assert_eq!(short.similarity(0..4, 0..4), None);
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
}
