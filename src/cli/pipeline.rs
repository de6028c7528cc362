//! The shared path of `align` and `check`: read both files, pick languages, segment,
//! load glossaries and the dictionary, get the MT of B when asked, align, and build
//! the [`Report`].

use super::AlignOpts;
use anyhow::{Context, bail};
use std::path::Path;
use sverka::align::{self, AlignOptions, Resources};
use sverka::glossary::Glossary;
use sverka::model::{Alignment, Document, Lang, Report, SideText};

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
}

/// Reads and segments A and B.
pub fn load_pair(a_path: &Path, b_path: Option<&Path>, opts: &AlignOpts) -> anyhow::Result<Pair> {
    let Some(b_path) = b_path else {
        bail!("aligning without B (against the machine translation of A) is not available yet; give file B");
    };
    let (lang_a, lang_b) = parse_langs(opts.langs.as_deref())?;
    let a = load_document(a_path, lang_a, opts.presegmented)?;
    let b = load_document(b_path, lang_b, opts.presegmented)?;
    let mut glossary = Glossary::builtin();
    for path in &opts.glossary {
        glossary = glossary.layered(Glossary::load(path)?);
    }
    if opts.mt.is_some() || opts.mt_file.is_some() || opts.embed_url.is_some() {
        bail!("--mt, --mt-file and --embed-url are not available yet");
    }
    let dict = opts.dict.as_deref().map(load_dict).transpose()?;
    Ok(Pair { a, b, mt_b: None, glossary, dict })
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

/// Parses `--langs LA,LB`.
pub fn parse_langs(langs: Option<&str>) -> anyhow::Result<(Option<Lang>, Option<Lang>)> {
    let Some(langs) = langs else { return Ok((None, None)) };
    let parts: Vec<&str> = langs.split(',').collect();
    let [la, lb] = parts.as_slice() else {
        bail!("--langs takes two codes separated by a comma, e.g. --langs en,ru (got '{langs}')");
    };
    let parse =
        |code: &str| Lang::parse(code).with_context(|| format!("--langs: '{code}' is not a language code"));
    Ok((Some(parse(la)?), Some(parse(lb)?)))
}

/// Reads one file and segments it in `lang` (detected when `None`).
pub fn load_document(path: &Path, lang: Option<Lang>, presegmented: bool) -> anyhow::Result<Document> {
    let text = sverka::input::read_text(path)?;
    let lang = match lang {
        Some(lang) => lang,
        None => sverka::lang::detect(&text, &[]).unwrap_or_else(Lang::en),
    };
    let sentences = if presegmented {
        sverka::segment::presegmented(&text)
    } else {
        sverka::segment::segment(&text, &lang)
    };
    Ok(Document { lang, sentences })
}

/// Aligns a loaded pair.
pub fn align_pair(pair: &Pair, opts: &AlignOpts) -> Alignment {
    let resources = Resources { glossary: Some(&pair.glossary), dict: pair.dict.as_ref(), similarity: None };
    align::align(
        &pair.a,
        &pair.b,
        &resources,
        &AlignOptions { max_group: opts.max_group, ..AlignOptions::default() },
    )
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
