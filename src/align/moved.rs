//! Sentences the translation moved. After the monotone alignment, the sentences left
//! unaligned and those in weak beads are compared across the whole document with the
//! same scorers (length, anchors, outside similarity). A sentence pair that explains its
//! two sentences much better than the beads they sit in, taking them out of those beads,
//! becomes a crossing bead marked `moved`; what is left of their beads stays (a 1-1 bead
//! that loses one side becomes a 1-0 or 0-1 bead). Pairs are kept only when each is the
//! other's best match, and beads next to each other are the monotone alignment's business.

use super::confidence::{Shape, probability};
use super::cost::Scorer;
use crate::config::{Config, MovedConfig};
use crate::model::{Bead, SentenceKind};
use std::ops::Range;

/// A bead as unit ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Span {
    a: Range<usize>,
    b: Range<usize>,
}

impl Span {
    fn of(bead: &Bead) -> Span {
        let range = |ids: &[usize], at: usize| match ids {
            [] => at..at,
            [first, ..] => *first..first + ids.len(),
        };
        Span { a: range(&bead.a, 0), b: range(&bead.b, 0) }
    }
}

/// One accepted move: A unit, B unit, confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Move {
    a: usize,
    b: usize,
    score: f64,
}

/// Finds the moved sentence pairs of an alignment and rewrites `beads` with them: each
/// moved pair becomes a bead flagged `moved`, placed where its A sentence was; beads stay
/// in A order and cover every sentence once.
pub(crate) fn apply(
    beads: &mut Vec<Bead>,
    scorer: &Scorer<'_>,
    kinds: (&[SentenceKind], &[SentenceKind]),
    noise: (&[bool], &[bool]),
    all: &Config,
) {
    let config = &all.moved;
    if !config.enabled || beads.len() < 3 {
        return;
    }
    let eligible = |kinds: &[SentenceKind], noise: &[bool], u: usize| {
        !noise.get(u).copied().unwrap_or(false) && !kinds.get(u).is_some_and(SentenceKind::is_furniture)
    };
    let ok_a: Vec<bool> = (0..scorer.a.n()).map(|i| eligible(kinds.0, noise.0, i)).collect();
    let ok_b: Vec<bool> = (0..scorer.b.n()).map(|j| eligible(kinds.1, noise.1, j)).collect();
    // A block of moved sentences may sit inside one bead: each round takes out the
    // sentences at the edges of their beads, then grows the moved blocks.
    for _ in 0..config.rounds {
        let board = Board::new(beads, scorer, all);
        let mut moves = board.find(&ok_a, &ok_b);
        if moves.is_empty() {
            moves = board.extend(&ok_a, &ok_b);
        }
        if moves.is_empty() {
            break;
        }
        rewrite(beads, &moves);
    }
}

/// The alignment as the search sees it: where each sentence is, and what moving it gains.
struct Board<'b, 's> {
    beads: &'b [Bead],
    scorer: &'b Scorer<'s>,
    config: &'b MovedConfig,
    confidence: &'b crate::config::ConfidenceConfig,
    /// The share of the document's sentences left unaligned.
    unaligned: f32,
    spans: Vec<Span>,
    /// Bead of each A unit (`usize::MAX` for moved ones, which stay put).
    bead_a: Vec<usize>,
    /// Bead of each B unit.
    bead_b: Vec<usize>,
}

impl<'b, 's> Board<'b, 's> {
    fn new(beads: &'b [Bead], scorer: &'b Scorer<'s>, all: &'b Config) -> Self {
        let mut bead_a = vec![usize::MAX; scorer.a.n()];
        let mut bead_b = vec![usize::MAX; scorer.b.n()];
        for (k, bead) in beads.iter().enumerate().filter(|(_, bead)| !bead.moved) {
            bead.a.iter().for_each(|&i| bead_a[i] = k);
            bead.b.iter().for_each(|&j| bead_b[j] = k);
        }
        let spans = beads.iter().map(Span::of).collect();
        let sentences = (scorer.a.n() + scorer.b.n()).max(1);
        let alone: usize =
            beads.iter().filter(|b| b.a.is_empty() || b.b.is_empty()).map(|b| b.a.len() + b.b.len()).sum();
        let unaligned = alone as f32 / sentences as f32;
        Board {
            beads,
            scorer,
            config: &all.moved,
            confidence: &all.confidence,
            unaligned,
            spans,
            bead_a,
            bead_b,
        }
    }

