//! Segmentation cases as data: `tests/segment/{en,ru,be,uk,neutral}.tsv`, one case per line,
//! `INPUT<TAB>EXPECTED` with expected sentences separated by ` ||| ` and `\n` for a
//! line break. Every failing case is reported with its line and a diff.

use sverka::model::Lang;
use sverka::segment::segment;

struct Case {
    line: usize,
    input: String,
    expected: Vec<String>,
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn load(text: &str) -> Vec<Case> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (input, expected) = l.split_once('\t').unwrap_or_else(|| panic!("line {}: no TAB", i + 1));
            Case {
                line: i + 1,
                input: unescape(input),
                expected: expected.split(" ||| ").map(unescape).collect(),
            }
        })
        .collect()
}

fn run(file: &str, text: &str, lang: Lang) {
    run_at_least(file, text, lang, 30);
}

fn run_at_least(file: &str, text: &str, lang: Lang, min: usize) {
    let cases = load(text);
    assert!(cases.len() >= min, "{file}: only {} cases, want at least {min}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got: Vec<String> = segment(&case.input, &lang).into_iter().map(|s| s.text).collect();
        if got != case.expected {
            let mut diff = format!("{file}:{}: {:?}\n", case.line, case.input);
            for op in similar::capture_diff_slices(similar::Algorithm::Myers, &case.expected, &got) {
                for change in op.iter_changes(&case.expected, &got) {
                    let sign = match change.tag() {
                        similar::ChangeTag::Equal => "  ",
                        similar::ChangeTag::Delete => "- expected ",
                        similar::ChangeTag::Insert => "+ got      ",
                    };
                    diff.push_str(&format!("    {sign}{:?}\n", change.value()));
                }
            }
            failures.push(diff);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn english_cases() {
    run("tests/segment/en.tsv", include_str!("segment/en.tsv"), Lang::en());
}

#[test]
fn russian_cases() {
    run("tests/segment/ru.tsv", include_str!("segment/ru.tsv"), Lang::ru());
}

#[test]
fn belarusian_cases() {
    run("tests/segment/be.tsv", include_str!("segment/be.tsv"), Lang::be());
}

#[test]
fn ukrainian_cases() {
    run_at_least("tests/segment/uk.tsv", include_str!("segment/uk.tsv"), Lang::uk(), 10);
}

#[test]
fn language_neutral_cases() {
    let de = Lang::parse("de").expect("de");
    run_at_least("tests/segment/neutral.tsv", include_str!("segment/neutral.tsv"), de, 10);
}
