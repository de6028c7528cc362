//! The aligner on small pairs written for the purpose (fixtures in `tests/align/`: a
//! dropped sentence, a merged one, a split one, numbers that disagree, identical lengths
//! with different content, OCR debris between sentences), a paragraph with no counterpart, outside similarity, and
//! the invariants of every alignment (complete, monotone, confidences in [0, 1]).

use proptest::prelude::*;
use std::ops::Range;
use std::process::Command;
use sverka::align::{BeadSimilarity, Evidence, Resources, align, score::parse_vecalign};
use sverka::config::{Config, MAX_GROUP};
use sverka::model::{Alignment, Document, Lang, Sentence};

const FIXTURES: [&str; 6] = ["dropped", "merged", "split", "numbers", "same-length", "noise"];

fn fixture(name: &str, ext: &str) -> String {
    format!("{}/tests/align/{name}.{ext}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn fixtures_align_as_their_gold() {
    for name in FIXTURES {
        let out = Command::new(env!("CARGO_BIN_EXE_sverka"))
            .args(["align", "--presegmented", "--langs", "en,ru", "--format", "vecalign"])
            .args([fixture(name, "a"), fixture(name, "b")])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let got = parse_vecalign(&String::from_utf8(out.stdout).unwrap()).unwrap();
        let gold = parse_vecalign(&std::fs::read_to_string(fixture(name, "gold")).unwrap()).unwrap();
        assert_eq!(got, gold, "{name}");
    }
}

#[test]
fn noise_is_units_with_no_word_and_no_number() {
    for noise in [".....", "- _-", "f r", "24 a !", "**", "", "  ", "h * \"", "é » ."] {
        assert!(sverka::align::is_noise(noise), "{noise:?}");
    }
    for content in ["No.", "Да.", "Bern :", "2. 1953 :", "1956", "Ок", "p. 310-329"] {
        assert!(!sverka::align::is_noise(content), "{content:?}");
    }
}

#[test]
fn unit_edges_mark_colon_ends_and_lowercase_starts() {
    use sverka::align::UnitEdges;
    let of = |t: &str| {
        let e = UnitEdges::of(t);
        (e.colon_end, e.lowercase_start)
    };
    assert_eq!(of("Literatur : "), (true, false));
    assert_eq!(of("Участники встречи:"), (true, false));
    assert_eq!(of("le 7 J. Brown et I. McNaugh-Davis ."), (false, true));
    assert_eq!(of("braunen ) Bären herausgestellt hätten ."), (false, true));
    assert_eq!(of("и в Минске:"), (true, true));
    // Neither is a name with a capital inside, a number, a capital or punctuation first.
    let starts =
        ["iPhone sales rose.", "eBay said so.", "1956 , p. 310 .", "Der Gipfel.", "« le sommet »", ""];
    for start in starts {
        assert_eq!(of(start), (false, false), "{start:?}");
    }
    // In a text where more than three quarters of the units carry a mark, it means nothing.
    let some = ["Er kam,", "und ging :", "dann regnete es.", "Nichts."];
    let marks = |units: &[&str]| -> Vec<(bool, bool)> {
        UnitEdges::of_document(units.iter().copied())
            .iter()
            .map(|e| (e.colon_end, e.lowercase_start))
            .collect()
    };
    assert_eq!(marks(&some), [(false, false), (true, true), (false, true), (false, false)]);
    let lower = ["er kam,", "und ging :", "dann regnete es.", "nichts."];
    assert_eq!(marks(&lower), [(false, false), (true, false), (false, false), (false, false)]);
}

/// A document from paragraphs of sentences.
fn doc(lang: Lang, paragraphs: &[&[&str]]) -> Document {
    let mut sentences = Vec::new();
    let (mut byte, mut ch) = (0, 0);
    for (p, sents) in paragraphs.iter().enumerate() {
        for s in *sents {
            let (nb, nc) = (s.len() + 1, s.chars().count() + 1);
            sentences.push(Sentence {
                text: s.to_string(),
                bytes: byte..byte + nb,
                chars: ch..ch + nc,
                paragraph: p,
                ..Sentence::default()
            });
            byte += nb;
            ch += nc;
        }
    }
    Document { lang, sentences }
}

fn kinds(al: &Alignment) -> Vec<(Vec<usize>, Vec<usize>)> {
    al.beads.iter().map(|b| (b.a.clone(), b.b.clone())).collect()
}

#[test]
fn a_paragraph_with_no_counterpart_stays_unaligned() {
    let a = doc(
        Lang::en(),
        &[
            &["Lukashenko arrived in Minsk on Monday.", "He met the governors of six regions."],
            &[
                "The governors also discussed the new bridge over the Dnieper.",
                "Its construction began in 2021.",
            ],
            &["The meeting ended at 18:00.", "A press conference followed."],
        ],
    );
    let b = doc(
        Lang::ru(),
        &[
            &["Лукашенко прибыл в Минск в понедельник.", "Он встретился с губернаторами шести областей."],
            &["Встреча завершилась в 18:00.", "Затем последовала пресс-конференция."],
        ],
    );
    let al = align(&a, &b, &Resources::default(), &Config::default());
    let expected: Vec<(Vec<usize>, Vec<usize>)> = vec![
        (vec![0], vec![0]),
        (vec![1], vec![1]),
        (vec![2], vec![]),
        (vec![3], vec![]),
        (vec![4], vec![2]),
        (vec![5], vec![3]),
    ];
    assert_eq!(kinds(&al), expected);
}

/// Says that A sentence i translates B sentence `map[i]` and nothing else.
struct Toy {
    map: Vec<usize>,
}

impl BeadSimilarity for Toy {
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        let hit = a.len() == 1 && b.len() == 1 && self.map.get(a.start) == Some(&b.start);
        Some(if hit { 1.0 } else { 0.0 })
    }
}

