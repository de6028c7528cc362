//! English spellings of a Cyrillic name: the outputs of every system plus the usual news
//! conventions (no apostrophes, `-y`/`-iy`/`-yy` for `-ий`, `x` for `кс`) and the
//! conventional forms of `data/conventional.tsv`.

use super::{System, name, transliterate};
use crate::model::Lang;

/// Systems in the order their output is most common in English news.
const ORDER: [System; 10] = [
    System::Wikipedia,
    System::BgnPcgn,
    System::Icao9303,
    System::Mvd2010,
    System::By2023,
    System::AlaLc,
    System::Gost779B,
    System::Iso9,
    System::Un,
    System::By2007,
];

fn push(out: &mut Vec<String>, s: String) {
    if !s.trim().is_empty() && !out.contains(&s) {
        out.push(s);
    }
}

/// Conventional Latin forms of one word (matching its lemma), most common first.
fn conventional_forms(word: &str) -> Vec<&'static str> {
    let lower = word.to_lowercase().replace('ё', "е");
    name::conventional_entries()
        .filter(|(cyr, _)| cyr.to_lowercase().replace('ё', "е") == lower)
        .flat_map(|(_, forms)| forms.split('|'))
        .filter(|f| !f.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c)))
        .collect()
}

/// News conventions applied to a simplified (wikipedia-style) spelling.
fn news_forms(simple: &str, bgn: &str) -> Vec<String> {
    let mut out = Vec::new();
    let stripped: String = bgn.chars().filter(|c| !matches!(c, '’' | '”' | '·')).collect();
    out.push(stripped);
    for (from, tos) in [("y", ["iy", "yy", "i"]), ("Y", ["IY", "YY", "I"])] {
        let words: Vec<&str> = simple.split(' ').collect();
        if let Some(last) = words.last() {
            if last.ends_with(&format!("sk{from}")) || last.ends_with(&format!("ck{from}")) {
                for to in tos {
                    let head = &simple[..simple.len() - from.len()];
                    out.push(format!("{head}{to}"));
                }
            }
        }
    }
    if simple.contains("ks") {
        out.push(simple.replacen("ks", "x", 1));
    }
    out
}

/// See [`super::english_variants`].
pub(crate) fn english_variants(cyrillic: &str, lang: &Lang) -> Vec<String> {
    let text = cyrillic.trim();
    let mut out = Vec::new();
    if text.is_empty() {
        return out;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let conv: Vec<Vec<&str>> = words.iter().map(|w| conventional_forms(w)).collect();
    if conv.iter().any(|c| !c.is_empty()) {
        // Conventional forms where there are some, the news spelling elsewhere.
        let mixed: Vec<String> = words
            .iter()
            .zip(&conv)
            .map(|(w, c)| {
                c.first().map_or_else(|| transliterate(w, lang, System::Wikipedia), |f| f.to_string())
            })
            .collect();
        push(&mut out, mixed.join(" "));
    }
    let simple = transliterate(text, lang, System::Wikipedia);
    let bgn = transliterate(text, lang, System::BgnPcgn);
    if words.len() == 1 {
        for form in &conv[0] {
            push(&mut out, (*form).to_string());
        }
    }
    push(&mut out, simple.clone());
    for f in news_forms(&simple, &bgn) {
        push(&mut out, f);
    }
    for sys in ORDER {
        push(&mut out, transliterate(text, lang, sys));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zelensky_has_the_news_spellings() {
        let v = english_variants("Зеленский", &Lang::ru());
        for want in ["Zelensky", "Zelenskiy", "Zelenskyy", "Zelenskii", "Zelenskij"] {
            assert!(v.iter().any(|x| x == want), "{want} missing from {v:?}");
        }
    }

    #[test]
    fn conventional_forms_come_first() {
        let v = english_variants("Александр", &Lang::ru());
        assert_eq!(v[0], "Alexander");
        assert!(v.iter().any(|x| x == "Aleksandr"));
        let v = english_variants("Киев", &Lang::ru());
        assert_eq!(v[0], "Kyiv");
        assert!(v.iter().any(|x| x == "Kiev"));
    }

    #[test]
    fn first_names_take_their_english_form_in_full_names() {
        let v = english_variants("Александр Лукашенко", &Lang::ru());
        assert_eq!(v[0], "Alexander Lukashenko");
        assert!(v.iter().any(|x| x == "Aleksandr Lukashenko"), "{v:?}");
    }

    #[test]
    fn belarusian_spellings() {
        let v = english_variants("Аляксандр Лукашэнка", &Lang::be());
        assert!(v.iter().any(|x| x == "Alyaksandr Lukashenka"), "{v:?}");
        assert!(v.iter().any(|x| x == "Aliaksandr Lukashenka"), "{v:?}");
        assert!(v.iter().any(|x| x == "Aliaksandr Lukašenka"), "{v:?}");
    }

    #[test]
    fn no_duplicates_and_nothing_for_blank() {
        let v = english_variants("Минск", &Lang::ru());
        let mut d = v.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), v.len());
        assert!(english_variants("  ", &Lang::ru()).is_empty());
    }
}
