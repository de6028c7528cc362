//! Precision and recall of the inflection-aware matcher of the built-in glossary on
//! tests/glossary/inflections.tsv (inflected Russian and Belarusian forms, and words
//! that must not match). The figures are printed; the test holds them above 0.95.

use std::path::Path;
use sverka::glossary::Glossary;
use sverka::model::Lang;

#[test]
fn inflected_forms_match_with_high_precision_and_recall() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/glossary/inflections.tsv");
    let text = std::fs::read_to_string(path).expect("table");
    let glossary = Glossary::builtin().with_profile(None).expect("base glossary");
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut problems = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [lang, sample, expected] = cols.as_slice() else { panic!("bad row: {line}") };
        let lang = Lang::parse(lang).expect("lang");
        let found: Vec<String> =
            glossary.find(sample, &lang).into_iter().map(|m| glossary.entries[m.entry].en.clone()).collect();
        let expected: Vec<&str> = if *expected == "-" { vec![] } else { vec![*expected] };
        for e in &expected {
            if found.iter().any(|f| f == e) {
                tp += 1;
            } else {
                fn_ += 1;
                problems.push(format!("missed {e} in '{sample}'"));
            }
        }
        for f in &found {
            if !expected.contains(&f.as_str()) {
                fp += 1;
                problems.push(format!("wrong {f} in '{sample}'"));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!("inflection matcher: precision {precision:.3}, recall {recall:.3} (tp {tp}, fp {fp}, fn {fn_})");
    for p in &problems {
        println!("  {p}");
    }
    assert!(tp + fn_ >= 60, "table too small");
    assert!(precision >= 0.95 && recall >= 0.95, "{}", problems.join("\n"));
}
