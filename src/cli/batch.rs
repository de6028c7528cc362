//! `sverka batch [MANIFEST.jsonl|-] [--jobs N]`: JSONL in, JSONL out.

use super::Outcome;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `sverka batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The manifest (`-` or nothing = stdin).
    pub manifest: Option<PathBuf>,
    /// Parallel jobs (default: the number of cores).
    #[arg(long)]
    pub jobs: Option<usize>,
}

/// Runs `sverka batch`.
pub fn run(args: &BatchArgs) -> anyhow::Result<Outcome> {
    let _ = args;
    anyhow::bail!("sverka batch is not available yet")
}
