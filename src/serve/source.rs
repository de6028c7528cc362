//! A text as the API takes it: pasted (`{"text": "…"}`), or a file's bytes in base64
//! (`{"base64": "…", "filename": "ru.docx"}`), in a format named by `format` or by the
//! file name's extension (plain text when neither says).

use super::error::ApiError;
use crate::input::InputFormat;
use base64::Engine as _;
use serde::Deserialize;
use std::path::Path;

/// One side of a request.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceIn {
    /// The text itself.
    pub text: Option<String>,
    /// A file's bytes, base64-encoded.
    pub base64: Option<String>,
    /// `txt`, `md`, `html` or `docx`.
    pub format: Option<String>,
    /// The uploaded file's name (its extension gives the format).
    pub filename: Option<String>,
}

/// A source read: its raw bytes, format and extracted text.
#[derive(Debug, Clone)]
pub struct Source {
    /// The bytes as sent (UTF-8 text, or the uploaded file).
    pub bytes: Vec<u8>,
    /// Their format.
    pub format: InputFormat,
    /// The text, paragraphs separated by blank lines.
    pub text: String,
}

impl SourceIn {
    /// Reads the source; `side` (`a` or `b`) names it in errors.
    ///
    /// # Errors
    /// 400 for a source with neither or both of `text` and `base64`, bad base64 or an
    /// unknown format; 422 when the content cannot be read in its format.
    pub fn read(&self, side: &str) -> Result<Source, ApiError> {
        let format = match (&self.format, &self.filename) {
            (Some(f), _) => InputFormat::from_extension(f).ok_or_else(|| {
                ApiError::bad_request(format!("\"{side}\": unknown format '{f}'; use txt, md, html or docx"))
            })?,
            (None, Some(name)) => InputFormat::from_path(Path::new(name)),
            (None, None) => InputFormat::Txt,
        };
        let bytes = match (&self.text, &self.base64) {
            (Some(text), None) => text.as_bytes().to_vec(),
            (None, Some(b64)) => base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .map_err(|e| ApiError::bad_request(format!("\"{side}\".base64 is not base64: {e}")))?,
            _ => {
                return Err(ApiError::bad_request(format!(
                    "\"{side}\" needs either \"text\" or \"base64\" (a file's bytes), not both or neither"
                )));
            }
        };
        let shown = self.filename.clone().unwrap_or_else(|| side.to_string());
        let text = crate::input::extract(&bytes, format, Path::new(&shown))?;
        Ok(Source { bytes, format, text })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(json: &str) -> SourceIn {
        serde_json::from_str(json).expect("a source")
    }

    #[test]
    fn text_base64_and_formats() {
        let s = source(r#"{"text":"<p>Hello.</p>","format":"html"}"#).read("a").expect("html");
        assert_eq!((s.text.as_str(), s.format), ("Hello.", InputFormat::Html));
        let s = source(r##"{"base64":"IyBUaXRsZQ==","filename":"x.md"}"##).read("a").expect("md");
        assert_eq!(s.text, "Title");
        assert_eq!(source(r#"{"text":"x"}"#).read("a").expect("txt").format, InputFormat::Txt);
        assert_eq!(source(r#"{"text":"x","base64":"eA=="}"#).read("a").unwrap_err().status.as_u16(), 400);
        assert_eq!(source(r#"{}"#).read("a").unwrap_err().status.as_u16(), 400);
        assert_eq!(source(r#"{"base64":"!!"}"#).read("b").unwrap_err().status.as_u16(), 400);
        assert_eq!(source(r#"{"text":"x","format":"pdf"}"#).read("b").unwrap_err().status.as_u16(), 400);
        let broken = source(r#"{"base64":"eHh4","format":"docx"}"#).read("b").unwrap_err();
        assert_eq!(broken.status.as_u16(), 422);
        assert!(serde_json::from_str::<SourceIn>(r#"{"txt":"x"}"#).is_err(), "unknown fields are refused");
    }
}
