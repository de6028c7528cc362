//! One finding per problem: the checks' raw findings are cut down so that a span of text
//! carries at most one finding (the most specific), findings about text a whole-sentence
//! finding already explains are dropped, and repeats of one spelling problem become one
//! finding with all its `occurrences`.
//!
//! Specificity, most specific first: `version-name` (two versions spell a name apart,
//! which also says which one departs), `glossary-variant` (the glossary names the house
//! form), `name-inconsistent`, then the others; between two findings of one
//! check the longer span wins, except for `name-inconsistent`, where the shorter phrase
//! is the one that differs (`Novgorod region` rather than `Novgorod region governor`).
//! A `glossary-missing` or
//! a one-sided number in a sentence reported as an omission or addition is part of that
//! omission or addition. Spelling findings (`glossary-variant`, `name-inconsistent`,
//! `version-name`) with the same check, side and expected form are one fix ("write
//! Aleksandr throughout"), so they are one finding whose `occurrences` list every place;
//! so are the findings of one glossary term (`Zelenskyy` and `Volodymyr Zelenskyy` under a
//! profile that wants `Zelensky`; `Ivan Krupko` left out twice).

use crate::model::{CheckKind, Finding, Occurrence, Severity, Side};
use std::collections::HashMap;

/// Rank of a check when two findings claim one span: lower wins.
fn rank(check: CheckKind) -> u8 {
    match check {
        CheckKind::VersionName => 0,
        CheckKind::GlossaryVariant => 1,
        CheckKind::NameInconsistent => 2,
        CheckKind::NumberMismatch => 3,
        CheckKind::GlossaryMissing => 4,
        CheckKind::Omission | CheckKind::Addition | CheckKind::WeakAlignment => 5,
    }
}

/// Whether a check's findings are one fix wherever they occur: a spelling to change, or
/// a glossary term to render.
pub(crate) fn is_spelling(check: CheckKind) -> bool {
    matches!(
        check,
        CheckKind::GlossaryVariant
            | CheckKind::NameInconsistent
            | CheckKind::VersionName
            | CheckKind::GlossaryMissing
    )
}

/// Whether a finding is about a whole sentence with no counterpart.
fn is_whole(f: &Finding) -> bool {
    matches!(f.check, CheckKind::Omission | CheckKind::Addition)
}

/// The findings with at most one per span and none inside a sentence a whole-sentence
/// finding covers (see the module documentation); order is kept.
pub(crate) fn one_per_span(findings: Vec<Finding>) -> Vec<Finding> {
    let whole: Vec<(Side, usize)> =
        findings.iter().filter(|f| is_whole(f)).map(|f| (f.side, f.sentence)).collect();
    let explained = |f: &Finding| {
        let part = f.check == CheckKind::GlossaryMissing
            || (f.check == CheckKind::NumberMismatch && f.severity < Severity::Error);
        part && whole.contains(&(f.side, f.sentence))
    };
    let mut keep = vec![true; findings.len()];
    for (k, f) in findings.iter().enumerate() {
        if explained(f) {
            keep[k] = false;
        }
    }
    let mut by_sentence: HashMap<(Side, usize), Vec<usize>> = HashMap::new();
    for (k, f) in findings.iter().enumerate() {
        if f.span.is_some() {
            by_sentence.entry((f.side, f.sentence)).or_default().push(k);
        }
    }
    for ids in by_sentence.values() {
        for (n, &x) in ids.iter().enumerate() {
            for &y in &ids[n + 1..] {
                let (fx, fy) = (&findings[x], &findings[y]);
                let (Some(sx), Some(sy)) = (&fx.span, &fy.span) else { continue };
                if sx.start >= sy.end || sy.start >= sx.end || !keep[x] || !keep[y] {
                    continue;
                }
                let x_wins = match rank(fx.check).cmp(&rank(fy.check)) {
                    std::cmp::Ordering::Less => true,
                    std::cmp::Ordering::Greater => false,
                    // Two spellings of one name: the shorter phrase is where they differ.
                    _ if fx.check == CheckKind::NameInconsistent => fx.found.len() <= fy.found.len(),
                    _ => fx.found.len() >= fy.found.len(),
                };
                if x_wins {
                    keep[y] = false;
                } else {
                    keep[x] = false;
                }
            }
        }
    }
    findings.into_iter().zip(keep).filter_map(|(f, k)| k.then_some(f)).collect()
}

