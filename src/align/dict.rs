//! Bilingual dictionaries for the aligner's anchors: a TSV reader (`word<TAB>translation`,
//! `#` comments, several translations separated by `|` or `,`) and a dictd reader
//! (`.index` + uncompressed `.dict` data; the translations of a headword are the Cyrillic
//! words of its definition, which suits English→Russian dictionaries such as Mueller's).
//! Pure: text in, pairs out.

use super::Dictionary;

/// A line of a dictionary that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses a TSV dictionary: `A-word<TAB>B-word[|B-word…]` per line.
///
/// # Errors
/// A non-comment, non-blank line without a tab.
pub fn parse_tsv(text: &str) -> Result<Dictionary, DictError> {
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((a, b)) = line.split_once('\t') else {
            return Err(DictError { line: i + 1, message: "expected `word<TAB>translation`".into() });
        };
        let a = a.trim();
        for t in b.split(['|', ',', '\t']).map(str::trim).filter(|t| !t.is_empty()) {
            if !a.is_empty() {
                pairs.push((a.to_string(), t.to_string()));
            }
        }
    }
    Ok(Dictionary { pairs })
}

/// Decodes dictd's base64 numbers (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`).
fn b64(s: &str) -> Option<usize> {
    let mut n: usize = 0;
    for c in s.bytes() {
        let d = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n = n.checked_mul(64)?.checked_add(usize::from(d))?;
    }
    Some(n)
}

/// Parses a dictd dictionary from its index and its (decompressed) data. Each headword
/// is paired with the Cyrillic words (3+ letters) of its definition; headwords that
/// are phrases or start with `0`–`9`, `-`, `'` or `_` are skipped.
///
/// # Errors
/// A malformed index line.
pub fn parse_dictd(index: &str, data: &[u8]) -> Result<Dictionary, DictError> {
    let mut pairs = Vec::new();
    for (i, line) in index.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let err = || DictError { line: i + 1, message: "expected `headword<TAB>offset<TAB>length`".into() };
        let [head, off, len] = fields[..] else { return Err(err()) };
        let (Some(off), Some(len)) = (b64(off), b64(len)) else { return Err(err()) };
        let skip =
            head.starts_with(|c: char| !c.is_alphabetic()) || head.contains(' ') || head.starts_with('_');
        let Some(entry) = data.get(off..off.saturating_add(len)) else { continue };
        if skip {
            continue;
        }
        let entry = String::from_utf8_lossy(entry);
        let mut seen: Vec<&str> = Vec::new();
        for w in crate::text::letter_runs(&entry) {
            if w.chars().count() >= 3 && crate::text::script::starts_cyrillic(w) && !seen.contains(&w) {
                seen.push(w);
            }
        }
        pairs.extend(seen.into_iter().take(3).map(|w| (head.to_string(), w.to_string())));
    }
    Ok(Dictionary { pairs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_with_alternatives_and_comments() {
        let d = parse_tsv("# en\tru\ngovernment\tправительство|власть\n\nlake\tозеро\n").unwrap();
        assert_eq!(d.pairs.len(), 3);
        assert_eq!(d.pairs[1], ("government".to_string(), "власть".to_string()));
        assert_eq!(parse_tsv("oops\n").unwrap_err().line, 1);
    }

    #[test]
    fn dictd_entries_by_offset() {
        let data = "lake\n   озеро, пруд\nhouse\n  дом; здание\n".as_bytes();
        // "lake" entry: offset 0, length 20 bytes? compute from the text.
        let lake_len = "lake\n   озеро, пруд\n".len();
        let index =
            format!("house\t{}\t{}\nlake\tA\t{}\n", enc(lake_len), enc(data.len() - lake_len), enc(lake_len));
        let d = parse_dictd(&index, data).unwrap();
        let words: Vec<(&str, &str)> = d.pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(words, vec![("house", "дом"), ("house", "здание"), ("lake", "озеро"), ("lake", "пруд")]);
        assert!(parse_dictd("lake\t!!\tA\n", data).is_err());
    }

    fn enc(mut n: usize) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = Vec::new();
        loop {
            out.push(A[n % 64]);
            n /= 64;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap()
    }
}
