//! Transliteration of Russian and Belarusian into Latin script under named systems
//! (tables in `src/translit/data/`, context rules in code), and cross-script name
//! matching used by the aligner and the checker.
//!
//! # Transliteration
//! Each system is a data file in `src/translit/data/` (`KEY<TAB>OUT` lines per language,
//! letters with optional context: after/before a set of letters, word start or end,
//! letter sequences), parsed once on first use. Capitalisation follows the input: an
//! upper-case letter gives `Zh` before a lower-case letter and `ZH` in an upper-case word.
//!
//! # Name matching
//! [`name_similarity`] scores how plausibly a Latin word renders a Cyrillic one under any
//! system or English convention. Both sides are reduced to a coarse phonetic key (Latin
//! `zh`/`ž`, Cyrillic `ж` → one symbol; `ya`/`ia`/`ja`/`я` → the same two; `y`/`i`/`j`/`й`/`ы`
//! → one vowel; doubled symbols collapsed); Cyrillic inflectional endings and Latin final
//! vowels may be cut; a weighted edit distance (cheap for `g`/`h`, `a`/`o`, `e`/`i`, `ё`/`e`,
//! `ў`/`w`/`u`…) gives the score. Known pairs that no rule explains (`Киев`/`Kyiv`,
//! `Москва`/`Moscow`, `Владимир`/`Volodymyr`) come from `data/conventional.tsv`.
//! Callers comparing many pairs should build [`NameKey`]s once and call
//! [`NameKey::similarity`]: it allocates nothing.

use crate::model::Lang;

mod name;
mod table;
mod variants;

pub use name::NameKey;

/// A romanisation system (IDs as on the command line, see `System::id`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum System {
    /// BGN/PCGN (Russian 1947, Belarusian 1979). `bgn-pcgn`
    BgnPcgn,
    /// ISO 9:1995. `iso9`
    Iso9,
    /// GOST 7.79-2000 system B. `gost-7.79-b`
    Gost779B,
    /// ICAO Doc 9303 (passports). `icao-9303`
    Icao9303,
    /// ALA-LC. `ala-lc`
    AlaLc,
    /// Simplified news/Wikipedia. `wikipedia`
    Wikipedia,
    /// Belarusian national 2007 (diacritics). `by-2007`
    By2007,
    /// Belarusian 2023 instruction. `by-2023`
    By2023,
    /// MVD 2010 (Belarus passports). `mvd-2010`
    Mvd2010,
    /// UN (UNGEGN). `un`
    Un,
}

impl System {
    /// All systems.
    pub const ALL: [System; 10] = [
        System::BgnPcgn,
        System::Iso9,
        System::Gost779B,
        System::Icao9303,
        System::AlaLc,
        System::Wikipedia,
        System::By2007,
        System::By2023,
        System::Mvd2010,
        System::Un,
    ];
    /// The command-line ID.
    pub fn id(self) -> &'static str {
        match self {
            System::BgnPcgn => "bgn-pcgn",
            System::Iso9 => "iso9",
            System::Gost779B => "gost-7.79-b",
            System::Icao9303 => "icao-9303",
            System::AlaLc => "ala-lc",
            System::Wikipedia => "wikipedia",
            System::By2007 => "by-2007",
            System::By2023 => "by-2023",
            System::Mvd2010 => "mvd-2010",
            System::Un => "un",
        }
    }
    /// Index of the system's table (order of `System::ALL`).
    fn index(self) -> usize {
        System::ALL.iter().position(|&s| s == self).unwrap_or(0)
    }
    /// A one-line description of the system.
    pub fn describe(self) -> &'static str {
        match self {
            System::BgnPcgn => "BGN/PCGN: Russian 1947, Belarusian 1979",
            System::Iso9 => "ISO 9:1995 (= GOST 7.79-2000 system A), with diacritics",
            System::Gost779B => "GOST 7.79-2000 system B, ASCII with backticks",
            System::Icao9303 => "ICAO Doc 9303, machine-readable passports",
            System::AlaLc => "ALA-LC (Library of Congress), with diacritics and ligature ties",
            System::Wikipedia => "simplified English Wikipedia / news style",
            System::By2007 => "Belarusian national system 2007 (UN 2007), with diacritics",
            System::By2023 => "Belarusian instruction 2023 (g, zh, w, ch, sh)",
            System::Mvd2010 => "Belarusian passports (MVD 2010)",
            System::Un => "UNGEGN: Russian 1987, Belarusian 2007",
        }
    }
    /// Parses a command-line ID.
    pub fn from_id(id: &str) -> Option<System> {
        System::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Transliterates `text` (Russian or Belarusian per `lang`; any other language uses the
/// Russian table) under `system`. Characters the system does not cover (Latin, digits,
/// punctuation) pass through; capitalisation follows the input.
pub fn transliterate(text: &str, lang: &Lang, system: System) -> String {
    table::table(system.index(), lang.code() == "be").apply(text)
}

/// How plausibly the Latin word `latin` renders the Cyrillic word `cyrillic` under any
/// system or common English convention, in [0, 1]; robust to case endings on the Cyrillic
/// side. Roughly: ≥ 0.85 the same name, 0.7–0.85 maybe, < 0.7 a different name.
/// For many pairs, prepare [`NameKey`]s once instead.
pub fn name_similarity(cyrillic: &str, latin: &str) -> f64 {
    NameKey::from_cyrillic(cyrillic).similarity(&NameKey::from_latin(latin))
}

/// English spellings that systems and outlets produce for a Cyrillic name (one or more
/// words), most common news forms first, without duplicates.
pub fn english_variants(cyrillic: &str, lang: &Lang) -> Vec<String> {
    variants::english_variants(cyrillic, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for s in System::ALL {
            assert_eq!(System::from_id(s.id()), Some(s));
            assert!(!s.describe().is_empty());
        }
        assert_eq!(System::from_id("bgn"), None);
    }

    #[test]
    fn capitalisation_follows_the_input() {
        let ru = Lang::ru();
        assert_eq!(transliterate("Жуков", &ru, System::BgnPcgn), "Zhukov");
        assert_eq!(transliterate("ЖУКОВ", &ru, System::BgnPcgn), "ZHUKOV");
        assert_eq!(transliterate("Щукин", &ru, System::Wikipedia), "Shchukin");
        assert_eq!(transliterate("Юрий Щукин", &ru, System::AlaLc), "I͡Uriĭ Shchukin");
    }

    #[test]
    fn context_rules_apply() {
        let (ru, be) = (Lang::ru(), Lang::be());
        assert_eq!(transliterate("Елена Андреева", &ru, System::BgnPcgn), "Yelena Andreyeva");
        assert_eq!(transliterate("Зеленский", &ru, System::Wikipedia), "Zelensky");
        assert_eq!(transliterate("Гродна", &be, System::BgnPcgn), "Hrodna");
        assert_eq!(transliterate("Гродно", &ru, System::BgnPcgn), "Grodno");
        assert_eq!(transliterate("Вераб'ёвічы", &be, System::By2007), "Vierabjovičy");
        assert_eq!(transliterate("Вераб'ёвічы", &be, System::By2023), "Vierabjovichy");
    }

    #[test]
    fn non_cyrillic_passes_through() {
        let s = "BelTA, 25.10.2024 — «ok»";
        for sys in System::ALL {
            assert_eq!(transliterate(s, &Lang::ru(), sys), s);
        }
    }
}
