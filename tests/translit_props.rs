//! Properties of transliteration and name matching on arbitrary input: no panics, scores
//! in [0, 1], Latin text unchanged, and the output of every system free of Cyrillic
//! letters for Russian and Belarusian text.

use proptest::prelude::*;
use sverka::model::Lang;
use sverka::translit::{NameKey, System, name_similarity, transliterate};

const CYR: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіўґАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЎҐ' -’";

fn cyrillic_text() -> impl Strategy<Value = String> {
    let letters: Vec<char> = CYR.chars().collect();
    prop::collection::vec(prop::sample::select(letters), 0..40).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn any_string_is_safe(s in any::<String>()) {
        for system in System::ALL {
            let _ = transliterate(&s, &Lang::ru(), system);
            let _ = transliterate(&s, &Lang::be(), system);
        }
        let x = name_similarity(&s, &s);
        prop_assert!((0.0..=1.0).contains(&x));
    }

    #[test]
    fn russian_and_belarusian_letters_all_become_latin(s in cyrillic_text()) {
        for system in System::ALL {
            for lang in [Lang::ru(), Lang::be()] {
                let out = transliterate(&s, &lang, system);
                let left: Vec<char> = out.chars().filter(|c| ('\u{400}'..='\u{4FF}').contains(c)).collect();
                // The Russian tables do not cover the Belarusian letters і ў ґ.
                let allowed = |c: &char| lang.code() == "ru" && "іўґІЎҐ".contains(*c);
                prop_assert!(left.iter().all(allowed), "{} {}: {:?} -> {:?}", system.id(), lang, s, out);
            }
        }
    }

    #[test]
    fn latin_text_passes_through(s in "[A-Za-z0-9 ,.!?-]{0,40}") {
        for system in System::ALL {
            prop_assert_eq!(transliterate(&s, &Lang::ru(), system), s.clone());
        }
    }

    #[test]
    fn similarity_is_a_score(a in cyrillic_text(), b in "[A-Za-z' -]{0,30}") {
        let x = name_similarity(&a, &b);
        prop_assert!((0.0..=1.0).contains(&x));
        prop_assert_eq!(x, NameKey::from_cyrillic(&a).similarity(&NameKey::from_latin(&b)));
    }
}
