//! Search that scales: coarse to fine. Long texts are cut into blocks (the same number
//! of blocks on each side), the blocks are aligned recursively, and the sentence-level
//! DP then runs only in a band around the block path. Small problems get the full grid.

use super::anchors::Anchors;
use super::cost::{Evidence, Scorer, ShapeCosts, SideData};
use super::dp::{self, Band, Step};
use super::length::LengthModel;
use crate::config::{BeadCosts, SearchConfig};
use crate::model::SentenceKind;

/// One level of the problem: unit lengths, anchors and paragraph indices.
pub struct Level<'a> {
    /// Characters per unit, side A.
    pub len_a: Vec<f32>,
    /// Characters per unit, side B.
    pub len_b: Vec<f32>,
    /// Sentences held per unit, side A.
    pub count_a: Vec<f32>,
    /// Sentences held per unit, side B.
    pub count_b: Vec<f32>,
    /// Anchors per unit, side A.
    pub anchors_a: &'a [Anchors],
    /// Anchors per unit, side B.
    pub anchors_b: &'a [Anchors],
    /// Paragraph index per unit of each side, when paragraphs are used.
    pub paragraphs: Option<(&'a [usize], &'a [usize])>,
    /// Noise units of side A (empty: none marked).
    pub noise_a: &'a [bool],
    /// Noise units of side B (empty: none marked).
    pub noise_b: &'a [bool],
    /// How each unit of side A meets its neighbours (empty: none marked).
    pub edges_a: &'a [super::UnitEdges],
    /// How each unit of side B meets its neighbours (empty: none marked).
    pub edges_b: &'a [super::UnitEdges],
    /// What each unit of side A is (empty: none marked).
    pub kinds_a: &'a [SentenceKind],
    /// What each unit of side B is (empty: none marked).
    pub kinds_b: &'a [SentenceKind],
}

/// Settings shared by every level.
#[derive(Clone, Copy)]
pub struct Setup<'a> {
    /// The length model.
    pub length: LengthModel,
    /// Costs at sentence level.
    pub costs: BeadCosts,
    /// What bead shapes cost at sentence level.
    pub shapes: ShapeCosts,
    /// Largest group at sentence level.
    pub max_group: usize,
    /// Outside similarity (sentence level only).
    pub evidence: Option<Evidence<'a>>,
    /// Grid sizes and band widths.
    pub search: SearchConfig,
    /// Whether multi-sentence beads get their exact shared anchor weight (sentence level).
    pub exact: bool,
}

/// Aligns one level; returns the path and the scorer used (for confidences).
pub fn align_level<'a>(level: &Level<'a>, setup: &Setup<'a>) -> (Vec<Step>, Scorer<'a>) {
    let (n, m) = (level.len_a.len(), level.len_b.len());
    let scorer = scorer(level, setup);
    let (full_grid, block) = (setup.search.full_grid, setup.search.block);
    let band = if (n + 1) * (m + 1) <= full_grid || n < 2 * block || m < 2 * block {
        Band::full(n, m)
    } else {
        coarse_band(level, setup)
    };
    (dp::solve_parallel(&scorer, &band, setup.max_group, setup.search.parallel_cells), scorer)
}

/// Block boundaries cutting `len` units into `blocks` nearly equal blocks.
fn cuts(len: usize, blocks: usize) -> Vec<usize> {
    (0..=blocks).map(|t| (t * len + blocks / 2) / blocks).collect()
}

fn block_sums(values: &[f32], cuts: &[usize]) -> Vec<f32> {
    cuts.windows(2).map(|w| values[w[0]..w[1]].iter().sum()).collect()
}

fn block_anchors(anchors: &[Anchors], cuts: &[usize]) -> Vec<Anchors> {
    use rayon::prelude::*;
    cuts.par_windows(2).map(|w| Anchors::merged(anchors[w[0]..w[1]].iter())).collect()
}

