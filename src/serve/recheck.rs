//! Running the checks again after a correction, on what changed.
//!
//! [`full`] runs every check on the whole pair. [`incremental`] compares the draft
//! before and after an edit: the beads at both ends that did not change (compared by
//! their sentence ids counted from the start for the head and from the end for the tail,
//! so a sentence split in the middle shifts nothing) keep their findings, renumbered;
//! the changed beads and one bead either side (a number check looks at neighbours) are
//! checked again on a window of two more beads either side. `name-inconsistent`
//! compares spellings across the whole text, so the window cannot judge it: those
//! findings are kept where their sentence is unchanged and left to the next full run.
//! The same holds for the length ratio the joined-sentence check learns from the whole
//! pair, which the window learns from its own beads. The caller runs [`full`] again
//! soon after (the server does so in the background for long pairs). Grouped findings
//! (one spelling in several sentences) are split into their occurrences for this and
//! grouped again at the end.

use super::edit::{Draft, ids};
use crate::check::{self, CheckOptions};
use crate::glossary::Glossary;
use crate::model::{Alignment, Bead, CheckKind, Document, Finding, Side};
use std::ops::Range;

/// Every check on the whole draft.
pub fn full(draft: &Draft, glossary: &Glossary) -> Vec<Finding> {
    let alignment = Alignment { beads: draft.beads.clone() };
    check::run(&draft.a.document, &draft.b.document, &alignment, glossary, &CheckOptions::default())
}

/// The findings of `new`, from those of `old` and a check of what changed (see the
/// module documentation).
pub fn incremental(old: &Draft, old_findings: &[Finding], new: &Draft, glossary: &Glossary) -> Vec<Finding> {
    let change = Change::between(old, new);
    let redo = change.new.start.saturating_sub(1)..(change.new.end + 1).min(new.beads.len());
    let maps = [SentenceMap::between(old, new, Side::A), SentenceMap::between(old, new, Side::B)];
    let holders = [holders(new, Side::A), holders(new, Side::B)];
    let mut out: Vec<Finding> = Vec::with_capacity(old_findings.len() + 8);
    for f in &check::ungroup(old_findings) {
        let side = usize::from(f.side == Side::B);
        let Some(sentence) = maps[side].map(f.sentence) else { continue };
        let bead = holders[side].get(sentence).copied().flatten();
        let global = f.check == CheckKind::NameInconsistent;
        let changed_bead = f.bead.is_some_and(|b| change.old.contains(&b));
        if !global && (changed_bead || bead.is_some_and(|b| redo.contains(&b))) {
            continue;
        }
        let mut kept = f.clone();
        kept.sentence = sentence;
        kept.bead = bead;
        out.push(kept);
    }
    out.extend(
        check::ungroup(&window(new, redo.clone(), glossary))
            .into_iter()
            .filter(|f| f.check != CheckKind::NameInconsistent && f.bead.is_some_and(|b| redo.contains(&b))),
    );
    out.sort_by_key(|f| (f.bead.unwrap_or(usize::MAX), f.side == Side::B, f.sentence, f.check));
    check::group(out)
}

/// The beads that differ between two drafts: `old` in the old draft's bead indexes,
/// `new` in the new one's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Changed beads before.
    pub old: Range<usize>,
    /// Changed beads after.
    pub new: Range<usize>,
}

impl Change {
    /// The shortest range of beads outside which the two drafts agree.
    pub fn between(old: &Draft, new: &Draft) -> Change {
        let (n_old, n_new) = (old.beads.len(), new.beads.len());
        let shortest = n_old.min(n_new);
        let head = (0..shortest).take_while(|&k| same_ids(&old.beads[k], &new.beads[k], None)).count();
        let ends = |d: &Draft| (d.a.document.len(), d.b.document.len());
        let tail = (0..shortest - head)
            .take_while(|&k| {
                let (o, n) = (&old.beads[n_old - 1 - k], &new.beads[n_new - 1 - k]);
                same_ids(o, n, Some((ends(old), ends(new))))
            })
            .count();
        Change { old: head..n_old - tail, new: head..n_new - tail }
    }
}

