//! `omission` and `addition`: sentences of the original in beads with no translation,
//! and sentences of the translation in beads with no original. Empty sentences (blank
//! lines of presegmented input), furniture and lines that are not sentences (a headline,
//! a rubric, a byline, a related-story link: no sentence end) are not reported: each
//! outlet writes its own, and none of them is text a translator left out or added.
//!
//! An aligner may also join a dropped sentence to its neighbour (a 1-2 bead). Such a
//! bead is reported too when its translation is much shorter than its original (under
//! 0.8 of the length the document's 1-1 beads predict), leaving out one of its
//! sentences explains the length (within 40 %), and none of that sentence's numbers and
//! glossary terms, but at least one of them, is missing from the translation: that
//! sentence is the omission. The same holds the other way round for additions.

use super::Pair;
use crate::annotate::Annotation;
use crate::model::{CheckKind, Finding, Severity};

/// Whether a line ends as a sentence does: with `.`, `!`, `?`, `…`, `:` or `;`, closing
/// quotes and brackets aside.
pub(crate) fn ends_as_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(['"', '\'', '»', '”', '’', ')', ']', '“']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Whether sentence `i` of the translation (`translation`) or of the original is text a
/// translator writes: not furniture, not a headline, not empty, and ending as a sentence.
fn is_prose(pair: &Pair<'_>, translation: bool, i: usize) -> bool {
    let text = if translation { pair.en_text(i) } else { pair.orig_text(i) };
    !pair.is_furniture(translation, i) && !pair.is_headline(translation, i) && ends_as_sentence(text)
}

/// Whether the pair reads as two retellings rather than a translation (see
/// [`super::retelling`]).
pub(crate) fn retelling(pair: &Pair<'_>, alignment: &crate::model::Alignment, weak: f64) -> bool {
    let (mut prose, mut confident) = (0usize, 0usize);
    for (k, (en, orig)) in pair.beads.iter().enumerate() {
        let sure = !orig.is_empty() && alignment.beads.get(k).is_some_and(|b| b.score >= weak);
        let n = en.iter().filter(|&&i| is_prose(pair, true, i)).count();
        prose += n;
        if sure {
            confident += n;
        }
    }
    prose >= 4 && confident * 2 < prose
}

/// Findings for the 1-0 and 0-1 beads of `pair`.
pub(crate) fn check(pair: &Pair<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (en, orig) in &pair.beads {
        if en.is_empty() {
            for &j in orig.iter().filter(|&&j| is_prose(pair, false, j)) {
                let mut f = pair.orig_finding(CheckKind::Omission, Severity::Warning, j, pair.orig_text(j));
                f.message = format!(
                    "this sentence of {} has no counterpart in {}: was it left out?",
                    pair.orig_label, pair.en_label
                );
                out.push(f);
            }
        } else if orig.is_empty() {
            for &i in en.iter().filter(|&&i| is_prose(pair, true, i)) {
                let mut f = pair.en_finding(CheckKind::Addition, Severity::Warning, i, pair.en_text(i));
                f.message = format!(
                    "this sentence of {} has no counterpart in {}: was it added?",
                    pair.en_label, pair.orig_label
                );
                out.push(f);
            }
        }
    }
    out
}

/// Length ratio translation/original over the 1-1 beads (chars); 1.1 by default.
fn length_ratio(pair: &Pair<'_>) -> f64 {
    let (mut en_chars, mut orig_chars) = (0usize, 0usize);
    for (en, orig) in &pair.beads {
        if let ([i], [j]) = (&en[..], &orig[..]) {
            en_chars += pair.en_text(*i).chars().count();
            orig_chars += pair.orig_text(*j).chars().count();
        }
    }
    if orig_chars < 300 { 1.1 } else { (en_chars as f64 / orig_chars as f64).clamp(0.6, 1.8) }
}

/// The sentences of `many` (lengths) whose absence would explain why `one` (the other
/// side's length, scaled to `many`'s language) is so short.
fn unexplained(one: f64, many: &[usize]) -> Vec<usize> {
    let total: usize = many.iter().sum();
    if one >= 0.8 * total as f64 {
        return Vec::new();
    }
    (0..many.len())
        .filter(|&k| {
            let (len, rest) = (many[k] as f64, (total - many[k]) as f64);
            let err = (one - rest).abs() / one.max(rest).max(1.0);
            err <= 0.4 && len >= 20.0 && len >= 0.3 * one
        })
        .collect()
}

/// Evidence that a sentence (`text`, annotated `sentence`) is rendered on the other side:
/// (anchors of the sentence found there, anchors not found). Anchors are quantities
/// written with digits (a number written out, `the second thing`, is often rephrased) and
/// glossary terms; `other` holds the annotations of the other side's sentences in the bead.
fn evidence(text: &str, sentence: &Annotation, other: &[&Annotation]) -> (usize, usize) {
    let (mut found, mut missing) = (0, 0);
    let digits = |span: &std::ops::Range<usize>| {
        text.get(span.clone()).is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit()))
    };
    for q in sentence.numbers.iter().filter(|q| digits(&q.span)) {
        let there = other.iter().flat_map(|o| &o.numbers).any(|t| t.value.compatible(&q.value));
        if there { found += 1 } else { missing += 1 }
    }
    for m in &sentence.terms {
        let there = other.iter().flat_map(|o| &o.terms).any(|t| t.entry == m.entry);
        if there { found += 1 } else { missing += 1 }
    }
    (found, missing)
}

