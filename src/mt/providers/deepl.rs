//! DeepL API v2: `POST {base}/v2/translate`, header `Authorization: DeepL-Auth-Key KEY`,
//! JSON `{text: [..], source_lang, target_lang}` (upper case); the answer is
//! `{"translations": [{"detected_source_language", "text"}]}`.

use super::{Backend, strings_at};
use crate::error::Result;
use crate::model::Lang;
use crate::mt::http::HttpClient;
use serde_json::json;

/// The DeepL v2 protocol.
pub struct Deepl {
    pub(super) http: HttpClient,
    pub(super) base: String,
    pub(super) key: String,
}

/// DeepL's target code: upper case, with the variants DeepL requires for English and
/// Portuguese.
pub fn target_code(lang: &Lang) -> String {
    match lang.code() {
        "en" => "EN-GB".to_string(),
        "pt" => "PT-PT".to_string(),
        other => other.to_ascii_uppercase(),
    }
}

impl Backend for Deepl {
    fn endpoint(&self) -> (&HttpClient, &str) {
        (&self.http, &self.base)
    }
    fn batch_limits(&self) -> (usize, usize) {
        (50, 30_000)
    }
    fn translate_batch(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<Vec<String>> {
        let body = json!({
            "text": texts,
            "source_lang": from.code().to_ascii_uppercase(),
            "target_lang": target_code(to),
        });
        let auth = format!("DeepL-Auth-Key {}", self.key);
        let answer =
            self.http.post_json(&format!("{}/v2/translate", self.base), &[("Authorization", auth)], &body)?;
        strings_at(&self.http, answer.get("translations"), "text", texts.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_codes() {
        assert_eq!(target_code(&Lang::en()), "EN-GB");
        assert_eq!(target_code(&Lang::ru()), "RU");
    }
}
