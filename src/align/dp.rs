//! The dynamic programme: the minimum-cost monotone path through a band of the
//! (A position, B position) grid, with beads of up to `max_group` sentences a side and
//! 1-0/0-1 beads, costs from [`Scorer`]. Kinds are tried cheapest first and skipped when
//! [`Scorer::lower_bound`] says they cannot win.
//!
//! The band gives, for every A position `i` (0..=n), an inclusive range of B positions;
//! both ends never decrease with `i`. Memory and time are linear in the band's area.

use super::anchors::Anchors;
use super::cost::Scorer;
use rayon::prelude::*;

/// A band: for every A position `i` in 0..=n, B positions `lo[i]..=hi[i]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// First B position of each row.
    pub lo: Vec<usize>,
    /// Last B position of each row (inclusive).
    pub hi: Vec<usize>,
}

impl Band {
    /// The whole grid.
    pub fn full(n: usize, m: usize) -> Self {
        Band { lo: vec![0; n + 1], hi: vec![m; n + 1] }
    }

    /// Makes the band usable: clamped to the grid, both ends non-decreasing, consecutive
    /// rows overlapping, corners included.
    pub fn normalise(&mut self, m: usize) {
        let n = self.lo.len() - 1;
        self.lo[0] = 0;
        self.hi[n] = m;
        for i in 0..=n {
            self.hi[i] = self.hi[i].min(m);
            self.lo[i] = self.lo[i].min(self.hi[i]);
        }
        for i in (0..n).rev() {
            self.lo[i] = self.lo[i].min(self.lo[i + 1]);
        }
        for i in 1..=n {
            self.hi[i] = self.hi[i].max(self.hi[i - 1]);
        }
        for i in 0..n {
            self.hi[i] = self.hi[i].max(self.lo[i + 1]);
        }
    }
}

/// One bead of a path: A[a.0..a.1] with B[b.0..b.1].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// A range.
    pub a: (usize, usize),
    /// B range.
    pub b: (usize, usize),
}

/// For every anchor key of side B, the units holding it (ascending) with its weight there.
struct Postings {
    /// (key, start in `units`), sorted by key, with an end sentinel.
    keys: Vec<(u64, usize)>,
    units: Vec<(u32, f32)>,
}

impl Postings {
    fn new(anchors: &[Anchors]) -> Self {
        let mut all: Vec<(u64, u32, f32)> = anchors
            .iter()
            .enumerate()
            .flat_map(|(j, a)| a.keys.iter().map(move |&(k, w)| (k, j as u32, w)))
            .collect();
        all.sort_unstable_by_key(|&(k, j, _)| (k, j));
        let mut keys = Vec::new();
        for (x, &(k, _, _)) in all.iter().enumerate() {
            if keys.last().is_none_or(|&(last, _)| last != k) {
                keys.push((k, x));
            }
        }
        keys.push((u64::MAX, all.len()));
        Postings { keys, units: all.into_iter().map(|(_, j, w)| (j, w)).collect() }
    }

    /// The units in `lo..hi` holding `key`, with its weight there.
    fn within(&self, key: u64, lo: usize, hi: usize) -> &[(u32, f32)] {
        let last = self.keys.len() - 1;
        let Ok(x) = self.keys[..last].binary_search_by_key(&key, |e| e.0) else { return &[] };
        let list = &self.units[self.keys[x].1..self.keys[x + 1].1];
        let start = list.partition_point(|e| (e.0 as usize) < lo);
        let end = list.partition_point(|e| (e.0 as usize) < hi);
        &list[start..end.max(start)]
    }
}

/// Shared anchor weight of sentence pairs near the band, as row prefix sums.
struct Shared {
    lo: Vec<usize>,
    rows: Vec<Vec<f32>>,
}

impl Shared {
    fn new(scorer: &Scorer<'_>, band: &Band, g: usize) -> Self {
        let (n, m) = (scorer.a.n(), scorer.b.n());
        let lo: Vec<usize> = (0..n).map(|r| band.lo[(r + 1).saturating_sub(g)]).collect();
        let postings = Postings::new(scorer.b.anchors);
        let rows = (0..n)
            .into_par_iter()
            .map_init(Vec::new, |shared, r| {
                let hi = band.hi[(r + g).min(n)].min(m);
                let lo = lo[r];
                // shared[j - lo] = the weight A unit r shares with B unit j: its keys in
                // ascending order, as `Anchors::shared` adds them.
                shared.clear();
                shared.resize(hi.saturating_sub(lo), 0.0f32);
                for &(k, wa) in &scorer.a.anchors[r].keys {
                    for &(j, wb) in postings.within(k, lo, hi) {
                        shared[j as usize - lo] += wa.min(wb);
                    }
                }
                let mut acc = 0.0;
                let mut out = Vec::with_capacity(shared.len() + 1);
                out.push(0.0);
                for &x in shared.iter() {
                    acc += x;
                    out.push(acc);
                }
                out
            })
            .collect();
        Shared { lo, rows }
    }

    /// Σ over B units j0..j1 of the weight unit `r` of A shares with them.
    fn sum(&self, r: usize, j0: usize, j1: usize) -> f32 {
        let row = &self.rows[r];
        let last = row.len() - 1;
        let lo = self.lo[r];
        let x0 = j0.saturating_sub(lo).min(last);
        let x1 = j1.saturating_sub(lo).min(last);
        row[x1] - row[x0]
    }
}

