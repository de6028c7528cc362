//! Outside evidence that holds on documents it was not tuned on: a similarity that is
//! noise for a document counts nothing there (the result is the offline one), a useful
//! one changes the alignment; any language code aligns when the texts are presegmented.

use sverka::config::Config;
use sverka::engine::{Engine, RunOptions};
use sverka::model::{Document, Lang, Note, Severity};
use sverka::mt::{Embedder, NgramEmbedder};

/// Vectors that say nothing: a hash of each text.
struct Noise;

impl Embedder for Noise {
    fn embed(&self, texts: &[String]) -> sverka::Result<Vec<Vec<f32>>> {
        Ok(texts
            .iter()
            .map(|t| {
                let h = sverka::text::stable_hash(b'x', t);
                (0..16).map(|k| ((h >> (k * 4)) & 15) as f32 - 7.5).collect()
            })
            .collect())
    }
}

fn presegmented() -> Config {
    let mut config = Config::default();
    config.segment.presegmented = true;
    config
}

/// An English text and a "translation" that repeats every sentence with small changes,
/// with one sentence dropped and one split, so that alignments can differ.
fn pair(engine: &Engine) -> (Document, Document) {
    let lines: Vec<String> = (0..40)
        .map(|k| {
            format!(
                "Sentence number {k} tells of the harvest in region {} and of its {} farms.",
                k % 7,
                k * 3
            )
        })
        .collect();
    let mut other: Vec<String> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        match k {
            5 => {}
            9 => {
                let (x, y) = line.split_at(line.len() / 2);
                other.push(format!("{x}."));
                other.push(y.to_string());
            }
            _ => other.push(line.replace("tells of", "reports on")),
        }
    }
    (
        engine.document(&lines.join("\n"), Some(Lang::en())),
        engine.document(&other.join("\n"), Lang::parse("de")),
    )
}

#[test]
fn a_similarity_that_is_noise_counts_nothing() {
    let offline = Engine::new(presegmented()).expect("engine");
    let (a, b) = pair(&offline);
    let base = offline.run(&a, &b, &RunOptions::default()).expect("offline");
    let noisy = Engine::builder(presegmented()).embedder(Box::new(Noise)).build().expect("engine");
    let report = noisy.run(&a, &b, &RunOptions::default()).expect("noise");
    assert_eq!(report.beads, base.beads, "{:?}", report.notes);
    let warned =
        report.notes.iter().any(|n: &Note| n.severity == Severity::Warning && n.message.contains("0%"));
    assert!(warned, "{:?}", report.notes);
}

#[test]
fn a_similarity_that_says_something_is_used() {
    let engine =
        Engine::builder(presegmented()).embedder(Box::new(NgramEmbedder::default())).build().expect("engine");
    let (a, b) = pair(&engine);
    let report = engine.run(&a, &b, &RunOptions::default()).expect("embeddings");
    assert!(!report.notes.iter().any(|n| n.severity == Severity::Warning), "{:?}", report.notes);
    // The split sentence is one 1-2 bead and the dropped one a 1-0 bead.
    assert!(report.beads.iter().any(|bead| bead.a == [9] && bead.b == [8, 9]), "{:?}", report.beads);
    assert!(report.beads.iter().any(|bead| bead.a == [5] && bead.b.is_empty()), "{:?}", report.beads);
}

#[test]
fn any_language_code_aligns_presegmented_text_and_only_that() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (zh, en) = (dir.path().join("a.zh"), dir.path().join("a.en"));
    std::fs::write(&zh, "我们今天开会。\n会议讨论了2024年的预算。\n").expect("write");
    std::fs::write(&en, "We met today.\nThe meeting discussed the 2024 budget.\n").expect("write");
    let sverka = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sverka"))
            .args(["align", "--langs", "zh,en", "--format", "vecalign"])
            .args(extra)
            .arg(&zh)
            .arg(&en)
            .output()
            .expect("run sverka");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = sverka(&["--presegmented"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out.lines().map(|l| &l[..l.rfind(':').unwrap_or(l.len())]).collect::<Vec<_>>(),
        ["[0]:[0]", "[1]:[1]"]
    );
    let (code, _, err) = sverka(&[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("zh") && err.contains("--presegmented"), "{err}");
}
