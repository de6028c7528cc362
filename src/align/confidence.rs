//! Bead confidences from local max-marginals: how much more the best nearby alternative
//! costs than the chosen beads. For each pair of neighbouring beads, the alternatives are
//! moving their shared boundary by one sentence on either or both sides, and joining
//! them; a bead's confidence is a logistic function of the smallest extra cost of an
//! alternative that changes it.

use super::cost::Scorer;
use super::dp::Step;
use crate::model::Bead;
use rayon::prelude::*;

fn sigmoid(x: f32) -> f64 {
    f64::from(1.0 / (1.0 + (-x).exp()))
}

/// The beads of a path with their confidences; `scale` is the cost difference (DP units)
/// that moves a confidence from 0.5 to about 0.73.
pub fn beads(path: &[Step], scorer: &Scorer<'_>, max_group: usize, scale: f32) -> Vec<Bead> {
    let cost = |s: &Step| scorer.cost_direct(s.a.0, s.a.1, s.b.0, s.b.1);
    let costs: Vec<f32> = path.par_iter().map(cost).collect();
    let pairs: Vec<f32> = (1..path.len())
        .into_par_iter()
        .map(|k| {
            let (p, q) = (path[k - 1], path[k]);
            let current = costs[k - 1] + costs[k] + scorer.boundary_cost(p.a.1, p.b.1);
            pair_margin(p, q, current, scorer, max_group)
        })
        .collect();
    // margin[k]: smallest extra cost of an alternative to bead k (∞ when none exists).
    let mut margin = vec![f32::INFINITY; path.len()];
    for (k, &m) in (1..path.len()).zip(&pairs) {
        margin[k - 1] = margin[k - 1].min(m);
        margin[k] = margin[k].min(m);
    }
    path.iter()
        .zip(&margin)
        .map(|(s, &m)| {
            let score = if m.is_finite() { sigmoid(m / scale) } else { 1.0 };
            Bead::new((s.a.0..s.a.1).collect(), (s.b.0..s.b.1).collect(), score)
        })
        .collect()
}

/// Smallest extra cost of re-cutting two neighbouring beads `p` and `q` (`current`: their
/// costs and that of the boundary between them).
fn pair_margin(p: Step, q: Step, current: f32, scorer: &Scorer<'_>, g: usize) -> f32 {
    let (a0, a1, b0, b1) = (p.a.0, q.a.1, p.b.0, q.b.1);
    let fits = |x0: usize, x1: usize, y0: usize, y1: usize| {
        let (n, m) = (x1 - x0, y1 - y0);
        n + m > 0 && n <= g && m <= g && (n.min(m) > 0 || n + m == 1)
    };
    let mut best = f32::INFINITY;
    if fits(a0, a1, b0, b1) {
        best = scorer.cost_direct(a0, a1, b0, b1) - current;
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
            best = best.min(alt - current);
        }
    }
    best
}
