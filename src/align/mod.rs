//! Sentence alignment: independent scorers (length, lexical anchors, names across
//! scripts, glossary and dictionary terms, sentences running on across units, MT
//! similarity, embedding similarity)
//! combined in one dynamic programme searched in a narrow band, and the evaluation
//! metric (`score`). No I/O here.

pub(crate) mod anchors;
mod confidence;
pub(crate) mod cost;
pub mod dict;
pub(crate) mod dp;
pub(crate) mod length;
mod moved;
mod rows;
pub mod score;
pub(crate) mod search;
pub(crate) mod similarity;

use crate::annotate::{Annotation, annotate};
use crate::config::{Config, MAX_GROUP};
use crate::glossary::Glossary;
use crate::model::{Alignment, Document, SentenceKind};
pub use cost::Evidence;
use cost::ShapeCosts;
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
    /// Glossary whose terms are anchors (read by [`align`]; [`align_annotated`] takes
    /// the terms from the annotations).
    pub glossary: Option<&'a Glossary>,
    /// Bilingual dictionary.
    pub dict: Option<&'a Dictionary>,
    /// MT or embedding similarity with its weights, combined with the aligner's own scorers.
    pub evidence: Option<Evidence<'a>>,
}

/// Number of sentences a unit of text holds: 1 + the sentence ends found inside it
/// (`.`, `!`, `?` or `…`, optionally closed by quotes or brackets, then a space and a
/// capital letter or an opening quote), ignoring ends after short words (`Mr.`, `St.`).
pub fn sentences_inside(text: &str) -> f32 {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 1.0;
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], '.' | '!' | '?' | '…') {
            let word = chars[..i].iter().rev().take_while(|c| c.is_alphanumeric()).count();
            let mut k = i + 1;
            while k < chars.len() && matches!(chars[k], '"' | '\'' | '»' | '”' | '’' | ')') {
                k += 1;
            }
            let spaced = k < chars.len() && chars[k].is_whitespace();
            while k < chars.len() && chars[k].is_whitespace() {
                k += 1;
            }
            let next = chars.get(k).copied();
            let starts = next.is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '«' | '“' | '„'));
            if spaced && starts && (word > 3 || chars[i] != '.') {
                count += 1.0;
            }
            i = k.max(i + 1);
        } else {
            i += 1;
        }
    }
    count
}

/// Aligns `a` with `b` under `config`: every sentence of both sides in exactly one bead,
/// beads monotone, each with a confidence in [0, 1]. The sentences are annotated against
/// `resources.glossary` first; [`align_annotated`] takes annotations made already.
pub fn align(a: &Document, b: &Document, resources: &Resources<'_>, config: &Config) -> Alignment {
    let empty = Glossary::default();
    let glossary = resources.glossary.unwrap_or(&empty);
    let (notes_a, notes_b) = rayon::join(|| annotate(a, glossary), || annotate(b, glossary));
    align_annotated((a, &notes_a), (b, &notes_b), resources, config)
}

/// [`align`] on documents annotated already (one [`Annotation`] per sentence).
pub fn align_annotated(
    (a, notes_a): (&Document, &[Annotation]),
    (b, notes_b): (&Document, &[Annotation]),
    resources: &Resources<'_>,
    config: &Config,
) -> Alignment {
    let (anchors_a, anchors_b) = anchors::extract((a, notes_a), (b, notes_b), resources, &config.anchors);
    let lengths =
        |d: &Document| -> Vec<f32> { d.sentences.iter().map(|s| s.text.chars().count() as f32).collect() };
    let (len_a, len_b) = (lengths(a), lengths(b));
    let counts = |d: &Document| -> Vec<f32> {
        use rayon::prelude::*;
        d.sentences.par_iter().map(|s| sentences_inside(&s.text)).collect()
    };
    let length = LengthModel::learn(
        len_a.iter().map(|&x| f64::from(x)).sum(),
        len_b.iter().map(|&x| f64::from(x)).sum(),
        &config.length,
    );
    let (para_a, para_b) = (paragraphs(a), paragraphs(b));
    let noise = |d: &Document| -> Vec<bool> { d.sentences.iter().map(|s| is_noise(&s.text)).collect() };
    let (noise_a, noise_b) = (noise(a), noise(b));
    let edges = |d: &Document| UnitEdges::of_document(d.sentences.iter().map(|s| s.text.as_str()));
    let (edges_a, edges_b) = (edges(a), edges(b));
    let kinds = |d: &Document| -> Vec<SentenceKind> { d.sentences.iter().map(|s| s.kind).collect() };
    let (kinds_a, kinds_b) = (kinds(a), kinds(b));
    let level = Level {
        len_a,
        len_b,
        count_a: counts(a),
        count_b: counts(b),
        anchors_a: &anchors_a,
        anchors_b: &anchors_b,
        paragraphs: para_a.as_deref().zip(para_b.as_deref()),
        noise_a: &noise_a,
        noise_b: &noise_b,
        edges_a: &edges_a,
        edges_b: &edges_b,
        kinds_a: &kinds_a,
        kinds_b: &kinds_b,
    };
    let mut setup = Setup {
        length,
        costs: config.costs,
        shapes: ShapeCosts::symmetric(&config.costs),
        max_group: config.search.max_group.clamp(1, MAX_GROUP),
        evidence: resources.evidence,
        exact: true,
        search: config.search,
    };
    let (mut path, mut scorer) = search::align_level(&level, &setup);
    // The ratio learned from the totals is biased by sentences with no counterpart;
    // learn it again from the aligned beads only and realign when it moved.
    let (ta, tb) = path.iter().filter(|s| s.a.0 < s.a.1 && s.b.0 < s.b.1).fold((0.0, 0.0), |(x, y), s| {
        (
            x + f64::from(scorer.a.len[s.a.1] - scorer.a.len[s.a.0]),
            y + f64::from(scorer.b.len[s.b.1] - scorer.b.len[s.b.0]),
        )
    });
    let relearned = LengthModel::learn(ta, tb, &config.length);
    let mut again = false;
    if (relearned.ratio / length.ratio - 1.0).abs() > config.length.ratio_tolerance {
        setup.length = relearned;
        again = true;
    }
    // So are the bead shapes: learn how this translator merges, splits and drops. Beside
    // outside similarity, which already rewards the beads it finds, the configured costs
    // stay (learned ones there made the aligner merge too much on every development set).
    if config.shapes.learn && resources.evidence.is_none() {
        let plain = |d: &Document, noise: &[bool]| -> Vec<bool> {
            d.sentences
                .iter()
                .zip(noise)
                .map(|(s, &noisy)| {
                    !noisy && s.kind.is_text() && s.text.chars().count() as f32 >= config.costs.short_chars
                })
                .collect()
        };
        let (plain_a, plain_b) = (plain(a, &noise_a), plain(b, &noise_b));
        let learned = ShapeCosts::estimate(&path, (&plain_a, &plain_b), &config.costs, &config.shapes);
        if learned.distance(&setup.shapes) > config.shapes.tolerance {
            setup.shapes = learned;
            again = true;
        }
    }
    if again {
        (path, scorer) = search::realign_near(&level, &setup, &path);
    }
    let mut beads = confidence::beads(&path, &scorer, setup.max_group, &config.confidence);
    moved::apply(&mut beads, &scorer, (&kinds_a, &kinds_b), (&noise_a, &noise_b), config);
    Alignment { beads }
}

