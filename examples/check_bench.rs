//! Benchmark of `sverka::check::run` on a 1,000-sentence pair built by repeating the
//! pairs of tests/check_corpus/ (with their alignments), after alignment: the time
//! covers the profile resolution, the glossary index, and every check.
//!
//! Run: `cargo run --release --example check_bench [SENTENCES] [RUNS]`

#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::Instant;
use sverka::check::{self, CheckOptions};
use sverka::glossary::Glossary;
use sverka::model::{Alignment, Bead, Document, Lang, Sentence};

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path).map(|t| t.lines().map(String::from).collect()).unwrap_or_default()
}

fn sentence(text: &str, paragraph: usize) -> Sentence {
    Sentence {
        text: text.to_string(),
        bytes: 0..text.len(),
        chars: 0..text.chars().count(),
        paragraph,
        ..Sentence::default()
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let target: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_corpus");
    let mut pairs = Vec::new();
    for row in lines(&corpus.join("pairs.tsv")).iter().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let dir = corpus.join(cols[0]);
        let en = lines(&dir.join("en.txt"));
        let orig = lines(&dir.join(format!("{}.txt", cols[1])));
        if en.len() == orig.len() {
            pairs.push((en, orig));
        }
    }
    let (mut en, mut ru) = (Vec::new(), Vec::new());
    let mut beads = Vec::new();
    'fill: loop {
        for (k, (e, o)) in pairs.iter().enumerate() {
            for (a, b) in e.iter().zip(o) {
                if en.len() >= target {
                    break 'fill;
                }
                beads.push(Bead::new(vec![en.len()], vec![ru.len()], 1.0));
                en.push(sentence(a, k));
                ru.push(sentence(b, k));
            }
        }
    }
    let a = Document { lang: Lang::en(), sentences: en };
    let b = Document { lang: Lang::ru(), sentences: ru };
    let alignment = Alignment { beads };
    let t = Instant::now();
    let glossary = Glossary::builtin().with_profile(Some("belta")).expect("built-in profile");
    let load = t.elapsed();
    let options = CheckOptions::default();
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        n = check::run(&a, &b, &alignment, &glossary, &options).len();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} sentence pairs, {} findings; built-in glossary load {:.1} ms; check: median {:.1} ms, max {:.1} ms over {runs} runs",
        a.len(),
        n,
        load.as_secs_f64() * 1e3,
        times[times.len() / 2] * 1e3,
        times[times.len() - 1] * 1e3
    );
}
