//! The data every stage shares: languages, documents and their sentences, beads and
//! alignments, findings, and the one [`Report`] that every output format renders.
//!
//! Invariants: a [`Document`]'s sentences tile its text (each span starts where the
//! previous one ended; the last ends at the text's end); an [`Alignment`]'s beads are
//! monotone and cover every sentence of both sides exactly once. Scores keep full
//! precision in memory and are serialized rounded to 3 decimals ([`round_score`]).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

mod finding;
pub use finding::{CheckKind, Finding, Occurrence, Severity};

/// A language, as a lowercase ISO 639-1 code (`en`, `ru`, `be`, `uk`, `de`, …).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// English.
    pub fn en() -> Self {
        Lang("en".into())
    }
    /// Russian.
    pub fn ru() -> Self {
        Lang("ru".into())
    }
    /// Belarusian.
    pub fn be() -> Self {
        Lang("be".into())
    }
    /// Ukrainian.
    pub fn uk() -> Self {
        Lang("uk".into())
    }
    /// Parses a two- or three-letter code; `None` if it is not one.
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        let ok = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        ok.then_some(Lang(code))
    }
    /// The ISO code.
    pub fn code(&self) -> &str {
        &self.0
    }
    /// Whether the language is written in Cyrillic (ru, be, uk, bg, sr, mk, kk…).
    pub fn is_cyrillic(&self) -> bool {
        matches!(self.0.as_str(), "ru" | "be" | "uk" | "bg" | "sr" | "mk" | "kk" | "ky" | "tg" | "mn")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One sentence of a document.
///
/// `bytes` and `chars` are the sentence's span in the document text, trailing white
/// space included, so that consecutive spans tile the text. `text` is the sentence
/// itself: the span without surrounding white space, inner line breaks kept as found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence text (trimmed).
    pub text: String,
    /// Byte span in the document text.
    pub bytes: Range<usize>,
    /// Char (Unicode scalar) span in the document text.
    pub chars: Range<usize>,
    /// 0-based index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
    /// What the sentence is: text, or a piece of wire furniture.
    #[serde(default, skip_serializing_if = "SentenceKind::is_text")]
    pub kind: SentenceKind,
    /// Byte length of a dateline at the start of `text` (`MINSK, 31 December (BelTA) – `);
    /// 0 when there is none. The dateline belongs to the sentence it introduces.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub dateline: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Sentence {
    /// The sentence text after its dateline (the whole text when it has none).
    pub fn body(&self) -> &str {
        self.text.get(self.dateline..).unwrap_or(&self.text)
    }

    /// Whether the sentence is wire furniture (a dateline, credit, end marker or note):
    /// the lines an agency prints around the story, which nobody translates as text.
    pub fn is_furniture(&self) -> bool {
        self.kind.is_furniture()
    }
}

/// What a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SentenceKind {
    /// Running text.
    #[default]
    Text,
    /// A headline or subhead: a short line of its own with no sentence end.
    Headline,
    /// A dateline or a date/time stamp standing alone.
    Dateline,
    /// A photo or video credit, byline, republisher line or link.
    Credit,
    /// The end marker of a story (`-0-`, `***`).
    EndMarker,
    /// An editor's note, a background box, a truncation mark, site boilerplate.
    Note,
}

impl SentenceKind {
    /// Running text.
    pub fn is_text(&self) -> bool {
        *self == SentenceKind::Text
    }
    /// Furniture: neither text nor headline.
    pub fn is_furniture(&self) -> bool {
        !matches!(self, SentenceKind::Text | SentenceKind::Headline)
    }
    /// The kebab-case name (`end-marker`).
    pub fn name(self) -> &'static str {
        match self {
            SentenceKind::Text => "text",
            SentenceKind::Headline => "headline",
            SentenceKind::Dateline => "dateline",
            SentenceKind::Credit => "credit",
            SentenceKind::EndMarker => "end-marker",
            SentenceKind::Note => "note",
        }
    }
}

/// A segmented text in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The language of the text.
    pub lang: Lang,
    /// The sentences, in order, tiling the text.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }
    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
    /// The sentence texts.
    pub fn texts(&self) -> Vec<&str> {
        self.sentences.iter().map(|s| s.text.as_str()).collect()
    }
    /// The sentence texts, owned (what translation and embedding services take).
    pub fn texts_owned(&self) -> Vec<String> {
        self.sentences.iter().map(|s| s.text.clone()).collect()
    }
}

/// A score as every output shows it: rounded to 3 decimals, since the digits beyond
/// say nothing. Non-finite values stay as they are (JSON writes them as null).
pub fn round_score(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

fn serialize_score<S: serde::Serializer>(score: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(round_score(*score))
}

/// One bead: sentence ids of side A and of side B that translate each other, with a
/// confidence in [0, 1]. Either side may be empty (a 1-0 or 0-1 bead), not both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bead {
    /// Sentence ids on side A (consecutive, ascending).
    pub a: Vec<usize>,
    /// Sentence ids on side B (consecutive, ascending).
    pub b: Vec<usize>,
    /// Confidence in [0, 1] (serialized rounded to 3 decimals).
    #[serde(serialize_with = "serialize_score")]
    pub score: f64,
    /// The translation moved these sentences: the bead crosses others (beads are listed
    /// in A order; a moved bead's B sentences sit elsewhere in B's order).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    /// The aligner's best other reading of this stretch, in words (`one bead of A 4 with B
    /// 5–6`), when there is one; the `weak-alignment` finding quotes it.
    #[serde(skip)]
    pub alternative: Option<String>,
}

