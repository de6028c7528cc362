//! `sverka score --gold FILE... --test FILE... [--json]`: the alignment metric.

use super::Outcome;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `sverka score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Gold alignments (vecalign format), one per document.
    #[arg(long, required = true, num_args = 1..)]
    pub gold: Vec<PathBuf>,
    /// Test alignments, in the same order as the gold files.
    #[arg(long, required = true, num_args = 1..)]
    pub test: Vec<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `sverka score`.
pub fn run(args: &ScoreArgs) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("sverka score is not available yet")
}
