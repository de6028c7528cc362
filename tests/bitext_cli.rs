//! `align --format bitext` on the sample pair: one line per bead, in bead order, holding
//! the aligned sentences themselves and the score of the JSON report.

use serde_json::Value;
use std::process::Command;

const SAMPLE: [&str; 4] = ["samples/belta-kursk/en.txt", "samples/belta-kursk/ru.txt", "--langs", "en,ru"];

fn align(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_sverka"))
        .arg("align")
        .args(SAMPLE)
        .args(["--format", format])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run sverka");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The sentences of `ids` in `side` joined with a space, control characters as spaces.
fn joined(side: &Value, ids: &Value) -> String {
    let sentences = side["sentences"].as_array().expect("sentences");
    let texts: Vec<&str> = ids
        .as_array()
        .expect("ids")
        .iter()
        .map(|i| sentences[i.as_u64().expect("id") as usize].as_str().expect("text"))
        .collect();
    texts.join(" ").chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[test]
fn bitext_of_the_sample_holds_every_aligned_pair_in_order() {
    let report: Value = serde_json::from_str(&align("json")).expect("JSON report");
    let bitext = align("bitext");
    let beads = report["beads"].as_array().expect("beads");
    let lines: Vec<&str> = bitext.lines().collect();
    assert_eq!(lines.len(), beads.len(), "one line per bead");
    for (line, bead) in lines.iter().zip(beads) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line}");
        assert_eq!(fields[0], joined(&report["a"], &bead["a"]));
        assert_eq!(fields[1], joined(&report["b"], &bead["b"]));
        let score: f64 = fields[2].parse().expect("score");
        assert_eq!(score, bead["score"].as_f64().expect("score"), "{line}");
        assert_eq!(fields[2].split('.').nth(1).map(str::len), Some(3), "three decimals: {line}");
    }
    // Every sentence of each side, in order, once.
    for (side, column) in [("a", 0), ("b", 1)] {
        let all: Vec<&str> = lines.iter().map(|l| l.split('\t').nth(column).unwrap_or("")).collect();
        let all = all.iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" ");
        let ids: Vec<Value> = (0..report[side]["sentences"].as_array().expect("sentences").len())
            .map(|i| Value::from(i as u64))
            .collect();
        assert_eq!(all, joined(&report[side], &Value::Array(ids)), "side {side}");
    }
}
