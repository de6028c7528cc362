//! What the DP reads in each row of its band, computed before it runs, the rows in
//! parallel: the anchor weight each A unit shares with the B units near the band (as
//! prefix sums) and the cost of a bead boundary at every cell of the band. Both come from
//! one index of B's anchor keys ([`Postings`]), so that a row costs one look-up per key
//! of its A units instead of a comparison per cell.
//!
//! The values are the very floats [`Anchors::shared`] and [`Scorer::boundary_cost`]
//! give: each cell's terms are added in the same order (ascending key).

use super::anchors::{Anchors, PUNCTUATION_KEYS};
use super::cost::Scorer;
use super::dp::Band;
use crate::text::FastMap;
use rayon::prelude::*;
use std::ops::Range;

/// For every anchor key of side B, the units holding it (ascending) with its weight there.
pub(super) struct Postings {
    /// Key → its range in `units`.
    lists: FastMap<u64, Range<u32>>,
    units: Vec<(u32, f32)>,
}

impl Postings {
    /// The postings of `anchors`: a counting sort by key, units in order.
    pub(super) fn new(anchors: &[Anchors]) -> Self {
        let mut lists: FastMap<u64, Range<u32>> = FastMap::default();
        for a in anchors {
            for &(k, _) in &a.keys {
                lists.entry(k).or_insert(0..0).end += 1;
            }
        }
        let mut next = 0u32;
        for range in lists.values_mut() {
            let len = range.end;
            *range = next..next;
            next += len;
        }
        let mut units = vec![(0u32, 0.0f32); next as usize];
        for (j, a) in anchors.iter().enumerate() {
            for &(k, w) in &a.keys {
                if let Some(range) = lists.get_mut(&k) {
                    units[range.end as usize] = (j as u32, w);
                    range.end += 1;
                }
            }
        }
        Postings { lists, units }
    }

    /// The units holding `key`, ascending, with its weight there.
    fn list(&self, key: u64) -> &[(u32, f32)] {
        self.lists.get(&key).map_or(&[], |r| &self.units[r.start as usize..r.end as usize])
    }

    /// The positions in `list` of the units in `lo..hi`.
    fn within(list: &[(u32, f32)], lo: usize, hi: usize) -> Range<usize> {
        let start = list.partition_point(|e| (e.0 as usize) < lo);
        let end = list.partition_point(|e| (e.0 as usize) < hi);
        start..end.max(start)
    }
}

/// Shared anchor weight of sentence pairs near the band, as row prefix sums.
pub(super) struct Shared {
    /// First B unit of each row.
    lo: Vec<usize>,
    /// Where each row starts in `sums`.
    offset: Vec<usize>,
    /// Row r: 0, then the running sum over B units `lo[r]..` of what A unit r shares with them.
    sums: Vec<f32>,
}

impl Shared {
    /// The rows of every A unit, each over the B units a bead holding it may reach.
    pub(super) fn new(scorer: &Scorer<'_>, postings: &Postings, band: &Band, g: usize) -> Self {
        let (n, m) = (scorer.a.n(), scorer.b.n());
        let lo: Vec<usize> = (0..n).map(|r| band.lo[(r + 1).saturating_sub(g)]).collect();
        let hi: Vec<usize> = (0..n).map(|r| band.hi[(r + g).min(n)].min(m).max(lo[r])).collect();
        let (offset, mut sums) = layout((0..n).map(|r| hi[r] - lo[r] + 1));
        split_rows(&mut sums, &offset).into_par_iter().enumerate().for_each(|(r, row)| {
            // row[1 + j - lo] = the weight A unit r shares with B unit j: its keys in
            // ascending order, as `Anchors::shared` adds them; then the running sum.
            for &(k, wa) in &scorer.a.anchors[r].keys {
                let list = postings.list(k);
                for &(j, wb) in &list[Postings::within(list, lo[r], hi[r])] {
                    row[1 + j as usize - lo[r]] += wa.min(wb);
                }
            }
            let mut acc = 0.0;
            for x in row.iter_mut() {
                acc += *x;
                *x = acc;
            }
        });
        Shared { lo, offset, sums }
    }

    /// Σ over B units j0..j1 of the weight unit `r` of A shares with them.
    pub(super) fn sum(&self, r: usize, j0: usize, j1: usize) -> f32 {
        let row = &self.sums[self.offset[r]..self.offset[r + 1]];
        let last = row.len() - 1;
        let lo = self.lo[r];
        let x0 = j0.saturating_sub(lo).min(last);
        let x1 = j1.saturating_sub(lo).min(last);
        row[x1] - row[x0]
    }
}

