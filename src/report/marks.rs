//! Where findings go in a rendered report: the bead each finding belongs to, and the
//! byte ranges of a sentence that a finding's `found` text highlights.
//!
//! Invariant: the marks of one sentence are sorted and never overlap (when two
//! findings claim overlapping text, the earlier mark wins; the later finding is still
//! listed with its bead).

use crate::model::{CheckKind, Finding, Report, Side};
use std::collections::HashMap;
use std::ops::Range;

/// One highlighted stretch of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mark {
    /// Byte range in the sentence text.
    pub range: Range<usize>,
    /// Index of the finding in `report.findings`.
    pub finding: usize,
}

/// For each bead, the indexes of the findings about it, in report order. A finding's
/// bead is its `bead` field when set, else the bead that holds its sentence; a finding
/// with `occurrences` is about the bead of each. Findings that fit no bead are left out
/// here (the summary still lists them).
pub(super) fn findings_by_bead(report: &Report) -> Vec<Vec<usize>> {
    let mut by_bead = vec![Vec::new(); report.beads.len()];
    let mut holder: HashMap<(Side, usize), usize> = HashMap::new();
    for (i, bead) in report.beads.iter().enumerate() {
        holder.extend(bead.a.iter().map(|&s| ((Side::A, s), i)));
        holder.extend(bead.b.iter().map(|&s| ((Side::B, s), i)));
    }
    for (f, finding) in report.findings.iter().enumerate() {
        for place in finding.places() {
            let bead = place
                .bead
                .filter(|&b| b < report.beads.len())
                .or_else(|| holder.get(&(finding.side, place.sentence)).copied());
            if let Some(bead) = bead {
                if by_bead[bead].last() != Some(&f) {
                    by_bead[bead].push(f);
                }
            }
        }
    }
    by_bead
}

/// The forms a finding found, with how often: `“Kursk region”`, `“Alexander” ×3`,
/// `“Zelenskyy” ×2, “Zelensky”`.
pub(super) fn forms(finding: &Finding) -> String {
    let one = |(form, n): &(String, usize)| {
        if *n > 1 { format!("“{form}” ×{n}") } else { format!("“{form}”") }
    };
    form_counts(finding).iter().map(one).collect::<Vec<_>>().join(", ")
}

/// The distinct forms a finding found, in order, with how many places have each.
pub(super) fn form_counts(finding: &Finding) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for place in finding.places() {
        match counts.iter_mut().find(|(form, _)| *form == place.found) {
            Some((_, n)) => *n += 1,
            None => counts.push((place.found, 1)),
        }
    }
    counts
}

/// The sentence ids of a finding's places on its side, `A1` or `A1, A4, A9`.
pub(super) fn sentence_list(finding: &Finding) -> String {
    let side = match finding.side {
        Side::A => "A",
        Side::B => "B",
    };
    let mut ids: Vec<usize> = finding.places().iter().map(|p| p.sentence).collect();
    ids.dedup();
    ids.iter().map(|id| format!("{side}{id}")).collect::<Vec<_>>().join(", ")
}

/// Whether a finding is about a whole sentence (shown by marking the row, not text).
pub(super) fn is_whole_sentence(check: CheckKind) -> bool {
    matches!(check, CheckKind::Omission | CheckKind::Addition)
}

