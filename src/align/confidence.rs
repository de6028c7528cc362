//! Bead confidences: how much better a bead is than its alternatives. A bead with
//! both sides is compared with leaving all its sentences unaligned; a 1-0 or 0-1 bead
//! with joining its sentence to the neighbouring bead.

use super::dp::{Scorer, Step};
use crate::model::Bead;

/// Log-odds scale and offset turning cost differences into a confidence.
const SCALE: f32 = 3.0;
const OFFSET: f32 = 6.0;

fn sigmoid(x: f32) -> f64 {
    f64::from(1.0 / (1.0 + (-x).exp()))
}

/// The beads of a path with their confidences.
pub fn beads(path: &[Step], scorer: &Scorer<'_>, max_group: usize) -> Vec<Bead> {
    let cost = |s: &Step| scorer.cost_direct(s.a.0, s.a.1, s.b.0, s.b.1);
    let costs: Vec<f32> = path.iter().map(cost).collect();
    path.iter()
        .enumerate()
        .map(|(k, s)| {
            let is_null = s.a.0 == s.a.1 || s.b.0 == s.b.1;
            let score = if is_null {
                null_confidence(path, &costs, k, scorer, max_group)
            } else {
                let alone: f32 = (s.a.0..s.a.1)
                    .map(|i| scorer.cost_direct(i, i + 1, s.b.0, s.b.0))
                    .chain((s.b.0..s.b.1).map(|j| scorer.cost_direct(s.a.1, s.a.1, j, j + 1)))
                    .sum();
                sigmoid((alone - costs[k] - OFFSET) / SCALE)
            };
            Bead { a: (s.a.0..s.a.1).collect(), b: (s.b.0..s.b.1).collect(), score }
        })
        .collect()
}

fn null_confidence(path: &[Step], costs: &[f32], k: usize, scorer: &Scorer<'_>, max_group: usize) -> f64 {
    let s = path[k];
    let mut best: Option<f32> = None;
    for nb in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
        let Some(t) = path.get(nb) else { continue };
        if t.a.0 == t.a.1 || t.b.0 == t.b.1 {
            continue;
        }
        let (a0, a1) = (s.a.0.min(t.a.0), s.a.1.max(t.a.1));
        let (b0, b1) = (s.b.0.min(t.b.0), s.b.1.max(t.b.1));
        if a1 - a0 > max_group || b1 - b0 > max_group {
            continue;
        }
        let delta = scorer.cost_direct(a0, a1, b0, b1) - costs[nb] - costs[k];
        best = Some(best.map_or(delta, |b: f32| b.min(delta)));
    }
    best.map_or(0.5, |d| sigmoid(d / SCALE))
}
