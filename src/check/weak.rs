//! `weak-alignment`: a bead the aligner is unsure of (confidence below
//! `confidence.weak`) that other findings rest on, reported on its first translation
//! sentence (or original sentence, for a bead with no translation side) with the
//! aligner's best other reading, so that an editor checks it before trusting those
//! findings. A weak bead with no finding is not reported: the findings are what an editor
//! reads, and a doubtful bead matters only where it may have caused one. Furniture beads
//! are left out.

use super::Pair;
use crate::model::{Alignment, CheckKind, Finding, Severity};

/// Findings for the weak beads of `alignment` that hold one of `findings`.
pub(crate) fn check(pair: &Pair<'_>, alignment: &Alignment, weak: f64, findings: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (k, (bead, &(en, orig))) in alignment.beads.iter().zip(&pair.beads).enumerate() {
        if bead.score >= weak || !findings.iter().any(|f| f.bead == Some(k)) {
            continue;
        }
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
        f.message = format!(
            "the alignment of this bead is uncertain (confidence {:.2}){other}: check it before trusting the findings here",
            bead.score
        );
        out.push(f);
    }
    out
}
