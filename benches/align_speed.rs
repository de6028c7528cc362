//! Speed benchmark of the aligner on synthetic documents (`cargo bench --bench align_speed -- N…`):
//! N sentences on side A, mostly 1-1 with 2-1 merges, drops on both sides; side B is
//! side A in a "cipher language" (every letter shifted, lengths jittered), so that, as
//! between real languages, only numbers and a few names are shared. Prints the time of
//! `align` and the share of the generated beads that the aligner found.

#![allow(clippy::print_stdout, missing_docs)]

use std::time::Instant;
use sverka::align::{Resources, align};
use sverka::config::Config;
use sverka::model::{Document, Lang, Sentence};

/// A small deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: [&str; 20] = [
    "the", "river", "mountain", "ascent", "glacier", "summit", "camp", "route", "ridge", "weather", "team",
    "valley", "snow", "rope", "night", "morning", "Zermatt", "Monte", "Rosa", "Eiger",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<String> = (0..words).map(|_| WORDS[rng.below(20) as usize].to_string()).collect();
    if rng.below(3) == 0 {
        s.push(format!("{}", rng.below(5000)));
    }
    s.join(" ") + "."
}

/// A word of the "other language": names and numbers kept, other words letter-shifted
/// and sometimes longer.
fn cipher(word: &str, rng: &mut Rng) -> String {
    if word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return word.to_string();
    }
    let mut out: String = word
        .chars()
        .map(|c| if c.is_ascii_lowercase() { (((c as u8 - b'a' + 7) % 26) + b'a') as char } else { c })
        .collect();
    if rng.below(3) == 0 {
        out.push_str("ov");
    }
    out
}

fn doc(lines: &[String], lang: Lang) -> Document {
    let mut sentences = Vec::with_capacity(lines.len());
    let (mut byte, mut ch) = (0, 0);
    for (i, l) in lines.iter().enumerate() {
        let (nb, nc) = (l.len() + 1, l.chars().count() + 1);
        sentences.push(Sentence {
            text: l.clone(),
            bytes: byte..byte + nb,
            chars: ch..ch + nc,
            paragraph: i,
            ..Sentence::default()
        });
        byte += nb;
        ch += nc;
    }
    Document { lang, sentences }
}

/// Side A, side B (B words are A's with a suffix, lengths jittered) and the true beads.
/// A bead as (A start, A end, B start, B end).
type Span = (usize, usize, usize, usize);

fn generate(n: usize, seed: u64) -> (Document, Document, Vec<Span>) {
    let mut rng = Rng(seed);
    let (mut a, mut b, mut truth) = (Vec::new(), Vec::new(), Vec::new());
    while a.len() < n {
        let (i0, j0) = (a.len(), b.len());
        let kind = rng.below(100);
        let len = 5 + rng.below(20) as usize;
        let src = sentence(&mut rng, len);
        let tr = |s: &str, rng: &mut Rng| -> String {
            s.split(' ').map(|w| cipher(w, rng)).collect::<Vec<_>>().join(" ")
        };
        match kind {
            0..=2 => a.push(src),
            3..=5 => b.push(tr(&src, &mut rng)),
            6..=11 => {
                let len = 5 + rng.below(10) as usize;
                let second = sentence(&mut rng, len);
                b.push(tr(&format!("{src} {second}"), &mut rng));
                a.push(src);
                a.push(second);
            }
            _ => {
                b.push(tr(&src, &mut rng));
                a.push(src);
            }
        }
        truth.push((i0, a.len(), j0, b.len()));
    }
    (doc(&a, Lang::en()), doc(&b, Lang::en()), truth)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    // `cargo bench` passes --bench; `cargo test --all-targets` passes nothing: a quick smoke run.
    let sizes = match (sizes.is_empty(), args.iter().any(|a| a == "--bench")) {
        (false, _) => sizes,
        (true, true) => vec![10_000, 100_000],
        (true, false) => vec![2_000],
    };
    for n in sizes {
        let (a, b, truth) = generate(n, 0x9e37_79b9_7f4a_7c15);
        let start = Instant::now();
        let alignment = align(&a, &b, &Resources::default(), &Config::default());
        let secs = start.elapsed().as_secs_f64();
        let found: std::collections::HashSet<Span> = alignment
            .beads
            .iter()
            .map(|bd| {
                let (i0, i1) = bd.a.first().map_or((0, 0), |&x| (x, x + bd.a.len()));
                let (j0, j1) = bd.b.first().map_or((0, 0), |&x| (x, x + bd.b.len()));
                (i0, i1, j0, j1)
            })
            .collect();
        let hits = truth.iter().filter(|t| {
            let (i0, i1, j0, j1) = **t;
            let key = (
                if i0 == i1 { 0 } else { i0 },
                if i0 == i1 { 0 } else { i1 },
                if j0 == j1 { 0 } else { j0 },
                if j0 == j1 { 0 } else { j1 },
            );
            found.contains(&key)
        });
        let acc = hits.count() as f64 / truth.len() as f64;
        println!(
            "{} x {} sentences: {secs:.2} s, {} beads, {:.3} of true beads found",
            a.len(),
            b.len(),
            alignment.beads.len(),
            acc
        );
    }
}
