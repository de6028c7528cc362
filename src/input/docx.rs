//! Word `.docx` to plain text: the paragraphs (`w:p`) of the document body
//! (`word/document.xml` in the ZIP package), one per blank-line separated block.
//!
//! The text of a paragraph is its runs' `w:t` text; a tab becomes a space and a line
//! break (`w:br`, `w:cr`) a line break. Deleted text of tracked changes (`w:delText`)
//! and the old place of moved text (`w:moveFrom`) are left out, as are field codes
//! (`w:instrText`) and the fallback copies of drawings (`mc:Fallback`), which repeat
//! the text beside them. Headers, footers, footnotes and comments live in other parts
//! of the package and are not read. A paragraph nested in another (a text box) comes
//! out before the rest of its container. The XML part is read up to
//! [`MAX_XML_BYTES`], so a small archive cannot expand into an unbounded one.

use quick_xml::events::Event;
use std::io::Read;

/// The largest `word/document.xml` read (uncompressed).
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// The paragraphs of the `.docx` file `bytes`, separated by blank lines.
///
/// # Errors
/// A message saying why the bytes are not a readable Word document.
pub fn to_text(bytes: &[u8]) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a .docx file (not a ZIP archive: {e})"))?;
    let part = archive
        .by_name("word/document.xml")
        .map_err(|_| "not a Word document: the archive has no word/document.xml".to_string())?;
    let mut xml = Vec::new();
    part.take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("cannot read word/document.xml: {e}"))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(format!("word/document.xml is larger than {} MB", MAX_XML_BYTES / (1024 * 1024)));
    }
    let xml = String::from_utf8(xml).map_err(|e| format!("word/document.xml is not UTF-8 ({e})"))?;
    paragraphs(&xml).map(|ps| ps.join("\n\n"))
}

/// Elements whose content is left out.
const SKIPPED: &[&[u8]] = &[b"moveFrom", b"Fallback", b"instrText", b"delText"];

/// The non-empty paragraphs of a WordprocessingML document, in order of their end.
fn paragraphs(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut in_text = false;
    let mut skip = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!("word/document.xml is not well-formed XML at byte {}: {e}", reader.error_position())
        })?;
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip > 0 || SKIPPED.contains(&name) {
                    skip += 1;
                } else if name == b"p" {
                    open.push(String::new());
                } else if name == b"t" {
                    in_text = true;
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skip > 0 {
                    skip -= 1;
                } else if name == b"p" {
                    if let Some(p) = open.pop() {
                        let p = p.trim();
                        if !p.is_empty() {
                            out.push(p.to_string());
                        }
                    }
                } else if name == b"t" {
                    in_text = false;
                }
            }
            Event::Empty(e) if skip == 0 => {
                let separator = match e.local_name().as_ref() {
                    b"tab" => Some(' '),
                    b"br" | b"cr" => Some('\n'),
                    _ => None,
                };
                if let (Some(c), Some(p)) = (separator, open.last_mut()) {
                    p.push(c);
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                let text = t.unescape().map_err(|e| format!("word/document.xml: bad text: {e}"))?;
                if let Some(p) = open.last_mut() {
                    p.push_str(&text);
                }
            }
            Event::CData(t) if in_text && skip == 0 => {
                if let Some(p) = open.last_mut() {
                    p.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx package holding `body` as its document body.
    pub(crate) fn docx(body: &str) -> Vec<u8> {
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{body}</w:body></w:document>"
        );
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options).expect("zip entry");
        zip.write_all(b"<Types/>").expect("zip write");
        zip.start_file("word/document.xml", options).expect("zip entry");
        zip.write_all(xml.as_bytes()).expect("zip write");
        zip.finish().expect("zip finish").into_inner()
    }

    #[test]
    fn paragraphs_runs_and_tracked_changes() {
        let body = "<w:p><w:r><w:t>Минск, 25 октября.</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Second &amp; run.</w:t></w:r></w:p>\
                    <w:p></w:p>\
                    <w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText> deleted</w:delText></w:r></w:del>\
                    <w:r><w:tab/><w:t>after tab</w:t><w:br/><w:t>new line</w:t></w:r></w:p>\
                    <w:p><w:moveFrom><w:r><w:t>old place</w:t></w:r></w:moveFrom><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>";
        let text = to_text(&docx(body)).expect("a docx");
        assert_eq!(text, "Минск, 25 октября. Second & run.\n\nKept after tab\nnew line");
    }

    #[test]
    fn what_is_not_a_word_document_is_an_error() {
        assert!(to_text(b"plain text").unwrap_err().contains("not a ZIP archive"));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("other.xml", zip::write::SimpleFileOptions::default()).expect("entry");
        let bytes = zip.finish().expect("finish").into_inner();
        assert!(to_text(&bytes).unwrap_err().contains("no word/document.xml"));
        let broken = docx("<w:p><w:t>unclosed</w:p>");
        assert!(to_text(&broken).unwrap_err().contains("not well-formed"));
    }
}
