//! Words of a text with their byte spans: runs of letters and digits, an apostrophe
//! between two Cyrillic letters kept inside (Belarusian `сям'я`). [`letter_runs`] cuts
//! them further into runs of letters only, as the anchors compare them.

use super::fold::fold_case;
use super::script::{is_cyrillic, is_letter, is_word_char};
use std::ops::Range;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// The word folded for matching ([`fold_case`]).
    pub norm: String,
    /// Its first letter is upper case.
    pub capital: bool,
    /// It is the first word of the text (its capital says nothing).
    pub initial: bool,
}

/// A straight or typographic apostrophe.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for span in word_spans(text) {
        let w = &text[span.clone()];
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        out.push(Word { norm: fold_case(w), capital, initial: out.is_empty(), span });
    }
    out
}

/// Byte spans of the words of `text`.
pub fn word_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner_apostrophe = is_apostrophe(c)
            && start.is_some()
            && prev.is_some_and(is_cyrillic)
            && iter.peek().is_some_and(|&(_, n)| is_cyrillic(n));
        if is_word_char(c) || inner_apostrophe {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// The maximal runs of letters of `text` (digits and apostrophes cut them).
pub fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_letter(c)).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_cyrillic_apostrophes_and_letter_runs_cut_them() {
        let text = "Сям'я Lukashenko's G20-summit";
        let got: Vec<&str> = words(text).iter().map(|w| &text[w.span.clone()]).collect();
        assert_eq!(got, ["Сям'я", "Lukashenko", "s", "G20", "summit"]);
        let runs: Vec<&str> = letter_runs(text).collect();
        assert_eq!(runs, ["Сям", "я", "Lukashenko", "s", "G", "summit"]);
        assert!(words(text)[0].initial && words(text)[0].capital && !words(text)[1].initial);
    }
}
