//! The `bitext` format, for corpus builders: the aligned texts themselves, one bead per
//! line as `a<TAB>b<TAB>score`, no header. A side's merged sentences are joined with a
//! space, an empty side (a 1-0 or 0-1 bead) is an empty field, and control characters
//! inside a text become spaces, so every bead is one line of exactly three fields.
//! [`rows`] gives the same pairs as data (`batch --emit text`, the Python package).

use super::{joined, score};
use crate::model::{Bead, Report};
use serde::Serialize;

/// One bead's texts: the sentences of each side joined with a space, as the report holds
/// them (inner line breaks kept), and its score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BitextRow {
    /// The A side's text (empty for a 0-1 bead).
    pub a: String,
    /// The B side's text (empty for a 1-0 bead).
    pub b: String,
    /// The bead's confidence (serialized rounded to 3 decimals).
    #[serde(serialize_with = "serialize_score")]
    pub score: f64,
}

fn serialize_score<S: serde::Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(crate::model::round_score(*value))
}

/// The texts of one bead of `report`.
pub fn row(report: &Report, bead: &Bead) -> BitextRow {
    BitextRow {
        a: joined(&report.a.sentences, &bead.a),
        b: joined(&report.b.sentences, &bead.b),
        score: bead.score,
    }
}

/// The texts of every bead of `report`, in bead order.
pub fn rows(report: &Report) -> Vec<BitextRow> {
    report.beads.iter().map(|bead| row(report, bead)).collect()
}

/// Renders the beads as `a<TAB>b<TAB>score` lines.
pub(super) fn render(report: &Report) -> String {
    let mut out = String::new();
    for row in rows(report) {
        out.push_str(&format!("{}\t{}\t{}\n", clean(&row.a), clean(&row.b), score(row.score)));
    }
    out
}

/// The text with every control character (tab, LF, CR…) replaced by a space.
fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Lang, SideText};

    #[test]
    fn one_line_of_three_fields_per_bead() {
        let side = |lang: Lang, s: &[&str]| SideText::new(lang, s.iter().copied());
        let beads = vec![
            Bead::new(vec![0, 1], vec![0], 0.91249),
            Bead::new(vec![], vec![1], 0.25),
            Bead::new(vec![2], vec![], 0.0),
        ];
        let r = Report::new(
            side(Lang::en(), &["One\ttab.", "Two\nlines.", "Three."]),
            side(Lang::ru(), &["Раз.", "Два."]),
            None,
            Alignment { beads },
            vec![],
        );
        assert_eq!(render(&r), "One tab. Two lines.\tРаз.\t0.912\n\tДва.\t0.250\nThree.\t\t0.000\n");
        let json = serde_json::to_string(&rows(&r)[0]).unwrap_or_default();
        assert_eq!(json, r#"{"a":"One\ttab. Two\nlines.","b":"Раз.","score":0.912}"#);
    }
}
