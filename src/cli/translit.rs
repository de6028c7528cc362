//! `sverka translit [--lang ru|be] [--system ID] TEXT...`: one line per TEXT.

use super::{Outcome, output};
use anyhow::Context;
use clap::Args;
use sverka::model::Lang;
use sverka::translit::{self, System};

/// Arguments of `sverka translit`.
#[derive(Debug, Args)]
pub struct TranslitArgs {
    /// Language of the text: ru or be.
    #[arg(long, default_value = "ru")]
    pub lang: String,
    /// System ID: bgn-pcgn, iso9, gost-7.79-b, icao-9303, ala-lc, wikipedia, by-2007, by-2023, mvd-2010, un.
    #[arg(long, default_value = "bgn-pcgn")]
    pub system: String,
    /// Texts to transliterate.
    #[arg(required = true)]
    pub text: Vec<String>,
}

/// Runs `sverka translit`.
pub fn run(args: &TranslitArgs) -> anyhow::Result<Outcome> {
    let lang = Lang::parse(&args.lang).context("--lang takes ru or be")?;
    let ids: Vec<&str> = System::ALL.iter().map(|s| s.id()).collect();
    let system = System::from_id(&args.system)
        .with_context(|| format!("unknown --system '{}': use one of {}", args.system, ids.join(", ")))?;
    let out: String = args.text.iter().map(|t| translit::transliterate(t, &lang, system) + "\n").collect();
    output::write(None, &out)?;
    Ok(Outcome::Clean)
}
