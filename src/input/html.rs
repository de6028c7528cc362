//! HTML to plain text: the article's title, then its paragraphs, one per blank-line
//! separated block, in reading order.
//!
//! The title is the first `<h1>` of the article (else of the page), or the longest part
//! of `<title>` (a site name after ` | ` or ` - ` is dropped). The article is the
//! `<article>`, `<main>` or `role="main"` element with the most paragraph text, else the
//! element holding the most paragraph text in its own `<p>` children, else `<body>`.
//! Inside it, scripts, styles, navigation, headers, footers, asides, forms, figures and
//! elements marked hidden or named like boilerplate (`class`/`id` words such as `share`,
//! `related`, `comments`, `advert`, `breadcrumb`) are dropped. Block elements (`p`,
//! `div`, headings, list items, table cells, `br`…) end a paragraph; white space inside
//! one is collapsed. The tree is walked without recursion, and a page whose elements nest
//! deeper than [`MAX_DEPTH`] is refused before parsing (an HTML parser's work grows with
//! the square of the nesting; real pages stay under a hundred levels).

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node};

/// The deepest element nesting accepted.
pub const MAX_DEPTH: usize = 1000;

/// The title and paragraphs of `html`, separated by blank lines ("" when it has none).
///
/// # Errors
/// A message when the elements nest deeper than [`MAX_DEPTH`].
pub fn to_text(html: &str) -> Result<String, String> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(format!(
            "HTML elements nested {depth} deep (more than {MAX_DEPTH}): not an article page"
        ));
    }
    let doc = Html::parse_document(html);
    let page = doc.root_element();
    let survey = survey(page);
    let root = survey.article.and_then(|id| doc.tree.get(id)).and_then(ElementRef::wrap).unwrap_or(page);
    let walk = walk(root);
    let title = walk.heading.or(survey.heading).or_else(|| page_title(&doc));
    let mut paragraphs = walk.paragraphs;
    if let Some(title) = title {
        if let Some(at) = paragraphs.iter().position(|p| *p == title) {
            paragraphs.remove(at);
        }
        paragraphs.insert(0, title);
    }
    Ok(paragraphs.join("\n\n"))
}

/// Elements with no end tag, or whose end tag may be left out: they do not nest.
const NO_NEST: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
    "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// The deepest nesting of start tags over end tags, by a quick scan of the markup
/// (comments, scripts and styles skipped; elements of [`NO_NEST`] not counted).
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(k) = memchr_lt(&bytes[i..]) {
        i += k + 1;
        let rest = &html[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || NO_NEST.contains(&name.as_str()) {
            continue;
        }
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        if closing {
            depth = depth.saturating_sub(1);
        } else if !rest[..tag_end].ends_with("/>") {
            depth += 1;
            deepest = deepest.max(depth);
            if name == "script" || name == "style" {
                let close = format!("</{name}");
                let body = &html[i + tag_end..];
                i += tag_end + body.to_ascii_lowercase().find(&close).unwrap_or(body.len());
                continue;
            }
        }
        i += tag_end;
    }
    deepest
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Elements whose whole content is dropped.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "option",
    "iframe",
    "svg",
    "canvas",
    "figure",
    "figcaption",
    "object",
    "embed",
    "video",
    "audio",
    "map",
    "dialog",
    "menu",
    "input",
    "textarea",
    "label",
    "head",
    "title",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "br",
    "address",
    "center",
    "details",
    "summary",
    "body",
];

/// Words of `class` and `id` values that mark page furniture rather than the article.
const BOILERPLATE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "footer",
    "sidebar",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "banner",
    "promo",
    "subscribe",
    "subscription",
    "newsletter",
    "cookie",
    "cookies",
    "popup",
    "modal",
    "widget",
    "tags",
    "logo",
    "masthead",
    "brand",
    "topbar",
];

/// Whether an element and everything in it is left out.
fn skipped(el: &ElementRef<'_>) -> bool {
    SKIPPED.contains(&el.value().name()) || furniture(el)
}

