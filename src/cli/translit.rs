//! `sverka translit [--lang ru|be] [--system ID] TEXT...`: one line per TEXT.

use super::{Outcome, output};
use clap::Args;
use sverka::model::Lang;
use sverka::translit::{self, System};

/// Arguments of `sverka translit`.
#[derive(Debug, Args)]
pub struct TranslitArgs {
    /// Language of the text: ru or be.
    #[arg(long, default_value = "ru", value_name = "ru|be")]
    pub lang: String,
    /// System ID: bgn-pcgn, iso9, gost-7.79-b, icao-9303, ala-lc, wikipedia, by-2007, by-2023, mvd-2010, un.
    #[arg(long, default_value = "bgn-pcgn", value_name = "ID")]
    pub system: String,
    /// Texts to transliterate; each gives one output line.
    #[arg(required = true)]
    pub text: Vec<String>,
}

/// The list of systems for error messages: `  id  description` lines.
fn system_list() -> String {
    System::ALL.iter().map(|s| format!("\n  {:12} {}", s.id(), s.describe())).collect()
}

/// Runs `sverka translit`.
pub fn run(args: &TranslitArgs) -> anyhow::Result<Outcome> {
    let lang = match args.lang.trim().to_ascii_lowercase().as_str() {
        "ru" => Lang::ru(),
        "be" => Lang::be(),
        other => anyhow::bail!("unknown --lang '{other}': use ru (Russian) or be (Belarusian)"),
    };
    let Some(system) = System::from_id(args.system.trim()) else {
        anyhow::bail!("unknown --system '{}'; the systems are:{}", args.system, system_list());
    };
    let out: String = args.text.iter().map(|t| translit::transliterate(t, &lang, system) + "\n").collect();
    output::write(None, &out)?;
    Ok(Outcome::Clean)
}
