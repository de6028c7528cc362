//! Language detection limited to the languages we handle: English, Russian,
//! Belarusian and Ukrainian, or the candidates the caller names (`--langs`); and the
//! codes sverka accepts where a language is named ([`KNOWN`], [`parse_known`]).
//!
//! Owns: the choice of one language for a text. Cheap evidence first: a text with no
//! Cyrillic letters is English (when English is a candidate) and lingua is never
//! called; a Cyrillic letter inventory that only one of ru/be/uk uses decides alone
//! (`ў` and `і` without `и`/`щ`/`ъ` is Belarusian; `ї`, `є`, `ґ` without `ы`/`э`/`ъ`
//! is Ukrainian; `и`/`ъ` without `і`/`ў`/`ї`/`є`/`ґ` is Russian). Only mixed or
//! unclear texts go to the `lingua` detector, built once per process and run on a
//! sample (the first few KB) of long texts.

use crate::model::Lang;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;

/// Languages a caller may name (`--lang`, `--langs`, a manifest's `langs`, the Python
/// package): en, ru, be first (their own segmentation rules), then those that get the
/// language-neutral rules.
pub const KNOWN: &[&str] = &[
    "en", "ru", "be", "uk", "bg", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fr", "ga", "gl",
    "hr", "hu", "is", "it", "kk", "lt", "lv", "mk", "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sq",
    "sr", "sv", "tr",
];

/// Parses `code` as a language of any kind when the texts are presegmented (`--langs
/// zh,en`: lengths in characters, no segmentation needed), else as one of the [`KNOWN`]
/// languages; `what` names the option in the error.
///
/// # Errors
/// [`crate::Error::Invalid`] naming `what` and the code, and saying what to do.
pub fn parse_for(code: &str, what: &str, presegmented: bool) -> crate::Result<Lang> {
    match Lang::parse(code) {
        Some(lang) if presegmented || KNOWN.contains(&lang.code()) => Ok(lang),
        Some(lang) => Err(crate::Error::Invalid(format!(
            "{what}: sverka cannot split '{}' text into sentences; give both texts one sentence per line and add \
             --presegmented, or use one of en, ru, be, {}",
            lang.code(),
            KNOWN[3..].join(", ")
        ))),
        None => parse_known(code, what),
    }
}

/// Parses `code` as one of the [`KNOWN`] languages; `what` names the option in the error.
///
/// # Errors
/// [`crate::Error::Invalid`] naming `what`, the code and the languages accepted.
pub fn parse_known(code: &str, what: &str) -> crate::Result<Lang> {
    match Lang::parse(code) {
        Some(lang) if KNOWN.contains(&lang.code()) => Ok(lang),
        _ => Err(crate::Error::Invalid(format!(
            "{what}: unknown language '{code}'; use en, ru or be (own rules), or one of {} \
             (language-neutral rules)",
            KNOWN[3..].join(", ")
        ))),
    }
}

/// How much of a long text is looked at (bytes, cut at a char boundary).
pub const SAMPLE_BYTES: usize = 4096;

/// Detects the language of `text` among `candidates` (empty = en, ru, be, uk).
/// Returns `None` when the text has no letters, or when no candidate is written in
/// the text's script.
pub fn detect(text: &str, candidates: &[Lang]) -> Option<Lang> {
    let default = [Lang::en(), Lang::ru(), Lang::be(), Lang::uk()];
    let candidates = if candidates.is_empty() { &default[..] } else { candidates };
    let sample = sample(text);
    let letters = Letters::count(sample);
    if letters.cyrillic == 0 && letters.other == 0 {
        return None;
    }
    if letters.cyrillic <= letters.other {
        let english = candidates.iter().find(|l| l.code() == "en");
        return english.or_else(|| candidates.iter().find(|l| !l.is_cyrillic())).cloned();
    }
    let cyrillic: Vec<&Lang> = candidates.iter().filter(|l| l.is_cyrillic()).collect();
    match cyrillic.as_slice() {
        [] => None,
        [only] => Some((*only).clone()),
        _ => {
            let by_letters = letters.decisive().filter(|lang| cyrillic.contains(&lang));
            by_letters.or_else(|| by_lingua(sample, &cyrillic)).or_else(|| Some(cyrillic[0].clone()))
        }
    }
}

