//! `Config`: every tunable of segmentation, alignment and the checks, with the defaults
//! the CLI runs. This is the one place defaults live: the engine, the CLI, `batch`, the
//! examples and library users all start from [`Config::default`], and a TOML file
//! (`--config FILE`) overrides any part of it. Unknown keys are errors.
//!
//! Where a value was fitted rather than reasoned, its comment names the data it was fitted
//! on (the figures are in `BENCHMARKS.md`; the model is in `docs/how-it-works.md`).

use serde::{Deserialize, Serialize};

/// Everything sverka can be tuned with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Splitting texts into sentences.
    pub segment: SegmentConfig,
    /// Costs of the kinds of bead and of the boundaries between beads.
    pub costs: BeadCosts,
    /// The length scorer.
    pub length: LengthConfig,
    /// Bead-shape costs learned from the document pair.
    pub shapes: ShapeConfig,
    /// Weights of the lexical anchors.
    pub anchors: AnchorWeights,
    /// How the dynamic programme searches.
    pub search: SearchConfig,
    /// Weights of MT and embedding similarity, by the evidence present.
    pub similarity: SimilarityConfig,
    /// Bead confidences.
    pub confidence: ConfidenceConfig,
    /// Finding the sentences the translation moved.
    pub moved: MovedConfig,
    /// The consistency checks.
    pub check: CheckConfig,
}

impl Config {
    /// Parses a TOML configuration: any key left out keeps its default.
    ///
    /// # Errors
    /// A message naming the unknown key or the bad value, with its line.
    pub fn from_toml(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        config.validate()?;
        Ok(config)
    }

    /// The configuration as TOML, every key present (what `sverka config` prints).
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// Checks values that would make no sense (negative costs, a group of 0 sentences).
    ///
    /// # Errors
    /// A message naming the key.
    pub fn validate(&self) -> Result<(), String> {
        if self.search.max_group == 0 {
            return Err("search.max_group must be 1 or more".into());
        }
        let costs = [
            ("costs.null", self.costs.null),
            ("costs.merge", self.costs.merge),
            ("costs.anchor", self.costs.anchor),
            ("length.variance", self.length.variance),
            ("length.dof", self.length.dof),
            ("confidence.scale", self.confidence.scale),
        ];
        for (key, value) in costs {
            if !value.is_finite() || value < 0.0 || (key.starts_with("length") && value == 0.0) {
                return Err(format!("{key} must be a number above 0 (got {value})"));
            }
        }
        if self.search.block < 2 {
            return Err("search.block must be 2 or more".into());
        }
        Ok(())
    }

    /// The similarity weights for the evidence present: embeddings (alone or with MT),
    /// MT alone, or none.
    pub fn similarity_weights(&self, mt: bool, embeddings: bool) -> SimilarityWeights {
        match (mt, embeddings) {
            (_, true) => self.similarity.embeddings,
            (true, false) => self.similarity.mt,
            (false, false) => SimilarityWeights { weight: 0.0, null: 0.0, cross: 0.0 },
        }
    }
}

/// Splitting texts into sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct SegmentConfig {
    /// The texts hold one sentence per line (sentence id = 0-based line number).
    pub presegmented: bool,
}

/// Costs of the kinds of bead and of the boundaries between beads, in the DP's units
/// (−ln probability, roughly).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BeadCosts {
    /// A 1-0 or 0-1 bead, per sentence, beyond its length cost.
    pub null: f32,
    /// Each sentence a bead has beyond one per side (2-1 pays it once, 2-2 twice).
    pub merge: f32,
    /// Reward per unit of anchor weight the two sides of a bead share.
    pub anchor: f32,
    /// A bead that starts or ends on a paragraph break on one side only (per two edges).
    pub paragraph_edge: f32,
    /// Each paragraph break inside a bead.
    pub paragraph_inside: f32,
    /// A 1-0 or 0-1 bead whose sentence is noise (no two letters or three digits in a row).
    pub noise_null: f32,
    /// Per sentence of difference between the sentence counts of the two sides beyond
    /// what the bead's shape explains (a line holding two sentences counts 2).
    pub count: f32,
    /// Per unit of anchor weight that a boundary between two beads cuts off from its
    /// only partner on the other side.
    pub cross: f32,
    /// A boundary right after a unit ending with a colon, on one side only.
    pub colon_edge: f32,
    /// A boundary right before a unit starting in lower case, on one side only.
    pub lowercase_edge: f32,
    /// A 1-0 or 0-1 bead of wire furniture (a credit, an end marker, a note, a dateline
    /// alone): it is rarely translated as text, so leaving it out is cheap.
    pub furniture_null: f32,
    /// Each furniture unit of a bead whose other side has none.
    pub furniture_mismatch: f32,
    /// A 1-0 or 0-1 bead of a headline (it replaces `null`).
    pub headline_null: f32,
    /// A 1-0 or 0-1 bead of a sentence shorter than `short_chars` characters (it
    /// replaces `null`).
    pub short_null: f32,
    /// Sentences shorter than this (characters) are short.
    pub short_chars: f32,
    /// Each headline of a bead whose other side has none.
    pub headline_mismatch: f32,
}

