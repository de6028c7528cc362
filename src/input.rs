//! Reading text files at the edge: UTF-8 with or without BOM, CRLF or LF. Invalid
//! UTF-8, binary content and unreadable paths become typed errors naming the file.

use crate::error::{Error, Result};
use std::path::Path;

/// Reads `path` as text (standard input when `path` is `-`): strips a UTF-8 BOM, turns
/// CRLF (and lone CR) into LF.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read, [`Error::NotText`] when it is not UTF-8
/// or holds NUL bytes (a binary file).
pub fn read_text(path: &Path) -> Result<String> {
    let stdin = path == Path::new("-");
    let shown = if stdin { Path::new("<stdin>") } else { path };
    let mut bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|e| Error::io(shown, e))?;
        bytes
    } else {
        std::fs::read(path).map_err(|e| Error::io(path, e))?
    };
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
    fn nul_byte_is_binary() {
        assert!(decode_text(b"PK\x03\x04\x00\x00").unwrap_err().contains("binary"));
    }
}
