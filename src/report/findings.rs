//! The terminal listing of `sverka check`: one block per finding in report order,
//! compiler-diagnostic style (severity and check, the message, where it is, the
//! sentence with the offending text highlighted when colour is on, what was found and
//! expected), then a one-line summary.

use super::marks;
use super::text::{safe, severity_color, severity_name};
use crate::model::{Finding, Report, Side};

const RESET: &str = "\x1b[0m";

/// Renders every finding of the report, then the counts.
pub(super) fn render(report: &Report, color: bool) -> String {
    let by_bead = marks::findings_by_bead(report);
    let mut bead_of = vec![None; report.findings.len()];
    for (bead, findings) in by_bead.iter().enumerate() {
        for &f in findings {
            bead_of[f] = Some(bead);
        }
    }
    let mut out = String::new();
    for (f, finding) in report.findings.iter().enumerate() {
        out.push_str(&block(report, f, finding, bead_of[f], color));
    }
    out.push_str(&summary(report));
    out
}

fn block(report: &Report, index: usize, finding: &Finding, bead: Option<usize>, color: bool) -> String {
    let label = format!("{}[{}]", severity_name(finding.severity), finding.check.name());
    let label = if color { format!("{}{label}{RESET}", severity_color(finding.severity)) } else { label };
    let side = match finding.side {
        Side::A => "A",
        Side::B => "B",
    };
    let lang = match finding.side {
        Side::A => &report.a.lang,
        Side::B => &report.b.lang,
    };
    let place = match bead {
        Some(bead) => format!("{side} ({lang}) sentence {}, bead {bead}", finding.sentence),
        None => format!("{side} ({lang}) sentence {}", finding.sentence),
    };
    let places = finding.places();
    let place = if places.len() > 1 {
        let ids: Vec<String> = places.iter().map(|p| p.sentence.to_string()).collect();
        format!("{side} ({lang}) sentences {} ({} times)", ids.join(", "), places.len())
    } else {
        place
    };
    let mut out = format!("{label}: {}\n  --> {place}\n", safe(&finding.message));
    let mut shown: Vec<usize> = Vec::new();
    for p in &places {
        if shown.contains(&p.sentence) {
            continue;
        }
        shown.push(p.sentence);
        if let Some(sentence) = super::side_texts(report, finding.side).get(p.sentence) {
            let id = if places.len() > 1 { format!("{}: ", p.sentence) } else { String::new() };
            out.push_str(&format!(
                "   | {id}{}\n",
                highlighted(report, index, finding, p.sentence, sentence, color)
            ));
        }
    }
    if !marks::is_whole_sentence(finding.check) && !finding.found.is_empty() {
        out.push_str(&format!("   = found {}", safe(&marks::forms(finding))));
        if let Some(expected) = &finding.expected {
            out.push_str(&format!(", expected “{}”", safe(expected)));
        }
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Sentence `id`, with this finding's text coloured when colour is on.
fn highlighted(
    report: &Report,
    index: usize,
    finding: &Finding,
    id: usize,
    sentence: &str,
    color: bool,
) -> String {
    if !color {
        return safe(sentence);
    }
    let mut out = String::new();
    let mut at = 0;
    for mark in marks::marks(report, finding.side, id, &[index]) {
        out.push_str(&safe(&sentence[at..mark.range.start]));
        out.push_str(severity_color(finding.severity));
        out.push_str(&safe(&sentence[mark.range.clone()]));
        out.push_str(RESET);
        at = mark.range.end;
    }
    out.push_str(&safe(&sentence[at..]));
    out
}

fn summary(report: &Report) -> String {
    let s = &report.stats;
    let total = report.findings.len();
    if total == 0 {
        return format!("no findings ({})\n", super::beads_count(report.beads.len()));
    }
    format!(
        "{total} finding{}: {} error, {} warning, {} info ({})\n",
        if total == 1 { "" } else { "s" },
        s.findings_error,
        s.findings_warning,
        s.findings_info,
        super::beads_count(report.beads.len())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Bead, CheckKind, Lang, Severity, SideText};

    fn report() -> Report {
        let side = |lang: Lang, s: &[&str]| SideText::new(lang, s.iter().copied());
        let finding = Finding {
            check: CheckKind::GlossaryVariant,
            severity: Severity::Error,
            side: Side::A,
            sentence: 0,
            bead: None,
            found: "Lukashenko".into(),
            expected: Some("Lukashenka".into()),
            message: "use the house spelling".into(),
            occurrences: Vec::new(),
            span: None,
            term: None,
        };
        Report::new(
            side(Lang::en(), &["Lukashenko met Putin."]),
            side(Lang::ru(), &["Лукашенко встретился с Путиным."]),
            None,
            Alignment { beads: vec![Bead::new(vec![0], vec![0], 0.9)] },
            vec![finding],
        )
    }

    #[test]
    fn a_finding_is_listed_with_place_sentence_and_forms() {
        let got = render(&report(), false);
        assert_eq!(
            got,
            "error[glossary-variant]: use the house spelling\n  --> A (en) sentence 0, bead 0\n   \
             | Lukashenko met Putin.\n   = found “Lukashenko”, expected “Lukashenka”\n\n\
             1 finding: 1 error, 0 warning, 0 info (1 bead)\n"
        );
    }

    #[test]
    fn colour_highlights_the_found_text_only_when_asked() {
        let got = render(&report(), true);
        assert!(got.contains("| \x1b[1;31mLukashenko\x1b[0m met Putin."), "{got}");
        assert!(!render(&report(), false).contains('\x1b'));
    }
}
