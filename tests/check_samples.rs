//! `sverka check` on samples/belta-kursk: the four errors injected in
//! en-inconsistent.txt (a changed date, Zelensky, Kursk region, Alexander) are found
//! against both originals, the exit code is 1, and the faithful en.txt gets no
//! error-severity finding (exit 0).

use std::path::Path;
use std::process::{Command, Output};

fn check(en: &str, orig: &str, lang: &str) -> Output {
    check_with(en, orig, lang, &[])
}

fn check_with(en: &str, orig: &str, lang: &str, extra: &[&str]) -> Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/belta-kursk");
    Command::new(env!("CARGO_BIN_EXE_sverka"))
        .arg("check")
        .arg(dir.join(en))
        .arg(dir.join(orig))
        .args(["--langs", &format!("en,{lang}"), "--format", "json"])
        .args(extra)
        .output()
        .expect("runs sverka")
}

fn findings(out: &Output) -> Vec<(String, String, String)> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("check"), s("severity"), s("found"))
        })
        .collect()
}

#[test]
fn every_injected_inconsistency_is_found() {
    for (orig, lang) in [("ru.txt", "ru"), ("be.txt", "be")] {
        let out = check("en-inconsistent.txt", orig, lang);
        assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
        let f = findings(&out);
        for (check, found) in [
            ("number-mismatch", "26.10.2024"),
            ("glossary-variant", "Zelensky"),
            ("name-inconsistent", "Kursk region"),
            ("glossary-variant", "Alexander Lukashenko"),
        ] {
            assert!(
                f.iter().any(|(c, _, x)| c == check && x == found),
                "{lang}: {check} '{found}' not in {f:?}"
            );
        }
    }
}

#[test]
fn each_injected_error_is_one_finding_under_every_profile() {
    // The profiles differ on what is wrong (AP and Reuters want `Alexander` and `Kursk
    // region`), but each fix is one finding however many places it has.
    for profile in [None, Some("belta"), Some("ap"), Some("reuters"), Some("tass")] {
        let extra: Vec<&str> = profile.map(|p| vec!["--profile", p]).unwrap_or_default();
        for (orig, lang) in [("ru.txt", "ru"), ("be.txt", "be")] {
            let out = check_with("en-inconsistent.txt", orig, lang, &extra);
            let errors: Vec<_> = findings(&out).into_iter().filter(|(_, sev, _)| sev == "error").collect();
            assert_eq!(errors.len(), 4, "{profile:?} {lang}: {errors:?}");
        }
    }
}

#[test]
fn the_faithful_translation_has_no_errors() {
    for (orig, lang) in [("ru.txt", "ru"), ("be.txt", "be")] {
        let out = check("en.txt", orig, lang);
        let errors: Vec<_> = findings(&out).into_iter().filter(|(_, sev, _)| sev == "error").collect();
        assert!(errors.is_empty(), "{lang}: {errors:?}");
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn the_short_sentence_the_english_dropped_is_an_omission() {
    // samples/belta-kursk/README.md: the English leaves out «Может.» (B 19), and the
    // sentence after it is translated on its own.
    let out = check("en.txt", "ru.txt", "ru");
    let omissions: Vec<_> = findings(&out).into_iter().filter(|(c, _, _)| c == "omission").collect();
    assert_eq!(omissions, [("omission".to_string(), "warning".to_string(), "Может.".to_string())]);
    let gold = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/belta-kursk/en-ru.vecalign"),
    )
    .expect("gold");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/belta-kursk");
    let aligned = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(["align", "--format", "vecalign"])
        .arg(dir.join("en.txt"))
        .arg(dir.join("ru.txt"))
        .output()
        .expect("runs sverka");
    let beads: Vec<String> = String::from_utf8_lossy(&aligned.stdout)
        .lines()
        .map(|l| l.rsplit_once(':').map_or(l, |(beads, _)| beads).to_string())
        .collect();
    assert!(beads.contains(&"[]:[19]".to_string()) && gold.contains("[]:[19]"), "{beads:?}");
}
