//! `omission` and `addition`: sentences of the original in beads with no translation,
//! and sentences of the translation in beads with no original. Empty sentences (blank
//! lines of presegmented input) are not reported.

use super::Pair;
use crate::model::{CheckKind, Finding, Severity};

/// Findings for the 1-0 and 0-1 beads of `pair`.
pub(crate) fn check(pair: &Pair<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (en, orig) in &pair.beads {
        if en.is_empty() {
            for &j in orig.iter() {
                let text = pair.orig_text(j);
                if !text.trim().is_empty() {
                    let mut f = pair.orig_finding(CheckKind::Omission, Severity::Warning, j, text);
                    f.message = "this sentence of the original has no counterpart in the translation: was it left out?"
                            .to_string();
                    out.push(f);
                }
            }
        } else if orig.is_empty() {
            for &i in en.iter() {
                let text = pair.en_text(i);
                if !text.trim().is_empty() {
                    let mut f = pair.en_finding(CheckKind::Addition, Severity::Warning, i, text);
                    f.message =
                        "this sentence of the translation has no counterpart in the original: was it added?"
                            .to_string();
                    out.push(f);
                }
            }
        }
    }
    out
}
