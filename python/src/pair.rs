//! One pair of texts through the library's engine, as `align` and `check` ask for it:
//! the same steps as `sverka align A B` (texts decoded as files are, languages parsed as
//! `--langs` is, `--mt-file` and `--embed-url` as the CLI reads them), so the results are
//! the CLI's. Runs without the GIL: everything here is plain Rust data.

use std::path::PathBuf;
use sverka::config::Config;
use sverka::engine::{Engine, RunOptions};
use sverka::model::{Lang, Report};
use sverka::mt::{Cache, HttpEmbedder, RetryPolicy};

/// What `align` and `check` were given.
pub struct Pair {
    /// Text A.
    pub a: String,
    /// Text B.
    pub b: String,
    /// The languages of A and B; `None` (or a `None` side) is detected.
    pub langs: Option<Vec<Option<String>>>,
    /// One sentence per line.
    pub presegmented: bool,
    /// A ready translation of B into A's language, one line per B sentence.
    pub mt_file: Option<PathBuf>,
    /// OpenAI-style base URL of an embeddings service.
    pub embed_url: Option<String>,
    /// The configuration.
    pub config: Config,
}

impl Pair {
    /// Aligns the pair and, with `findings`, checks it.
    ///
    /// # Errors
    /// The library's: an unknown language, bad text, an unreadable `mt_file` or one of the
    /// wrong length, a configuration that makes no sense, a failing embeddings service.
    pub fn run(self, findings: bool) -> sverka::Result<Report> {
        let mut config = self.config;
        config.segment.presegmented |= self.presegmented;
        let (lang_a, lang_b) = langs(self.langs.as_deref(), config.segment.presegmented)?;
        let mut builder = Engine::builder(config);
        if let Some(url) = &self.embed_url {
            builder = builder.embedder(Box::new(HttpEmbedder::new(
                url,
                None,
                Cache::from_env(),
                RetryPolicy::default(),
            )?));
        }
        let engine = builder.build()?;
        let a = engine.document(&text(&self.a, "a")?, lang_a);
        let b = engine.document(&text(&self.b, "b")?, lang_b);
        let mt_b = self.mt_file.as_deref().map(sverka::input::read_lines).transpose()?;
        engine.run(&a, &b, &RunOptions { mt_b, findings })
    }
}

/// A text as a file would give it: no BOM, LF line ends, no NUL byte.
pub fn text(text: &str, what: &str) -> sverka::Result<String> {
    sverka::input::decode_text(text.as_bytes()).map_err(|e| sverka::Error::Invalid(format!("{what}: {e}")))
}

/// `langs=`: two codes (or `None` for one to detect), or `None` to detect both.
pub fn langs(
    langs: Option<&[Option<String>]>,
    presegmented: bool,
) -> sverka::Result<(Option<Lang>, Option<Lang>)> {
    let Some(langs) = langs else { return Ok((None, None)) };
    let [a, b] = langs else {
        return Err(sverka::Error::Invalid(format!(
            "langs must hold two codes, e.g. (\"en\", \"ru\"); got {} items",
            langs.len()
        )));
    };
    let parse = |code: &Option<String>| {
        code.as_deref().map(|c| sverka::lang::parse_for(c, "langs", presegmented)).transpose()
    };
    Ok((parse(a)?, parse(b)?))
}
