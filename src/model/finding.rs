//! Findings: what a check reports ([`Finding`], its [`CheckKind`] and [`Severity`]) and
//! the places a repeated problem stands ([`Occurrence`]).

use super::Side;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How serious a finding is; ordered so that `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look.
    Info,
    /// Probably wrong.
    Warning,
    /// Breaks the house style or the facts.
    Error,
}

/// The checks `sverka check` runs; serialised in kebab case (`glossary-variant`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    /// A rejected English form of a glossary term was used.
    GlossaryVariant,
    /// A glossary term in the original has no canonical English in the aligned bead.
    GlossaryMissing,
    /// One name rendered two ways in one text.
    NameInconsistent,
    /// Numbers, dates or percentages differ within a bead.
    NumberMismatch,
    /// An original sentence with no counterpart in the translation.
    Omission,
    /// A translated sentence with no counterpart in the original.
    Addition,
    /// A bead the aligner is unsure of.
    WeakAlignment,
    /// Two English versions of one original spell one name differently.
    VersionName,
}

impl CheckKind {
    /// The kebab-case name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::GlossaryVariant => "glossary-variant",
            CheckKind::GlossaryMissing => "glossary-missing",
            CheckKind::NameInconsistent => "name-inconsistent",
            CheckKind::NumberMismatch => "number-mismatch",
            CheckKind::Omission => "omission",
            CheckKind::Addition => "addition",
            CheckKind::WeakAlignment => "weak-alignment",
            CheckKind::VersionName => "version-name",
        }
    }
}

/// One problem found in an aligned pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Which check found it.
    pub check: CheckKind,
    /// How serious it is.
    pub severity: Severity,
    /// The side of the sentence it is about.
    pub side: Side,
    /// Sentence id on that side.
    pub sentence: usize,
    /// Index of the bead the sentence is in, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub bead: Option<usize>,
    /// The text that triggered it.
    pub found: String,
    /// The expected (canonical) form, where one exists.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub expected: Option<String>,
    /// A message a translator understands.
    pub message: String,
    /// Every place of a problem found more than once (the same spelling to fix in
    /// several sentences), in document order, the first being `sentence`; empty when
    /// the finding has one place.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub occurrences: Vec<Occurrence>,
    /// Byte span of `found` in the sentence, when the check knows it (not serialized:
    /// it is what keeps two findings off one span).
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    /// The glossary entry (an index into the run's glossary) the finding is about, when it
    /// is about one: repeats of one term are one problem. Not serialized.
    #[serde(skip)]
    pub term: Option<usize>,
}

/// One place of a finding that occurs more than once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Sentence id on the finding's side.
    pub sentence: usize,
    /// Index of the bead the sentence is in, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub bead: Option<usize>,
    /// The text found there.
    pub found: String,
}

impl Finding {
    /// A finding with no expected form, no message yet and one place.
    pub fn new(check: CheckKind, severity: Severity, side: Side, sentence: usize, found: &str) -> Finding {
        Finding {
            check,
            severity,
            side,
            sentence,
            bead: None,
            found: found.to_string(),
            expected: None,
            message: String::new(),
            occurrences: Vec::new(),
            span: None,
            term: None,
        }
    }

    /// Every place of the finding: its occurrences, or its one sentence.
    pub fn places(&self) -> Vec<Occurrence> {
        if self.occurrences.is_empty() {
            vec![Occurrence { sentence: self.sentence, bead: self.bead, found: self.found.clone() }]
        } else {
            self.occurrences.clone()
        }
    }

    /// How many places the finding has (1 when it has no `occurrences`).
    pub fn times(&self) -> usize {
        self.occurrences.len().max(1)
    }
}
