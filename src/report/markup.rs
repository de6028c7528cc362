//! Escaping text for the HTML report and for XML (TMX): one table, two dialects. Markup
//! characters and both quotes become entities; characters neither format may carry
//! (controls, U+FFFE, U+FFFF) become U+FFFD; tabs and line breaks stay.

/// Which format the text goes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// HTML5 text and attribute values.
    Html,
    /// XML 1.0 (TMX): a carriage return is kept as `&#xD;`.
    Xml,
}

/// Appends `text` to `out`, escaped for `markup`.
pub fn escape_into(out: &mut String, text: &str, markup: Markup) {
    for c in text.chars() {
        match (c, markup) {
            ('&', _) => out.push_str("&amp;"),
            ('<', _) => out.push_str("&lt;"),
            ('>', _) => out.push_str("&gt;"),
            ('"', _) => out.push_str("&quot;"),
            ('\'', Markup::Html) => out.push_str("&#39;"),
            ('\'', Markup::Xml) => out.push_str("&apos;"),
            ('\r', Markup::Xml) => out.push_str("&#xD;"),
            ('\t' | '\n', _) => out.push(c),
            ('\u{FFFE}' | '\u{FFFF}', _) => out.push('\u{FFFD}'),
            (c, Markup::Html) if c.is_control() => out.push('\u{FFFD}'),
            (c, Markup::Xml) if c < ' ' => out.push('\u{FFFD}'),
            (c, _) => out.push(c),
        }
    }
}

/// `text` escaped for `markup`.
pub fn escape(text: &str, markup: Markup) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, markup);
    out
}
