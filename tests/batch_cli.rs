//! `sverka batch`: JSONL in, JSONL out, one result per input line, bad lines reported
//! in place, never stopping the batch.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn sverka() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sverka"))
}

fn run_batch(args: &[&str], stdin: impl AsRef<[u8]>) -> (i32, Vec<Value>, String) {
    let mut child = sverka()
        .arg("batch")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sverka");
    // sverka may refuse its arguments and exit before reading stdin: a broken pipe then
    if let Err(e) = child.stdin.take().expect("stdin").write_all(stdin.as_ref()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
    }
    let out = child.wait_with_output().expect("wait");
    let lines = String::from_utf8(out.stdout)
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (out.status.code().unwrap_or(-1), lines, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn one_result_per_line_in_order_with_errors_in_place() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let manifest = format!(
        concat!(
            r#"{{"id":"inline","a":{{"text":"One.\nTwo."}},"b":{{"text":"Один.\nДва."}},"langs":["en","ru"],"presegmented":true}}"#,
            "\n",
            "this is not json\n",
            r#"{{"id":7,"a":"{dir}/tests/batch/en.txt","b":"{dir}/tests/batch/ru.txt"}}"#,
            "\n",
            r#"{{"id":"missing","a":"{dir}/tests/batch/nope.txt","b":"{dir}/tests/batch/ru.txt"}}"#,
            "\n",
            "  \n"
        ),
        dir = dir
    );
    let (code, lines, stderr) = run_batch(&["--jobs", "2"], &manifest);
    assert_eq!(code, 0, "stderr: {stderr}");
    // One output line per input line, the blank one included, so lines pair by position.
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], "inline");
    assert_eq!(lines[0]["beads"].as_array().map(Vec::len), Some(2));
    assert_eq!(lines[0]["stats"]["sentences_b"], 2);
    assert!(lines[1]["error"].as_str().is_some_and(|e| e.starts_with("line 2:")), "{}", lines[1]);
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["langs"], serde_json::json!(["en", "ru"]));
    assert!(lines[2]["beads"].as_array().is_some_and(|b| !b.is_empty()));
    assert_eq!(lines[3]["id"], "missing");
    assert!(lines[3]["error"].as_str().is_some_and(|e| e.contains("nope.txt")), "{}", lines[3]);
    assert_eq!(lines[4]["id"], serde_json::Value::Null);
    assert!(lines[4]["error"].as_str().is_some_and(|e| e.starts_with("line 5: empty line")), "{}", lines[4]);
}

#[test]
fn paths_in_a_manifest_file_are_relative_to_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("a.txt"), "Hello.\n").expect("write");
    std::fs::write(tmp.path().join("b.txt"), "Привет.\n").expect("write");
    let manifest = tmp.path().join("m.jsonl");
    std::fs::write(&manifest, "{\"id\":1,\"a\":\"a.txt\",\"b\":\"b.txt\"}\n").expect("write");
    let (code, lines, stderr) = run_batch(&[manifest.to_str().expect("path")], "");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(lines.len(), 1);
    assert!(lines[0].get("error").is_none(), "{}", lines[0]);
    assert_eq!(lines[0]["stats"]["sentences_a"], 1);
}

#[test]
fn unreadable_manifest_is_exit_2() {
    let (code, lines, stderr) = run_batch(&["/nonexistent/manifest.jsonl"], "");
    assert_eq!(code, 2);
    assert!(lines.is_empty());
    assert!(stderr.contains("/nonexistent/manifest.jsonl"), "{stderr}");
}

#[test]
fn langs_and_dict_options_apply_to_every_line() {
    let manifest = r#"{"id":1,"a":{"text":"Hello."},"b":{"text":"Привет."}}"#.to_string() + "\n";
    let (code, lines, stderr) = run_batch(&["--langs", "en,be"], &manifest);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(lines[0]["langs"], serde_json::json!(["en", "be"]), "{}", lines[0]);

    let tmp = tempfile::tempdir().expect("tempdir");
    let dict = tmp.path().join("dict.tsv");
    std::fs::write(&dict, "hello\tпривет\n").expect("write");
    let (code, lines, stderr) = run_batch(&["--dict", dict.to_str().expect("path")], &manifest);
    assert_eq!(code, 0, "{stderr}");
    assert!(lines[0].get("error").is_none(), "{}", lines[0]);

    let (code, _, stderr) = run_batch(&["--dict", "/nonexistent/dict.tsv"], &manifest);
    assert_eq!(code, 2, "a --dict that cannot be read stops the batch before it starts");
    assert!(stderr.contains("/nonexistent/dict.tsv"), "{stderr}");
}

