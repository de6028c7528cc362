//! Tests of the checks on small hand-made pairs, one behaviour each.

use super::*;
use crate::model::{Bead, Sentence};

mod versions;

fn doc(lang: Lang, lines: &[&str]) -> Document {
    let sentences = lines
        .iter()
        .map(|t| Sentence {
            text: t.to_string(),
            bytes: 0..t.len(),
            chars: 0..t.chars().count(),
            paragraph: 0,
            ..Sentence::default()
        })
        .collect();
    Document { lang, sentences }
}

fn one_to_one(n: usize) -> Alignment {
    Alignment { beads: (0..n).map(|i| Bead::new(vec![i], vec![i], 1.0)).collect() }
}

fn checks(findings: &[Finding]) -> Vec<(CheckKind, Severity, usize, String)> {
    findings.iter().map(|f| (f.check, f.severity, f.sentence, f.found.clone())).collect()
}

#[test]
fn a_changed_number_is_an_error_on_the_english_side() {
    let en = doc(Lang::en(), &["Exports grew by 15% in 2024."]);
    let ru = doc(Lang::ru(), &["Экспорт вырос на 12,5 % в 2024 году."]);
    let f = run(&en, &ru, &one_to_one(1), &Glossary::default(), &CheckOptions::default());
    assert_eq!(checks(&f), vec![(CheckKind::NumberMismatch, Severity::Error, 0, "15%".to_string())]);
    assert_eq!(f[0].expected.as_deref(), Some("12.5%"));
}

#[test]
fn numbers_in_a_neighbouring_bead_are_an_alignment_shift() {
    let en = doc(Lang::en(), &["Trade grew.", "It reached $2.8 billion in 2024."]);
    let ru = doc(Lang::ru(), &["Товарооборот вырос и достиг $2,8 млрд.", "Так было в 2024 году."]);
    let f = run(&en, &ru, &one_to_one(2), &Glossary::default(), &CheckOptions::default());
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_dropped_percentage_is_a_warning_on_the_original_side() {
    let en = doc(Lang::en(), &["Exports grew."]);
    let ru = doc(Lang::ru(), &["Экспорт вырос на 7 %."]);
    let f = run(&en, &ru, &one_to_one(1), &Glossary::default(), &CheckOptions::default());
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].side, f[0].severity), (Side::B, Severity::Warning));
    let written = doc(Lang::en(), &["Exports grew by seven per cent, two ministers said."]);
    let ru2 = doc(Lang::ru(), &["Экспорт вырос, сообщили 2 министра."]);
    assert!(run(&written, &ru2, &one_to_one(1), &Glossary::default(), &CheckOptions::default()).is_empty());
}

#[test]
fn a_sentence_dropped_inside_a_joined_bead_is_an_omission() {
    let en = doc(
        Lang::en(),
        &[
            "Belarus and Russia will hold the Union Shield 2025 joint strategic exercise in September.",
            "The main stage of the exercise will take place at training grounds in Belarus.",
            "The CSTO member states have been invited to send observers.",
        ],
    );
    let ru = doc(
        Lang::ru(),
        &[
            "Беларусь и Россия в сентябре проведут совместное стратегическое учение \"Щит Союза-2025\".",
            "Основной этап учения пройдет на полигонах Беларуси.",
            "К учению планируется привлечь около 13 тыс. военнослужащих.",
            "Наблюдателей направить приглашены государства - члены ОДКБ.",
        ],
    );
    let al = Alignment {
        beads: vec![
            Bead::new(vec![0], vec![0], 1.0),
            Bead::new(vec![1], vec![1, 2], 1.0),
            Bead::new(vec![2], vec![3], 1.0),
        ],
    };
    let f = run(&en, &ru, &al, &Glossary::builtin(), &CheckOptions::default());
    let omissions: Vec<usize> =
        f.iter().filter(|f| f.check == CheckKind::Omission).map(|f| f.sentence).collect();
    assert_eq!(omissions, vec![2], "{f:?}");
}