/// Whether two beads hold the same sentences, counted from the start (`None`) or from
/// the end of each side (`Some(((old A, old B), (new A, new B)))` sentence counts).
fn same_ids(old: &Bead, new: &Bead, ends: Option<((usize, usize), (usize, usize))>) -> bool {
    let same = |x: &[usize], y: &[usize], shift: isize| {
        x.len() == y.len() && x.iter().zip(y).all(|(&i, &j)| i as isize + shift == j as isize)
    };
    let (shift_a, shift_b) = match ends {
        None => (0, 0),
        Some(((oa, ob), (na, nb))) => (na as isize - oa as isize, nb as isize - ob as isize),
    };
    same(&old.a, &new.a, shift_a) && same(&old.b, &new.b, shift_b)
}

/// Sentence ids of one side before an edit → after it: unchanged sentences at the start
/// keep their id, those at the end shift by the change in count, the rest have none.
struct SentenceMap {
    head: usize,
    tail_from: usize,
    shift: isize,
    old_len: usize,
}

impl SentenceMap {
    fn between(old: &Draft, new: &Draft, side: Side) -> SentenceMap {
        let (o, n) = (&old.text(side).document.sentences, &new.text(side).document.sentences);
        let shortest = o.len().min(n.len());
        let head = (0..shortest).take_while(|&k| o[k].text == n[k].text).count();
        let tail =
            (0..shortest - head).take_while(|&k| o[o.len() - 1 - k].text == n[n.len() - 1 - k].text).count();
        SentenceMap {
            head,
            tail_from: o.len() - tail,
            shift: n.len() as isize - o.len() as isize,
            old_len: o.len(),
        }
    }

    fn map(&self, id: usize) -> Option<usize> {
        if id < self.head {
            Some(id)
        } else if id >= self.tail_from && id < self.old_len {
            usize::try_from(id as isize + self.shift).ok()
        } else {
            None
        }
    }
}

/// For each sentence of `side`, the bead holding it.
fn holders(draft: &Draft, side: Side) -> Vec<Option<usize>> {
    let mut out = vec![None; draft.text(side).document.len()];
    for (k, bead) in draft.beads.iter().enumerate() {
        for &id in ids(bead, side) {
            if let Some(slot) = out.get_mut(id) {
                *slot = Some(k);
            }
        }
    }
    out
}

/// The findings of the checks run on beads `range` and two beads either side, with
/// sentence ids and bead indexes of the whole draft.
fn window(draft: &Draft, range: Range<usize>, glossary: &Glossary) -> Vec<Finding> {
    let n = draft.beads.len();
    let span = range.start.saturating_sub(2)..(range.end + 2).min(n);
    if span.is_empty() {
        return Vec::new();
    }
    let beads = &draft.beads[span.clone()];
    let (sub_a, a_ids) = subset(&draft.a.document, beads.iter().flat_map(|b| b.a.iter().copied()));
    let (sub_b, b_ids) = subset(&draft.b.document, beads.iter().flat_map(|b| b.b.iter().copied()));
    let local = |all: &[usize], id: usize| all.binary_search(&id).unwrap_or(0);
    let sub_beads: Vec<Bead> = beads
        .iter()
        .map(|b| {
            let mut copy = b.clone();
            copy.a = b.a.iter().map(|&i| local(&a_ids, i)).collect();
            copy.b = b.b.iter().map(|&j| local(&b_ids, j)).collect();
            copy
        })
        .collect();
    let alignment = Alignment { beads: sub_beads };
    // Whether the texts are retellings is a property of the whole pair, not of a window.
    let whole = Alignment { beads: draft.beads.clone() };
    let weak = CheckOptions::default().weak;
    let retelling = Some(check::retelling(&draft.a.document, &draft.b.document, &whole, weak));
    let options = CheckOptions { retelling, ..CheckOptions::default() };
    let mut found = check::run(&sub_a, &sub_b, &alignment, glossary, &options);
    for f in &mut found {
        let all = if f.side == Side::A { &a_ids } else { &b_ids };
        f.sentence = all.get(f.sentence).copied().unwrap_or(f.sentence);
        f.bead = f.bead.map(|k| k + span.start);
    }
    found
}

/// The sentences `ids` of `doc` as a document of their own, and the sorted ids.
fn subset(doc: &Document, ids: impl Iterator<Item = usize>) -> (Document, Vec<usize>) {
    let mut ids: Vec<usize> = ids.filter(|&i| i < doc.len()).collect();
    ids.sort_unstable();
    ids.dedup();
    let sentences = ids.iter().map(|&i| doc.sentences[i].clone()).collect();
    (Document { lang: doc.lang.clone(), sentences }, ids)
}

#[cfg(test)]
mod tests {
    use super::super::edit::{Op, Text};
    use super::*;
    use crate::model::Lang;

