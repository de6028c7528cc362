//! The dynamic programme: the cost of a bead from independent scorers (bead-type
//! prior, length, shared anchors, paragraph boundaries, outside similarity), and the
//! minimum-cost monotone path through a band of the (A position, B position) grid.
//!
//! The band gives, for every A position `i` (0..=n), an inclusive range of B positions;
//! both ends never decrease with `i`. Memory and time are linear in the band's area.

use super::anchors::Anchors;
use super::length::LengthModel;
use super::{BeadSimilarity, UnitEdges};
use rayon::prelude::*;
use std::ops::Range;

/// Weights of the cost model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Cost of a 1-0 or 0-1 bead beyond its length cost.
    pub null: f32,
    /// Cost of each sentence a bead has beyond one per side (2-1 pays it once, 2-2 twice).
    pub merge: f32,
    /// Reward per unit of anchor weight shared by the two sides of a bead.
    pub anchor: f32,
    /// Cost when a bead starts or ends on a paragraph break on one side only.
    pub paragraph_edge: f32,
    /// Cost of each paragraph break inside a bead.
    pub paragraph_inside: f32,
    /// Weight of the outside similarity: a bead pays `weight × (1 − similarity)`.
    pub similarity: f32,
    /// Similarity assumed for 1-0 and 0-1 beads when outside similarity is in use.
    pub similarity_null: f32,
    /// Cost of a 1-0 or 0-1 bead whose sentence is noise (no word, no number).
    pub noise_null: f32,
    /// Cost per sentence of difference between the sentence counts of the two sides,
    /// counting the sentences a unit holds inside (a line with two sentences counts 2).
    pub count: f32,
    /// Cost per unit of anchor weight that a boundary between two beads cuts off from
    /// its partner (see `crossing`).
    pub cross: f32,
    /// Cost per unit of outside similarity between sentences diagonally across a
    /// boundary between two beads, above [`CROSS_SIMILARITY_FLOOR`].
    pub similarity_cross: f32,
    /// Cost of a boundary between two beads right after a unit that ends with a colon,
    /// on one side only: that unit announces what follows (a title, a list, a quotation)
    /// and belongs in its bead.
    pub colon_edge: f32,
    /// Cost of a boundary between two beads that comes before a unit starting with a
    /// lower-case word on one side only: that unit continues the sentence before it.
    pub lowercase_edge: f32,
}

/// The calibrated similarity (0 = unrelated, about 0.3 = a typical translation) that
/// sentences next to each other on one topic reach across a boundary without any
/// sentence end having moved; only what is above it is evidence against the boundary.
pub const CROSS_SIMILARITY_FLOOR: f64 = 0.08;

/// One side of the problem: per-unit anchors, prefix sums of lengths and anchor weight,
/// and paragraph breaks (`breaks[i]`: a paragraph starts at unit `i`; `None` = ignore).
pub struct SideData<'a> {
    /// Anchors of each unit.
    pub anchors: &'a [Anchors],
    /// `len[i]` = total characters of units `0..i` (n + 1 entries).
    pub len: Vec<f32>,
    /// `weight[i]` = total anchor weight of units `0..i`.
    pub weight: Vec<f32>,
    /// `breaks[i]` for i in 0..=n (the ends count as breaks), when paragraphs are used.
    pub breaks: Option<Vec<bool>>,
    /// `inner[i]` = number of breaks at positions 1..i (prefix), when paragraphs are used.
    pub inner: Vec<u32>,
    /// `count[i]` = number of sentences held by units `0..i`.
    pub count: Vec<f32>,
    /// Units that are noise (no word, no number: see [`super::is_noise`]); empty when
    /// none are marked (coarse levels).
    pub noise: &'a [bool],
    /// How each unit meets its neighbours (see [`UnitEdges`]); empty when none are
    /// marked (coarse levels).
    pub edges: &'a [UnitEdges],
}

impl<'a> SideData<'a> {
    /// Builds a side from unit lengths, anchors and optional paragraph indices.
    pub fn new(
        lengths: &[f32],
        counts: &[f32],
        anchors: &'a [Anchors],
        paragraphs: Option<&[usize]>,
    ) -> Self {
        let len = prefix(lengths.iter().copied());
        let count = prefix(counts.iter().copied());
        let weight = prefix(anchors.iter().map(Anchors::total));
        let n = lengths.len();
        let breaks =
            paragraphs.map(|p| (0..=n).map(|i| i == 0 || i == n || p[i] != p[i - 1]).collect::<Vec<_>>());
        let mut inner = vec![0u32; n + 1];
        if let Some(b) = &breaks {
            for i in 1..=n {
                inner[i] = inner[i - 1] + u32::from(i < n && b[i]);
            }
        }
        SideData { anchors, len, weight, breaks, inner, count, noise: &[], edges: &[] }
    }