/// The minimum-cost path from (0, 0) to (n, m) inside `band` with beads up to
/// `max_group` sentences a side (and 1-0, 0-1).
pub fn solve(scorer: &Scorer<'_>, band: &Band, max_group: usize) -> Vec<Step> {
    let (n, m) = (scorer.a.n(), scorer.b.n());
    let g = max_group.max(1);
    let shared = Shared::new(scorer, band, g);
    // Cheapest kinds first, so that the lower bound prunes the rest.
    let mut kinds: Vec<(usize, usize)> = vec![(1, 1), (0, 1), (1, 0)];
    for sum in 3..=2 * g {
        kinds.extend((1..=g).filter(|&x| sum > x && sum - x <= g).map(|x| (x, sum - x)));
    }
    let mut offset = Vec::with_capacity(n + 2);
    let mut total = 0usize;
    for i in 0..=n {
        offset.push(total);
        total += band.hi[i] - band.lo[i] + 1;
    }
    let mut cost = vec![f64::INFINITY; total];
    let mut back = vec![u8::MAX; total];
    let at = |i: usize, j: usize| -> Option<usize> {
        (j >= band.lo[i] && j <= band.hi[i]).then(|| offset[i] + j - band.lo[i])
    };
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let here = offset[i] + j - band.lo[i];
            if i == 0 && j == 0 {
                cost[here] = 0.0;
                continue;
            }
            let mut best = f64::INFINITY;
            let mut best_kind = u8::MAX;
            for (k, &(x, y)) in kinds.iter().enumerate() {
                if x > i || y > j {
                    continue;
                }
                let (pi, pj) = (i - x, j - y);
                if pj < band.lo[pi] || pj > band.hi[pi] {
                    continue;
                }
                let base = cost[offset[pi] + pj - band.lo[pi]];
                let paired = x > 0 && y > 0;
                let bound = |shared: f32| f64::from(scorer.lower_bound(pi, i, pj, j, shared));
                if !base.is_finite() || base + bound(f32::MAX) >= best {
                    continue;
                }
                let s = if paired { (pi..i).map(|r| shared.sum(r, pj, j)).sum() } else { 0.0 };
                if paired && base + bound(s) >= best {
                    continue;
                }
                let mut c = base + f64::from(scorer.cost(pi, i, pj, j, s));
                // The pairwise sum counts a key repeated across the group's sentences
                // several times; it bounds the true shared weight from above, so the
                // exact (merged) weight is only needed for a bead that may win.
                if scorer.exact && c < best && x * y > 1 && s > 0.0 {
                    c = base + f64::from(scorer.cost_direct(pi, i, pj, j));
                }
                if c < best {
                    best = c;
                    best_kind = k as u8;
                }
            }
            if best.is_finite() {
                best += f64::from(scorer.boundary_cost(i, j));
            }
            cost[here] = best;
            back[here] = best_kind;
        }
    }
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(here) = at(i, j) else { break };
        let Some(&(x, y)) = kinds.get(usize::from(back[here])) else { break };
        path.push(Step { a: (i - x, i), b: (j - y, j) });
        i -= x;
        j -= y;
    }
    path.reverse();
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::cost::{ShapeCosts, SideData};
    use crate::align::length::LengthModel;

    fn anchors(keys: &[(u64, f32)]) -> Anchors {
        Anchors { keys: keys.to_vec() }
    }

    #[test]
    fn postings_list_the_units_holding_a_key_within_a_range() {
        let b = [
            anchors(&[(1, 0.5), (7, 1.0)]),
            anchors(&[(7, 2.0)]),
            anchors(&[]),
            anchors(&[(1, 0.3), (7, 0.1)]),
        ];
        let p = Postings::new(&b);
        assert_eq!(p.within(7, 0, 4), &[(0, 1.0), (1, 2.0), (3, 0.1)]);
        assert_eq!(p.within(7, 1, 3), &[(1, 2.0)]);
        assert_eq!(p.within(1, 1, 3), &[]);
        assert_eq!(p.within(1, 3, 3), &[]);
        assert_eq!(p.within(5, 0, 4), &[]);
    }

    #[test]
    fn shared_sums_match_pairwise_shared_weights() {
        let a = vec![anchors(&[(1, 1.0), (2, 0.5)]), anchors(&[]), anchors(&[(2, 0.25), (7, 1.5)])];
        let b = vec![anchors(&[(2, 1.0)]), anchors(&[(1, 0.5), (7, 1.0)]), anchors(&[(2, 0.125), (7, 3.0)])];
        let (lens, counts) = (vec![10.0; 3], vec![1.0; 3]);
        let scorer = Scorer {
            a: SideData::new(&lens, &counts, &a, None),
            b: SideData::new(&lens, &counts, &b, None),
            length: LengthModel::learn(30.0, 30.0, &crate::config::LengthConfig::default()),
            costs: crate::config::BeadCosts::default(),
            shapes: ShapeCosts::symmetric(&crate::config::BeadCosts::default()),
            evidence: None,
            exact: true,
        };
        let shared = Shared::new(&scorer, &Band::full(3, 3), 2);
        for (r, row) in a.iter().enumerate() {
            for j0 in 0..3 {
                for j1 in j0..=3 {
                    let want: f32 = b[j0..j1].iter().map(|u| row.shared(u)).sum();
                    assert!((shared.sum(r, j0, j1) - want).abs() < 1e-6, "{r} {j0} {j1}");
                }
            }
        }
    }
}
