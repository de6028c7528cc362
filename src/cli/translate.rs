//! `sverka translate FILE --from L --to L --mt PROVIDER`: one translated sentence per line.

use super::{Outcome, output, pipeline};
use anyhow::Context;
use clap::Args;
use std::path::PathBuf;
use sverka::model::Lang;

/// Arguments of `sverka translate`.
#[derive(Debug, Args)]
pub struct TranslateArgs {
    /// The text file (`-` reads standard input).
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
    let parse = |option: &str, code: &str| {
        Lang::parse(code).with_context(|| format!("{option}: '{code}' is not a language code"))
    };
    let from = parse("--from", &args.from)?;
    let to = parse("--to", &args.to)?;
    let cache = pipeline::cache(args.no_cache, args.cache_dir.as_deref());
    let translator = pipeline::translator(&args.mt, args.mt_url.as_deref(), args.mt_model.as_deref(), cache)?;
    let doc = pipeline::load_document(&args.file, Some(from.clone()), args.presegmented, None)?;
    let texts: Vec<String> = doc.texts().iter().map(|t| t.to_string()).collect();
    let lines = translator.translate(&texts, &from, &to)?;
    let mut text = String::new();
    for line in &lines {
        text.push_str(&line.split_whitespace().collect::<Vec<_>>().join(" "));
        text.push('\n');
    }
    output::write(None, &text)?;
    Ok(Outcome::Clean)
}
