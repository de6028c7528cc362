//! The alignment metric of vecalign/Bertalign: strict and lax precision, recall and
//! F1 pooled over documents, and the vecalign file format reader.
//!
//! A link is a pair (S, T) of sentence-id lists. Links empty on both sides are dropped
//! and duplicates count once. Precision runs over every test link (nulls included; a
//! null link can only be a strict hit); recall runs over gold links with both sides
//! non-empty against test links with both sides non-empty. Counts are pooled over all
//! documents, then F1 = 2PR / (P + R).

use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One link: sentence ids of side A and of side B (either may be empty).
pub type Link = (Vec<usize>, Vec<usize>);

/// A line of a vecalign file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses a vecalign alignment (`[i, j]:[k]` or `[i]:[k]:0.87` per line; blank lines skipped).
///
/// # Errors
/// The first malformed line, with its number.
pub fn parse_vecalign(text: &str) -> Result<Vec<Link>, LinkError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: &str| LinkError { line: i + 1, message: message.to_string() };
        let rest = line.trim_start();
        let (a, rest) = bracket(rest).ok_or_else(|| err("expected `[ids]:[ids]`"))?;
        let rest = rest.trim_start().strip_prefix(':').ok_or_else(|| err("expected `:` after `[ids]`"))?;
        let (b, rest) = bracket(rest.trim_start()).ok_or_else(|| err("expected `[ids]` after `:`"))?;
        let rest = rest.trim();
        let score_ok = rest.is_empty()
            || rest.strip_prefix(':').is_some_and(|x| x.trim().parse::<f64>().is_ok_and(f64::is_finite));
        if !score_ok {
            return Err(err("after `[ids]:[ids]` only an optional `:score` (a number) may follow"));
        }
        let a = ids(a).ok_or_else(|| err("sentence ids must be non-negative integers"))?;
        let b = ids(b).ok_or_else(|| err("sentence ids must be non-negative integers"))?;
        out.push((a, b));
    }
    Ok(out)
}

fn bracket(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix('[')?;
    let end = s.find(']')?;
    Some((&s[..end], &s[end + 1..]))
}

fn ids(s: &str) -> Option<Vec<usize>> {
    s.split(',').map(str::trim).filter(|x| !x.is_empty()).map(|x| x.parse().ok()).collect()
}

/// Pooled counts and the resulting figures.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Scores {
    /// Strict precision.
    pub p_strict: f64,
    /// Strict recall.
    pub r_strict: f64,
    /// Strict F1 (the headline figure).
    pub f1_strict: f64,
    /// Lax precision.
    pub p_lax: f64,
    /// Lax recall.
    pub r_lax: f64,
    /// Lax F1.
    pub f1_lax: f64,
    /// Number of test links (nulls included, deduplicated).
    pub test_links: usize,
    /// Number of gold links with both sides non-empty.
    pub gold_links_nonnull: usize,
}

/// (strict hits, lax hits, hypothesis links) of `hyp` against `reference`.
fn count_side(reference: &[Link], hyp: &[Link]) -> (usize, usize, usize) {
    let reference: HashSet<&Link> =
        reference.iter().filter(|(a, b)| !a.is_empty() || !b.is_empty()).collect();
    let hyp: HashSet<&Link> = hyp.iter().filter(|(a, b)| !a.is_empty() || !b.is_empty()).collect();
    let mut pairs: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (a, b) in &reference {
        for &s in a {
            pairs.entry(s).or_default().extend(b.iter().copied());
        }
    }
    let (mut strict, mut lax) = (0, 0);
    for link in &hyp {
        if reference.contains(link) {
            strict += 1;
            lax += 1;
        } else if link.0.iter().any(|s| pairs.get(s).is_some_and(|t| link.1.iter().any(|x| t.contains(x)))) {
            lax += 1;
        }
    }
    (strict, lax, hyp.len())
}

/// Scores test alignments against gold ones, document by document (`docs` holds
/// (gold, test) pairs), pooling the counts.
pub fn score(docs: &[(Vec<Link>, Vec<Link>)]) -> Scores {
    let (mut ps, mut pl, mut pn, mut rs, mut rl, mut rn) = (0, 0, 0, 0, 0, 0);
    for (gold, test) in docs {
        let (s, l, n) = count_side(gold, test);
        ps += s;
        pl += l;
        pn += n;
        let nonnull = |links: &[Link]| -> Vec<Link> {
            links.iter().filter(|(a, b)| !a.is_empty() && !b.is_empty()).cloned().collect()
        };
        let (s, l, n) = count_side(&nonnull(test), &nonnull(gold));
        rs += s;
        rl += l;
        rn += n;
    }
    let ratio = |x: usize, n: usize| if n == 0 { 0.0 } else { x as f64 / n as f64 };
    let f1 = |p: f64, r: f64| if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    let (p_strict, p_lax, r_strict, r_lax) = (ratio(ps, pn), ratio(pl, pn), ratio(rs, rn), ratio(rl, rn));
    Scores {
        p_strict,
        r_strict,
        f1_strict: f1(p_strict, r_strict),
        p_lax,
        r_lax,
        f1_lax: f1(p_lax, r_lax),
        test_links: pn,
        gold_links_nonnull: rn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_links_with_scores_and_nulls() {
        let links = parse_vecalign("[0, 1]:[0]:0.9\n\n[]:[1]\n[2]:[]\n").unwrap();
        assert_eq!(links, vec![(vec![0, 1], vec![0]), (vec![], vec![1]), (vec![2], vec![])]);
    }

    #[test]
    fn rejects_what_follows_the_beads_unless_a_score() {
        for (text, ok) in [
            ("[0]:[0]:0.5\n", true),
            ("[0]:[0] : -1e-3 \n", true),
            ("[0]:[0]\t\n", true),
            ("[0]:[0]:abc\n", false),
            ("[0]:[0]x\n", false),
            ("[0]:[0]:\n", false),
            ("[0]:[0]:NaN\n", false),
        ] {
            assert_eq!(parse_vecalign(text).is_ok(), ok, "{text:?}");
        }
    }

    #[test]
    fn reports_the_bad_line() {
        let err = parse_vecalign("[0]:[0]\n[x]:[1]\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(parse_vecalign("[0] [1]").is_err());
    }

    #[test]
    fn strict_and_lax_counts() {
        let gold = parse_vecalign("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]").unwrap();
        let test = parse_vecalign("[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3]:[3]\n[3]:[3]").unwrap();
        let s = score(&[(gold, test)]);
        // test links: 5 distinct; strict hits [0]:[0], []:[2], [3]:[3]; lax adds [1]:[1].
        assert_eq!(s.test_links, 5);
        assert!((s.p_strict - 3.0 / 5.0).abs() < 1e-12);
        assert!((s.p_lax - 4.0 / 5.0).abs() < 1e-12);
        // gold non-null: 3; strict recall 2/3, lax 3/3.
        assert_eq!(s.gold_links_nonnull, 3);
        assert!((s.r_strict - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.r_lax - 1.0).abs() < 1e-12);
    }
}
