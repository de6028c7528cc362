//! Rendering a [`Report`] in every output format: text columns, HTML, TSV, TMX 1.4b,
//! JSON, vecalign and ladder. One small renderer per format; none of them aligns.
//!
//! OWNER: issue 6. The skeleton renders JSON, vecalign and a plain text listing.

use crate::model::Report;

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

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format, options: &RenderOptions) -> String {
    let _ = options;
    match format {
        Format::Json => serde_json::to_string_pretty(report).unwrap_or_default() + "\n",
        Format::Vecalign => vecalign(report),
        _ => plain(report),
    }
}

fn ids(v: &[usize]) -> String {
    let parts: Vec<String> = v.iter().map(|i| i.to_string()).collect();
    format!("[{}]", parts.join(", "))
}

fn vecalign(report: &Report) -> String {
    report.beads.iter().map(|b| format!("{}:{}:{:.3}\n", ids(&b.a), ids(&b.b), b.score)).collect()
}

fn plain(report: &Report) -> String {
    let join =
        |side: &[String], v: &[usize]| v.iter().map(|&i| side[i].as_str()).collect::<Vec<_>>().join(" ");
    report
        .beads
        .iter()
        .map(|b| format!("{}\t{}\n", join(&report.a.sentences, &b.a), join(&report.b.sentences, &b.b)))
        .collect()
}

/// Renders the findings of `report` as a list for the terminal (`sverka check`).
pub fn render_findings(report: &Report, options: &RenderOptions) -> String {
    let _ = options;
    report
        .findings
        .iter()
        .map(|f| format!("{:?} {} {:?}:{} {}\n", f.severity, f.check.name(), f.side, f.sentence, f.message))
        .collect()
}
