//! `english_variants` lists the spellings that outlets and systems really use
//! (`tests/translit/variants.tsv`).

use sverka::model::Lang;
use sverka::translit::english_variants;

#[test]
fn real_world_spellings_are_listed() {
    let mut missing = Vec::new();
    let mut total = 0;
    for line in include_str!("translit/variants.tsv").lines() {
        if line.starts_with('#') || line.starts_with("cyrillic\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "variants.tsv: {line:?}");
        let lang = Lang::parse(f[1]).expect("lang");
        let v = english_variants(f[0], &lang);
        total += 1;
        if !v.iter().any(|x| x == f[2]) {
            missing.push(format!("{} ({}): {} not in {v:?}", f[0], f[1], f[2]));
        }
    }
    assert!(total >= 30);
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
