//! The command-line contract (docs/guide.md), as tables: every subcommand's `--help` names
//! the options the contract names; bad input of every kind exits exactly 2 with a
//! message naming the file (and line, where there is one) and never panics; output
//! files are written whole or not at all; empty inputs align to all-null beads; a
//! closed stdout pipe exits 0 quietly; `check` exit codes follow `--fail-on`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn sverka(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sverka"))
        .current_dir(dir)
        .args(args)
        .env("SVERKA_CACHE_DIR", dir.join("cache"))
        .env_remove("SVERKA_MT_KEY")
        .output()
        .expect("runs sverka")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/belta-kursk")
}

/// A scratch folder with good and bad input files of every kind.
fn fixtures() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let files: &[(&str, &[u8])] = &[
        ("en.txt", b"Hello world. The second sentence is here.\n"),
        ("ru.txt", "Привет, мир. Второе предложение здесь.\n".as_bytes()),
        ("en-lines.txt", b"Hello world.\nThe second sentence is here.\n"),
        ("ru-lines.txt", "Привет, мир.\nВторое предложение здесь.\n".as_bytes()),
        ("mt-short.txt", b"Hello, world.\n"),
        ("empty.txt", b""),
        ("bad-utf8.txt", b"Hello \xff world.\n"),
        ("binary.bin", b"PK\x03\x04\x00\x00\x14\x00"),
        ("bad-glossary.tsv", "en\tru\nMinsk\tМинск\nfoo\n".as_bytes()),
        ("bad.tbx", b"<martif><text><body><termEntry></tig></martif>"),
        ("not-tbx.tbx", b"just some words\n"),
        ("bad-dict.tsv", "hello\tпривет\ngarbage\n".as_bytes()),
        ("ok.gold", b"[0]:[0]\n[1]:[1]\n"),
        ("lonely.index", b"hello\tA\tF\n"),
        ("bad.gold", b"[0]:[0]\n[1]:[x]\n"),
        ("trailing.gold", b"[0]:[0]\n[1]:[1]:abc\n"),
        ("existing.out", b"keep me\n"),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).expect("write fixture");
    }
    std::fs::create_dir(dir.path().join("folder")).expect("mkdir");
    dir
}

