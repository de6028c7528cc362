//! Test helpers: real local services started on a free 127.0.0.1 port and killed on
//! drop, and a loopback HTTP server that answers like a provider and records requests.

#![allow(dead_code, clippy::unwrap_used)]

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A child process killed (and reaped) when dropped.
pub struct ServiceGuard {
    child: Child,
    /// The port it listens on.
    pub port: u16,
}

impl Drop for ServiceGuard {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl ServiceGuard {
    /// Starts `program args` (the port is already in `args`) and waits until GET `path`
    /// answers 200. Panics (failing the test) when the program is missing or never ready.
    pub fn start(program: &str, args: &[String], port: u16, path: &str, wait: Duration) -> ServiceGuard {
        let child = Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program} ({e}): run scripts/test, which installs it"));
        let mut guard = ServiceGuard { child, port };
        let url = format!("http://127.0.0.1:{port}{path}");
        let deadline = Instant::now() + wait;
        loop {
            if let Ok(Some(status)) = guard.child.try_wait() {
                panic!("{program} exited early with {status}");
            }
            if http_get_ok(&url) {
                return guard;
            }
            assert!(Instant::now() < deadline, "{program} did not answer {url} within {wait:?}");
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

fn http_get_ok(url: &str) -> bool {
    reqwest::blocking::Client::new()
        .get(url)
        .timeout(Duration::from_secs(5))
        .send()
        .is_ok_and(|r| r.status().is_success())
}

/// One request as the loopback server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    /// `GET`, `POST`…
    pub method: String,
    /// Path and query.
    pub url: String,
    /// Headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
}

impl Seen {
    /// The value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// What the loopback server answers: status, extra headers, body.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// Body (JSON text).
    pub body: String,
}

impl Reply {
    /// A JSON answer.
    pub fn json(status: u16, body: serde_json::Value) -> Reply {
        Reply { status, headers: Vec::new(), body: body.to_string() }
    }
    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

type Handler = dyn Fn(usize, &Seen) -> Reply + Send + Sync;

/// A loopback HTTP server on a free port; `handler(n, request)` answers request number
/// `n` (0-based). Stops when dropped.
pub struct Loopback {
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
    count: Arc<AtomicUsize>,
    seen: Arc<Mutex<Vec<Seen>>>,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

impl Loopback {
    /// Starts the server.
    pub fn start(handler: impl Fn(usize, &Seen) -> Reply + Send + Sync + 'static) -> Loopback {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let count = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let thread = {
            let (server, count, seen) = (server.clone(), count.clone(), seen.clone());
            std::thread::spawn(move || {
                for mut request in server.incoming_requests() {
                    let mut body = String::new();
                    let _ = request.as_reader().read_to_string(&mut body);
                    let req = Seen {
                        method: request.method().to_string(),
                        url: request.url().to_string(),
                        headers: request
                            .headers()
                            .iter()
                            .map(|h| {
                                (h.field.as_str().as_str().to_ascii_lowercase(), h.value.as_str().to_string())
                            })
                            .collect(),
                        body,
                    };
                    let n = count.fetch_add(1, Ordering::SeqCst);
                    let reply = handler(n, &req);
                    seen.lock().unwrap().push(req);
                    let mut response =
                        tiny_http::Response::from_string(reply.body).with_status_code(reply.status);
                    let content_type =
                        tiny_http::Header::from_bytes("Content-Type", "application/json").unwrap();
                    response.add_header(content_type);
                    for (name, value) in reply.headers {
                        response.add_header(
                            tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap(),
                        );
                    }
                    let _ = request.respond(response);
                }
            })
        };
        Loopback { url: format!("http://127.0.0.1:{port}"), server, thread: Some(thread), count, seen }
    }

    /// Requests received so far.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// The requests received so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Runs the sverka binary with `args` and extra environment; returns (code, stdout, stderr).
/// Provider key variables from the caller's environment are removed first.
pub fn sverka(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sverka"));
    cmd.args(args);
    for var in [
        "SVERKA_MT_KEY",
        "DEEPL_AUTH_KEY",
        "GOOGLE_API_KEY",
        "OPENAI_API_KEY",
        "LIBRETRANSLATE_API_KEY",
        "SVERKA_EMBED_KEY",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes `text` to `name` in `dir` and returns the path as a string.
pub fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}
