//! `sverka score --gold FILE... --test FILE... [--json]`: the alignment metric.

use super::{Outcome, output};
use anyhow::bail;
use clap::Args;
use std::path::{Path, PathBuf};
use sverka::align::score::{self, Link};

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
    if args.gold.len() != args.test.len() {
        bail!(
            "--gold has {} files but --test has {}; give one test file per gold file, in the same order",
            args.gold.len(),
            args.test.len()
        );
    }
    let mut docs = Vec::with_capacity(args.gold.len());
    for (gold, test) in args.gold.iter().zip(&args.test) {
        docs.push((read_links(gold)?, read_links(test)?));
    }
    let s = score::score(&docs);
    let text = if args.json {
        format!("{}\n", serde_json::to_string(&s)?)
    } else {
        format!(
            "            strict   lax\n\
             P           {:.3}   {:.3}\n\
             R           {:.3}   {:.3}\n\
             F1          {:.3}   {:.3}\n\
             (test links {}, gold non-null links {})\n",
            s.p_strict,
            s.p_lax,
            s.r_strict,
            s.r_lax,
            s.f1_strict,
            s.f1_lax,
            s.test_links,
            s.gold_links_nonnull
        )
    };
    output::write(None, &text)?;
    Ok(Outcome::Clean)
}

fn read_links(path: &Path) -> anyhow::Result<Vec<Link>> {
    let text = sverka::input::read_text(path)?;
    score::parse_vecalign(&text).map_err(|e| {
        sverka::Error::parse(path, e.line, format!("{}; each line must look like `[0, 1]:[2]`", e.message))
            .into()
    })
}
