//! The library's engine on one article pair, as a library user would call it: the same
//! `Config::default()` as the CLI, so the JSON printed is byte for byte what
//! `sverka align A B --format json` prints.
//!
//! ```sh
//! cargo run --example engine -- samples/belta-kursk/en.txt samples/belta-kursk/ru.txt
//! cargo run --example engine -- A B --mt libretranslate --mt-url http://127.0.0.1:5000
//! cargo run --example engine -- A B --ngram-embeddings     # an in-memory embedder
//! ```

use std::error::Error;
use sverka::config::Config;
use sverka::engine::{Engine, RunOptions};
use sverka::mt::{self, Cache, MtConfig, NgramEmbedder, Provider};
use sverka::report::{self, Format, RenderOptions};

/// Aligns and checks the pair named by `args` (A, B, then options); returns the JSON report.
pub fn run(args: &[String]) -> Result<String, Box<dyn Error>> {
    let [a_path, b_path, options @ ..] = args else {
        return Err("usage: engine A B [--mt PROVIDER --mt-url URL] [--ngram-embeddings]".into());
    };
    let mut builder = Engine::builder(Config::default());
    let mut rest = options.iter();
    while let Some(option) = rest.next() {
        match option.as_str() {
            "--mt" => {
                let provider = Provider::parse(rest.next().ok_or("--mt needs a provider")?)?;
                let url = match rest.next().map(String::as_str) {
                    Some("--mt-url") => rest.next().cloned(),
                    _ => return Err("--mt PROVIDER needs --mt-url URL after it".into()),
                };
                let mut config = MtConfig::new(provider, url, None);
                config.cache = Cache::disabled();
                builder = builder.translator(mt::translator(&config)?);
            }
            "--ngram-embeddings" => builder = builder.embedder(Box::new(NgramEmbedder::default())),
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    let engine = builder.build()?;
    let a = engine.document(&sverka::input::read_text(std::path::Path::new(a_path))?, None);
    let b = engine.document(&sverka::input::read_text(std::path::Path::new(b_path))?, None);
    let report = engine.run(&a, &b, &RunOptions { mt_b: None, findings: true })?;
    Ok(report::render(&report, Format::Json, &RenderOptions::default()))
}

#[allow(dead_code, clippy::print_stdout, clippy::print_stderr)]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(json) => {
            print!("{json}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("engine: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