/// The language `text` is written in when it contradicts `given` beyond doubt: a text in
/// Latin letters (four in five) said to be in a Cyrillic language or the other way round, or a Cyrillic
/// text whose letters fit one other language only (`ў` and `і` with no `и`, `щ`, `ъ` said
/// to be Russian). `None` when the text may be in `given` (or has no letters).
pub fn contradicts(given: &Lang, text: &str) -> Option<Lang> {
    let letters = Letters::count(sample(text));
    if letters.cyrillic + letters.other == 0 {
        return None;
    }
    let cyrillic_text = letters.cyrillic > letters.other;
    // Beyond doubt: four in five letters in the other script (a Russian text quoting
    // English names and addresses stays Russian).
    let (theirs, ours) = if given.is_cyrillic() {
        (letters.other, letters.cyrillic)
    } else {
        (letters.cyrillic, letters.other)
    };
    if theirs >= 4 * ours {
        return detect(text, &[]);
    }
    let known = [Lang::ru(), Lang::be(), Lang::uk()];
    match letters.decisive() {
        Some(lang) if cyrillic_text && known.contains(given) && lang != *given => Some(lang),
        _ => None,
    }
}

/// Whether `text` has letters of the Belarusian alphabet that Russian lacks (`і`, `ў`).
pub fn has_belarusian_letters(text: &str) -> bool {
    let letters = Letters::count(text);
    letters.short_u + letters.i_dotted > 0
}

/// The first [`SAMPLE_BYTES`] of `text`, cut at a char boundary.
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Letter counts that tell the languages apart.
#[derive(Debug, Default)]
struct Letters {
    cyrillic: usize,
    other: usize,
    /// `ў`: Belarusian only.
    short_u: usize,
    /// `і`: Belarusian and Ukrainian.
    i_dotted: usize,
    /// `и`: Russian and Ukrainian.
    i_russian: usize,
    /// `щ`, `ъ`: not Belarusian (`ъ` not Ukrainian either).
    shch: usize,
    hard_sign: usize,
    /// `ы`, `э`: Russian and Belarusian.
    yery_e: usize,
    /// `ї`, `є`, `ґ`: Ukrainian only.
    ukrainian: usize,
}

impl Letters {
    fn count(text: &str) -> Self {
        let mut n = Letters::default();
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            if !('\u{400}'..='\u{4FF}').contains(&c) {
                n.other += 1;
                continue;
            }
            n.cyrillic += 1;
            match c {
                'ў' | 'Ў' => n.short_u += 1,
                'і' | 'І' => n.i_dotted += 1,
                'и' | 'И' => n.i_russian += 1,
                'щ' | 'Щ' => n.shch += 1,
                'ъ' | 'Ъ' => n.hard_sign += 1,
                'ы' | 'Ы' | 'э' | 'Э' => n.yery_e += 1,
                'ї' | 'Ї' | 'є' | 'Є' | 'ґ' | 'Ґ' => n.ukrainian += 1,
                _ => {}
            }
        }
        n
    }

    /// The one language whose alphabet the letters fit, when they fit only one.
    fn decisive(&self) -> Option<Lang> {
        let be_marks = self.short_u + self.i_dotted;
        let not_be = self.i_russian + self.shch + self.hard_sign + self.ukrainian;
        let not_uk = self.short_u + self.yery_e + self.hard_sign;
        if be_marks > 0 && not_be == 0 {
            Some(Lang::be())
        } else if self.ukrainian > 0 && not_uk == 0 {
            Some(Lang::uk())
        } else if (self.i_russian + self.hard_sign) > 0 && be_marks == 0 && self.ukrainian == 0 {
            Some(Lang::ru())
        } else {
            None
        }
    }
}

fn lingua_language(lang: &Lang) -> Option<Language> {
    Some(match lang.code() {
        "en" => Language::English,
        "ru" => Language::Russian,
        "be" => Language::Belarusian,
        "uk" => Language::Ukrainian,
        _ => return None,
    })
}

/// The lingua detector for en, ru, be and uk, built on first use.
fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[
            Language::English,
            Language::Russian,
            Language::Belarusian,
            Language::Ukrainian,
        ])
        .build()
    })
}