#[test]
fn help_lists_every_option_of_the_contract() {
    // (subcommand, what its --help must show)
    let table: &[(&str, &[&str])] = &[
        ("", &["segment", "align", "check", "translate", "translit", "score", "batch", "Exit codes: 0"]),
        ("segment", &["--lang"]),
        (
            "align",
            &[
                "--langs",
                "--presegmented",
                "--format",
                "-o, --output",
                "--mt ",
                "--mt-url",
                "--mt-model",
                "--to",
                "--mt-file",
                "--embed-url",
                "--embed-model",
                "--glossary",
                "--dict",
                "--max-group",
            ],
        ),
        (
            "check",
            &[
                "--langs",
                "--presegmented",
                "--format",
                "-o, --output",
                "--mt ",
                "--mt-file",
                "--embed-url",
                "--glossary",
                "--dict",
                "--max-group",
                "--profile",
                "--fail-on",
            ],
        ),
        ("translate", &["--from", "--to", "--mt ", "--mt-url"]),
        ("translit", &["--lang", "--system"]),
        ("score", &["--gold", "--test", "--json"]),
        ("batch", &["--jobs"]),
    ];
    let dir = fixtures();
    for (sub, options) in table {
        let args: Vec<&str> = if sub.is_empty() { vec!["--help"] } else { vec![sub, "--help"] };
        let out = sverka(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let help = stdout(&out);
        for option in *options {
            assert!(help.contains(option), "`sverka {sub} --help` does not show {option}:\n{help}");
        }
    }
}

#[test]
fn bad_input_exits_2_with_a_message_naming_it() {
    let mt = ["--mt", "libretranslate", "--mt-url", "http://127.0.0.1:9"];
    // (arguments, texts stderr must contain)
    let table: &[(Vec<&str>, &[&str])] = &[
        // unreadable or non-text files, in every position that takes a file
        (vec!["segment", "missing.txt"], &["missing.txt"]),
        (vec!["segment", "folder"], &["folder"]),
        (vec!["segment", "bad-utf8.txt"], &["bad-utf8.txt", "UTF-8", "offset 6"]),
        (vec!["segment", "binary.bin"], &["binary.bin", "binary"]),
        (vec!["align", "missing.txt", "ru.txt"], &["missing.txt"]),
        (vec!["align", "en.txt", "missing.txt"], &["missing.txt"]),
        (vec!["align", "folder", "ru.txt"], &["folder"]),
        (vec!["align", "en.txt", "bad-utf8.txt"], &["bad-utf8.txt", "UTF-8"]),
        (vec!["align", "binary.bin", "ru.txt"], &["binary.bin", "binary"]),
        (vec!["check", "missing.txt", "ru.txt"], &["missing.txt"]),
        (vec!["check", "en.txt", "binary.bin"], &["binary.bin"]),
        (vec!["check", "en.txt", "folder"], &["folder"]),
        ([&["translate", "missing.txt", "--from", "en", "--to", "ru"][..], &mt].concat(), &["missing.txt"]),
        ([&["translate", "binary.bin", "--from", "en", "--to", "ru"][..], &mt].concat(), &["binary.bin"]),
        (vec!["score", "--gold", "missing.gold", "--test", "ok.gold"], &["missing.gold"]),
        (vec!["score", "--gold", "ok.gold", "--test", "folder"], &["folder"]),
        (vec!["score", "--gold", "binary.bin", "--test", "ok.gold"], &["binary.bin"]),
        (vec!["batch", "missing.jsonl"], &["missing.jsonl"]),
        // (a manifest line that is not UTF-8 is an error line, not exit 2: tests/batch_cli.rs)
        // malformed data files: file and line
        (vec!["align", "en.txt", "ru.txt", "--glossary", "bad-glossary.tsv"], &["bad-glossary.tsv:3"]),
        (vec!["check", "en.txt", "ru.txt", "--glossary", "bad-glossary.tsv"], &["bad-glossary.tsv:3"]),
        (vec!["align", "en.txt", "ru.txt", "--glossary", "bad.tbx"], &["bad.tbx:1", "TBX"]),
        (vec!["align", "en.txt", "ru.txt", "--glossary", "not-tbx.tbx"], &["not-tbx.tbx", "TBX"]),
        (vec!["align", "en.txt", "ru.txt", "--glossary", "missing.tsv"], &["missing.tsv"]),
        (vec!["align", "en.txt", "ru.txt", "--dict", "bad-dict.tsv"], &["bad-dict.tsv:2"]),
        (vec!["align", "en.txt", "ru.txt", "--dict", "missing.index"], &["missing.index"]),
        (vec!["align", "en.txt", "ru.txt", "--dict", "lonely.index"], &["lonely.dict", "lonely.dict.dz"]),
        (vec!["score", "--gold", "bad.gold", "--test", "ok.gold"], &["bad.gold:2"]),
        (vec!["score", "--gold", "ok.gold", "--test", "bad.gold"], &["bad.gold:2"]),
        (vec!["score", "--gold", "trailing.gold", "--test", "ok.gold"], &["trailing.gold:2", "score"]),
        (vec!["score", "--gold", "ok.gold", "ok.gold", "--test", "ok.gold"], &["--gold", "--test"]),
        // bad option values
        (vec!["align", "en.txt", "ru.txt", "--langs", "xx,ru"], &["--langs", "'xx'"]),
        (vec!["align", "en.txt", "ru.txt", "--langs", "en"], &["--langs", "two codes"]),
        (vec!["check", "en.txt", "ru.txt", "--langs", "en,ru,be"], &["--langs"]),
        (vec!["segment", "en.txt", "--lang", "klingon"], &["--lang", "klingon"]),
        (vec!["align", "en.txt", "ru.txt", "--format", "docx"], &["--format", "docx"]),
        (vec!["check", "en.txt", "ru.txt", "--format", "docx"], &["--format"]),
        (vec!["align", "en.txt", "ru.txt", "--max-group", "0"], &["--max-group"]),
        (vec!["align", "en.txt", "ru.txt", "--max-group", "-3"], &["-3"]),
        (vec!["batch", "en.txt", "--jobs", "0"], &["--jobs", "from 1 to 1024"]),
        (vec!["check", "en.txt", "ru.txt", "--fail-on", "fatal"], &["--fail-on", "fatal"]),
        (vec!["check", "en.txt", "ru.txt", "--profile", "nosuch"], &["nosuch"]),
        (vec!["translit", "--system", "nosuch", "Минск"], &["nosuch"]),
        (vec!["translit", "--lang", "xx", "Минск"], &["--lang", "xx"]),
        // MT options that cannot work
        (
            vec!["align", "en-lines.txt", "ru-lines.txt", "--presegmented", "--mt-file", "mt-short.txt"],
            &["mt-short.txt", "1 lines", "2 sentences"],
        ),
        (vec!["align", "en.txt", "ru.txt", "--mt-file", "missing-mt.txt"], &["missing-mt.txt"]),
        (vec!["align", "en.txt", "ru.txt", "--mt", "babelfish"], &["babelfish", "libretranslate"]),
        (vec!["align", "en.txt", "--mt", "babelfish", "--to", "ru"], &["babelfish"]),
        (vec!["align", "-", "-"], &["standard input", "as a file"]),
        (vec!["align", "en.txt"], &["--mt", "--to"]),
        (vec!["check", "en.txt"], &["--mt", "--to"]),
        (vec!["align", "en.txt", "ru.txt", "--to", "ru"], &["--to"]),
        (vec!["align", "en.txt", "ru.txt", "--sim-weight", "2"], &["--sim-weight", "--embed-url"]),
        (vec!["align", "en.txt", "ru.txt", "--sim-null=-1"], &["--sim-null", "0 or more"]),
        (vec!["batch", "en.txt", "--sim-weight", "2"], &["batch runs offline", "--sim-weight"]),
        (vec!["align", "en.txt", "ru.txt", "--sim-cross", "2"], &["--sim-cross", "--embed-url"]),
        (vec!["batch", "en.txt", "--sim-cross", "2"], &["batch runs offline", "--sim-cross"]),
        (
            vec!["align", "en.txt", "ru.txt", "--mt", "libretranslate", "--mt-file", "mt-short.txt"],
            &["--mt-file"],
        ),
        // output that cannot be written
        (vec!["align", "en.txt", "ru.txt", "-o", "no-such-dir/out.txt"], &["no-such-dir", "does not exist"]),
        (vec!["align", "en.txt", "ru.txt", "-o", "folder"], &["folder", "directory"]),
        (vec!["check", "en.txt", "ru.txt", "-o", "en.txt/out.txt"], &["en.txt", "not a directory"]),
    ];
    let dir = fixtures();
    for (args, wanted) in table {
        let out = sverka(dir.path(), args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "sverka {args:?} should exit 2; stderr: {err}");
        assert!(!err.contains("panicked"), "sverka {args:?} panicked: {err}");
        assert!(err.contains("error"), "sverka {args:?}: no error message: {err}");
        for w in *wanted {
            assert!(err.contains(w), "sverka {args:?}: stderr lacks {w:?}: {err}");
        }
        let error_lines = err.lines().filter(|l| l.starts_with("error:") || l.starts_with("sverka: error:"));
        assert_eq!(error_lines.count(), 1, "sverka {args:?}: one error line: {err}");
    }
    assert!(!dir.path().join("no-such-dir").exists(), "a failed -o created its directory");
}

#[test]
fn a_failed_run_leaves_the_output_file_alone() {
    let dir = fixtures();
    let before = std::fs::read_dir(dir.path()).expect("ls").count();
    for args in [
        &["align", "en.txt", "ru.txt", "--glossary", "bad-glossary.tsv", "-o", "existing.out"][..],
        &["check", "en.txt", "binary.bin", "-o", "existing.out"][..],
        &["align", "en.txt", "ru.txt", "-o", "new.out", "--dict", "bad-dict.tsv"][..],
    ] {
        let out = sverka(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert_eq!(std::fs::read_to_string(dir.path().join("existing.out")).expect("read"), "keep me\n");
    assert!(!dir.path().join("new.out").exists());
    // No temp file left behind either.
    assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), before);
}

#[test]
fn a_successful_run_writes_the_whole_output_file() {
    let dir = fixtures();
    let out =
        sverka(dir.path(), &["align", "en.txt", "ru.txt", "--format", "vecalign", "-o", "existing.out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(dir.path().join("existing.out")).expect("read");
    let to_stdout = sverka(dir.path(), &["align", "en.txt", "ru.txt", "--format", "vecalign"]);
    assert_eq!(written, stdout(&to_stdout));
    assert_eq!(written.lines().count(), 2, "{written}");
}

/// `-o` through a symbolic link replaces the file it points to and keeps the link; `-o`
/// to a FIFO (as to `/dev/null` or `/dev/stdout`) writes into it and leaves it a FIFO.
#[cfg(unix)]
#[test]
fn output_follows_links_and_writes_into_special_files() {
    use std::os::unix::fs::FileTypeExt;
    let dir = fixtures();
    let vecalign = ["align", "en.txt", "ru.txt", "--format", "vecalign"];
    let expected = stdout(&sverka(dir.path(), &vecalign));
    std::os::unix::fs::symlink("existing.out", dir.path().join("link.out")).expect("symlink");
    let out = sverka(dir.path(), &[&vecalign[..], &["-o", "link.out"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = std::fs::symlink_metadata(dir.path().join("link.out")).expect("link");
    assert!(link.file_type().is_symlink(), "the link was replaced by a file");
    assert_eq!(std::fs::read_to_string(dir.path().join("existing.out")).expect("read"), expected);

    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the FIFO"))
    };
    let out = sverka(dir.path(), &[&vecalign[..], &["-o", "pipe"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Checked before joining: a replaced FIFO never gets a writer, and its reader waits.
    assert!(std::fs::symlink_metadata(&fifo).expect("fifo").file_type().is_fifo(), "the FIFO was replaced");
    assert_eq!(reader.join().expect("reader"), expected);
}

#[test]
fn empty_inputs_align_to_null_beads() {
    // (A, B, vecalign output)
    let table: &[(&str, &str, &str)] = &[
        ("empty.txt", "ru-lines.txt", "[]:[0]\n[]:[1]\n"),
        ("en-lines.txt", "empty.txt", "[0]:[]\n[1]:[]\n"),
        ("empty.txt", "empty.txt", ""),
    ];
    let dir = fixtures();
    for (a, b, want) in table {
        let args = ["align", a, b, "--langs", "en,ru", "--presegmented", "--format", "vecalign"];
        let out = sverka(dir.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        // The beads without their scores.
        let beads: String =
            stdout(&out).lines().map(|l| l.split(':').take(2).collect::<Vec<_>>().join(":") + "\n").collect();
        assert_eq!(beads, *want, "{args:?}");
        let warned = stderr(&out).contains("empty.txt: no sentences");
        assert_eq!(warned, a == &"empty.txt" || b == &"empty.txt", "{args:?}: {}", stderr(&out));
        // Every format renders an empty side without an error.
        for format in ["text", "html", "tsv", "tmx", "json", "ladder"] {
            let out = sverka(dir.path(), &["align", a, b, "--langs", "en,ru", "--format", format]);
            assert_eq!(out.status.code(), Some(0), "{a} {b} {format}: {}", stderr(&out));
        }
    }
    let out = sverka(dir.path(), &["segment", "empty.txt"]);
    assert_eq!((out.status.code(), out.stdout.len()), (Some(0), 0));
}

#[test]
fn a_closed_stdout_pipe_exits_0_quietly() {
    let dir = fixtures();
    let big = "This is a sentence that repeats. ".repeat(40_000);
    std::fs::write(dir.path().join("big.txt"), big).expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .current_dir(dir.path())
        .args(["segment", "big.txt", "--lang", "en"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child.stdout.as_mut().expect("stdout").read_exact(&mut first).expect("some output");
    drop(child.stdout.take());
    let mut err = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut err).expect("read stderr");
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert!(err.is_empty(), "{err}");
}

/// The sample with one paragraph of the English left out: only omission warnings.
fn sample_with_a_dropped_paragraph(dir: &Path) -> PathBuf {
    let en = std::fs::read_to_string(samples().join("en.txt")).expect("sample");
    let kept: Vec<&str> =
        en.lines().filter(|l| !l.starts_with("In his talk with the Russian journalist")).collect();
    assert_eq!(kept.len() + 1, en.lines().count(), "the paragraph to drop is in the sample");
    let path = dir.join("en-dropped.txt");
    std::fs::write(&path, kept.join("\n") + "\n").expect("write");
    path
}

#[test]
fn check_exit_codes_follow_fail_on() {
    let dir = fixtures();
    let dropped = sample_with_a_dropped_paragraph(dir.path());
    let sample = |name: &str| samples().join(name).display().to_string();
    let dropped = dropped.display().to_string();
    // (A, B, --fail-on, exit code)
    let table: &[(String, String, Option<&str>, i32)] = &[
        // The faithful English leaves out one short sentence («Может.»): a warning.
        (sample("en.txt"), sample("ru.txt"), None, 0),
        (sample("en.txt"), sample("ru.txt"), Some("warning"), 1),
        (sample("en.txt"), sample("be.txt"), Some("error"), 0),
        (sample("en-inconsistent.txt"), sample("ru.txt"), None, 1),
        (sample("en-inconsistent.txt"), sample("ru.txt"), Some("error"), 1),
        (sample("en-inconsistent.txt"), sample("ru.txt"), Some("info"), 1),
        (sample("en-inconsistent.txt"), sample("be.txt"), Some("warning"), 1),
        // warnings only: below the default threshold (error), at or above warning/info
        (dropped.clone(), sample("ru.txt"), None, 0),
        (dropped.clone(), sample("ru.txt"), Some("error"), 0),
        (dropped.clone(), sample("ru.txt"), Some("warning"), 1),
        (dropped.clone(), sample("ru.txt"), Some("info"), 1),
    ];
    for (a, b, fail_on, code) in table {
        let mut args = vec!["check", a, b, "--format", "json"];
        if let Some(level) = fail_on {
            args.extend(["--fail-on", level]);
        }
        let out = sverka(dir.path(), &args);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {}", stderr(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
        let severities: Vec<&str> = json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter_map(|f| f["severity"].as_str())
            .collect();
        if a == &dropped {
            assert!(!severities.is_empty() && severities.iter().all(|s| *s == "warning"), "{severities:?}");
        }
    }
}

#[test]
fn a_dash_reads_standard_input() {
    use std::io::Write;
    let dir = fixtures();
    // (arguments, standard input, expected standard output)
    let table: &[(&[&str], &str, &str)] = &[
        (&["segment", "-", "--lang", "en"], "Hi there. Second one.\n", "Hi there.\nSecond one.\n"),
        (
            &["align", "-", "ru-lines.txt", "--presegmented", "--langs", "en,ru", "--format", "vecalign"],
            "Hello world.\nThe second sentence is here.\n",
            "[0]:[0]\n[1]:[1]\n",
        ),
        (
            &["align", "-", "ru-lines.txt", "--presegmented", "--langs", "en,ru", "--format", "vecalign"],
            "",
            "[]:[0]\n[]:[1]\n",
        ),
    ];
    for (args, input, want) in table {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sverka"))
            .current_dir(dir.path())
            .args(*args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
        let out = child.wait_with_output().expect("wait");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        if input.is_empty() {
            assert!(stderr(&out).contains("<stdin>: no sentences"), "{}", stderr(&out));
        }
        let got: String =
            stdout(&out).lines().map(|l| l.split(':').take(2).collect::<Vec<_>>().join(":") + "\n").collect();
        assert_eq!(got, *want, "{args:?}");
    }
}

#[test]
fn score_warns_when_gold_and_test_cover_different_documents() {
    let dir = fixtures();
    std::fs::write(dir.path().join("other.test"), "[0, 1, 2]:[0]\n[3]:[]\n").expect("write");
    // (gold, test, warned)
    for (gold, test, warned) in [("ok.gold", "ok.gold", false), ("ok.gold", "other.test", true)] {
        let out = sverka(dir.path(), &["score", "--gold", gold, "--test", test]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(
            err.contains("warning") && err.contains("(2, 2) vs (4, 1)"),
            warned,
            "{gold} {test}: {err}"
        );
    }
}