#[test]
fn omissions_and_additions_follow_the_original_whichever_side_it_is() {
    let en = doc(Lang::en(), &["One.", "Two."]);
    let ru = doc(Lang::ru(), &["Один.", "Два.", "Три."]);
    let al = Alignment {
        beads: vec![
            Bead::new(vec![0], vec![0], 1.0),
            Bead::new(vec![], vec![1], 1.0),
            Bead::new(vec![1], vec![2], 1.0),
        ],
    };
    let f = run(&en, &ru, &al, &Glossary::default(), &CheckOptions::default());
    assert_eq!((f[0].check, f[0].side, f[0].sentence), (CheckKind::Omission, Side::B, 1));
    let swapped =
        Alignment { beads: al.beads.iter().map(|b| Bead::new(b.b.clone(), b.a.clone(), 1.0)).collect() };
    let f = run(&ru, &en, &swapped, &Glossary::default(), &CheckOptions::default());
    assert_eq!((f[0].check, f[0].side, f[0].sentence), (CheckKind::Omission, Side::A, 1));
}

#[test]
fn a_glossary_name_missing_from_the_mt_is_reported_only_when_the_original_is_mt() {
    let en = doc(Lang::en(), &["Zelenskyy spoke in Kyiv.", "Aleksandr Lukashenko met Zelenskyy."]);
    let mt = doc(Lang::ru(), &["Зелински выступил в Киеве.", "Александр Лукашенко встретился с Зеленским."]);
    let lost = |options: &CheckOptions| -> Vec<(usize, String, Option<String>)> {
        run(&en, &mt, &one_to_one(2), &Glossary::builtin(), options)
            .into_iter()
            .filter(|f| f.check == CheckKind::GlossaryMissing && f.side == Side::A)
            .map(|f| (f.sentence, f.found, f.expected))
            .collect()
    };
    // A human original may leave a name out (`Глава государства`): no finding.
    assert_eq!(lost(&CheckOptions::default()), []);
    let mt_options = CheckOptions { original_is_mt: true, ..CheckOptions::default() };
    // Kyiv (`Киеве`) and the inflected `Зеленским` are found; the mangled name is not.
    assert_eq!(lost(&mt_options), [(0, "Zelenskyy".to_string(), Some("Зеленский".to_string()))]);
}

#[test]
fn a_spelling_gets_one_finding_the_glossary_one_when_it_has_the_name() {
    let en = doc(
        Lang::en(),
        &[
            "Zelenskyy spoke in Kyiv.",
            "Zelenskyy met Aleksandr Lukashenko.",
            "Zelensky left with Alexander Lukashenko.",
        ],
    );
    let ru = doc(
        Lang::ru(),
        &[
            "Зеленский выступил в Киеве.",
            "Зеленский встретился с Александром Лукашенко.",
            "Зеленский уехал с Александром Лукашенко.",
        ],
    );
    type Row = (CheckKind, Vec<usize>, String, Option<String>);
    let names = |glossary: &Glossary, profile: Option<&str>| -> Vec<Row> {
        let glossary = glossary.with_profile(profile).expect("known profile");
        run(&en, &ru, &one_to_one(3), &glossary, &CheckOptions::default())
            .into_iter()
            .map(|f| (f.check, f.places().iter().map(|o| o.sentence).collect(), f.found, f.expected))
            .collect()
    };
    let row = |check: CheckKind, at: &[usize], found: &str, expected: &str| -> Row {
        (check, at.to_vec(), found.to_string(), Some(expected.to_string()))
    };
    // No glossary: the most used spelling (the first seen on a tie).
    assert_eq!(
        names(&Glossary::default(), None),
        [
            row(CheckKind::NameInconsistent, &[2], "Zelensky", "Zelenskyy"),
            row(CheckKind::NameInconsistent, &[2], "Alexander", "Aleksandr")
        ]
    );
    // The shared rows reject Zelensky and Alexander Lukashenko: one glossary-variant each,
    // no second finding on the same words.
    assert_eq!(
        names(&Glossary::builtin(), None),
        [
            row(CheckKind::GlossaryVariant, &[2], "Zelensky", "Zelenskyy"),
            row(CheckKind::GlossaryVariant, &[2], "Alexander Lukashenko", "Aleksandr Lukashenko")
        ]
    );
    // Reuters wants `Zelenskiy` and `Alexander`: writing `Zelenskiy` is one fix, one finding
    // for the three sentences and both spellings.
    let reuters = run(
        &en,
        &ru,
        &one_to_one(3),
        &Glossary::builtin().with_profile(Some("reuters")).expect("reuters"),
        &CheckOptions::default(),
    );
    assert_eq!(
        names(&Glossary::builtin(), Some("reuters")),
        [
            row(CheckKind::GlossaryVariant, &[0, 1, 2], "Zelenskyy", "Zelenskiy"),
            row(CheckKind::GlossaryVariant, &[1], "Aleksandr Lukashenko", "Alexander Lukashenko"),
        ]
    );
    let found: Vec<&str> = reuters[0].occurrences.iter().map(|o| o.found.as_str()).collect();
    assert_eq!(found, ["Zelenskyy", "Zelenskyy", "Zelensky"]);
}

