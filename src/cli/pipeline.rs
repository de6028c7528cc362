//! The shared path of `align` and `check`: the effective configuration, reading both
//! files, the glossary, dictionary and network services the options ask for, then the
//! library's [`Engine`] does the rest.

use super::AlignOpts;
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use sverka::align;
use sverka::config::Config;
use sverka::engine::{Engine, EngineBuilder, RunOptions};
use sverka::glossary::Glossary;
use sverka::input::InputFormat;
use sverka::model::{Document, Lang, Report};
use sverka::mt::{self, Cache, HttpEmbedder, MtConfig, Provider, RetryPolicy};

/// Aligns A with B (or with the machine translation of A) and, with `findings`, checks
/// the result; `config` is the effective configuration before the command-line options.
pub fn run(
    a_path: &Path,
    b_path: Option<&Path>,
    opts: &AlignOpts,
    config: &Config,
    findings: bool,
) -> anyhow::Result<Report> {
    let (lang_a, lang_b) = parse_langs(opts.langs.as_deref())?;
    if a_path == Path::new("-") && b_path == Some(Path::new("-")) {
        bail!("A and B cannot both be standard input ('-'): give one of them as a file");
    }
    let outside = opts.mt.is_some() || opts.mt_file.is_some() || opts.embed_url.is_some();
    let tuned = opts.sim_weight.is_some() || opts.sim_null.is_some() || opts.sim_cross.is_some();
    if tuned && (!outside || b_path.is_none()) {
        bail!(
            "--sim-weight, --sim-null and --sim-cross tune the MT/embedding similarity: give them with B and --mt, --mt-file or --embed-url"
        );
    }
    let config = with_options(config.clone(), opts);
    let glossary = load_glossary(&opts.glossary)?;
    // An unknown profile is an error before any file is segmented or any request is sent.
    glossary.with_profile(config.check.profile.as_deref())?;
    let presegmented = config.segment.presegmented;
    // Both files are read and segmented at once; B's errors are reported where they were
    // when B was read after the checks below.
    let load = |path: &Path, lang: Option<Lang>| read_segmented(path, lang, presegmented, opts.input_format);
    let (a, b) = match b_path {
        Some(b_path) => {
            let (a, b) = rayon::join(|| load(a_path, lang_a), || load(b_path, lang_b));
            (a, Some(b))
        }
        None => (load(a_path, lang_a), None),
    };
    let a = a?;
    warn_if_empty(a_path, &a);
    let mut builder = Engine::builder(config).glossary(glossary);
    if let Some(path) = &opts.dict {
        builder = builder.dictionary(load_dict(path)?);
    }
    let (Some(b_path), Some(b)) = (b_path, b) else {
        let (Some(_), Some(to)) = (opts.mt.as_deref(), opts.to.as_deref()) else {
            bail!("without file B, give --mt PROVIDER and --to LANG: B is then the machine translation of A");
        };
        if opts.mt_file.is_some() {
            bail!("--mt-file is a translation of B; without B use --mt and --to");
        }
        let to = Lang::parse(to).with_context(|| format!("--to: '{to}' is not a language code"))?;
        let engine = with_services(builder, opts)?.build()?;
        return Ok(engine.run_translating(&a, &to, findings)?);
    };
    if opts.to.is_some() {
        bail!(
            "--to is only for aligning without B (B is then the machine translation of A); drop it or drop B"
        );
    }
    let b = b?;
    warn_if_empty(b_path, &b);
    let mt_b = match (&opts.mt_file, &opts.mt) {
        (Some(_), Some(_)) => bail!("give either --mt or --mt-file, not both"),
        (Some(path), None) => Some(read_mt_file(path, &b)?),
        _ => None,
    };
    let engine = with_services(builder, opts)?.build()?;
    let report = engine.run(&a, &b, &RunOptions { mt_b, findings })?;
    for note in &report.notes {
        eprintln!("sverka: {}", note.message);
    }
    Ok(report)
}

/// `config` with the command-line options that override it.
pub fn with_options(mut config: Config, opts: &AlignOpts) -> Config {
    if let Some(n) = opts.max_group {
        config.search.max_group = n;
    }
    config.segment.presegmented |= opts.presegmented;
    if opts.profile.is_some() {
        config.check.profile.clone_from(&opts.profile);
    }
    // The similarity options tune the preset in use: embeddings' when they are asked for.
    let preset =
        if opts.embed_url.is_some() { &mut config.similarity.embeddings } else { &mut config.similarity.mt };
    if let Some(w) = opts.sim_weight {
        preset.weight = w as f32;
    }
    if let Some(n) = opts.sim_null {
        preset.null = n as f32;
    }
    if let Some(c) = opts.sim_cross {
        preset.cross = c as f32;
    }
    config
}

/// The translator and embedder the options ask for.
fn with_services(mut builder: EngineBuilder, opts: &AlignOpts) -> anyhow::Result<EngineBuilder> {
    if let Some(provider) = opts.mt.as_deref() {
        let cache = cache(opts.no_cache, opts.cache_dir.as_deref());
        builder = builder.translator(translator(
            provider,
            opts.mt_url.as_deref(),
            opts.mt_model.as_deref(),
            cache,
        )?);
    }
    if let Some(url) = opts.embed_url.as_deref() {
        let cache = cache(opts.no_cache, opts.cache_dir.as_deref());
        let mut embedder =
            HttpEmbedder::new(url, opts.embed_model.as_deref(), cache, RetryPolicy::default())?;
        if let Some(prefix) = &opts.embed_prefix {
            embedder = embedder.with_prefix((!prefix.is_empty()).then(|| prefix.clone()));
        }
        builder = builder.embedder(Box::new(embedder));
    }
    Ok(builder)
}

