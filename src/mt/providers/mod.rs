//! The wire protocols of the MT providers, one file each. A [`Backend`] turns one batch
//! of texts into one batch of translations; caching, batching and retries live around
//! it (`mt::CachedTranslator`, `mt::http`).

mod apertium;
mod deepl;
mod google;
mod libretranslate;
mod openai;

use super::http::HttpClient;
use super::{MtConfig, Provider};
use crate::error::{Error, Result};
use crate::model::Lang;

/// One provider's protocol.
pub trait Backend: Send + Sync {
    /// The client and the base URL requests go to.
    fn endpoint(&self) -> (&HttpClient, &str);
    /// The base URL requests go to (part of the cache key; never holds a key).
    fn base_url(&self) -> &str {
        self.endpoint().1
    }
    /// The service name used in errors.
    fn service(&self) -> String {
        self.endpoint().0.service().to_string()
    }
    /// Largest batch: (texts, characters).
    fn batch_limits(&self) -> (usize, usize);
    /// Translates one batch, one output per input.
    ///
    /// # Errors
    /// [`Error::Network`] on failure or a malformed response.
    fn translate_batch(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<Vec<String>>;
}

/// The backend `config` asks for.
///
/// # Errors
/// [`Error::Network`] when the HTTP client cannot be built.
pub fn backend(config: &MtConfig) -> Result<Box<dyn Backend>> {
    let base = config
        .url
        .as_deref()
        .map(|u| u.trim_end_matches('/').to_string())
        .unwrap_or_else(|| default_url(config.provider, config.key.as_deref()));
    let service = format!("{} ({base})", config.provider.name());
    let secrets = config.key.iter().cloned().collect();
    let http = HttpClient::new(service, config.policy.clone(), secrets)?;
    let key = config.key.clone();
    Ok(match config.provider {
        Provider::LibreTranslate => Box::new(libretranslate::LibreTranslate { http, base, key }),
        Provider::Deepl => Box::new(deepl::Deepl { http, base, key: key.unwrap_or_default() }),
        Provider::Google => Box::new(google::Google { http, base, key: key.unwrap_or_default() }),
        Provider::OpenAi => {
            let model = config.model.clone().unwrap_or_else(|| openai::DEFAULT_MODEL.to_string());
            Box::new(openai::OpenAi { http, base, key, model })
        }
        Provider::Apertium => Box::new(apertium::Apertium { http, base }),
    })
}

/// The provider's public base URL (DeepL: the free API for `:fx` keys).
pub fn default_url(provider: Provider, key: Option<&str>) -> String {
    match provider {
        Provider::LibreTranslate => "https://libretranslate.com",
        Provider::Deepl if key.is_some_and(|k| k.ends_with(":fx")) => "https://api-free.deepl.com",
        Provider::Deepl => "https://api.deepl.com",
        Provider::Google => "https://translation.googleapis.com",
        Provider::OpenAi => "https://api.openai.com/v1",
        Provider::Apertium => "https://apertium.org/apy",
    }
    .to_string()
}

/// The strings at `items[*].field` of a JSON response, or a clear error.
fn strings_at(
    http: &HttpClient,
    items: Option<&serde_json::Value>,
    field: &str,
    expected: usize,
) -> Result<Vec<String>> {
    let malformed = |what: &str| -> Error { http.error(format!("unexpected response: {what}")) };
    let items = items.and_then(|v| v.as_array()).ok_or_else(|| malformed("no list of translations"))?;
    if items.len() != expected {
        return Err(malformed(&format!("{} translations for {expected} texts", items.len())));
    }
    items
        .iter()
        .map(|item| {
            item.get(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
                .ok_or_else(|| malformed(&format!("a translation without '{field}'")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deepl_free_keys_use_the_free_api() {
        assert_eq!(default_url(Provider::Deepl, Some("abc:fx")), "https://api-free.deepl.com");
        assert_eq!(default_url(Provider::Deepl, Some("abc")), "https://api.deepl.com");
    }
}
