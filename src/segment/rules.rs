//! Per-language segmentation data: abbreviations with their class and the words that
//! commonly open a sentence. The data lives in `data/*.tsv` / `data/*.txt` (sorted,
//! unique, one entry per line, `#` comments) and is parsed once per process.
//!
//! Abbreviation keys are lowercase, without the final period, and with the inner
//! periods of multi-part abbreviations kept but spaces dropped: `т. д.` → `т.д`.

use crate::model::Lang;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What a period after an abbreviation means for the sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Never ends a sentence (`Mr.`, `Dr.`, `i.e.`, `ул.`, `т. е.`).
    Title,
    /// Does not end a sentence before a number (`Oct. 25`, `No. 5`, `ст. 12`); otherwise
    /// like [`Class::Final`].
    BeforeNumber,
    /// Commonly ends a sentence: ends it when the next word is capitalised (`etc.`,
    /// `т. д.`, `руб.`).
    Final,
    /// Often inside a sentence before a capitalised name (`U.S. President`, `St.
    /// Petersburg`): ends the sentence only when the next word is a common sentence
    /// opener (`The`, `In`, `Далее`).
    Ambiguous,
    /// After a number it is [`Class::Ambiguous`] (`в 2024 г. Далее` ends a sentence,
    /// `в 2024 г. Беларусь` does not), elsewhere a [`Class::Title`] (`г. Минск`).
    AfterNumber,
}

impl Class {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "title" => Class::Title,
            "before-number" => Class::BeforeNumber,
            "final" => Class::Final,
            "ambiguous" => Class::Ambiguous,
            "after-number" => Class::AfterNumber,
            _ => return None,
        })
    }
}

/// The rules of one language.
#[derive(Debug, Default)]
pub struct Rules {
    abbrevs: HashMap<Box<str>, Class>,
    starters: HashSet<Box<str>>,
    /// Most parts (period-separated pieces) of any abbreviation key.
    pub max_parts: usize,
    /// Longest abbreviation key, in chars (longer words need no look-up).
    pub max_key_chars: usize,
}

impl Rules {
    /// The class of an abbreviation key (see the module doc for the key form).
    pub fn class(&self, key: &str) -> Option<Class> {
        self.abbrevs.get(key).copied()
    }

    /// Whether `word` (as written, capitalised) commonly opens a sentence.
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

/// The raw data files, by name, for the consistency tests.
pub const DATA_FILES: &[(&str, &str)] = &[
    ("en-abbrev.tsv", include_str!("data/en-abbrev.tsv")),
    ("en-starters.txt", include_str!("data/en-starters.txt")),
    ("ru-abbrev.tsv", include_str!("data/ru-abbrev.tsv")),
    ("ru-starters.txt", include_str!("data/ru-starters.txt")),
    ("be-abbrev.tsv", include_str!("data/be-abbrev.tsv")),
    ("be-starters.txt", include_str!("data/be-starters.txt")),
    ("uk-abbrev.tsv", include_str!("data/uk-abbrev.tsv")),
    ("uk-starters.txt", include_str!("data/uk-starters.txt")),
    ("neutral-abbrev.tsv", include_str!("data/neutral-abbrev.tsv")),
];

fn data(name: &str) -> &'static str {
    DATA_FILES.iter().find(|(n, _)| *n == name).map_or("", |(_, text)| text)
}

/// Non-comment, non-empty lines of a data file.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn build(abbrev: &str, starters: &str) -> Rules {
    let mut rules = Rules::default();
    for line in entries(abbrev) {
        let (key, class) = line.split_once('\t').unwrap_or((line, ""));
        // The data files are tested to parse; an unknown class would be a build defect.
        let class = Class::parse(class.trim()).unwrap_or(Class::Final);
        rules.max_parts = rules.max_parts.max(key.split('.').count());
        rules.max_key_chars = rules.max_key_chars.max(key.chars().count());
        rules.abbrevs.insert(key.into(), class);
    }
    rules.starters = entries(starters).map(Into::into).collect();
    rules
}

/// The rules for `lang`: English, Russian, Belarusian and Ukrainian have their own;
/// every other language gets the language-neutral set (a few international
/// abbreviations).
pub fn for_lang(lang: &Lang) -> &'static Rules {
    static EN: OnceLock<Rules> = OnceLock::new();
    static RU: OnceLock<Rules> = OnceLock::new();
    static BE: OnceLock<Rules> = OnceLock::new();
    static UK: OnceLock<Rules> = OnceLock::new();
    static NEUTRAL: OnceLock<Rules> = OnceLock::new();
    match lang.code() {
        "en" => EN.get_or_init(|| build(data("en-abbrev.tsv"), data("en-starters.txt"))),
        "ru" => RU.get_or_init(|| build(data("ru-abbrev.tsv"), data("ru-starters.txt"))),
        "be" => BE.get_or_init(|| build(data("be-abbrev.tsv"), data("be-starters.txt"))),
        "uk" => UK.get_or_init(|| build(data("uk-abbrev.tsv"), data("uk-starters.txt"))),
        _ => NEUTRAL.get_or_init(|| build(data("neutral-abbrev.tsv"), "")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_sorted_unique_and_well_formed() {
        for (name, text) in DATA_FILES {
            let keys: Vec<&str> = entries(text).map(|l| l.split('\t').next().unwrap_or(l)).collect();
            assert!(!keys.is_empty(), "{name} is empty");
            for pair in keys.windows(2) {
                assert!(pair[0] < pair[1], "{name}: '{}' must come before '{}' and once", pair[1], pair[0]);
            }
            if name.ends_with(".tsv") {
                for line in entries(text) {
                    let (key, class) = line.split_once('\t').expect("key<TAB>class");
                    assert!(Class::parse(class).is_some(), "{name}: bad class in '{line}'");
                    assert_eq!(key, key.to_lowercase(), "{name}: keys are lowercase: '{key}'");
                    assert!(!key.contains(' ') && !key.ends_with('.'), "{name}: key form: '{key}'");
                }
            } else {
                for word in entries(text) {
                    assert!(word.chars().next().is_some_and(char::is_uppercase), "{name}: '{word}'");
                }
            }
        }
    }

    #[test]
    fn languages_get_their_own_rules() {
        assert_eq!(for_lang(&Lang::en()).class("u.s"), Some(Class::Ambiguous));
        assert_eq!(for_lang(&Lang::ru()).class("т.д"), Some(Class::Final));
        assert_eq!(for_lang(&Lang::be()).class("г.зн"), Some(Class::Title));
        assert_eq!(for_lang(&Lang::parse("de").expect("de")).class("z.b"), Some(Class::Title));
        assert!(for_lang(&Lang::ru()).is_starter("Далее"));
        assert!(!for_lang(&Lang::en()).is_starter("President"));
    }
}
