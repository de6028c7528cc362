//! Outside evidence for the aligner: the MT similarity of a ready translation of B, and
//! sentence embeddings in two passes (Bertalign's idea): the single sentences are
//! embedded and a first alignment runs on them; then concatenations of sentences are
//! embedded only around the first pass's doubtful beads, within a budget of the single
//! sentences' characters, and the final alignment uses both.

use super::{Annotated, Engine};
use crate::align::similarity::{self, Combined, EmbeddingSimilarity, MtSimilarity, SpanVectors};
use crate::align::{BeadSimilarity, Evidence};
use crate::config::SimilarityConfig;
use crate::error::Result;
use crate::model::Note;
use crate::mt::Embedder;
use std::ops::Range;

/// The evidence gathered for one pair, with what it cost.
#[derive(Default)]
pub(super) struct Gathered {
    source: Option<Box<dyn BeadSimilarity + Send>>,
    weights: Option<crate::config::SimilarityWeights>,
    cross_floor: f64,
    /// What the caller may want to tell the user (the embedding cost).
    pub notes: Vec<Note>,
}

impl Gathered {
    /// The evidence for the aligner, if any.
    pub fn evidence(&self) -> Option<Evidence<'_>> {
        let source = self.source.as_deref()?;
        // A similarity that counts nothing is no evidence at all: the run is the offline one.
        if self.weights.is_some_and(|w| w.weight == 0.0 && w.cross == 0.0) {
            return None;
        }
        Some(Evidence {
            source: source as &dyn BeadSimilarity,
            weights: self.weights?,
            cross_floor: self.cross_floor,
        })
    }
}

/// MT similarity (when `mt_b` is given) and two-pass embedding similarity (when the
/// engine has an embedder), combined.
pub(super) fn gather(
    engine: &Engine,
    a: Annotated<'_>,
    b: Annotated<'_>,
    mt_b: Option<&[String]>,
) -> Result<Gathered> {
    let config = engine.config();
    let texts_a = a.0.texts_owned();
    let mt_sim = mt_b.map(|lines| MtSimilarity::new(&texts_a, lines));
    let mut weights = config.similarity_weights(mt_sim.is_some(), engine.embedder.is_some());
    let (n, m) = (a.0.len(), b.0.len());
    let mut notes = Vec::new();
    let Some(embedder) = engine.embedder.as_deref() else {
        if let Some(mt) = &mt_sim {
            let r = reliability(mt, n, m, &config.similarity);
            weights = weights.scaled(r);
            notes.extend(reliability_note("MT", r));
        }
        let with = |source: Option<Box<dyn BeadSimilarity + Send>>| Gathered {
            weights: source.is_some().then_some(weights),
            source,
            cross_floor: config.similarity.cross_floor,
            notes,
        };
        return Ok(with(mt_sim.map(|s| Box::new(s) as Box<dyn BeadSimilarity + Send>)));
    };
    let texts_b = b.0.texts_owned();
    let first = EmbeddingSimilarity::new(
        SpanVectors::new(embed_all(embedder, &texts_a)?),
        SpanVectors::new(embed_all(embedder, &texts_b)?),
    );
    let combined_first = combine(Some(first.clone()), mt_sim.clone());
    if let Some(source) = combined_first.as_deref() {
        let r = reliability(source, n, m, &config.similarity);
        weights = weights.scaled(r);
        notes.extend(reliability_note("the embeddings", r));
    }
    let with = |source: Option<Box<dyn BeadSimilarity + Send>>, notes: Vec<Note>| Gathered {
        weights: source.is_some().then_some(weights),
        source,
        cross_floor: config.similarity.cross_floor,
        notes,
    };
    let chars = |texts: &[String]| -> Vec<usize> { texts.iter().map(|t| t.chars().count()).collect() };
    let (chars_a, chars_b) = (chars(&texts_a), chars(&texts_b));
    let single_chars: usize = chars_a.iter().chain(&chars_b).sum();
    let first_alignment = {
        let first_pass = with(combined_first, Vec::new());
        engine.align(a, b, first_pass.evidence())
    };
    let confidence = |i: usize, j: usize| first.similarity(i..i + 1, j..j + 1).unwrap_or(0.0);
    let (spans_a, spans_b) = similarity::band_spans(
        &first_alignment,
        &chars_a,
        &chars_b,
        confidence,
        config.search.max_group,
        single_chars,
    );
    let calibrated = first.clone();
    let (mut vectors_a, mut vectors_b) = first.into_parts();
    let concat_chars = add_spans(embedder, &texts_a, &spans_a, &mut vectors_a)?
        + add_spans(embedder, &texts_b, &spans_b, &mut vectors_b)?;
    notes.push(Note::info(format!(
        "embedded {} characters: {single_chars} in single sentences, {concat_chars} in {} concatenations \
         ({:.2}x the single sentences)",
        single_chars + concat_chars,
        spans_a.len() + spans_b.len(),
        (single_chars + concat_chars) as f64 / single_chars.max(1) as f64
    )));
    let second = EmbeddingSimilarity::new(vectors_a, vectors_b).with_calibration_of(&calibrated);
    Ok(with(combine(Some(second), mt_sim), notes))
}

