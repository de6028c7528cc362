//! Golden files: every output format of every pair listed in `tests/golden/pairs.tsv`,
//! produced by the real binary (`sverka align … --format X`, `sverka check …`), and of
//! the hand-built report `tests/fixtures/report/report-mt.json` (MT column, glossary,
//! number and name findings) rendered by the library, must equal the files in
//! `tests/golden/`. Regenerate with `scripts/update-golden` (`UPDATE_GOLDEN=1`), which
//! also deletes golden files no case produces any more.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use sverka::model::Report;
use sverka::report::{self, Format, RenderOptions};

const WIDTH: &str = "100";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn golden_dir() -> PathBuf {
    root().join("tests/golden")
}

/// `(name, file A, file B, extra args)` for every line of pairs.tsv.
fn pairs() -> Vec<(String, String, String, Vec<String>)> {
    let list = std::fs::read_to_string(golden_dir().join("pairs.tsv")).expect("tests/golden/pairs.tsv");
    list.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 3, "pairs.tsv: bad line {l:?}");
            let extra = f.get(3).map_or(Vec::new(), |e| e.split_whitespace().map(String::from).collect());
            (f[0].to_string(), f[1].to_string(), f[2].to_string(), extra)
        })
        .collect()
}

/// Runs the binary from the crate root; exit codes 0 and 1 (findings) are both results.
fn sverka(args: &[String]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .expect("run sverka");
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "sverka {args:?} exited {code:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Every golden case: file name → produced content.
fn produce() -> BTreeMap<String, String> {
    let mut cases = BTreeMap::new();
    for (name, a, b, extra) in pairs() {
        let base = |cmd: &str| {
            let mut args = vec![cmd.to_string(), a.clone(), b.clone()];
            args.extend(extra.iter().cloned());
            args
        };
        let with = |mut args: Vec<String>, more: &[&str]| {
            args.extend(more.iter().map(|s| s.to_string()));
            args
        };
        for format in Format::ALL {
            let args =
                with(base("align"), &["--format", format.name(), "--width", WIDTH, "--color", "never"]);
            cases.insert(format!("{name}.{}", format.extension()), sverka(&args));
        }
        let args = with(base("align"), &["--format", "text", "--width", WIDTH, "--color", "always"]);
        cases.insert(format!("{name}.color.txt"), sverka(&args));
        let args = with(base("align"), &["--format", "tmx", "--keep-unaligned"]);
        cases.insert(format!("{name}.keep-unaligned.tmx"), sverka(&args));
        let args = with(base("check"), &["--color", "never", "--fail-on", "info"]);
        cases.insert(format!("{name}.check.txt"), sverka(&args));
        let args = with(base("check"), &["--format", "html"]);
        cases.insert(format!("{name}.check.html"), sverka(&args));
    }
    let json = std::fs::read_to_string(root().join("tests/fixtures/report/report-mt.json")).expect("fixture");
    let report: Report = serde_json::from_str(&json).expect("report-mt.json is a Report");
    let plain = RenderOptions { width: 100, color: false, keep_unaligned: false };
    for format in Format::ALL {
        cases.insert(format!("report-mt.{}", format.extension()), report::render(&report, format, &plain));
    }
    let color = RenderOptions { color: true, ..plain.clone() };
    cases.insert("report-mt.color.txt".into(), report::render(&report, Format::Text, &color));
    cases.insert("report-mt.findings.txt".into(), report::render_findings(&report, &plain));
    cases.insert("report-mt.findings.color.txt".into(), report::render_findings(&report, &color));
    cases
}

fn first_difference(want: &str, got: &str) -> String {
    for (n, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            return format!("line {}:\n  golden: {w:?}\n  now:    {g:?}", n + 1);
        }
    }
    format!("lengths differ: golden {} lines, now {} lines", want.lines().count(), got.lines().count())
}

fn is_golden_output(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name != "pairs.tsv" && name != "README.md"
}

#[test]
fn every_format_matches_its_golden_file() {
    let cases = produce();
    let dir = golden_dir();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty() && v != "0");
    let existing: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/golden")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| is_golden_output(p))
        .collect();
    let orphans: Vec<&PathBuf> = existing
        .iter()
        .filter(|p| !cases.contains_key(p.file_name().and_then(|n| n.to_str()).unwrap_or("")))
        .collect();
    if update {
        for (name, content) in &cases {
            std::fs::write(dir.join(name), content).expect("write golden");
        }
        for orphan in orphans {
            std::fs::remove_file(orphan).expect("remove stale golden");
        }
        return;
    }
    let mut failures = Vec::new();
    for (name, got) in &cases {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(want) if &want == got => {}
            Ok(want) => failures.push(format!("{name}: differs, {}", first_difference(&want, got))),
            Err(_) => failures.push(format!("{name}: no golden file")),
        }
    }
    failures.extend(orphans.iter().map(|p| format!("{}: produced by no case (stale)", p.display())));
    assert!(
        failures.is_empty(),
        "golden files out of date (if the change is intended, run scripts/update-golden and review the diff):\n{}",
        failures.join("\n")
    );
}
