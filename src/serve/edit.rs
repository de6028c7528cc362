//! Corrections of an alignment: the operations the review page sends ([`Op`]) and the
//! pair they change ([`Draft`]: both texts, their sentences and the beads).
//!
//! Pure: no I/O and no checks. Every operation either leaves the draft valid (every
//! sentence of both sides in exactly one bead, no empty bead, each bead's ids on a side
//! consecutive and ascending, beads listed in A order) or refuses with a message and
//! changes nothing. A bead an operation makes or changes gets confidence 1: the editor
//! made it. New beads and sentences are copies of the ones they come from with their
//! ids, text or spans changed, so fields this module does not know pass through.

use crate::model::{Bead, Document, Sentence, Side};
use serde::{Deserialize, Serialize};

/// One correction, as the API takes it: `{"op": "merge", "bead": 3}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Op {
    /// Merge bead `bead` with the next one.
    Merge {
        /// The bead.
        bead: usize,
    },
    /// Split bead `bead` in two: its first `a` sentences of A and first `b` of B stay,
    /// the rest form a new bead right after it.
    Split {
        /// The bead.
        bead: usize,
        /// Sentences of A that stay in the first part.
        a: usize,
        /// Sentences of B that stay in the first part.
        b: usize,
    },
    /// Move a sentence at the edge of its bead into the previous or next bead.
    Move {
        /// The side of the sentence.
        side: Side,
        /// The sentence id on that side.
        sentence: usize,
        /// Where it goes.
        to: Direction,
    },
    /// Take a sentence out of its bead into a bead of its own with nothing on the other
    /// side: an omission (a sentence of the original) or an addition (of the translation).
    Unalign {
        /// The side of the sentence.
        side: Side,
        /// The sentence id on that side.
        sentence: usize,
    },
    /// Pair an unaligned sentence of A with an unaligned sentence of B in one bead at A's
    /// place, even when it crosses other beads (a sentence the translation moved).
    Link {
        /// The sentence of A.
        a: usize,
        /// The sentence of B.
        b: usize,
    },
    /// Split a sentence in two at a character offset (a segmentation error).
    SplitSentence {
        /// The side of the sentence.
        side: Side,
        /// The sentence id on that side.
        sentence: usize,
        /// Offset in characters (Unicode scalar values) into the sentence text.
        at: usize,
    },
    /// Join a sentence with the next one on its side (a segmentation error); both must be
    /// in one bead.
    JoinSentences {
        /// The side of the sentences.
        side: Side,
        /// The first of the two sentence ids.
        sentence: usize,
    },
}

/// Where [`Op::Move`] sends a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The bead before.
    Previous,
    /// The bead after.
    Next,
}

/// Why an operation was refused: a message for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse<T>(message: impl Into<String>) -> Result<T, Refused> {
    Err(Refused(message.into()))
}

/// One side of a pair: the text as read (after extraction) and its segmentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Text {
    /// The text the sentence spans point into.
    pub text: String,
    /// Its language and sentences.
    #[serde(flatten)]
    pub document: Document,
}

/// A pair being corrected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Side A.
    pub a: Text,
    /// Side B.
    pub b: Text,
    /// The beads, in A order.
    pub beads: Vec<Bead>,
}

/// The ids of `side` in `bead`.
pub fn ids(bead: &Bead, side: Side) -> &[usize] {
    match side {
        Side::A => &bead.a,
        Side::B => &bead.b,
    }
}

fn ids_mut(bead: &mut Bead, side: Side) -> &mut Vec<usize> {
    match side {
        Side::A => &mut bead.a,
        Side::B => &mut bead.b,
    }
}

fn other(side: Side) -> Side {
    match side {
        Side::A => Side::B,
        Side::B => Side::A,
    }
}

fn name(side: Side) -> &'static str {
    match side {
        Side::A => "A",
        Side::B => "B",
    }
}

/// Whether `ids` ascend by one.
fn consecutive(ids: &[usize]) -> bool {
    ids.windows(2).all(|w| w[1] == w[0] + 1)
}

/// A copy of `bead` with other ids, made by the editor (confidence 1).
fn made(bead: &Bead, a: Vec<usize>, b: Vec<usize>) -> Bead {
    let mut out = bead.clone();
    out.a = a;
    out.b = b;
    out.score = 1.0;
    out
}

impl Draft {
    /// The side `side`.
    pub fn text(&self, side: Side) -> &Text {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }

    fn text_mut(&mut self, side: Side) -> &mut Text {
        match side {
            Side::A => &mut self.a,
            Side::B => &mut self.b,
        }
    }

    /// The index of the bead holding sentence `id` of `side`.
    pub fn holder(&self, side: Side, id: usize) -> Option<usize> {
        self.beads.iter().position(|b| ids(b, side).contains(&id))
    }

    fn holder_or_refuse(&self, side: Side, id: usize) -> Result<usize, Refused> {
        match self.holder(side, id) {
            Some(k) => Ok(k),
            None => refuse(format!("{} has no sentence {id}", name(side))),
        }
    }

    /// Checks the invariants (see the module documentation).
    ///
    /// # Errors
    /// The first one broken.
    pub fn validate(&self) -> Result<(), String> {
        for side in [Side::A, Side::B] {
            let n = self.text(side).document.sentences.len();
            let mut seen = vec![false; n];
            for (k, bead) in self.beads.iter().enumerate() {
                let list = ids(bead, side);
                if !consecutive(list) {
                    return Err(format!("bead {k}: the {} ids are not consecutive", name(side)));
                }
                for &id in list {
                    match seen.get_mut(id) {
                        None => return Err(format!("bead {k}: {} has no sentence {id}", name(side))),
                        Some(true) => return Err(format!("{} sentence {id} is in two beads", name(side))),
                        Some(slot) => *slot = true,
                    }
                }
            }
            if let Some(id) = seen.iter().position(|s| !s) {
                return Err(format!("{} sentence {id} is in no bead", name(side)));
            }
        }
        if let Some(k) = self.beads.iter().position(|b| b.a.is_empty() && b.b.is_empty()) {
            return Err(format!("bead {k} is empty"));
        }
        let firsts: Vec<usize> = self.beads.iter().filter_map(|b| b.a.first().copied()).collect();
        if !firsts.windows(2).all(|w| w[0] < w[1]) {
            return Err("the beads are not in A order".into());
        }
        Ok(())
    }

    /// Applies `op`; on refusal the draft is unchanged.
    ///
    /// # Errors
    /// [`Refused`] with what was wrong and what to do instead.
    pub fn apply(&mut self, op: &Op) -> Result<(), Refused> {
        match *op {
            Op::Merge { bead } => self.merge(bead),
            Op::Split { bead, a, b } => self.split(bead, a, b),
            Op::Move { side, sentence, to } => self.move_sentence(side, sentence, to),
            Op::Unalign { side, sentence } => self.unalign(side, sentence),
            Op::Link { a, b } => self.link(a, b),
            Op::SplitSentence { side, sentence, at } => self.split_sentence(side, sentence, at),
            Op::JoinSentences { side, sentence } => self.join_sentences(side, sentence),
        }
    }

    fn merge(&mut self, k: usize) -> Result<(), Refused> {
        if k + 1 >= self.beads.len() {
            return refuse(format!("bead {k} has no next bead to merge with"));
        }
        let (first, second) = (&self.beads[k], &self.beads[k + 1]);
        let join = |x: &[usize], y: &[usize]| {
            let mut v = [x, y].concat();
            v.sort_unstable();
            v
        };
        let (a, b) = (join(&first.a, &second.a), join(&first.b, &second.b));
        if !consecutive(&b) {
            return refuse(format!(
                "beads {k} and {} are not next to each other in B (one holds a moved sentence): \
                 take the sentence out first",
                k + 1
            ));
        }
        self.beads[k] = made(first, a, b);
        self.beads.remove(k + 1);
        Ok(())
    }

    fn split(&mut self, k: usize, at_a: usize, at_b: usize) -> Result<(), Refused> {
        let Some(bead) = self.beads.get(k) else { return refuse(format!("there is no bead {k}")) };
        if at_a > bead.a.len() || at_b > bead.b.len() {
            return refuse(format!(
                "bead {k} has {} sentences of A and {} of B; cannot keep {at_a} and {at_b}",
                bead.a.len(),
                bead.b.len()
            ));
        }
        let (a1, a2) = bead.a.split_at(at_a);
        let (b1, b2) = bead.b.split_at(at_b);
        if (a1.is_empty() && b1.is_empty()) || (a2.is_empty() && b2.is_empty()) {
            return refuse(format!("splitting bead {k} there leaves one part empty"));
        }
        let first = made(bead, a1.to_vec(), b1.to_vec());
        let second = made(bead, a2.to_vec(), b2.to_vec());
        self.beads[k] = first;
        self.beads.insert(k + 1, second);
        Ok(())
    }