/// How far a document's similarity can be trusted, in [0, 1]. Where it says something,
/// the sentences of A that follow each other find their best matches in B near each
/// other too; noise sends them anywhere. The share of consecutive A sentences whose best
/// matches (within `reliability_window` sentences of the diagonal) are at most two
/// sentences off consecutive, above what chance gives, mapped linearly from
/// `reliable_from` (0) to `reliable_at` (1). Documents of fewer than `reliability_pairs`
/// sentences say nothing: 1.
fn reliability(source: &dyn BeadSimilarity, n: usize, m: usize, config: &SimilarityConfig) -> f32 {
    if n < config.reliability_pairs || m < config.reliability_pairs {
        return 1.0;
    }
    let window = config.reliability_window;
    let step = (n / 2000).max(1);
    let best = |i: usize| -> Option<usize> {
        let centre = i * m / n;
        (centre.saturating_sub(window)..(centre + window + 1).min(m))
            .filter_map(|j| source.similarity(i..i + 1, j..j + 1).filter(|&s| s > 0.0).map(|s| (j, s)))
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|(j, _)| j)
    };
    let (mut near, mut all) = (0usize, 0usize);
    for i in (1..n).step_by(step) {
        if let (Some(prev), Some(here)) = (best(i - 1), best(i)) {
            all += 1;
            near += usize::from(here.abs_diff(prev + 1) <= 2);
        }
    }
    if all < config.reliability_pairs {
        return 1.0;
    }
    // Noise lands within two sentences of the previous best match by chance this often.
    let chance = (5.0 / (2 * window + 1).min(m) as f32).min(1.0);
    let share = (near as f32 / all as f32 - chance) / (1.0 - chance).max(1e-6);
    ((share - config.reliable_from) / (config.reliable_at - config.reliable_from)).clamp(0.0, 1.0)
}

/// A warning when the evidence was trusted less than fully.
fn reliability_note(what: &str, r: f32) -> Option<Note> {
    (r < 1.0).then(|| {
        Note::warning(format!(
            "{what} look like noise for this document (consecutive sentences find their best matches far apart): they count {:.0}% of their usual weight",
            r * 100.0
        ))
    })
}

/// Embedding and MT similarity together (their mean where both have something to say).
fn combine(
    embedding: Option<EmbeddingSimilarity>,
    mt: Option<MtSimilarity>,
) -> Option<Box<dyn BeadSimilarity + Send>> {
    match (embedding, mt) {
        (None, None) => None,
        (Some(e), None) => Some(Box::new(e)),
        (None, Some(m)) => Some(Box::new(m)),
        (Some(e), Some(m)) => {
            Some(Box::new(Combined { sources: vec![(Box::new(e), 1.0), (Box::new(m), 1.0)] }))
        }
    }
}

/// Embeds every text; empty texts get a zero vector without a request.
fn embed_all(embedder: &dyn Embedder, texts: &[String]) -> Result<Vec<Vec<f32>>> {
    let wanted: Vec<usize> = (0..texts.len()).filter(|&i| !texts[i].trim().is_empty()).collect();
    let inputs: Vec<String> = wanted.iter().map(|&i| texts[i].clone()).collect();
    let vectors = embedder.embed(&inputs)?;
    let dim = vectors.first().map_or(0, Vec::len);
    let mut out = vec![vec![0.0; dim]; texts.len()];
    for (i, v) in wanted.into_iter().zip(vectors) {
        out[i] = v;
    }
    Ok(out)
}

/// Embeds the concatenations `spans` of `texts` into `vectors`; returns their characters.
fn add_spans(
    embedder: &dyn Embedder,
    texts: &[String],
    spans: &[Range<usize>],
    vectors: &mut SpanVectors,
) -> Result<usize> {
    let joined: Vec<String> = spans
        .iter()
        .map(|r| texts[r.clone()].iter().filter(|t| !t.is_empty()).cloned().collect::<Vec<_>>().join(" "))
        .collect();
    let keep: Vec<usize> = (0..spans.len()).filter(|&k| !joined[k].trim().is_empty()).collect();
    let inputs: Vec<String> = keep.iter().map(|&k| joined[k].clone()).collect();
    let chars = inputs.iter().map(|t| t.chars().count()).sum();
    for (k, vector) in keep.into_iter().zip(embedder.embed(&inputs)?) {
        vectors.insert(spans[k].clone(), vector);
    }
    Ok(chars)
}