/// The cost of a bead boundary at every cell of a band ([`Scorer::boundary_cost`]).
pub(super) struct Boundaries {
    /// Where each row of the band starts in `costs`.
    offset: Vec<usize>,
    costs: Vec<f32>,
}

impl Boundaries {
    /// The boundary costs of every cell of `band`.
    pub(super) fn new(scorer: &Scorer<'_>, postings: &Postings, band: &Band) -> Self {
        let (offset, mut costs) = layout(band.lo.iter().zip(&band.hi).map(|(lo, hi)| hi - lo + 1));
        let rows = split_rows(&mut costs, &offset);
        rows.into_par_iter().enumerate().for_each_init(Vec::new, |before, (i, row)| {
            let lo = band.lo[i];
            if scorer.costs.cross > 0.0 {
                crossing_row(scorer, postings, i, lo, row, before);
            }
            for (x, cost) in row.iter_mut().enumerate() {
                *cost = scorer.boundary_cost_with(i, lo + x, *cost);
            }
        });
        Boundaries { offset, costs }
    }

    /// The cost of a boundary at (i, j), a cell of the band.
    pub(super) fn at(&self, i: usize, j: usize, band: &Band) -> f32 {
        self.costs[self.offset[i] + j - band.lo[i]]
    }
}

/// The anchor weight a boundary cuts off from its only partner (`cost::crossing`) at
/// every cell (i, lo + x) of a row, into `row` (zeros on entry); `after` is scratch.
///
/// At (i, j) the boundary cuts the keys of A unit i − 1 that B unit j holds, unless A unit
/// i or B unit j − 1 also holds them, and the keys of A unit i that B unit j − 1 holds,
/// unless A unit i − 1 or B unit j also holds them. A B unit's neighbour holds a key when
/// it is next to it in the key's postings.
fn crossing_row(
    scorer: &Scorer<'_>,
    postings: &Postings,
    i: usize,
    lo: usize,
    row: &mut [f32],
    after: &mut Vec<f32>,
) {
    let units = scorer.a.anchors;
    let (before_i, at_i) = (i.checked_sub(1).and_then(|u| units.get(u)), units.get(i));
    let hi = lo + row.len();
    if let Some(unit) = before_i {
        for (k, wa) in only_in(unit, at_i) {
            let list = postings.list(k);
            for x in Postings::within(list, lo, hi) {
                let (j, wb) = list[x];
                let held_before = x > 0 && list[x - 1].0 + 1 == j;
                if !held_before {
                    row[j as usize - lo] += wa.min(wb);
                }
            }
        }
    }
    after.clear();
    after.resize(row.len(), 0.0);
    if let Some(unit) = at_i {
        for (k, wa) in only_in(unit, before_i) {
            let list = postings.list(k);
            for x in Postings::within(list, lo.saturating_sub(1), hi - 1) {
                let (j, wb) = list[x];
                let held_after = list.get(x + 1).is_some_and(|e| e.0 == j + 1);
                if !held_after && j as usize + 1 >= lo {
                    after[j as usize + 1 - lo] += wa.min(wb);
                }
            }
        }
    }
    for (x, y) in row.iter_mut().zip(after.iter()) {
        *x += *y;
    }
}

/// The keys of `unit` (not punctuation) that `other` does not hold, ascending.
fn only_in<'a>(unit: &'a Anchors, other: Option<&'a Anchors>) -> impl Iterator<Item = (u64, f32)> + 'a {
    let other = other.map_or(&[][..], |o| o.keys.as_slice());
    let mut y = 0;
    unit.keys.iter().copied().filter(move |&(k, _)| {
        while y < other.len() && other[y].0 < k {
            y += 1;
        }
        let held = y < other.len() && other[y].0 == k;
        !held && !PUNCTUATION_KEYS.contains(&k)
    })
}

/// Row offsets (one more than rows) and a zeroed buffer for rows of the given lengths.
fn layout(lengths: impl Iterator<Item = usize>) -> (Vec<usize>, Vec<f32>) {
    let mut offset = vec![0];
    for len in lengths {
        offset.push(offset[offset.len() - 1] + len);
    }
    let total = offset[offset.len() - 1];
    (offset, vec![0.0; total])
}

