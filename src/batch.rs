//! The batch contract: one manifest line (a JSON object naming a pair) in, one result
//! line (a JSON object, `id` first) out. `sverka batch`, the Python package's `batch` and
//! library users answer lines here, so their output is the same byte for byte; reading
//! the stream, parallelism and writing stay with the caller.
//!
//! A manifest line is `{"id": …, "a": PATH | {"text": …}, "b": …, "langs": [LA, LB],
//! "presegmented": bool}` (`langs` and `presegmented` optional). Its answer is
//! `{"id", "langs", "beads", ["bitext",] "findings", "stats"}`, or `{"id", "error"}` for a
//! line that cannot be processed (blank, not UTF-8, not JSON, an unreadable file, an
//! unknown language); `id` is null when the line shows none. Answering never panics and
//! never fails: an error is an answer.

use crate::engine::{Engine, RunOptions};
use crate::model::{Bead, Finding, Lang, Stats};
use crate::report::BitextRow;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::PathBuf;

/// What a result line carries besides ids, findings and stats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Emit {
    /// Sentence ids only (`beads`).
    #[default]
    Ids,
    /// Also the aligned texts: `"bitext": [{"a": …, "b": …, "score": …}, …]`, one per bead.
    Text,
}

/// Answers manifest lines with one engine.
pub struct Batch {
    engine: Engine,
    base_dir: PathBuf,
    langs: (Option<Lang>, Option<Lang>),
    emit: Emit,
    format: Option<crate::input::InputFormat>,
}

/// One manifest line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    #[serde(default)]
    id: Value,
    a: Source,
    b: Source,
    #[serde(default)]
    langs: Option<Vec<String>>,
    #[serde(default)]
    presegmented: Option<bool>,
}

/// A side: a path, or the text inline.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Source {
    Path(PathBuf),
    Text { text: String },
}

/// A result line, fields in this order.
#[derive(Serialize)]
struct Answer<'a> {
    id: &'a Value,
    langs: [&'a Lang; 2],
    beads: &'a [Bead],
    #[serde(skip_serializing_if = "Option::is_none")]
    bitext: Option<Vec<BitextRow>>,
    findings: &'a [Finding],
    stats: &'a Stats,
}

/// An error line.
#[derive(Serialize)]
struct ErrorAnswer<'a> {
    id: &'a Value,
    error: &'a str,
}

impl Batch {
    /// Answers with `engine`, relative paths resolved against the working directory,
    /// languages detected where a line names none, ids only.
    pub fn new(engine: Engine) -> Batch {
        Batch { engine, base_dir: PathBuf::from("."), langs: (None, None), emit: Emit::Ids, format: None }
    }

    /// The format of the files manifest lines name (`None`: by extension).
    pub fn format(mut self, format: Option<crate::input::InputFormat>) -> Batch {
        self.format = format;
        self
    }

    /// Resolves relative paths of manifest lines against `dir`.
    pub fn base_dir(mut self, dir: impl Into<PathBuf>) -> Batch {
        self.base_dir = dir.into();
        self
    }

    /// The languages of A and B where a line names none (`None`: detected).
    pub fn langs(mut self, a: Option<Lang>, b: Option<Lang>) -> Batch {
        self.langs = (a, b);
        self
    }

    /// What result lines carry.
    pub fn emit(mut self, emit: Emit) -> Batch {
        self.emit = emit;
        self
    }

    /// The engine it runs.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The result line (without a line end) for manifest line number `line_no` (1-based,
    /// named in error messages), given as read without its line end.
    pub fn answer(&self, line_no: usize, line: &[u8]) -> String {
        let line = match std::str::from_utf8(line) {
            Ok(line) => line,
            Err(e) => return not_utf8(line_no, line, e.valid_up_to()),
        };
        if line.trim().is_empty() {
            // One output line per input line, so that a consumer may pair them by
            // position: a blank line is answered too.
            return error_line(
                &Value::Null,
                &format!("line {line_no}: empty line; every line must name one pair"),
            );
        }
        let item: Item = match serde_json::from_str(line) {
            Ok(item) => item,
            Err(e) => return error_line(&id_of(line), &format!("line {line_no}: {e}")),
        };
        match self.run(&item) {
            Ok(answer) => answer,
            Err(e) => error_line(&item.id, &format!("line {line_no}: {e}")),
        }
    }