#[test]
fn a_name_phrase_written_with_two_patterns_of_capitals_is_one_finding() {
    let en = doc(
        Lang::en(),
        &[
            "The governor of the Novgorod Region arrived.",
            "Trade with the Novgorod Region grew.",
            "The Novgorod region sent a delegation.",
            "The Prime Minister spoke, and the prime minister of Russia listened.",
            "NOVGOROD REGION TODAY",
        ],
    );
    let ru = doc(
        Lang::ru(),
        &[
            "Прибыл губернатор Новгородской области.",
            "Торговля с Новгородской областью выросла.",
            "Новгородская область направила делегацию.",
            "Премьер-министр выступил, премьер-министр России слушал.",
            "НОВГОРОДСКАЯ ОБЛАСТЬ СЕГОДНЯ",
        ],
    );
    let f = run(&en, &ru, &one_to_one(5), &Glossary::default(), &CheckOptions::default());
    let got: Vec<(CheckKind, usize, &str, Option<&str>)> =
        f.iter().map(|f| (f.check, f.sentence, f.found.as_str(), f.expected.as_deref())).collect();
    assert_eq!(got, [(CheckKind::NameInconsistent, 2, "Novgorod region", Some("Novgorod Region"))]);
    // Under the BelTA profile the glossary rejects `Novgorod region`: one finding, the glossary's.
    let belta = Glossary::builtin().with_profile(Some("belta")).expect("belta");
    let f = run(&en, &ru, &one_to_one(5), &belta, &CheckOptions::default());
    let got: Vec<(CheckKind, usize)> = f.iter().map(|f| (f.check, f.sentence)).collect();
    assert_eq!(got, [(CheckKind::GlossaryVariant, 2)], "{f:?}");
}

#[test]
fn a_person_named_just_before_may_be_the_president_or_he() {
    let en = doc(
        Lang::en(),
        &["Aleksandr Lukashenko met the governor.", "The President asked about the harvest."],
    );
    let ru = doc(
        Lang::ru(),
        &["Александр Лукашенко встретился с губернатором.", "Александр Лукашенко спросил об уборке урожая."],
    );
    let f = run(&en, &ru, &one_to_one(2), &Glossary::builtin(), &CheckOptions::default());
    assert!(f.is_empty(), "{f:?}");
    // Not named before: the name is missing.
    let en = doc(Lang::en(), &["The governor met farmers.", "The President asked about the harvest."]);
    let ru = doc(
        Lang::ru(),
        &["Губернатор встретился с аграриями.", "Александр Лукашенко спросил об уборке урожая."],
    );
    let f = run(&en, &ru, &one_to_one(2), &Glossary::builtin(), &CheckOptions::default());
    assert_eq!(
        checks(&f),
        [(CheckKind::GlossaryMissing, Severity::Warning, 1, "Александр Лукашенко".into())]
    );
}

#[test]
fn the_source_credit_of_a_report_is_not_a_missing_term() {
    let en = doc(Lang::en(), &["The talks in Minsk will start on Monday, the ministry said."]);
    let ru = doc(Lang::ru(), &["Переговоры в Минске начнутся в понедельник, сообщает БЕЛТА."]);
    let f = run(&en, &ru, &one_to_one(1), &Glossary::builtin(), &CheckOptions::default());
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn the_same_name_missing_twice_is_one_finding() {
    let en = doc(Lang::en(), &["The minister reported on the sowing.", "The minister asked for more fuel."]);
    let ru =
        doc(Lang::ru(), &["Министр Иван Крупко доложил о севе.", "Иван Крупко попросил больше топлива."]);
    let f = run(&en, &ru, &one_to_one(2), &Glossary::builtin(), &CheckOptions::default());
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].places().iter().map(|o| o.sentence).collect::<Vec<_>>(), [0, 1]);
}

