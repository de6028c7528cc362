//! The `tmx` format: TMX 1.4b for CAT tools (OmegaT, Trados, memoQ). A `<header>` with
//! creationtool, creationtoolversion, segtype="sentence", o-tmf, adminlang, srclang
//! (A's language) and datatype="plaintext"; one `<tu>` per bead (`tuid` = bead index)
//! with the bead's score and ids as `x-` props and one `<tuv xml:lang>` per side, each
//! holding one `<seg>`. 1-0 and 0-1 beads are left out unless `keep_unaligned`, when
//! their missing side is an empty `<seg/>`.
//!
//! Text is escaped for XML; characters XML 1.0 cannot carry (most C0 controls,
//! U+FFFE, U+FFFF) become U+FFFD.

use super::{id_list, is_unaligned, joined, score};
use crate::model::Report;
use std::fmt::Write;

/// Renders the report as a TMX 1.4b document.
pub(super) fn render(report: &Report, keep_unaligned: bool) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"sverka\" creationtoolversion=\"{}\" segtype=\"sentence\" \
         o-tmf=\"sverka\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\"/>",
        escape(env!("CARGO_PKG_VERSION")),
        escape(report.a.lang.code())
    );
    out.push_str("  <body>\n");
    for (i, bead) in report.beads.iter().enumerate() {
        if is_unaligned(bead) && !keep_unaligned {
            continue;
        }
        let _ = writeln!(out, "    <tu tuid=\"{i}\">");
        let _ = writeln!(out, "      <prop type=\"x-sverka-score\">{}</prop>", score(bead.score));
        let ids = format!("{}:{}", id_list(&bead.a), id_list(&bead.b));
        let _ = writeln!(out, "      <prop type=\"x-sverka-bead\">{ids}</prop>");
        tuv(&mut out, report.a.lang.code(), &joined(&report.a.sentences, &bead.a));
        tuv(&mut out, report.b.lang.code(), &joined(&report.b.sentences, &bead.b));
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

fn tuv(out: &mut String, lang: &str, text: &str) {
    let lang = escape(lang);
    if text.is_empty() {
        let _ = writeln!(out, "      <tuv xml:lang=\"{lang}\"><seg/></tuv>");
    } else {
        let _ = writeln!(out, "      <tuv xml:lang=\"{lang}\"><seg>{}</seg></tuv>", escape(text));
    }
}

/// Escapes text for XML content and attribute values.
fn escape(text: &str) -> String {
    super::markup::escape(text, super::markup::Markup::Xml)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_quotes_and_forbidden_characters() {
        assert_eq!(escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
        assert_eq!(escape("x\u{1}y\u{FFFF}z\r"), "x\u{FFFD}y\u{FFFD}z&#xD;");
        assert_eq!(escape("«Минск»\tok\n"), "«Минск»\tok\n");
    }
}
