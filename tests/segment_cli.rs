//! `sverka segment` through the binary: output shape, languages, and input errors
//! (exit 2 with a message naming the file).

use std::path::Path;
use std::process::{Command, Output};

fn sverka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sverka")).args(args).output().expect("run sverka")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write input");
    path.to_string_lossy().into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn one_sentence_per_line_and_blank_line_between_paragraphs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(
        dir.path(),
        "a.txt",
        b"\xEF\xBB\xBFMr. Smith met the\r\ndelegation. It was late.\r\n\r\nSecond paragraph.\r\n",
    );
    let out = sverka(&["segment", &file, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Mr. Smith met the delegation.\nIt was late.\n\nSecond paragraph.\n");
}

#[test]
fn russian_and_belarusian_rules_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ru = write(dir.path(), "ru.txt", "Обсуждали цены и т. д. Далее выступил А. Г. Лукашенко.".as_bytes());
    let out = sverka(&["segment", &ru, "--lang", "ru"]);
    assert_eq!(stdout(&out), "Обсуждали цены и т. д.\nДалее выступил А. Г. Лукашенко.\n");
    let be = write(dir.path(), "be.txt", "Гаворка ідзе пра іх, г.зн. пра саюзнікаў. Так.".as_bytes());
    let out = sverka(&["segment", &be, "--lang", "be"]);
    assert_eq!(stdout(&out), "Гаворка ідзе пра іх, г.зн. пра саюзнікаў.\nТак.\n");
}

#[test]
fn auto_detects_the_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ru = write(
        dir.path(),
        "ru.txt",
        "Встреча прошла в 2024 г. Далее начались переговоры в Минске.".as_bytes(),
    );
    let out = sverka(&["segment", &ru]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Встреча прошла в 2024 г.\nДалее начались переговоры в Минске.\n");
}

#[test]
fn invalid_utf8_is_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "latin1.txt", b"caf\xE9 au lait.");
    let out = sverka(&["segment", &file]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn binary_file_is_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "archive.zip", b"PK\x03\x04\x00\x00\x08\x00binary");
    let out = sverka(&["segment", &file]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("archive.zip") && err.contains("binary"), "{err}");
}

#[test]
fn unreadable_path_is_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-file.txt");
    let out = sverka(&["segment", &missing.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-file.txt"), "{}", stderr(&out));
    let out = sverka(&["segment", &dir.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2), "a directory is not a text file");
}

#[test]
fn unknown_language_is_exit_2_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "a.txt", b"Hello.");
    for bad in ["english", "xx", "e1"] {
        let out = sverka(&["segment", &file, "--lang", bad]);
        assert_eq!(out.status.code(), Some(2), "--lang {bad}");
        let err = stderr(&out);
        assert!(err.contains(&format!("'{bad}'")) && err.contains("en, ru or be"), "{err}");
    }
}

#[test]
fn other_languages_use_neutral_rules() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "de.txt", "Das ist z.B. gut. Dr. Müller kam.".as_bytes());
    let out = sverka(&["segment", &file, "--lang", "de"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Das ist z.B. gut.\nDr. Müller kam.\n");
}

#[test]
fn empty_file_prints_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "empty.txt", b"");
    let out = sverka(&["segment", &file, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}
