//! Reading input files at the edge: plain text (UTF-8 with or without BOM, CRLF or LF),
//! Markdown, HTML and Word `.docx`, each turned into plain text whose paragraphs are
//! separated by blank lines, ready for segmentation. The format comes from the file
//! name's extension unless the caller names one ([`InputFormat`]). Invalid UTF-8,
//! binary content, archives that are no Word document and unreadable paths become typed
//! errors naming the file.
//!
//! Extraction keeps the reading order of the source and never invents text: HTML keeps
//! the article's title and paragraphs and drops navigation, scripts and boilerplate
//! ([`html`]), `.docx` keeps the body's paragraphs ([`docx`]), Markdown drops its
//! markup ([`markdown`]).

pub mod docx;
pub mod html;
pub mod markdown;

use crate::error::{Error, Result};
use std::path::Path;

/// The input formats sverka reads (`--input-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Plain text: paragraphs separated by blank lines.
    Txt,
    /// Markdown: headings, paragraphs and list items, markup dropped.
    Md,
    /// HTML: the article's title and paragraphs.
    Html,
    /// Word `.docx`: the paragraphs of the document body.
    Docx,
}

impl InputFormat {
    /// Every format, in the order of `--help`.
    pub const ALL: [InputFormat; 4] =
        [InputFormat::Txt, InputFormat::Md, InputFormat::Html, InputFormat::Docx];

    /// The format a file name's extension says (`.md`/`.markdown`, `.html`/`.htm`/`.xhtml`,
    /// `.docx`); plain text for anything else.
    pub fn from_path(path: &Path) -> InputFormat {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        InputFormat::from_extension(&ext).unwrap_or(InputFormat::Txt)
    }

    /// The format of an extension (without the dot, any case); `None` for an unknown one.
    pub fn from_extension(ext: &str) -> Option<InputFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(InputFormat::Txt),
            "md" | "markdown" => Some(InputFormat::Md),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "docx" => Some(InputFormat::Docx),
            _ => None,
        }
    }

    /// The name used on the command line and in the API (`txt`, `md`, `html`, `docx`).
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Txt => "txt",
            InputFormat::Md => "md",
            InputFormat::Html => "html",
            InputFormat::Docx => "docx",
        }
    }

    /// The usual file extension (the name).
    pub fn extension(self) -> &'static str {
        self.name()
    }
}

/// Reads `path` (standard input when `path` is `-`) in `format`, or the format its
/// extension says when `None` (plain text for standard input), and returns its text:
/// paragraphs separated by blank lines, LF line ends.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read, [`Error::NotText`] when a text format is
/// not UTF-8 or holds NUL bytes, [`Error::Invalid`] when a `.docx` file is no Word
/// document.
pub fn read_document(path: &Path, format: Option<InputFormat>) -> Result<String> {
    let stdin = path == Path::new("-");
    let format = format.unwrap_or(if stdin { InputFormat::Txt } else { InputFormat::from_path(path) });
    if format == InputFormat::Txt {
        return read_text(path);
    }
    let shown = if stdin { Path::new("<stdin>") } else { path };
    let bytes = read_bytes(path)?;
    extract(&bytes, format, shown)
}

/// The text of `bytes` in `format` (see [`read_document`]); `shown` names the source in
/// errors.
///
/// # Errors
/// As [`read_document`].
pub fn extract(bytes: &[u8], format: InputFormat, shown: &Path) -> Result<String> {
    let text = || decode_text(bytes).map_err(|detail| Error::NotText { path: shown.to_path_buf(), detail });
    Ok(match format {
        InputFormat::Txt => text()?,
        InputFormat::Md => markdown::to_text(&text()?),
        InputFormat::Html => {
            html::to_text(&text()?).map_err(|e| Error::Invalid(format!("{}: {e}", shown.display())))?
        }
        InputFormat::Docx => {
            docx::to_text(bytes).map_err(|e| Error::Invalid(format!("{}: {e}", shown.display())))?
        }
    })
}

/// The bytes of `path`, or of standard input when it is `-`.
fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

/// Reads `path` as text (standard input when `path` is `-`): strips a UTF-8 BOM, turns
/// CRLF (and lone CR) into LF.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read, [`Error::NotText`] when it is not UTF-8
/// or holds NUL bytes (a binary file).
pub fn read_text(path: &Path) -> Result<String> {
    let stdin = path == Path::new("-");
    let shown = if stdin { Path::new("<stdin>") } else { path };
    let mut bytes = read_bytes(path)?;
    let not_text = |detail| Error::NotText { path: shown.to_path_buf(), detail };
    check_bytes(&bytes).map_err(not_text)?;
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    let text = String::from_utf8(bytes)
        .map_err(|e| not_text(format!("invalid UTF-8 at byte offset {}", e.utf8_error().valid_up_to())))?;
    Ok(if text.contains('\r') { normalize_newlines(&text) } else { text })
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Rejects binary content (a NUL byte).
fn check_bytes(bytes: &[u8]) -> std::result::Result<(), String> {
    match bytes.iter().position(|&b| b == 0) {
        Some(pos) => Err(format!("binary content: NUL byte at offset {pos}")),
        None => Ok(()),
    }
}

/// Decodes bytes as text the way [`read_text`] does; the error says what is wrong.
///
/// # Errors
/// A description of the first problem (bad UTF-8 at an offset, or a NUL byte).
pub fn decode_text(bytes: &[u8]) -> std::result::Result<String, String> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    check_bytes(bytes)?;
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 at byte offset {}", e.valid_up_to()))?;
    Ok(normalize_newlines(text))
}

/// Reads `path` as [`read_text`] does and splits it into lines, each trimmed; a final
/// line end ends the last line rather than starting an empty one, and an empty file
/// has no lines. A ready translation (`--mt-file`) is read this way.
///
/// # Errors
/// As [`read_text`].
pub fn read_lines(path: &Path) -> Result<Vec<String>> {
    let text = read_text(path)?;
    let body = text.strip_suffix('\n').unwrap_or(&text);
    Ok(if body.is_empty() { Vec::new() } else { body.split('\n').map(|l| l.trim().to_string()).collect() })
}

/// Turns CRLF and lone CR into LF.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFa\r\nb\rc").as_deref(), Ok("a\nb\nc"));
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let err = decode_text(b"ab\xFFcd").unwrap_err();
        assert!(err.contains("offset 2"), "{err}");
    }

    #[test]
    fn formats_follow_the_extension() {
        let cases = [
            ("a.txt", InputFormat::Txt),
            ("a.MD", InputFormat::Md),
            ("dir/a.htm", InputFormat::Html),
            ("a.html", InputFormat::Html),
            ("a.docx", InputFormat::Docx),
            ("a.doc", InputFormat::Txt),
            ("noext", InputFormat::Txt),
        ];
        for (name, want) in cases {
            assert_eq!(InputFormat::from_path(Path::new(name)), want, "{name}");
        }
        for format in InputFormat::ALL {
            assert_eq!(InputFormat::from_extension(format.extension()), Some(format));
        }
    }

    #[test]
    fn extraction_errors_name_the_source() {
        let err = extract(b"not a zip", InputFormat::Docx, Path::new("x.docx")).unwrap_err().to_string();
        assert!(err.starts_with("x.docx: "), "{err}");
        let err = extract(b"<p>\xFF</p>", InputFormat::Html, Path::new("x.html")).unwrap_err().to_string();
        assert!(err.contains("x.html"), "{err}");
    }

    #[test]
    fn nul_byte_is_binary() {
        assert!(decode_text(b"PK\x03\x04\x00\x00").unwrap_err().contains("binary"));
    }
}
