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
//! an alignment shift, not a changed number. Numbers written out count like digits but are
//! never reported alone (`twenty` beside `dozens`). One value in two units of one dimension
//! (`32 kg/ha` for `32 ц/га`) is a changed quantity; one amount in two units (`5,000 kg`
//! for `5 т`) is not. Furniture (a date stamp, a credit) is the agency's: its quantities
//! count against the other side but are reported only as two stamps' different dates. A
//! sentence the segmenter took for a stamp but that reads as text (a verb, a full stop) is
//! text.

use super::Pair;
use crate::model::{CheckKind, Finding, Severity, Side};
use crate::numbers::{self, Measure, NumberToken, Quantity};

/// A quantity with where it came from.
#[derive(Clone)]
struct Found {
    sentence: usize,
    text: String,
    value: Quantity,
    span: std::ops::Range<usize>,
    measure: Option<Measure>,
    /// The quantity with its unit (`32 ц/га`).
    with_unit: String,
    /// In furniture: counts against the other side, never reported alone.
    furniture: bool,
}

impl Found {
    /// Written with digits (not `twenty`, `XXI`, `October`).
    fn digits(&self) -> bool {
        self.text.chars().any(|c| c.is_ascii_digit())
    }
}

fn collect<'t>(
    ids: &[usize],
    text_of: impl Fn(usize) -> &'t str,
    numbers_of: impl Fn(usize) -> &'t [NumberToken],
    furniture: impl Fn(usize) -> bool,
) -> Vec<Found> {
    let mut out = Vec::new();
    for &id in ids {
        let text = text_of(id);
        let furniture = furniture(id) && !reads_as_text(text);
        for NumberToken { value, span } in numbers_of(id) {
            let measured = numbers::measure(text, span);
            let with_unit = measured.map_or(span.end, |(_, end)| end);
            out.push(Found {
                sentence: id,
                text: text[span.clone()].to_string(),
                value: value.clone(),
                span: span.clone(),
                measure: measured.map(|(m, _)| m),
                with_unit: text[span.start..with_unit].to_string(),
                furniture,
            });
        }
    }
    out
}

/// Whether a line reads as running text: it ends with a full stop, `!` or `?` and has a
/// word in lower case of five letters or more that is not a month (`Стороны встретились 5
/// мая.`; not `25 октября 2024 г.`, `Posted: 25.10.2024`).
fn reads_as_text(text: &str) -> bool {
    let ends = text.trim_end().ends_with(['.', '!', '?']);
    ends && crate::text::words(text).iter().any(|w| {
        let surface = &text[w.span.clone()];
        !w.capital
            && surface.chars().count() >= 5
            && surface.chars().all(char::is_alphabetic)
            && !crate::text::tables::calendar()
                .iter()
                .any(|c| c.month().is_some() && c.forms.contains(&w.norm.as_str()))
    })
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

/// Whether a quantity left without a counterpart is worth a warning: a percentage, a full
/// date, or a number of two digits or more, written with digits, that the other side does
/// not write out in words nor have as digits inside a name (`«24 часа»`, `Су-35`).
fn matters(q: &Found, other_words: &[String], other_text: &str) -> bool {
    if q.furniture
        || !q.digits()
        || digit_runs(other_text).any(|run| digit_runs(&q.text).any(|mine| mine == run))
    {
        return false;
    }
    match &q.value {
        Quantity::Percent(_) => true,
        Quantity::Date { day, .. } => day.is_some(),
        Quantity::Number(n) => {
            let digits = n.chars().filter(char::is_ascii_digit).count();
            digits >= 2 && !other_words.iter().any(|w| w == n)
        }
    }
}

/// The runs of digits of a text (`Су-35` → `35`).
fn digit_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_digit()).filter(|r| r.len() >= 2)
}

/// Whether two quantities of one value are written in different units of one dimension.
fn other_unit(a: &Found, b: &Found) -> bool {
    match (&a.measure, &b.measure) {
        (Some(x), Some(y)) => x.comparable(y) && !x.same(y),
        _ => false,
    }
}

/// Whether two different values are one amount in two units (`5,000 kg`, `5 т`).
fn converted(a: &Found, b: &Found) -> bool {
    let (Some(x), Some(y)) = (&a.measure, &b.measure) else { return false };
    let (Some(va), Some(vb)) = (numeric(&a.value), numeric(&b.value)) else { return false };
    let (Ok(va), Ok(vb)) = (va.parse::<f64>(), vb.parse::<f64>()) else { return false };
    x.comparable(y) && (x.convert(va, y) - vb).abs() <= 1e-9 * vb.abs().max(1.0)
}

