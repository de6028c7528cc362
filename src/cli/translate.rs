//! `sverka translate FILE --from L --to L --mt PROVIDER`: one translated sentence per line.

use super::Outcome;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `sverka translate`.
#[derive(Debug, Args)]
pub struct TranslateArgs {
    /// The text file.
    pub file: PathBuf,
    /// Source language.
    #[arg(long)]
    pub from: String,
    /// Target language.
    #[arg(long)]
    pub to: String,
    /// MT provider: libretranslate, deepl, google, openai, apertium.
    #[arg(long)]
    pub mt: String,
    /// The provider's base URL.
    #[arg(long)]
    pub mt_url: Option<String>,
    /// Model for OpenAI-compatible providers.
    #[arg(long)]
    pub mt_model: Option<String>,
    /// The file holds one sentence per line.
    #[arg(long)]
    pub presegmented: bool,
    /// Do not read or write the cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Cache directory.
    #[arg(long)]
    pub cache_dir: Option<PathBuf>,
}

/// Runs `sverka translate`.
pub fn run(args: &TranslateArgs) -> anyhow::Result<Outcome> {
    sverka::mt::Provider::parse(&args.mt)?;
    anyhow::bail!("sverka translate is not available yet")
}
