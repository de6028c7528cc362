//! The library's engine, called as `examples/engine.rs` calls it, gives byte for byte the
//! JSON of `sverka align --format json`: offline, with a machine translation from a
//! loopback LibreTranslate server, and with embeddings (the CLI's from a loopback
//! embeddings server, the example's from the same embedder in memory). `batch` gives the
//! same beads as `align` for the same pair.

#[path = "../examples/engine.rs"]
#[allow(dead_code)]
mod example;
mod services;

use serde_json::{Value, json};
use services::{Loopback, Reply, sverka};
use sverka::mt::NgramEmbedder;

fn sample(name: &str) -> String {
    format!("{}/samples/belta-kursk/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn example(extra: &[&str]) -> String {
    let mut args = vec![sample("en.txt"), sample("ru.txt")];
    args.extend(extra.iter().map(|s| s.to_string()));
    example::run(&args).unwrap_or_else(|e| panic!("the example failed: {e}"))
}

fn cli(extra: &[&str]) -> String {
    let (en, ru) = (sample("en.txt"), sample("ru.txt"));
    let mut args = vec!["align", en.as_str(), ru.as_str(), "--format", "json", "--no-cache"];
    args.extend(extra);
    let (code, out, err) = sverka(&args, &[]);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn offline_the_example_prints_what_the_cli_prints() {
    let json = example(&[]);
    assert_eq!(json, cli(&[]));
    let report: Value = serde_json::from_str(&json).expect("JSON");
    assert!(report["beads"].as_array().is_some_and(|b| b.len() > 10), "{json}");
}

#[test]
fn with_a_machine_translation_the_example_prints_what_the_cli_prints() {
    // A LibreTranslate that "translates" Russian by romanising it: names then match.
    let server = Loopback::start(|_, req| {
        let body = req.json();
        let texts: Vec<String> = body["q"]
            .as_array()
            .map(|q| q.iter().map(|t| t.as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_default();
        let out: Vec<String> = texts
            .iter()
            .map(|t| {
                sverka::translit::transliterate(
                    t,
                    &sverka::model::Lang::ru(),
                    sverka::translit::System::BgnPcgn,
                )
            })
            .collect();
        Reply::json(200, json!({ "translatedText": out }))
    });
    let mt = ["--mt", "libretranslate", "--mt-url", server.url.as_str()];
    let json = example(&mt);
    assert!(server.count() > 0, "the translator was not asked");
    assert_eq!(json, cli(&mt));
    let report: Value = serde_json::from_str(&json).expect("JSON");
    assert!(report["mt"].as_array().is_some_and(|m| !m.is_empty()), "no MT in the report");
}

#[test]
fn with_embeddings_in_memory_the_example_prints_what_the_cli_prints_over_http() {
    let server = Loopback::start(|_, req| {
        let embedder = NgramEmbedder::default();
        let data: Vec<Value> = req.json()["input"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .map(|(i, t)| json!({"index": i, "embedding": embedder.vector(t.as_str().unwrap_or_default())}))
            .collect();
        Reply::json(200, json!({ "data": data }))
    });
    let url = format!("{}/v1", server.url);
    let over_http = cli(&["--embed-url", &url, "--embed-prefix", ""]);
    assert!(server.count() > 0, "the embeddings service was not asked");
    assert_eq!(example(&["--ngram-embeddings"]), over_http);
    // Character trigrams of English and Russian say nothing about each other: the aligner
    // finds them to be noise and the result is the offline one.
    assert_eq!(over_http, cli(&[]));
}

#[test]
fn batch_and_align_give_the_same_beads_for_the_same_pair() {
    let read = |name: &str| std::fs::read_to_string(sample(name)).expect("sample");
    let manifest = json!({"id": "kursk", "a": {"text": read("en.txt")}, "b": {"text": read("ru.txt")}});
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pairs.jsonl");
    std::fs::write(&path, format!("{manifest}\n")).expect("write manifest");
    let (code, out, err) = sverka(&["batch", path.to_str().expect("utf-8 path")], &[]);
    assert_eq!(code, 0, "{err}");
    let line: Value = serde_json::from_str(out.trim()).expect("one JSON line");
    let aligned: Value = serde_json::from_str(&cli(&[])).expect("JSON");
    assert_eq!(line["beads"], aligned["beads"]);
    assert_eq!(line["findings"], aligned["findings"]);
}
