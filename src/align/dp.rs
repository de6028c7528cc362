//! The dynamic programme: the minimum-cost monotone path through a band of the
//! (A position, B position) grid, with beads of up to `max_group` sentences a side and
//! 1-0/0-1 beads, costs from [`Scorer`]. Kinds are tried cheapest first and skipped when
//! [`Scorer::lower_bound`] says they cannot win.
//!
//! The band gives, for every A position `i` (0..=n), an inclusive range of B positions;
//! both ends never decrease with `i`. Memory and time are linear in the band's area.
//!
//! A large band is filled by several threads, the rows dealt out in turn: a cell waits
//! until the rows above it that other threads fill have reached its column. Each cell is
//! computed exactly as one thread would, so the path does not depend on the threads.

use super::cost::Scorer;
use super::rows::{Boundaries, Postings, Shared};
use std::sync::atomic::{AtomicU8, AtomicU64, AtomicUsize, Ordering};

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
/// `max_group` sentences a side (and 1-0, 0-1), on one thread.
#[cfg(test)]
pub fn solve(scorer: &Scorer<'_>, band: &Band, max_group: usize) -> Vec<Step> {
    solve_parallel(scorer, band, max_group, usize::MAX)
}

/// [`solve`], on as many threads as rayon has when the band holds `parallel_cells` cells
/// or more.
pub fn solve_parallel(
    scorer: &Scorer<'_>,
    band: &Band,
    max_group: usize,
    parallel_cells: usize,
) -> Vec<Step> {
    let g = max_group.max(1);
    let postings = Postings::new(scorer.b.anchors);
    let (shared, boundaries) =
        rayon::join(|| Shared::new(scorer, &postings, band, g), || Boundaries::new(scorer, &postings, band));
    drop(postings);
    let dp = Dp { scorer, band, g, kinds: kinds(scorer, g), shared, boundaries };
    let grid = Grid::new(band);
    let n = band.lo.len() - 1;
    let threads =
        if grid.cost.len() >= parallel_cells { rayon::current_num_threads().clamp(1, n + 1) } else { 1 };
    std::thread::scope(|scope| {
        for t in 1..threads {
            let (dp, grid) = (&dp, &grid);
            scope.spawn(move || (t..=n).step_by(threads).for_each(|i| dp.fill_row(grid, i, threads)));
        }
        (0..=n).step_by(threads).for_each(|i| dp.fill_row(&grid, i, threads));
    });
    grid.path(&dp.kinds, scorer.b.n())
}

/// What filling the grid reads.
struct Dp<'s, 'b> {
    scorer: &'s Scorer<'s>,
    band: &'b Band,
    g: usize,
    kinds: Vec<Kind>,
    shared: Shared,
    boundaries: Boundaries,
}

/// The cells of a band: the cheapest cost of reaching each (as `f64` bits) and the kind of
/// its last bead, and how far each row is filled.
struct Grid<'b> {
    band: &'b Band,
    /// Where each row starts in `cost` and `back`.
    offset: Vec<usize>,
    cost: Vec<AtomicU64>,
    back: Vec<AtomicU8>,
    /// Per row: every cell left of this B position is filled (`usize::MAX`: the row is).
    filled: Vec<AtomicUsize>,
}

impl<'b> Grid<'b> {
    fn new(band: &'b Band) -> Self {
        let n = band.lo.len() - 1;
        let mut offset = Vec::with_capacity(n + 2);
        let mut total = 0usize;
        for i in 0..=n {
            offset.push(total);
            total += band.hi[i] - band.lo[i] + 1;
        }
        let infinity = f64::INFINITY.to_bits();
        Grid {
            band,
            offset,
            cost: (0..total).map(|_| AtomicU64::new(infinity)).collect(),
            back: (0..total).map(|_| AtomicU8::new(u8::MAX)).collect(),
            filled: (0..=n).map(|_| AtomicUsize::new(0)).collect(),
        }
    }

    /// Waits until row `r` is filled up to column `j` (or to its end); returns how far it is.
    fn wait(&self, r: usize, j: usize) -> usize {
        let last = self.band.hi[r];
        let mut spins = 0u32;
        loop {
            let filled = self.filled[r].load(Ordering::Acquire);
            if filled > j.min(last) {
                return filled;
            }
            // Spin a little (the row above is usually just ahead), then give the core
            // away: when more threads than cores are busy (several alignments at once),
            // a waiting thread must not keep the others from running.
            spins += 1;
            if spins < 64 {
                std::hint::spin_loop();
            } else if spins < 1024 {
                std::thread::yield_now();
            } else {
                std::thread::sleep(std::time::Duration::from_micros(50));
            }
        }
    }