/// Whether an element is hidden or named like page furniture (whatever its tag).
fn furniture(el: &ElementRef<'_>) -> bool {
    let e = el.value();
    if e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    let style = e.attr("style").unwrap_or("").to_ascii_lowercase().replace(' ', "");
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    let names = [e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")];
    names.iter().flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')).any(|word| {
        let word = word.to_ascii_lowercase();
        BOILERPLATE.contains(&word.as_str())
    })
}

/// Whether an element is left out when looking for the title: like [`skipped`], except
/// that an article's own `<header>` may hold it.
fn no_title_inside(el: &ElementRef<'_>) -> bool {
    if el.value().name() == "header" { furniture(el) } else { skipped(el) }
}

/// Skip counters of a walk: inside how many left-out elements, for the text and for the
/// title.
#[derive(Default)]
struct Skips {
    text: usize,
    title: usize,
}

impl Skips {
    fn open(&mut self, el: &ElementRef<'_>) {
        if self.text > 0 || skipped(el) {
            self.text += 1;
        }
        if self.title > 0 || no_title_inside(el) {
            self.title += 1;
        }
    }

    fn close(&mut self) {
        self.text = self.text.saturating_sub(1);
        self.title = self.title.saturating_sub(1);
    }
}

/// What one pass over the whole page finds: the article element (see the module
/// documentation) and the text of the first `<h1>` that is not page furniture.
struct Survey {
    article: Option<ego_tree::NodeId>,
    heading: Option<String>,
}

/// Paragraph text counts of an open element.
struct Counts {
    id: ego_tree::NodeId,
    is_p: bool,
    semantic: bool,
    text: usize,
    deep_p: usize,
    own_p: usize,
}

/// One pass over `page`, with paragraph text summed bottom-up (linear in the page).
fn survey(page: ElementRef<'_>) -> Survey {
    let mut skips = Skips::default();
    let mut stack: Vec<Counts> = Vec::new();
    let (mut best_semantic, mut best_parent) = ((0, None), (0, None));
    let mut heading = None;
    for edge in page.traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some(el) = ElementRef::wrap(node) {
                    skips.open(&el);
                    if heading.is_none() && skips.title == 0 && el.value().name() == "h1" {
                        heading = Some(collapse(&el.text().collect::<String>())).filter(|t| !t.is_empty());
                    }
                    if skips.text == 0 {
                        let v = el.value();
                        let semantic =
                            matches!(v.name(), "article" | "main") || v.attr("role") == Some("main");
                        let is_p = v.name() == "p";
                        stack.push(Counts { id: node.id(), is_p, semantic, text: 0, deep_p: 0, own_p: 0 });
                    }
                } else if let (Node::Text(text), 0, Some(top)) = (node.value(), skips.text, stack.last_mut())
                {
                    top.text += text.trim().len();
                }
            }
            Edge::Close(node) => {
                if node.value().as_element().is_none() {
                    continue;
                }
                let counted = skips.text == 0;
                skips.close();
                if !counted {
                    continue;
                }
                let Some(mut done) = stack.pop() else { continue };
                if done.is_p {
                    done.deep_p += done.text;
                }
                if done.semantic && done.deep_p > best_semantic.0 {
                    best_semantic = (done.deep_p, Some(done.id));
                }
                if done.own_p > best_parent.0 {
                    best_parent = (done.own_p, Some(done.id));
                }
                if let Some(parent) = stack.last_mut() {
                    parent.text += done.text;
                    parent.deep_p += done.deep_p;
                    if done.is_p {
                        parent.own_p += done.text;
                    }
                }
            }
        }
    }
    Survey { article: best_semantic.1.or(best_parent.1), heading }
}

/// The longest part of `<title>` split at the usual site-name separators.
fn page_title(doc: &Html) -> Option<String> {
    let title = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "title")?;
    let text = collapse(&title.text().collect::<String>());
    let mut parts = vec![text.as_str()];
    for sep in [" | ", " – ", " — ", " - ", " :: "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .filter(|p| !p.is_empty())
        .map(String::from)
}

/// The paragraphs of the article and the first `<h1>` in it that may be its title.
struct Walk {
    paragraphs: Vec<String>,
    heading: Option<String>,
}

