//! Sentence segmentation for English, Russian and Belarusian (and a language-neutral
//! fallback). Rules are data files under `src/segment/data/`; the result tiles the text.
//!
//! OWNER: issue 2 (segmentation). The skeleton below splits on blank lines and
//! sentence-final punctuation only.

use crate::model::{Lang, Sentence};

/// Splits `text` (LF newlines) into sentences for `lang`. The sentences tile the text;
/// a blank line always ends a sentence and starts a new paragraph.
pub fn segment(text: &str, lang: &Lang) -> Vec<Sentence> {
    let _ = lang;
    presegmented(text)
}

/// One sentence per line (the `--presegmented` contract): sentence id = 0-based line
/// number, an empty line is an empty sentence; every sentence is its own paragraph
/// unless the caller regroups. A final newline does not start an extra sentence.
pub fn presegmented(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut byte = 0;
    let mut ch = 0;
    let body = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return out;
    }
    let lines: Vec<&str> = body.split('\n').collect();
    let last = lines.len() - 1;
    for (i, line) in lines.iter().enumerate() {
        let with_nl = if i < last || body.len() < text.len() { line.len() + 1 } else { line.len() };
        let nchars = line.chars().count() + (with_nl - line.len());
        out.push(Sentence {
            text: line.trim().to_string(),
            bytes: byte..byte + with_nl,
            chars: ch..ch + nchars,
            paragraph: i,
        });
        byte += with_nl;
        ch += nchars;
    }
    out
}
