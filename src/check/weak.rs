//! `weak-alignment`: a bead the aligner is unsure of (confidence below
//! `confidence.weak`, that is more likely wrong than right). What the checks found by
//! comparing its two sides (numbers, missing terms, a sentence left out of a joined bead)
//! is then more likely a misalignment than a problem, so those findings are set aside
//! and the bead is reported once, on its first translation sentence (or original
//! sentence, for a bead with no translation side), with the aligner's best other reading
//! and what was not compared, for an editor to check by hand. A weak bead where nothing
//! was found is not reported. Furniture beads are left out.

use super::Pair;
use crate::model::{Alignment, CheckKind, Finding, Severity};

/// Whether a finding compares the two sides of its bead (and so depends on the bead);
/// in a retelling a missing term is looked for in the whole translation, not the bead.
fn compares(f: &Finding, retelling: bool) -> bool {
    match f.check {
        CheckKind::NumberMismatch => true,
        CheckKind::GlossaryMissing => !retelling,
        // A sentence left out of a joined bead; a 1-0 or 0-1 bead has one side only.
        CheckKind::Omission | CheckKind::Addition => f.bead.is_some(),
        _ => false,
    }
}

/// The findings that stand, and per weak bead the findings set aside (see the module
/// documentation).
pub(crate) fn set_aside(
    pair: &Pair<'_>,
    alignment: &Alignment,
    weak: f64,
    retelling: bool,
    findings: Vec<Finding>,
) -> (Vec<Finding>, Vec<(usize, Vec<Finding>)>) {
    let is_weak = |k: usize| {
        alignment.beads.get(k).is_some_and(|b| b.score < weak)
            && pair.beads.get(k).is_some_and(|(en, orig)| !en.is_empty() && !orig.is_empty())
    };
    let mut kept = Vec::with_capacity(findings.len());
    let mut doubtful: Vec<(usize, Vec<Finding>)> = Vec::new();
    for f in findings {
        match f.bead.filter(|&k| compares(&f, retelling) && is_weak(k)) {
            Some(k) => match doubtful.iter_mut().find(|(b, _)| *b == k) {
                Some((_, list)) => list.push(f),
                None => doubtful.push((k, vec![f])),
            },
            None => kept.push(f),
        }
    }
    (kept, doubtful)
}

/// One finding per weak bead that had findings set aside.
pub(crate) fn check(
    pair: &Pair<'_>,
    alignment: &Alignment,
    doubtful: &[(usize, Vec<Finding>)],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (k, set) in doubtful {
        let (Some(bead), Some(&(en, orig))) = (alignment.beads.get(*k), pair.beads.get(*k)) else { continue };
        let furniture = en.iter().all(|&i| pair.is_furniture(true, i))
            && orig.iter().all(|&j| pair.is_furniture(false, j));
        if furniture {
            continue;
        }
        let mut f = match (en.first(), orig.first()) {
            (Some(&i), _) => pair.en_finding(CheckKind::WeakAlignment, Severity::Warning, i, pair.en_text(i)),
            (None, Some(&j)) => {
                pair.orig_finding(CheckKind::WeakAlignment, Severity::Warning, j, pair.orig_text(j))
            }
            (None, None) => continue,
        };
        let other =
            bead.alternative.as_deref().map_or(String::new(), |a| format!("; the other reading: {a}"));
        let what: Vec<String> = set.iter().map(|s| format!("'{}'", s.found)).collect();
        f.message = format!(
            "the alignment of this bead is uncertain (confidence {:.2}){other}: {} not compared; check the \
             bead by hand",
            bead.score,
            what.join(", ")
        );
        out.push(f);
    }
    out
}