/// `--mt-file`: one line per sentence of B.
fn read_mt_file(path: &Path, b: &Document) -> anyhow::Result<Vec<String>> {
    let lines = sverka::input::read_lines(path)?;
    if lines.len() != b.len() {
        bail!(
            "{}: {} lines, but B has {} sentences; --mt-file needs one line per sentence of B \
             (use --presegmented with a B file of one sentence per line)",
            path.display(),
            lines.len(),
            b.len()
        );
    }
    Ok(lines)
}

/// The cache the options ask for: none with `--no-cache`, else `--cache-dir`, else the default.
pub fn cache(no_cache: bool, dir: Option<&Path>) -> Cache {
    match (no_cache, dir) {
        (true, _) => Cache::disabled(),
        (false, Some(dir)) => Cache::at(dir),
        (false, None) => Cache::from_env(),
    }
}

/// A translator for `--mt`, `--mt-url`, `--mt-model`, with the key from the environment.
pub fn translator(
    provider: &str,
    url: Option<&str>,
    model: Option<&str>,
    cache: Cache,
) -> anyhow::Result<Box<dyn mt::Translator>> {
    let provider = Provider::parse(provider)?;
    let mut config = MtConfig::new(provider, url.map(str::to_string), model.map(str::to_string));
    config.cache = cache;
    Ok(mt::translator(&config)?)
}

/// Reads `--dict`: a dictd dictionary (`X.index` with `X.dict` or `X.dict.dz`, given by
/// any of the three names) or else a TSV file.
pub fn load_dict(path: &Path) -> anyhow::Result<align::Dictionary> {
    let name = path.to_string_lossy();
    let stem = [".dict.dz", ".index", ".dict"].iter().find_map(|suffix| name.strip_suffix(suffix));
    let parse_err = |path: &Path, e: align::dict::DictError| sverka::Error::parse(path, e.line, e.message);
    let Some(stem) = stem else {
        let text = sverka::input::read_text(path)?;
        return Ok(align::dict::parse_tsv(&text).map_err(|e| parse_err(path, e))?);
    };
    let index_path = PathBuf::from(format!("{stem}.index"));
    let index = sverka::input::read_text(&index_path)?;
    let plain = PathBuf::from(format!("{stem}.dict"));
    let data = if plain.exists() {
        std::fs::read(&plain).with_context(|| format!("{}: cannot read", plain.display()))?
    } else {
        let dz = PathBuf::from(format!("{stem}.dict.dz"));
        if !dz.exists() {
            bail!(
                "{}: no such file (nor {}); a dictd dictionary needs its data file",
                plain.display(),
                dz.display()
            );
        }
        gunzip(&dz)?
    };
    Ok(align::dict::parse_dictd(&index, &data).map_err(|e| parse_err(&index_path, e))?)
}

/// The decompressed bytes of a gzip (dictzip) file.
fn gunzip(path: &Path) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(file).read_to_end(&mut out).with_context(|| {
        format!("{}: not a gzip/dictzip file; give the uncompressed .dict file", path.display())
    })?;
    Ok(out)
}

/// The built-in glossary with the `--glossary` files layered over it (later files win).
pub fn load_glossary(paths: &[PathBuf]) -> anyhow::Result<Glossary> {
    let mut glossary = Glossary::builtin();
    for path in paths {
        glossary = glossary.layered(Glossary::load(path)?);
    }
    Ok(glossary)
}

/// Parses `--langs LA,LB`.
pub fn parse_langs(langs: Option<&str>) -> anyhow::Result<(Option<Lang>, Option<Lang>)> {
    let Some(langs) = langs else { return Ok((None, None)) };
    let parts: Vec<&str> = langs.split(',').collect();
    let [la, lb] = parts.as_slice() else {
        bail!("--langs takes two codes separated by a comma, e.g. --langs en,ru (got '{langs}')");
    };
    let parse = |code: &str| sverka::lang::parse_known(code, "--langs");
    Ok((Some(parse(la)?), Some(parse(lb)?)))
}

/// Reads one file in `format` (by its extension when `None`) and segments it in `lang`
/// (detected when `None`).
pub fn load_document(
    path: &Path,
    lang: Option<Lang>,
    presegmented: bool,
    format: Option<InputFormat>,
) -> anyhow::Result<Document> {
    let doc = read_segmented(path, lang, presegmented, format)?;
    warn_if_empty(path, &doc);
    Ok(doc)
}

/// [`load_document`] without the warning.
fn read_segmented(
    path: &Path,
    lang: Option<Lang>,
    presegmented: bool,
    format: Option<InputFormat>,
) -> sverka::Result<Document> {
    let text = sverka::input::read_document(path, format)?;
    Ok(sverka::engine::document(&text, lang, presegmented))
}

/// Says so when a file has no sentences: not an error (the other side then aligns to 1-0
/// or 0-1 beads), but worth saying.
fn warn_if_empty(path: &Path, doc: &Document) {
    if doc.is_empty() {
        let name = if path == Path::new("-") { "<stdin>".into() } else { path.display().to_string() };
        eprintln!("sverka: warning: {name}: no sentences in this file");
    }
}
