//! Cross-script name matching evaluated on real news names (`tests/translit/names.tsv`):
//! true pairs (a name or an inflected form with one of its English spellings) must score
//! above false pairs (similar names of other people and places, and other rows' spellings)
//! with a ROC AUC of at least 0.98.

use sverka::translit::{NameKey, name_similarity};

struct Row {
    forms: Vec<String>,
    english: Vec<String>,
}

fn rows() -> Vec<Row> {
    include_str!("translit/names.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("cyrillic\t") && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 4, "names.tsv: bad line {l:?}");
            let split =
                |s: &str| s.split('|').filter(|x| !x.is_empty()).map(str::to_string).collect::<Vec<_>>();
            let mut forms = vec![f[0].to_string()];
            forms.extend(split(f.get(4).unwrap_or(&"")));
            Row { forms, english: split(f[3]) }
        })
        .collect()
}

fn confusables() -> Vec<(String, String)> {
    include_str!("translit/name_confusables.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("cyrillic\t") && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, l)| (c.to_string(), l.to_string()))
        .collect()
}

type Scored = (f64, String, String);

fn pairs() -> (Vec<Scored>, Vec<Scored>) {
    let rows = rows();
    assert!(rows.len() >= 200, "the table holds {} names", rows.len());
    let mut pos = Vec::new();
    for r in &rows {
        for f in &r.forms {
            for e in &r.english {
                pos.push((name_similarity(f, e), f.clone(), e.clone()));
            }
        }
    }
    let mut neg: Vec<Scored> =
        confusables().into_iter().map(|(c, l)| (name_similarity(&c, &l), c, l)).collect();
    let n = rows.len();
    for (i, r) in rows.iter().enumerate() {
        for shift in [37, 101] {
            let other = &rows[(i + shift) % n];
            if other.english.iter().any(|e| r.english.contains(e)) {
                continue; // the same entity in the other language
            }
            for e in &other.english {
                neg.push((name_similarity(&r.forms[0], e), r.forms[0].clone(), e.clone()));
            }
        }
    }
    (pos, neg)
}

fn auc(pos: &[Scored], neg: &[Scored]) -> f64 {
    let mut wins = 0.0;
    for p in pos {
        for q in neg {
            wins += if p.0 > q.0 {
                1.0
            } else if p.0 == q.0 {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (pos.len() * neg.len()) as f64
}

#[test]
fn true_pairs_outrank_false_pairs_with_auc_at_least_098() {
    let (mut pos, mut neg) = pairs();
    let a = auc(&pos, &neg);
    let hard: Vec<Scored> = confusables().into_iter().map(|(c, l)| (name_similarity(&c, &l), c, l)).collect();
    let a_hard = auc(&pos, &hard);
    println!("ROC AUC against the similar-name false pairs only: {a_hard:.4}");
    pos.sort_by(|x, y| x.0.total_cmp(&y.0));
    neg.sort_by(|x, y| y.0.total_cmp(&x.0));
    println!("name matching: {} true pairs, {} false pairs, ROC AUC {a:.4}", pos.len(), neg.len());
    println!("weakest true pairs: {:?}", &pos[..10.min(pos.len())]);
    println!("strongest false pairs: {:?}", &neg[..10.min(neg.len())]);
    assert!(a >= 0.98, "ROC AUC {a:.4} < 0.98");
    assert!(a_hard >= 0.98, "ROC AUC against similar names {a_hard:.4} < 0.98");
}

#[test]
fn prepared_keys_give_the_same_scores() {
    let (pos, _) = pairs();
    for (s, c, l) in pos.iter().take(200) {
        let k = NameKey::from_cyrillic(c).similarity(&NameKey::from_latin(l));
        assert_eq!(k, *s, "{c} / {l}");
    }
}

#[test]
fn scores_are_in_the_unit_interval() {
    let (pos, neg) = pairs();
    for (s, c, l) in pos.iter().chain(&neg) {
        assert!((0.0..=1.0).contains(s), "{c} / {l}: {s}");
    }
}
