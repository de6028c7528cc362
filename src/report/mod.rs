//! Rendering a [`Report`] in every output format: side-by-side text columns, a
//! self-contained HTML page, TSV, TMX 1.4b, JSON, vecalign, hunalign ladder and bitext. One
//! small renderer per submodule, chosen by [`Format`]; none of them aligns or checks,
//! and none does I/O: each takes the report and returns a `String`.
//!
//! Renderers never panic on a malformed report (a sentence id out of range renders as
//! nothing), so a report read back from JSON is safe to render.

mod bitext;
mod findings;
mod html;
mod json;
mod ladder;
mod marks;
mod markup;
mod text;
mod tmx;
mod tsv;
mod vecalign;
mod worddiff;

pub use bitext::{BitextRow, row as bitext_row, rows as bitext_rows};

use crate::model::{Bead, Report, Side, round_score};

/// The output formats (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Side by side in the terminal.
    Text,
    /// One self-contained HTML file.
    Html,
    /// Tab-separated: A, B, score, bead ids.
    Tsv,
    /// TMX 1.4b for CAT tools.
    Tmx,
    /// The report as JSON.
    Json,
    /// vecalign bead lines.
    Vecalign,
    /// hunalign ladder rungs.
    Ladder,
    /// The aligned texts: `a<TAB>b<TAB>score` per bead, no header.
    Bitext,
}

impl Format {
    /// Every format, in the order of `--help`.
    pub const ALL: [Format; 8] = [
        Format::Text,
        Format::Html,
        Format::Tsv,
        Format::Tmx,
        Format::Json,
        Format::Vecalign,
        Format::Ladder,
        Format::Bitext,
    ];

    /// The name used on the command line (`--format NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Tsv => "tsv",
            Format::Tmx => "tmx",
            Format::Json => "json",
            Format::Vecalign => "vecalign",
            Format::Ladder => "ladder",
            Format::Bitext => "bitext",
        }
    }

    /// The usual file extension of the format (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            other => other.name(),
        }
    }
}

/// Presentation options.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Total width for text output, in terminal columns.
    pub width: usize,
    /// Whether to colour text output (ANSI).
    pub color: bool,
    /// TMX: keep 1-0 and 0-1 beads with an empty segment.
    pub keep_unaligned: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions { width: 120, color: false, keep_unaligned: false }
    }
}

/// Beads whose confidence is below this are marked as low-confidence (`?` in text,
/// a tinted score in HTML).
pub const LOW_CONFIDENCE: f64 = 0.5;

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format, options: &RenderOptions) -> String {
    match format {
        Format::Text => text::render(report, options),
        Format::Html => html::render(report),
        Format::Tsv => tsv::render(report),
        Format::Tmx => tmx::render(report, options.keep_unaligned),
        Format::Json => json::render(report),
        Format::Vecalign => vecalign::render(report),
        Format::Ladder => ladder::render(report),
        Format::Bitext => bitext::render(report),
    }
}

/// Renders the findings of `report` as a list for the terminal (`sverka check`).
pub fn render_findings(report: &Report, options: &RenderOptions) -> String {
    findings::render(report, options.color)
}

/// The sentence texts of `ids` on one side; ids out of range are skipped.
fn sentences<'r>(side: &'r [String], ids: &[usize]) -> Vec<&'r str> {
    ids.iter().filter_map(|&i| side.get(i).map(String::as_str)).collect()
}

/// The sentences of `ids` joined with a space (merged sentences of one bead).
fn joined(side: &[String], ids: &[usize]) -> String {
    sentences(side, ids).join(" ")
}

/// A bead side's ids the way vecalign writes them: `[3, 4]`, `[]`.
fn id_list(ids: &[usize]) -> String {
    let parts: Vec<String> = ids.iter().map(usize::to_string).collect();
    format!("[{}]", parts.join(", "))
}

/// A score with three decimals, the same digits as the JSON's [`round_score`]; a
/// non-finite score (never produced by the aligner) renders as 0.
fn score(value: f64) -> String {
    let value = if value.is_finite() { round_score(value) } else { 0.0 };
    format!("{value:.3}")
}

/// `n` beads in words: `1 bead`, `7 beads`.
fn beads_count(n: usize) -> String {
    format!("{n} bead{}", if n == 1 { "" } else { "s" })
}

/// Whether a bead is a 1-0 or 0-1 bead (one side empty).
fn is_unaligned(bead: &Bead) -> bool {
    bead.a.is_empty() || bead.b.is_empty()
}

/// The report's texts on one side.
/// Where a moved bead's B sentences came from, for the text and HTML views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MovedNote {
    /// The first B sentence of the bead.
    pub b: usize,
    /// The A sentence the translation put it after (`None`: at A's start).
    pub after_a: Option<usize>,
    /// The bead holding the B sentence before it: its place in B's order (`None`: it
    /// opens B).
    pub origin: Option<usize>,
}

impl MovedNote {
    /// `moved: B 5 → after A 3`.
    pub fn describe(&self) -> String {
        match self.after_a {
            Some(a) => format!("moved: B {} → after A {a}", self.b),
            None => format!("moved: B {} → at the start of A", self.b),
        }
    }
}

/// The note of bead `i` when it is moved.
pub(crate) fn moved_note(report: &Report, i: usize) -> Option<MovedNote> {
    let bead = report.beads.get(i).filter(|bead| bead.moved)?;
    let (&b, &a) = (bead.b.first()?, bead.a.first()?);
    let origin =
        b.checked_sub(1).and_then(|prev| report.beads.iter().position(|other| other.b.contains(&prev)));
    Some(MovedNote { b, after_a: a.checked_sub(1), origin })
}

/// The label of a sentence that is not running text (`dateline`, `credit`…), if any.
pub(crate) fn kind_label(report: &Report, side: Side, id: usize) -> Option<&'static str> {
    let kinds = match side {
        Side::A => &report.a.kinds,
        Side::B => &report.b.kinds,
    };
    kinds.get(id).filter(|k| !k.is_text()).map(|k| k.name())
}

fn side_texts(report: &Report, side: Side) -> &[String] {
    match side {
        Side::A => &report.a.sentences,
        Side::B => &report.b.sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_skips_ids_out_of_range() {
        let side = vec!["One.".to_string(), "Two.".to_string()];
        assert_eq!(joined(&side, &[0, 1, 7]), "One. Two.");
        assert_eq!(joined(&side, &[]), "");
    }

    #[test]
    fn id_lists_and_scores_are_vecalign_style() {
        assert_eq!(id_list(&[3, 4]), "[3, 4]");
        assert_eq!(id_list(&[]), "[]");
        assert_eq!(score(0.8734), "0.873");
        assert_eq!(score(f64::NAN), "0.000");
    }

    #[test]
    fn every_format_has_a_distinct_extension() {
        let mut exts: Vec<&str> = Format::ALL.iter().map(|f| f.extension()).collect();
        exts.sort_unstable();
        exts.dedup();
        assert_eq!(exts.len(), Format::ALL.len());
    }
}
