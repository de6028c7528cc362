//! Consistency checks over an aligned pair: glossary variants and missing terms,
//! names rendered two ways, numbers that disagree, omissions and additions.
//!
//! Either side may be the English one: the side whose language is `en` is the
//! translation checked against the glossary, the other is the original. When neither
//! side is English, A is taken as the translation and only the language-independent
//! checks (numbers, coverage) report anything. Findings come out in document order.
//! Each check is one submodule with one entry point taking a [`Pair`].

mod coverage;
mod names;
mod numbers;
pub mod spelling;
mod terms;

use crate::glossary::Glossary;
use crate::model::{Alignment, CheckKind, Document, Finding, Lang, Severity, Side};

/// Options of a check run.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// House-style profile (`belta`, `ap`, `reuters`…); `None` = the glossary default.
    pub profile: Option<String>,
}

/// The pair as the checks see it: translation and original, whatever their order.
pub(crate) struct Pair<'a> {
    /// The translation (normally English).
    pub en: &'a Document,
    /// The original.
    pub orig: &'a Document,
    /// Side of the translation.
    pub en_side: Side,
    /// Side of the original.
    pub orig_side: Side,
    /// Per bead: (translation ids, original ids).
    pub beads: Vec<(&'a [usize], &'a [usize])>,
    /// Bead index of each translation sentence.
    pub en_bead: Vec<Option<usize>>,
    /// Bead index of each original sentence.
    pub orig_bead: Vec<Option<usize>>,
    /// The glossary under the chosen profile.
    pub glossary: Glossary,
}

impl<'a> Pair<'a> {
    fn new(a: &'a Document, b: &'a Document, alignment: &'a Alignment, glossary: Glossary) -> Self {
        let b_is_en = b.lang == Lang::en() && a.lang != Lang::en();
        let (en, orig, en_side, orig_side) =
            if b_is_en { (b, a, Side::B, Side::A) } else { (a, b, Side::A, Side::B) };
        let beads: Vec<(&[usize], &[usize])> = alignment
            .beads
            .iter()
            .map(|bd| if b_is_en { (&bd.b[..], &bd.a[..]) } else { (&bd.a[..], &bd.b[..]) })
            .collect();
        let mut en_bead = vec![None; en.len()];
        let mut orig_bead = vec![None; orig.len()];
        for (k, (e, o)) in beads.iter().enumerate() {
            for &i in e.iter() {
                if let Some(slot) = en_bead.get_mut(i) {
                    *slot = Some(k);
                }
            }
            for &j in o.iter() {
                if let Some(slot) = orig_bead.get_mut(j) {
                    *slot = Some(k);
                }
            }
        }
        Pair { en, orig, en_side, orig_side, beads, en_bead, orig_bead, glossary }
    }

    /// Whether the translation is English (glossary and name checks apply).
    pub fn english(&self) -> bool {
        self.en.lang == Lang::en()
    }

    /// Text of translation sentence `i` ("" when out of range).
    pub fn en_text(&self, i: usize) -> &str {
        self.en.sentences.get(i).map_or("", |s| s.text.as_str())
    }

    /// Text of original sentence `j` ("" when out of range).
    pub fn orig_text(&self, j: usize) -> &str {
        self.orig.sentences.get(j).map_or("", |s| s.text.as_str())
    }

    /// A finding about translation sentence `i`.
    pub fn en_finding(&self, check: CheckKind, severity: Severity, i: usize, found: &str) -> Finding {
        Finding {
            check,
            severity,
            side: self.en_side,
            sentence: i,
            bead: self.en_bead.get(i).copied().flatten(),
            found: found.to_string(),
            expected: None,
            message: String::new(),
        }
    }

    /// A finding about original sentence `j`.
    pub fn orig_finding(&self, check: CheckKind, severity: Severity, j: usize, found: &str) -> Finding {
        Finding {
            side: self.orig_side,
            sentence: j,
            bead: self.orig_bead.get(j).copied().flatten(),
            ..self.en_finding(check, severity, 0, found)
        }
    }
}

/// Runs every check on an aligned pair. Either side may be the English one. An
/// unknown profile falls back to the shared glossary (the CLI rejects it first).
pub fn run(
    a: &Document,
    b: &Document,
    alignment: &Alignment,
    glossary: &Glossary,
    options: &CheckOptions,
) -> Vec<Finding> {
    let glossary = glossary
        .with_profile(options.profile.as_deref())
        .unwrap_or_else(|_| glossary.with_profile(None).unwrap_or_default());
    let pair = Pair::new(a, b, alignment, glossary);
    let mut out = coverage::check(&pair);
    out.extend(terms::variants(&pair));
    out.extend(terms::missing(&pair));
    out.extend(names::check(&pair));
    out.extend(numbers::check(&pair));
    out.sort_by_key(|f| (f.bead.unwrap_or(usize::MAX), f.side == Side::B, f.sentence, f.check));
    out
}
