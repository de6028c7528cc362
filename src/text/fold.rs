//! Folding words for comparison: [`fold_case`] (lower case, `ё` → `е`, one apostrophe)
//! for glossary matching, and [`fold_word`], which also folds Latin diacritics
//! (`expédition` → `expedition`) for anchors between languages. [`to_lower`] is
//! `char::to_lowercase` without the Unicode tables for ASCII and basic Cyrillic.

/// Lower case with `ё` → `е` and typographic apostrophes unified (`’`, `ʼ`, `` ` `` →
/// `'`): the form glossary terms are matched in.
pub fn fold_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_case_into(word, &mut out);
    out
}

/// [`fold_case`], appended to `out`.
pub fn fold_case_into(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' => out.push(c),
            'А'..='Я' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
            'Ё' | 'ё' => out.push('е'),
            'Ѐ'..='Џ' => out.push(char::from_u32(u32::from(c) + 0x50).unwrap_or(c)),
            'а'..='я' | 'ѐ'..='џ' => out.push(c),
            '’' | 'ʼ' | '`' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Lower case with Latin diacritics folded (`é` → `e`, `ß` → `ss`, `ł` → `l`) and `ё` →
/// `е`: the form word anchors are compared in across languages.
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(to_lower) {
        match fold_diacritic(c) {
            "" => out.push(c),
            f => out.push_str(f),
        }
    }
    out
}

/// The lower case of `c`, as [`char::to_lowercase`] gives it: ASCII and the basic
/// Cyrillic letters (U+0400–U+045F) directly, other characters from the Unicode tables.
pub fn to_lower(c: char) -> Lower {
    let direct = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(u32::from(c) + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(u32::from(c) + 0x50).unwrap_or(c),
        c if c.is_ascii() || ('а'..='џ').contains(&c) => c,
        c => return Lower::Table(c.to_lowercase()),
    };
    Lower::Direct(Some(direct))
}

/// The characters of [`to_lower`].
pub enum Lower {
    /// One character, found without the tables.
    Direct(Option<char>),
    /// From the Unicode tables.
    Table(std::char::ToLowercase),
}

impl Iterator for Lower {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Lower::Direct(c) => c.take(),
            Lower::Table(t) => t.next(),
        }
    }
}

/// The plain letters of a lower-case letter with a diacritic (`""` if it has none).
fn fold_diacritic(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'ç' | 'č' | 'ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ð' => "d",
        'š' | 'ś' => "s",
        'ž' | 'ź' | 'ż' => "z",
        'ł' => "l",
        'ř' => "r",
        'ё' => "е",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_lower_answers_as_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(to_lower(c).eq(c.to_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn folds() {
        assert_eq!(fold_case("Зелёный Ў’s"), "зеленый ў's");
        assert_eq!(fold_word("Expédition"), "expedition");
        assert_eq!(fold_word("Straße"), "strasse");
        assert_eq!(fold_word("Ёлка"), "елка");
    }
}
