//! The shared path of `align` and `check`: read both files, pick languages, segment,
//! load glossaries and the dictionary, get the MT of B (or build B as the MT of A) and
//! the embeddings when asked, align, and build the [`Report`].

use super::AlignOpts;
use anyhow::{Context, bail};
use std::path::Path;
use sverka::align::similarity::{self, Combined, EmbeddingSimilarity, MtSimilarity, SpanVectors};
use sverka::align::{self, AlignOptions, BeadSimilarity, Resources};
use sverka::glossary::Glossary;
use sverka::model::{Alignment, Bead, Document, Lang, Report, SideText};
use sverka::mt::{self, Cache, Embedder, HttpEmbedder, MtConfig, Provider, RetryPolicy};

/// Both sides, segmented, with what the aligner may use.
pub struct Pair {
    /// Side A.
    pub a: Document,
    /// Side B.
    pub b: Document,
    /// MT of each B sentence into A's language, when one was used.
    pub mt_b: Option<Vec<String>>,
    /// The layered glossary (built-in + `--glossary` files).
    pub glossary: Glossary,
    /// The dictionary, when given.
    pub dict: Option<align::Dictionary>,
    /// MT and embedding evidence for the aligner.
    pub similarity: Option<Box<dyn BeadSimilarity + Send>>,
    /// B is the machine translation of A, sentence by sentence (aligned 1-1).
    pub b_is_mt_of_a: bool,
}

/// Reads and segments A and B (or machine-translates A into B), and gathers the MT and
/// embedding evidence the options ask for; `glossary` is [`load_glossary`]'s.
pub fn load_pair(
    a_path: &Path,
    b_path: Option<&Path>,
    opts: &AlignOpts,
    glossary: Glossary,
) -> anyhow::Result<Pair> {
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
    let a = load_document(a_path, lang_a, opts.presegmented)?;
    let dict = opts.dict.as_deref().map(load_dict).transpose()?;
    let Some(b_path) = b_path else {
        let b = translate_a(&a, opts)?;
        return Ok(Pair { a, b, mt_b: None, glossary, dict, similarity: None, b_is_mt_of_a: true });
    };
    if opts.to.is_some() {
        bail!(
            "--to is only for aligning without B (B is then the machine translation of A); drop it or drop B"
        );
    }
    let b = load_document(b_path, lang_b, opts.presegmented)?;
    let mt_b = mt_of_b(&a, &b, opts)?;
    let mut pair = Pair { a, b, mt_b, glossary, dict, similarity: None, b_is_mt_of_a: false };
    pair.similarity = evidence(&pair, opts)?;
    Ok(pair)
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

/// B as the sentence-by-sentence machine translation of A into `--to`.
fn translate_a(a: &Document, opts: &AlignOpts) -> anyhow::Result<Document> {
    let (Some(provider), Some(to)) = (opts.mt.as_deref(), opts.to.as_deref()) else {
        bail!("without file B, give --mt PROVIDER and --to LANG: B is then the machine translation of A");
    };
    if opts.mt_file.is_some() {
        bail!("--mt-file is a translation of B; without B use --mt and --to");
    }
    let to = Lang::parse(to).with_context(|| format!("--to: '{to}' is not a language code"))?;
    let cache = cache(opts.no_cache, opts.cache_dir.as_deref());
    let translator = translator(provider, opts.mt_url.as_deref(), opts.mt_model.as_deref(), cache)?;
    let texts: Vec<String> = a.texts().iter().map(|t| t.to_string()).collect();
    let lines = translator.translate(&texts, &a.lang, &to)?;
    Ok(document_of_lines(to, &lines))
}

/// A document with one sentence per line (line breaks inside a line become spaces).
pub fn document_of_lines(lang: Lang, lines: &[String]) -> Document {
    let mut text: String = lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    text.push('\n');
    Document { lang, sentences: sverka::segment::presegmented(&text) }
}

/// The machine translation of B into A's language, from `--mt-file` or `--mt`.
fn mt_of_b(a: &Document, b: &Document, opts: &AlignOpts) -> anyhow::Result<Option<Vec<String>>> {
    match (&opts.mt_file, &opts.mt) {
        (Some(_), Some(_)) => bail!("give either --mt or --mt-file, not both"),
        (Some(path), None) => {
            let text = sverka::input::read_text(path)?;
            let body = text.strip_suffix('\n').unwrap_or(&text);
            let lines: Vec<String> = if body.is_empty() {
                Vec::new()
            } else {
                body.split('\n').map(|l| l.trim().to_string()).collect()
            };
            if lines.len() != b.len() {
                bail!(
                    "{}: {} lines, but B has {} sentences; --mt-file needs one line per sentence of B \
                     (use --presegmented with a B file of one sentence per line)",
                    path.display(),
                    lines.len(),
                    b.len()
                );
            }
            Ok(Some(lines))
        }
        (None, Some(provider)) => {
            let cache = cache(opts.no_cache, opts.cache_dir.as_deref());
            let translator = translator(provider, opts.mt_url.as_deref(), opts.mt_model.as_deref(), cache)?;
            let texts: Vec<String> = b.texts().iter().map(|t| t.to_string()).collect();
            Ok(Some(translator.translate(&texts, &b.lang, &a.lang)?))
        }
        (None, None) => Ok(None),
    }
}

/// MT similarity and (two-pass) embedding similarity, as the options ask.
fn evidence(pair: &Pair, opts: &AlignOpts) -> anyhow::Result<Option<Box<dyn BeadSimilarity + Send>>> {
    let texts_a: Vec<String> = pair.a.texts().iter().map(|t| t.to_string()).collect();
    let mt_sim = pair.mt_b.as_ref().map(|mt_b| MtSimilarity::new(&texts_a, mt_b));
    let Some(url) = opts.embed_url.as_deref() else {
        return Ok(mt_sim.map(|s| Box::new(s) as Box<dyn BeadSimilarity + Send>));
    };
    let cache = cache(opts.no_cache, opts.cache_dir.as_deref());
    let mut embedder = HttpEmbedder::new(url, opts.embed_model.as_deref(), cache, RetryPolicy::default())?;
    if let Some(prefix) = &opts.embed_prefix {
        embedder = embedder.with_prefix((!prefix.is_empty()).then(|| prefix.clone()));
    }
    let texts_b: Vec<String> = pair.b.texts().iter().map(|t| t.to_string()).collect();
    let single_a = embed_all(&embedder, &texts_a)?;
    let single_b = embed_all(&embedder, &texts_b)?;
    let first = EmbeddingSimilarity::new(SpanVectors::new(single_a), SpanVectors::new(single_b));
    let chars_a: Vec<usize> = texts_a.iter().map(|t| t.chars().count()).collect();
    let chars_b: Vec<usize> = texts_b.iter().map(|t| t.chars().count()).collect();
    let single_chars: usize = chars_a.iter().chain(&chars_b).sum();
    let first_alignment = {
        let combined = combine(Some(first.clone()), mt_sim.clone());
        run_aligner(pair, combined.as_deref().map(|s| s as &dyn BeadSimilarity), opts)
    };
    let confidence = |i: usize, j: usize| first.similarity(i..i + 1, j..j + 1).unwrap_or(0.0);
    let (spans_a, spans_b) = similarity::band_spans(
        &first_alignment,
        &chars_a,
        &chars_b,
        confidence,
        opts.max_group,
        single_chars,
    );
    let calibrated = first.clone();
    let (mut vectors_a, mut vectors_b) = first.into_parts();
    let concat_chars = add_spans(&embedder, &texts_a, &spans_a, &mut vectors_a)?
        + add_spans(&embedder, &texts_b, &spans_b, &mut vectors_b)?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "sverka: embedded {} characters: {single_chars} in single sentences, {concat_chars} in {} \
             concatenations ({:.2}x the single sentences)",
            single_chars + concat_chars,
            spans_a.len() + spans_b.len(),
            (single_chars + concat_chars) as f64 / single_chars.max(1) as f64
        );
    }
    let second = EmbeddingSimilarity::new(vectors_a, vectors_b).with_calibration_of(&calibrated);
    Ok(combine(Some(second), mt_sim))
}

