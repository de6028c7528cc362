//! Consistency checks over an aligned pair: glossary variants and missing terms,
//! names rendered two ways, numbers that disagree, omissions and additions.
//!
//! OWNER: issue 5. The skeleton reports omissions and additions only.

use crate::glossary::Glossary;
use crate::model::{Alignment, CheckKind, Document, Finding, Severity, Side};

/// Options of a check run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// House-style profile (`belta`, `ap`, `reuters`…); `None` = the glossary default.
    pub profile: Option<String>,
}

/// Runs every check on an aligned pair. Either side may be the English one.
pub fn run(
    a: &Document,
    b: &Document,
    alignment: &Alignment,
    glossary: &Glossary,
    options: &CheckOptions,
) -> Vec<Finding> {
    let _ = (glossary, options);
    let mut out = Vec::new();
    for (i, bead) in alignment.beads.iter().enumerate() {
        let (side, ids, doc, check) = match (bead.a.is_empty(), bead.b.is_empty()) {
            (true, false) => (Side::B, &bead.b, b, CheckKind::Omission),
            (false, true) => (Side::A, &bead.a, a, CheckKind::Addition),
            _ => continue,
        };
        for &id in ids {
            out.push(Finding {
                check,
                severity: Severity::Warning,
                side,
                sentence: id,
                bead: Some(i),
                found: doc.sentences[id].text.clone(),
                expected: None,
                message: format!("sentence has no counterpart on the other side ({})", check.name()),
            });
        }
    }
    out
}
