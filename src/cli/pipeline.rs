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

/// What a run is for: the side-by-side alignment (findings shown when the format shows
/// them) or `check`, which also refuses language pairs it cannot check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `align`: run the checks only when `findings`.
    Align {
        /// The output shows findings.
        findings: bool,
    },
    /// `check`.
    Check,
}

/// Aligns A with B (or with the machine translation of A) and, with findings, checks
/// the result; `config` is the effective configuration before the command-line options.
pub fn run(
    a_path: &Path,
    b_path: Option<&Path>,
    opts: &AlignOpts,
    config: &Config,
    purpose: Purpose,
) -> anyhow::Result<Report> {
    let findings = purpose == Purpose::Check || purpose == (Purpose::Align { findings: true });
    let (lang_a, lang_b) =
        parse_langs(opts.langs.as_deref(), opts.presegmented || config.segment.presegmented)?;
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
            let (a, b) = rayon::join(|| load(a_path, lang_a.clone()), || load(b_path, lang_b.clone()));
            (a, Some(b))
        }
        None => (load(a_path, lang_a.clone()), None),
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
    given_langs_fit((&a, lang_a.as_ref()), (&b, lang_b.as_ref()))?;
    if purpose == Purpose::Check {
        checkable(&a, &b, opts.langs.is_some())?;
    }
    let mt_b = match (&opts.mt_file, &opts.mt) {
        (Some(_), Some(_)) => bail!("give either --mt or --mt-file, not both"),
        (Some(path), None) => Some(read_mt_file(path, &b)?),
        _ => None,
    };
    let engine = with_services(builder, opts)?.build()?;
    let report = engine.run(&a, &b, &RunOptions { mt_b, findings })?;
    print_notes(&report.notes);
    Ok(report)
}

/// Fails when `--langs` contradicts the texts beyond doubt (Latin letters said to be
/// Russian, A and B swapped, Belarusian letters said to be Russian): segmenting, aligning
/// and checking in the wrong language cannot mean anything.
fn given_langs_fit(a: (&Document, Option<&Lang>), b: (&Document, Option<&Lang>)) -> anyhow::Result<()> {
    // The opening sentences, as many as the language check samples (not the whole text).
    let text = |doc: &Document| {
        let mut text = String::new();
        for s in &doc.sentences {
            if text.len() >= sverka::lang::SAMPLE_BYTES {
                break;
            }
            text.push_str(&s.text);
            text.push('\n');
        }
        text
    };
    let wrong = |(doc, given): (&Document, Option<&Lang>)| {
        given.and_then(|g| sverka::lang::contradicts(g, &text(doc)))
    };
    let (wa, wb) = (wrong(a), wrong(b));
    let (ga, gb) =
        (a.1.map(Lang::to_string).unwrap_or_default(), b.1.map(Lang::to_string).unwrap_or_default());
    match (&wa, &wb) {
        (Some(da), Some(db)) if Some(da) == b.1 && Some(db) == a.1 => bail!(
            "--langs says A is '{ga}' and B is '{gb}', but A reads as '{da}' and B as '{db}': they are swapped \
             (--langs {da},{db})"
        ),
        (Some(d), _) => {
            bail!("--langs says A is '{ga}', but A reads as '{d}' (--langs {d},{gb}, or leave --langs out)")
        }
        (_, Some(d)) => {
            bail!("--langs says B is '{gb}', but B reads as '{d}' (--langs {ga},{d}, or leave --langs out)")
        }
        (None, None) => Ok(()),
    }
}

/// Fails when `check` cannot mean anything for the languages of A and B (one language,
/// not English, detected on both sides), and warns when it can check less than usual
/// (neither side English) or reads the texts as two English versions.
fn checkable(a: &Document, b: &Document, langs_given: bool) -> anyhow::Result<()> {
    let en = Lang::en();
    if a.lang == b.lang && a.lang != en && !langs_given {
        bail!(
            "A and B both read as '{}': check compares an English translation with its original, or two English \
             versions of one original; if a language was detected wrongly, give --langs",
            a.lang
        );
    }
    if a.lang != en && b.lang != en {
        eprintln!(
            "sverka: warning: neither A ('{}') nor B ('{}') is English: the glossary, name and spelling checks need \
             an English side, so only numbers and sentences on one side are checked",
            a.lang, b.lang
        );
    } else if a.lang == en && b.lang == en && !langs_given {
        eprintln!(
            "sverka: both A and B read as English: checked as two versions of one original (names spelled apart, \
             numbers, sentences of one version); give --original FILE to say which version departs from it"
        );
    }
    Ok(())
}

/// `check A B --original FILE`: two English versions checked against each other and
/// against the original they translate.
pub fn run_versions(
    a_path: &Path,
    b_path: Option<&Path>,
    original: &Path,
    opts: &AlignOpts,
    config: &Config,
) -> anyhow::Result<Report> {
    let Some(b_path) = b_path else { bail!("--original compares two English versions: give both A and B") };
    if opts.mt.is_some() || opts.mt_file.is_some() || opts.embed_url.is_some() || opts.to.is_some() {
        bail!("--original aligns the three texts by themselves: drop --mt, --mt-file, --embed-url and --to");
    }
    let (lang_a, lang_b) =
        parse_langs(opts.langs.as_deref(), opts.presegmented || config.segment.presegmented)?;
    let config = with_options(config.clone(), opts);
    let glossary = load_glossary(&opts.glossary)?;
    glossary.with_profile(config.check.profile.as_deref())?;
    let presegmented = config.segment.presegmented;
    let a = load_document(a_path, lang_a, presegmented, opts.input_format)?;
    let b = load_document(b_path, lang_b, presegmented, opts.input_format)?;
    if a.lang != Lang::en() || b.lang != Lang::en() {
        bail!(
            "--original is for two English versions of one original, but A is '{}' and B is '{}' (give --langs en,en \
             if they are English)",
            a.lang,
            b.lang
        );
    }
    let o = load_document(original, None, presegmented, opts.input_format)?;
    if o.lang == Lang::en() {
        bail!(
            "{}: the original is English too; --original takes the Russian or Belarusian text both versions translate",
            original.display()
        );
    }
    let mut builder = Engine::builder(config).glossary(glossary);
    if let Some(path) = &opts.dict {
        builder = builder.dictionary(load_dict(path)?);
    }
    let report = builder.build()?.run_versions(&a, &b, &o);
    print_notes(&report.notes);
    Ok(report)
}

/// The notes of a run on stderr: `sverka: warning: …` for warnings, `sverka: …` else.
pub fn print_notes(notes: &[sverka::model::Note]) {
    for note in notes {
        if note.severity == sverka::model::Severity::Warning {
            eprintln!("sverka: warning: {}", note.message);
        } else {
            eprintln!("sverka: {}", note.message);
        }
    }
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
pub fn parse_langs(langs: Option<&str>, presegmented: bool) -> anyhow::Result<(Option<Lang>, Option<Lang>)> {
    let Some(langs) = langs else { return Ok((None, None)) };
    let parts: Vec<&str> = langs.split(',').collect();
    let [la, lb] = parts.as_slice() else {
        bail!("--langs takes two codes separated by a comma, e.g. --langs en,ru (got '{langs}')");
    };
    let parse = |code: &str| sverka::lang::parse_for(code, "--langs", presegmented);
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
