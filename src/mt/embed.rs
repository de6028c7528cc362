//! Sentence embeddings from an OpenAI-compatible service: `POST {base}/embeddings` with
//! `{model, input: [..]}`, answer `{data: [{index, embedding}]}`. E5 models get the
//! `query: ` prefix on every text (E5's convention for symmetric tasks) unless the
//! caller turns it off; vectors are cached on disk like translations.

use super::cache::{Cache, decode_vector, encode_vector};
use super::http::{HttpClient, RetryPolicy};
use super::{Embedder, batches, check_url};
use crate::error::Result;
use serde_json::json;

/// Model name sent when none is given.
pub const DEFAULT_MODEL: &str = "multilingual-e5-small";

/// An OpenAI-compatible embeddings client.
#[derive(Debug, Clone)]
pub struct HttpEmbedder {
    http: HttpClient,
    base: String,
    model: String,
    key: Option<String>,
    prefix: Option<String>,
    cache: Cache,
    batch: usize,
}

/// The E5 convention: `Some("query: ")` when the model name contains `e5`.
pub fn e5_prefix(model: &str) -> Option<String> {
    model.to_ascii_lowercase().contains("e5").then(|| "query: ".to_string())
}

impl HttpEmbedder {
    /// A client for the service at `base` (e.g. `http://127.0.0.1:8765/v1`) and `model`
    /// (default [`DEFAULT_MODEL`]), with the E5 prefix when the model is an E5.
    /// The key is `SVERKA_EMBED_KEY`, or `OPENAI_API_KEY` for api.openai.com only.
    ///
    /// # Errors
    /// [`crate::Error::Invalid`] for a URL that is not http(s).
    pub fn new(base: &str, model: Option<&str>, cache: Cache, policy: RetryPolicy) -> Result<Self> {
        check_url(base, "--embed-url")?;
        let base = base.trim_end_matches('/').to_string();
        let model = model.unwrap_or(DEFAULT_MODEL).to_string();
        let read =
            |var: &str| std::env::var(var).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let key = read("SVERKA_EMBED_KEY")
            .or_else(|| base.contains("://api.openai.com").then(|| read("OPENAI_API_KEY")).flatten());
        let secrets = key.iter().cloned().collect();
        let http = HttpClient::new(format!("embeddings ({base})"), policy, secrets)?;
        let prefix = e5_prefix(&model);
        Ok(HttpEmbedder { http, base, model, key, prefix, cache, batch: 64 })
    }

    /// Replaces the text prefix (`None`: send texts as they are).
    pub fn with_prefix(mut self, prefix: Option<String>) -> Self {
        self.prefix = prefix;
        self
    }

    /// The prefix put before each text, if any.
    pub fn prefix(&self) -> Option<&str> {
        self.prefix.as_deref()
    }

    fn key(&self, text: &str) -> String {
        Cache::key(&["embed", &self.base, &self.model, self.prefix.as_deref().unwrap_or(""), text])
    }

    fn request(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
        let input: Vec<String> =
            texts.iter().map(|t| format!("{}{}", self.prefix.as_deref().unwrap_or(""), t)).collect();
        let body = json!({"model": self.model, "input": input});
        let headers: Vec<(&str, String)> =
            self.key.iter().map(|k| ("Authorization", format!("Bearer {k}"))).collect();
        let answer = self.http.post_json(&format!("{}/embeddings", self.base), &headers, &body)?;
        let data = answer
            .get("data")
            .and_then(|d| d.as_array())
            .ok_or_else(|| self.http.error("unexpected response: no 'data' list"))?;
        let mut out: Vec<Option<Vec<f32>>> = vec![None; texts.len()];
        for (pos, item) in data.iter().enumerate() {
            let index = item.get("index").and_then(|i| i.as_u64()).map_or(pos, |i| i as usize);
            let vector: Option<Vec<f32>> = item
                .get("embedding")
                .and_then(|e| e.as_array())
                .and_then(|a| a.iter().map(|x| x.as_f64().map(|x| x as f32)).collect());
            match (out.get_mut(index), vector) {
                (Some(slot), Some(vector)) if !vector.is_empty() => *slot = Some(vector),
                _ => return Err(self.http.error("unexpected response: a malformed embedding")),
            }
        }
        out.into_iter().collect::<Option<Vec<_>>>().ok_or_else(|| {
            self.http.error(format!("unexpected response: fewer than {} embeddings", texts.len()))
        })
    }
}

impl Embedder for HttpEmbedder {
    fn embed(&self, texts: &[String]) -> Result<Vec<Vec<f32>>> {
        let mut out: Vec<Option<Vec<f32>>> = vec![None; texts.len()];
        let mut missing = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            match self.cache.get("embed", &self.key(text)).and_then(|b| decode_vector(&b)) {
                Some(vector) if !vector.is_empty() => out[i] = Some(vector),
                _ => missing.push(i),
            }
        }
        for batch in batches(&missing, texts, self.batch, 20_000) {
            let inputs: Vec<String> = batch.iter().map(|&i| texts[i].clone()).collect();
            for (&i, vector) in batch.iter().zip(self.request(&inputs)?) {
                self.cache.put("embed", &self.key(&texts[i]), &encode_vector(&vector));
                out[i] = Some(vector);
            }
        }
        Ok(out.into_iter().map(Option::unwrap_or_default).collect())
    }
}

/// Cosine similarity of two vectors (0 when either is zero or the lengths differ).
pub fn cosine(a: &[f32], b: &[f32]) -> f64 {
    if a.len() != b.len() {
        return 0.0;
    }
    let (mut dot, mut na, mut nb) = (0.0f64, 0.0f64, 0.0f64);
    for (&x, &y) in a.iter().zip(b) {
        let (x, y) = (f64::from(x), f64::from(y));
        dot += x * y;
        na += x * x;
        nb += y * y;
    }
    if na == 0.0 || nb == 0.0 { 0.0 } else { dot / (na.sqrt() * nb.sqrt()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_basics() {
        assert!((cosine(&[1.0, 0.0], &[2.0, 0.0]) - 1.0).abs() < 1e-9);
        assert!(cosine(&[1.0, 0.0], &[0.0, 3.0]).abs() < 1e-9);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 1.0]), 0.0);
        assert_eq!(cosine(&[1.0], &[1.0, 1.0]), 0.0);
    }

    #[test]
    fn e5_models_get_the_query_prefix() {
        assert_eq!(e5_prefix("intfloat/multilingual-E5-small").as_deref(), Some("query: "));
        assert_eq!(e5_prefix("text-embedding-3-small"), None);
    }
}
