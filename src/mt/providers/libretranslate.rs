//! LibreTranslate: `POST {base}/translate` with JSON `{q: [..], source, target,
//! format: "text", api_key?}`; the answer is `{"translatedText": [..]}` (a string when
//! `q` was one).

use super::Backend;
use crate::error::Result;
use crate::model::Lang;
use crate::mt::http::HttpClient;
use serde_json::json;

/// The LibreTranslate protocol.
pub struct LibreTranslate {
    pub(super) http: HttpClient,
    pub(super) base: String,
    pub(super) key: Option<String>,
}

impl Backend for LibreTranslate {
    fn endpoint(&self) -> (&HttpClient, &str) {
        (&self.http, &self.base)
    }
    fn batch_limits(&self) -> (usize, usize) {
        (25, 4000)
    }
    fn translate_batch(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<Vec<String>> {
        let mut body = json!({"q": texts, "source": from.code(), "target": to.code(), "format": "text"});
        if let Some(key) = &self.key {
            body["api_key"] = json!(key);
        }
        let answer = self.http.post_json(&format!("{}/translate", self.base), &[], &body)?;
        match answer.get("translatedText") {
            Some(serde_json::Value::String(one)) if texts.len() == 1 => Ok(vec![one.clone()]),
            Some(serde_json::Value::Array(many)) if many.len() == texts.len() => many
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| self.http.error("unexpected response: a translation that is not a string")),
            _ => Err(self
                .http
                .error(format!("unexpected response: no 'translatedText' list of {} entries", texts.len()))),
        }
    }
}