    /// Marks the noise units (one flag per unit).
    pub fn with_noise(mut self, noise: &'a [bool]) -> Self {
        self.noise = noise;
        self
    }

    /// Marks how each unit meets its neighbours (one entry per unit).
    pub fn with_edges(mut self, edges: &'a [UnitEdges]) -> Self {
        self.edges = edges;
        self
    }

    fn edges(&self, unit: usize) -> UnitEdges {
        self.edges.get(unit).copied().unwrap_or_default()
    }

    fn is_noise(&self, unit: usize) -> bool {
        self.noise.get(unit).copied().unwrap_or(false)
    }

    fn n(&self) -> usize {
        self.len.len() - 1
    }
}

fn prefix(it: impl Iterator<Item = f32>) -> Vec<f32> {
    let mut out = vec![0.0];
    let mut acc = 0.0;
    for x in it {
        acc += x;
        out.push(acc);
    }
    out
}

/// Scores candidate beads.
pub struct Scorer<'a> {
    /// Side A.
    pub a: SideData<'a>,
    /// Side B.
    pub b: SideData<'a>,
    /// Length model.
    pub length: LengthModel,
    /// Weights.
    pub weights: Weights,
    /// Outside similarity over sentence ranges (fine level only).
    pub similarity: Option<&'a dyn BeadSimilarity>,
    /// Whether multi-sentence beads get their exact shared anchor weight (the pairwise
    /// sum over-counts keys repeated within a group) when they may win.
    pub exact: bool,
}

