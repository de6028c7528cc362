//! The `json` format: the [`Report`] serialized as it is (the schema is the model's
//! serde layout, documented in docs/guide.md): `version`, `a`, `b`, optional `mt`,
//! `beads`, `findings`, `stats`.

use crate::model::Report;

/// Renders the report as pretty-printed JSON with a final newline.
pub(super) fn render(report: &Report) -> String {
    // Serializing plain data to a String cannot fail (non-finite floats become null).
    match serde_json::to_string_pretty(report) {
        Ok(json) => json + "\n",
        Err(err) => format!("{{\"error\": {:?}}}\n", err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Bead, Lang, SideText};

    #[test]
    fn json_reads_back_into_the_same_report() {
        let side = |lang: Lang, s: &str| SideText {
            lang,
            sentences: vec![s.into()],
            paragraphs: vec![0],
            kinds: vec![],
        };
        let report = Report::new(
            side(Lang::en(), "A \"quoted\" <b>."),
            side(Lang::ru(), "«Цитата»."),
            Some(vec!["A quote.".into()]),
            Alignment { beads: vec![Bead::new(vec![0], vec![0], 0.75)] },
            vec![],
        );
        let json = render(&report);
        assert!(json.ends_with("}\n"));
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report);
    }
}
