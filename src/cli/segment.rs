//! `sverka segment FILE`: sentences one per line (inner line breaks folded to spaces),
//! a blank line between paragraphs; Markdown, HTML and .docx files are read as text first.

use super::{Outcome, output};
use anyhow::anyhow;
use clap::Args;
use std::path::PathBuf;
use sverka::model::Lang;

/// Arguments of `sverka segment`.
#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The text file (UTF-8, with or without BOM, LF or CRLF); `-` reads standard input.
    pub file: PathBuf,
    /// Language: en, ru, be, another ISO 639-1 code (language-neutral rules) or auto.
    #[arg(long, default_value = "auto", value_name = "LANG")]
    pub lang: String,
    /// Format of FILE (default: by extension: .md, .html/.htm, .docx; text otherwise).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<sverka::input::InputFormat>,
}

/// Runs `sverka segment`.
pub fn run(args: &SegmentArgs) -> anyhow::Result<Outcome> {
    let lang = parse_lang(&args.lang)?;
    let text = sverka::input::read_document(&args.file, args.input_format)?;
    let sentences = sverka::engine::document(&text, lang, false).sentences;
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut paragraph = None;
    for s in &sentences {
        if paragraph.is_some_and(|p| p != s.paragraph) {
            out.push('\n');
        }
        paragraph = Some(s.paragraph);
        sverka::segment::fold_lines_into(&s.text, &mut out);
        out.push('\n');
    }
    output::write(None, &out)?;
    Ok(Outcome::Clean)
}

/// `auto` → `None`; a language code → that language.
fn parse_lang(code: &str) -> anyhow::Result<Option<Lang>> {
    if code.eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    sverka::lang::parse_known(code, "--lang").map(Some).map_err(|e| anyhow!("{e}; or auto to detect it"))
}
