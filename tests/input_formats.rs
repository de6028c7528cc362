//! HTML, Markdown and .docx inputs on the command line: the sample pair written as an
//! HTML article page (with navigation, scripts and a footer around it), as Markdown and
//! as a Word document aligns exactly as its plain text does; `--input-format` overrides
//! the extension; a broken .docx is a clear error (exit 2).

#![allow(clippy::unwrap_used)]

mod services;

use services::sverka;
use std::io::Write;
use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/belta-kursk");

fn paragraphs(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(SAMPLE).join(path)).unwrap();
    text.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The paragraphs as a news page: the first paragraph is the headline.
fn html_page(paras: &[String]) -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Ignored | BelTA</title>\
         <script>document.write('<p>script text</p>')</script></head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li>Politics</li></ul></nav>\
         <div class=\"share\">Share this</div><main><article>",
    );
    page.push_str(&format!("<h1>{}</h1>", escape(&paras[0])));
    for p in &paras[1..] {
        page.push_str(&format!("\n<p>{}</p>", escape(p)));
    }
    page.push_str("<div class=\"related\"><p>Read also: other news.</p></div></article></main>");
    page.push_str("<footer><p>© BelTA</p></footer></body></html>");
    page
}

fn docx(paras: &[String]) -> Vec<u8> {
    let body: String =
        paras.iter().map(|p| format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", escape(p))).collect();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn vecalign(a: &Path, b: &Path, extra: &[&str]) -> String {
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let mut args = vec!["align", a, b, "--langs", "en,ru", "--format", "vecalign"];
    args.extend_from_slice(extra);
    let (code, out, err) = sverka(&args, &[]);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn html_markdown_and_docx_align_as_their_text_does() {
    let dir = tempfile::tempdir().unwrap();
    let (en, ru) = (paragraphs("en.txt"), paragraphs("ru.txt"));
    let txt = vecalign(&Path::new(SAMPLE).join("en.txt"), &Path::new(SAMPLE).join("ru.txt"), &[]);
    let html = write(dir.path(), "en.html", html_page(&en).as_bytes());
    let md_text = format!("# {}\n\n{}\n", en[0], en[1..].join("\n\n"));
    let md = write(dir.path(), "en.md", md_text.as_bytes());
    let word = write(dir.path(), "ru.docx", &docx(&ru));
    assert_eq!(vecalign(&html, &word, &[]), txt, "en.html with ru.docx");
    assert_eq!(vecalign(&md, &word, &[]), txt, "en.md with ru.docx");
    // The same pages under .txt names, read as HTML because the option says so.
    let en_page = write(dir.path(), "en-page.txt", html_page(&en).as_bytes());
    let ru_page = write(dir.path(), "ru-page.txt", html_page(&ru).as_bytes());
    assert_ne!(vecalign(&en_page, &ru_page, &[]), txt, "read as text, the markup is text");
    assert_eq!(vecalign(&en_page, &ru_page, &["--input-format", "html"]), txt);
}

#[test]
fn segment_reads_html_by_extension_and_drops_the_furniture() {
    let dir = tempfile::tempdir().unwrap();
    let en = paragraphs("en.txt");
    let html = write(dir.path(), "en.html", html_page(&en).as_bytes());
    let (code, out, err) = sverka(&["segment", html.to_str().unwrap(), "--lang", "en"], &[]);
    assert_eq!(code, 0, "{err}");
    let (_, plain, _) = sverka(&["segment", &format!("{SAMPLE}/en.txt"), "--lang", "en"], &[]);
    assert_eq!(out, plain);
    for furniture in ["Home", "Share this", "Read also", "script text", "© BelTA", "Ignored"] {
        assert!(!out.contains(furniture), "{furniture} kept:\n{out}");
    }
}

#[test]
fn a_broken_docx_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "ru.docx", b"PK\x03\x04 not really a zip");
    let en = format!("{SAMPLE}/en.txt");
    let (code, _, err) = sverka(&["align", &en, bad.to_str().unwrap(), "--langs", "en,ru"], &[]);
    assert_eq!(code, 2);
    assert!(err.starts_with("sverka: error: ") && err.contains("ru.docx: not a .docx file"), "{err}");
}
