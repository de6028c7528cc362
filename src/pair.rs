//! One article pair from texts to a [`Report`]: segment both sides, align them, run
//! the checks. Pure: no files, no network. The CLI's `align`, `check` and `batch`
//! build on it.

use crate::align::{self, AlignOptions, Resources};
use crate::check::{self, CheckOptions};
use crate::glossary::Glossary;
use crate::model::{Document, Lang, Report, SideText};

/// How to process a pair.
#[derive(Debug, Clone, Default)]
pub struct PairOptions {
    /// Texts hold one sentence per line.
    pub presegmented: bool,
    /// Alignment search options.
    pub align: AlignOptions,
    /// Check options.
    pub check: CheckOptions,
}

/// Segments `text` in `lang` (detected among en, ru, be, uk when `None`; English when
/// the text has no letters).
pub fn document(text: &str, lang: Option<Lang>, presegmented: bool) -> Document {
    let lang = lang.unwrap_or_else(|| crate::lang::detect(text, &[]).unwrap_or_else(Lang::en));
    let sentences =
        if presegmented { crate::segment::presegmented(text) } else { crate::segment::segment(text, &lang) };
    Document { lang, sentences }
}

/// Aligns `a` with `b` and checks the result against `glossary`.
pub fn process(
    a: &Document,
    b: &Document,
    glossary: &Glossary,
    dict: Option<&align::Dictionary>,
    options: &PairOptions,
) -> Report {
    let resources = Resources { glossary: Some(glossary), dict, similarity: None };
    let alignment = align::align(a, b, &resources, &options.align);
    let findings = check::run(a, b, &alignment, glossary, &options.check);
    Report::new(SideText::from_document(a), SideText::from_document(b), None, alignment, findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn process_covers_every_sentence_once() {
        let a = document("One.\nTwo.\nThree.\n", Some(Lang::en()), true);
        let b = document("Один.\nДва.\n", Some(Lang::ru()), true);
        let report = process(&a, &b, &Glossary::default(), None, &PairOptions::default());
        let mut seen_a: Vec<usize> = report.beads.iter().flat_map(|x| x.a.clone()).collect();
        let mut seen_b: Vec<usize> = report.beads.iter().flat_map(|x| x.b.clone()).collect();
        seen_a.sort_unstable();
        seen_b.sort_unstable();
        assert_eq!(seen_a, vec![0, 1, 2]);
        assert_eq!(seen_b, vec![0, 1]);
        assert_eq!(report.stats.sentences_a, 3);
    }
}
