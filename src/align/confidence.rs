//! Bead confidences from local max-marginals: how much more the best nearby alternative
//! costs than the chosen beads. For each pair of neighbouring beads, the alternatives are
//! moving their shared boundary by one sentence on either or both sides, and joining
//! them; a bead's confidence is a logistic function of the smallest extra cost of an
//! alternative that changes it.

use super::cost::Scorer;
use super::dp::Step;
use crate::config::ConfidenceConfig;
use crate::model::Bead;
use rayon::prelude::*;

fn sigmoid(x: f32) -> f64 {
    f64::from(1.0 / (1.0 + (-x).exp()))
}

/// The largest margin that counts: a bead with no alternative at all is as sure as this.
const MARGIN_CAP: f32 = 30.0;

/// The shape of a bead, for the calibration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// One sentence a side.
    OneToOne,
    /// One side empty.
    Null,
    /// Several sentences on a side.
    Merge,
    /// A moved pair.
    Moved,
}

impl Shape {
    fn of(a: usize, b: usize) -> Shape {
        match (a, b) {
            (1, 1) => Shape::OneToOne,
            (0, _) | (_, 0) => Shape::Null,
            _ => Shape::Merge,
        }
    }
}

/// The probability that a bead of `shape` with DP `margin` is right, in a document whose
/// share of unaligned sentences is `unaligned`.
pub(crate) fn probability(margin: f32, unaligned: f32, shape: Shape, config: &ConfidenceConfig) -> f64 {
    let m = if margin.is_finite() { margin.min(MARGIN_CAP) } else { MARGIN_CAP };
    if !config.calibrated {
        return sigmoid(m / config.scale);
    }
    let [a, c, b] = match shape {
        Shape::OneToOne => config.one_to_one,
        Shape::Null => config.null,
        Shape::Merge => config.merge,
        Shape::Moved => config.moved,
    };
    sigmoid(a * m + c * unaligned + b)
}

/// The share of the sentences of both sides that `path` leaves unaligned.
pub(crate) fn unaligned_share(path: &[Step]) -> f32 {
    let (mut alone, mut all) = (0, 0);
    for s in path {
        let units = (s.a.1 - s.a.0) + (s.b.1 - s.b.0);
        all += units;
        if s.a.0 == s.a.1 || s.b.0 == s.b.1 {
            alone += units;
        }
    }
    alone as f32 / all.max(1) as f32
}

/// The beads of a path with their confidences.
pub fn beads(path: &[Step], scorer: &Scorer<'_>, max_group: usize, config: &ConfidenceConfig) -> Vec<Bead> {
    let unaligned = unaligned_share(path);
    let cost = |s: &Step| scorer.cost_direct(s.a.0, s.a.1, s.b.0, s.b.1);
    let costs: Vec<f32> = path.par_iter().map(cost).collect();
    let pairs: Vec<(f32, Reading)> = (1..path.len())
        .into_par_iter()
        .map(|k| {
            let (p, q) = (path[k - 1], path[k]);
            let current = costs[k - 1] + costs[k] + scorer.boundary_cost(p.a.1, p.b.1);
            pair_margin(p, q, current, scorer, max_group)
        })
        .collect();
    // margin[k]: smallest extra cost of an alternative to bead k (∞ when none exists),
    // and that alternative.
    let mut margin: Vec<(f32, Option<Reading>)> = vec![(f32::INFINITY, None); path.len()];
    for (k, &(m, reading)) in (1..path.len()).zip(&pairs) {
        for at in [k - 1, k] {
            if m < margin[at].0 {
                margin[at] = (m, Some(reading));
            }
        }
    }
    path.iter()
        .zip(&margin)
        .map(|(s, &(m, reading))| {
            let score = probability(m, unaligned, Shape::of(s.a.1 - s.a.0, s.b.1 - s.b.0), config);
            let mut bead = Bead::new((s.a.0..s.a.1).collect(), (s.b.0..s.b.1).collect(), score);
            bead.alternative = reading.map(|r| r.describe());
            bead
        })
        .collect()
}

/// The best alternative to two neighbouring beads: one bead, or the boundary between them
/// elsewhere (before A unit `a` and B unit `b`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reading {
    Joined { a: (usize, usize), b: (usize, usize) },
    Boundary { a: usize, b: usize },
}

impl Reading {
    /// The reading in words, with 0-based sentence ids as the views show them.
    fn describe(self) -> String {
        let ids = |side: &str, (x0, x1): (usize, usize)| match x1 - x0 {
            0 => format!("no {side} sentence"),
            1 => format!("{side} {x0}"),
            _ => format!("{side} {x0}–{}", x1 - 1),
        };
        match self {
            Reading::Joined { a, b } => format!("one bead of {} with {}", ids("A", a), ids("B", b)),
            Reading::Boundary { a, b } => format!("a bead boundary before A {a} and B {b}"),
        }
    }
}

/// Smallest extra cost of re-cutting two neighbouring beads `p` and `q` (`current`: their
/// costs and that of the boundary between them), and how.
fn pair_margin(p: Step, q: Step, current: f32, scorer: &Scorer<'_>, g: usize) -> (f32, Reading) {
    let (a0, a1, b0, b1) = (p.a.0, q.a.1, p.b.0, q.b.1);
    let fits = |x0: usize, x1: usize, y0: usize, y1: usize| {
        let (n, m) = (x1 - x0, y1 - y0);
        n + m > 0 && n <= g && m <= g && (n.min(m) > 0 || n + m == 1)
    };
    let mut best = (f32::INFINITY, Reading::Joined { a: (a0, a1), b: (b0, b1) });
    if fits(a0, a1, b0, b1) {
        best.0 = scorer.cost_direct(a0, a1, b0, b1) - current;
    }
    for da in -1i64..=1 {
        for db in -1i64..=1 {
            if da == 0 && db == 0 {
                continue;
            }
            let (Some(ai), Some(bj)) =
                (p.a.1.checked_add_signed(da as isize), p.b.1.checked_add_signed(db as isize))
            else {
                continue;
            };
            if ai < a0 || ai > a1 || bj < b0 || bj > b1 || !fits(a0, ai, b0, bj) || !fits(ai, a1, bj, b1) {
                continue;
            }
            let alt = scorer.cost_direct(a0, ai, b0, bj)
                + scorer.boundary_cost(ai, bj)
                + scorer.cost_direct(ai, a1, bj, b1);
            if alt - current < best.0 {
                best = (alt - current, Reading::Boundary { a: ai, b: bj });
            }
        }
    }
    best
}
