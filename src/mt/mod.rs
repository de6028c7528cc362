//! Machine translation and sentence embeddings over HTTP APIs: providers speaking the
//! real protocols (LibreTranslate, DeepL, Google v2, OpenAI-compatible, Apertium APy),
//! an OpenAI-compatible embeddings client, retries with backoff, an on-disk cache.
//! Keys come from the environment and never appear in output or errors.
//!
//! [`translator`] builds a [`Translator`] from an [`MtConfig`]: the provider's wire
//! protocol (`providers`) behind the shared client (`http`) and the cache (`cache`).

pub mod cache;
pub mod embed;
pub mod http;
pub mod ngram;
pub mod providers;

use crate::error::{Error, Result};
use crate::model::Lang;
pub use cache::Cache;
pub use embed::{HttpEmbedder, cosine};
pub use http::RetryPolicy;
pub use ngram::NgramEmbedder;
use providers::Backend;

/// Translates sentences.
pub trait Translator: Send + Sync {
    /// Translates each text from `from` into `to`, one output per input, in order.
    ///
    /// # Errors
    /// [`Error::Network`] when the service fails after retries.
    fn translate(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<Vec<String>>;
}

/// Embeds sentences as vectors.
pub trait Embedder: Send + Sync {
    /// One vector per text, in order.
    ///
    /// # Errors
    /// [`Error::Network`] when the service fails after retries.
    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>>;
}

/// The MT providers we speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// LibreTranslate `POST /translate`.
    LibreTranslate,
    /// DeepL v2 `POST /v2/translate`.
    Deepl,
    /// Google Cloud Translation v2.
    Google,
    /// OpenAI-compatible chat completions.
    OpenAi,
    /// Apertium APy `/translate?langpair=`.
    Apertium,
}

impl Provider {
    /// Parses a `--mt` value.
    ///
    /// # Errors
    /// [`Error::Invalid`] naming the accepted values.
    pub fn parse(name: &str) -> Result<Provider> {
        match name {
            "libretranslate" => Ok(Provider::LibreTranslate),
            "deepl" => Ok(Provider::Deepl),
            "google" => Ok(Provider::Google),
            "openai" => Ok(Provider::OpenAi),
            "apertium" => Ok(Provider::Apertium),
            other => Err(Error::Invalid(format!(
                "unknown MT provider '{other}': use libretranslate, deepl, google, openai or apertium"
            ))),
        }
    }

    /// The `--mt` name.
    pub fn name(self) -> &'static str {
        match self {
            Provider::LibreTranslate => "libretranslate",
            Provider::Deepl => "deepl",
            Provider::Google => "google",
            Provider::OpenAi => "openai",
            Provider::Apertium => "apertium",
        }
    }

    /// The provider's usual environment variable for its key (`SVERKA_MT_KEY` wins over it).
    pub fn key_var(self) -> Option<&'static str> {
        match self {
            Provider::LibreTranslate => Some("LIBRETRANSLATE_API_KEY"),
            Provider::Deepl => Some("DEEPL_AUTH_KEY"),
            Provider::Google => Some("GOOGLE_API_KEY"),
            Provider::OpenAi => Some("OPENAI_API_KEY"),
            Provider::Apertium => None,
        }
    }

    /// Whether the provider refuses to work without a key.
    pub fn needs_key(self) -> bool {
        matches!(self, Provider::Deepl | Provider::Google)
    }

    /// The API key from the environment: `SVERKA_MT_KEY`, else the provider's variable.
    pub fn key_from_env(self) -> Option<String> {
        let read =
            |var: &str| std::env::var(var).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        read("SVERKA_MT_KEY").or_else(|| self.key_var().and_then(read))
    }
}

/// Everything needed to build a translator.
#[derive(Debug, Clone)]
pub struct MtConfig {
    /// The provider.
    pub provider: Provider,
    /// Base URL (`None`: the provider's public one).
    pub url: Option<String>,
    /// Model, for OpenAI-compatible providers.
    pub model: Option<String>,
    /// API key (from the environment; never shown).
    pub key: Option<String>,
    /// Where answers are cached.
    pub cache: Cache,
    /// Timeouts and retries.
    pub policy: RetryPolicy,
}

impl MtConfig {
    /// A configuration with the key read from the environment and the default cache.
    pub fn new(provider: Provider, url: Option<String>, model: Option<String>) -> Self {
        MtConfig {
            provider,
            url,
            model,
            key: provider.key_from_env(),
            cache: Cache::from_env(),
            policy: RetryPolicy::default(),
        }
    }
}

/// Builds the translator `config` describes.
///
/// # Errors
/// [`Error::Invalid`] when the provider needs a key and none is set, or the URL is not
/// http(s); [`Error::Network`] when the HTTP client cannot be built.
pub fn translator(config: &MtConfig) -> Result<Box<dyn Translator>> {
    let provider = config.provider;
    if provider.needs_key() && config.key.is_none() {
        let var = provider.key_var().unwrap_or("SVERKA_MT_KEY");
        return Err(Error::Invalid(format!(
            "{} needs an API key: set SVERKA_MT_KEY or {var} in the environment",
            provider.name()
        )));
    }
    if let Some(url) = &config.url {
        check_url(url, "--mt-url")?;
    }
    let backend = providers::backend(config)?;
    let cache_id =
        format!("{}|{}|{}", provider.name(), backend.base_url(), config.model.as_deref().unwrap_or_default());
    Ok(Box::new(CachedTranslator { backend, cache: config.cache.clone(), cache_id }))
}

