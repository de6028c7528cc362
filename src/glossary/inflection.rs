//! Ending tables for Russian and Belarusian nouns, adjectives and surnames, and the
//! stemming that inflection-aware matching rests on: a glossary lemma is cut to a stem
//! by removing its longest known ending (the stem keeps at least three letters), and
//! a word of the text matches when it is the stem or the whole lemma followed by a
//! known ending (or nothing).
//!
//! The tables are data, not a morphological analyser: they over-accept a little
//! (`Лаврова` is accepted for `Лавров`, as it should be) and rely on the glossary for
//! irregular stems (`Орёл|Орла`, `Магілёў|Магілёва`).

use crate::text::FastSet;
use crate::text::tables::{Ending, endings};
use std::sync::OnceLock;

/// Longest ending in the tables, in chars.
pub const MAX_ENDING: usize = 4;

/// Which ending table to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tongue {
    /// Russian.
    Ru,
    /// Belarusian.
    Be,
}

/// The case endings of `tongue` (`text/data/endings.tsv`).
fn table(tongue: Tongue) -> &'static FastSet<&'static str> {
    static RU: OnceLock<FastSet<&'static str>> = OnceLock::new();
    static BE: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let (cell, wanted): (_, fn(&Ending) -> bool) = match tongue {
        Tongue::Ru => (&RU, |e| e.ru),
        Tongue::Be => (&BE, |e| e.be),
    };
    cell.get_or_init(|| endings().iter().filter(|e| wanted(e)).map(|e| e.ending).collect())
}

/// Whether `suffix` is empty or a known ending.
pub fn is_ending(suffix: &str, tongue: Tongue) -> bool {
    suffix.is_empty() || table(tongue).contains(suffix)
}

pub use crate::text::fold::fold_case as normalise;

/// Endings never cut from a lemma: in a lemma they are part of a surname or a place
/// name (`Лавров`, `Львов`, `Барысаў`), not a case ending.
const NOT_CUT: [&str; 4] = ["ов", "ев", "аў", "яў"];

/// The stem of a normalised lemma word: the lemma less its longest known ending, the
/// stem keeping at least three letters; the lemma itself when nothing can go.
pub fn stem(lemma: &str, tongue: Tongue) -> String {
    let chars: Vec<char> = lemma.chars().collect();
    for cut in (1..=MAX_ENDING.min(chars.len())).rev() {
        let keep = chars.len() - cut;
        if keep < 3 {
            continue;
        }
        let suffix: String = chars[keep..].iter().collect();
        if NOT_CUT.contains(&suffix.as_str()) {
            continue;
        }
        if table(tongue).contains(suffix.as_str()) {
            return chars[..keep].iter().collect();
        }
    }
    lemma.to_string()
}

/// Keys a text word may start with for the lemma word `lemma`: the lemma first, then
/// every stem left by cutting a known ending (at least three letters kept: `Сергей`
/// gives `серге` and `серг`), and for a Belarusian final `ў` the `в` it alternates
/// with (`Лаўроў` → `Лаўрова`).
pub fn keys(lemma: &str, tongue: Tongue) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let chars: Vec<char> = lemma.chars().collect();
    for cut in 1..=MAX_ENDING.min(chars.len()) {
        let keep = chars.len() - cut;
        let suffix: String = chars[keep..].iter().collect();
        if keep >= 3 && !NOT_CUT.contains(&suffix.as_str()) && table(tongue).contains(suffix.as_str()) {
            out.push(chars[..keep].iter().collect());
        }
    }
    if let Some(base) = lemma.strip_suffix('ў') {
        out.push(format!("{base}в"));
    }
    out
}

/// Endings that make a text word the feminine form of the masculine surname `lemma`
/// (normalised), so that `Зеленская` (`Елена Зеленская`) is not taken for `Зеленский`:
/// `-ая`, `-ую`, `-ой`, `-ою` after an adjectival `-ий`/`-ый`; `-ая`, `-ую` after `-ой`
/// (`Толстой` is also the feminine genitive); `-ой`, `-ою` after `-ов`/`-ев`/`-ин`/`-ын`
/// (`Лаврова` stays: it is also the masculine genitive). Belarusian alike (`Зяленскі` →
/// `Зяленская`, `Лаўроў` → `Лаўровай`). Empty for other lemmas.
pub fn feminine_endings(lemma: &str, tongue: Tongue) -> &'static [&'static str] {
    let ends = |set: &[&str]| set.iter().any(|e| lemma.ends_with(e));
    match tongue {
        Tongue::Ru if ends(&["ий", "ый"]) => &["ая", "ую", "ой", "ою"],
        Tongue::Ru if ends(&["ой"]) => &["ая", "ую"],
        Tongue::Ru if ends(&["ов", "ев", "ин", "ын"]) => &["ой", "ою"],
        Tongue::Be if ends(&["скі", "цкі", "ы"]) => &["ая", "ую", "ай"],
        Tongue::Be if ends(&["оў", "аў", "еў", "ін", "ын"]) => &["ай", "ой"],
        _ => &[],
    }
}

/// The ways a normalised text word can split into (candidate stem, ending): every
/// split whose ending is empty or known, longest stem first.
pub fn splits(word: &str, tongue: Tongue) -> impl Iterator<Item = &str> {
    let cuts = word.char_indices().rev().take(MAX_ENDING).map(|(i, _)| i);
    let stems = cuts.filter(move |&i| i > 0 && is_ending(&word[i..], tongue)).map(|i| &word[..i]);
    std::iter::once(word).chain(stems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_the_longest_ending() {
        assert_eq!(stem("зеленский", Tongue::Ru), "зеленск");
        assert_eq!(stem("курская", Tongue::Ru), "курск");
        assert_eq!(stem("путин", Tongue::Ru), "путин");
        assert_eq!(stem("киев", Tongue::Ru), "киев");
        assert_eq!(stem("лукашэнка", Tongue::Be), "лукашэнк");
    }

    #[test]
    fn normalising_lowercases_every_script_and_folds_yo() {
        assert_eq!(normalise("ЗЕЛЁНЫЙ Ўзмоцнены ІВАН Kursk’s Ѐ Ÿ"), "зеленый ўзмоцнены іван kursk's ѐ ÿ");
        for c in ('\u{400}'..='\u{42f}').chain('A'..='Z') {
            let expected: String = c.to_lowercase().map(|c| if c == 'ё' { 'е' } else { c }).collect();
            assert_eq!(normalise(&c.to_string()), expected, "{c}");
        }
    }

    #[test]
    fn feminine_endings_of_masculine_surnames() {
        assert_eq!(feminine_endings("зеленский", Tongue::Ru), &["ая", "ую", "ой", "ою"]);
        assert_eq!(feminine_endings("лавров", Tongue::Ru), &["ой", "ою"]);
        assert!(feminine_endings("лукашенко", Tongue::Ru).is_empty());
        assert!(feminine_endings("зяленскі", Tongue::Be).contains(&"ая"));
        assert!(feminine_endings("лукашэнка", Tongue::Be).is_empty());
    }

    #[test]
    fn splits_offer_every_known_ending() {
        let s: Vec<&str> = splits("зеленского", Tongue::Ru).collect();
        assert!(s.contains(&"зеленск"));
        assert!(s.contains(&"зеленского"));
        assert!(!s.contains(&"зеленс"));
    }
}