/// The paragraphs of `root`, in order.
fn walk(root: ElementRef<'_>) -> Walk {
    let mut skips = Skips::default();
    let mut current = String::new();
    let mut out = Walk { paragraphs: Vec::new(), heading: None };
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let text = collapse(current);
        current.clear();
        if !text.is_empty() {
            out.push(text);
        }
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some(el) = ElementRef::wrap(node) {
                    skips.open(&el);
                    if out.heading.is_none() && skips.title == 0 && el.value().name() == "h1" {
                        out.heading =
                            Some(collapse(&el.text().collect::<String>())).filter(|t| !t.is_empty());
                    }
                    if skips.text == 0 && BLOCKS.contains(&el.value().name()) {
                        flush(&mut current, &mut out.paragraphs);
                    }
                } else if let (Node::Text(text), 0) = (node.value(), skips.text) {
                    current.push_str(text);
                }
            }
            Edge::Close(node) => {
                if let Some(el) = ElementRef::wrap(node) {
                    let counted = skips.text == 0;
                    skips.close();
                    if counted && BLOCKS.contains(&el.value().name()) {
                        flush(&mut current, &mut out.paragraphs);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut out.paragraphs);
    out
}

/// White space collapsed to single spaces, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_page_keeps_title_and_paragraphs_only() {
        let page = r#"<!DOCTYPE html><html><head><title>Talks resume | Wire</title>
            <script>var x = "<p>not text</p>";</script><style>p{color:red}</style></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <header class="site-header"><h1 class="logo">Wire</h1></header>
            <div class="share-buttons">Share on X</div>
            <article><header><h1>Talks  resume in Minsk</h1><p class="byline">By A. Writer</p></header>
              <p>The first   paragraph &amp; its <b>bold</b> word.</p>
              <figure><img src="a.jpg"/><figcaption>A photo caption.</figcaption></figure>
              <p>Second paragraph.<br>After a break.</p>
              <div class="related-news"><p>Read also: something else.</p></div>
              <ul><li>One item.</li><li>Two item.</li></ul>
            </article>
            <aside><p>Most read: unrelated.</p></aside>
            <footer><p>© Wire 2024</p></footer></body></html>"#;
        assert_eq!(
            to_text(page).expect("an article"),
            "Talks resume in Minsk\n\nThe first paragraph & its bold word.\n\nSecond paragraph.\n\n\
             After a break.\n\nOne item.\n\nTwo item."
        );
    }

    #[test]
    fn without_article_markup_the_densest_paragraph_parent_wins() {
        let page = "<html><head><title>Minsk talks - Site</title></head><body>\
            <div class=\"menu\"><p>Home</p><p>About</p></div>\
            <div id=\"text\"><p>Paragraph one is here.</p><p>Paragraph two is here.</p></div>\
            <div><p>Short.</p></div></body></html>";
        assert_eq!(
            to_text(page).expect("a page"),
            "Minsk talks\n\nParagraph one is here.\n\nParagraph two is here."
        );
    }

    #[test]
    fn hidden_and_unclosed_markup_is_handled() {
        let page = "<body><p>One<p>Two<div hidden>secret</div><p style=\"display: none\">gone</p>\
                    <p aria-hidden=\"true\">also gone</p>";
        assert_eq!(to_text(page).expect("a page"), "One\n\nTwo");
        assert_eq!(to_text("").expect("empty"), "");
        assert_eq!(to_text("plain words").expect("text"), "plain words");
        let unclosed = "<p>x".repeat(5000);
        assert_eq!(to_text(&unclosed).expect("unclosed paragraphs nest nothing").matches('x').count(), 5000);
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing_and_moderate_nesting_works() {
        let nested = |n: usize| format!("{}<p>deep</p>{}", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(to_text(&nested(MAX_DEPTH)).expect("deep but allowed"), "deep");
        let err = to_text(&nested(50_000)).expect_err("too deep");
        assert!(err.contains("nested 50000 deep"), "{err}");
        let script = format!("<script>{}</script><p>ok</p>", "<div>".repeat(5000));
        assert_eq!(to_text(&script).expect("script bodies are not markup"), "ok");
    }
}
