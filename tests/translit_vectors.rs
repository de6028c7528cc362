//! Every transliteration system against its published test cases
//! (`tests/translit/vectors.tsv`): at least 98% of each system's cases exactly, and the
//! rows marked `deviation:` are exactly the ones that differ. Rows marked `excluded:`
//! (a source contradicting itself) are listed but not counted.

use std::collections::BTreeMap;
use sverka::model::Lang;
use sverka::translit::{System, transliterate};

struct Case {
    line: usize,
    system: System,
    lang: Lang,
    input: String,
    expected: String,
    note: String,
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn cases() -> Vec<Case> {
    let text = include_str!("translit/vectors.tsv");
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("system\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 5, "vectors.tsv line {}: {} columns", n + 1, f.len());
        let system = System::from_id(f[0]).unwrap_or_else(|| panic!("line {}: system {}", n + 1, f[0]));
        out.push(Case {
            line: n + 1,
            system,
            lang: Lang::parse(f[1]).expect("lang"),
            input: unescape(f[2]),
            expected: unescape(f[3]),
            note: f.get(5).unwrap_or(&"").to_string(),
        });
    }
    out
}

#[test]
fn every_system_reproduces_at_least_98_percent_of_its_cases() {
    let mut per: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut undocumented = Vec::new();
    let mut stale = Vec::new();
    for c in cases() {
        if c.note.starts_with("excluded:") {
            println!("excluded line {}: {}", c.line, c.note);
            continue;
        }
        let got = transliterate(&c.input, &c.lang, c.system);
        let ok = got == c.expected;
        let e = per.entry(c.system.id()).or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
        let documented = c.note.starts_with("deviation:");
        if !ok && !documented {
            undocumented.push(format!(
                "line {}: {} {} {:?} -> {:?}, want {:?}",
                c.line,
                c.system.id(),
                c.lang,
                c.input,
                got,
                c.expected
            ));
        }
        if ok && documented {
            stale.push(format!("line {}: marked deviation but passes", c.line));
        }
    }
    let mut low = Vec::new();
    for (id, (ok, total)) in &per {
        let pct = 100.0 * *ok as f64 / *total as f64;
        println!("{id:12} {ok:4}/{total:<4} {pct:6.2}%");
        if pct < 98.0 {
            low.push(format!("{id}: {pct:.2}%"));
        }
    }
    assert_eq!(per.len(), System::ALL.len(), "every system has cases");
    assert!(undocumented.is_empty(), "failures not documented as deviations:\n{}", undocumented.join("\n"));
    assert!(stale.is_empty(), "{}", stale.join("\n"));
    assert!(low.is_empty(), "systems below 98%: {low:?}");
}
