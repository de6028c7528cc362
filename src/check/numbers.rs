//! `number-mismatch`: the numbers, percentages and dates of a bead's original and of
//! its translation, normalised by [`crate::numbers`], that do not agree.
//!
//! Quantities are paired when compatible (equal value; dates whose known parts agree).
//! What is left is paired in order, kind with kind (number with number, percentage
//! with percentage, date with date, then a number with a percentage of the same
//! value): each such pair is an error ("the original says 2023, the translation
//! 2024"). A quantity left alone on one side is a warning only when it matters: a
//! percentage, a full date, or a number of two digits or more not written out in
//! words on the other side; small numbers and bare months are often rephrased. A
//! quantity that the other side has in a neighbouring bead is not reported: that is
//! an alignment shift, not a changed number.

use super::Pair;
use crate::model::{CheckKind, Finding, Severity, Side};
use crate::numbers::{self, NumberToken, Quantity};

/// A quantity with where it came from.
#[derive(Clone)]
struct Found {
    sentence: usize,
    text: String,
    value: Quantity,
    span: std::ops::Range<usize>,
}

fn collect<'t>(
    ids: &[usize],
    text_of: impl Fn(usize) -> &'t str,
    numbers_of: impl Fn(usize) -> &'t [NumberToken],
) -> Vec<Found> {
    let mut out = Vec::new();
    for &id in ids {
        let text = text_of(id);
        for NumberToken { value, span } in numbers_of(id) {
            out.push(Found {
                sentence: id,
                text: text[span.clone()].to_string(),
                value: value.clone(),
                span: span.clone(),
            });
        }
    }
    out
}

/// The kind code of a date ([`kind`]).
const DATE: u8 = 2;

fn kind(q: &Quantity) -> u8 {
    match q {
        Quantity::Number(_) => 0,
        Quantity::Percent(_) => 1,
        Quantity::Date { .. } => 2,
    }
}

fn numeric(q: &Quantity) -> Option<&str> {
    match q {
        Quantity::Number(n) | Quantity::Percent(n) => Some(n),
        Quantity::Date { .. } => None,
    }
}

/// Whether a quantity left without a counterpart is worth a warning.
fn matters(q: &Quantity, other_words: &[String]) -> bool {
    match q {
        Quantity::Percent(_) => true,
        Quantity::Date { day, .. } => day.is_some(),
        Quantity::Number(n) => {
            let digits = n.chars().filter(char::is_ascii_digit).count();
            digits >= 2 && !other_words.iter().any(|w| w == n)
        }
    }
}

/// Removes compatible pairs; returns the leftovers of both sides.
fn unmatched(mut orig: Vec<Found>, mut en: Vec<Found>) -> (Vec<Found>, Vec<Found>) {
    let mut k = 0;
    while k < orig.len() {
        if let Some(pos) = en.iter().position(|e| e.value.compatible(&orig[k].value)) {
            en.remove(pos);
            orig.remove(k);
        } else {
            k += 1;
        }
    }
    (orig, en)
}

/// Quantities of one bead: (original, translation).
type BeadQuantities = (Vec<Found>, Vec<Found>);