impl Default for BeadCosts {
    fn default() -> Self {
        // Fitted on the development sets together (Text+Berg dev, NTREX en–ru and en–be
        // 000–061, ParIce): BENCHMARKS.md.
        BeadCosts {
            null: 2.5,
            merge: 2.2,
            anchor: 2.0,
            paragraph_edge: 1.0,
            paragraph_inside: 1.5,
            noise_null: 0.5,
            count: 1.0,
            cross: 0.5,
            colon_edge: 0.25,
            lowercase_edge: 0.75,
            furniture_null: 0.5,
            furniture_mismatch: 2.0,
            headline_null: 1.5,
            short_null: 2.0,
            short_chars: 10.0,
            headline_mismatch: 1.5,
        }
    }
}

/// The length scorer (Gale & Church with a Student-t law).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LengthConfig {
    /// Variance of the length difference per character (Gale & Church: 6.8 under a
    /// normal law; the t law fits better with 10).
    pub variance: f32,
    /// Degrees of freedom of the t law.
    pub dof: f32,
    /// Weight of the prior on the length ratio, in characters a side at ratio 1.
    pub prior_chars: f64,
    /// Relative change of the ratio, relearned from the aligned beads, that triggers a
    /// second pass.
    pub ratio_tolerance: f32,
}

impl Default for LengthConfig {
    fn default() -> Self {
        LengthConfig { variance: 10.0, dof: 8.0, prior_chars: 400.0, ratio_tolerance: 0.02 }
    }
}

/// Bead-shape costs learned from a first alignment of the document pair itself: how often
/// a side has several sentences in one bead, and how often a sentence is left unaligned.
/// A literary translator who splits long sentences makes many 1-2 beads; a news agency
/// that drops attributions makes many 0-1 beads.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ShapeConfig {
    /// Learn them (`false`: `costs.merge` and `costs.null` on both sides).
    pub learn: bool,
    /// Weight of the configured costs, in beads: a short document keeps them.
    pub prior: f32,
    /// The learned costs stay within `min_cost..=max_cost`.
    pub min_cost: f32,
    /// See `min_cost`.
    pub max_cost: f32,
    /// A change of a learned cost (DP units) that makes the aligner run again with it.
    pub tolerance: f32,
}

impl Default for ShapeConfig {
    fn default() -> Self {
        ShapeConfig { learn: true, prior: 50.0, min_cost: 0.5, max_cost: 5.0, tolerance: 0.25 }
    }
}

/// Weights of the lexical anchor keys (before the rarity weighting).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AnchorWeights {
    /// A number, date or percentage (normalised).
    pub number: f32,
    /// `? ! ( : ;` and quotation marks.
    pub punctuation: f32,
    /// A URL or an e-mail address.
    pub url: f32,
    /// The folded 5-letter prefix of a word of 4+ letters or of an acronym.
    pub word: f32,
    /// A capitalised Cyrillic word linked to a capitalised Latin word (a name across scripts).
    pub name: f32,
    /// A glossary term.
    pub glossary: f32,
    /// A dictionary pair.
    pub dict: f32,
    /// A month or weekday name.
    pub calendar: f32,
    /// A consonant skeleton shared across scripts (loanwords).
    pub cognate: f32,
    /// Consonant classes a skeleton needs.
    pub cognate_classes: usize,
    /// Name similarity (0–1) at which a Cyrillic and a Latin word are linked.
    pub name_threshold: f64,
}