/// Checks that `url` is an http(s) URL.
///
/// # Errors
/// [`Error::Invalid`] naming `option`.
pub fn check_url(url: &str, option: &str) -> Result<()> {
    let ok = (url.starts_with("http://") || url.starts_with("https://")) && url.len() > "https://".len();
    if ok {
        Ok(())
    } else {
        Err(Error::Invalid(format!("{option} '{url}' is not an http:// or https:// URL")))
    }
}

/// A provider behind the cache: cached texts cost nothing, the rest go out in batches.
struct CachedTranslator {
    backend: Box<dyn Backend>,
    cache: Cache,
    cache_id: String,
}

impl CachedTranslator {
    fn key(&self, text: &str, from: &Lang, to: &Lang) -> String {
        Cache::key(&[&self.cache_id, from.code(), to.code(), text])
    }
}

impl Translator for CachedTranslator {
    fn translate(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<Vec<String>> {
        let mut out: Vec<Option<String>> = vec![None; texts.len()];
        let mut missing: Vec<usize> = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            if text.trim().is_empty() {
                out[i] = Some(String::new());
            } else if let Some(hit) = self.cache.get("mt", &self.key(text, from, to)) {
                out[i] = Some(String::from_utf8_lossy(&hit).into_owned());
            } else {
                missing.push(i);
            }
        }
        let (max_items, max_chars) = self.backend.batch_limits();
        for batch in batches(&missing, texts, max_items, max_chars) {
            let inputs: Vec<String> = batch.iter().map(|&i| texts[i].clone()).collect();
            let outputs = self.backend.translate_batch(&inputs, from, to)?;
            if outputs.len() != inputs.len() {
                return Err(Error::Network {
                    service: self.backend.service(),
                    message: format!("sent {} texts, got {} translations back", inputs.len(), outputs.len()),
                });
            }
            for (&i, translation) in batch.iter().zip(outputs) {
                self.cache.put("mt", &self.key(&texts[i], from, to), translation.as_bytes());
                out[i] = Some(translation);
            }
        }
        Ok(out.into_iter().map(Option::unwrap_or_default).collect())
    }
}

/// Splits `indexes` into batches of at most `max_items` texts and about `max_chars`
/// characters (a single longer text forms its own batch).
pub fn batches(indexes: &[usize], texts: &[String], max_items: usize, max_chars: usize) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut chars = 0;
    for &i in indexes {
        let len = texts[i].chars().count();
        if !current.is_empty() && (current.len() >= max_items.max(1) || chars + len > max_chars) {
            out.push(std::mem::take(&mut current));
            chars = 0;
        }
        current.push(i);
        chars += len;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The English name of a language, for prompts (the code itself when unknown).
pub fn language_name(lang: &Lang) -> String {
    let name = match lang.code() {
        "en" => "English",
        "ru" => "Russian",
        "be" => "Belarusian",
        "uk" => "Ukrainian",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "it" => "Italian",
        "pl" => "Polish",
        "pt" => "Portuguese",
        "is" => "Icelandic",
        "kk" => "Kazakh",
        "zh" => "Chinese",
        other => return other.to_string(),
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_respect_items_and_chars() {
        let texts: Vec<String> = ["aaaa", "bb", "cccccc", "d", "e"].iter().map(|s| s.to_string()).collect();
        assert_eq!(batches(&[0, 1, 2, 3, 4], &texts, 2, 100), vec![vec![0, 1], vec![2, 3], vec![4]]);
        assert_eq!(batches(&[0, 1, 2, 3, 4], &texts, 10, 6), vec![vec![0, 1], vec![2], vec![3, 4]]);
        assert!(batches(&[], &texts, 2, 6).is_empty());
    }

    #[test]
    fn provider_names_round_trip() {
        for p in [
            Provider::LibreTranslate,
            Provider::Deepl,
            Provider::Google,
            Provider::OpenAi,
            Provider::Apertium,
        ] {
            assert_eq!(Provider::parse(p.name()).expect("parse"), p);
        }
        assert!(Provider::parse("bing").is_err());
    }

    #[test]
    fn missing_key_is_a_clear_error() {
        let mut config = MtConfig::new(Provider::Deepl, None, None);
        config.key = None;
        let err = translator(&config).err().expect("error").to_string();
        assert!(err.contains("DEEPL_AUTH_KEY"), "{err}");
    }

    #[test]
    fn urls_must_be_http() {
        assert!(check_url("http://127.0.0.1:5000", "--mt-url").is_ok());
        assert!(check_url("ftp://x", "--mt-url").is_err());
        assert!(check_url("localhost:5000", "--mt-url").is_err());
    }
}
