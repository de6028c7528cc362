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

/// One kind of bead: `x` units of A with `y` of B, and what its shape alone costs at
/// least ([`Scorer::kind_bound`], for paired beads).
struct Kind {
    x: usize,
    y: usize,
    shape: f32,
}

/// The kinds of bead up to `g` sentences a side, cheapest first, so that the lower bound
/// prunes the rest: 1-1, 0-1, 1-0, then by size.
fn kinds(scorer: &Scorer<'_>, g: usize) -> Vec<Kind> {
    let mut sizes: Vec<(usize, usize)> = vec![(1, 1), (0, 1), (1, 0)];
    for sum in 3..=2 * g {
        sizes.extend((1..=g).filter(|&x| sum > x && sum - x <= g).map(|x| (x, sum - x)));
    }
    let shape = |x: usize, y: usize| if x > 0 && y > 0 { scorer.kind_bound(x, y) } else { 0.0 };
    sizes.into_iter().map(|(x, y)| Kind { x, y, shape: shape(x, y) }).collect()
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
    let kinds = kinds(scorer, g);
    let mut offset = Vec::with_capacity(n + 2);
    let mut total = 0usize;
    for i in 0..=n {
        offset.push(total);
        total += band.hi[i] - band.lo[i] + 1;
    }
    let mut cost = vec![f64::INFINITY; total];
    let mut back = vec![u8::MAX; total];
    // Per row i: the band (first, last B position, start in `cost`) of row i - x, and the
    // anchor weight of A units i - x..i, for x = 0..=g; then per cell that of B units.
    let mut rows = vec![(usize::MAX, 0, 0); g + 1];
    let (mut weight_a, mut weight_b) = (vec![0.0f32; g + 1], vec![0.0f32; g + 1]);
    for i in 0..=n {
        for x in 0..=g {
            rows[x] = match i.checked_sub(x) {
                Some(pi) => (band.lo[pi], band.hi[pi], offset[pi]),
                None => (usize::MAX, 0, 0),
            };
            weight_a[x] = if x <= i { scorer.a.weight[i] - scorer.a.weight[i - x] } else { 0.0 };
        }
        for j in band.lo[i]..=band.hi[i] {
            let here = offset[i] + j - band.lo[i];
            if i == 0 && j == 0 {
                cost[here] = 0.0;
                continue;
            }
            for (y, w) in weight_b.iter_mut().enumerate().take(g.min(j) + 1) {
                *w = scorer.b.weight[j] - scorer.b.weight[j - y];
            }
            let mut best = f64::INFINITY;
            let mut best_kind = u8::MAX;
            for (k, &Kind { x, y, shape }) in kinds.iter().enumerate() {
                let (lo, hi, at) = rows[x];
                let Some(pj) = j.checked_sub(y).filter(|&pj| pj >= lo && pj <= hi) else { continue };
                let base = cost[at + pj - lo];
                let pi = i - x;
                let paired = x > 0 && y > 0;
                let cap = weight_a[x].min(weight_b[y]);
                let bound = if paired {
                    scorer.paired_bound(shape, cap, f32::MAX)
                } else {
                    scorer.lower_bound(pi, i, pj, j, f32::MAX)
                };
                if !base.is_finite() || base + f64::from(bound) >= best {
                    continue;
                }
                let s = if paired { (pi..i).map(|r| shared.sum(r, pj, j)).sum() } else { 0.0 };
                if paired && base + f64::from(scorer.paired_bound(shape, cap, s)) >= best {
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
    let at = |i: usize, j: usize| -> Option<usize> {
        (j >= band.lo[i] && j <= band.hi[i]).then(|| offset[i] + j - band.lo[i])
    };
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(here) = at(i, j) else { break };
        let Some(&Kind { x, y, .. }) = kinds.get(usize::from(back[here])) else { break };
        path.push(Step { a: (i - x, i), b: (j - y, j) });
        i -= x;
        j -= y;
    }
    path.reverse();
    path
}
