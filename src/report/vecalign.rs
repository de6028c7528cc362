//! The `vecalign` format: one bead per line, `[i, j]:[k]:0.873`, 0-based sentence ids
//! of A then B; an empty list is a 1-0 or 0-1 bead (`[]:[5]:0.100`).

use super::{id_list, score};
use crate::model::Report;

/// Renders the beads as vecalign lines.
pub(super) fn render(report: &Report) -> String {
    report.beads.iter().map(|b| format!("{}:{}:{}\n", id_list(&b.a), id_list(&b.b), score(b.score))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Bead, Lang, SideText};

    #[test]
    fn beads_become_vecalign_lines() {
        let side = |lang: Lang, n: usize| SideText::new(lang, vec!["s"; n]);
        let beads = vec![
            Bead::new(vec![0, 1], vec![0], 0.8734),
            Bead::new(vec![], vec![1], 0.1),
            Bead::new(vec![2], vec![], 0.0),
        ];
        let r = Report::new(side(Lang::en(), 3), side(Lang::ru(), 2), None, Alignment { beads }, vec![]);
        assert_eq!(render(&r), "[0, 1]:[0]:0.873\n[]:[1]:0.100\n[2]:[]:0.000\n");
    }
}
