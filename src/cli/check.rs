//! `sverka check A B`: align, run the consistency checks, report findings; the exit
//! code says whether any finding is at or above `--fail-on`.

use super::align::OutputOpts;
use super::{AlignOpts, Outcome, output, pipeline};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use sverka::check::{self, CheckOptions};
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
    /// House-style profile: belta, ap, reuters, tass…
    #[arg(long)]
    pub profile: Option<String>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
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
    fn severity(self) -> Severity {
        match self {
            FailOn::Info => Severity::Info,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
        }
    }
}

/// Runs `sverka check`.
pub fn run(cmd: &CheckCmd) -> anyhow::Result<Outcome> {
    // An unknown profile is an error (exit 2), not a silent fallback; it is found before
    // any file is segmented or any MT request is sent.
    let glossary = pipeline::load_glossary(&cmd.align.glossary)?;
    glossary.with_profile(cmd.profile.as_deref())?;
    let pair = pipeline::load_pair(&cmd.a, cmd.b.as_deref(), &cmd.align, glossary)?;
    let alignment = pipeline::align_pair(&pair, &cmd.align);
    let options = CheckOptions { profile: cmd.profile.clone(), original_is_mt: pair.b_is_mt_of_a };
    let findings = check::run(&pair.a, &pair.b, &alignment, &pair.glossary, &options);
    let report = pipeline::report(&pair, alignment, findings);
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
