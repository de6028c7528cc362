//! `sverka align A [B]`: the side-by-side alignment in any output format.

use super::{AlignOpts, Outcome, output, pipeline};
use clap::{Args, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use sverka::report::{self, Format, RenderOptions};

/// Arguments of `sverka align`.
#[derive(Debug, Args)]
pub struct AlignCmd {
    /// File A (usually the English; `-` reads standard input).
    pub a: PathBuf,
    /// File B (the original); without it, B is the machine translation of A.
    pub b: Option<PathBuf>,
    #[command(flatten)]
    pub align: AlignOpts,
    #[command(flatten)]
    pub out: OutputOpts,
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Output options shared by commands that render a report.
#[derive(Debug, Clone, Args)]
pub struct OutputOpts {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write there (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Width of text output in columns (default: the terminal's, or 120; at least 20).
    /// Each text column keeps at least 8 cells, so output narrower than about 28 columns
    /// (39 with an MT column) comes out wider than asked.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    /// Colour in text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// TMX: keep 1-0 and 0-1 beads with an empty segment.
    #[arg(long)]
    pub keep_unaligned: bool,
}

impl OutputOpts {
    /// Render options for this run (terminal width and colour resolved).
    pub fn render_options(&self) -> RenderOptions {
        let to_terminal = self.output.is_none() && std::io::stdout().is_terminal();
        let color = use_color(self.color, to_terminal, std::env::var_os("NO_COLOR").as_deref());
        let width = match self.width {
            Some(width) => usize::from(width),
            None if to_terminal => {
                terminal_size::terminal_size().map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w.0)).max(40)
            }
            None => DEFAULT_WIDTH,
        };
        RenderOptions { width, color, keep_unaligned: self.keep_unaligned }
    }
}

/// Whether `format` renders the checks' findings (text, HTML and JSON do).
pub fn shows_findings(format: Format) -> bool {
    match format {
        Format::Text | Format::Html | Format::Json => true,
        Format::Tsv | Format::Tmx | Format::Vecalign | Format::Ladder | Format::Bitext => false,
    }
}

/// Width of text output when it goes to a file or a pipe and `--width` is not given.
const DEFAULT_WIDTH: usize = 120;

/// Whether to colour: `always` and `never` decide on their own (an explicit choice
/// beats the environment); `auto` colours only a terminal, and only when `NO_COLOR` is
/// unset or empty (<https://no-color.org>).
fn use_color(choice: ColorChoice, to_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && no_color.is_none_or(|v| v.is_empty()),
    }
}

/// Runs `sverka align`.
pub fn run(cmd: &AlignCmd, config: &sverka::config::Config) -> anyhow::Result<Outcome> {
    // The side-by-side views show the checks' findings too; only `check` gates on them.
    // Formats that carry beads only (vecalign, ladder, TSV, TMX) skip the checks.
    let findings = shows_findings(cmd.out.format);
    let report =
        pipeline::run(&cmd.a, cmd.b.as_deref(), &cmd.align, config, pipeline::Purpose::Align { findings })?;
    let text = report::render(&report, cmd.out.format, &cmd.out.render_options());
    output::write(cmd.out.output.as_deref(), &text)?;
    Ok(Outcome::Clean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn colour_choice_table() {
        // (choice, stdout is a terminal, NO_COLOR, colour)
        let cases: &[(ColorChoice, bool, Option<&str>, bool)] = &[
            (ColorChoice::Auto, true, None, true),
            (ColorChoice::Auto, true, Some(""), true),
            (ColorChoice::Auto, true, Some("1"), false),
            (ColorChoice::Auto, false, None, false),
            (ColorChoice::Always, false, Some("1"), true),
            (ColorChoice::Never, true, None, false),
        ];
        for &(choice, terminal, no_color, want) in cases {
            assert_eq!(
                use_color(choice, terminal, no_color.map(OsStr::new)),
                want,
                "{choice:?} {terminal} {no_color:?}"
            );
        }
    }
}