    /// How free a sentence in bead `k` is to move: 2 in a 1-0/0-1 bead, 1 in a weak bead,
    /// else 0.
    fn freedom(&self, k: usize) -> u8 {
        let bead = &self.beads[k];
        if bead.a.is_empty() || bead.b.is_empty() { 2 } else { u8::from(bead.score < self.config.weak) }
    }

    /// What taking A unit `i` and B unit `j` out of their beads and pairing them saves;
    /// `None` when it is no move (the same or neighbouring beads, a unit inside a group).
    fn gain(&self, i: usize, j: usize) -> Option<f32> {
        let (ka, kb) = (self.bead_a[i], self.bead_b[j]);
        if ka == usize::MAX || kb == usize::MAX || ka.abs_diff(kb) < 2 {
            return None;
        }
        let rest_a = without(&self.spans[ka], Some(i), None)?;
        let rest_b = without(&self.spans[kb], None, Some(j))?;
        let cost = |s: &Span| cost_of(self.scorer, s);
        let before = cost(&self.spans[ka]) + cost(&self.spans[kb]);
        let after = rest_a.iter().chain(&rest_b).map(cost).sum::<f32>() + self.pair_cost(i, j);
        Some(before - after)
    }

    fn pair_cost(&self, i: usize, j: usize) -> f32 {
        self.scorer.cost_direct(i, i + 1, j, j + 1)
    }

    /// What pairing `i` with `j` saves against leaving both out.
    fn pair_gain(&self, i: usize, j: usize) -> f32 {
        let alone = self.scorer.cost_direct(i, i + 1, j, j) + self.scorer.cost_direct(i, i, j, j + 1);
        alone - self.pair_cost(i, j)
    }

    /// Pairs with evidence of their own that gain enough, each the other's best.
    fn find(&self, ok_a: &[bool], ok_b: &[bool]) -> Vec<Move> {
        let config = self.config;
        let ca: Vec<usize> = (0..ok_a.len()).filter(|&i| ok_a[i] && self.bead_a[i] != usize::MAX).collect();
        let cb: Vec<usize> = (0..ok_b.len()).filter(|&j| ok_b[j] && self.bead_b[j] != usize::MAX).collect();
        let free_a: Vec<u8> = ca.iter().map(|&i| self.freedom(self.bead_a[i])).collect();
        let free_b: Vec<u8> = cb.iter().map(|&j| self.freedom(self.bead_b[j])).collect();
        let to_score = free_a.iter().filter(|&&f| f > 0).count() * cb.len()
            + free_b.iter().filter(|&&f| f > 0).count() * ca.len();
        if to_score == 0 || to_score > config.max_pairs {
            return Vec::new();
        }
        // gains[x][y]: what pairing ca[x] with cb[y] saves, when it is a move at all. A
        // pair needs freedom 2 between its sentences (two weak ones, or one unaligned) and
        // evidence of its own (shared anchors or outside similarity), not only a bad bead.
        let gains: Vec<Vec<Option<f32>>> = ca
            .iter()
            .zip(&free_a)
            .map(|(&i, &fa)| {
                cb.iter()
                    .zip(&free_b)
                    .map(|(&j, &fb)| {
                        let worth = fa + fb >= 2
                            && evidenced(self.scorer, i, j, config)
                            && self.pair_gain(i, j) >= config.min_pair_gain;
                        if worth { self.gain(i, j) } else { None }
                    })
                    .collect()
            })
            .collect();
        let best = |cells: &mut dyn Iterator<Item = (usize, Option<f32>)>| {
            cells.filter_map(|(k, g)| g.map(|g| (k, g))).max_by(|p, q| p.1.total_cmp(&q.1))
        };
        let pairs: Vec<(usize, usize, f32)> = (0..ca.len())
            .filter_map(|x| {
                let (y, gain) = best(&mut (0..cb.len()).map(|y| (y, gains[x][y])))?;
                let (bx, _) = best(&mut (0..ca.len()).map(|x| (x, gains[x][y])))?;
                (gain >= config.min_gain && bx == x).then_some((ca[x], cb[y], gain))
            })
            .collect();
        self.accept(pairs, config.min_gain)
    }