/// `buf` cut into its rows.
fn split_rows<'a>(mut buf: &'a mut [f32], offset: &[usize]) -> Vec<&'a mut [f32]> {
    let mut rows = Vec::with_capacity(offset.len().saturating_sub(1));
    for w in offset.windows(2) {
        let (row, rest) = std::mem::take(&mut buf).split_at_mut(w[1] - w[0]);
        rows.push(row);
        buf = rest;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::cost::SideData;
    use crate::align::length::LengthModel;
    use crate::config::BeadCosts;

    fn anchors(keys: &[(u64, f32)]) -> Anchors {
        Anchors { keys: keys.to_vec() }
    }

    #[test]
    fn postings_list_the_units_holding_a_key() {
        let b = [
            anchors(&[(1, 0.5), (7, 1.0)]),
            anchors(&[(7, 2.0)]),
            anchors(&[]),
            anchors(&[(1, 0.3), (7, 0.1)]),
        ];
        let p = Postings::new(&b);
        assert_eq!(p.list(7), &[(0, 1.0), (1, 2.0), (3, 0.1)]);
        assert_eq!(Postings::within(p.list(7), 1, 3), 1..2);
        assert_eq!(Postings::within(p.list(1), 1, 3), 1..1);
        assert_eq!(p.list(5), &[]);
    }

    fn scorer<'a>(a: &'a [Anchors], b: &'a [Anchors], lens: &'a [f32], counts: &'a [f32]) -> Scorer<'a> {
        Scorer {
            a: SideData::new(&lens[..a.len()], &counts[..a.len()], a, None),
            b: SideData::new(&lens[..b.len()], &counts[..b.len()], b, None),
            length: LengthModel::learn(30.0, 30.0, &crate::config::LengthConfig::default()),
            costs: BeadCosts { cross: 1.0, ..BeadCosts::default() },
            shapes: crate::align::cost::ShapeCosts::symmetric(&BeadCosts::default()),
            evidence: None,
            exact: true,
        }
    }

    /// Units with keys from a few, some shared, some punctuation.
    fn units(seed: u64, n: usize) -> Vec<Anchors> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                let mut keys: Vec<(u64, f32)> = (0..6)
                    .filter_map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        let k = if x % 5 == 0 { PUNCTUATION_KEYS[(x % 6) as usize] } else { x % 9 };
                        (x % 3 != 0).then_some((k, 0.25 + (x % 7) as f32 * 0.3))
                    })
                    .collect();
                keys.sort_unstable_by_key(|k| k.0);
                keys.dedup_by_key(|k| k.0);
                anchors(&keys)
            })
            .collect()
    }

    #[test]
    fn rows_hold_the_shared_weights_and_boundary_costs_of_the_scorer() {
        let (a, b) = (units(7, 9), units(11, 8));
        let (lens, counts) = (vec![10.0; 9], vec![1.0; 9]);
        let scorer = scorer(&a, &b, &lens, &counts);
        let mut band =
            Band { lo: vec![0, 0, 1, 2, 3, 4, 5, 5, 6, 6], hi: vec![2, 3, 4, 5, 6, 7, 8, 8, 8, 8] };
        band.normalise(8);
        let postings = Postings::new(&b);
        let shared = Shared::new(&scorer, &postings, &Band::full(9, 8), 2);
        for (r, row) in a.iter().enumerate() {
            for j0 in 0..8 {
                for j1 in j0..=8 {
                    let want: f32 = b[j0..j1].iter().map(|u| row.shared(u)).sum();
                    assert!((shared.sum(r, j0, j1) - want).abs() < 1e-5, "{r} {j0} {j1}");
                }
            }
        }
        let boundaries = Boundaries::new(&scorer, &postings, &band);
        for i in 0..=9 {
            for j in band.lo[i]..=band.hi[i] {
                assert_eq!(
                    boundaries.at(i, j, &band).to_bits(),
                    scorer.boundary_cost(i, j).to_bits(),
                    "({i}, {j})"
                );
            }
        }
    }

    #[test]
    fn several_threads_find_the_path_of_one() {
        let (n, m) = (400, 380);
        let (a, b) = (units(3, n), units(5, m));
        let lens: Vec<f32> = (0..n.max(m)).map(|i| 20.0 + (i * 37 % 90) as f32).collect();
        let counts = vec![1.0; n.max(m)];
        let scorer = scorer(&a, &b, &lens, &counts);
        let mut band = Band {
            lo: (0..=n).map(|i| (i * m / n).saturating_sub(9)).collect(),
            hi: (0..=n).map(|i| (i * m / n + 9).min(m)).collect(),
        };
        band.normalise(m);
        let one = crate::align::dp::solve(&scorer, &band, 3);
        for threads in [2, 3, 5] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let many = pool.install(|| crate::align::dp::solve_parallel(&scorer, &band, 3, 0));
            assert_eq!(many, one, "{threads} threads");
        }
    }
}
