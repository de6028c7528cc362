//! Machine translation and sentence embeddings over HTTP APIs: providers speaking the
//! real protocols (LibreTranslate, DeepL, Google v2, OpenAI-compatible, Apertium APy),
//! an OpenAI-compatible embeddings client, retries with backoff, an on-disk cache.
//! Keys come from the environment and never appear in output or errors.
//!
//! OWNER: issue 7. The skeleton holds the traits and the provider list.

use crate::error::{Error, Result};
use crate::model::Lang;

/// Translates sentences.
pub trait Translator {
    /// Translates each text from `from` into `to`, one output per input, in order.
    ///
    /// # Errors
    /// [`Error::Network`] when the service fails after retries.
    fn translate(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<Vec<String>>;
}

/// Embeds sentences as vectors.
pub trait Embedder {
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
}
