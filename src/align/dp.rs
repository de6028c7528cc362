//! The dynamic programme: the minimum-cost monotone path through a band of the
//! (A position, B position) grid, with beads of up to `max_group` sentences a side and
//! 1-0/0-1 beads, costs from [`Scorer`]. Kinds are tried cheapest first and skipped when
//! [`Scorer::lower_bound`] says they cannot win.
//!
//! The band gives, for every A position `i` (0..=n), an inclusive range of B positions;
//! both ends never decrease with `i`. Memory and time are linear in the band's area.

use super::cost::Scorer;
use super::rows::{Boundaries, Postings, Shared};

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

/// The minimum-cost path from (0, 0) to (n, m) inside `band` with beads up to
/// `max_group` sentences a side (and 1-0, 0-1).
pub fn solve(scorer: &Scorer<'_>, band: &Band, max_group: usize) -> Vec<Step> {
    let (n, m) = (scorer.a.n(), scorer.b.n());
    let g = max_group.max(1);
    let postings = Postings::new(scorer.b.anchors);
    let (shared, boundaries) =
        rayon::join(|| Shared::new(scorer, &postings, band, g), || Boundaries::new(scorer, &postings, band));
    drop(postings);
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
                best += f64::from(boundaries.at(i, j, band));
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