/// Aligns blocks of the level and returns the band around their path, in units.
fn coarse_band(level: &Level<'_>, setup: &Setup<'_>) -> Band {
    let (n, m) = (level.len_a.len(), level.len_b.len());
    let blocks = n.min(m).div_ceil(setup.search.block).max(1);
    let (ca, cb) = (cuts(n, blocks), cuts(m, blocks));
    let (anchors_a, anchors_b) = (block_anchors(level.anchors_a, &ca), block_anchors(level.anchors_b, &cb));
    let coarse = Level {
        len_a: block_sums(&level.len_a, &ca),
        len_b: block_sums(&level.len_b, &cb),
        count_a: block_sums(&level.count_a, &ca),
        count_b: block_sums(&level.count_b, &cb),
        anchors_a: &anchors_a,
        anchors_b: &anchors_b,
        paragraphs: None,
        noise_a: &[],
        noise_b: &[],
        edges_a: &[],
        edges_b: &[],
        kinds_a: &[],
        kinds_b: &[],
    };
    let costs = BeadCosts { merge: setup.costs.merge / 2.0, count: 0.0, ..setup.costs };
    let coarse_setup = Setup {
        length: setup.length,
        costs,
        shapes: ShapeCosts::symmetric(&costs),
        max_group: setup.search.coarse_group,
        evidence: None,
        exact: false,
        search: setup.search,
    };
    let (path, _) = align_level(&coarse, &coarse_setup);
    band_around(&path, |i| ca[i], |j| cb[j], n, m, setup.search.margin)
}

/// The band around a path (whose positions `at_a`/`at_b` map to units), widened by
/// `margin` units each way.
fn band_around(
    path: &[Step],
    at_a: impl Fn(usize) -> usize,
    at_b: impl Fn(usize) -> usize,
    n: usize,
    m: usize,
    margin: usize,
) -> Band {
    let mut band = Band { lo: vec![usize::MAX; n + 1], hi: vec![0; n + 1] };
    for step in path {
        let (a0, a1) = (at_a(step.a.0), at_a(step.a.1));
        let (b0, b1) = (at_b(step.b.0).saturating_sub(margin), at_b(step.b.1) + margin);
        for i in a0.saturating_sub(margin)..=(a1 + margin).min(n) {
            band.lo[i] = band.lo[i].min(b0);
            band.hi[i] = band.hi[i].max(b1);
        }
    }
    band.normalise(m);
    band
}

/// Aligns the level again near a previous path (after the length model changed).
pub fn realign_near<'a>(level: &Level<'a>, setup: &Setup<'a>, path: &[Step]) -> (Vec<Step>, Scorer<'a>) {
    let (n, m) = (level.len_a.len(), level.len_b.len());
    let scorer = scorer(level, setup);
    let band = if (n + 1) * (m + 1) <= setup.search.full_grid {
        Band::full(n, m)
    } else {
        band_around(path, |i| i, |j| j, n, m, setup.search.realign_margin)
    };
    (dp::solve_parallel(&scorer, &band, setup.max_group, setup.search.parallel_cells), scorer)
}

/// The scorer of a level.
pub(crate) fn scorer<'a>(level: &Level<'a>, setup: &Setup<'a>) -> Scorer<'a> {
    Scorer {
        a: SideData::new(&level.len_a, &level.count_a, level.anchors_a, level.paragraphs.map(|p| p.0))
            .with_noise(level.noise_a)
            .with_edges(level.edges_a)
            .with_kinds(level.kinds_a),
        b: SideData::new(&level.len_b, &level.count_b, level.anchors_b, level.paragraphs.map(|p| p.1))
            .with_noise(level.noise_b)
            .with_edges(level.edges_b)
            .with_kinds(level.kinds_b),
        length: setup.length,
        costs: setup.costs,
        shapes: setup.shapes,
        evidence: setup.evidence,
        exact: setup.exact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_cover_the_range_evenly() {
        assert_eq!(cuts(10, 3), vec![0, 3, 7, 10]);
        assert_eq!(cuts(8, 8), (0..=8).collect::<Vec<_>>());
    }

    #[test]
    fn band_normalise_keeps_rows_overlapping() {
        let mut band = Band { lo: vec![5, 0, 9, 9], hi: vec![1, 3, 4, 12] };
        band.normalise(10);
        assert_eq!(band.lo[0], 0);
        assert_eq!(band.hi[3], 10);
        for i in 0..3 {
            assert!(band.lo[i] <= band.lo[i + 1] && band.hi[i] <= band.hi[i + 1]);
            assert!(band.hi[i] >= band.lo[i + 1]);
        }
    }
}