/// Among `candidates` (indexes into `ids`), the one sentence with nothing of it on the
/// other side and the most anchors missing there (at least one: no guess without
/// evidence).
fn pick(candidates: &[usize], ids: &[usize], ev: impl Fn(usize) -> (usize, usize)) -> Option<usize> {
    candidates
        .iter()
        .map(|&k| (k, ev(ids[k])))
        .filter(|(_, (found, _))| *found == 0)
        .max_by_key(|(k, (_, missing))| (*missing, std::cmp::Reverse(*k)))
        .filter(|(_, (_, missing))| *missing > 0)
        .map(|(k, _)| ids[k])
}

/// Omissions and additions hidden in beads that join several sentences.
pub(crate) fn joined(pair: &Pair<'_>) -> Vec<Finding> {
    let ratio = length_ratio(pair);
    let none = Annotation::default();
    let en_note = |i: usize| pair.en_notes.get(i).unwrap_or(&none);
    let orig_note = |j: usize| pair.orig_notes.get(j).unwrap_or(&none);
    let mut out = Vec::new();
    for (en, orig) in &pair.beads {
        if en.is_empty() || orig.is_empty() || (en.len() == 1 && orig.len() == 1) {
            continue;
        }
        let en_text = en.iter().map(|&i| pair.en_text(i)).collect::<Vec<_>>().join(" ");
        let orig_text = orig.iter().map(|&j| pair.orig_text(j)).collect::<Vec<_>>().join(" ");
        let (en_len, orig_len) = (en_text.chars().count(), orig_text.chars().count());
        if orig.len() >= 2 {
            let lens: Vec<usize> = orig.iter().map(|&j| pair.orig_text(j).chars().count()).collect();
            let candidates = unexplained(en_len as f64 / ratio, &lens);
            let others: Vec<&Annotation> = en.iter().map(|&i| en_note(i)).collect();
            let ev = |j: usize| evidence(pair.orig_text(j), orig_note(j), &others);
            if let Some(j) = pick(&candidates, orig, ev) {
                let mut f = pair.orig_finding(CheckKind::Omission, Severity::Warning, j, pair.orig_text(j));
                f.message = format!(
                    "this sentence of {} seems to have no counterpart: {} of its passage is much shorter and \
                     has none of its names or numbers",
                    pair.orig_label, pair.en_label
                );
                out.push(f);
            }
        }
        if en.len() >= 2 {
            let lens: Vec<usize> = en.iter().map(|&i| pair.en_text(i).chars().count()).collect();
            let candidates = unexplained(orig_len as f64 * ratio, &lens);
            let others: Vec<&Annotation> = orig.iter().map(|&j| orig_note(j)).collect();
            let ev = |i: usize| evidence(pair.en_text(i), en_note(i), &others);
            if let Some(i) = pick(&candidates, en, ev) {
                let mut f = pair.en_finding(CheckKind::Addition, Severity::Warning, i, pair.en_text(i));
                f.message = format!(
                    "this sentence of {} seems to have no counterpart: its passage is much longer than {} and \
                     has names or numbers {} lacks",
                    pair.en_label, pair.orig_label, pair.orig_label
                );
                out.push(f);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_without_a_sentence_end_are_not_sentences() {
        assert!(ends_as_sentence("Он уехал."));
        assert!(ends_as_sentence("«Мы готовы», - сказал он.»"));
        assert!(ends_as_sentence("He asked: \"Why?\""));
        assert!(ends_as_sentence("The plan covers three points:"));
        assert!(!ends_as_sentence("- Лукашенко: наш фронт - это экономика, а для сельчан - хлебная нива"));
        assert!(!ends_as_sentence("Сельское хозяйство"));
        assert!(!ends_as_sentence("Роман Дубровский"));
    }

    #[test]
    fn length_leaves_the_sentences_that_may_be_missing() {
        // 13 000 troops: the translation of one of two similar sentences is missing.
        assert_eq!(unexplained(78.0, &[51, 59]), vec![0, 1]);
        // A lead that renders both sentences is long enough.
        assert!(unexplained(190.0 / 1.1, &[110, 95]).is_empty());
        // Short sentences are not guessed at.
        assert!(unexplained(40.0, &[60, 12]).is_empty());
    }

    #[test]
    fn evidence_picks_the_sentence_with_nothing_on_the_other_side() {
        let ev = |j: usize| [(1, 0), (0, 1)][j];
        assert_eq!(pick(&[0, 1], &[0, 1], ev), Some(1));
        let none = |_: usize| (0, 0);
        assert_eq!(pick(&[0, 1], &[0, 1], none), None, "no evidence, no guess");
        assert_eq!(pick(&[1], &[0, 1], none), None);
    }
}
