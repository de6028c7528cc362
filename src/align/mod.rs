//! Sentence alignment: independent scorers (length, lexical anchors, names across
//! scripts, glossary and dictionary terms, MT similarity, embedding similarity)
//! combined in one dynamic programme searched in a narrow band, and the evaluation
//! metric (`score`). No I/O here.
//!
//! OWNER: issue 3 (offline aligner, scorer), issue 7 (MT and embedding scorers).
//! The skeleton aligns 1-1 and leaves the rest as 1-0 / 0-1.

pub mod score;
pub mod similarity;

use crate::glossary::Glossary;
use crate::model::{Alignment, Bead, Document};
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

/// Search options.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Largest group of sentences on one side of a bead.
    pub max_group: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { max_group: 4 }
    }
}

/// Aligns `a` with `b`.
pub fn align(a: &Document, b: &Document, resources: &Resources<'_>, options: &AlignOptions) -> Alignment {
    let _ = (resources, options);
    let n = a.len().min(b.len());
    let mut beads: Vec<Bead> = (0..n).map(|i| Bead { a: vec![i], b: vec![i], score: 0.5 }).collect();
    beads.extend((n..a.len()).map(|i| Bead { a: vec![i], b: vec![], score: 0.5 }));
    beads.extend((n..b.len()).map(|j| Bead { a: vec![], b: vec![j], score: 0.5 }));
    Alignment { beads }
}