impl Scorer<'_> {
    /// Cost of the bead A[i0..i1] × B[j0..j1] whose sides share `shared` anchor weight.
    pub fn cost(&self, i0: usize, i1: usize, j0: usize, j1: usize, shared: f32) -> f32 {
        let w = &self.weights;
        let (n, m) = (i1 - i0, j1 - j0);
        let la = self.a.len[i1] - self.a.len[i0];
        let lb = self.b.len[j1] - self.b.len[j0];
        if n == 0 || m == 0 {
            if self.null_is_noise(i0, n, j0) {
                // Noise (a stray "....." or "- _-" from OCR) is left out at a small cost.
                return w.noise_null;
            }
            let mut cost = w.null * (n + m) as f32;
            if let Some(similarity) = self.similarity {
                // An orphan that resembles a neighbour on the other side forfeits that
                // similarity: it pays as much as the 1-1 bead it did not form gains.
                let orphan = self.orphan_similarity(similarity, i0, i1, j0);
                cost += w.similarity * (1.0 - w.similarity_null + orphan);
            }
            return cost;
        }
        let mut cost = self.length.cost(la, lb) + w.merge * (n + m - 2) as f32;
        let (ca, cb) = (self.a.count[i1] - self.a.count[i0], self.b.count[j1] - self.b.count[j0]);
        cost += w.count * ((ca - cb).abs() - n.abs_diff(m) as f32);
        let cap = (self.a.weight[i1] - self.a.weight[i0]).min(self.b.weight[j1] - self.b.weight[j0]);
        cost -= w.anchor * shared.min(cap);
        if let (Some(ba), Some(bb)) = (&self.a.breaks, &self.b.breaks) {
            let edges = u32::from(ba[i0] != bb[j0]) + u32::from(ba[i1] != bb[j1]);
            let inside = self.a.inner[i1 - 1] - self.a.inner[i0] + self.b.inner[j1 - 1] - self.b.inner[j0];
            cost += w.paragraph_edge * edges as f32 / 2.0 + w.paragraph_inside * inside as f32;
        }
        if let Some(sim) = self.similarity.and_then(|s| s.similarity(i0..i1, j0..j1)) {
            cost += w.similarity * (1.0 - sim.clamp(0.0, 1.0) as f32);
        }
        cost
    }

    /// Whether the 1-0 bead of A unit `i0` (`n` = 1) or the 0-1 bead of B unit `j0` (`n` = 0)
    /// holds a noise unit.
    fn null_is_noise(&self, i0: usize, n: usize, j0: usize) -> bool {
        if n == 1 { self.a.is_noise(i0) } else { self.b.is_noise(j0) }
    }

    /// The best similarity of the single sentence of a 1-0 bead A[i0..i1] (or of the 0-1
    /// bead B[j0]) with the two sentences of the other side adjacent to it (0 otherwise).
    fn orphan_similarity(&self, similarity: &dyn BeadSimilarity, i0: usize, i1: usize, j0: usize) -> f32 {
        let pairs: Vec<(usize, usize)> = match i1 - i0 {
            1 => (j0.saturating_sub(1)..j0 + 1).map(|j| (i0, j)).collect(),
            0 => (i0.saturating_sub(1)..i0 + 1).map(|i| (i, j0)).collect(),
            _ => Vec::new(),
        };
        pairs
            .into_iter()
            .filter_map(|(i, j)| similarity.similarity(i..i + 1, j..j + 1))
            .fold(0.0f64, f64::max)
            .clamp(0.0, 1.0) as f32
    }

    /// Cost of a boundary between two beads at A position `i` and B position `j`: the
    /// anchor weight it cuts off from its partner (`crossing`) × `weights.cross`, plus
    /// `weights.colon_edge` when it follows a colon on one side only, plus
    /// `weights.lowercase_edge` when it comes before a lower-case start on one side only
    /// (see [`UnitEdges`]), plus the outside similarity across it
    /// (`Scorer::cross_similarity`) × `weights.similarity_cross`. The DP adds it at every
    /// cell a path passes through.
    pub fn boundary_cost(&self, i: usize, j: usize) -> f32 {
        let w = &self.weights;
        let mut cost = 0.0;
        if w.cross > 0.0 {
            cost += w.cross * crossing(self, i, j);
        }
        if i > 0 && j > 0 && self.a.edges(i - 1).colon_end != self.b.edges(j - 1).colon_end {
            cost += w.colon_edge;
        }
        if i < self.a.n()
            && j < self.b.n()
            && self.a.edges(i).lowercase_start != self.b.edges(j).lowercase_start
        {
            cost += w.lowercase_edge;
        }
        if let Some(similarity) = self.similarity.filter(|_| w.similarity_cross > 0.0) {
            cost += w.similarity_cross * self.cross_similarity(similarity, i, j);
        }
        cost
    }

    /// How much the sentences either side of a boundary at (i, j) resemble the sentence
    /// diagonally across it (the last A sentence before it with the first B sentence
    /// after it, and conversely), above [`CROSS_SIMILARITY_FLOOR`]: the outside
    /// similarity's version of [`crossing`].
    fn cross_similarity(&self, similarity: &dyn BeadSimilarity, i: usize, j: usize) -> f32 {
        if i == 0 || j == 0 || i >= self.a.n() || j >= self.b.n() {
            return 0.0;
        }
        let above = |a: Range<usize>, b: Range<usize>| {
            similarity.similarity(a, b).map_or(0.0, |s| (s - CROSS_SIMILARITY_FLOOR).max(0.0))
        };
        (above(i - 1..i, j..j + 1) + above(i..i + 1, j - 1..j)) as f32
    }

    /// A cheap lower bound of [`Scorer::cost`] for the bead (for pruning).
    /// `shared` bounds the bead's shared anchor weight from above.
    pub fn lower_bound(&self, i0: usize, i1: usize, j0: usize, j1: usize, shared: f32) -> f32 {
        let w = &self.weights;
        let (n, m) = (i1 - i0, j1 - j0);
        if n == 0 || m == 0 {
            return if self.null_is_noise(i0, n, j0) { w.noise_null } else { w.null * (n + m) as f32 };
        }
        let cap = (self.a.weight[i1] - self.a.weight[i0]).min(self.b.weight[j1] - self.b.weight[j0]);
        w.merge * (n + m - 2) as f32 - w.count * n.abs_diff(m) as f32 - w.anchor * cap.min(shared)
    }

    /// Cost of a bead with its shared anchor weight computed from the anchors.
    pub fn cost_direct(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let shared = if i0 < i1 && j0 < j1 {
            merged(&self.a.anchors[i0..i1]).shared(&merged(&self.b.anchors[j0..j1]))
        } else {
            0.0
        };
        self.cost(i0, i1, j0, j1, shared)
    }
}

/// The anchors of several units taken together; one unit's keys are already merged
/// (sorted, one entry per key) and are borrowed.
fn merged(units: &[Anchors]) -> std::borrow::Cow<'_, Anchors> {
    match units {
        [one] => std::borrow::Cow::Borrowed(one),
        _ => std::borrow::Cow::Owned(Anchors::merged(units.iter())),
    }
}

