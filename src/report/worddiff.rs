//! The words that differ between the two sides of a bead when both are in one language
//! (two versions of one original): a word diff by `similar`, as byte ranges in each
//! sentence. The views mark them so that an editor sees at a glance what one version
//! says and the other does not.

use crate::model::{Bead, Report};
use similar::{ChangeTag, TextDiff};
use std::ops::Range;
use std::time::Duration;

/// Whether the report compares two texts in one language (versions), so that its views
/// show the words that differ.
pub(super) fn applies(report: &Report) -> bool {
    report.a.lang == report.b.lang
}

/// Per side of `bead` (A, then B): (sentence id, byte range in that sentence) of each
/// run of words the other side does not have. Nothing for a bead with one side.
pub(super) fn differing(report: &Report, bead: &Bead) -> [Vec<(usize, Range<usize>)>; 2] {
    if bead.a.is_empty() || bead.b.is_empty() {
        return [Vec::new(), Vec::new()];
    }
    let (a, a_starts) = joined(&report.a.sentences, &bead.a);
    let (b, b_starts) = joined(&report.b.sentences, &bead.b);
    let diff = TextDiff::configure().timeout(Duration::from_millis(200)).diff_words(&a, &b);
    let (mut at_a, mut at_b) = (0, 0);
    let mut out = [Vec::new(), Vec::new()];
    for change in diff.iter_all_changes() {
        let value = change.value();
        let len = value.len();
        match change.tag() {
            ChangeTag::Equal => {
                at_a += len;
                at_b += len;
            }
            ChangeTag::Delete => {
                mark(&mut out[0], &a_starts, &a, at_a..at_a + len);
                at_a += len;
            }
            ChangeTag::Insert => {
                mark(&mut out[1], &b_starts, &b, at_b..at_b + len);
                at_b += len;
            }
        }
    }
    out
}

/// The sentences `ids` joined with a space, and where each starts: (id, byte offset).
fn joined(sentences: &[String], ids: &[usize]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut starts = Vec::new();
    for &id in ids {
        let Some(s) = sentences.get(id) else { continue };
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push((id, text.len()));
        text.push_str(s);
    }
    (text, starts)
}

/// Adds `range` of the joined text (its words, not white space) to `out` as ranges of
/// the sentences it falls in, joined with the previous range when they touch.
fn mark(out: &mut Vec<(usize, Range<usize>)>, starts: &[(usize, usize)], text: &str, range: Range<usize>) {
    let piece = &text[range.clone()];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = start + trimmed.len();
    for (k, &(id, at)) in starts.iter().enumerate() {
        let next = starts.get(k + 1).map_or(text.len(), |&(_, n)| n.saturating_sub(1));
        let (s, e) = (start.max(at), end.min(next));
        if s >= e {
            continue;
        }
        let local = s - at..e - at;
        match out.last_mut() {
            Some((last_id, last)) if *last_id == id && text[at + last.end..s].trim().is_empty() => {
                last.end = local.end;
            }
            _ => out.push((id, local)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Lang, SideText};

    #[test]
    fn words_only_on_one_side_are_marked_in_their_sentence() {
        let side = |s: &[&str]| SideText::new(Lang::en(), s.iter().copied());
        let report = Report::new(
            side(&["Alexander Lukashenko met farmers.", "He praised them."]),
            side(&["Aleksandr Lukashenko met farmers and praised them."]),
            None,
            Alignment { beads: vec![Bead::new(vec![0, 1], vec![0], 0.9)] },
            vec![],
        );
        let [a, b] = differing(&report, &report.beads[0]);
        let texts = |marks: &[(usize, Range<usize>)], r: &Report, side_a: bool| -> Vec<String> {
            let sentences = if side_a { &r.a.sentences } else { &r.b.sentences };
            marks.iter().map(|(id, range)| sentences[*id][range.clone()].to_string()).collect()
        };
        assert_eq!(texts(&a, &report, true), ["Alexander", "farmers.", "He"]);
        assert_eq!(texts(&b, &report, false), ["Aleksandr", "farmers and"]);
        assert!(applies(&report));
    }
}