fn combine(
    embedding: Option<EmbeddingSimilarity>,
    mt: Option<MtSimilarity>,
) -> Option<Box<dyn BeadSimilarity + Send>> {
    match (embedding, mt) {
        (None, None) => None,
        (Some(e), None) => Some(Box::new(e)),
        (None, Some(m)) => Some(Box::new(m)),
        (Some(e), Some(m)) => {
            Some(Box::new(Combined { sources: vec![(Box::new(e), 1.0), (Box::new(m), 1.0)] }))
        }
    }
}

/// Embeds every text; empty texts get an empty vector without a request.
fn embed_all(embedder: &HttpEmbedder, texts: &[String]) -> anyhow::Result<Vec<Vec<f32>>> {
    let wanted: Vec<usize> = (0..texts.len()).filter(|&i| !texts[i].trim().is_empty()).collect();
    let inputs: Vec<String> = wanted.iter().map(|&i| texts[i].clone()).collect();
    let vectors = embedder.embed(&inputs)?;
    let dim = vectors.first().map_or(0, Vec::len);
    let mut out = vec![vec![0.0; dim]; texts.len()];
    for (i, v) in wanted.into_iter().zip(vectors) {
        out[i] = v;
    }
    Ok(out)
}

/// Embeds the concatenations `spans` of `texts` into `vectors`; returns their characters.
fn add_spans(
    embedder: &HttpEmbedder,
    texts: &[String],
    spans: &[std::ops::Range<usize>],
    vectors: &mut SpanVectors,
) -> anyhow::Result<usize> {
    let joined: Vec<String> = spans
        .iter()
        .map(|r| texts[r.clone()].iter().filter(|t| !t.is_empty()).cloned().collect::<Vec<_>>().join(" "))
        .collect();
    let keep: Vec<usize> = (0..spans.len()).filter(|&k| !joined[k].trim().is_empty()).collect();
    let inputs: Vec<String> = keep.iter().map(|&k| joined[k].clone()).collect();
    let chars = inputs.iter().map(|t| t.chars().count()).sum();
    for (k, vector) in keep.into_iter().zip(embedder.embed(&inputs)?) {
        vectors.insert(spans[k].clone(), vector);
    }
    Ok(chars)
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
    let index_path = std::path::PathBuf::from(format!("{stem}.index"));
    let index = sverka::input::read_text(&index_path)?;
    let plain = std::path::PathBuf::from(format!("{stem}.dict"));
    let data = if plain.exists() {
        std::fs::read(&plain).with_context(|| format!("{}: cannot read", plain.display()))?
    } else {
        let dz = format!("{stem}.dict.dz");
        if !Path::new(&dz).exists() {
            bail!("{}: no such file (nor {dz}); a dictd dictionary needs its data file", plain.display());
        }
        let out = std::process::Command::new("gzip")
            .args(["-dc", &dz])
            .output()
            .with_context(|| format!("{dz}: cannot run gzip to decompress it; decompress it by hand"))?;
        if !out.status.success() {
            bail!("{dz}: gzip could not decompress it; give the uncompressed .dict file");
        }
        out.stdout
    };
    Ok(align::dict::parse_dictd(&index, &data).map_err(|e| parse_err(&index_path, e))?)
}