/// Findings for every bead of `pair` with both sides; quantities left alone on one side
/// are reported only with `alone`.
pub(crate) fn check(pair: &Pair<'_>, alone_too: bool) -> Vec<Finding> {
    let all: Vec<BeadQuantities> = pair
        .beads
        .iter()
        .map(|(en_ids, orig_ids)| {
            // Furniture (a date stamp, a credit) is the agency's, not the translation's;
            // only two stamps aligned together are compared, and only by their dates.
            let stamps = !en_ids.is_empty()
                && !orig_ids.is_empty()
                && en_ids.iter().all(|&i| pair.is_furniture(true, i))
                && orig_ids.iter().all(|&j| pair.is_furniture(false, j));
            let keep = |furniture: bool, q: &Found| !furniture || (stamps && kind(&q.value) == DATE);
            let mut orig = collect(orig_ids, |j| pair.orig_text(j), |j| pair.orig_numbers(j));
            let mut en = collect(en_ids, |i| pair.en_text(i), |i| pair.en_numbers(i));
            orig.retain(|q| keep(pair.is_furniture(false, q.sentence), q));
            en.retain(|q| keep(pair.is_furniture(true, q.sentence), q));
            (orig, en)
        })
        .collect();
    let mut out = Vec::new();
    for (k, (en_ids, orig_ids)) in pair.beads.iter().enumerate() {
        if en_ids.is_empty() || orig_ids.is_empty() {
            continue;
        }
        let (orig, en) = &all[k];
        if orig.is_empty() && en.is_empty() {
            continue;
        }
        let (mut orig, mut en) = unmatched(orig.clone(), en.clone());
        // A quantity found in a neighbouring bead of the other side is an alignment
        // shift (a sentence split or merged differently), not a changed number.
        let near = |f: &Found, side: fn(&BeadQuantities) -> &Vec<Found>| {
            [k.wrapping_sub(1), k + 1]
                .iter()
                .filter_map(|&n| all.get(n))
                .any(|b| side(b).iter().any(|x| x.value.compatible(&f.value)))
        };
        orig.retain(|o| !near(o, |b| &b.1));
        en.retain(|e| !near(e, |b| &b.0));
        // Changed quantities: pair what is left, kind with kind, in order.
        for same_kind in [true, false] {
            let mut n = 0;
            while n < orig.len() {
                let o = &orig[n];
                let fits = |e: &Found| {
                    if same_kind {
                        kind(&e.value) == kind(&o.value)
                    } else {
                        numeric(&e.value).is_some() && numeric(&e.value) == numeric(&o.value)
                    }
                };
                if let Some(pos) = en.iter().position(fits) {
                    let e = en.remove(pos);
                    out.push(changed(pair, &orig.remove(n), &e));
                } else {
                    n += 1;
                }
            }
        }
        let en_text: String = en_ids.iter().map(|&i| pair.en_text(i)).collect::<Vec<_>>().join(" ");
        let orig_text: String = orig_ids.iter().map(|&j| pair.orig_text(j)).collect::<Vec<_>>().join(" ");
        let en_words = numbers::word_values(&en_text);
        let orig_words = numbers::word_values(&orig_text);
        if !alone_too {
            continue;
        }
        for o in orig.iter().filter(|o| matters(&o.value, &en_words)) {
            out.push(alone(pair, o, pair.orig_side));
        }
        for e in en.iter().filter(|e| matters(&e.value, &orig_words)) {
            out.push(alone(pair, e, pair.en_side));
        }
    }
    out
}

fn changed(pair: &Pair<'_>, o: &Found, e: &Found) -> Finding {
    let mut f = pair.en_finding(CheckKind::NumberMismatch, Severity::Error, e.sentence, &e.text);
    f.message = format!(
        "the original says '{}' ({}) but the translation says '{}' ({})",
        o.text,
        o.value.display(),
        e.text,
        e.value.display()
    );
    f.expected = Some(o.value.display());
    f.span = Some(e.span.clone());
    f
}

fn alone(pair: &Pair<'_>, q: &Found, side: Side) -> Finding {
    let mut f = if side == pair.en_side {
        pair.en_finding(CheckKind::NumberMismatch, Severity::Warning, q.sentence, &q.text)
    } else {
        pair.orig_finding(CheckKind::NumberMismatch, Severity::Warning, q.sentence, &q.text)
    };
    f.message = if side == pair.en_side {
        format!("'{}' ({}) is in the translation but not in the original", q.text, q.value.display())
    } else {
        format!("'{}' ({}) is in the original but not in the translation", q.text, q.value.display())
    };
    f.span = Some(q.span.clone());
    f
}
