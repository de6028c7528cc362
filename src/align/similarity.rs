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

    fn merged(parts: &[&Profile]) -> Profile {
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

    /// chrF with β = 1: the mean over n of the n-gram F-scores, n with no n-grams on
    /// either side left out.
    fn f_score(&self, other: &Profile) -> f64 {
        let mut matches = [0u32; MAX_N];
        let (mut i, mut j) = (0, 0);
        while i < self.grams.len() && j < other.grams.len() {
            let (ga, ca) = self.grams[i];
            let (gb, cb) = other.grams[j];
            match ga.cmp(&gb) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    matches[(ga & 7) as usize - 1] += ca.min(cb);
                    i += 1;
                    j += 1;
                }
            }
        }
        let mut sum = 0.0;
        let mut used = 0;
        for ((&ta, &tb), &m) in self.totals.iter().zip(&other.totals).zip(&matches) {
            if ta == 0 || tb == 0 {
                continue;
            }
            used += 1;
            if m > 0 {
                sum += 2.0 * f64::from(m) / f64::from(ta + tb);
            }
        }
        if used == 0 { 0.0 } else { sum / f64::from(used) }
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

/// Profiles of every span of up to `max_len` consecutive sentences.
#[derive(Debug, Clone)]
struct SpanProfiles {
    singles: Vec<Profile>,
    spans: HashMap<(usize, usize), Profile>,
}

impl SpanProfiles {
    fn new(texts: &[String], max_len: usize) -> Self {
        let singles: Vec<Profile> = texts.iter().map(|t| Profile::of(t)).collect();
        let mut spans = HashMap::new();
        for start in 0..singles.len() {
            for len in 2..=max_len {
                if start + len > singles.len() {
                    break;
                }
                let parts: Vec<&Profile> = singles[start..start + len].iter().collect();
                spans.insert((start, start + len), Profile::merged(&parts));
            }
        }
        SpanProfiles { singles, spans }
    }

    fn with<T>(&self, range: Range<usize>, f: impl FnOnce(&Profile) -> T) -> Option<T> {
        if range.is_empty() || range.end > self.singles.len() {
            return None;
        }
        if range.len() == 1 {
            return Some(f(&self.singles[range.start]));
        }
        match self.spans.get(&(range.start, range.end)) {
            Some(profile) => Some(f(profile)),
            None => {
                let parts: Vec<&Profile> = self.singles[range].iter().collect();
                Some(f(&Profile::merged(&parts)))
            }
        }
    }
}

/// Similarity of A spans with the machine translation of B spans (both in A's
/// language), by character n-gram F-score.
#[derive(Debug, Clone)]
pub struct MtSimilarity {
    a: SpanProfiles,
    mt_b: SpanProfiles,
    baseline: f64,
}

impl MtSimilarity {
    /// Precomputes the n-gram profiles of the sentences of A and of the MT of each B
    /// sentence, and of their spans up to `max_group` sentences.
    pub fn new(a: &[String], mt_b: &[String], max_group: usize) -> Self {
        let a = SpanProfiles::new(a, max_group.max(1));
        let mt_b = SpanProfiles::new(mt_b, max_group.max(1));
        let pairs = unrelated_pairs(a.singles.len(), mt_b.singles.len());
        let scores: Vec<f64> = pairs.iter().map(|&(i, j)| a.singles[i].f_score(&mt_b.singles[j])).collect();
        let baseline = mean(&scores).unwrap_or(0.0);
        MtSimilarity { a, mt_b, baseline }
    }

    /// The raw chrF-like F-score of two spans, without calibration.
    pub fn raw(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        self.a.with(a, |pa| self.mt_b.with(b, |pb| pa.f_score(pb))).flatten()
    }

    /// The mean F-score of unrelated sentence pairs, mapped to 0.
    pub fn baseline(&self) -> f64 {
        self.baseline
    }
}

