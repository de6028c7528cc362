//! The `tsv` format: a header row, then one row per bead: A text, B text, score, A ids,
//! B ids. Merged sentences are joined with a space; tabs, line breaks and other
//! control characters inside a text become spaces so that every bead is one row of
//! exactly five fields. Ids are comma-separated (`3,4`), empty for a 0-1/1-0 side.

use super::{joined, score};
use crate::model::Report;

/// Renders the beads as TSV.
pub(super) fn render(report: &Report) -> String {
    let mut out = String::from("a\tb\tscore\ta_ids\tb_ids\n");
    for bead in &report.beads {
        let fields = [
            clean(&joined(&report.a.sentences, &bead.a)),
            clean(&joined(&report.b.sentences, &bead.b)),
            score(bead.score),
            ids(&bead.a),
            ids(&bead.b),
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

/// The text with every control character (tab, LF, CR…) replaced by a space.
fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn ids(ids: &[usize]) -> String {
    ids.iter().map(usize::to_string).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Bead, Lang, SideText};

    #[test]
    fn rows_join_merged_sentences_and_keep_five_fields() {
        let side = |lang: Lang, s: &[&str]| SideText::new(lang, s.iter().copied());
        let beads = vec![Bead::new(vec![0, 1], vec![0], 0.5), Bead::new(vec![], vec![1], 0.25)];
        let r = Report::new(
            side(Lang::en(), &["One\ttab.", "Two\nlines."]),
            side(Lang::ru(), &["Раз.", "Два\r\n."]),
            None,
            Alignment { beads },
            vec![],
        );
        let got = render(&r);
        assert_eq!(
            got,
            "a\tb\tscore\ta_ids\tb_ids\nOne tab. Two lines.\tРаз.\t0.500\t0,1\t0\n\tДва  .\t0.250\t\t1\n"
        );
        assert!(got.lines().all(|l| l.split('\t').count() == 5));
    }
}
