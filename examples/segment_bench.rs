//! Throughput of `sverka::segment::segment` on one core: reads FILE, segments it
//! `--rounds` times (default 5) in the given language (default ru) and prints MB/s
//! (1 MB = 10^6 bytes) of the best and the median round. Used by `scripts/bench-segment`.
//!
//! Usage: `cargo run --release --example segment_bench -- FILE [LANG] [ROUNDS]`

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;
use sverka::model::Lang;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: segment_bench FILE [LANG] [ROUNDS]");
        return std::process::ExitCode::from(2);
    };
    let text = match sverka::input::read_text(std::path::Path::new(path)) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("segment_bench: {err}");
            return std::process::ExitCode::from(2);
        }
    };
    let lang = args.get(1).and_then(|code| Lang::parse(code)).unwrap_or_else(Lang::ru);
    let rounds: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(5).max(1);
    let mb = text.len() as f64 / 1e6;
    let mut secs = Vec::with_capacity(rounds);
    let mut count = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        let sentences = sverka::segment::segment(&text, &lang);
        secs.push(start.elapsed().as_secs_f64());
        count = std::hint::black_box(sentences).len();
    }
    secs.sort_by(f64::total_cmp);
    let best = secs[0];
    let median = secs[secs.len() / 2];
    println!(
        "{path}: {mb:.2} MB, lang {lang}, {count} sentences, {rounds} rounds: best {:.1} MB/s ({best:.3} s), median {:.1} MB/s ({median:.3} s)",
        mb / best,
        mb / median
    );
    std::process::ExitCode::SUCCESS
}
