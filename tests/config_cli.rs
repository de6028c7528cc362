//! `sverka config` and `--config FILE`: the effective configuration is printed, a file
//! overrides what it names and changes the result, the example file is the defaults,
//! unknown keys and bad values are errors naming them (exit 2).

use std::process::Command;
use sverka::config::Config;

fn sverka(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sverka")).args(args).output().expect("run sverka");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn root(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn config_prints_the_defaults_and_a_file_overrides_them() {
    let (code, out, err) = sverka(&["config"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(Config::from_toml(&out), Ok(Config::default()));
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("my.toml");
    std::fs::write(&file, "[search]\nmax_group = 2\n\n[costs]\nnull = 9.0\n").expect("write");
    let (code, out, err) = sverka(&["config", "--config", file.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    let config = Config::from_toml(&out).expect("printed config parses");
    assert_eq!((config.search.max_group, config.costs.null), (2, 9.0));
    assert_eq!(config.length, Config::default().length);
}

#[test]
fn the_example_file_holds_every_default() {
    let text = std::fs::read_to_string(root("docs/sverka.example.toml")).expect("example config");
    assert_eq!(Config::from_toml(&text), Ok(Config::default()), "run scripts/config-example");
    // Every key of the printed configuration is in the example.
    let (_, printed, _) = sverka(&["config"]);
    for line in printed.lines().filter(|l| l.contains(" = ")) {
        assert!(text.lines().any(|l| l == line), "the example lacks '{line}': run scripts/config-example");
    }
}

#[test]
fn a_weight_from_the_file_changes_the_alignment() {
    let (en, ru) = (root("samples/belta-kursk/en.txt"), root("samples/belta-kursk/ru.txt"));
    let align = |extra: &[&str]| {
        let mut args = vec!["align", en.as_str(), ru.as_str(), "--format", "vecalign"];
        args.extend(extra);
        let (code, out, err) = sverka(&args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("cheap-nulls.toml");
    // Leaving a sentence out costs almost nothing: the aligner leaves many out.
    std::fs::write(&file, "[costs]\nnull = 0.01\n").expect("write");
    let default = align(&[]);
    let cheap = align(&["--config", file.to_str().expect("utf-8")]);
    assert_ne!(default, cheap);
    let nulls = |v: &str| v.lines().filter(|l| l.starts_with("[]") || l.contains(":[]")).count();
    assert!(nulls(&cheap) > nulls(&default), "{default}\n---\n{cheap}");
}

#[test]
fn unknown_keys_and_bad_values_are_errors_naming_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (text, wanted) in [
        ("[costs]\nnul = 3.0\n", "nul"),
        ("[aligner]\nx = 1\n", "aligner"),
        ("[search]\nmax_group = 0\n", "search.max_group"),
        ("[costs]\nnull = \"high\"\n", "null"),
    ] {
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, text).expect("write");
        let path = file.to_str().expect("utf-8");
        let (code, _, err) = sverka(&["align", "x.txt", "y.txt", "--config", path]);
        assert_eq!(code, 2, "{text}: {err}");
        assert!(err.contains(path) && err.contains(wanted), "{text}: {err}");
    }
    let (code, _, err) = sverka(&["config", "--config", "/nonexistent/sverka.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/sverka.toml"), "{err}");
}