/// The most likely of `candidates` by lingua's confidence values.
fn by_lingua(sample: &str, candidates: &[&Lang]) -> Option<Lang> {
    let allowed: Vec<(Language, &Lang)> =
        candidates.iter().filter_map(|l| lingua_language(l).map(|lang| (lang, *l))).collect();
    if allowed.is_empty() {
        return None;
    }
    let values = detector().compute_language_confidence_values(sample);
    values
        .iter()
        .filter_map(|(lang, score)| allowed.iter().find(|(l, _)| l == lang).map(|(_, c)| (*score, *c)))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, lang)| lang.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str, candidates: &[Lang]) -> Option<String> {
        detect(text, candidates).map(|l| l.code().to_string())
    }

    #[test]
    fn known_codes_parse_and_others_are_refused() {
        for (code, ok) in [
            ("en", true),
            ("RU", true),
            (" be ", true),
            ("de", true),
            ("is", true),
            ("xx", false),
            ("", false),
        ] {
            assert_eq!(parse_known(code, "--langs").is_ok(), ok, "{code:?}");
        }
        let err = parse_known("eng", "--langs").map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("--langs: unknown language 'eng'"), "{err}");
    }

    #[test]
    fn latin_text_is_english_without_lingua() {
        assert_eq!(code("Lukashenko hopes for progress with peace talks.", &[]).as_deref(), Some("en"));
        let de = Lang::parse("de").expect("de");
        assert_eq!(code("Das ist gut.", &[de, Lang::ru()]).as_deref(), Some("de"));
        assert_eq!(code("Hello.", &[Lang::ru(), Lang::be()]), None);
    }

    #[test]
    fn no_letters_is_none() {
        assert_eq!(code("", &[]), None);
        assert_eq!(code("12.10.2024 — 3,5% 😀", &[]), None);
    }

    #[test]
    fn letters_decide_when_only_one_alphabet_fits() {
        assert_eq!(Letters::count("Ён быў у Мінску").decisive(), Some(Lang::be()));
        assert_eq!(Letters::count("Він їде до Києва, ґанок").decisive(), Some(Lang::uk()));
        assert_eq!(Letters::count("Он приехал в Минск").decisive(), Some(Lang::ru()));
        assert_eq!(Letters::count("Мова і мова и").decisive(), None);
    }

    #[test]
    fn russian_and_belarusian_single_sentences() {
        let cases = [
            ("Президент Беларуси выразил надежду на прогресс в мирных переговорах.", "ru"),
            ("Прэзідэнт Беларусі выказаў надзею на прагрэс у мірных перамовах.", "be"),
            ("Мы готовы действовать в этом направлении.", "ru"),
            ("Мы гатовыя дзейнічаць у гэтым кірунку.", "be"),
            ("Запад не может повлиять на Зеленского.", "ru"),
            ("Захад не можа паўплываць на Зяленскага.", "be"),
            ("Это уже определенный прогресс.", "ru"),
            ("Гэта ўжо пэўны прагрэс.", "be"),
            ("Президент України заявив про це в інтерв'ю.", "uk"),
            // No letter that only one alphabet has: lingua decides.
            ("Гэта добра.", "be"),
            ("Это хорошо.", "ru"),
            ("Мы гатовыя да гэтага.", "be"),
            ("Мы готовы к этому.", "ru"),
        ];
        for (text, want) in cases {
            assert_eq!(code(text, &[]).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn mixed_letters_go_to_lingua() {
        // A Belarusian word without Belarusian-only letters does not stop the letters
        // from deciding; a quote with ў beside Russian и leaves it to lingua.
        let text = "Президент сказал, что переговоры продолжатся, и добавил по-белорусски: «дзякуй».";
        assert_eq!(Letters::count(text).decisive(), Some(Lang::ru()));
        let text = "Президент сказал, что переговоры будут продолжены в Минске, «ўсё будзе добра».";
        assert_eq!(Letters::count(text).decisive(), None);
        assert_eq!(code(text, &[]).as_deref(), Some("ru"));
    }

    #[test]
    fn candidates_restrict_the_answer() {
        let text = "Гэта ўжо пэўны прагрэс.";
        assert_eq!(code(text, &[Lang::en(), Lang::ru()]).as_deref(), Some("ru"));
        assert_eq!(code(text, &[Lang::en(), Lang::be()]).as_deref(), Some("be"));
    }

    #[test]
    fn long_texts_are_sampled() {
        let long = "Гэта ўжо пэўны прагрэс. ".repeat(2000);
        assert!(long.len() > SAMPLE_BYTES);
        assert!(sample(&long).len() <= SAMPLE_BYTES);
        assert_eq!(code(&long, &[]).as_deref(), Some("be"));
    }

    #[test]
    fn sample_articles_are_recognised() {
        assert_eq!(code(include_str!("../samples/belta-kursk/en.txt"), &[]).as_deref(), Some("en"));
        assert_eq!(code(include_str!("../samples/belta-kursk/ru.txt"), &[]).as_deref(), Some("ru"));
        assert_eq!(code(include_str!("../samples/belta-kursk/be.txt"), &[]).as_deref(), Some("be"));
    }

    #[test]
    fn a_language_said_against_the_letters_is_a_contradiction() {
        let english = "The President met the governor of the region.";
        let russian = "Президент встретился с губернатором области.";
        let belarusian = "Прэзідэнт сустрэўся з губернатарам вобласці.";
        assert_eq!(contradicts(&Lang::ru(), english), Some(Lang::en()));
        assert_eq!(contradicts(&Lang::en(), russian), Some(Lang::ru()));
        assert_eq!(contradicts(&Lang::ru(), belarusian), Some(Lang::be()));
        assert_eq!(contradicts(&Lang::en(), english), None);
        assert_eq!(contradicts(&Lang::ru(), russian), None);
        assert_eq!(contradicts(&Lang::parse("de").expect("de"), english), None);
        assert_eq!(contradicts(&Lang::ru(), "2024"), None);
        assert!(has_belarusian_letters("Магілёў") && !has_belarusian_letters("Могилёв"));
    }
}
