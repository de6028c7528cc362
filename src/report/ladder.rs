//! The `ladder` format of hunalign: one rung `i<TAB>j<TAB>score` per line. A rung
//! `(i, j)` says the first `i` sentences of A correspond to the first `j` of B; the
//! ladder starts at `(0, 0)`, has one rung at the start of every bead (its score is the
//! confidence of the bead starting there) and ends at `(len A, len B)`, whose score is
//! 0 since no bead starts there. Consecutive rungs delimit a bead, so a 1-0 bead is
//! a step on one side only.

use super::score;
use crate::model::Report;

/// Renders the beads as ladder rungs.
pub(super) fn render(report: &Report) -> String {
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    for bead in &report.beads {
        out.push_str(&format!("{i}\t{j}\t{}\n", score(bead.score)));
        i += bead.a.len();
        j += bead.b.len();
    }
    out.push_str(&format!("{i}\t{j}\t{}\n", score(0.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Bead, Lang, SideText};

    #[test]
    fn rungs_start_every_bead_and_end_at_both_lengths() {
        let side = |lang: Lang, n: usize| SideText::new(lang, vec!["s"; n]);
        let beads = vec![
            Bead::new(vec![0], vec![0], 0.9),
            Bead::new(vec![1, 2], vec![1], 0.7),
            Bead::new(vec![], vec![2], 0.1),
            Bead::new(vec![3], vec![3], 0.8),
        ];
        let r = Report::new(side(Lang::en(), 4), side(Lang::ru(), 4), None, Alignment { beads }, vec![]);
        assert_eq!(render(&r), "0\t0\t0.900\n1\t1\t0.700\n3\t2\t0.100\n3\t3\t0.800\n4\t4\t0.000\n");
    }

    #[test]
    fn an_empty_alignment_is_the_single_rung_zero_zero() {
        let side = |lang: Lang| SideText::new(lang, Vec::<String>::new());
        let r = Report::new(side(Lang::en()), side(Lang::ru()), None, Alignment::default(), vec![]);
        assert_eq!(render(&r), "0\t0\t0.000\n");
    }
}
