//! Tests of `edit`.

use super::*;
use crate::model::Lang;

fn text(lang: Lang, raw: &str) -> Text {
    Text { text: raw.to_string(), document: crate::engine::document(raw, Some(lang), true) }
}

fn bead(a: &[usize], b: &[usize]) -> Bead {
    serde_json::from_value(serde_json::json!({"a": a, "b": b, "score": 0.5})).expect("a bead")
}

/// A: 0..5, B: 0..5, aligned 1-1.
fn draft() -> Draft {
    let a = text(Lang::en(), "One.\nTwo.\nThree.\nFour.\nFive.\n");
    let b = text(Lang::ru(), "Один.\nДва.\nТри.\nЧетыре.\nПять.\n");
    Draft { a, b, beads: (0..5).map(|i| bead(&[i], &[i])).collect() }
}

fn shape(d: &Draft) -> Vec<(Vec<usize>, Vec<usize>)> {
    d.beads.iter().map(|b| (b.a.clone(), b.b.clone())).collect()
}

fn s(a: &[usize], b: &[usize]) -> (Vec<usize>, Vec<usize>) {
    (a.to_vec(), b.to_vec())
}

#[test]
fn merge_and_split_are_inverse_and_mark_the_bead_as_the_editors() {
    let mut d = draft();
    d.apply(&Op::Merge { bead: 1 }).expect("merge");
    assert_eq!(shape(&d)[1], s(&[1, 2], &[1, 2]));
    assert_eq!(d.beads[1].score, 1.0);
    assert_eq!(d.beads.len(), 4);
    d.apply(&Op::Split { bead: 1, a: 1, b: 1 }).expect("split");
    assert_eq!(shape(&d), shape(&draft()));
    d.validate().expect("valid");
    assert!(d.apply(&Op::Merge { bead: 4 }).unwrap_err().0.contains("no next bead"));
    assert!(d.apply(&Op::Split { bead: 0, a: 0, b: 0 }).unwrap_err().0.contains("empty"));
    assert!(d.apply(&Op::Split { bead: 0, a: 2, b: 0 }).is_err());
    assert!(d.apply(&Op::Split { bead: 9, a: 0, b: 0 }).is_err());
}

#[test]
fn a_sentence_moves_across_the_edge_of_its_bead() {
    let mut d = draft();
    d.apply(&Op::Move { side: Side::B, sentence: 2, to: Direction::Previous }).expect("move");
    assert_eq!(shape(&d)[1..3], [s(&[1], &[1, 2]), s(&[2], &[])]);
    d.apply(&Op::Move { side: Side::A, sentence: 2, to: Direction::Previous }).expect("move");
    assert_eq!(shape(&d)[1..3], [s(&[1, 2], &[1, 2]), s(&[3], &[3])], "the emptied bead is gone");
    d.validate().expect("valid");
    let err = d.apply(&Op::Move { side: Side::A, sentence: 1, to: Direction::Next }).unwrap_err();
    assert!(err.0.contains("only the last sentence"), "{err}");
    assert!(d.apply(&Op::Move { side: Side::A, sentence: 0, to: Direction::Previous }).is_err());
    assert!(d.apply(&Op::Move { side: Side::A, sentence: 4, to: Direction::Next }).is_err());
    assert!(d.apply(&Op::Move { side: Side::B, sentence: 99, to: Direction::Next }).is_err());
}

#[test]
fn unalign_then_link_makes_a_crossing_bead() {
    let mut d = draft();
    d.apply(&Op::Unalign { side: Side::A, sentence: 1 }).expect("unalign A1");
    assert_eq!(shape(&d)[1..3], [s(&[1], &[]), s(&[], &[1])]);
    assert!(d.apply(&Op::Unalign { side: Side::A, sentence: 1 }).unwrap_err().0.contains("already"));
    d.apply(&Op::Unalign { side: Side::B, sentence: 3 }).expect("unalign B3");
    assert_eq!(shape(&d)[4..6], [s(&[3], &[]), s(&[], &[3])]);
    let err = d.apply(&Op::Link { a: 1, b: 2 }).unwrap_err();
    assert!(err.0.contains("B 2 is aligned"), "{err}");
    // A 1 with B 3: the new bead stands at A 1's place and crosses B 1 and B 2.
    d.apply(&Op::Link { a: 1, b: 3 }).expect("link");
    assert_eq!(
        shape(&d),
        [s(&[0], &[0]), s(&[1], &[3]), s(&[], &[1]), s(&[2], &[2]), s(&[3], &[]), s(&[4], &[4])]
    );
    d.validate().expect("valid, though crossing");
    // The moved bead cannot be merged with its neighbour in A order.
    assert!(d.apply(&Op::Merge { bead: 1 }).unwrap_err().0.contains("not next to each other in B"));
}