/// A manifest line of `samples/belta-kursk`'s English and Russian texts.
fn sample_line(id: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/belta-kursk");
    format!(r#"{{"id":"{id}","a":"{dir}/en.txt","b":"{dir}/ru.txt","langs":["en","ru"]}}"#)
}

#[test]
fn a_line_that_is_not_utf8_is_an_error_line_and_the_batch_goes_on() {
    let mut manifest = Vec::new();
    manifest.extend_from_slice(sample_line("1").as_bytes());
    manifest.extend_from_slice(b"\n\xff\n");
    manifest.extend_from_slice(
        b"{\"id\":\"3\",\"a\":{\"text\":\"Caf\xe9.\"},\"b\":{\"text\":\"\xca\xe0\xf4\xe5.\"}}",
    );
    manifest.extend_from_slice(b"\r\n");
    manifest.extend_from_slice(sample_line("4").as_bytes());
    manifest.extend_from_slice(b"\n");
    let (code, lines, stderr) = run_batch(&["--jobs", "2"], &manifest);
    assert_eq!(code, 0, "stderr: {stderr}");
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0]["id"], "1");
    assert!(lines[0]["beads"].as_array().is_some_and(|b| !b.is_empty()), "{}", lines[0]);
    assert_eq!(lines[1]["id"], Value::Null);
    let error = lines[1]["error"].as_str().unwrap_or_default();
    assert!(error.starts_with("line 2:") && error.contains("UTF-8"), "{}", lines[1]);
    assert_eq!(lines[2]["id"], "3", "the id is kept when the line's JSON still shows it");
    assert!(lines[2]["error"].as_str().is_some_and(|e| e.starts_with("line 3:") && e.contains("UTF-8")));
    assert_eq!(lines[3]["id"], "4");
    assert!(lines[3]["beads"].as_array().is_some_and(|b| !b.is_empty()), "{}", lines[3]);
}

/// The options `batch` takes; every other one in `batch --help` would be silently ignored.
const BATCH_OPTIONS: &[&str] = &[
    "--jobs",
    "--emit",
    "--fail-on",
    "--langs",
    "--presegmented",
    "--input-format",
    "--glossary",
    "--dict",
    "--max-group",
    "--profile",
    "--config",
    "--help",
];

#[test]
fn batch_help_lists_only_the_options_batch_uses() {
    let out = sverka().args(["batch", "--help"]).output().expect("run sverka");
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    let listed: Vec<&str> = help
        .split(|c: char| c.is_whitespace() || c == ',' || c == '=')
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .collect();
    for option in &listed {
        assert!(
            BATCH_OPTIONS.contains(option),
            "`batch --help` lists {option}, which batch ignores:\n{help}"
        );
    }
    for option in BATCH_OPTIONS {
        assert!(listed.contains(option), "`batch --help` does not list {option}:\n{help}");
    }
}

#[test]
fn options_batch_cannot_use_are_refused_with_exit_2() {
    let manifest = sample_line("1") + "\n";
    let table: &[&[&str]] = &[
        &["--mt", "libretranslate"],
        &["--mt-url", "http://127.0.0.1:9"],
        &["--mt-model", "gpt"],
        &["--to", "ru"],
        &["--mt-file", "mt.txt"],
        &["--embed-url", "http://127.0.0.1:9"],
        &["--embed-model", "e5"],
        &["--embed-prefix", "query: "],
        &["--sim-weight", "2"],
        &["--sim-null", "0.5"],
        &["--sim-cross", "1"],
        &["--no-cache"],
        &["--cache-dir", "/tmp"],
    ];
    for args in table {
        let (code, lines, stderr) = run_batch(args, &manifest);
        assert_eq!(code, 2, "{args:?} is accepted and ignored");
        assert!(lines.is_empty(), "{args:?}");
        assert!(stderr.contains("batch runs offline") && stderr.contains(args[0]), "{args:?}: {stderr}");
    }
}

