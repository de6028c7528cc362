//! Tests of `cost`.

use super::*;
use crate::align::dp::{Band, Step, solve};

fn anchors(keys: &[(u64, f32)]) -> Anchors {
    Anchors { keys: keys.to_vec() }
}

fn model(total_a: f64, total_b: f64) -> LengthModel {
    LengthModel::learn(total_a, total_b, &crate::config::LengthConfig::default())
}

const FLOOR: f64 = 0.08;

fn evidence(source: &dyn BeadSimilarity, cross: f32) -> Evidence<'_> {
    Evidence { source, weights: SimilarityWeights { weight: 3.0, null: 0.9, cross }, cross_floor: FLOOR }
}

#[test]
fn a_boundary_that_cuts_a_key_from_its_only_partner_costs_and_favours_the_merged_bead() {
    // A1 holds key 2, which B has only in B0: the sentence end moved. Key 1 is in A0
    // and B0 (straight, no crossing); key 5 is in every unit (no evidence).
    let a = vec![anchors(&[(1, 1.0), (5, 1.0)]), anchors(&[(2, 1.0), (3, 1.0), (5, 1.0)])];
    let b = vec![anchors(&[(1, 1.0), (2, 1.0), (5, 1.0)]), anchors(&[(3, 1.0), (5, 1.0)])];
    let (lens, counts) = (vec![10.0; 2], vec![1.0; 2]);
    let scorer = |cross: f32| Scorer {
        a: SideData::new(&lens, &counts, &a, None),
        b: SideData::new(&lens, &counts, &b, None),
        length: model(20.0, 20.0),
        costs: BeadCosts { cross, ..BeadCosts::default() },
        shapes: ShapeCosts::symmetric(&BeadCosts { cross, ..BeadCosts::default() }),
        evidence: None,
        exact: true,
    };
    assert_eq!(crossing(&scorer(1.0), 1, 1), 1.0);
    assert_eq!(crossing(&scorer(1.0), 0, 0), 0.0);
    assert_eq!(crossing(&scorer(1.0), 2, 2), 0.0);
    let straight = vec![Step { a: (0, 1), b: (0, 1) }, Step { a: (1, 2), b: (1, 2) }];
    assert_eq!(solve(&scorer(0.0), &Band::full(2, 2), 2), straight);
    assert_eq!(solve(&scorer(10.0), &Band::full(2, 2), 2), vec![Step { a: (0, 2), b: (0, 2) }]);
    // Punctuation keys are not evidence of a moved sentence end.
    let quote = super::super::anchors::PUNCTUATION_KEYS[5];
    let a = vec![anchors(&[]), anchors(&[(quote, 1.0)])];
    let b = vec![anchors(&[(quote, 1.0)]), anchors(&[])];
    let s = Scorer {
        a: SideData::new(&lens, &counts, &a, None),
        b: SideData::new(&lens, &counts, &b, None),
        ..scorer(1.0)
    };
    assert_eq!(crossing(&s, 1, 1), 0.0);
}

#[test]
fn a_colon_joins_what_follows_and_a_lowercase_start_joins_what_precedes() {
    // A1 is short; by length it could join A0's bead or A2's equally well.
    const NO: UnitEdges = UnitEdges { colon_end: false, lowercase_start: false };
    const COLON: UnitEdges = UnitEdges { colon_end: true, lowercase_start: false };
    const LOWER: UnitEdges = UnitEdges { colon_end: false, lowercase_start: true };
    let none = vec![anchors(&[]); 3];
    let (lens_a, lens_b, counts) = (vec![30.0, 4.0, 30.0], vec![32.0, 32.0], vec![1.0; 3]);
    let scorer = |a_edges: &'static [UnitEdges], b_edges: &'static [UnitEdges]| Scorer {
        a: SideData::new(&lens_a, &counts, &none, None).with_edges(a_edges),
        b: SideData::new(&lens_b, &counts[..2], &none[..2], None).with_edges(b_edges),
        length: model(64.0, 64.0),
        costs: BeadCosts::default(),
        shapes: ShapeCosts::symmetric(&BeadCosts::default()),
        evidence: None,
        exact: true,
    };
    let w = BeadCosts::default();
    assert!(w.colon_edge > 0.0 && w.lowercase_edge > 0.0);
    let forward = vec![Step { a: (0, 1), b: (0, 1) }, Step { a: (1, 3), b: (1, 2) }];
    let backward = vec![Step { a: (0, 2), b: (0, 1) }, Step { a: (2, 3), b: (1, 2) }];
    let path = |s: &Scorer<'_>| solve(s, &Band::full(3, 2), 2);

    // "Literatur :" announces what follows.
    let colon = scorer(&[NO, COLON, NO], &[NO, NO]);
    assert_eq!(colon.boundary_cost(2, 1), w.colon_edge);
    assert_eq!(colon.boundary_cost(1, 1), 0.0);
    assert_eq!(path(&colon), forward);
    // Where the other side pauses with a colon too, that boundary is free.
    let both = scorer(&[NO, COLON, NO], &[COLON, NO]);
    assert_eq!(both.boundary_cost(2, 1), 0.0);
    assert_eq!(path(&both), backward);

    // "braunen ) Bären herausgestellt hätten ." continues the sentence before it.
    let lower = scorer(&[NO, LOWER, NO], &[NO, NO]);
    assert_eq!(lower.boundary_cost(1, 1), w.lowercase_edge);
    assert_eq!(lower.boundary_cost(2, 1), 0.0);
    assert_eq!(path(&lower), backward);
    // Where the other side also starts in lower case there, that boundary is free.
    let both = scorer(&[NO, LOWER, NO], &[NO, LOWER]);
    assert_eq!(both.boundary_cost(1, 1), 0.0);
    assert_eq!(path(&both), forward);
}