/// Whether a unit is noise: no two letters in a row and no three digits in a row (OCR
/// debris such as `.....`, `- _-`, `f r`, `24 a !`, and empty lines). Such a unit carries
/// nothing to translate, so it is left as a 1-0/0-1 bead rather than glued onto a
/// neighbour's bead; `No.`, `Да.`, `Bern :` or `2. 1953 :` are not noise.
pub fn is_noise(text: &str) -> bool {
    let (mut letters, mut digits) = (0, 0);
    for c in text.chars() {
        if crate::text::is_letter(c) {
            letters += 1;
            digits = 0;
        } else if c.is_ascii_digit() {
            digits += 1;
            letters = 0;
        } else {
            (letters, digits) = (0, 0);
        }
        if letters >= 2 || digits >= 3 {
            return false;
        }
    }
    true
}

/// How a unit meets its neighbours: signs that one sentence runs on across the unit
/// boundary. Presegmented text (OCR'd books, corpora) often cuts a sentence at a colon
/// or in mid-flow; a boundary between two beads is unlikely where one text runs on and
/// the other does not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitEdges {
    /// The unit ends with a colon (`Literatur :`, `Die Bergsteiger waren :`): it
    /// announces what follows and belongs with it.
    pub colon_end: bool,
    /// The unit's first character is a lower-case letter (`braunen ) Bären
    /// herausgestellt hätten .`, `le 7 J. Brown et I. McNaugh-Davis .`): it continues
    /// the unit before it. A first word with a capital inside (`iPhone`, `eBay`) is a
    /// name, not a continuation.
    pub lowercase_start: bool,
}

impl UnitEdges {
    /// The edges of one unit of text.
    pub fn of(text: &str) -> UnitEdges {
        let text = text.trim();
        let first_word = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        UnitEdges {
            colon_end: text.ends_with(':'),
            lowercase_start: first_word.chars().next().is_some_and(char::is_lowercase)
                && !first_word.chars().any(char::is_uppercase),
        }
    }

    /// The edges of every unit of a text. A mark carried by more than three quarters of
    /// the units is cleared on all of them: a text in lower case throughout, or a list
    /// of headings, says nothing about where its sentences run on. (A text cut at
    /// commas can have 40 % of its units start in lower case, all continuations.)
    pub fn of_document<'t>(units: impl Iterator<Item = &'t str>) -> Vec<UnitEdges> {
        let mut edges: Vec<UnitEdges> = units.map(UnitEdges::of).collect();
        let common = |count: usize| count * 4 > edges.len() * 3;
        let colons = common(edges.iter().filter(|e| e.colon_end).count());
        let lowercase = common(edges.iter().filter(|e| e.lowercase_start).count());
        for e in &mut edges {
            e.colon_end &= !colons;
            e.lowercase_start &= !lowercase;
        }
        edges
    }
}

/// Paragraph indices of a document, when they say something (not one per sentence).
fn paragraphs(doc: &Document) -> Option<Vec<usize>> {
    let p: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    let breaks = p.windows(2).filter(|w| w[0] != w[1]).count();
    (breaks + 1 < (p.len() * 4).div_ceil(5)).then_some(p)
}
