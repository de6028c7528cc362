//! Which concatenations to embed after the first pass: spans near the first alignment's
//! doubtful beads, within a character budget (Bertalign's second pass, restricted).

use crate::model::Alignment;
use std::ops::Range;

/// Concatenations worth embedding after a first alignment: spans of 2..=`max_group`
/// sentences near the first pass's doubtful beads (any bead that is not 1-1, and 1-1
/// beads whose `confidence` is below 0.5, weakest first), until their characters reach
/// `budget`. `chars_a`/`chars_b` are the sentence lengths in characters. Returns the
/// spans of A and of B, in the order chosen.
pub fn band_spans(
    first: &Alignment,
    chars_a: &[usize],
    chars_b: &[usize],
    confidence: impl Fn(usize, usize) -> f64,
    max_group: usize,
    budget: usize,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut doubtful: Vec<(f64, Range<usize>, Range<usize>)> = Vec::new();
    let (mut next_a, mut next_b) = (0, 0);
    for bead in &first.beads {
        let ra = bead.a.first().map_or(next_a..next_a, |&s| s..bead.a.last().map_or(s, |&e| e + 1));
        let rb = bead.b.first().map_or(next_b..next_b, |&s| s..bead.b.last().map_or(s, |&e| e + 1));
        (next_a, next_b) = (ra.end, rb.end);
        let priority = match bead.kind() {
            (1, 1) => confidence(ra.start, rb.start),
            _ => -1.0,
        };
        if priority < 0.5 {
            doubtful.push((priority, ra, rb));
        }
    }
    doubtful.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut chosen_a: Vec<Range<usize>> = Vec::new();
    let mut chosen_b: Vec<Range<usize>> = Vec::new();
    let mut seen_a = std::collections::HashSet::new();
    let mut seen_b = std::collections::HashSet::new();
    let mut spent = 0;
    let span_chars = |chars: &[usize], r: &Range<usize>| chars[r.clone()].iter().sum::<usize>() + r.len() - 1;
    for (_, ra, rb) in doubtful {
        let window_a = widen(&ra, 1, chars_a.len());
        let window_b = widen(&rb, 1, chars_b.len());
        let mut candidates: Vec<(bool, Range<usize>)> = Vec::new();
        for len in 2..=max_group {
            candidates.extend(spans_within(&window_a, len).map(|r| (true, r)));
            candidates.extend(spans_within(&window_b, len).map(|r| (false, r)));
        }
        for (is_a, range) in candidates {
            let (chars, seen, chosen) = if is_a {
                (chars_a, &mut seen_a, &mut chosen_a)
            } else {
                (chars_b, &mut seen_b, &mut chosen_b)
            };
            if seen.contains(&(range.start, range.end)) {
                continue;
            }
            let cost = span_chars(chars, &range);
            if spent + cost > budget {
                continue;
            }
            spent += cost;
            seen.insert((range.start, range.end));
            chosen.push(range);
        }
    }
    (chosen_a, chosen_b)
}

fn widen(range: &Range<usize>, by: usize, len: usize) -> Range<usize> {
    range.start.saturating_sub(by)..(range.end + by).min(len)
}

fn spans_within(window: &Range<usize>, len: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    (window.start..window.end).filter(move |&s| s + len <= window.end).map(move |s| s..s + len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Bead;

    #[test]
    fn band_spans_stay_near_doubtful_beads_and_within_budget() {
        let bead = |a: Vec<usize>, b: Vec<usize>| Bead::new(a, b, 0.9);
        let first = Alignment {
            beads: vec![
                bead(vec![0], vec![0]),
                bead(vec![1], vec![1]),
                bead(vec![2], vec![2, 3]),
                bead(vec![3], vec![4]),
                bead(vec![4], vec![5]),
                bead(vec![5], vec![6]),
            ],
        };
        let chars_a = vec![10; 6];
        let chars_b = vec![10; 7];
        let (sa, sb) = band_spans(&first, &chars_a, &chars_b, |_, _| 0.9, 3, 1000);
        assert!(sa.iter().all(|r| r.start >= 1 && r.end <= 4), "{sa:?}");
        assert!(sb.iter().all(|r| r.start >= 1 && r.end <= 5), "{sb:?}");
        assert!(sb.contains(&(2..4)));
        let (sa, sb) = band_spans(&first, &chars_a, &chars_b, |_, _| 0.9, 3, 50);
        let spent: usize = sa.iter().chain(&sb).map(|r| r.len() * 10 + r.len() - 1).sum();
        assert!(spent <= 50, "{spent}");
    }
}
