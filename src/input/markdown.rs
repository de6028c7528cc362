//! Markdown to plain text: headings, paragraphs, list items and quotes keep their words
//! and lose their markup; each heading and list item is a paragraph of its own.
//!
//! Dropped: a front matter block (`---` … `---` at the top), fenced code blocks, link
//! reference definitions, horizontal rules, table separator rows, HTML comments and
//! images. Kept as text: the text of links (`[text](url)` → `text`), emphasis and code
//! spans without their markers, table cells (separated by spaces). Lines of one
//! paragraph stay on their lines.

/// The text of the Markdown document `md`: paragraphs separated by blank lines.
pub fn to_text(md: &str) -> String {
    let md = strip_comments(md);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    let mut lines = md.lines().peekable();
    if lines.peek().is_some_and(|l| l.trim_end() == "---") {
        lines.next();
        for line in lines.by_ref() {
            if matches!(line.trim_end(), "---" | "...") {
                break;
            }
        }
    }
    let flush = |current: &mut Vec<String>, paragraphs: &mut Vec<String>| {
        let text = current.join("\n");
        current.clear();
        let text = text.trim();
        if !text.is_empty() {
            paragraphs.push(text.to_string());
        }
    };
    while let Some(raw) = lines.next() {
        let line = raw.trim_start();
        if let Some(marker) = fence {
            if line.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") {
            flush(&mut current, &mut paragraphs);
            fence = Some(&line[..3]);
            continue;
        }
        let line = strip_quote(line);
        if is_table_separator(line) && !is_rule(line) {
            continue;
        }
        if line.trim().is_empty() || is_rule(line) || is_reference(line) {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if lines.peek().is_some_and(|next| is_setext_underline(next)) && current.is_empty() {
            lines.next();
            paragraphs.push(inline(line.trim()));
            continue;
        }
        if let Some(heading) = atx_heading(line) {
            flush(&mut current, &mut paragraphs);
            paragraphs.push(inline(heading));
            continue;
        }
        if let Some(item) = list_item(line) {
            flush(&mut current, &mut paragraphs);
            current.push(inline(item));
            continue;
        }
        let line = if line.starts_with('|') { line.replace('|', " ") } else { line.to_string() };
        current.push(inline(line.trim()));
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.retain(|p| !p.trim().is_empty());
    paragraphs.join("\n\n")
}

/// `md` without `<!-- … -->` comments.
fn strip_comments(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut rest = md;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

fn strip_quote(mut line: &str) -> &str {
    while let Some(rest) = line.strip_prefix('>') {
        line = rest.trim_start();
    }
    line
}

fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3 && ['-', '*', '_'].iter().any(|&c| compact.chars().all(|x| x == c))
}

fn is_setext_underline(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && (t.chars().all(|c| c == '=') || (t.len() >= 2 && t.chars().all(|c| c == '-')))
}

fn is_reference(line: &str) -> bool {
    line.starts_with('[') && line.find("]:").is_some_and(|k| !line[1..k].contains(']'))
}

fn is_table_separator(line: &str) -> bool {
    line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim_end())
}

fn list_item(line: &str) -> Option<&str> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest.trim_start());
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(rest.trim_start());
        }
    }
    None
}

/// Inline markup removed: images, links, emphasis, code spans, backslash escapes.
fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link_end(&chars, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '[' => match link_end(&chars, i) {
                Some((label_end, end)) => {
                    out.push_str(&inline(&chars[i + 1..label_end].iter().collect::<String>()));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '`' => i += 1,
            '*' => i += 1,
            '_' if emphasis_underscore(&chars, i) => i += 1,
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// For `[label](url)` or `[label][ref]` starting at `start`: the index of `]` and the
/// index just after the link.
fn link_end(chars: &[char], start: usize) -> Option<(usize, usize)> {
    let mut depth = 0;
    let mut k = start;
    let label_end = loop {
        match chars.get(k)? {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break k;
                }
            }
            _ => {}
        }
        k += 1;
    };
    let (open, close) = match chars.get(label_end + 1) {
        Some('(') => ('(', ')'),
        Some('[') => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0;
    for (k, &c) in chars.iter().enumerate().skip(label_end + 1) {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some((label_end, k + 1));
            }
        }
    }
    None
}

/// Whether the `_` at `i` opens or closes emphasis (not inside a word like `snake_case`).
fn emphasis_underscore(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|k| chars.get(k)).is_some_and(|c| c.is_alphanumeric());
    let after = chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
    !(before && after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_words_stay() {
        let md = "---\ntitle: x\n---\n# Talks resume in *Minsk*\n\nThe **first** paragraph, \
                  [a link](http://x.org/a_(b)) and `code`.\nIts second line.\n\n\
                  ![photo](a.jpg)\n\n- One item\n- Two item\n\n> Quoted text.\n\n```\nlet x = 1;\n```\n\
                  Setext title\n===\n\n---\n\n| a | b |\n|---|---|\n| c | d |\n\n[ref]: http://x.org\n\
                  <!-- a comment -->snake_case stays\n";
        assert_eq!(
            to_text(md),
            "Talks resume in Minsk\n\nThe first paragraph, a link and code.\nIts second line.\n\n\
             One item\n\nTwo item\n\nQuoted text.\n\nSetext title\n\na   b\nc   d\n\nsnake_case stays"
        );
    }

    #[test]
    fn numbers_and_plain_text_pass_through() {
        assert_eq!(to_text("2024. A year.\n\n1. First.\n2) Second."), "2024. A year.\n\nFirst.\n\nSecond.");
        assert_eq!(to_text(""), "");
    }
}
