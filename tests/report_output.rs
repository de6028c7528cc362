//! Output options at the command line: `-o FILE` written atomically (nothing left on
//! failure, exit 2), a closed stdout pipe, `--color`, `--width`, `--format`.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use unicode_width::UnicodeWidthStr;

const PAIR: [&str; 5] =
    ["tests/fixtures/report/en.txt", "tests/fixtures/report/ru.txt", "--langs", "en,ru", "--presegmented"];

fn sverka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("run sverka")
}

fn align(more: &[&str]) -> Output {
    let mut args = vec!["align"];
    args.extend(PAIR);
    args.extend(more);
    sverka(&args)
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn output_file_holds_what_stdout_would_and_nothing_else_is_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.tmx");
    let to_stdout = align(&["--format", "tmx"]);
    let to_file = align(&["--format", "tmx", "-o", path.to_str().expect("path")]);
    assert_eq!(to_file.status.code(), Some(0), "{}", String::from_utf8_lossy(&to_file.stderr));
    assert!(to_file.stdout.is_empty(), "nothing on stdout with -o");
    assert_eq!(std::fs::read(&path).expect("output written"), to_stdout.stdout);
    assert_eq!(entries(dir.path()), vec!["out.tmx"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a new output file is readable like any other file");
    }
}

#[test]
fn output_file_is_replaced_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.json");
    std::fs::write(&path, "x".repeat(100_000)).expect("old content");
    let out = align(&["--format", "json", "-o", path.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.starts_with('{') && text.ends_with("}\n") && !text.contains('x'.to_string().repeat(10).as_str())
    );
    assert_eq!(entries(dir.path()), vec!["out.json"]);
}

#[test]
fn output_into_a_missing_directory_fails_with_exit_2_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("no/such/dir/out.html");
    let out = align(&["--format", "html", "-o", path.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("out.html") && stderr.contains("sverka: error"), "{stderr}");
    assert!(entries(dir.path()).is_empty(), "left behind: {:?}", entries(dir.path()));
}

#[test]
fn output_onto_a_directory_fails_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("taken");
    std::fs::create_dir(&target).expect("mkdir");
    let out = align(&["--format", "tsv", "-o", target.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(entries(dir.path()), vec!["taken"]);
    assert!(entries(&target).is_empty());
}

#[test]
fn an_input_error_creates_no_output_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.txt");
    let out =
        sverka(&["align", "tests/fixtures/report/missing.txt", PAIR[1], "-o", path.to_str().expect("p")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(entries(dir.path()).is_empty());
}

#[test]
fn a_closed_stdout_pipe_exits_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    let lines = |s: &str| (0..3000).map(|i| format!("{s} number {i} of a long text.\n")).collect::<String>();
    std::fs::write(&a, lines("Sentence")).expect("a");
    std::fs::write(&b, lines("Предложение")).expect("b");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(["align", "--presegmented", "--langs", "en,ru", "--format", "tsv"])
        .args([&a, &b])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
    // The read end is dropped here; the rest (over 200 KB) cannot be written.
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    assert!(esc(&align(&["--color", "always"])));
    assert!(!esc(&align(&["--color", "never"])));
    assert!(!esc(&align(&["--color", "auto"])), "a pipe is not a terminal");
    let forced = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .arg("align")
        .args(PAIR)
        .args(["--color", "always"])
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run");
    assert!(esc(&forced), "--color always beats NO_COLOR");
}

#[test]
fn text_lines_fit_the_width() {
    for width in ["40", "72", "100", "160"] {
        let out = align(&["--width", width, "--color", "never"]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).expect("utf8");
        let limit: usize = width.parse().expect("number");
        for line in text.lines() {
            assert!(line.width() <= limit, "width {width}: {line:?} is {} wide", line.width());
        }
    }
}

#[test]
fn bad_output_options_exit_2() {
    for args in [&["--format", "pdf"][..], &["--width", "5"], &["--color", "sometimes"]] {
        let out = align(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}
