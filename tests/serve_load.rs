//! A bounded load test of `sverka serve` on loopback: 50 concurrent clients each send
//! 20 `POST /api/align` requests with the sample pair (1,000 alignments); every answer
//! must be 200 with the sample's beads. Prints the median and 95th percentile latency
//! (BENCHMARKS.md has the figures of a release build:
//! `cargo test --release --features services --test serve_load -- --nocapture`).
//! Needs the `services` feature (scripts/test turns it on).

#![cfg(feature = "services")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/belta-kursk");
const CLIENTS: usize = 50;
const REQUESTS: usize = 20;

#[test]
fn fifty_clients_times_twenty_alignments_without_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(["serve", dir.path().to_str().unwrap(), "--port", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
    let line = lines.next().unwrap().unwrap();
    let base = line[line.find("http://").unwrap()..]
        .split_whitespace()
        .next()
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    std::thread::spawn(move || for _ in lines {});

    let read = |f: &str| std::fs::read_to_string(format!("{SAMPLE}/{f}")).unwrap();
    let body = json!({"a": {"text": read("en.txt")}, "b": {"text": read("ru.txt")}, "langs": ["en", "ru"]})
        .to_string();
    let expected = expected_beads();
    let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(300)).build().unwrap();
    let url = format!("{base}/api/align");
    let started = Instant::now();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (client, url, body) = (client.clone(), url.clone(), body.clone());
            std::thread::spawn(move || {
                let mut times = Vec::with_capacity(REQUESTS);
                let mut failures = Vec::new();
                for _ in 0..REQUESTS {
                    let t = Instant::now();
                    let answer = client
                        .post(&url)
                        .header("content-type", "application/json")
                        .body(body.clone())
                        .send()
                        .map_err(|e| e.to_string())
                        .and_then(|r| {
                            let status = r.status();
                            let value: Value = r.json().map_err(|e| e.to_string())?;
                            Ok((status, value))
                        });
                    times.push(t.elapsed().as_secs_f64() * 1000.0);
                    match answer {
                        Ok((status, value))
                            if status.is_success()
                                && value["beads"].as_array().is_some_and(|b| b.len() == expected) => {}
                        Ok((status, value)) => failures.push(format!("{status}: {}", value["error"])),
                        Err(e) => failures.push(e),
                    }
                }
                (times, failures)
            })
        })
        .collect();
    let mut times = Vec::new();
    let mut failures = Vec::new();
    for t in threads {
        let (mut t, mut f) = t.join().unwrap();
        times.append(&mut t);
        failures.append(&mut f);
    }
    let wall = started.elapsed();
    let _ = server.kill();
    let _ = server.wait();
    times.sort_by(f64::total_cmp);
    let pct =
        |p: f64| times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1).min(times.len() - 1)];
    eprintln!(
        "{} requests from {CLIENTS} clients in {:.1} s ({:.0} per second): p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms",
        times.len(),
        wall.as_secs_f64(),
        times.len() as f64 / wall.as_secs_f64(),
        pct(0.50),
        pct(0.95),
        times[times.len() - 1]
    );
    assert_eq!(times.len(), CLIENTS * REQUESTS);
    assert!(failures.is_empty(), "{} failed, e.g. {:?}", failures.len(), &failures[..failures.len().min(3)]);
}

/// The number of beads `sverka align --format json` gives for the sample pair: the server
/// must answer the same alignment as the CLI.
fn expected_beads() -> usize {
    let out = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .args(["align", &format!("{SAMPLE}/en.txt"), &format!("{SAMPLE}/ru.txt"), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    value["beads"].as_array().unwrap().len()
}