impl Bead {
    /// A bead in place (not moved).
    pub fn new(a: Vec<usize>, b: Vec<usize>, score: f64) -> Bead {
        Bead { a, b, score, moved: false, alternative: None }
    }

    /// `(a.len(), b.len())`, e.g. `(2, 1)` for a 2-1 bead.
    pub fn kind(&self) -> (usize, usize) {
        (self.a.len(), self.b.len())
    }
}

/// A sentence alignment of two documents.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Alignment {
    /// Beads in document order.
    pub beads: Vec<Bead>,
}

/// Which side of the pair a finding or sentence is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The first file (usually the English).
    A,
    /// The second file (usually the original).
    B,
}

/// One side of a report: its language and sentence texts (ids are indexes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideText {
    /// Language of the side.
    pub lang: Lang,
    /// Sentence texts.
    pub sentences: Vec<String>,
    /// Paragraph index of each sentence.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub paragraphs: Vec<usize>,
    /// What each sentence is (left out when every sentence is text).
    #[serde(skip_serializing_if = "all_text", default)]
    pub kinds: Vec<SentenceKind>,
}

fn all_text(kinds: &[SentenceKind]) -> bool {
    kinds.iter().all(SentenceKind::is_text)
}

impl SideText {
    /// A side of sentences, all of them running text, with no paragraphs.
    pub fn new(lang: Lang, sentences: impl IntoIterator<Item = impl Into<String>>) -> Self {
        SideText {
            lang,
            sentences: sentences.into_iter().map(Into::into).collect(),
            paragraphs: Vec::new(),
            kinds: Vec::new(),
        }
    }

    /// The side as shown in a report, from a segmented document.
    pub fn from_document(doc: &Document) -> Self {
        SideText {
            lang: doc.lang.clone(),
            sentences: doc.sentences.iter().map(|s| s.text.clone()).collect(),
            paragraphs: doc.sentences.iter().map(|s| s.paragraph).collect(),
            kinds: doc.sentences.iter().map(|s| s.kind).collect(),
        }
    }

    /// The kind of sentence `i` (text when unknown).
    pub fn kind(&self, i: usize) -> SentenceKind {
        self.kinds.get(i).copied().unwrap_or_default()
    }
}

/// Counts that summarise a report.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Stats {
    /// Sentences on side A.
    pub sentences_a: usize,
    /// Sentences on side B.
    pub sentences_b: usize,
    /// Number of beads.
    pub beads: usize,
    /// Beads by kind, e.g. `"1-1": 40, "2-1": 3, "0-1": 1`.
    pub bead_kinds: std::collections::BTreeMap<String, usize>,
    /// Findings by severity.
    pub findings_error: usize,
    /// Findings of severity warning.
    pub findings_warning: usize,
    /// Findings of severity info.
    pub findings_info: usize,
    /// Mean bead confidence (serialized rounded to 3 decimals).
    #[serde(serialize_with = "serialize_score")]
    pub mean_score: f64,
}

/// Everything one run produced: both sides, the optional machine translation of B into
/// A's language (one entry per B sentence), the beads and the findings. Every output
/// format renders this and only this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Format version of the JSON rendering.
    pub version: u32,
    /// Side A.
    pub a: SideText,
    /// Side B.
    pub b: SideText,
    /// Machine translation of each B sentence into A's language, when one was used.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub mt: Option<Vec<String>>,
    /// The beads.
    pub beads: Vec<Bead>,
    /// The findings, in document order.
    pub findings: Vec<Finding>,
    /// Summary counts.
    pub stats: Stats,
    /// What the run has to tell its user besides the report (a warning, the cost of the
    /// embeddings); the CLI prints them on stderr. Not part of the JSON.
    #[serde(skip)]
    pub notes: Vec<Note>,
}

/// A message about a run for its user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// How serious it is (`Info` or `Warning`).
    pub severity: Severity,
    /// The message.
    pub message: String,
}

impl Note {
    /// An informational note.
    pub fn info(message: impl Into<String>) -> Note {
        Note { severity: Severity::Info, message: message.into() }
    }
    /// A warning: the result may not mean what the user thinks.
    pub fn warning(message: impl Into<String>) -> Note {
        Note { severity: Severity::Warning, message: message.into() }
    }
}

impl Report {
    /// Builds a report and computes its stats.
    pub fn new(
        a: SideText,
        b: SideText,
        mt: Option<Vec<String>>,
        alignment: Alignment,
        findings: Vec<Finding>,
    ) -> Self {
        let stats = Stats::compute(&a, &b, &alignment.beads, &findings);
        Report { version: 1, a, b, mt, beads: alignment.beads, findings, stats, notes: Vec::new() }
    }
}

impl Stats {
    /// Counts from the parts of a report.
    pub fn compute(a: &SideText, b: &SideText, beads: &[Bead], findings: &[Finding]) -> Self {
        let mut stats = Stats {
            sentences_a: a.sentences.len(),
            sentences_b: b.sentences.len(),
            beads: beads.len(),
            ..Stats::default()
        };
        for bead in beads {
            let (n, m) = bead.kind();
            *stats.bead_kinds.entry(format!("{n}-{m}")).or_default() += 1;
        }
        if !beads.is_empty() {
            stats.mean_score = beads.iter().map(|b| b.score).sum::<f64>() / beads.len() as f64;
        }
        for f in findings {
            match f.severity {
                Severity::Error => stats.findings_error += 1,
                Severity::Warning => stats.findings_warning += 1,
                Severity::Info => stats.findings_info += 1,
            }
        }
        stats
    }
}

#[cfg(test)]
mod tests;
