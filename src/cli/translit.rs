//! `sverka translit [--lang ru|be] [--system ID] TEXT...`: one line per TEXT.

use super::{Outcome, output};
use clap::Args;
use sverka::model::Lang;
use sverka::translit::{self, System};

/// Arguments of `sverka translit`.
#[derive(Debug, Args)]
pub struct TranslitArgs {
    /// Language of the text: ru, be, or auto (each TEXT with Belarusian letters, і or ў,
    /// is Belarusian; the others Russian).
    #[arg(long, default_value = "auto", value_name = "ru|be|auto")]
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
        "ru" => Some(Lang::ru()),
        "be" => Some(Lang::be()),
        "auto" => None,
        other => anyhow::bail!("unknown --lang '{other}': use ru (Russian), be (Belarusian) or auto"),
    };
    let Some(system) = System::from_id(args.system.trim()) else {
        anyhow::bail!("unknown --system '{}'; the systems are:{}", args.system, system_list());
    };
    let mut out = String::new();
    for text in &args.text {
        let belarusian = sverka::lang::has_belarusian_letters(text);
        let lang = match &lang {
            Some(l) if *l == Lang::ru() && belarusian => {
                eprintln!(
                    "sverka: warning: '{text}' has Belarusian letters (і, ў) that Russian does not: transliterated \
                     as Belarusian (--lang be)"
                );
                Lang::be()
            }
            Some(l) => l.clone(),
            None if belarusian => Lang::be(),
            None => Lang::ru(),
        };
        let line = translit::transliterate(text, &lang, system);
        let left: String = line.chars().filter(|&c| sverka::text::is_cyrillic(c)).collect();
        if !left.is_empty() {
            let mut letters: Vec<char> = left.chars().collect();
            letters.sort_unstable();
            letters.dedup();
            let letters: String = letters.iter().map(|c| format!(" {c}")).collect();
            eprintln!(
                "sverka: warning: '{text}': the {} tables have no rule for{letters}: left as written",
                system.id()
            );
        }
        out.push_str(&line);
        out.push('\n');
    }
    output::write(None, &out)?;
    Ok(Outcome::Clean)
}