/// Similarity from a table of single-sentence pairs; spans of several sentences get
/// the mean of their pairs.
struct Table(Vec<Vec<f64>>);

impl BeadSimilarity for Table {
    fn similarity(&self, a: Range<usize>, b: Range<usize>) -> Option<f64> {
        if a.is_empty() || b.is_empty() || a.end > self.0.len() || b.end > self.0[0].len() {
            return None;
        }
        let (na, nb) = (a.len() as f64, b.len() as f64);
        Some(
            a.flat_map(|i| b.clone().map(move |j| (i, j))).map(|(i, j)| self.0[i][j]).sum::<f64>()
                / (na * nb),
        )
    }
}

#[test]
fn similarity_across_a_boundary_above_the_floor_costs_and_favours_the_merged_bead() {
    // A1 resembles B0 as much as B1 does: the sentence end moved.
    let table = Table(vec![vec![0.5, 0.0, 0.0], vec![0.4, 0.4, 0.0], vec![0.0, 0.0, 0.5]]);
    let none = vec![anchors(&[]); 3];
    let (lens, counts) = (vec![10.0; 3], vec![1.0; 3]);
    let scorer = |cross: f32| Scorer {
        a: SideData::new(&lens, &counts, &none, None),
        b: SideData::new(&lens, &counts, &none, None),
        length: model(30.0, 30.0),
        costs: BeadCosts::default(),
        shapes: ShapeCosts::symmetric(&BeadCosts::default()),
        evidence: Some(evidence(&table, cross)),
        exact: true,
    };
    let expected = (0.4 - FLOOR) as f32;
    assert!((scorer(1.0).cross_similarity(evidence(&table, 1.0), 1, 1) - expected).abs() < 1e-6);
    // Below the floor (A1 against B2 at 0.0, A2 against B1 at 0.0) nothing is paid,
    // nor at the ends of the texts.
    assert_eq!(scorer(1.0).cross_similarity(evidence(&table, 1.0), 2, 2), 0.0);
    assert_eq!(scorer(1.0).boundary_cost(0, 0), 0.0);
    assert_eq!(scorer(1.0).boundary_cost(3, 3), 0.0);
    let ones = |s: &Scorer<'_>| solve(s, &Band::full(3, 3), 2);
    assert_eq!(ones(&scorer(0.0)).len(), 3, "{:?}", ones(&scorer(0.0)));
    assert_eq!(ones(&scorer(20.0))[0], Step { a: (0, 2), b: (0, 2) });
}

#[test]
fn a_noise_unit_is_a_cheap_null_and_its_bound_stays_below_its_cost() {
    let units = vec![anchors(&[]), anchors(&[]), anchors(&[])];
    let (lens_a, lens_b, counts) = (vec![30.0, 30.0], vec![30.0, 5.0, 30.0], vec![1.0; 3]);
    let scorer = Scorer {
        a: SideData::new(&lens_a, &counts[..2], &units[..2], None),
        b: SideData::new(&lens_b, &counts, &units, None).with_noise(&[false, true, false]),
        length: model(60.0, 65.0),
        costs: BeadCosts::default(),
        shapes: ShapeCosts::symmetric(&BeadCosts::default()),
        evidence: None,
        exact: true,
    };
    let w = BeadCosts::default();
    assert_eq!(scorer.cost(1, 1, 1, 2, 0.0), w.noise_null);
    assert_eq!(scorer.cost(1, 2, 1, 1, 0.0), w.null);
    for (i0, i1, j0, j1) in [(1, 1, 1, 2), (1, 2, 1, 1), (0, 0, 0, 1), (0, 1, 0, 2), (1, 1, 2, 3)] {
        let (bound, cost) = (scorer.lower_bound(i0, i1, j0, j1, 0.0), scorer.cost(i0, i1, j0, j1, 0.0));
        assert!(bound <= cost, "{i0}..{i1} x {j0}..{j1}: bound {bound} > cost {cost}");
    }
    let path = solve(&scorer, &Band::full(2, 3), 2);
    assert!(path.iter().any(|s| s.a.0 == s.a.1 && s.b == (1, 2)), "{path:?}");
    // Unmarked (and priced as any sentence left out), the same short unit is merged
    // into a neighbour's bead.
    let costs = BeadCosts { short_null: w.null, ..w };
    let plain = Scorer { b: SideData::new(&lens_b, &counts, &units, None), costs, ..scorer };
    let path = solve(&plain, &Band::full(2, 3), 2);
    assert!(!path.iter().any(|s| s.a.0 == s.a.1), "{path:?}");
}
