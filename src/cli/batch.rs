//! `sverka batch [MANIFEST.jsonl|-] [--jobs N] [--emit ids|text]`: JSONL in, JSONL out,
//! one result line per input line, in input order. Built to run unchanged as the map
//! step of Spark (`RDD.pipe`) or Hadoop Streaming: it reads stdin by default, streams in
//! chunks (bounded memory), and one bad line (bad JSON, not UTF-8, an unreadable file)
//! yields an `{"id":…,"error":…}` line, never a stop. Each line is answered by the
//! library's [`Batch`] (the contract lives there). Batch runs offline: the MT,
//! embedding and cache options of [`AlignOpts`] are hidden from `batch --help` and
//! refused if given.

use super::{AlignOpts, Outcome};
use anyhow::Context;
use clap::{Arg, Args};
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use sverka::batch::{Batch, Emit};
use sverka::config::Config;
use sverka::engine::Engine;
use sverka::model::Severity;

/// Arguments of `sverka batch`.
#[derive(Debug, Args)]
#[command(mut_args(hide_online))]
pub struct BatchArgs {
    /// The manifest (`-` or nothing = stdin). Relative paths inside a manifest file are
    /// resolved against the manifest's directory; from stdin, against the working directory.
    pub manifest: Option<PathBuf>,
    /// Parallel jobs, 1 to 1024 (default: the number of cores).
    #[arg(long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<usize>,
    /// What each result line carries: sentence ids (`beads`), or also the aligned texts
    /// (`"bitext": [{"a", "b", "score"}, …]`, one per bead).
    #[arg(long, value_enum, default_value_t = Emit::Ids)]
    pub emit: Emit,
    /// Exit with code 1 when any line has a finding at or above this severity (default:
    /// exit 0 whatever the findings).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<super::check::FailOn>,
    #[command(flatten)]
    pub align: AlignOpts,
}

/// One option batch refuses: the argument id (the field name), the flag, and whether
/// it was given.
type OnlineOption = (&'static str, &'static str, fn(&AlignOpts) -> bool);

/// The [`AlignOpts`] that need the network, a machine translation or the cache.
const ONLINE_ONLY: &[OnlineOption] = &[
    ("mt", "--mt", |a| a.mt.is_some()),
    ("mt_url", "--mt-url", |a| a.mt_url.is_some()),
    ("mt_model", "--mt-model", |a| a.mt_model.is_some()),
    ("to", "--to", |a| a.to.is_some()),
    ("mt_file", "--mt-file", |a| a.mt_file.is_some()),
    ("embed_url", "--embed-url", |a| a.embed_url.is_some()),
    ("embed_model", "--embed-model", |a| a.embed_model.is_some()),
    ("embed_prefix", "--embed-prefix", |a| a.embed_prefix.is_some()),
    ("sim_weight", "--sim-weight", |a| a.sim_weight.is_some()),
    ("sim_null", "--sim-null", |a| a.sim_null.is_some()),
    ("sim_cross", "--sim-cross", |a| a.sim_cross.is_some()),
    ("no_cache", "--no-cache", |a| a.no_cache),
    ("cache_dir", "--cache-dir", |a| a.cache_dir.is_some()),
];

/// Hides an [`ONLINE_ONLY`] option from `batch --help`; it is still parsed, so that
/// [`run`] can refuse it with a message saying why.
fn hide_online(arg: Arg) -> Arg {
    if ONLINE_ONLY.iter().any(|(id, _, _)| arg.get_id() == *id) { arg.hide(true) } else { arg }
}

/// Most parallel jobs `--jobs` takes: far beyond any machine's cores, and well below
/// the thread counts whose start-up alone takes seconds (8,000 threads: 25 s).
const MAX_JOBS: usize = 1024;

/// `--jobs`: a whole number from 1 to [`MAX_JOBS`].
fn parse_jobs(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_JOBS).contains(&n) => Ok(n),
        _ => Err(format!(
            "must be a whole number of parallel jobs from 1 to {MAX_JOBS} (default: the number of cores)"
        )),
    }
}

/// The flags of the [`ONLINE_ONLY`] options given on the command line.
fn online_options_given(a: &AlignOpts) -> Vec<&'static str> {
    ONLINE_ONLY.iter().filter(|(_, _, given)| given(a)).map(|(_, flag, _)| *flag).collect()
}