    fn text(lang: Lang, lines: &[String]) -> Text {
        let raw: String = lines.iter().map(|l| format!("{l}\n")).collect();
        Text { document: crate::engine::document(&raw, Some(lang.clone()), true), text: raw }
    }

    fn bead(a: &[usize], b: &[usize]) -> Bead {
        serde_json::from_value(serde_json::json!({"a": a, "b": b, "score": 0.9})).expect("a bead")
    }

    /// 40 sentence pairs, 1-1, with numbers that disagree in pair 30, names spelled two
    /// ways in pairs 2 and 35 (Maksim/Maxim), a rejected spelling in pairs 3 and 36
    /// (Zelensky) and one sentence of B with none in A.
    fn draft() -> Draft {
        let mut en = Vec::new();
        let mut ru = Vec::new();
        for i in 0..40 {
            match i {
                2 => en.push("Maksim Petrov spoke in Kyiv on Monday.".to_string()),
                35 => en.push("Maxim Petrov left Kyiv on Friday.".to_string()),
                3 | 36 => en.push("Zelensky spoke in Kyiv again.".to_string()),
                30 => en.push(format!("Exports rose by {} percent in the year.", 15)),
                _ => en.push(format!("Sentence number {i} says something else about trade.")),
            }
            match i {
                2 => ru.push("Максим Петров выступил в Киеве в понедельник.".to_string()),
                35 => ru.push("Максим Петров уехал из Киева в пятницу.".to_string()),
                3 | 36 => ru.push("Зеленский снова выступил в Киеве.".to_string()),
                30 => ru.push("Экспорт вырос на 12 процентов за год.".to_string()),
                _ => ru.push(format!("Предложение номер {i} говорит о торговле.")),
            }
        }
        ru.push("Лишнее предложение про 2024 год.".to_string());
        let mut beads: Vec<Bead> = (0..40).map(|i| bead(&[i], &[i])).collect();
        beads.push(bead(&[], &[40]));
        Draft { a: text(Lang::en(), &en), b: text(Lang::ru(), &ru), beads }
    }

    type Key = (CheckKind, Side, usize, Option<usize>, String, Vec<(usize, Option<usize>)>);

    fn key(f: &[Finding]) -> Vec<Key> {
        let places = |f: &Finding| f.occurrences.iter().map(|o| (o.sentence, o.bead)).collect();
        f.iter().map(|f| (f.check, f.side, f.sentence, f.bead, f.found.clone(), places(f))).collect()
    }

    #[test]
    fn incremental_findings_equal_a_full_run_after_each_kind_of_edit() {
        let glossary = Glossary::builtin();
        let ops = [
            Op::Merge { bead: 10 },
            Op::Split { bead: 10, a: 1, b: 1 },
            Op::Move { side: Side::B, sentence: 20, to: crate::serve::edit::Direction::Previous },
            Op::Unalign { side: Side::A, sentence: 30 },
            Op::Link { a: 30, b: 40 },
            Op::SplitSentence { side: Side::A, sentence: 5, at: 9 },
            Op::JoinSentences { side: Side::A, sentence: 5 },
            Op::Merge { bead: 25 },
        ];
        let mut d = draft();
        let mut findings = full(&d, &glossary);
        assert!(findings.iter().any(|f| f.check == CheckKind::NumberMismatch), "{findings:?}");
        assert!(findings.iter().any(|f| f.check == CheckKind::NameInconsistent), "{findings:?}");
        assert!(findings.iter().any(|f| f.times() == 2), "{findings:?}");
        for op in ops {
            let before = d.clone();
            d.apply(&op).unwrap_or_else(|e| panic!("{op:?}: {e}"));
            findings = incremental(&before, &findings, &d, &glossary);
            assert_eq!(key(&findings), key(&full(&d, &glossary)), "after {op:?}");
        }
    }

    #[test]
    fn the_change_of_a_sentence_split_is_one_bead() {
        let old = draft();
        let mut new = old.clone();
        new.apply(&Op::SplitSentence { side: Side::A, sentence: 5, at: 9 }).expect("split");
        assert_eq!(Change::between(&old, &new), Change { old: 5..6, new: 5..6 });
        let mut merged = old.clone();
        merged.apply(&Op::Merge { bead: 3 }).expect("merge");
        assert_eq!(Change::between(&old, &merged), Change { old: 3..5, new: 3..4 });
        assert_eq!(Change::between(&old, &old), Change { old: 41..41, new: 41..41 });
    }
}
