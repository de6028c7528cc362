//! Tests of two English versions of one original, with and without the original.

use super::*;

#[test]
fn two_english_versions_get_version_names_numbers_and_sentences_of_one() {
    let a = doc(
        Lang::en(),
        &[
            "Alexander Lukashenko met farmers in Gomel, according to BELTA.",
            "The harvest reached 5.5 million tonnes.",
            "Alexander Lukashenko praised them.",
        ],
    );
    let b = doc(
        Lang::en(),
        &[
            "Aleksandr Lukashenko met farmers in Gomel, BelTA reports.",
            "The harvest reached 5.7 million tonnes.",
            "He thanked the machine operators.",
            "Aleksandr Lukashenko praised them.",
        ],
    );
    let al = Alignment {
        beads: vec![
            Bead::new(vec![0], vec![0], 0.9),
            Bead::new(vec![1], vec![1], 0.9),
            Bead::new(vec![], vec![2], 0.9),
            Bead::new(vec![2], vec![3], 0.9),
        ],
    };
    let f = run(&a, &b, &al, &Glossary::builtin(), &CheckOptions::default());
    type Row = (CheckKind, Side, Vec<usize>, String, Option<String>);
    let got: Vec<Row> = f
        .iter()
        .map(|f| {
            (
                f.check,
                f.side,
                f.places().iter().map(|o| o.sentence).collect(),
                f.found.clone(),
                f.expected.clone(),
            )
        })
        .collect();
    let row = |c, s, at: &[usize], found: &str, expected: Option<&str>| {
        (c, s, at.to_vec(), found.to_string(), expected.map(String::from))
    };
    assert_eq!(
        got,
        [
            row(CheckKind::VersionName, Side::A, &[0, 2], "Alexander", Some("Aleksandr")),
            row(CheckKind::VersionName, Side::A, &[0], "BELTA", Some("BelTA")),
            row(CheckKind::NumberMismatch, Side::A, &[1], "5.5 million", Some("5700000")),
            row(CheckKind::Omission, Side::B, &[2], "He thanked the machine operators.", None),
        ]
    );
}

#[test]
fn with_the_original_the_version_that_departs_is_named() {
    let a = doc(Lang::en(), &["The yield is 32 kg/ha.", "Exports grew by 7%.", "Farmers worked at night."]);
    let b = doc(Lang::en(), &["The average yield was 32 centners per hectare.", "Exports grew by 5%."]);
    let o = doc(
        Lang::ru(),
        &["Средняя урожайность - 32 ц/га.", "Экспорт вырос на 5%.", "Аграрии работали и ночью."],
    );
    let glossary = Glossary::builtin();
    let (na, nb, no) = (annotate(&a, &glossary), annotate(&b, &glossary), annotate(&o, &glossary));
    let ab = Alignment {
        beads: vec![
            Bead::new(vec![0], vec![0], 0.9),
            Bead::new(vec![1], vec![1], 0.9),
            Bead::new(vec![2], vec![], 0.9),
        ],
    };
    let (ao, bo) = (one_to_one(3), one_to_one(2));
    let original = Original { doc: (&o, &no), a: &ao, b: &bo };
    let checked = run_versions((&a, &na), (&b, &nb), &ab, &original, &glossary, &CheckOptions::default());
    let got: Vec<(CheckKind, Side, usize, &str)> =
        checked.findings.iter().map(|f| (f.check, f.side, f.sentence, f.found.as_str())).collect();
    assert_eq!(
        got,
        [
            (CheckKind::NumberMismatch, Side::A, 0, "32 kg/ha"),
            (CheckKind::NumberMismatch, Side::A, 1, "7%"),
            (CheckKind::Omission, Side::A, 2, "Farmers worked at night."),
        ]
    );
    for f in &checked.findings[..2] {
        assert!(f.message.contains("version A departs"), "{}", f.message);
    }
    assert!(
        checked.findings[2].message.contains("version B leaves it out"),
        "{}",
        checked.findings[2].message
    );
}
