//! Sentence alignment: independent scorers (length, lexical anchors, names across
//! scripts, glossary and dictionary terms, MT similarity, embedding similarity)
//! combined in one dynamic programme searched in a narrow band, and the evaluation
//! metric (`score`). No I/O here.
//!
//! OWNER: issue 3 (offline aligner, scorer), issue 7 (MT and embedding scorers).

pub mod anchors;
mod confidence;
pub mod dict;
pub mod dp;
pub mod length;
pub mod score;
pub mod search;
pub mod similarity;

use crate::glossary::Glossary;
use crate::model::{Alignment, Document};
use dp::Weights;
use length::LengthModel;
use search::{Level, Setup};
use std::ops::Range;

/// A bilingual dictionary used as lexical anchors (dictd or TSV).
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// (A-language word, B-language word) pairs.
    pub pairs: Vec<(String, String)>,
}

/// Similarity evidence for a candidate bead from outside the two texts (a machine
/// translation of B, sentence embeddings). Implementations precompute what they need;
/// the aligner only asks.
pub trait BeadSimilarity: Sync {
    /// Similarity in [0, 1] of A sentences `a` with B sentences `b` (both non-empty),
    /// or `None` when this source has nothing to say about that pair of spans.
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64>;
}

/// Optional knowledge the aligner can use beyond the two texts.
#[derive(Clone, Copy, Default)]
pub struct Resources<'a> {
    /// Glossary whose terms are anchors.
    pub glossary: Option<&'a Glossary>,
    /// Bilingual dictionary.
    pub dict: Option<&'a Dictionary>,
    /// MT or embedding similarity, combined with the aligner's own scorers.
    pub similarity: Option<&'a dyn BeadSimilarity>,
}

/// Search options and the weights of outside evidence.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Largest group of sentences on one side of a bead.
    pub max_group: usize,
    /// Weight of [`Resources::similarity`]: a bead pays `similarity_weight × (1 − similarity)`.
    pub similarity_weight: f64,
    /// Similarity assumed for 1-0 and 0-1 beads when outside similarity is in use.
    pub similarity_null: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { max_group: 4, similarity_weight: 6.0, similarity_null: 0.3 }
    }
}

/// The cost weights of the offline scorers (see `notes/align-readme.md`).
pub const WEIGHTS: Weights = Weights {
    null: 4.5,
    merge: 2.2,
    anchor: 2.0,
    paragraph_edge: 1.0,
    paragraph_inside: 1.5,
    similarity: 0.0,
    similarity_null: 0.0,
};

/// Aligns `a` with `b`: every sentence of both sides in exactly one bead, beads
/// monotone, each with a confidence in [0, 1].
pub fn align(a: &Document, b: &Document, resources: &Resources<'_>, options: &AlignOptions) -> Alignment {
    let (anchors_a, anchors_b) = anchors::extract(a, b, resources);
    let lengths =
        |d: &Document| -> Vec<f32> { d.sentences.iter().map(|s| s.text.chars().count() as f32).collect() };
    let (len_a, len_b) = (lengths(a), lengths(b));
    let length = LengthModel::learn(
        len_a.iter().map(|&x| f64::from(x)).sum(),
        len_b.iter().map(|&x| f64::from(x)).sum(),
    );
    let (para_a, para_b) = (paragraphs(a), paragraphs(b));
    let weights = Weights {
        similarity: options.similarity_weight as f32,
        similarity_null: options.similarity_null as f32,
        ..WEIGHTS
    };
    let level = Level {
        len_a,
        len_b,
        anchors_a: &anchors_a,
        anchors_b: &anchors_b,
        paragraphs: para_a.as_deref().zip(para_b.as_deref()),
    };
    let setup =
        Setup { length, weights, max_group: options.max_group.max(1), similarity: resources.similarity };
    let (path, scorer) = search::align_level(&level, &setup);
    let beads = confidence::beads(&path, &scorer, setup.max_group);
    Alignment { beads }
}

/// Paragraph indices of a document, when they say something (not one per sentence).
fn paragraphs(doc: &Document) -> Option<Vec<usize>> {
    let p: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    let breaks = p.windows(2).filter(|w| w[0] != w[1]).count();
    (breaks + 1 < (p.len() * 4).div_ceil(5)).then_some(p)
}