/// The marks in sentence `sentence` of `side` made by the findings `candidates`
/// (indexes into `report.findings`): every occurrence of the text each finding found in
/// that sentence.
pub(super) fn marks(report: &Report, side: Side, sentence: usize, candidates: &[usize]) -> Vec<Mark> {
    let Some(text) = super::side_texts(report, side).get(sentence) else { return Vec::new() };
    let mut all = Vec::new();
    for &f in candidates {
        let Some(finding) = report.findings.get(f) else { continue };
        if finding.side != side || is_whole_sentence(finding.check) {
            continue;
        }
        let mut forms: Vec<String> =
            finding.places().into_iter().filter(|p| p.sentence == sentence).map(|p| p.found).collect();
        forms.dedup();
        for form in forms.iter().filter(|form| !form.is_empty()) {
            all.extend(
                text.match_indices(form.as_str())
                    .map(|(start, m)| Mark { range: start..start + m.len(), finding: f }),
            );
        }
    }
    all.sort_by_key(|m| (m.range.start, m.finding));
    let mut kept: Vec<Mark> = Vec::with_capacity(all.len());
    for mark in all {
        if kept.last().is_none_or(|last| last.range.end <= mark.range.start) {
            kept.push(mark);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Bead, Finding, Lang, Severity, SideText};

    fn finding(side: Side, sentence: usize, found: &str, check: CheckKind) -> Finding {
        Finding {
            check,
            severity: Severity::Warning,
            side,
            sentence,
            bead: None,
            found: found.into(),
            expected: None,
            message: "m".into(),
            occurrences: Vec::new(),
            span: None,
            term: None,
        }
    }

    fn report(findings: Vec<Finding>) -> Report {
        let side = |lang: Lang, s: &[&str]| SideText::new(lang, s.iter().copied());
        let beads = vec![
            Bead::new(vec![0], vec![0], 0.9),
            Bead::new(vec![], vec![1], 0.2),
            Bead::new(vec![1], vec![2], 0.8),
        ];
        Report::new(
            side(Lang::en(), &["Minsk and Minsk.", "Lukashenko met Putin."]),
            side(Lang::ru(), &["Минск.", "Пропущено.", "Лукашенко встретился с Путиным."]),
            None,
            Alignment { beads },
            findings,
        )
    }

    #[test]
    fn findings_go_to_the_bead_holding_their_sentence() {
        let r = report(vec![
            finding(Side::B, 1, "Пропущено.", CheckKind::Omission),
            finding(Side::A, 1, "Lukashenko", CheckKind::GlossaryVariant),
            finding(Side::B, 9, "x", CheckKind::NumberMismatch),
        ]);
        assert_eq!(findings_by_bead(&r), vec![vec![], vec![0], vec![1]]);
    }

    #[test]
    fn every_occurrence_is_marked_and_overlaps_keep_the_first() {
        let r = report(vec![
            finding(Side::A, 0, "Minsk", CheckKind::NameInconsistent),
            finding(Side::A, 0, "sk and", CheckKind::GlossaryVariant),
        ]);
        let got: Vec<Range<usize>> = marks(&r, Side::A, 0, &[0, 1]).into_iter().map(|m| m.range).collect();
        assert_eq!(got, vec![0..5, 10..15]);
    }

    #[test]
    fn a_finding_with_occurrences_marks_and_lists_each_place() {
        let mut f = finding(Side::A, 0, "Minsk", CheckKind::NameInconsistent);
        f.bead = Some(0);
        f.occurrences = vec![
            crate::model::Occurrence { sentence: 0, bead: Some(0), found: "Minsk".into() },
            crate::model::Occurrence { sentence: 1, bead: Some(2), found: "Putin".into() },
        ];
        let r = report(vec![f]);
        assert_eq!(findings_by_bead(&r), vec![vec![0], vec![], vec![0]]);
        let got: Vec<Range<usize>> = marks(&r, Side::A, 1, &[0]).into_iter().map(|m| m.range).collect();
        assert_eq!(got, vec![15..20]);
        assert_eq!(forms(&r.findings[0]), "“Minsk”, “Putin”");
        assert_eq!(sentence_list(&r.findings[0]), "A0, A1");
        let mut twice = r.findings[0].clone();
        twice.occurrences[1].found = "Minsk".into();
        assert_eq!(forms(&twice), "“Minsk” ×2");
    }

    #[test]
    fn whole_sentence_findings_make_no_marks() {
        let r = report(vec![finding(Side::B, 1, "Пропущено.", CheckKind::Omission)]);
        assert!(marks(&r, Side::B, 1, &[0]).is_empty());
    }
}