/// The built-in glossary with the `--glossary` files layered over it (later files win).
pub fn load_glossary(paths: &[std::path::PathBuf]) -> anyhow::Result<Glossary> {
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
    let parse = |code: &str| super::langs::parse_known(code, "--langs");
    Ok((Some(parse(la)?), Some(parse(lb)?)))
}

/// Reads one file and segments it in `lang` (detected when `None`).
pub fn load_document(path: &Path, lang: Option<Lang>, presegmented: bool) -> anyhow::Result<Document> {
    let text = sverka::input::read_text(path)?;
    let doc = sverka::pair::document(&text, lang, presegmented);
    if doc.is_empty() {
        // Not an error (the other side then aligns to 1-0 or 0-1 beads), but worth saying.
        let name = if path == Path::new("-") { "<stdin>".into() } else { path.display().to_string() };
        eprintln!("sverka: warning: {name}: no sentences in this file");
    }
    Ok(doc)
}

/// Aligns a loaded pair (1-1 when B is the machine translation of A).
pub fn align_pair(pair: &Pair, opts: &AlignOpts) -> Alignment {
    if pair.b_is_mt_of_a {
        let beads = (0..pair.a.len()).map(|i| Bead { a: vec![i], b: vec![i], score: 1.0 }).collect();
        return Alignment { beads };
    }
    run_aligner(pair, pair.similarity.as_deref().map(|s| s as &dyn BeadSimilarity), opts)
}

/// The aligner on a pair's documents, glossary and dictionary, with `similarity` as outside evidence.
fn run_aligner(pair: &Pair, similarity: Option<&dyn BeadSimilarity>, opts: &AlignOpts) -> Alignment {
    let resources = Resources { glossary: Some(&pair.glossary), dict: pair.dict.as_ref(), similarity };
    align::align(&pair.a, &pair.b, &resources, &align_options(opts))
}

/// The aligner's options for these command-line options.
pub fn align_options(opts: &AlignOpts) -> AlignOptions {
    // A calibrated similarity of 0.3 is a typical right pair. The weights differ by source
    // (BENCHMARKS.md, 2026-11-29): with embeddings (alone or with MT) they are the middle
    // of the plateau over all four development sets, well below the collapse that starts
    // near weight 4; with MT alone they are tuned on Text+Berg, the only set with an MT file.
    // The similarity across bead boundaries helps on all four sets with embeddings and
    // not with MT alone, whose chrF scores of neighbouring sentences are noisier.
    let (weight, null, cross) = if opts.embed_url.is_some() { (2.75, 0.9, 3.0) } else { (3.5, 0.8, 0.0) };
    AlignOptions {
        max_group: opts.max_group,
        similarity_weight: opts.sim_weight.unwrap_or(weight),
        similarity_null: opts.sim_null.unwrap_or(null),
        cross_similarity_weight: opts.sim_cross.unwrap_or(cross),
    }
}

/// Builds the report of an aligned pair with its findings.
pub fn report(pair: &Pair, alignment: Alignment, findings: Vec<sverka::model::Finding>) -> Report {
    Report::new(
        SideText::from_document(&pair.a),
        SideText::from_document(&pair.b),
        pair.mt_b.clone(),
        alignment,
        findings,
    )
}