#[test]
fn outside_similarity_overrides_length() {
    // Equal lengths everywhere and no anchors: only the similarity can say that the
    // third A sentence has no counterpart.
    let a = doc(Lang::en(), &[&["aaaa bbbb cccc.", "dddd eeee ffff.", "gggg hhhh iiii.", "jjjj kkkk llll."]]);
    let b = doc(Lang::en(), &[&["mmmm nnnn oooo.", "pppp qqqq rrrr.", "ssss tttt uuuu."]]);
    let toy = Toy { map: vec![0, 1, 99, 2] };
    let config = Config::default();
    let evidence =
        Evidence { source: &toy, weights: config.similarity.mt, cross_floor: config.similarity.cross_floor };
    let res = Resources { evidence: Some(evidence), ..Resources::default() };
    let al = align(&a, &b, &res, &config);
    let expected: Vec<(Vec<usize>, Vec<usize>)> =
        vec![(vec![0], vec![0]), (vec![1], vec![1]), (vec![2], vec![]), (vec![3], vec![2])];
    assert_eq!(kinds(&al), expected);
    let without = align(&a, &b, &Resources::default(), &Config::default());
    assert_ne!(kinds(&without), expected, "the case must need the similarity");
}

fn with_max_group(max_group: usize) -> Config {
    let mut config = Config::default();
    config.search.max_group = max_group;
    config
}

/// Every sentence of both sides in exactly one bead; beads listed in A order; the beads
/// not marked moved are monotone on B too; a moved bead is 1-1.
fn check_invariants(al: &Alignment, n: usize, m: usize, g: usize) {
    let mut i = 0;
    let mut in_place_b: Vec<usize> = Vec::new();
    let mut all_b: Vec<usize> = Vec::new();
    for bead in &al.beads {
        assert!(!bead.a.is_empty() || !bead.b.is_empty());
        assert!(bead.a.len() <= g && bead.b.len() <= g);
        assert!((0.0..=1.0).contains(&bead.score), "score {}", bead.score);
        assert!(!bead.moved || (bead.a.len() == 1 && bead.b.len() == 1), "{bead:?}");
        for &x in &bead.a {
            assert_eq!(x, i);
            i += 1;
        }
        if !bead.moved {
            in_place_b.extend(&bead.b);
        }
        all_b.extend(&bead.b);
    }
    assert_eq!(i, n);
    assert!(in_place_b.windows(2).all(|w| w[0] < w[1]), "{al:?}");
    all_b.sort_unstable();
    assert_eq!(all_b, (0..m).collect::<Vec<_>>());
}

