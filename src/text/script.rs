//! Scripts and character classes. [`is_cyrillic`] is the one Cyrillic test (the
//! Cyrillic and Cyrillic Supplement blocks, U+0400–U+052F). [`is_letter`] and
//! [`is_word_char`] answer exactly as `char::is_alphabetic` and `char::is_alphanumeric`
//! do, but decide ASCII and Cyrillic without the Unicode tables (they are on the hot
//! paths of segmentation, numbers and glossary matching).

/// A character of the Cyrillic or Cyrillic Supplement block (U+0400–U+052F).
pub fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{52f}').contains(&c)
}

/// Whether a word starts with a Cyrillic character.
pub fn starts_cyrillic(word: &str) -> bool {
    word.chars().next().is_some_and(is_cyrillic)
}

/// Cyrillic letters (U+0400–U+0481, U+048A–U+052F), without the signs and combining marks
/// between them.
fn is_cyrillic_letter(c: char) -> bool {
    ('\u{400}'..='\u{481}').contains(&c) || ('\u{48a}'..='\u{52f}').contains(&c)
}

/// A letter (`char::is_alphabetic`).
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { is_cyrillic_letter(c) || c.is_alphabetic() }
}

/// A letter or a digit (`char::is_alphanumeric`).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { is_cyrillic_letter(c) || c.is_alphanumeric() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_paths_answer_as_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
