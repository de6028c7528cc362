//! Transliteration of Russian and Belarusian into Latin script under named systems
//! (tables in `src/translit/data/`, context rules in code), and cross-script name
//! matching used by the aligner and the checker.
//!
//! OWNER: issue 4. The skeleton has a single naive table and a naive matcher.

use crate::model::Lang;

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
    /// Parses a command-line ID.
    pub fn from_id(id: &str) -> Option<System> {
        System::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Transliterates `text` (Russian or Belarusian per `lang`) under `system`; non-Cyrillic
/// characters pass through; capitalisation follows the input.
pub fn transliterate(text: &str, lang: &Lang, system: System) -> String {
    let _ = (lang, system);
    text.chars().map(naive).collect()
}

fn naive(c: char) -> String {
    const T: [(&str, &str); 33] = [
        ("а", "a"),
        ("б", "b"),
        ("в", "v"),
        ("г", "g"),
        ("д", "d"),
        ("е", "e"),
        ("ё", "e"),
        ("ж", "zh"),
        ("з", "z"),
        ("и", "i"),
        ("й", "y"),
        ("к", "k"),
        ("л", "l"),
        ("м", "m"),
        ("н", "n"),
        ("о", "o"),
        ("п", "p"),
        ("р", "r"),
        ("с", "s"),
        ("т", "t"),
        ("у", "u"),
        ("ф", "f"),
        ("х", "kh"),
        ("ц", "ts"),
        ("ч", "ch"),
        ("ш", "sh"),
        ("щ", "shch"),
        ("ъ", ""),
        ("ы", "y"),
        ("ь", ""),
        ("э", "e"),
        ("ю", "yu"),
        ("я", "ya"),
    ];
    let lower: String = c.to_lowercase().collect();
    match T.iter().find(|(k, _)| *k == lower) {
        Some((_, v)) if c.is_uppercase() => {
            let mut it = v.chars();
            it.next().map(|f| f.to_uppercase().chain(it).collect()).unwrap_or_default()
        }
        Some((_, v)) => (*v).to_string(),
        None => c.to_string(),
    }
}

/// How plausibly the Latin word `latin` renders the Cyrillic word `cyrillic` under any
/// system or common English convention, in [0, 1]; robust to case endings.
pub fn name_similarity(cyrillic: &str, latin: &str) -> f64 {
    let t = transliterate(cyrillic, &Lang::ru(), System::BgnPcgn).to_lowercase();
    let l = latin.to_lowercase();
    let common = t.chars().zip(l.chars()).take_while(|(x, y)| x == y).count();
    let len = t.chars().count().max(l.chars().count()).max(1);
    common as f64 / len as f64
}

/// English spellings that systems and outlets produce for a Cyrillic name.
pub fn english_variants(cyrillic: &str, lang: &Lang) -> Vec<String> {
    vec![transliterate(cyrillic, lang, System::BgnPcgn)]
}
