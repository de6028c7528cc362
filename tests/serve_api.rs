//! The HTTP API of `sverka serve`, called through the router without a socket: every
//! route, bad JSON, a 50 MB body, `../` paths and links out of the directory, unknown
//! pair ids, two pages editing one pair (409), a restart keeping the corrections, the
//! user glossary written from a finding, exports, and the access guards. Every answer
//! is checked for its status and, for errors, a JSON `{"error": ...}` body.

#![allow(clippy::unwrap_used)]

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Arc;
use sverka::serve::{App, ServeOptions, router};
use tower::ServiceExt;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/belta-kursk");
const PAIR: &str = "belta-kursk:en-inconsistent:ru";

/// A served directory holding a copy of the sample folder.
fn served() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("belta-kursk");
    std::fs::create_dir(&folder).unwrap();
    for f in ["en.txt", "en-inconsistent.txt", "ru.txt", "be.txt"] {
        std::fs::copy(Path::new(SAMPLE).join(f), folder.join(f)).unwrap();
    }
    dir
}

fn app_with(dir: &Path, edit: impl FnOnce(&mut ServeOptions)) -> Arc<App> {
    let mut options = ServeOptions::new(dir);
    edit(&mut options);
    App::new(options).unwrap()
}

fn app(dir: &Path) -> Arc<App> {
    app_with(dir, |_| {})
}