impl Default for AnchorWeights {
    fn default() -> Self {
        AnchorWeights {
            number: 1.5,
            punctuation: 0.3,
            url: 2.0,
            word: 1.0,
            name: 1.0,
            glossary: 1.5,
            dict: 0.25,
            calendar: 1.0,
            cognate: 0.7,
            cognate_classes: 5,
            name_threshold: 0.5,
        }
    }
}

/// How the dynamic programme searches.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Largest group of sentences on one side of a bead (1 to 10; the DP's work grows
    /// with its square).
    pub max_group: usize,
    /// Grids up to this many cells are searched whole; larger ones coarse to fine.
    pub full_grid: usize,
    /// Sentences per block at the next coarser level.
    pub block: usize,
    /// How far, in sentences, the fine band reaches beyond the projected block path.
    pub margin: usize,
    /// How far, in sentences, a realignment (after the length ratio or the bead-shape
    /// costs were learned from the first path) reaches beyond that path.
    pub realign_margin: usize,
    /// Largest group of blocks on one side of a coarse bead.
    pub coarse_group: usize,
    /// Bands of at least this many cells are filled by several threads (one per core;
    /// the path is the same).
    pub parallel_cells: usize,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            max_group: 4,
            full_grid: 300_000,
            block: 8,
            margin: 6,
            realign_margin: 3,
            coarse_group: 3,
            parallel_cells: 200_000,
        }
    }
}

/// The largest `search.max_group` honoured.
pub const MAX_GROUP: usize = 10;

/// How strongly outside similarity (MT, embeddings) counts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimilarityWeights {
    /// A bead pays `weight × (1 − similarity)`.
    pub weight: f32,
    /// Similarity assumed for a 1-0 or 0-1 bead, before its best similarity to the
    /// sentences next to it is taken off.
    pub null: f32,
    /// Weight of the similarity of sentences diagonally across a boundary between two
    /// beads, above `similarity.cross_floor` (a sign that a sentence end moved).
    pub cross: f32,
}

impl SimilarityWeights {
    /// The weights with the similarity counting `r` (0 to 1) of its weight.
    pub fn scaled(self, r: f32) -> SimilarityWeights {
        SimilarityWeights { weight: self.weight * r, cross: self.cross * r, ..self }
    }
}

/// Outside similarity: the weights by the evidence present (the presets).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SimilarityConfig {
    /// With a machine translation alone (fitted on Text+Berg dev, the only set with an
    /// MT file).
    pub mt: SimilarityWeights,
    /// With embeddings, alone or with MT (the middle of the plateau over Text+Berg dev,
    /// NTREX en–ru and en–be 000–061 and ParIce).
    pub embeddings: SimilarityWeights,
    /// Calibrated similarity that neighbouring sentences on one topic reach across a
    /// boundary without a sentence end having moved.
    pub cross_floor: f64,
    /// Documents of fewer sentences a side than this: the similarity is trusted fully.
    pub reliability_pairs: usize,
    /// How far from the diagonal (sentences) a sentence's best match is looked for when
    /// the similarity's reliability is measured.
    pub reliability_window: usize,
    /// Share of consecutive sentences with best matches near each other, above chance, at
    /// which the similarity counts nothing (noise). Measured: good MT of Text+Berg 0.72,
    /// of MAC chapters 0.16–0.73; a shuffled MT 0.01.
    pub reliable_from: f32,
    /// Share above chance at which it counts fully.
    pub reliable_at: f32,
}

impl Default for SimilarityConfig {
    fn default() -> Self {
        SimilarityConfig {
            mt: SimilarityWeights { weight: 3.5, null: 0.8, cross: 0.0 },
            embeddings: SimilarityWeights { weight: 2.75, null: 0.9, cross: 3.0 },
            cross_floor: 0.08,
            reliability_pairs: 10,
            reliability_window: 40,
            reliable_from: 0.05,
            reliable_at: 0.15,
        }
    }
}