/// Fails, naming them, when any [`ONLINE_ONLY`] option was given.
fn refuse_online(given: &[&str]) -> anyhow::Result<()> {
    match given {
        [] => Ok(()),
        [one] => anyhow::bail!(
            "batch runs offline: {one} is not supported here; drop it (see `sverka batch --help`)"
        ),
        many => anyhow::bail!(
            "batch runs offline: {} are not supported here; drop them (see `sverka batch --help`)",
            many.join(", ")
        ),
    }
}

/// How many input lines are read before a parallel round; bounds memory.
const CHUNK_LINES: usize = 512;

/// One manifest line number and the line as read, without its line end.
type RawLine = (usize, Vec<u8>);

/// Runs `sverka batch`.
pub fn run(args: &BatchArgs, config: &Config) -> anyhow::Result<Outcome> {
    refuse_online(&online_options_given(&args.align))?;
    let config = super::pipeline::with_options(config.clone(), &args.align);
    let mut builder = Engine::builder(config).glossary(super::pipeline::load_glossary(&args.align.glossary)?);
    if let Some(path) = &args.align.dict {
        builder = builder.dictionary(super::pipeline::load_dict(path)?);
    }
    let engine = builder.build()?;
    let presegmented = engine.config().segment.presegmented;
    let (lang_a, lang_b) = super::pipeline::parse_langs(args.align.langs.as_deref(), presegmented)?;
    let (mut reader, base_dir): (Box<dyn BufRead>, PathBuf) = match args.manifest.as_deref() {
        None => (Box::new(std::io::stdin().lock()), PathBuf::from(".")),
        Some(p) if p == Path::new("-") => (Box::new(std::io::stdin().lock()), PathBuf::from(".")),
        Some(p) => {
            let file = std::fs::File::open(p).with_context(|| format!("{}: cannot open", p.display()))?;
            let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
            (Box::new(std::io::BufReader::new(file)), dir.to_path_buf())
        }
    };
    let batch = Batch::new(engine)
        .base_dir(base_dir)
        .langs(lang_a, lang_b)
        .emit(args.emit)
        .format(args.align.input_format);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs.unwrap_or(0)).build()?;
    let name = args.manifest.as_ref().map_or("<stdin>".to_string(), |p| p.display().to_string());
    let mut out = std::io::stdout().lock();
    let mut chunk: Vec<RawLine> = Vec::with_capacity(CHUNK_LINES);
    let mut buf = Vec::new();
    let mut line_no = 0;
    let threshold = args.fail_on.map(|f| f.severity());
    let mut failed = false;
    while next_line(&mut reader, &mut buf).with_context(|| format!("{name}:{}: cannot read", line_no + 1))? {
        line_no += 1;
        chunk.push((line_no, std::mem::take(&mut buf)));
        if chunk.len() == CHUNK_LINES {
            failed |= flush(&pool, &batch, &mut chunk, &mut out, threshold)?;
        }
    }
    failed |= flush(&pool, &batch, &mut chunk, &mut out, threshold)?;
    Ok(if failed { Outcome::Findings } else { Outcome::Clean })
}

/// Whether a result line has a finding at or above `threshold`.
fn reaches(line: &str, threshold: Severity) -> bool {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else { return false };
    let Some(findings) = value.get("findings").and_then(|f| f.as_array()) else { return false };
    findings.iter().any(|f| {
        let severity = f.get("severity").cloned().and_then(|s| serde_json::from_value::<Severity>(s).ok());
        severity.is_some_and(|s| s >= threshold)
    })
}

/// Reads the next line into `buf` as bytes, without its `\n` or `\r\n`; `false` at the
/// end of the input. Bytes, not `String`, so that one line that is not UTF-8 is reported
/// in its place instead of stopping the batch.
fn next_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    buf.clear();
    if reader.read_until(b'\n', buf)? == 0 {
        return Ok(false);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(true)
}

/// Answers and writes a chunk of lines; whether one of them reaches `threshold`.
fn flush(
    pool: &rayon::ThreadPool,
    batch: &Batch,
    chunk: &mut Vec<RawLine>,
    out: &mut impl Write,
    threshold: Option<Severity>,
) -> anyhow::Result<bool> {
    let results: Vec<String> =
        pool.install(|| chunk.par_iter().map(|(line_no, line)| batch.answer(*line_no, line)).collect());
    let mut reached = false;
    for r in results {
        reached |= threshold.is_some_and(|t| reaches(&r, t));
        out.write_all(r.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    chunk.clear();
    Ok(reached)
}