#[test]
fn lines_that_are_not_sentences_are_never_omissions() {
    let en = doc(Lang::en(), &["Exports grew in May."]);
    let ru = doc(
        Lang::ru(),
        &["Сельское хозяйство", "Экспорт вырос в мае.", "- Лукашенко: наш фронт - это экономика"],
    );
    let al = Alignment {
        beads: vec![
            Bead::new(vec![], vec![0], 1.0),
            Bead::new(vec![0], vec![1], 1.0),
            Bead::new(vec![], vec![2], 1.0),
        ],
    };
    assert!(run(&en, &ru, &al, &Glossary::default(), &CheckOptions::default()).is_empty());
}

#[test]
fn what_a_weak_bead_compares_is_set_aside_for_one_weak_alignment_finding() {
    let en = doc(Lang::en(), &["Exports grew by 15% to 300 tonnes."]);
    let ru = doc(Lang::ru(), &["Импорт упал на 3% до 20 тонн."]);
    let weak = Alignment { beads: vec![Bead::new(vec![0], vec![0], 0.2)] };
    let f = run(&en, &ru, &weak, &Glossary::default(), &CheckOptions::default());
    assert_eq!(f.iter().map(|f| f.check).collect::<Vec<_>>(), [CheckKind::WeakAlignment], "{f:?}");
    assert!(f[0].message.contains("'15%'"), "{}", f[0].message);
    let sure = Alignment { beads: vec![Bead::new(vec![0], vec![0], 0.9)] };
    let f = run(&en, &ru, &sure, &Glossary::default(), &CheckOptions::default());
    assert_eq!(f.iter().filter(|f| f.check == CheckKind::NumberMismatch).count(), 2);
}

#[test]
fn retellings_report_names_never_given_not_sentences_of_one_side() {
    let en = doc(
        Lang::en(),
        &[
            "The harvest is in full swing.",
            "Farmers work late into the night.",
            "Weather slowed the work in the north.",
            "The campaign will end soon.",
            "Minsk Oblast leads the count.",
        ],
    );
    let ru = doc(
        Lang::ru(),
        &[
            "Анатолий Исаченко доложил об уборке.",
            "В этом году соберут 1 млн тонн кукурузы.",
            "Минская область лидирует.",
        ],
    );
    let al = Alignment {
        beads: vec![
            Bead::new(vec![0, 1], vec![0], 0.1),
            Bead::new(vec![2, 3], vec![1], 0.2),
            Bead::new(vec![4], vec![2], 0.9),
        ],
    };
    assert!(retelling(&en, &ru, &al, 0.5));
    let checked = {
        let glossary = Glossary::builtin();
        let (na, nb) = (annotate(&en, &glossary), annotate(&ru, &glossary));
        run_annotated((&en, &na), (&ru, &nb), &al, &glossary, &CheckOptions::default())
    };
    assert_eq!(
        checks(&checked.findings),
        [(CheckKind::GlossaryMissing, Severity::Warning, 0, "Анатолий Исаченко".to_string())]
    );
    assert_eq!(checked.notes.len(), 1);
    assert!(!retelling(&en, &ru, &one_to_one(3), 0.5), "aligned with confidence: a translation");
}

