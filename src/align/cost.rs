//! The cost model: what a candidate bead costs (bead kind, length, shared anchors,
//! sentence counts, paragraph breaks, outside similarity), what a boundary between two
//! beads costs (anchors cut from their partner, colon ends, lower-case starts,
//! similarity across it), and the one lower bound of a bead's cost that the DP prunes
//! with. Pure arithmetic over precomputed per-side data.

use super::anchors::Anchors;
use super::length::LengthModel;
use super::{BeadSimilarity, UnitEdges};
use crate::config::{BeadCosts, ShapeConfig, SimilarityWeights};
use crate::model::SentenceKind;
use std::ops::Range;

/// Outside similarity (MT, embeddings) and how much it counts.
#[derive(Clone, Copy)]
pub struct Evidence<'a> {
    /// The similarity of candidate spans.
    pub source: &'a dyn BeadSimilarity,
    /// Its weights.
    pub weights: SimilarityWeights,
    /// Calibrated similarity that sentences next to each other on one topic reach across
    /// a boundary with no sentence end moved; only what is above it counts there.
    pub cross_floor: f64,
}

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
    /// What each unit is (text, headline, furniture); empty when none are marked.
    pub kinds: &'a [SentenceKind],
    /// `furniture[i]` = number of furniture units in `0..i` (empty: none marked).
    pub furniture: Vec<u32>,
    /// `headlines[i]` = number of headline units in `0..i` (empty: none marked).
    pub headlines: Vec<u32>,
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
        SideData {
            anchors,
            len,
            weight,
            breaks,
            inner,
            count,
            noise: &[],
            edges: &[],
            kinds: &[],
            furniture: Vec::new(),
            headlines: Vec::new(),
        }
    }

    /// Marks what each unit is (one kind per unit).
    pub fn with_kinds(mut self, kinds: &'a [SentenceKind]) -> Self {
        let counts = |of: fn(&SentenceKind) -> bool| -> Vec<u32> {
            let mut out = vec![0u32];
            for k in kinds {
                out.push(out[out.len() - 1] + u32::from(of(k)));
            }
            out
        };
        self.furniture = counts(SentenceKind::is_furniture);
        self.headlines = counts(|k| *k == SentenceKind::Headline);
        self.kinds = kinds;
        self
    }

    fn kind(&self, unit: usize) -> SentenceKind {
        self.kinds.get(unit).copied().unwrap_or_default()
    }

    /// Furniture and headline units among `i0..i1`.
    fn kinds_in(&self, i0: usize, i1: usize) -> (u32, u32) {
        if self.kinds.is_empty() {
            return (0, 0);
        }
        (self.furniture[i1] - self.furniture[i0], self.headlines[i1] - self.headlines[i0])
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

    pub(crate) fn n(&self) -> usize {
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

/// What a bead's shape costs on each side (A then B): each sentence beyond one on a side
/// of a paired bead, and a sentence left unaligned. The configuration gives the same
/// costs to both sides; [`ShapeCosts::estimate`] learns them from a first alignment of the
/// document pair itself (a translator who splits sentences makes many 1-2 beads).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapeCosts {
    /// Per extra sentence on side A, on side B.
    pub merge: [f32; 2],
    /// Per unaligned sentence of side A, of side B.
    pub null: [f32; 2],
}

impl ShapeCosts {
    /// The configured costs, the same on both sides.
    pub fn symmetric(costs: &BeadCosts) -> Self {
        ShapeCosts { merge: [costs.merge; 2], null: [costs.null; 2] }
    }

    /// The costs a first alignment `path` of this document pair suggests: the frequency of
    /// each event (an extra sentence on a side of a paired bead, an unaligned sentence)
    /// per paired bead, smoothed towards the configured costs by `config.prior` beads'
    /// worth of them, as −ln of that rate. Only plain sentences count as unaligned (noise,
    /// furniture, headlines and short sentences have costs of their own).
    pub fn estimate(
        path: &[super::dp::Step],
        plain: (&[bool], &[bool]),
        costs: &BeadCosts,
        config: &ShapeConfig,
    ) -> Self {
        let (mut beads, mut extra, mut alone) = (0.0f32, [0.0f32; 2], [0.0f32; 2]);
        for s in path {
            let (n, m) = (s.a.1 - s.a.0, s.b.1 - s.b.0);
            if n > 0 && m > 0 {
                beads += 1.0;
                extra[0] += (n - 1) as f32;
                extra[1] += (m - 1) as f32;
            } else if n == 1 && plain.0.get(s.a.0).copied().unwrap_or(false) {
                alone[0] += 1.0;
            } else if m == 1 && plain.1.get(s.b.0).copied().unwrap_or(false) {
                alone[1] += 1.0;
            }
        }
        let cost = |events: f32, default: f32| {
            let rate = (events + config.prior * (-default).exp()) / (beads + config.prior);
            (-rate.ln()).clamp(config.min_cost, config.max_cost)
        };
        ShapeCosts {
            merge: [cost(extra[0], costs.merge), cost(extra[1], costs.merge)],
            null: [cost(alone[0], costs.null), cost(alone[1], costs.null)],
        }
    }

    /// The largest difference between two sets of costs.
    pub fn distance(&self, other: &ShapeCosts) -> f32 {
        self.merge
            .iter()
            .chain(&self.null)
            .zip(other.merge.iter().chain(&other.null))
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f32::max)
    }
}

