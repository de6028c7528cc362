//! Acceptance test of `sverka::check` on the corpus in tests/check_corpus/: every
//! injected error listed in expected.tsv is found, nothing else of the error checks is
//! reported on the error pairs, and the clean pairs get no glossary-variant,
//! name-inconsistent or number-mismatch finding, with the hand-made alignments and with
//! the aligner's. Also checks that swapping the two
//! files (English as B) gives the same findings with the sides swapped.

use std::path::{Path, PathBuf};
use sverka::check::{self, CheckOptions};
use sverka::glossary::Glossary;
use sverka::model::{Alignment, Bead, CheckKind, Document, Finding, Lang, Side};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_corpus")
}

/// Data rows of a TSV file (no comments, no header).
fn rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).expect("corpus file");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(String::from).collect())
        .collect()
}

fn document(path: &Path, lang: Lang) -> Document {
    let text = std::fs::read_to_string(path).expect("pair file");
    Document { lang, sentences: sverka::segment::presegmented(&text) }
}

/// `[0, 1]:[2]` lines, English ids first; line-by-line when there is no align.txt.
fn alignment(dir: &Path, n: usize, m: usize) -> Alignment {
    let Ok(text) = std::fs::read_to_string(dir.join("align.txt")) else {
        assert_eq!(n, m, "{}: no align.txt but sides differ in length", dir.display());
        return Alignment { beads: (0..n).map(|i| Bead::new(vec![i], vec![i], 1.0)).collect() };
    };
    let ids = |s: &str| -> Vec<usize> {
        s.trim()
            .trim_matches(['[', ']'])
            .split(',')
            .filter(|x| !x.trim().is_empty())
            .map(|x| x.trim().parse().expect("id"))
            .collect()
    };
    let beads = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (a, b) = l.split_once(':').expect("bead line");
            Bead::new(ids(a), ids(b), 1.0)
        })
        .collect();
    Alignment { beads }
}

struct Pair {
    name: String,
    en: Document,
    orig: Document,
    alignment: Alignment,
    profile: Option<String>,
    clean: bool,
}

fn pairs() -> Vec<Pair> {
    rows(&corpus().join("pairs.tsv"))
        .into_iter()
        .map(|r| {
            let dir = corpus().join(&r[0]);
            let lang = Lang::parse(&r[1]).expect("lang");
            let en = document(&dir.join("en.txt"), Lang::en());
            let orig = document(&dir.join(format!("{}.txt", r[1])), lang);
            let alignment = alignment(&dir, en.len(), orig.len());
            let profile = (r[2] != "-").then(|| r[2].clone());
            Pair { name: r[0].clone(), en, orig, alignment, profile, clean: r[3] == "clean" }
        })
        .collect()
}

fn profiled(p: &Pair, glossary: &Glossary) -> Glossary {
    glossary.with_profile(p.profile.as_deref()).expect("known profile")
}

fn run(p: &Pair, glossary: &Glossary) -> Vec<Finding> {
    check::run(&p.en, &p.orig, &p.alignment, &profiled(p, glossary), &CheckOptions::default())
}

fn is_error_check(c: CheckKind) -> bool {
    matches!(c, CheckKind::GlossaryVariant | CheckKind::NameInconsistent | CheckKind::NumberMismatch)
}