#[test]
fn numbers_written_out_compare_with_digits_and_words() {
    let numbers = |en: &str, orig: &str, lang: Lang| -> Vec<(Severity, String)> {
        let (en, orig) = (doc(Lang::en(), &[en]), doc(lang, &[orig]));
        run(&en, &orig, &one_to_one(1), &Glossary::default(), &CheckOptions::default())
            .into_iter()
            .map(|f| (f.severity, f.found))
            .collect()
    };
    assert_eq!(
        numbers(
            "He said six or seven regions would join.",
            "Ён сказаў, што далучацца пяць або шэсць абласцей.",
            Lang::be()
        ),
        [(Severity::Error, "seven".to_string())]
    );
    assert!(
        numbers(
            "More than five and a half million tons were harvested.",
            "Намолочено более 5,5 млн т зерна.",
            Lang::ru()
        )
        .is_empty()
    );
    assert!(
        numbers("The 24 Hours programme reported it.", "Об этом сообщила программа «24 часа».", Lang::ru())
            .is_empty()
    );
    assert!(
        numbers("The programme reported it.", "Об этом сообщила программа «24 часа».", Lang::ru()).is_empty()
    );
    assert!(numbers("The G20 leaders and COVID-19.", "Лидеры стран и коронавирус.", Lang::ru()).is_empty());
    assert!(
        numbers("Twenty farms joined.", "Присоединились хозяйства.", Lang::ru()).is_empty(),
        "written out alone"
    );
    assert_eq!(
        numbers("The third stage starts now.", "Сейчас начинается второй этап.", Lang::ru()),
        [(Severity::Error, "third".to_string())]
    );
}

#[test]
fn a_changed_date_is_an_error_even_in_a_short_sentence() {
    let en = doc(Lang::en(), &["The two sides met on 4 May."]);
    let mut ru = doc(Lang::ru(), &["Стороны встретились 5 мая."]);
    // The segmenter may take a short sentence ending in a date for a date stamp.
    ru.sentences[0].kind = crate::model::SentenceKind::Dateline;
    let f = run(&en, &ru, &one_to_one(1), &Glossary::default(), &CheckOptions::default());
    assert_eq!(checks(&f), [(CheckKind::NumberMismatch, Severity::Error, 0, "4 May".to_string())]);
    // A real stamp against text says nothing.
    let mut en = doc(Lang::en(), &["Posted: 26.10.2024 17:05:00"]);
    en.sentences[0].kind = crate::model::SentenceKind::Dateline;
    let f = run(&en, &ru, &one_to_one(1), &Glossary::default(), &CheckOptions::default());
    assert!(f.iter().all(|f| f.severity < Severity::Error), "{f:?}");
}

#[test]
fn one_number_in_another_unit_is_an_error_one_amount_in_another_is_not() {
    let en = doc(Lang::en(), &["The yield is higher than last year - 32 kg/ha."]);
    let ru = doc(Lang::ru(), &["Средняя урожайность - 32 ц/га."]);
    let f = run(&en, &ru, &one_to_one(1), &Glossary::default(), &CheckOptions::default());
    assert_eq!(checks(&f), [(CheckKind::NumberMismatch, Severity::Error, 0, "32 kg/ha".to_string())]);
    assert_eq!(f[0].expected.as_deref(), Some("32 ц/га"));
    let en = doc(Lang::en(), &["The plant made 5,000 kg of cheese."]);
    let ru = doc(Lang::ru(), &["Завод произвел 5 т сыра."]);
    assert!(run(&en, &ru, &one_to_one(1), &Glossary::default(), &CheckOptions::default()).is_empty());
}

#[test]
fn a_title_before_a_name_takes_capitals_the_same_title_elsewhere_does_not() {
    let names = |lines: &[&str]| -> Vec<(usize, String)> {
        let en = doc(Lang::en(), lines);
        let ru_lines: Vec<&str> = lines.iter().map(|_| "Текст.").collect();
        let ru = doc(Lang::ru(), &ru_lines);
        run(&en, &ru, &one_to_one(lines.len()), &Glossary::builtin(), &CheckOptions::default())
            .into_iter()
            .filter(|f| f.check == CheckKind::NameInconsistent)
            .map(|f| (f.sentence, f.found))
            .collect()
    };
    // Correct style: capitals before the name, lower case elsewhere.
    assert_eq!(
        names(&[
            "On December 6, Ukrainian President Volodymyr Zelenskyy spoke.",
            "Polls showed that the Ukrainian president's popularity fell.",
            "The Turkish president met Turkish President Erdogan's aides.",
        ]),
        []
    );
    // A title half capitalised away from the name.
    assert_eq!(
        names(&[
            "Lukashenko heard a report from Prime Minister Aleksandr Turchin.",
            "Prime Minister Aleksandr Turchin spoke of Kazakhstan.",
            "The Prime minister also reported on other issues.",
        ]),
        [(2, "Prime minister".to_string())]
    );
}