    /// The sentences next to a moved pair, on both sides, moved with it when that costs
    /// nothing: a moved block keeps its inner order.
    fn extend(&self, ok_a: &[bool], ok_b: &[bool]) -> Vec<Move> {
        let config = self.config;
        let mut pairs = Vec::new();
        for bead in self.beads.iter().filter(|bead| bead.moved) {
            let (i, j) = (bead.a[0], bead.b[0]);
            let next = (i + 1 < ok_a.len() && j + 1 < ok_b.len()).then_some((i + 1, j + 1));
            let prev = (i > 0 && j > 0).then(|| (i - 1, j - 1));
            for (x, y) in next.into_iter().chain(prev) {
                if !ok_a[x] || !ok_b[y] || self.pair_gain(x, y) < 0.0 {
                    continue;
                }
                if let Some(gain) = self.gain(x, y).filter(|&g| g >= config.extend_gain) {
                    pairs.push((x, y, gain));
                }
            }
        }
        self.accept(pairs, config.extend_gain)
    }

    /// The pairs kept, best first, one per bead (a second would be scored against a bead
    /// that no longer exists).
    fn accept(&self, mut pairs: Vec<(usize, usize, f32)>, threshold: f32) -> Vec<Move> {
        pairs.sort_by(|p, q| q.2.total_cmp(&p.2));
        let mut touched = std::collections::HashSet::new();
        let mut out = Vec::new();
        for (i, j, gain) in pairs {
            let (ka, kb) = (self.bead_a[i], self.bead_b[j]);
            if touched.contains(&ka) || touched.contains(&kb) {
                continue;
            }
            touched.extend([ka, kb]);
            let score = probability(gain - threshold, self.unaligned, Shape::Moved, self.confidence);
            out.push(Move { a: i, b: j, score });
        }
        out
    }
}

/// Whether A unit `i` and B unit `j` share enough anchor weight, or outside similarity,
/// to be a pair.
fn evidenced(scorer: &Scorer<'_>, i: usize, j: usize, config: &MovedConfig) -> bool {
    let shared = scorer.a.anchors[i].shared(&scorer.b.anchors[j]);
    let similar = scorer
        .evidence
        .and_then(|ev| ev.source.similarity(i..i + 1, j..j + 1))
        .is_some_and(|s| s >= config.min_similarity);
    shared >= config.min_shared || similar
}

/// The cost of a bead: a paired bead as the DP scores it, a one-sided bead as the sum of
/// its units left out one by one.
fn cost_of(scorer: &Scorer<'_>, s: &Span) -> f32 {
    if !s.a.is_empty() && !s.b.is_empty() {
        return scorer.cost_direct(s.a.start, s.a.end, s.b.start, s.b.end);
    }
    let nulls_a = s.a.clone().map(|i| scorer.cost_direct(i, i + 1, s.b.start, s.b.start));
    let nulls_b = s.b.clone().map(|j| scorer.cost_direct(s.a.start, s.a.start, j, j + 1));
    nulls_a.chain(nulls_b).sum()
}

