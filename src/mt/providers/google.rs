//! Google Cloud Translation v2 (basic): `POST {base}/language/translate/v2?key=KEY`
//! with JSON `{q: [..], source, target, format: "text"}`; the answer is
//! `{"data": {"translations": [{"translatedText"}]}}`. The key travels in the URL, so
//! every error is scrubbed of it (`mt::http`).

use super::{Backend, strings_at};
use crate::error::Result;
use crate::model::Lang;
use crate::mt::http::{HttpClient, url_encode};
use serde_json::json;

/// The Google v2 protocol.
pub struct Google {
    pub(super) http: HttpClient,
    pub(super) base: String,
    pub(super) key: String,
}

impl Backend for Google {
    fn endpoint(&self) -> (&HttpClient, &str) {
        (&self.http, &self.base)
    }
    fn batch_limits(&self) -> (usize, usize) {
        (100, 5000)
    }
    fn translate_batch(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<Vec<String>> {
        let body = json!({"q": texts, "source": from.code(), "target": to.code(), "format": "text"});
        let url = format!("{}/language/translate/v2?key={}", self.base, url_encode(&self.key));
        let answer = self.http.post_json(&url, &[], &body)?;
        let translations = answer.get("data").and_then(|d| d.get("translations"));
        strings_at(&self.http, translations, "translatedText", texts.len())
    }
}