/// Removes compatible pairs; returns the leftovers of both sides and the pairs of one
/// value in different units.
fn unmatched(mut orig: Vec<Found>, mut en: Vec<Found>) -> (Vec<Found>, Vec<Found>, Vec<(Found, Found)>) {
    let mut units = Vec::new();
    let mut k = 0;
    while k < orig.len() {
        if let Some(pos) = en.iter().position(|e| e.value.compatible(&orig[k].value)) {
            let (o, e) = (orig.remove(k), en.remove(pos));
            if other_unit(&o, &e) && !e.furniture {
                units.push((o, e));
            }
        } else {
            k += 1;
        }
    }
    (orig, en, units)
}

/// Quantities of one bead: (original, translation).
type BeadQuantities = (Vec<Found>, Vec<Found>);

/// Findings for every bead of `pair` with both sides; quantities left alone on one side
/// are reported only with `alone_too`.
pub(crate) fn check(pair: &Pair<'_>, alone_too: bool) -> Vec<Finding> {
    let all: Vec<BeadQuantities> = pair
        .beads
        .iter()
        .map(|(en_ids, orig_ids)| {
            let orig = collect(
                orig_ids,
                |j| pair.orig_text(j),
                |j| pair.orig_numbers(j),
                |j| pair.is_furniture(false, j),
            );
            let en =
                collect(en_ids, |i| pair.en_text(i), |i| pair.en_numbers(i), |i| pair.is_furniture(true, i));
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
        let (mut orig, mut en, units) = unmatched(orig.clone(), en.clone());
        out.extend(units.iter().map(|(o, e)| changed(pair, o, e)));
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
        // Changed quantities: pair what is left, kind with kind, in order. A furniture
        // quantity pairs only as two stamps' dates.
        for same_kind in [true, false] {
            let mut n = 0;
            while n < orig.len() {
                let o = &orig[n];
                let fits = |e: &Found| {
                    let furniture = o.furniture || e.furniture;
                    if furniture && !(o.furniture && e.furniture && kind(&o.value) == DATE) {
                        return false;
                    }
                    if same_kind {
                        kind(&e.value) == kind(&o.value)
                    } else {
                        numeric(&e.value).is_some() && numeric(&e.value) == numeric(&o.value)
                    }
                };
                if let Some(pos) = en.iter().position(fits) {
                    let e = en.remove(pos);
                    let o = orig.remove(n);
                    if !converted(&o, &e) {
                        out.push(changed(pair, &o, &e));
                    }
                } else {
                    n += 1;
                }
            }
        }
        if !alone_too {
            continue;
        }
        let en_text: String = en_ids.iter().map(|&i| pair.en_text(i)).collect::<Vec<_>>().join(" ");
        let orig_text: String = orig_ids.iter().map(|&j| pair.orig_text(j)).collect::<Vec<_>>().join(" ");
        let en_words = numbers::word_values(&en_text);
        let orig_words = numbers::word_values(&orig_text);
        for o in orig.iter().filter(|o| matters(o, &en_words, &en_text)) {
            out.push(alone(pair, o, pair.orig_side));
        }
        for e in en.iter().filter(|e| matters(e, &orig_words, &orig_text)) {
            out.push(alone(pair, e, pair.en_side));
        }
    }
    out
}

fn changed(pair: &Pair<'_>, o: &Found, e: &Found) -> Finding {
    let mut f = pair.en_finding(CheckKind::NumberMismatch, Severity::Error, e.sentence, &e.text);
    let unit = e.value == o.value;
    f.message = if unit {
        format!(
            "{} says '{}' but {} says '{}': the same number in another unit",
            pair.orig_label, o.with_unit, pair.en_label, e.with_unit
        )
    } else {
        format!(
            "{} says '{}' ({}) but {} says '{}' ({})",
            pair.orig_label,
            o.text,
            o.value.display(),
            pair.en_label,
            e.text,
            e.value.display()
        )
    };
    if unit {
        f.found.clone_from(&e.with_unit);
    }
    f.expected = Some(if unit { o.with_unit.clone() } else { o.value.display() });
    f.span = Some(e.span.start..e.span.start + e.with_unit.len());
    f
}

fn alone(pair: &Pair<'_>, q: &Found, side: Side) -> Finding {
    let mut f = if side == pair.en_side {
        pair.en_finding(CheckKind::NumberMismatch, Severity::Warning, q.sentence, &q.text)
    } else {
        pair.orig_finding(CheckKind::NumberMismatch, Severity::Warning, q.sentence, &q.text)
    };
    f.message = if side == pair.en_side {
        format!("'{}' ({}) is in {} but not in {}", q.text, q.value.display(), pair.en_label, pair.orig_label)
    } else {
        format!("'{}' ({}) is in {} but not in {}", q.text, q.value.display(), pair.orig_label, pair.en_label)
    };
    f.span = Some(q.span.clone());
    f
}