/// What is left of a bead without its A unit `i` (or its B unit `j`), as beads: `None`
/// when the unit is inside a group (the rest would not be contiguous).
fn without(s: &Span, i: Option<usize>, j: Option<usize>) -> Option<Vec<Span>> {
    let cut = |r: &Range<usize>, u: Option<usize>| -> Option<Range<usize>> {
        match u {
            None => Some(r.clone()),
            Some(u) if u == r.start => Some(u + 1..r.end),
            Some(u) if u + 1 == r.end => Some(r.start..u),
            Some(_) => None,
        }
    };
    let (a, b) = (cut(&s.a, i)?, cut(&s.b, j)?);
    Some(if a.is_empty() || b.is_empty() {
        a.map(|u| Span { a: u..u + 1, b: s.b.start..s.b.start })
            .chain(b.map(|u| Span { a: s.a.start..s.a.start, b: u..u + 1 }))
            .collect()
    } else {
        vec![Span { a, b }]
    })
}

/// The beads with the moves made.
fn rewrite(beads: &mut Vec<Bead>, moves: &[Move]) {
    let moved_a: std::collections::HashMap<usize, Move> = moves.iter().map(|m| (m.a, *m)).collect();
    let moved_b: std::collections::HashSet<usize> = moves.iter().map(|m| m.b).collect();
    let mut out = Vec::with_capacity(beads.len() + moves.len());
    for bead in beads.drain(..) {
        let touched =
            bead.a.iter().any(|i| moved_a.contains_key(i)) || bead.b.iter().any(|j| moved_b.contains(j));
        if !touched {
            out.push(bead);
            continue;
        }
        let a: Vec<usize> = bead.a.iter().copied().filter(|i| !moved_a.contains_key(i)).collect();
        let b: Vec<usize> = bead.b.iter().copied().filter(|j| !moved_b.contains(j)).collect();
        let mut pieces: Vec<Bead> = match (a.is_empty(), b.is_empty()) {
            (false, false) => vec![Bead::new(a, b, bead.score)],
            _ => a
                .iter()
                .map(|&i| Bead::new(vec![i], vec![], bead.score))
                .chain(b.iter().map(|&j| Bead::new(vec![], vec![j], bead.score)))
                .collect(),
        };
        // The moved bead takes the place of its A sentence.
        for &i in &bead.a {
            if let Some(m) = moved_a.get(&i) {
                let at =
                    pieces.iter().position(|p| p.a.first().is_some_and(|&x| x > i)).unwrap_or(pieces.len());
                pieces.insert(at, Bead { moved: true, ..Bead::new(vec![i], vec![m.b], m.score) });
            }
        }
        out.extend(pieces);
    }
    *beads = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_comes_out_of_a_bead_only_at_its_edge() {
        let s = Span { a: 3..6, b: 4..5 };
        assert_eq!(without(&s, Some(3), None), Some(vec![Span { a: 4..6, b: 4..5 }]));
        assert_eq!(without(&s, Some(4), None), None);
        let one = Span { a: 3..4, b: 4..5 };
        assert_eq!(without(&one, Some(3), None), Some(vec![Span { a: 3..3, b: 4..5 }]));
        assert_eq!(without(&one, None, Some(4)), Some(vec![Span { a: 3..4, b: 4..4 }]));
    }

    #[test]
    fn a_move_takes_the_place_of_its_a_sentence_and_beads_cover_everything_once() {
        let mut beads = vec![
            Bead::new(vec![0], vec![0], 0.9),
            Bead::new(vec![1], vec![], 0.9),
            Bead::new(vec![2], vec![1], 0.9),
            Bead::new(vec![3], vec![2, 3], 0.4),
        ];
        rewrite(&mut beads, &[Move { a: 1, b: 3, score: 0.8 }]);
        let shape: Vec<(Vec<usize>, Vec<usize>, bool)> =
            beads.iter().map(|b| (b.a.clone(), b.b.clone(), b.moved)).collect();
        assert_eq!(
            shape,
            vec![
                (vec![0], vec![0], false),
                (vec![1], vec![3], true),
                (vec![2], vec![1], false),
                (vec![3], vec![2], false),
            ]
        );
    }
}