    fn move_sentence(&mut self, side: Side, id: usize, to: Direction) -> Result<(), Refused> {
        let k = self.holder_or_refuse(side, id)?;
        let here = ids(&self.beads[k], side);
        let (target, at_edge, edge) = match to {
            Direction::Previous => (k.checked_sub(1), here.first() == Some(&id), "first"),
            Direction::Next => {
                (Some(k + 1).filter(|&t| t < self.beads.len()), here.last() == Some(&id), "last")
            }
        };
        if !at_edge {
            return refuse(format!(
                "only the {edge} sentence of a bead can move there ({} {id} is not): split the bead first",
                name(side)
            ));
        }
        let Some(t) = target else {
            return refuse(format!(
                "bead {k} has no {} bead",
                if to == Direction::Next { "next" } else { "previous" }
            ));
        };
        let mut into = ids(&self.beads[t], side).to_vec();
        into.push(id);
        into.sort_unstable();
        if !consecutive(&into) {
            return refuse(format!(
                "{} {id} does not follow on from bead {t} (a moved sentence stands between them)",
                name(side)
            ));
        }
        let rest: Vec<usize> = here.iter().copied().filter(|&x| x != id).collect();
        let (mut source, mut dest) = (self.beads[k].clone(), self.beads[t].clone());
        *ids_mut(&mut source, side) = rest;
        *ids_mut(&mut dest, side) = into;
        self.beads[t] = made(&dest, dest.a.clone(), dest.b.clone());
        if source.a.is_empty() && source.b.is_empty() {
            self.beads.remove(k);
        } else {
            self.beads[k] = made(&source, source.a.clone(), source.b.clone());
        }
        Ok(())
    }

    fn unalign(&mut self, side: Side, id: usize) -> Result<(), Refused> {
        let k = self.holder_or_refuse(side, id)?;
        let bead = &self.beads[k];
        let (mine, theirs) = (ids(bead, side), ids(bead, other(side)));
        if mine.len() == 1 && theirs.is_empty() {
            return refuse(format!("{} {id} is already in a bead of its own", name(side)));
        }
        let pos = mine.iter().position(|&x| x == id).unwrap_or(0);
        if mine.len() > 1 && pos != 0 && pos + 1 != mine.len() {
            return refuse(format!(
                "{} {id} is in the middle of bead {k}: only its first or last sentence can be taken out; \
                 split the bead first",
                name(side)
            ));
        }
        let before = if mine.len() == 1 { side == Side::A } else { pos == 0 };
        let mut alone = bead.clone();
        *ids_mut(&mut alone, side) = vec![id];
        ids_mut(&mut alone, other(side)).clear();
        let alone = made(&alone, alone.a.clone(), alone.b.clone());
        let mut rest = bead.clone();
        ids_mut(&mut rest, side).retain(|&x| x != id);
        self.beads[k] = made(&rest, rest.a.clone(), rest.b.clone());
        self.beads.insert(if before { k } else { k + 1 }, alone);
        Ok(())
    }

    fn link(&mut self, i: usize, j: usize) -> Result<(), Refused> {
        let ka = self.holder_or_refuse(Side::A, i)?;
        let kb = self.holder_or_refuse(Side::B, j)?;
        if !self.beads[ka].b.is_empty() {
            return refuse(format!(
                "A {i} is aligned in bead {ka}: take it out of its bead first, then link it"
            ));
        }
        if !self.beads[kb].a.is_empty() {
            return refuse(format!(
                "B {j} is aligned in bead {kb}: take it out of its bead first, then link it"
            ));
        }
        let mut out = Vec::with_capacity(self.beads.len() + 2);
        for (k, bead) in self.beads.iter().enumerate() {
            if k == ka {
                let (before, after): (Vec<usize>, Vec<usize>) = bead.a.iter().partition(|&&x| x < i);
                let after: Vec<usize> = after.into_iter().filter(|&x| x != i).collect();
                if !before.is_empty() {
                    out.push(made(bead, before, Vec::new()));
                }
                // Two sentences from different places: the translation moved one of them.
                out.push(Bead { moved: ka.abs_diff(kb) > 1, ..made(bead, vec![i], vec![j]) });
                if !after.is_empty() {
                    out.push(made(bead, after, Vec::new()));
                }
            } else if k == kb {
                let (before, after): (Vec<usize>, Vec<usize>) = bead.b.iter().partition(|&&x| x < j);
                let after: Vec<usize> = after.into_iter().filter(|&x| x != j).collect();
                for part in [before, after] {
                    if !part.is_empty() {
                        out.push(made(bead, Vec::new(), part));
                    }
                }
            } else {
                out.push(bead.clone());
            }
        }
        self.beads = out;
        Ok(())
    }