#[test]
fn every_injected_error_is_found_and_clean_pairs_stay_clean() {
    let glossary = Glossary::builtin();
    let expected = rows(&corpus().join("expected.tsv"));
    let pairs = pairs();
    assert!(pairs.len() >= 10);
    let (mut injected, mut found, mut unexpected, mut clean_fp, mut clean_other) = (0, 0, 0, 0, 0);
    let mut problems = Vec::new();
    for p in &pairs {
        let findings = run(p, &glossary);
        let mine: Vec<&Vec<String>> = expected.iter().filter(|r| r[0] == p.name).collect();
        if p.clean {
            assert!(mine.is_empty(), "{}: a clean pair with expected findings", p.name);
        }
        for r in &mine {
            injected += 1;
            let side = if r[2] == "en" { Side::A } else { Side::B };
            let hit = findings.iter().any(|f| {
                f.check.name() == r[1]
                    && f.side == side
                    && f.places().iter().any(|o| o.sentence.to_string() == r[3] && o.found == r[4])
            });
            if hit {
                found += 1;
            } else {
                problems.push(format!("{}: missed {} {} {} '{}'", p.name, r[1], r[2], r[3], r[4]));
            }
        }
        for f in &findings {
            let side = if f.side == Side::A { "en" } else { "orig" };
            let listed = mine.iter().any(|r| {
                f.check.name() == r[1]
                    && side == r[2]
                    && f.places().iter().any(|o| o.sentence.to_string() == r[3] && o.found == r[4])
            });
            if listed {
                continue;
            }
            if p.clean && is_error_check(f.check) {
                clean_fp += 1;
            } else if p.clean {
                clean_other += 1;
            } else {
                unexpected += 1;
            }
            problems.push(format!(
                "{}: unexpected {} {side} {} '{}': {}",
                p.name,
                f.check.name(),
                f.sentence,
                f.found,
                f.message
            ));
        }
    }
    let clean = pairs.iter().filter(|p| p.clean).count();
    println!(
        "check corpus: {} pairs ({clean} clean); injected errors found {found}/{injected} (recall {:.1}%); \
         unexpected findings on error pairs {unexpected}; on clean pairs {clean_fp} of the error checks and \
         {clean_other} others",
        pairs.len(),
        100.0 * found as f64 / injected.max(1) as f64
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_english_may_be_either_side() {
    let glossary = Glossary::builtin();
    for p in pairs() {
        let swapped = Alignment {
            beads: p.alignment.beads.iter().map(|b| Bead::new(b.b.clone(), b.a.clone(), b.score)).collect(),
        };
        let direct: Vec<(CheckKind, Side, usize, String)> =
            run(&p, &glossary).into_iter().map(|f| (f.check, f.side, f.sentence, f.found)).collect();
        let mut reversed: Vec<(CheckKind, Side, usize, String)> =
            check::run(&p.orig, &p.en, &swapped, &profiled(&p, &glossary), &CheckOptions::default())
                .into_iter()
                .map(|f| (f.check, if f.side == Side::A { Side::B } else { Side::A }, f.sentence, f.found))
                .collect();
        let mut direct = direct;
        direct.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
        reversed.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
        assert_eq!(direct, reversed, "{}", p.name);
    }
}

#[test]
fn every_injected_error_is_found_through_the_aligner_too() {
    use sverka::config::Config;
    use sverka::engine::{Engine, RunOptions};
    let expected = rows(&corpus().join("expected.tsv"));
    let (mut injected, mut found, mut clean_fp) = (0, 0, 0);
    let mut problems = Vec::new();
    for p in pairs() {
        let mut config = Config::default();
        config.check.profile.clone_from(&p.profile);
        let engine = Engine::new(config).expect("known profile");
        let report = engine.run(&p.en, &p.orig, &RunOptions { mt_b: None, findings: true }).expect("offline");
        let findings = report.findings;
        for r in expected.iter().filter(|r| r[0] == p.name) {
            injected += 1;
            let side = if r[2] == "en" { Side::A } else { Side::B };
            if findings.iter().any(|f| {
                f.check.name() == r[1]
                    && f.side == side
                    && f.places().iter().any(|o| o.sentence.to_string() == r[3])
            }) {
                found += 1;
            } else {
                problems.push(format!("{}: missed {} {} {} '{}'", p.name, r[1], r[2], r[3], r[4]));
            }
        }
        if p.clean {
            for f in findings.iter().filter(|f| is_error_check(f.check)) {
                clean_fp += 1;
                problems.push(format!("{}: {} on a clean pair: {}", p.name, f.check.name(), f.message));
            }
        }
    }
    println!(
        "check corpus through the aligner: found {found}/{injected}; clean-pair findings of the error checks {clean_fp}"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