/// Scores candidate beads.
pub struct Scorer<'a> {
    /// Side A.
    pub a: SideData<'a>,
    /// Side B.
    pub b: SideData<'a>,
    /// Length model.
    pub length: LengthModel,
    /// Costs of bead kinds and boundaries.
    pub costs: BeadCosts,
    /// What bead shapes cost, side by side.
    pub shapes: ShapeCosts,
    /// Outside similarity over sentence ranges with its weights (fine level only).
    pub evidence: Option<Evidence<'a>>,
    /// Whether multi-sentence beads get their exact shared anchor weight (the pairwise
    /// sum over-counts keys repeated within a group) when they may win.
    pub exact: bool,
}

impl Scorer<'_> {
    /// Cost of the bead A[i0..i1] × B[j0..j1] whose sides share `shared` anchor weight.
    pub fn cost(&self, i0: usize, i1: usize, j0: usize, j1: usize, shared: f32) -> f32 {
        let w = &self.costs;
        let (n, m) = (i1 - i0, j1 - j0);
        let la = self.a.len[i1] - self.a.len[i0];
        let lb = self.b.len[j1] - self.b.len[j0];
        if n == 0 || m == 0 {
            if let Some(cost) = self.cheap_null(i0, n, j0) {
                // Noise (a stray "....." or "- _-" from OCR) and wire furniture (a photo
                // credit, an end marker) are left out at a small cost.
                return cost;
            }
            let mut cost = self.null_cost(i0, n, j0);
            if let Some(ev) = self.evidence {
                // An orphan that resembles a neighbour on the other side forfeits that
                // similarity: it pays as much as the 1-1 bead it did not form gains.
                let orphan = self.orphan_similarity(ev.source, i0, i1, j0);
                cost += ev.weights.weight * (1.0 - ev.weights.null + orphan);
            }
            return cost;
        }
        let mut cost = self.length.cost(la, lb) + self.merge_cost(n, m);
        let (ca, cb) = (self.a.count[i1] - self.a.count[i0], self.b.count[j1] - self.b.count[j0]);
        cost += w.count * ((ca - cb).abs() - n.abs_diff(m) as f32);
        let cap = (self.a.weight[i1] - self.a.weight[i0]).min(self.b.weight[j1] - self.b.weight[j0]);
        cost -= w.anchor * shared.min(cap);
        if let (Some(ba), Some(bb)) = (&self.a.breaks, &self.b.breaks) {
            let edges = u32::from(ba[i0] != bb[j0]) + u32::from(ba[i1] != bb[j1]);
            let inside = self.a.inner[i1 - 1] - self.a.inner[i0] + self.b.inner[j1 - 1] - self.b.inner[j0];
            cost += w.paragraph_edge * edges as f32 / 2.0 + w.paragraph_inside * inside as f32;
        }
        cost += self.kind_mismatch(i0, i1, j0, j1);
        if let Some(ev) = self.evidence {
            if let Some(sim) = ev.source.similarity(i0..i1, j0..j1) {
                cost += ev.weights.weight * (1.0 - sim.clamp(0.0, 1.0) as f32);
            }
        }
        cost
    }

    /// What pairing furniture or a headline with what is neither costs: each furniture
    /// unit of a bead whose other side has none pays `furniture_mismatch`, and each
    /// headline of a bead whose other side has none pays `headline_mismatch`.
    fn kind_mismatch(&self, i0: usize, i1: usize, j0: usize, j1: usize) -> f32 {
        let ((fa, ha), (fb, hb)) = (self.a.kinds_in(i0, i1), self.b.kinds_in(j0, j1));
        let w = &self.costs;
        let furniture = if (fa > 0) != (fb > 0) { (fa + fb) as f32 * w.furniture_mismatch } else { 0.0 };
        let headlines = if (ha > 0) != (hb > 0) { (ha + hb) as f32 * w.headline_mismatch } else { 0.0 };
        furniture + headlines
    }

    /// The unit of the 1-0 bead of A unit `i0` (`n` = 1) or of the 0-1 bead of B unit `j0`.
    fn null_unit(&self, i0: usize, n: usize, j0: usize) -> (&SideData<'_>, usize) {
        if n == 1 { (&self.a, i0) } else { (&self.b, j0) }
    }

    /// The fixed cost of a 1-0/0-1 bead of noise or furniture, which nothing else changes.
    pub(crate) fn cheap_null(&self, i0: usize, n: usize, j0: usize) -> Option<f32> {
        let (side, unit) = self.null_unit(i0, n, j0);
        if side.is_noise(unit) {
            Some(self.costs.noise_null)
        } else if side.kind(unit).is_furniture() {
            Some(self.costs.furniture_null)
        } else {
            None
        }
    }

    /// The cost of a 1-0/0-1 bead before outside similarity: a headline's own cost, a
    /// short sentence's (`Может.`, `Yes.`: a translator drops or folds such a sentence
    /// more often than a long one, and its length says nothing about where it belongs),
    /// else `costs.null`.
    fn null_cost(&self, i0: usize, n: usize, j0: usize) -> f32 {
        let (side, unit) = self.null_unit(i0, n, j0);
        let w = &self.costs;
        if side.kind(unit) == SentenceKind::Headline {
            w.headline_null
        } else if side.len[unit + 1] - side.len[unit] < w.short_chars {
            w.short_null
        } else {
            self.shapes.null[usize::from(n == 0)]
        }
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
    /// anchor weight it cuts off from its partner (`crossing`) × `costs.cross`, plus
    /// `costs.colon_edge` when it follows a colon on one side only, plus
    /// `costs.lowercase_edge` when it comes before a lower-case start on one side only
    /// (see [`UnitEdges`]), plus the outside similarity across it
    /// (`Scorer::cross_similarity`) × the evidence's `cross` weight. The DP adds it at every
    /// cell a path passes through.
    pub fn boundary_cost(&self, i: usize, j: usize) -> f32 {
        let crossed = if self.costs.cross > 0.0 { crossing(self, i, j) } else { 0.0 };
        self.boundary_cost_with(i, j, crossed)
    }

    /// [`Scorer::boundary_cost`] at (i, j) given what [`crossing`] is there (the DP
    /// computes it for whole rows at once).
    pub(crate) fn boundary_cost_with(&self, i: usize, j: usize, crossed: f32) -> f32 {
        let w = &self.costs;
        let mut cost = 0.0;
        if w.cross > 0.0 {
            cost += w.cross * crossed;
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
        if let Some(ev) = self.evidence.filter(|ev| ev.weights.cross > 0.0) {
            cost += ev.weights.cross * self.cross_similarity(ev, i, j);
        }
        cost
    }

    /// How much the sentences either side of a boundary at (i, j) resemble the sentence
    /// diagonally across it (the last A sentence before it with the first B sentence
    /// after it, and conversely), above the evidence's `cross_floor`: the outside
    /// similarity's version of [`crossing`].
    fn cross_similarity(&self, ev: Evidence<'_>, i: usize, j: usize) -> f32 {
        if i == 0 || j == 0 || i >= self.a.n() || j >= self.b.n() {
            return 0.0;
        }
        let above = |a: Range<usize>, b: Range<usize>| {
            ev.source.similarity(a, b).map_or(0.0, |s| (s - ev.cross_floor).max(0.0))
        };
        (above(i - 1..i, j..j + 1) + above(i..i + 1, j - 1..j)) as f32
    }

    /// A cheap lower bound of [`Scorer::cost`] for the bead (for pruning): its bead-kind
    /// cost, minus the largest anchor reward `shared` allows, with no length, paragraph
    /// or similarity cost. `shared` bounds the bead's shared anchor weight from above.
    pub fn lower_bound(&self, i0: usize, i1: usize, j0: usize, j1: usize, shared: f32) -> f32 {
        let (n, m) = (i1 - i0, j1 - j0);
        if n == 0 || m == 0 {
            return self.cheap_null(i0, n, j0).unwrap_or_else(|| self.null_cost(i0, n, j0));
        }
        let cap = (self.a.weight[i1] - self.a.weight[i0]).min(self.b.weight[j1] - self.b.weight[j0]);
        self.paired_bound(self.kind_bound(n, m), cap, shared)
    }

    /// [`Scorer::lower_bound`] of a paired `n`-`m` bead whose sides' anchor weights are
    /// `cap` at most (the smaller of the two sides' totals), given its
    /// [`Scorer::kind_bound`].
    #[inline]
    pub(crate) fn paired_bound(&self, kind_bound: f32, cap: f32, shared: f32) -> f32 {
        kind_bound - self.costs.anchor * cap.min(shared)
    }

    /// The part of [`Scorer::lower_bound`] of a paired bead that depends on its shape only:
    /// what an `n`-`m` bead pays at least before its anchor reward.
    pub(crate) fn kind_bound(&self, n: usize, m: usize) -> f32 {
        self.merge_cost(n, m) - self.costs.count * n.abs_diff(m) as f32
    }

    /// What the extra sentences of a paired `n`-`m` bead cost.
    fn merge_cost(&self, n: usize, m: usize) -> f32 {
        self.shapes.merge[0] * (n - 1) as f32 + self.shapes.merge[1] * (m - 1) as f32
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

#[cfg(test)]
mod tests;