/// Anchor weight a boundary between two beads at (i, j) cuts off from its only
/// partner: keys that the last A unit before the boundary shares with the first B unit
/// after it (and that neither the last B unit before nor the first A unit after holds),
/// and conversely. Where sentence ends differ between the texts (a name moved to the
/// next sentence), this is what tells a 2-2 bead from two 1-1 beads.
fn crossing(scorer: &Scorer<'_>, i: usize, j: usize) -> f32 {
    static NONE: Anchors = Anchors { keys: Vec::new() };
    fn unit(side: &[Anchors], k: Option<usize>) -> &Anchors {
        k.and_then(|k| side.get(k)).unwrap_or(&NONE)
    }
    let (a, b) = (scorer.a.anchors, scorer.b.anchors);
    let (a_before, a_after) = (unit(a, i.checked_sub(1)), unit(a, Some(i)));
    let (b_before, b_after) = (unit(b, j.checked_sub(1)), unit(b, Some(j)));
    a_before.shared_only(b_after, b_before, a_after) + a_after.shared_only(b_before, b_after, a_before)
}

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

    /// Number of cells.
    pub fn area(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
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
    // The constant part of each kind's lower bound (`Scorer::lower_bound` without the
    // anchor term), and per row and cell the anchor weight of the groups ending there.
    let w = &scorer.weights;
    let fixed: Vec<f32> = kinds
        .iter()
        .map(|&(x, y)| {
            if x == 0 || y == 0 {
                w.null * (x + y) as f32
            } else {
                w.merge * (x + y - 2) as f32 - w.count * x.abs_diff(y) as f32
            }
        })
        .collect();
    let mut weight_a = vec![0.0f32; g + 1];
    let mut weight_b = vec![0.0f32; g + 1];
    for i in 0..=n {
        for (x, wa) in weight_a.iter_mut().enumerate().take(i.min(g) + 1) {
            *wa = scorer.a.weight[i] - scorer.a.weight[i - x];
        }
        for j in band.lo[i]..=band.hi[i] {
            let here = offset[i] + j - band.lo[i];
            if i == 0 && j == 0 {
                cost[here] = 0.0;
                continue;
            }
            for (y, wb) in weight_b.iter_mut().enumerate().take(j.min(g) + 1) {
                *wb = scorer.b.weight[j] - scorer.b.weight[j - y];
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
                // As `Scorer::lower_bound(pi, i, pj, j, shared)`, term for term.
                let bound = |shared: f32| -> f64 {
                    if paired {
                        f64::from(fixed[k] - w.anchor * weight_a[x].min(weight_b[y]).min(shared))
                    } else if scorer.null_is_noise(pi, x, pj) {
                        f64::from(w.noise_null)
                    } else {
                        f64::from(fixed[k])
                    }
                };
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
            length: LengthModel::learn(30.0, 30.0),
            weights: super::super::WEIGHTS,
            similarity: None,
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
            length: LengthModel::learn(20.0, 20.0),
            weights: Weights { cross, ..super::super::WEIGHTS },
            similarity: None,
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
            length: LengthModel::learn(64.0, 64.0),
            weights: super::super::WEIGHTS,
            similarity: None,
            exact: true,
        };
        let w = super::super::WEIGHTS;
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
            length: LengthModel::learn(30.0, 30.0),
            weights: Weights {
                similarity: 3.0,
                similarity_null: 0.9,
                similarity_cross: cross,
                ..super::super::WEIGHTS
            },
            similarity: Some(&table),
            exact: true,
        };
        let expected = (0.4 - CROSS_SIMILARITY_FLOOR) as f32;
        assert!((scorer(1.0).cross_similarity(&table, 1, 1) - expected).abs() < 1e-6);
        // Below the floor (A1 against B2 at 0.0, A2 against B1 at 0.0) nothing is paid,
        // nor at the ends of the texts.
        assert_eq!(scorer(1.0).cross_similarity(&table, 2, 2), 0.0);
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
            length: LengthModel::learn(60.0, 65.0),
            weights: super::super::WEIGHTS,
            similarity: None,
            exact: true,
        };
        let w = super::super::WEIGHTS;
        assert_eq!(scorer.cost(1, 1, 1, 2, 0.0), w.noise_null);
        assert_eq!(scorer.cost(1, 2, 1, 1, 0.0), w.null);
        for (i0, i1, j0, j1) in [(1, 1, 1, 2), (1, 2, 1, 1), (0, 0, 0, 1), (0, 1, 0, 2), (1, 1, 2, 3)] {
            let (bound, cost) = (scorer.lower_bound(i0, i1, j0, j1, 0.0), scorer.cost(i0, i1, j0, j1, 0.0));
            assert!(bound <= cost, "{i0}..{i1} x {j0}..{j1}: bound {bound} > cost {cost}");
        }
        let path = solve(&scorer, &Band::full(2, 3), 2);
        assert!(path.iter().any(|s| s.a.0 == s.a.1 && s.b == (1, 2)), "{path:?}");
        // Unmarked, the same short unit is merged into a neighbour's bead.
        let plain = Scorer { b: SideData::new(&lens_b, &counts, &units, None), ..scorer };
        let path = solve(&plain, &Band::full(2, 3), 2);
        assert!(!path.iter().any(|s| s.a.0 == s.a.1), "{path:?}");
    }
}
