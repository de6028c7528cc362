//! OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp):
//! `POST {base}/chat/completions` with `Authorization: Bearer KEY` when a key is set.
//! The texts go out as numbered lines and must come back as numbered lines; an answer
//! that cannot be matched line by line is retried one text per request.

use super::Backend;
use crate::error::Result;
use crate::model::Lang;
use crate::mt::http::HttpClient;
use crate::mt::language_name;
use serde_json::json;

/// Model used when `--mt-model` is not given.
pub const DEFAULT_MODEL: &str = "gpt-4o-mini";

/// The OpenAI-compatible chat protocol.
pub struct OpenAi {
    pub(super) http: HttpClient,
    pub(super) base: String,
    pub(super) key: Option<String>,
    pub(super) model: String,
}

/// The system prompt for a translation from `from` into `to`.
pub fn system_prompt(from: &Lang, to: &Lang) -> String {
    format!(
        "You are a professional translator. Translate each numbered line from {} into {}. \
         Answer with exactly one line per input line, in the same order, each starting with its \
         number, a period and a space, like \"1. translation\". Translate faithfully; add no notes, \
         no explanations and no other text.",
        language_name(from),
        language_name(to)
    )
}

/// The user message: one numbered line per text (inner line breaks become spaces).
pub fn numbered(texts: &[String]) -> String {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}. {}", i + 1, t.split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads `n` numbered lines back from an answer; `None` when some number is missing.
/// Code fences, blank lines and chatter without a number are skipped; a single text may
/// come back without its number.
pub fn parse_numbered(answer: &str, n: usize) -> Option<Vec<String>> {
    let mut out: Vec<Option<String>> = vec![None; n];
    let lines: Vec<&str> =
        answer.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("```")).collect();
    for line in &lines {
        let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
        let Ok(number) = digits.parse::<usize>() else { continue };
        let rest = line[digits.len()..].trim_start();
        let Some(rest) = rest.strip_prefix(['.', ')', ':']) else { continue };
        if (1..=n).contains(&number) && out[number - 1].is_none() {
            out[number - 1] = Some(rest.trim().to_string());
        }
    }
    if n == 1 && out[0].is_none() && !lines.is_empty() {
        out[0] = Some(lines.join(" "));
    }
    out.into_iter().collect()
}

impl OpenAi {
    fn chat(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<String> {
        let body = json!({
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": system_prompt(from, to)},
                {"role": "user", "content": numbered(texts)},
            ],
        });
        let headers: Vec<(&str, String)> =
            self.key.iter().map(|k| ("Authorization", format!("Bearer {k}"))).collect();
        let answer = self.http.post_json(&format!("{}/chat/completions", self.base), &headers, &body)?;
        answer
            .get("choices")
            .and_then(|c| c.get(0))
            .and_then(|c| c.get("message"))
            .and_then(|m| m.get("content"))
            .and_then(|c| c.as_str())
            .map(str::to_string)
            .ok_or_else(|| self.http.error("unexpected response: no choices[0].message.content"))
    }
}

impl Backend for OpenAi {
    fn endpoint(&self) -> (&HttpClient, &str) {
        (&self.http, &self.base)
    }
    fn batch_limits(&self) -> (usize, usize) {
        (20, 4000)
    }
    fn translate_batch(&self, texts: &[String], from: &Lang, to: &Lang) -> Result<Vec<String>> {
        if let Some(lines) = parse_numbered(&self.chat(texts, from, to)?, texts.len()) {
            return Ok(lines);
        }
        texts
            .iter()
            .map(|text| {
                let one = std::slice::from_ref(text);
                parse_numbered(&self.chat(one, from, to)?, 1)
                    .and_then(|mut v| v.pop())
                    .ok_or_else(|| self.http.error("the model's answer holds no translation"))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_answers_are_parsed_robustly() {
        let answer = "Here you go:\n```\n2) Zwei\n1. Eins\n\n3: Drei\n```";
        assert_eq!(parse_numbered(answer, 3), Some(vec!["Eins".into(), "Zwei".into(), "Drei".into()]));
        assert_eq!(parse_numbered("1. Eins", 2), None);
        assert_eq!(parse_numbered("Eins", 1), Some(vec!["Eins".into()]));
    }

    #[test]
    fn inputs_are_numbered_one_per_line() {
        let texts = vec!["a\nb".to_string(), "c".to_string()];
        assert_eq!(numbered(&texts), "1. a b\n2. c");
    }
}
