//! `sverka segment FILE`: sentences one per line, a blank line between paragraphs.

use super::{Outcome, output, pipeline};
use clap::Args;
use std::path::PathBuf;

/// Arguments of `sverka segment`.
#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The text file.
    pub file: PathBuf,
    /// Language: en, ru, be or auto.
    #[arg(long, default_value = "auto")]
    pub lang: String,
}

/// Runs `sverka segment`.
pub fn run(args: &SegmentArgs) -> anyhow::Result<Outcome> {
    let lang = match args.lang.as_str() {
        "auto" => None,
        code => Some(
            pipeline::parse_langs(Some(&format!("{code},{code}")))?.0.unwrap_or_else(sverka::model::Lang::en),
        ),
    };
    let doc = pipeline::load_document(&args.file, lang, false)?;
    let mut out = String::new();
    let mut paragraph = None;
    for s in &doc.sentences {
        if s.text.is_empty() {
            continue;
        }
        if paragraph.is_some_and(|p| p != s.paragraph) {
            out.push('\n');
        }
        paragraph = Some(s.paragraph);
        out.push_str(&s.text.replace('\n', " "));
        out.push('\n');
    }
    output::write(None, &out)?;
    Ok(Outcome::Clean)
}