#[test]
fn unalign_keeps_a_order_and_refuses_the_middle_of_a_bead() {
    let mut d = draft();
    d.apply(&Op::Merge { bead: 0 }).expect("merge");
    d.apply(&Op::Merge { bead: 0 }).expect("merge");
    assert!(d.apply(&Op::Unalign { side: Side::A, sentence: 1 }).unwrap_err().0.contains("middle"));
    d.apply(&Op::Unalign { side: Side::A, sentence: 0 }).expect("first");
    d.apply(&Op::Unalign { side: Side::B, sentence: 2 }).expect("last");
    assert_eq!(shape(&d)[..3], [s(&[0], &[]), s(&[1, 2], &[0, 1]), s(&[], &[2])]);
    d.validate().expect("valid");
}

#[test]
fn splitting_and_joining_sentences_renumbers_and_keeps_the_spans_tiling() {
    let a = text(Lang::en(), "It rained. Then it stopped.\nNext one.\n");
    let b = text(Lang::ru(), "Шёл дождь, потом перестал.\nСледующее.\n");
    let mut d = Draft { a, b, beads: vec![bead(&[0], &[0]), bead(&[1], &[1])] };
    let at = "It rained.".chars().count() + 1;
    d.apply(&Op::SplitSentence { side: Side::A, sentence: 0, at }).expect("split");
    let texts: Vec<&str> = d.a.document.sentences.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(texts, ["It rained.", "Then it stopped.", "Next one."]);
    assert_eq!(shape(&d), [s(&[0, 1], &[0]), s(&[2], &[1])]);
    for pair in d.a.document.sentences.windows(2) {
        assert_eq!(pair[0].bytes.end, pair[1].bytes.start);
        assert_eq!(pair[0].chars.end, pair[1].chars.start);
    }
    assert_eq!(&d.a.text[d.a.document.sentences[1].bytes.clone()], "Then it stopped.\n");
    let b_at = "Шёл дождь,".chars().count();
    d.apply(&Op::SplitSentence { side: Side::B, sentence: 0, at: b_at }).expect("split B");
    assert_eq!(d.b.document.sentences[1].text, "потом перестал.");
    assert_eq!(d.b.document.sentences[1].chars.start, b_at + 1);
    d.validate().expect("valid");
    d.apply(&Op::JoinSentences { side: Side::A, sentence: 0 }).expect("join");
    assert_eq!(d.a.document.sentences[0].text, "It rained. Then it stopped.");
    assert_eq!(shape(&d), [s(&[0], &[0, 1]), s(&[1], &[2])]);
    let err = d.apply(&Op::JoinSentences { side: Side::A, sentence: 0 }).unwrap_err();
    assert!(err.0.contains("different beads"), "{err}");
    assert!(d.apply(&Op::SplitSentence { side: Side::A, sentence: 1, at: 0 }).is_err());
    assert!(d.apply(&Op::SplitSentence { side: Side::A, sentence: 1, at: 99 }).is_err());
    assert!(d.apply(&Op::SplitSentence { side: Side::A, sentence: 1, at: 4 }).is_ok(), "Next|one.");
    assert!(d.apply(&Op::SplitSentence { side: Side::A, sentence: 0, at: 3 }).is_ok(), "It |rained");
    d.validate().expect("valid");
}

#[test]
fn refused_operations_change_nothing() {
    let ops = [
        Op::Merge { bead: 7 },
        Op::Split { bead: 2, a: 1, b: 1 },
        Op::Move { side: Side::A, sentence: 0, to: Direction::Previous },
        Op::Unalign { side: Side::B, sentence: 40 },
        Op::Link { a: 0, b: 0 },
        Op::SplitSentence { side: Side::B, sentence: 1, at: 0 },
        Op::JoinSentences { side: Side::A, sentence: 4 },
    ];
    for op in ops {
        let mut d = draft();
        assert!(d.apply(&op).is_err(), "{op:?}");
        assert_eq!(d, draft(), "{op:?}");
    }
}

#[test]
fn ops_read_and_write_their_documented_json() {
    let op: Op = serde_json::from_str(r#"{"op":"move","side":"b","sentence":3,"to":"next"}"#).expect("op");
    assert_eq!(op, Op::Move { side: Side::B, sentence: 3, to: Direction::Next });
    let json = serde_json::to_string(&Op::SplitSentence { side: Side::A, sentence: 2, at: 5 }).expect("json");
    assert_eq!(json, r#"{"op":"split-sentence","side":"a","sentence":2,"at":5}"#);
    assert!(serde_json::from_str::<Op>(r#"{"op":"merge","bead":1,"extra":2}"#).is_err());
    assert!(serde_json::from_str::<Op>(r#"{"op":"explode","bead":1}"#).is_err());
}

#[test]
fn validate_names_what_is_broken() {
    let mut d = draft();
    d.beads[1].a = vec![2];
    assert!(d.validate().unwrap_err().contains("two beads"));
    let mut d = draft();
    d.beads.pop();
    assert!(d.validate().unwrap_err().contains("in no bead"));
    let mut d = draft();
    d.beads.swap(0, 1);
    assert!(d.validate().unwrap_err().contains("A order"));
}