/// Repeats of one spelling problem as one finding (see the module documentation), placed
/// where its first occurrence is; other findings as they are.
pub fn group(findings: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut index: HashMap<(CheckKind, Side, Option<String>), usize> = HashMap::new();
    // One glossary term is one problem, whatever form each place asks for (`Zelenskyy` and
    // `Volodymyr Zelenskyy` → `Zelensky`); other spellings group by the form expected.
    let key = |f: &Finding| match f.term {
        Some(term) => (f.check, f.side, Some(format!("term {term}"))),
        None => (f.check, f.side, f.expected.clone()),
    };
    for f in findings {
        if !is_spelling(f.check) {
            out.push(f);
            continue;
        }
        let key = key(&f);
        match index.get(&key) {
            Some(&k) => {
                let first = &mut out[k];
                if first.occurrences.is_empty() {
                    first.occurrences = first.places();
                }
                let known = |o: &Occurrence| o.sentence == f.sentence && o.found == f.found;
                if !first.occurrences.iter().any(known) {
                    first.occurrences.push(Occurrence { sentence: f.sentence, bead: f.bead, found: f.found });
                }
                first.severity = first.severity.max(f.severity);
            }
            None => {
                index.insert(key, out.len());
                out.push(f);
            }
        }
    }
    for f in &mut out {
        f.occurrences.sort_by_key(|o| o.sentence);
        if f.occurrences.len() == 1 {
            f.occurrences.clear();
        }
    }
    out
}

/// The findings with every grouped finding split again into one finding per occurrence
/// (what [`group`] undoes), for callers that renumber sentences.
pub fn ungroup(findings: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::with_capacity(findings.len());
    for f in findings {
        if f.occurrences.is_empty() {
            out.push(f.clone());
            continue;
        }
        for o in &f.occurrences {
            let mut one = f.clone();
            one.occurrences.clear();
            one.sentence = o.sentence;
            one.bead = o.bead;
            one.found.clone_from(&o.found);
            one.span = None;
            out.push(one);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(check: CheckKind, sentence: usize, found: &str, span: Option<std::ops::Range<usize>>) -> Finding {
        let mut f = Finding::new(check, Severity::Error, Side::A, sentence, found);
        f.span = span;
        f.expected = Some(format!("{found}!"));
        f
    }

    #[test]
    fn a_span_keeps_its_most_specific_finding() {
        let got = one_per_span(vec![
            f(CheckKind::NameInconsistent, 3, "Alexander", Some(13..22)),
            f(CheckKind::GlossaryVariant, 3, "Alexander Lukashenko", Some(13..33)),
            f(CheckKind::NameInconsistent, 3, "Kursk", Some(40..45)),
            f(CheckKind::NameInconsistent, 4, "Alexander", Some(13..22)),
        ]);
        let kept: Vec<(CheckKind, usize)> = got.iter().map(|f| (f.check, f.sentence)).collect();
        assert_eq!(
            kept,
            [
                (CheckKind::GlossaryVariant, 3),
                (CheckKind::NameInconsistent, 3),
                (CheckKind::NameInconsistent, 4)
            ]
        );
    }

    #[test]
    fn an_omitted_sentence_explains_its_missing_terms_and_numbers() {
        let mut missing = f(CheckKind::GlossaryMissing, 2, "Лукашенко", None);
        missing.side = Side::B;
        let mut omission = f(CheckKind::Omission, 2, "Лукашенко приехал.", None);
        omission.side = Side::B;
        let mut elsewhere = missing.clone();
        elsewhere.sentence = 5;
        let got = one_per_span(vec![omission, missing, elsewhere]);
        assert_eq!(
            got.iter().map(|f| (f.check, f.sentence)).collect::<Vec<_>>(),
            [(CheckKind::Omission, 2), (CheckKind::GlossaryMissing, 5)]
        );
    }

    #[test]
    fn repeats_of_one_spelling_are_one_finding_with_occurrences() {
        let mut a = f(CheckKind::GlossaryVariant, 1, "Alexander Lukashenko", None);
        let mut b = a.clone();
        b.sentence = 4;
        let mut c = a.clone();
        c.sentence = 9;
        a.bead = Some(1);
        b.bead = Some(3);
        c.bead = Some(8);
        let number = f(CheckKind::NumberMismatch, 2, "15%", None);
        let got = group(vec![a, number.clone(), b, c, number]);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].times(), 3);
        assert_eq!(
            got[0].occurrences.iter().map(|o| (o.sentence, o.bead)).collect::<Vec<_>>(),
            [(1, Some(1)), (4, Some(3)), (9, Some(8))]
        );
        assert_eq!(ungroup(&got).len(), 5);
        let single = group(vec![f(CheckKind::NameInconsistent, 0, "Maxim", None)]);
        assert!(single[0].occurrences.is_empty(), "one place, no occurrences");
    }
}
