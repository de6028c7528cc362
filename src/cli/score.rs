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
        let (gold_links, test_links) = (read_links(gold)?, read_links(test)?);
        if sizes(&gold_links) != sizes(&test_links) {
            eprintln!(
                "sverka: warning: {} and {} cover different numbers of sentences (A, B): {:?} vs {:?}; \
                 are they alignments of the same document, given in the same order?",
                gold.display(),
                test.display(),
                sizes(&gold_links),
                sizes(&test_links)
            );
        }
        docs.push((gold_links, test_links));
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

/// The number of sentences an alignment covers on each side (highest id + 1).
fn sizes(links: &[Link]) -> (usize, usize) {
    let size = |ids: &mut dyn Iterator<Item = &usize>| ids.max().map_or(0, |&m| m + 1);
    (size(&mut links.iter().flat_map(|l| &l.0)), size(&mut links.iter().flat_map(|l| &l.1)))
}

fn read_links(path: &Path) -> anyhow::Result<Vec<Link>> {
    let text = sverka::input::read_text(path)?;
    score::parse_vecalign(&text).map_err(|e| {
        sverka::Error::parse(path, e.line, format!("{}; each line must look like `[0, 1]:[2]`", e.message))
            .into()
    })
}