/// `--jobs` outside 1..=1024 is refused at once: 0 means nothing, and thousands of
/// threads took seconds to start even on empty input (8,000: 25 s).
#[test]
fn jobs_outside_1_to_1024_are_refused_with_exit_2() {
    let manifest = sample_line("1") + "\n";
    for jobs in ["0", "1025", "8000"] {
        let started = std::time::Instant::now();
        let (code, lines, stderr) = run_batch(&["--jobs", jobs], &manifest);
        assert_eq!(code, 2, "--jobs {jobs} is accepted");
        assert!(lines.is_empty());
        assert!(stderr.contains("--jobs") && stderr.contains("from 1 to 1024"), "{stderr}");
        assert!(started.elapsed().as_secs() < 5, "--jobs {jobs} took {:?}", started.elapsed());
    }
    for jobs in ["1", "1024"] {
        let (code, lines, stderr) = run_batch(&["--jobs", jobs], &manifest);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(lines.len(), 1);
    }
}

#[test]
fn emit_text_carries_the_bitext_of_align_and_every_line_starts_with_its_id() {
    let manifest = sample_line("kursk") + "\nnot json\n" + &sample_line("again") + "\n";
    let out = sverka()
        .args(["batch", "--emit", "text", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().expect("stdin").write_all(manifest.as_bytes())?;
            child.wait_with_output()
        })
        .expect("run sverka batch");
    let text = String::from_utf8(out.stdout).expect("utf8");
    let raw: Vec<&str> = text.lines().collect();
    assert_eq!(raw.len(), 3);
    assert!(raw[0].starts_with(r#"{"id":"kursk","#), "{}", raw[0]);
    assert!(raw[1].starts_with(r#"{"id":null,"error":"#), "{}", raw[1]);
    assert_eq!(raw[0].replace("\"kursk\"", "\"again\""), raw[2]);

    let line: Value = serde_json::from_str(raw[0]).expect("JSON");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/belta-kursk");
    let align = sverka()
        .args(["align", &format!("{dir}/en.txt"), &format!("{dir}/ru.txt"), "--langs", "en,ru"])
        .args(["--format", "bitext"])
        .output()
        .expect("run sverka align");
    let bitext = String::from_utf8(align.stdout).expect("utf8");
    let rows = line["bitext"].as_array().expect("bitext");
    assert_eq!(rows.len(), bitext.lines().count());
    assert_eq!(rows.len(), line["beads"].as_array().map_or(0, Vec::len));
    let clean = |v: &Value| v.as_str().expect("text").replace(|c: char| c.is_control(), " ");
    for (row, tsv) in rows.iter().zip(bitext.lines()) {
        let score = row["score"].as_f64().expect("score");
        assert_eq!(format!("{}\t{}\t{score:.3}", clean(&row["a"]), clean(&row["b"])), tsv);
    }
}

#[test]
fn fail_on_exits_1_when_a_line_has_a_finding_at_or_above_it() {
    let changed = r#"{"id":1,"a":{"text":"Exports grew by 15% in 2024."},"b":{"text":"Экспорт вырос на 12% в 2024 году."},"langs":["en","ru"]}"#;
    let clean = r#"{"id":2,"a":{"text":"Exports grew by 12% in 2024."},"b":{"text":"Экспорт вырос на 12% в 2024 году."},"langs":["en","ru"]}"#;
    let both = format!("{clean}\n{changed}\n");
    assert_eq!(run_batch(&["--fail-on", "error"], &both).0, 1);
    assert_eq!(run_batch(&["--fail-on", "error"], format!("{clean}\n")).0, 0);
    // Without --fail-on the exit code says nothing of findings.
    assert_eq!(run_batch(&[], &both).0, 0);
}