/// Bead confidences: the probability that a bead is right, from the DP margin (how much
/// more the best nearby alternative costs), calibrated per bead shape.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ConfidenceConfig {
    /// Margin (DP units) that moves an uncalibrated confidence from 0.5 to about 0.73.
    pub scale: f32,
    /// Use the calibration below (`false`: the logistic of margin / scale).
    pub calibrated: bool,
    /// `[a, c, b]` of P(right) = 1 / (1 + exp(-(a × margin + c × unaligned + b))) for 1-1
    /// beads, where `unaligned` is the share of the document's sentences in 1-0 and 0-1
    /// beads (high when the texts are rewrites rather than translations).
    pub one_to_one: [f32; 3],
    /// The same for 1-0 and 0-1 beads.
    pub null: [f32; 3],
    /// The same for beads with several sentences on a side.
    pub merge: [f32; 3],
    /// The same for moved beads (the margin is the gain above `moved.min_gain`).
    pub moved: [f32; 3],
    /// Beads below this confidence are weak: marked in the views, and `check` reports them
    /// (`weak-alignment`).
    pub weak: f64,
}

impl Default for ConfidenceConfig {
    fn default() -> Self {
        // Fitted by scripts/fit-confidence on Text+Berg dev, NTREX en–ru and en–be 000–061,
        // ParIce and the wire-copy set (synthetic and real, gold sentences); BENCHMARKS.md
        // gives the figures of each set with the model fitted on the others.
        ConfidenceConfig {
            scale: 2.0,
            calibrated: true,
            one_to_one: [0.9102, -6.0792, 0.8369],
            null: [0.1832, 2.0479, 0.4322],
            merge: [0.4059, -14.6609, 0.6954],
            moved: [2.4462, -34.3946, -3.1361],
            weak: 0.5,
        }
    }
}

/// Finding the sentences the translation moved (crossing beads).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MovedConfig {
    /// Look for moved sentences among those the monotone alignment left unaligned.
    pub enabled: bool,
    /// Beads with a confidence below this are weak: their sentences may have moved
    /// (1-0 and 0-1 beads always may).
    pub weak: f64,
    /// How much cheaper (DP units) the alignment must get with the pair made.
    pub min_gain: f32,
    /// How much cheaper the pair itself must be than leaving both its sentences out.
    pub min_pair_gain: f32,
    /// Anchor weight (names, numbers, terms, words; after rarity weighting) the two
    /// sentences of a pair must share, unless outside similarity vouches for them.
    pub min_shared: f32,
    /// Outside similarity (calibrated; about 0.3 is a typical right pair) that vouches
    /// for a pair without shared anchors.
    pub min_similarity: f64,
    /// Most candidate pairs compared (the pass is skipped on larger documents).
    pub max_pairs: usize,
    /// Passes over the alignment (each takes sentences out at the edges of their beads).
    pub rounds: usize,
    /// What moving the sentences next to a moved pair, on both sides, must gain.
    pub extend_gain: f32,
}

impl Default for MovedConfig {
    fn default() -> Self {
        MovedConfig {
            enabled: true,
            weak: 0.7,
            min_gain: 5.0,
            min_pair_gain: 3.0,
            min_shared: 0.5,
            min_similarity: 0.3,
            max_pairs: 300_000,
            rounds: 6,
            extend_gain: 0.0,
        }
    }
}

/// The consistency checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct CheckConfig {
    /// House-style profile (`belta`, `ap`, `reuters`, `tass`, or one a glossary file
    /// names); none = the shared glossary entries only.
    pub profile: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_configuration_reads_back_as_itself() {
        let config = Config::default();
        assert_eq!(Config::from_toml(&config.to_toml()), Ok(config));
    }

    #[test]
    fn a_file_overrides_only_what_it_names() {
        let config = Config::from_toml("[costs]\nnull = 3.0\n").expect("parses");
        assert_eq!(config.costs.null, 3.0);
        assert_eq!(config.costs.merge, BeadCosts::default().merge);
        assert_eq!(config.search, SearchConfig::default());
    }

    #[test]
    fn unknown_keys_and_bad_values_are_errors_naming_them() {
        let err = Config::from_toml("[costs]\nnul = 3.0\n").expect_err("unknown key");
        assert!(err.contains("nul"), "{err}");
        let err = Config::from_toml("[search]\nmax_group = 0\n").expect_err("bad value");
        assert!(err.contains("search.max_group"), "{err}");
        let err = Config::from_toml("[length]\nvariance = -1.0\n").expect_err("bad value");
        assert!(err.contains("length.variance"), "{err}");
    }
}
