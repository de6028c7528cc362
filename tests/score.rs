//! `sverka score` on hand-made gold and test files (`tests/score/`), whose figures were
//! worked out by hand from the metric's definition.

use std::process::{Command, Output};

fn score(args: &[&str]) -> Output {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/score");
    let args: Vec<String> =
        args.iter().map(|a| if a.contains('.') { format!("{dir}/{a}") } else { a.to_string() }).collect();
    Command::new(env!("CARGO_BIN_EXE_sverka")).arg("score").args(&args).output().expect("run sverka")
}

#[test]
fn pooled_figures_as_a_table() {
    let out = score(&["--gold", "doc1.gold", "doc2.gold", "--test", "doc1.test", "doc2.test"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // Precision 5/9 strict, 7/9 lax; recall 3/5 strict, 5/5 lax; F1 = 30/52 and 0.875.
    let expected = [
        "            strict   lax",
        "P           0.556   0.778",
        "R           0.600   1.000",
        "F1          0.577   0.875",
        "(test links 9, gold non-null links 5)",
    ];
    assert_eq!(text.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn one_document_as_json() {
    let out = score(&["--json", "--gold", "doc1.gold", "--test", "doc1.test"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let close = |k: &str, x: f64| assert!((v[k].as_f64().unwrap() - x).abs() < 1e-12, "{k}: {}", v[k]);
    close("p_strict", 3.0 / 5.0);
    close("r_strict", 2.0 / 3.0);
    close("f1_strict", 12.0 / 19.0);
    close("p_lax", 4.0 / 5.0);
    close("r_lax", 1.0);
    assert_eq!(v["test_links"], 5);
    assert_eq!(v["gold_links_nonnull"], 3);
}

#[test]
fn a_bad_line_is_an_error_with_its_place() {
    let out = score(&["--gold", "doc1.gold", "--test", "bad.test"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.test:2"), "{err}");
}

#[test]
fn file_counts_must_agree() {
    let out = score(&["--gold", "doc1.gold", "doc2.gold", "--test", "doc1.test"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("--gold has 2 files but --test has 1"));
}