proptest! {
    #[test]
    fn every_alignment_is_complete_and_monotone(
        a in prop::collection::vec("[a-zA-Zа-я0-9 ,.]{0,60}", 0..40),
        b in prop::collection::vec("[a-zA-Zа-я0-9 ,.]{0,60}", 0..40),
        g in 1usize..5,
    ) {
        let da = doc(Lang::en(), &[&a.iter().map(String::as_str).collect::<Vec<_>>()]);
        let db = doc(Lang::ru(), &[&b.iter().map(String::as_str).collect::<Vec<_>>()]);
        let al = align(&da, &db, &Resources::default(), &with_max_group(g));
        check_invariants(&al, a.len(), b.len(), g);
    }
}

#[test]
fn long_texts_use_the_band_and_stay_complete() {
    // 3000 sentences a side: beyond the full grid, so the coarse-to-fine search runs.
    let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
    let a: Vec<String> = (0..3000)
        .map(|i| format!("{} {} number {}.", words[i % 6], words[(i * 7) % 6].repeat(1 + i % 5), i))
        .collect();
    let mut b: Vec<String> = a.iter().map(|s| s.to_uppercase()).collect();
    b.remove(1500);
    let da = doc(Lang::en(), &[&a.iter().map(String::as_str).collect::<Vec<_>>()]);
    let db = doc(Lang::en(), &[&b.iter().map(String::as_str).collect::<Vec<_>>()]);
    let al = align(&da, &db, &Resources::default(), &Config::default());
    check_invariants(&al, 3000, 2999, 4);
    let ones = al.beads.iter().filter(|bd| bd.a.len() == 1 && bd.b.len() == 1).count();
    assert!(ones >= 2990, "{ones} 1-1 beads");
    assert!(
        al.beads.iter().any(|bd| bd.a == vec![1500] && bd.b.is_empty()),
        "{:?}",
        al.beads
            .iter()
            .filter(|bd| bd.a.contains(&1499) || bd.a.contains(&1500) || bd.a.contains(&1501))
            .collect::<Vec<_>>()
    );
}

#[test]
fn confidence_is_high_where_the_alignment_is_clear_and_low_where_it_is_ambiguous() {
    let first_a = "Lukashenko met Xi Jinping in Minsk on 12 May 2024 for talks.";
    let first_b = "Лукашенко встретился с Си Цзиньпином в Минске 12 мая 2024 года.";
    let b = doc(Lang::ru(), &[&[first_b, "Было тепло."]]);
    let clear = doc(Lang::en(), &[&[first_a, "It was warm."]]);
    let al = align(&clear, &b, &Resources::default(), &Config::default());
    assert_eq!(kinds(&al), vec![(vec![0], vec![0]), (vec![1], vec![1])]);
    assert!(al.beads.iter().all(|bd| bd.score > 0.8), "{:?}", al.beads);
    let clear_min = al.beads.iter().map(|bd| bd.score).fold(f64::INFINITY, f64::min);
    // One A sentence too many, and nothing says which: no choice is trusted (below 0.8,
    // the report's green) and each is less sure than any bead of the clear pair.
    let ambiguous = doc(Lang::en(), &[&[first_a, "It was warm.", "It was warm."]]);
    let al = align(&ambiguous, &b, &Resources::default(), &Config::default());
    assert!(al.beads.iter().all(|bd| bd.score < 0.8 && bd.score < clear_min), "{:?}", al.beads);
}

#[test]
fn a_tsv_dictionary_is_accepted_and_a_bad_one_is_reported() {
    let run = |dict: &str| {
        Command::new(env!("CARGO_BIN_EXE_sverka"))
            .args(["align", "--presegmented", "--langs", "en,ru", "--format", "vecalign", "--dict"])
            .args([fixture(dict, "tsv"), fixture("numbers", "a"), fixture("numbers", "b")])
            .output()
            .unwrap()
    };
    let out = run("dict");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = parse_vecalign(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let gold = parse_vecalign(&std::fs::read_to_string(fixture("numbers", "gold")).unwrap()).unwrap();
    assert_eq!(got, gold);
    let out = run("bad-dict");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad-dict.tsv:2"));
}

#[test]
fn a_huge_max_group_is_clamped() {
    let a = doc(Lang::en(), &[&["One.", "Two.", "Three."]]);
    let b = doc(Lang::en(), &[&["One two three."]]);
    let al = align(&a, &b, &Resources::default(), &with_max_group(1000));
    check_invariants(&al, 3, 1, MAX_GROUP);
}
