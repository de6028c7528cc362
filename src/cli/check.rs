//! `sverka check A B`: align, run the consistency checks, report findings; the exit
//! code says whether any finding is at or above `--fail-on`.

use super::align::OutputOpts;
use super::{AlignOpts, Outcome, output, pipeline};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use sverka::model::Severity;
use sverka::report::{self, Format};

/// Arguments of `sverka check`.
#[derive(Debug, Args)]
pub struct CheckCmd {
    /// File A (usually the English; `-` reads standard input).
    pub a: PathBuf,
    /// File B (the original).
    pub b: Option<PathBuf>,
    #[command(flatten)]
    pub align: AlignOpts,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// With two English versions (A and B): the Russian or Belarusian original both
    /// translate; each version is aligned to it and the findings say which one departs.
    #[arg(long, value_name = "FILE")]
    pub original: Option<PathBuf>,
    #[command(flatten)]
    pub out: OutputOpts,
}

/// `--fail-on` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any finding.
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
}

impl FailOn {
    /// The lowest severity that fails.
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Info => Severity::Info,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
        }
    }
}

/// Runs `sverka check`.
pub fn run(cmd: &CheckCmd, config: &sverka::config::Config) -> anyhow::Result<Outcome> {
    let report = match &cmd.original {
        Some(original) => pipeline::run_versions(&cmd.a, cmd.b.as_deref(), original, &cmd.align, config)?,
        None => pipeline::run(&cmd.a, cmd.b.as_deref(), &cmd.align, config, pipeline::Purpose::Check)?,
    };
    if !super::align::shows_findings(cmd.out.format) {
        eprintln!(
            "sverka: warning: --format {} cannot carry findings: they are not in the output (the exit code still \
             says whether there are any); use text, html or json to see them",
            cmd.out.format.name()
        );
    }
    let render_options = cmd.out.render_options();
    let text = match cmd.out.format {
        Format::Text => report::render_findings(&report, &render_options),
        format => report::render(&report, format, &render_options),
    };
    output::write(cmd.out.output.as_deref(), &text)?;
    let threshold = cmd.fail_on.severity();
    let failed = report.findings.iter().any(|f| f.severity >= threshold);
    Ok(if failed { Outcome::Findings } else { Outcome::Clean })
}
