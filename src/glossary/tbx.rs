//! TBX import: TBX v2 (`<martif>`: `termEntry` / `langSet` / `tig` or `ntig`) and
//! TBX v3 (`<tbx>`: `conceptEntry` / `langSec` / `termSec`). English terms become the
//! canonical form (the first preferred or admitted one) and accepted forms; English
//! terms whose `administrativeStatus` is deprecated or superseded become variants;
//! `ru*` and `be*` terms become lemma forms. A `subjectField` or `termType` of
//! person/place/org sets the entry type; `note` and `definition` go to the note.

use super::{Entry, TermType};
use crate::error::{Error, Result};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::path::Path;

/// One term of an entry being read.
#[derive(Debug, Default)]
struct Term {
    lang: String,
    text: String,
    rejected: bool,
}

/// State of the entry being read.
#[derive(Debug, Default)]
struct Pending {
    terms: Vec<Term>,
    kind: Option<TermType>,
    note: String,
}

/// What the text of the current element is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Term,
    Status,
    Kind,
    Note,
    Other,
}

/// Parses TBX `text`; `path` names it in errors.
///
/// # Errors
/// [`Error::Parse`] with the line of malformed XML, or when the file holds no entry
/// with an English term.
pub fn parse(text: &str, path: &Path) -> Result<Vec<Entry>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let line_at = |pos: u64| text.as_bytes().iter().take(pos as usize).filter(|&&b| b == b'\n').count() + 1;
    let mut out = Vec::new();
    let mut entry: Option<Pending> = None;
    let mut lang = String::new();
    let mut field = Field::Other;
    let mut root_seen = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            Error::parse(path, line_at(reader.error_position()), format!("not well-formed TBX/XML: {e}"))
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name().as_ref().to_vec();
                match name.as_slice() {
                    b"martif" | b"tbx" => root_seen = true,
                    b"termEntry" | b"conceptEntry" => entry = Some(Pending::default()),
                    b"langSet" | b"langSec" => {
                        lang = attr(&e, b"xml:lang").unwrap_or_default().to_lowercase()
                    }
                    b"tig" | b"ntig" | b"termSec" => {
                        if let Some(p) = entry.as_mut() {
                            p.terms.push(Term { lang: lang.clone(), ..Term::default() });
                        }
                    }
                    b"term" => field = Field::Term,
                    b"termNote"
                    | b"descrip"
                    | b"note"
                    | b"administrativeStatus"
                    | b"termType"
                    | b"subjectField"
                    | b"definition" => {
                        let kind = attr(&e, b"type").unwrap_or_else(|| String::from_utf8_lossy(&name).into());
                        field = match kind.as_str() {
                            "administrativeStatus" => Field::Status,
                            "subjectField" | "termType" => Field::Kind,
                            "note" | "definition" => Field::Note,
                            _ => Field::Other,
                        };
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let value = t.unescape().map_err(|e| {
                    Error::parse(path, line_at(reader.buffer_position()), format!("bad text: {e}"))
                })?;
                if let Some(p) = entry.as_mut() {
                    take_text(p, field, value.trim());
                }
            }
            Event::End(e) => {
                let name = e.local_name().as_ref().to_vec();
                match name.as_slice() {
                    b"termEntry" | b"conceptEntry" => out.extend(entry.take().and_then(finish)),
                    _ => field = Field::Other,
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(Error::parse(
            path,
            1,
            "not a TBX file: expected a <martif> (TBX v2) or <tbx> (TBX v3) root",
        ));
    }
    if out.is_empty() {
        return Err(Error::parse(path, 1, "no entry with an English term and a Russian or Belarusian one"));
    }
    Ok(out)
}

fn take_text(p: &mut Pending, field: Field, value: &str) {
    match field {
        Field::Term => {
            if let Some(t) = p.terms.last_mut() {
                t.text.push_str(value);
            }
        }
        Field::Status => {
            if let Some(t) = p.terms.last_mut() {
                t.rejected |= value.starts_with("deprecated") || value.starts_with("superseded");
            }
        }
        Field::Kind => {
            let kind = match value.to_ascii_lowercase().as_str() {
                "person" => Some(TermType::Person),
                "place" => Some(TermType::Place),
                "org" | "organization" | "organisation" => Some(TermType::Org),
                _ => None,
            };
            p.kind = p.kind.or(kind);
        }
        Field::Note => {
            if !p.note.is_empty() {
                p.note.push_str("; ");
            }
            p.note.push_str(value);
        }
        Field::Other => {}
    }
}

fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn finish(p: Pending) -> Option<Entry> {
    let of = |prefix: &str, rejected: bool| -> Vec<String> {
        p.terms
            .iter()
            .filter(|t| t.lang.starts_with(prefix) && t.rejected == rejected && !t.text.is_empty())
            .map(|t| t.text.clone())
            .collect()
    };
    let mut en = of("en", false);
    if en.is_empty() {
        return None;
    }
    let entry = Entry {
        en: en.remove(0),
        en_alt: en,
        ru: of("ru", false),
        be: of("be", false),
        variants: of("en", true),
        kind: p.kind.unwrap_or(TermType::Term),
        note: p.note,
        profiles: Vec::new(),
    };
    (!entry.ru.is_empty() || !entry.be.is_empty() || !entry.variants.is_empty()).then_some(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tbx_v2_deprecated_terms_become_variants() {
        let xml = r#"<?xml version="1.0"?><martif type="TBX"><text><body>
<termEntry id="1"><descrip type="subjectField">place</descrip>
<langSet xml:lang="en"><tig><term>Kyiv</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
<tig><term>Kiev</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="ru"><tig><term>Киев</term></tig></langSet></termEntry></body></text></martif>"#;
        let e = parse(xml, Path::new("t.tbx")).expect("parses");
        assert_eq!(e[0].en, "Kyiv");
        assert_eq!(e[0].variants, vec!["Kiev"]);
        assert_eq!(e[0].ru, vec!["Киев"]);
        assert_eq!(e[0].kind, TermType::Place);
    }

    #[test]
    fn tbx_v3_with_a_byte_order_mark_and_admitted_terms() {
        let xml = "\u{feff}<?xml version=\"1.0\"?><tbx type=\"TBX-Basic\" style=\"dct\" xmlns:basic=\"http://www.tbxinfo.net/ns/basic\"><text><body>\
<conceptEntry id=\"c1\"><langSec xml:lang=\"en-GB\"><termSec><term>Odesa</term></termSec>\
<termSec><term>Odesa city</term><basic:administrativeStatus>admittedTerm-admn-sts</basic:administrativeStatus></termSec>\
<termSec><term>Odessa</term><basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec></langSec>\
<langSec xml:lang=\"be\"><termSec><term>Адэса</term></termSec></langSec></conceptEntry></body></text></tbx>";
        let e = parse(xml, Path::new("t.tbx")).expect("parses");
        assert_eq!((e[0].en.as_str(), e[0].en_alt.clone()), ("Odesa", vec!["Odesa city".to_string()]));
        assert_eq!(e[0].variants, vec!["Odessa"]);
        assert_eq!(e[0].be, vec!["Адэса"]);
    }

    #[test]
    fn broken_xml_names_its_line() {
        let xml = "<martif>\n<text>\n<body><termEntry></body>\n</martif>";
        let msg = parse(xml, Path::new("t.tbx")).expect_err("broken").to_string();
        assert!(msg.starts_with("t.tbx:"), "{msg}");
    }
}