    /// The path back from (n, m).
    fn path(&self, kinds: &[Kind], m: usize) -> Vec<Step> {
        let band = self.band;
        let at = |i: usize, j: usize| -> Option<usize> {
            (j >= band.lo[i] && j <= band.hi[i]).then(|| self.offset[i] + j - band.lo[i])
        };
        let mut path = Vec::new();
        let (mut i, mut j) = (band.lo.len() - 1, m);
        while i > 0 || j > 0 {
            let Some(here) = at(i, j) else { break };
            let back = self.back[here].load(Ordering::Relaxed);
            let Some(&Kind { x, y, .. }) = kinds.get(usize::from(back)) else { break };
            path.push(Step { a: (i - x, i), b: (j - y, j) });
            i -= x;
            j -= y;
        }
        path.reverse();
        path
    }
}

impl Dp<'_, '_> {
    /// Fills row `i`, `threads` threads dealing out the rows in turn: the `threads - 1`
    /// rows above it are filled by the others, so each cell first waits for them.
    fn fill_row(&self, grid: &Grid<'_>, i: usize, threads: usize) {
        let (band, scorer, g) = (self.band, self.scorer, self.g);
        // The band (first, last B position, start in the grid) of row i - x, and the
        // anchor weight of A units i - x..i, for x = 0..=g; then per cell that of B units.
        let mut rows = vec![(usize::MAX, 0, 0); g + 1];
        let (mut weight_a, mut weight_b) = (vec![0.0f32; g + 1], vec![0.0f32; g + 1]);
        for x in 0..=g {
            rows[x] = match i.checked_sub(x) {
                Some(pi) => (band.lo[pi], band.hi[pi], grid.offset[pi]),
                None => (usize::MAX, 0, 0),
            };
            weight_a[x] = if x <= i { scorer.a.weight[i] - scorer.a.weight[i - x] } else { 0.0 };
        }
        let others = (threads - 1).min(i);
        let mut filled = vec![0usize; others + 1];
        for j in band.lo[i]..=band.hi[i] {
            for (x, done) in filled.iter_mut().enumerate().skip(1) {
                if *done <= j.min(band.hi[i - x]) {
                    *done = grid.wait(i - x, j);
                }
            }
            let here = grid.offset[i] + j - band.lo[i];
            let (best, kind) = if i == 0 && j == 0 {
                (0.0, u8::MAX)
            } else {
                for (y, w) in weight_b.iter_mut().enumerate().take(g.min(j) + 1) {
                    *w = scorer.b.weight[j] - scorer.b.weight[j - y];
                }
                self.cell(grid, i, j, &rows, &weight_a, &weight_b)
            };
            grid.cost[here].store(best.to_bits(), Ordering::Relaxed);
            grid.back[here].store(kind, Ordering::Relaxed);
            grid.filled[i].store(j + 1, Ordering::Release);
        }
        grid.filled[i].store(usize::MAX, Ordering::Release);
    }

    /// The cheapest way to reach cell (i, j) and the kind of its last bead.
    fn cell(
        &self,
        grid: &Grid<'_>,
        i: usize,
        j: usize,
        rows: &[(usize, usize, usize)],
        weight_a: &[f32],
        weight_b: &[f32],
    ) -> (f64, u8) {
        let scorer = self.scorer;
        let mut best = f64::INFINITY;
        let mut best_kind = u8::MAX;
        for (k, &Kind { x, y, shape }) in self.kinds.iter().enumerate() {
            let (lo, hi, at) = rows[x];
            let Some(pj) = j.checked_sub(y).filter(|&pj| pj >= lo && pj <= hi) else { continue };
            let base = f64::from_bits(grid.cost[at + pj - lo].load(Ordering::Relaxed));
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
            let s = if paired { (pi..i).map(|r| self.shared.sum(r, pj, j)).sum() } else { 0.0 };
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
            best += f64::from(self.boundaries.at(i, j, self.band));
        }
        (best, best_kind)
    }
}