    fn split_sentence(&mut self, side: Side, id: usize, at: usize) -> Result<(), Refused> {
        let text = self.text(side);
        let Some(sentence) = text.document.sentences.get(id) else {
            return refuse(format!("{} has no sentence {id}", name(side)));
        };
        let Some(cut) = sentence.text.char_indices().nth(at).map(|(b, _)| b).filter(|_| at > 0) else {
            return refuse(format!("{at} is not a place inside {} {id}", name(side)));
        };
        let (left, right) = (sentence.text[..cut].trim_end(), sentence.text[cut..].trim_start());
        if left.is_empty() || right.is_empty() {
            return refuse("a split must leave words on both sides of the cut");
        }
        let right_start = cut + (sentence.text[cut..].len() - right.len());
        let offset = text_offset(&text.text, sentence);
        let byte = sentence.bytes.start + offset + right_start;
        let chars_before = |bytes: usize| match text.text.get(sentence.bytes.start..bytes) {
            Some(s) => s.chars().count(),
            None => sentence.text[..right_start].chars().count(),
        };
        let char_at = sentence.chars.start + chars_before(byte);
        let mut first = sentence.clone();
        first.text = left.to_string();
        first.bytes = sentence.bytes.start..byte;
        first.chars = sentence.chars.start..char_at;
        let mut second = sentence.clone();
        second.text = right.to_string();
        second.bytes = byte..sentence.bytes.end;
        second.chars = char_at..sentence.chars.end;
        let k = self.holder_or_refuse(side, id)?;
        let sentences = &mut self.text_mut(side).document.sentences;
        sentences[id] = first;
        sentences.insert(id + 1, second);
        for bead in &mut self.beads {
            for x in ids_mut(bead, side).iter_mut().filter(|x| **x > id) {
                *x += 1;
            }
        }
        let list = ids_mut(&mut self.beads[k], side);
        let pos = list.iter().position(|&x| x == id).map_or(list.len(), |p| p + 1);
        list.insert(pos, id + 1);
        let bead = &self.beads[k];
        self.beads[k] = made(bead, bead.a.clone(), bead.b.clone());
        Ok(())
    }

    fn join_sentences(&mut self, side: Side, id: usize) -> Result<(), Refused> {
        let k = self.holder_or_refuse(side, id)?;
        let k2 = self.holder_or_refuse(side, id + 1)?;
        if k != k2 {
            return refuse(format!(
                "{s} {id} and {s} {} are in different beads ({k} and {k2}): merge the beads first",
                id + 1,
                s = name(side)
            ));
        }
        let text = self.text(side);
        let (left, right) = (&text.document.sentences[id], &text.document.sentences[id + 1]);
        let start = left.bytes.start + text_offset(&text.text, left);
        let end = right.bytes.start + text_offset(&text.text, right) + right.text.len();
        let joined = match text.text.get(start..end) {
            Some(s) if s.starts_with(&left.text) && s.ends_with(&right.text) => s.to_string(),
            _ => format!("{} {}", left.text, right.text),
        };
        let mut sentence = left.clone();
        sentence.text = joined;
        sentence.bytes = left.bytes.start..right.bytes.end;
        sentence.chars = left.chars.start..right.chars.end;
        let sentences = &mut self.text_mut(side).document.sentences;
        sentences[id] = sentence;
        sentences.remove(id + 1);
        ids_mut(&mut self.beads[k], side).retain(|&x| x != id + 1);
        for bead in &mut self.beads {
            for x in ids_mut(bead, side).iter_mut().filter(|x| **x > id + 1) {
                *x -= 1;
            }
        }
        let bead = &self.beads[k];
        self.beads[k] = made(bead, bead.a.clone(), bead.b.clone());
        Ok(())
    }
}

/// Where a sentence's text starts inside its span of `source` (0 when the span does not
/// hold it, e.g. a hand-made document).
fn text_offset(source: &str, sentence: &Sentence) -> usize {
    source.get(sentence.bytes.clone()).and_then(|span| span.find(&sentence.text)).unwrap_or(0)
}

#[cfg(test)]
mod tests;