impl BeadSimilarity for MtSimilarity {
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        self.raw(a, b).map(|raw| calibrate(raw, self.baseline))
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

/// Maps `raw` so that `baseline` becomes 0 and 1 stays 1, clamped to [0, 1].
fn calibrate(raw: f64, baseline: f64) -> f64 {
    let baseline = baseline.clamp(0.0, 0.95);
    ((raw - baseline) / (1.0 - baseline)).clamp(0.0, 1.0)
}

/// Unit-length vectors of single sentences and of some concatenations; other spans
/// are approximated by the normalised sum of their sentences' vectors.
#[derive(Debug, Clone, Default)]
pub struct SpanVectors {
    singles: Vec<Vec<f32>>,
    spans: HashMap<(usize, usize), Vec<f32>>,
}

impl SpanVectors {
    /// Vectors of single sentences.
    pub fn new(singles: Vec<Vec<f32>>) -> Self {
        SpanVectors { singles: singles.into_iter().map(normalised).collect(), spans: HashMap::new() }
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

    fn vector(&self, range: Range<usize>) -> Option<std::borrow::Cow<'_, [f32]>> {
        if range.is_empty() || range.end > self.singles.len() {
            return None;
        }
        if range.len() == 1 {
            return Some(std::borrow::Cow::Borrowed(&self.singles[range.start]));
        }
        if let Some(v) = self.spans.get(&(range.start, range.end)) {
            return Some(std::borrow::Cow::Borrowed(v));
        }
        let dim = self.singles[range.start].len();
        let mut sum = vec![0.0f32; dim];
        for v in &self.singles[range] {
            for (s, x) in sum.iter_mut().zip(v) {
                *s += x;
            }
        }
        Some(std::borrow::Cow::Owned(normalised(sum)))
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
    a.iter().zip(b).map(|(x, y)| f64::from(*x) * f64::from(*y)).sum()
}

/// Similarity of A spans with B spans by the cosine of their embeddings, calibrated
/// against unrelated pairs (E5 cosines of unrelated sentences are high, about 0.8).
#[derive(Debug, Clone)]
pub struct EmbeddingSimilarity {
    a: SpanVectors,
    b: SpanVectors,
    baseline: f64,
}

impl EmbeddingSimilarity {
    /// Similarity over the given vectors; the baseline comes from the single sentences.
    pub fn new(a: SpanVectors, b: SpanVectors) -> Self {
        let pairs = unrelated_pairs(a.len(), b.len());
        let scores: Vec<f64> = pairs.iter().map(|&(i, j)| dot(&a.singles[i], &b.singles[j])).collect();
        let baseline = mean(&scores).unwrap_or(0.0);
        EmbeddingSimilarity { a, b, baseline }
    }

    /// The cosine of two spans, without calibration.
    pub fn cosine(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        Some(dot(&self.a.vector(a)?, &self.b.vector(b)?))
    }

    /// The mean cosine of unrelated sentence pairs, mapped to 0.
    pub fn baseline(&self) -> f64 {
        self.baseline
    }

    /// The vectors of side A and side B.
    pub fn into_parts(self) -> (SpanVectors, SpanVectors) {
        (self.a, self.b)
    }
}

impl BeadSimilarity for EmbeddingSimilarity {
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        self.cosine(a, b).map(|c| calibrate(c, self.baseline))
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
        let sim = MtSimilarity::new(&a, &mt_b, 4);
        for i in 0..5 {
            let right = sim.similarity(i..i + 1, i..i + 1).expect("some");
            for j in (0..5).filter(|&j| j != i) {
                let wrong = sim.similarity(i..i + 1, j..j + 1).expect("some");
                assert!(right > wrong, "{i} vs {j}: {right} <= {wrong}");
            }
        }
        // A 2-1 merge scores better as a pair than either half alone.
        let merged = texts(&[&format!("{} {}", mt_b[1], mt_b[2])]);
        let sim = MtSimilarity::new(&a, &merged, 4);
        assert!(sim.raw(1..3, 0..1) > sim.raw(1..2, 0..1));
        assert!(sim.raw(1..3, 0..1) > sim.raw(2..3, 0..1));
    }

    #[test]
    fn identical_text_is_one_and_out_of_range_is_none() {
        let a = texts(&["Ein Satz."]);
        let sim = MtSimilarity::new(&a, &a, 2);
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
        assert_eq!(calibrate(0.8, 0.8), 0.0);
        assert_eq!(calibrate(1.0, 0.8), 1.0);
        assert!((calibrate(0.9, 0.8) - 0.5).abs() < 1e-9);
        assert_eq!(calibrate(0.1, 0.8), 0.0);
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