    fn run(&self, item: &Item) -> crate::Result<String> {
        let presegmented = item.presegmented.unwrap_or(self.engine.config().segment.presegmented);
        let (lang_a, lang_b) = match &item.langs {
            None => self.langs.clone(),
            Some(langs) => {
                let [la, lb] = langs.as_slice() else {
                    return Err(crate::Error::Invalid(
                        "\"langs\" must hold two codes, e.g. [\"en\",\"ru\"]".into(),
                    ));
                };
                let parse = |c: &str| crate::lang::parse_for(c, "\"langs\"", presegmented);
                (Some(parse(la)?), Some(parse(lb)?))
            }
        };
        let a = crate::engine::document(&self.read_source(&item.a)?, lang_a, presegmented);
        let b = crate::engine::document(&self.read_source(&item.b)?, lang_b, presegmented);
        let report = self.engine.run(&a, &b, &RunOptions { mt_b: None, findings: true })?;
        let answer = Answer {
            id: &item.id,
            langs: [&report.a.lang, &report.b.lang],
            beads: &report.beads,
            bitext: (self.emit == Emit::Text).then(|| crate::report::bitext_rows(&report)),
            findings: &report.findings,
            stats: &report.stats,
        };
        Ok(to_line(&answer))
    }
}

/// The error line for a line that is not UTF-8; its id is kept when the rest of the
/// line still parses as JSON (the bad bytes read as U+FFFD), as for a bad JSON line.
fn not_utf8(line_no: usize, bytes: &[u8], offset: usize) -> String {
    let message = format!(
        "line {line_no}: not UTF-8 text (invalid UTF-8 at byte offset {offset}); convert the manifest to UTF-8"
    );
    error_line(&id_of(&String::from_utf8_lossy(bytes)), &message)
}

/// The `"id"` of a line that is JSON but not a valid manifest item, else null.
fn id_of(line: &str) -> Value {
    serde_json::from_str::<Value>(line).ok().and_then(|v| v.get("id").cloned()).unwrap_or(Value::Null)
}

fn error_line(id: &Value, message: &str) -> String {
    to_line(&ErrorAnswer { id, error: message })
}

/// One JSON line. Serializing these plain structs cannot fail (non-finite floats
/// become null); should it, the line still says so in the contract's shape.
fn to_line(value: &impl Serialize) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|e| format!("{{\"id\":null,\"error\":{}}}", Value::from(e.to_string())))
}

impl Batch {
    /// The text of one side: inline, or read from a file in its format.
    fn read_source(&self, source: &Source) -> crate::Result<String> {
        match source {
            Source::Text { text } => Ok(crate::input::normalize_newlines(text)),
            Source::Path(path) => {
                let full = if path.is_absolute() { path.clone() } else { self.base_dir.join(path) };
                crate::input::read_document(&full, self.format)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn batch(emit: Emit) -> Batch {
        Batch::new(Engine::new(Config::default()).expect("default engine")).emit(emit)
    }

    const PAIR: &str = r#"{"a":{"text":"One.\nTwo."},"b":{"text":"Один.\nДва."},"langs":["en","ru"],"presegmented":true,"id":7}"#;

    #[test]
    fn the_id_comes_first_in_results_and_errors() {
        let ok = batch(Emit::Ids).answer(1, PAIR.as_bytes());
        assert!(ok.starts_with(r#"{"id":7,"langs":["en","ru"],"beads":["#), "{ok}");
        assert!(!ok.contains("bitext"), "{ok}");
        let bad = batch(Emit::Ids).answer(3, br#"{"b":{"text":"x"},"id":"x1"}"#);
        assert!(bad.starts_with(r#"{"id":"x1","error":"line 3: "#), "{bad}");
    }

    #[test]
    fn emit_text_adds_the_texts_of_every_bead() {
        let line: Value = serde_json::from_str(&batch(Emit::Text).answer(1, PAIR.as_bytes())).expect("JSON");
        let bitext = line["bitext"].as_array().expect("bitext");
        assert_eq!(bitext.len(), line["beads"].as_array().map_or(0, Vec::len));
        assert_eq!(bitext[0]["a"], "One.");
        assert_eq!(bitext[0]["b"], "Один.");
        assert_eq!(bitext[0]["score"], line["beads"][0]["score"]);
    }

    #[test]
    fn bad_lines_are_answered_in_place() {
        let b = batch(Emit::Ids);
        let blank: Value = serde_json::from_str(&b.answer(2, b"  ")).expect("JSON");
        assert_eq!(blank["id"], Value::Null);
        let not_utf8: Value = serde_json::from_str(&b.answer(4, b"{\"id\":5,\xff")).expect("JSON");
        assert!(not_utf8["error"].as_str().is_some_and(|e| e.starts_with("line 4: not UTF-8")));
        let lang = r#"{"id":1,"a":{"text":"x"},"b":{"text":"y"},"langs":["en","xx"]}"#;
        let lang: Value = serde_json::from_str(&b.answer(1, lang.as_bytes())).expect("JSON");
        assert!(lang["error"].as_str().is_some_and(|e| e.contains("cannot split 'xx' text")), "{lang}");
    }
}