/// One request; the answer's status, headers and body (JSON when it parses, else a string).
async fn call_with(
    app: &Arc<App>,
    method: &str,
    uri: &str,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> (StatusCode, axum::http::HeaderMap, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = match body {
        Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .unwrap();
    let response = router(app.clone()).oneshot(req).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, headers, value)
}

async fn call(app: &Arc<App>, method: &str, uri: &str, body: Option<Value>) -> (StatusCode, Value) {
    let (status, headers, value) = call_with(app, method, uri, body, &[]).await;
    if !status.is_success() && status != StatusCode::SEE_OTHER {
        assert_eq!(headers.get(header::CONTENT_TYPE).unwrap(), "application/json", "{method} {uri}");
        assert!(value["error"].as_str().is_some_and(|e| !e.is_empty()), "{method} {uri}: {value}");
    }
    (status, value)
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(Path::new(SAMPLE).join(name)).unwrap()
}

fn beads(state: &Value) -> Vec<(Vec<u64>, Vec<u64>)> {
    state["report"]["beads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let ids = |k: &str| b[k].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
            (ids("a"), ids("b"))
        })
        .collect()
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_with_a_strict_policy() {
    let dir = served();
    let app = app(dir.path());
    for uri in ["/", &format!("/pair/{PAIR}")] {
        let (status, headers, body) = call_with(&app, "GET", uri, None, &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html"));
        assert!(headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("script-src 'self'"));
        assert!(body.as_str().unwrap().contains("/assets/app.js"));
    }
    for (asset, kind) in
        [("app.js", "text/javascript"), ("app.css", "text/css"), ("icon.svg", "image/svg+xml")]
    {
        let (status, headers, _) = call_with(&app, "GET", &format!("/assets/{asset}"), None, &[]).await;
        assert_eq!(status, StatusCode::OK, "{asset}");
        assert!(headers[header::CONTENT_TYPE].to_str().unwrap().starts_with(kind));
        assert_eq!(headers["x-content-type-options"], "nosniff");
    }
    assert_eq!(call(&app, "GET", "/assets/..%2F..%2FCargo.toml", None).await.0, StatusCode::NOT_FOUND);
    assert_eq!(call(&app, "GET", "/assets/nope.js", None).await.0, StatusCode::NOT_FOUND);
    assert_eq!(call(&app, "GET", "/nowhere", None).await.0, StatusCode::NOT_FOUND);
    assert_eq!(call(&app, "GET", "/api/nowhere", None).await.0, StatusCode::NOT_FOUND);
    assert_eq!(call(&app, "DELETE", "/api/pairs", None).await.0, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(call(&app, "GET", "/api/align", None).await.0, StatusCode::METHOD_NOT_ALLOWED);
    let (status, info) = call(&app, "GET", "/api/info", None).await;
    assert_eq!((status, info["token_required"].as_bool()), (StatusCode::OK, Some(false)));
}

#[tokio::test]
async fn align_and_check_answer_the_json_report_of_the_command_line() {
    let dir = served();
    let app = app(dir.path());
    let body = json!({"a": {"text": sample("en-inconsistent.txt")}, "b": {"text": sample("ru.txt")}, "langs": ["en", "ru"]});
    let (status, report) = call(&app, "POST", "/api/align", Some(body.clone())).await;
    assert_eq!(status, StatusCode::OK);
    let (code, cli, err) = {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sverka"))
            .args(["check", &format!("{SAMPLE}/en-inconsistent.txt"), &format!("{SAMPLE}/ru.txt")])
            .args(["--langs", "en,ru", "--format", "json"])
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
    };
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(report, serde_json::from_str::<Value>(&cli).unwrap());
    let (status, checked) = call(&app, "POST", "/api/check", Some(body)).await;
    assert_eq!((status, &checked), (StatusCode::OK, &report));
    // The sample's four injected errors, one finding each, and the dropped «Может.».
    let kinds: Vec<&str> =
        report["findings"].as_array().unwrap().iter().map(|f| f["check"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["number-mismatch", "glossary-variant", "name-inconsistent", "glossary-variant", "omission"]
    );
    // Profiles, HTML input, and presegmented text.
    let body = json!({"a": {"text": "<h1>Zelensky spoke.</h1><p>He left. Then</p>", "format": "html"},
                      "b": {"text": "Зеленский выступил. Он уехал."}, "langs": ["en", "ru"], "profile": "reuters"});
    let (status, report) = call(&app, "POST", "/api/check", Some(body)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["a"]["sentences"], json!(["Zelensky spoke.", "He left.", "Then"]));
    assert_eq!(report["findings"][0]["expected"], "Zelenskiy", "{report}");
    let body =
        json!({"a": {"text": "One. Two.\nThree."}, "b": {"text": "Раз. Два.\nТри."}, "presegmented": true});
    let (_, report) = call(&app, "POST", "/api/align", Some(body)).await;
    assert_eq!(report["a"]["sentences"], json!(["One. Two.", "Three."]));
    let unknown = json!({"a": {"text": "x"}, "b": {"text": "y"}, "profile": "nosuch"});
    assert_eq!(call(&app, "POST", "/api/align", Some(unknown)).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let langs = json!({"a": {"text": "x"}, "b": {"text": "y"}, "langs": ["en"]});
    assert_eq!(call(&app, "POST", "/api/align", Some(langs)).await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bad_bodies_are_json_errors_and_the_server_goes_on() {
    let dir = served();
    let app = app(dir.path());
    let send = |body: Body, content_type: Option<&'static str>| {
        let app = app.clone();
        async move {
            let mut req = Request::builder().method("POST").uri("/api/align");
            if let Some(t) = content_type {
                req = req.header(header::CONTENT_TYPE, t);
            }
            let response = router(app).oneshot(req.body(body).unwrap()).await.unwrap();
            let status = response.status();
            let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
            let value: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            assert!(value["error"].is_string(), "{status}: {}", String::from_utf8_lossy(&bytes));
            status
        }
    };
    assert_eq!(send(Body::from("{\"a\":"), Some("application/json")).await, StatusCode::BAD_REQUEST);
    assert_eq!(send(Body::from("[1,2]"), Some("application/json")).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        send(Body::from("{\"a\":{\"text\":\"x\"}}"), Some("application/json")).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(send(Body::from("{}"), None).await, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(send(Body::from(vec![0xff, 0xfe]), Some("application/json")).await, StatusCode::BAD_REQUEST);
    let big = format!("{{\"a\":{{\"text\":\"{}\"}},\"b\":{{\"text\":\"x\"}}}}", "x".repeat(50 * 1024 * 1024));
    assert_eq!(send(Body::from(big), Some("application/json")).await, StatusCode::PAYLOAD_TOO_LARGE);
    let edit = json!({"version": 0, "op": "explode"});
    assert_eq!(
        call(&app, "POST", &format!("/api/pairs/{PAIR}/edits"), Some(edit)).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let query = call(&app, "GET", &format!("/api/pairs/{PAIR}/findings?version=abc"), None).await;
    assert_eq!(query.0, StatusCode::BAD_REQUEST);
    assert_eq!(call(&app, "GET", "/api/pairs/%FF%FE/export/tmx", None).await.0, StatusCode::BAD_REQUEST);
    let (status, _) = call(&app, "GET", "/api/pairs", None).await;
    assert_eq!(status, StatusCode::OK, "still serving");
}

#[tokio::test]
async fn paths_out_of_the_directory_and_unknown_pairs_are_refused() {
    let dir = served();
    let outside = tempfile::tempdir().unwrap();
    for f in ["en.txt", "ru.txt"] {
        std::fs::write(outside.path().join(f), sample(f)).unwrap();
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), dir.path().join("linked")).unwrap();
    let app = app(dir.path());
    let bad = [
        "..%2F..%2Fetc:en:ru",
        "..:en:ru",
        "belta-kursk:..%2Fen:ru",
        "%2Fetc:en:ru",
        "belta-kursk:en",
        "a:b:c:d",
    ];
    for id in bad {
        for (method, route) in [("GET", ""), ("GET", "/export/tmx"), ("GET", "/findings")] {
            let (status, _) = call(&app, method, &format!("/api/pairs/{id}{route}"), None).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{method} {id}{route}");
        }
    }
    let unknown = ["belta-kursk:en:uk", "nosuch:en:ru", "linked:en:ru", "belta-kursk:en-nosuch:ru"];
    for id in unknown {
        assert_eq!(
            call(&app, "GET", &format!("/api/pairs/{id}"), None).await.0,
            StatusCode::NOT_FOUND,
            "{id}"
        );
        let edit = json!({"version": 0, "op": "merge", "bead": 0});
        let (status, _) = call(&app, "POST", &format!("/api/pairs/{id}/edits"), Some(edit)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id}");
        assert_eq!(
            call(&app, "GET", &format!("/api/pairs/{id}/export/tmx"), None).await.0,
            StatusCode::NOT_FOUND
        );
        let glossary = json!({"action": "variant", "finding": {"check": "name-inconsistent", "found": "A", "expected": "B"}});
        let (status, _) = call(&app, "POST", &format!("/api/pairs/{id}/glossary"), Some(glossary)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id}");
    }
    let (_, list) = call(&app, "GET", "/api/pairs", None).await;
    assert!(list["pairs"].as_array().unwrap().iter().all(|p| p["folder"] == "belta-kursk"), "{list}");
    // New pairs cannot be named out of the directory either.
    for name in ["../evil", "/tmp/evil", ".hidden", "a/b"] {
        let body =
            json!({"name": name, "a": {"text": "One."}, "b": {"text": "Один."}, "langs": ["en", "ru"]});
        assert_eq!(call(&app, "POST", "/api/pairs", Some(body)).await.0, StatusCode::BAD_REQUEST, "{name}");
    }
    assert!(!dir.path().parent().unwrap().join("evil").exists());
    assert_eq!(
        call(&app, "GET", &format!("/api/pairs/{PAIR}/export/..%2Fx"), None).await.0,
        StatusCode::NOT_FOUND
    );
    assert!(!outside.path().join("en.ru.sverka.json").exists(), "nothing written outside");
}

#[tokio::test]
async fn corrections_are_saved_versioned_undone_and_survive_a_restart() {
    let dir = served();
    let app = app(dir.path());
    let uri = format!("/api/pairs/{PAIR}");
    let (status, first) = call(&app, "GET", &uri, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((first["version"].as_u64(), first["checks"].as_str()), (Some(0), Some("complete")));
    let project = dir.path().join("belta-kursk/en-inconsistent.ru.sverka.json");
    assert!(project.is_file(), "the project file is written on opening");
    let before = beads(&first);
    let edits = format!("{uri}/edits");
    let (status, merged) =
        call(&app, "POST", &edits, Some(json!({"version": 0, "op": "merge", "bead": 3}))).await;
    assert_eq!(status, StatusCode::OK, "{merged}");
    assert_eq!(merged["version"], 1);
    assert!(merged["report"].get("a").is_none(), "sentences are not sent again when unchanged");
    assert_eq!(beads(&merged).len(), before.len() - 1);
    assert_eq!(
        beads(&merged)[3],
        (
            [before[3].0.clone(), before[4].0.clone()].concat(),
            [before[3].1.clone(), before[4].1.clone()].concat()
        )
    );
    // A second page that still shows version 0 is refused and told the current version.
    let (status, conflict) =
        call(&app, "POST", &edits, Some(json!({"version": 0, "op": "merge", "bead": 0}))).await;
    assert_eq!((status, conflict["version"].as_u64()), (StatusCode::CONFLICT, Some(1)));
    // A refused correction changes nothing.
    let (status, refused) =
        call(&app, "POST", &edits, Some(json!({"version": 1, "op": "merge", "bead": 999}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused["error"].as_str().unwrap().contains("no next bead"));
    let split = json!({"version": 1, "op": "split-sentence", "side": "a", "sentence": 0, "at": 7});
    let (status, split) = call(&app, "POST", &edits, Some(split)).await;
    assert_eq!(status, StatusCode::OK, "{split}");
    assert_eq!(split["report"]["a"]["sentences"][0], "Posted:", "sentences are sent when they changed");
    let (_, undone) = call(&app, "POST", &format!("{uri}/undo"), Some(json!({"version": 2}))).await;
    assert_eq!((undone["version"].as_u64(), undone["can_redo"].as_bool()), (Some(3), Some(true)));
    assert_eq!(undone["report"]["a"]["sentences"].as_array().unwrap().len(), 29);
    let (_, redone) = call(&app, "POST", &format!("{uri}/redo"), Some(json!({"version": 3}))).await;
    assert_eq!(redone["version"], 4);
    let (_, undone) = call(&app, "POST", &format!("{uri}/undo"), Some(json!({"version": 4}))).await;
    assert_eq!(
        call(&app, "POST", &format!("{uri}/redo"), Some(json!({"version": 4}))).await.0,
        StatusCode::CONFLICT
    );
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&project).unwrap()).unwrap();
    assert_eq!((saved["version"].as_u64(), saved["edits"].as_array().unwrap().len()), (Some(5), 1));
    assert_eq!(saved["edits"][0], json!({"op": "merge", "bead": 3}));
    // A new server on the same directory shows the same state.
    let restarted = app_with(dir.path(), |_| {});
    let (_, again) = call(&restarted, "GET", &uri, None).await;
    assert_eq!(beads(&again), beads(&undone));
    assert_eq!((again["version"].as_u64(), again["can_redo"].as_bool()), (Some(5), Some(true)));
    let (_, waited) = call(&restarted, "GET", &format!("{uri}/findings?version=5"), None).await;
    assert_eq!(waited["checks"], "complete");
    assert_eq!(waited["findings"], again["report"]["findings"]);
    // Starting over aligns the files again and keeps the old project aside.
    let (status, reset) =
        call(&restarted, "POST", &format!("{uri}/reset"), Some(json!({"version": 5}))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((beads(&reset), reset["edits"].as_u64()), (before, Some(0)));
    assert!(dir.path().join("belta-kursk/en-inconsistent.ru.sverka.json.bak").is_file());
}

#[tokio::test]
async fn a_finding_goes_into_the_user_glossary_and_later_runs_use_it() {
    let dir = served();
    let app = app(dir.path());
    let uri = format!("/api/pairs/{PAIR}");
    let (_, state) = call(&app, "GET", &uri, None).await;
    let finding = state["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check"] == "name-inconsistent" && f["found"] == "Kursk region")
        .unwrap()
        .clone();
    let body = json!({"action": "variant", "finding": finding});
    let (status, answer) = call(&app, "POST", &format!("{uri}/glossary"), Some(body.clone())).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let text = std::fs::read_to_string(dir.path().join("glossary.tsv")).unwrap();
    assert!(
        text.lines().any(|l| l.starts_with("Kursk Region|Kursk Oblast\t") && l.contains("\tKursk region\t")),
        "{text}"
    );
    let checks: Vec<(String, String)> = answer["state"]["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["check"].as_str().unwrap().to_string(), f["found"].as_str().unwrap().to_string()))
        .collect();
    assert!(checks.contains(&("glossary-variant".into(), "Kursk region".into())), "{checks:?}");
    let (status, _) = call(&app, "POST", &format!("{uri}/glossary"), Some(body)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "already a variant now");
    // Another pair and a new server read it too.
    let other = app_with(dir.path(), |_| {});
    let (_, state) = call(&other, "GET", "/api/pairs/belta-kursk:en-inconsistent:be", None).await;
    assert!(
        state["report"]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["check"] == "glossary-variant" && f["found"] == "Kursk region")
    );
    let (_, user) = call(&other, "GET", "/api/glossary", None).await;
    assert_eq!(user["text"].as_str().unwrap(), text);
    let number = json!({"action": "house-spelling", "finding": {"check": "number-mismatch", "found": "26", "expected": "25"}});
    assert_eq!(
        call(&app, "POST", &format!("{uri}/glossary"), Some(number)).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn exports_render_the_corrected_alignment() {
    let dir = served();
    let app = app(dir.path());
    let uri = format!("/api/pairs/{PAIR}");
    let (_, state) = call(&app, "GET", &uri, None).await;
    let n = beads(&state).len();
    call(&app, "POST", &format!("{uri}/edits"), Some(json!({"version": 0, "op": "merge", "bead": 0}))).await;
    let formats = [
        ("tmx", "application/x-tmx+xml"),
        ("tsv", "text/tab-separated-values"),
        ("json", "application/json"),
        ("vecalign", "text/plain"),
        ("html", "text/html"),
        ("ladder", "text/plain"),
        ("text", "text/plain"),
    ];
    for (format, kind) in formats {
        let (status, headers, body) =
            call_with(&app, "GET", &format!("{uri}/export/{format}"), None, &[]).await;
        assert_eq!(status, StatusCode::OK, "{format}");
        assert!(headers[header::CONTENT_TYPE].to_str().unwrap().starts_with(kind), "{format}");
        let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
        assert!(
            disposition.starts_with("attachment; filename=\"belta-kursk.en-inconsistent-ru."),
            "{disposition}"
        );
        match format {
            "vecalign" => assert_eq!(body.as_str().unwrap().lines().count(), n - 1),
            "json" => assert_eq!(body["beads"].as_array().unwrap().len(), n - 1),
            "tmx" => {
                let tmx = body.as_str().unwrap();
                assert!(tmx.contains("<tu tuid=\"0\">") && tmx.matches("<tu ").count() < n);
            }
            _ => {}
        }
    }
    let (_, _, kept) =
        call_with(&app, "GET", &format!("{uri}/export/tmx?keep_unaligned=true"), None, &[]).await;
    assert_eq!(kept.as_str().unwrap().matches("<tu ").count(), n - 1);
    assert_eq!(call(&app, "GET", &format!("{uri}/export/pdf"), None).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn new_pairs_come_from_pasted_text_or_uploaded_files() {
    let dir = served();
    let app = app(dir.path());
    let body = json!({"a": {"text": sample("en.txt")}, "b": {"text": sample("be.txt")}});
    let (status, made) = call(&app, "POST", "/api/pairs", Some(body.clone())).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert_eq!(made["id"], "posted-25-10-2024-17:en:be", "B's language was detected");
    let (status, again) = call(&app, "POST", "/api/pairs", Some(body)).await;
    assert_eq!((status, again["id"].as_str()), (StatusCode::CREATED, Some("posted-25-10-2024-17-2:en:be")));
    let html = base64_of(
        format!("<html><body><article><h1>{}</h1></article></body></html>", "Talks resume.").as_bytes(),
    );
    let upload = json!({"name": "uploaded", "a": {"base64": html, "filename": "page.html"}, "b": {"text": "Переговоры возобновились."}, "langs": ["en", "ru"]});
    let (status, made) = call(&app, "POST", "/api/pairs", Some(upload.clone())).await;
    assert_eq!((status, made["id"].as_str()), (StatusCode::CREATED, Some("uploaded:en:ru")));
    assert!(dir.path().join("uploaded/en.html").is_file() && dir.path().join("uploaded/ru.txt").is_file());
    assert_eq!(call(&app, "POST", "/api/pairs", Some(upload)).await.0, StatusCode::CONFLICT);
    let (_, state) = call(&app, "GET", "/api/pairs/uploaded:en:ru", None).await;
    assert_eq!(state["report"]["a"]["sentences"], json!(["Talks resume."]));
    let english_b = json!({"a": {"text": "One."}, "b": {"text": "Two sentences in English here."}});
    assert_eq!(call(&app, "POST", "/api/pairs", Some(english_b)).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let broken =
        json!({"a": {"text": "One."}, "b": {"base64": "eHh4", "filename": "ru.docx"}, "langs": ["en", "ru"]});
    assert_eq!(call(&app, "POST", "/api/pairs", Some(broken)).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, list) = call(&app, "GET", "/api/pairs", None).await;
    assert!(list["pairs"].as_array().unwrap().iter().any(|p| p["id"] == "uploaded:en:ru"));
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[tokio::test]
async fn a_token_host_and_origin_guard_the_server() {
    let dir = served();
    let app = app_with(dir.path(), |o| {
        o.token = Some("s3cret".into());
        o.loopback_only = false;
    });
    assert_eq!(call(&app, "GET", "/api/pairs", None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(call(&app, "GET", "/", None).await.0, StatusCode::UNAUTHORIZED);
    let ok = |headers: &'static [(&'static str, &'static str)]| {
        let app = app.clone();
        async move { call_with(&app, "GET", "/api/pairs", None, headers).await.0 }
    };
    assert_eq!(ok(&[("x-sverka-token", "s3cret")]).await, StatusCode::OK);
    assert_eq!(ok(&[("authorization", "Bearer s3cret")]).await, StatusCode::OK);
    assert_eq!(ok(&[("cookie", "a=b; sverka_token=s3cret")]).await, StatusCode::OK);
    assert_eq!(ok(&[("x-sverka-token", "wrong")]).await, StatusCode::UNAUTHORIZED);
    let (status, headers, _) = call_with(&app, "GET", "/pair/x?token=s3cret", None, &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[header::LOCATION], "/pair/x");
    assert!(
        headers[header::SET_COOKIE].to_str().unwrap().starts_with("sverka_token=s3cret; Path=/; HttpOnly")
    );
    assert_eq!(call_with(&app, "GET", "/?token=nope", None, &[]).await.0, StatusCode::UNAUTHORIZED);
    // On loopback: no token, but only loopback host names, and no changes from other sites.
    let local = app_with(dir.path(), |_| {});
    let host = |h: &'static str| {
        let local = local.clone();
        async move { call_with(&local, "GET", "/api/pairs", None, &[("host", h)]).await.0 }
    };
    assert_eq!(host("127.0.0.1:8787").await, StatusCode::OK);
    assert_eq!(host("localhost:8787").await, StatusCode::OK);
    assert_eq!(host("evil.example:8787").await, StatusCode::FORBIDDEN);
    let cross = [("host", "127.0.0.1:8787"), ("origin", "http://evil.example")];
    let body = json!({"a": {"text": "x"}, "b": {"text": "y"}});
    assert_eq!(
        call_with(&local, "POST", "/api/align", Some(body.clone()), &cross).await.0,
        StatusCode::FORBIDDEN
    );
    let same = [("host", "127.0.0.1:8787"), ("origin", "http://127.0.0.1:8787")];
    assert_eq!(call_with(&local, "POST", "/api/align", Some(body), &same).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_moved_sentence_is_linked_across_other_beads() {
    let dir = served();
    let app = app(dir.path());
    let edits = format!("/api/pairs/{PAIR}/edits");
    let (_, state) = call(&app, "GET", &format!("/api/pairs/{PAIR}"), None).await;
    let start = beads(&state);
    let (x, y) = (5, 15);
    assert_eq!((start[x].0.len(), start[x].1.len(), start[y].1.len()), (1, 1, 1));
    let (a, b) = (start[x].0[0], start[y].1[0]);
    let steps = [
        json!({"version": 0, "op": "unalign", "side": "a", "sentence": a}),
        json!({"version": 1, "op": "unalign", "side": "b", "sentence": b}),
        json!({"version": 2, "op": "link", "a": a, "b": b}),
    ];
    let mut last = Value::Null;
    for step in steps {
        let (status, state) = call(&app, "POST", &edits, Some(step.clone())).await;
        assert_eq!(status, StatusCode::OK, "{step}: {state}");
        last = state;
    }
    let linked = beads(&last);
    let at = linked.iter().position(|(ids_a, _)| ids_a == &[a]).unwrap();
    assert_eq!(linked[at].1, [b], "A {a} and B {b} in one bead at A's place");
    assert!(linked[at + 1].1.first().is_some_and(|&next| next < b), "the bead crosses the ones after it");
    let checks: Vec<&str> =
        last["report"]["findings"].as_array().unwrap().iter().map(|f| f["check"].as_str().unwrap()).collect();
    assert!(checks.contains(&"omission"), "B {} is left without a counterpart: {checks:?}", start[x].1[0]);
    let vecalign = call_with(&app, "GET", &format!("/api/pairs/{PAIR}/export/vecalign"), None, &[]).await.2;
    assert!(vecalign.as_str().unwrap().lines().any(|l| l.starts_with(&format!("[{a}]:[{b}]"))), "{vecalign}");
}
