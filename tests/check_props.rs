//! Property tests: number extraction, glossary matching and the checks never panic on
//! arbitrary text (Cyrillic, digits, separators, emoji), and every span they return
//! lies on character boundaries inside the text it came from.

use proptest::prelude::*;
use std::sync::OnceLock;
use sverka::check::{self, CheckOptions};
use sverka::glossary::Glossary;
use sverka::model::{Alignment, Bead, Document, Lang, Sentence};

fn glossary() -> &'static Glossary {
    static G: OnceLock<Glossary> = OnceLock::new();
    G.get_or_init(Glossary::builtin)
}

fn texty() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([0-9]{1,5}|[ ,.\\-%:'’\u{a0}]|Курск(ой|ая)? област(и|ь)|Зеленск(ий|ого)|Kursk [Rr]egion|Zelensk(y|yy|iy)|октября|October|млн|million|XXI|тыс\\.|[а-яё]{1,6}|[A-Za-z]{1,6}|😀){0,24}",
    )
    .expect("regex")
}

fn doc(lang: Lang, lines: &[String]) -> Document {
    let sentences = lines
        .iter()
        .map(|t| Sentence {
            text: t.clone(),
            bytes: 0..t.len(),
            chars: 0..t.chars().count(),
            ..Sentence::default()
        })
        .collect();
    Document { lang, sentences }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn number_spans_are_inside_the_text(text in texty()) {
        for t in sverka::numbers::extract(&text) {
            prop_assert!(t.span.end <= text.len());
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }

    #[test]
    fn term_spans_are_inside_the_text(text in texty()) {
        let g = glossary();
        for lang in [Lang::en(), Lang::ru(), Lang::be()] {
            for m in g.find(&text, &lang) {
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                prop_assert!(m.entry < g.entries.len());
            }
        }
    }

    #[test]
    fn checks_never_panic(en in proptest::collection::vec(texty(), 0..6), ru in proptest::collection::vec(texty(), 0..6)) {
        let a = doc(Lang::en(), &en);
        let b = doc(Lang::ru(), &ru);
        let n = a.len().min(b.len());
        let mut beads: Vec<Bead> = (0..n).map(|i| Bead::new(vec![i], vec![i], 0.5)).collect();
        beads.extend((n..a.len()).map(|i| Bead::new(vec![i], vec![], 0.5)));
        beads.extend((n..b.len()).map(|j| Bead::new(vec![], vec![j], 0.5)));
        let findings = check::run(&a, &b, &Alignment { beads }, glossary(), &CheckOptions::default());
        for f in findings {
            prop_assert!(!f.message.is_empty());
        }
    }
}
