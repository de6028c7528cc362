//! Per-sentence annotations, computed once and read by both the aligner and the checks:
//! each sentence's quantities (numbers, dates, percentages) and its glossary terms. The
//! aligner makes anchors of them; the checks compare them across a bead.

use crate::glossary::{Glossary, TermMatch};
use crate::model::Document;
use crate::numbers::{self, NumberToken};
use rayon::prelude::*;

/// What one sentence carries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotation {
    /// Its quantities, in order, with their byte spans in the sentence text.
    pub numbers: Vec<NumberToken>,
    /// Its glossary terms (English, Russian and Belarusian texts; none in others), in
    /// order, leftmost-longest.
    pub terms: Vec<TermMatch>,
}

/// The annotations of every sentence of `doc` (in parallel), against `glossary`. A
/// dateline's date and place are left out (the agency prints them, both versions do).
pub fn annotate(doc: &Document, glossary: &Glossary) -> Vec<Annotation> {
    doc.sentences
        .par_iter()
        .map(|s| {
            let (body, at) = (s.body(), s.text.len() - s.body().len());
            let mut numbers = numbers::extract(body);
            let mut terms = glossary.find(body, &doc.lang);
            if at > 0 {
                numbers.iter_mut().for_each(|q| q.span = q.span.start + at..q.span.end + at);
                terms.iter_mut().for_each(|t| t.span = t.span.start + at..t.span.end + at);
            }
            Annotation { numbers, terms }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn every_sentence_gets_its_numbers_and_terms() {
        let doc = crate::engine::document("Minsk grew by 5%.\nNothing here.\n", Some(Lang::en()), true);
        let notes = annotate(&doc, &Glossary::builtin());
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].numbers.len(), 1);
        assert_eq!(notes[0].terms.len(), 1);
        assert_eq!(notes[1], Annotation::default());
    }
}
