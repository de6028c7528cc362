//! Apertium APy: `POST {base}/translate?langpair=bel|rus` (ISO 639-3 codes, in the query
//! string, as docs/guide.md documents it) with the form `q=TEXT&markUnknown=no` (the text in the
//! body, so that no URL grows with it); the answer is `{"responseData":
//! {"translatedText"}, "responseStatus"}`.
//! One text per request: APy translates running text and does not keep line breaks.

use super::Backend;
use crate::error::Result;
use crate::model::Lang;
use crate::mt::http::HttpClient;

/// The Apertium APy protocol.
pub struct Apertium {
    pub(super) http: HttpClient,
    pub(super) base: String,
}

/// The ISO 639-3 code Apertium uses for `lang` (three-letter codes pass through).
pub fn iso639_3(lang: &Lang) -> String {
    let code = match lang.code() {
        "en" => "eng",
        "ru" => "rus",
        "be" => "bel",
        "uk" => "ukr",
        "de" => "deu",
        "fr" => "fra",
        "es" => "spa",
        "it" => "ita",
        "pt" => "por",
        "pl" => "pol",
        "ca" => "cat",
        "kk" => "kaz",
        "tt" => "tat",
        "ba" => "bak",
        "is" => "isl",
        "sv" => "swe",
        "da" => "dan",
        "nb" => "nob",
        "nn" => "nno",
        "eu" => "eus",
        "gl" => "glg",
        "ro" => "ron",
        other => other,
    };
    code.to_string()
}

impl Backend for Apertium {
    fn endpoint(&self) -> (&HttpClient, &str) {
        (&self.http, &self.base)
    }
    fn batch_limits(&self) -> (usize, usize) {
        (1, 10_000)
    }
    fn translate_batch(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<Vec<String>> {
        let langpair = format!("{}|{}", iso639_3(from), iso639_3(to));
        let url = format!("{}/translate", self.base);
        texts
            .iter()
            .map(|text| {
                let form = [("q", text.as_str()), ("markUnknown", "no")];
                let query = [("langpair", langpair.as_str())];
                let body = self.http.send(|client| client.post(&url).query(&query).form(&form))?;
                let answer = self.http.parse_json(&body)?;
                answer
                    .get("responseData")
                    .and_then(|d| d.get("translatedText"))
                    .and_then(|t| t.as_str())
                    .map(|t| t.trim().to_string())
                    .ok_or_else(|| {
                        let details = answer.get("responseDetails").and_then(|d| d.as_str()).unwrap_or("");
                        self.http.error(format!("no responseData.translatedText in the answer {details}"))
                    })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_iso_639_3() {
        assert_eq!(iso639_3(&Lang::be()), "bel");
        assert_eq!(iso639_3(&Lang::ru()), "rus");
        assert_eq!(iso639_3(&Lang::parse("bel").expect("code")), "bel");
    }
}
