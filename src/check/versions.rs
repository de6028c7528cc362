//! `version-name`: two English versions of one original (BelTA's and news.by's) that spell
//! one name differently: `Aleksandr`/`Alexander`, `Zelenskyy`/`Zelensky`, `BelTA`/`BELTA`,
//! `EAEU`/`EAEC`.
//!
//! Each version's name words are collected from its text (furniture, datelines and
//! title-case headlines aside): capitalised words, and acronyms of two to six capitals. A
//! word one version writes and the other never does differs from a word of the other when
//! the two are one name spelled two ways: the same letters in other capitals, romanisation
//! variants ([`super::spelling::variants`]), or acronyms of as many letters that differ in
//! one (not the first). First names count only before the same surname. The version that
//! departs is the one whose spelling the glossary (under the profile) does not have; for
//! two glossary terms (`EAEU`, `EAEC`), the one the original does not name when it is given;
//! else version A, the version under check, with version B's spelling expected. Every place
//! of the departing spelling is one finding's occurrences.

use super::{Original, Pair, names, spelling};
use crate::model::{Alignment, CheckKind, Finding, Severity, Side};
use crate::numbers::{self, Measure, NumberToken, Quantity};
use crate::text::words;
use std::collections::HashMap;
use std::ops::Range;

/// The name words of one version: where each stands and the names that follow it.
#[derive(Default)]
struct Spellings {
    /// Surfaces in first-seen order.
    order: Vec<String>,
    /// Per surface: (sentence, byte span) of each occurrence.
    places: HashMap<String, Vec<(usize, Range<usize>)>>,
    /// Per surface: the name words that follow it after one space.
    followers: HashMap<String, Vec<String>>,
}

/// Two to six capitals (`EAEU`, `BELTA`, `CIS`).
fn acronym(word: &str) -> bool {
    (2..=6).contains(&word.chars().count()) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// The name words of the translation side of `pair`.
fn collect(pair: &Pair<'_>) -> Spellings {
    let mut out = Spellings::default();
    for i in 0..pair.en.len() {
        let Some(start) = pair.en_body_start(i) else { continue };
        let text = pair.en_text(i);
        let headline = pair.is_headline(true, i);
        let ws: Vec<_> = words(text).into_iter().filter(|w| w.span.start >= start).collect();
        for (k, w) in ws.iter().enumerate() {
            let surface = &text[w.span.clone()];
            let is_acronym = acronym(surface) && !headline;
            if !names::is_name(surface, k == 0) && !is_acronym {
                continue;
            }
            if !out.places.contains_key(surface) {
                out.order.push(surface.to_string());
            }
            out.places.entry(surface.to_string()).or_default().push((i, w.span.clone()));
            if let Some(next) = ws.get(k + 1) {
                let follower = &text[next.span.clone()];
                if text[w.span.end..next.span.start] == *" " && names::is_name(follower, false) {
                    let list = out.followers.entry(surface.to_string()).or_default();
                    if !list.iter().any(|f| f == follower) {
                        list.push(follower.to_string());
                    }
                }
            }
        }
    }
    out
}

/// Whether two written words are one name spelled two ways (see the module documentation).
fn one_name(x: &str, y: &str) -> bool {
    if x == y {
        return false;
    }
    if x.to_lowercase() == y.to_lowercase() {
        return x.chars().count() >= 3;
    }
    match (acronym(x), acronym(y)) {
        (true, true) => {
            let (a, b): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
            a.len() == b.len()
                && a.len() >= 3
                && a[0] == b[0]
                && a.iter().zip(&b).filter(|(p, q)| p != q).count() == 1
        }
        (false, false) => spelling::variants(x, y),
        _ => false,
    }
}

/// Whether two words may name one person: first names only before one surname.
fn same_person(x: &str, sa: &Spellings, y: &str, sb: &Spellings) -> bool {
    let (fx, fy) = (sa.followers.get(x), sb.followers.get(y));
    match (fx, fy) {
        (Some(fx), Some(fy)) if !fx.is_empty() && !fy.is_empty() => {
            fx.iter().any(|a| fy.iter().any(|b| a == b || spelling::variants(a, b)))
        }
        _ => true,
    }
}

/// The glossary's house spelling of a word at its places in a version, if any place is
/// in a glossary term.
fn house(pair: &Pair<'_>, s: &Spellings, word: &str) -> Option<String> {
    s.places.get(word)?.iter().find_map(|(i, span)| names::house_word(pair, *i, span, word))
}

/// The glossary entries of the terms a word stands in, in a version.
fn entries(pair: &Pair<'_>, s: &Spellings, word: &str) -> Vec<usize> {
    let Some(places) = s.places.get(word) else { return Vec::new() };
    places
        .iter()
        .flat_map(|(i, span)| {
            pair.en_terms(*i)
                .iter()
                .filter(|m| m.span.start <= span.start && span.end <= m.span.end)
                .map(|m| m.entry)
        })
        .collect()
}

/// `version-name` findings. `a` reads version A as the translation, `b` version B;
/// `original` holds the glossary entries the original names, when it is given.
pub(crate) fn check(a: &Pair<'_>, b: &Pair<'_>, original: Option<&[usize]>) -> Vec<Finding> {
    let (sa, sb) = (collect(a), collect(b));
    let mut out = Vec::new();
    for x in sa.order.iter().filter(|x| !sb.places.contains_key(*x)) {
        for y in sb.order.iter().filter(|y| !sa.places.contains_key(*y)) {
            if !one_name(x, y) || !same_person(x, &sa, y, &sb) {
                continue;
            }
            let (hx, hy) = (house(a, &sa, x), house(b, &sb, y));
            let is_house = |w: &str| hx.as_deref() == Some(w) || hy.as_deref() == Some(w);
            // Version A departs unless the glossary has B's spelling wrong and A's right.
            let mut a_departs = !is_house(x) || is_house(y);
            let mut why = match (&hx, &hy) {
                (Some(h), _) | (_, Some(h)) => format!(" (the glossary's house spelling is '{h}')"),
                _ => String::new(),
            };
            if let Some(named) = original {
                let (ex, ey) = (entries(a, &sa, x), entries(b, &sb, y));
                let (x_there, y_there) =
                    (ex.iter().any(|e| named.contains(e)), ey.iter().any(|e| named.contains(e)));
                if x_there != y_there {
                    a_departs = y_there;
                    let right = if y_there { y } else { x };
                    why = format!(" (the original names the {right})");
                }
            }
            let (pair, spellings, found, other) = if a_departs { (a, &sa, x, y) } else { (b, &sb, y, x) };
            let expected = match (a_departs, &hx, &hy) {
                (true, Some(h), _) | (true, None, Some(h)) if h != x => h.clone(),
                (false, _, Some(h)) | (false, Some(h), None) if h != y => h.clone(),
                _ => other.clone(),
            };
            let message = format!(
                "{} writes '{found}' where {} writes '{other}'{why}: one name, two spellings",
                pair.en_label, pair.orig_label
            );
            for (i, span) in &spellings.places[found] {
                let mut f = pair.en_finding(CheckKind::VersionName, Severity::Error, *i, found);
                f.message.clone_from(&message);
                f.expected = Some(expected.clone());
                f.span = Some(span.clone());
                out.push(f);
            }
        }
    }
    out
}

/// For each sentence of a version, the original sentences its bead holds.
fn to_original(alignment: &Alignment, len: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); len];
    for bead in &alignment.beads {
        for &i in &bead.a {
            if let Some(slot) = out.get_mut(i) {
                slot.extend(bead.b.iter().copied());
            }
        }
    }
    out
}

/// The quantities of original sentences `ids`, with their units.
fn quantities(original: &Original<'_>, ids: &[usize]) -> Vec<(Quantity, Option<Measure>)> {
    let mut out = Vec::new();
    for &j in ids {
        let (Some(s), Some(n)) = (original.doc.0.sentences.get(j), original.doc.1.get(j)) else { continue };
        for t in &n.numbers {
            out.push((t.value.clone(), numbers::measure(&s.text, &t.span).map(|(m, _)| m)));
        }
    }
    out
}

/// Whether the original's quantities back a version's quantity: one of its value, in
/// the same unit when both have units of one dimension.
fn backed(there: &[(Quantity, Option<Measure>)], value: &Quantity, unit: Option<&Measure>) -> bool {
    there.iter().any(|(q, m)| {
        q.compatible(value)
            && match (m, unit) {
                (Some(m), Some(u)) if m.comparable(u) => m.same(u),
                _ => true,
            }
    })
}

/// The quantity of the finding's sentence where its span starts.
fn token_at<'p>(pair: &'p Pair<'_>, f: &Finding) -> Option<&'p NumberToken> {
    let notes = if f.side == pair.en_side { pair.en_notes } else { pair.orig_notes };
    let span = f.span.as_ref()?;
    notes.get(f.sentence)?.numbers.iter().find(|t| t.span.start == span.start)
}

/// Says of each difference between the versions which one departs from the original: a
/// sentence one version has alone is left out by the other when the original has it
/// (`omission`), added by the one when it has not (`addition`); a number the versions
/// give differently departs in the version the original does not back (the finding moves
/// to that version's sentence); a number one version has alone is left out by the other or
/// added by the one.
pub(crate) fn attribute(findings: &mut [Finding], pair: &Pair<'_>, original: &Original<'_>) {
    let maps = [to_original(original.a, pair.en.len()), to_original(original.b, pair.orig.len())];
    let label = |side: Side| if side == Side::A { "version A" } else { "version B" };
    let other = |side: Side| if side == Side::A { Side::B } else { Side::A };
    for f in findings.iter_mut() {
        let ids = &maps[usize::from(f.side == Side::B)];
        let orig_ids = ids.get(f.sentence).cloned().unwrap_or_default();
        match f.check {
            CheckKind::Omission | CheckKind::Addition => {
                let prose = orig_ids
                    .iter()
                    .any(|&j| original.doc.0.sentences.get(j).is_some_and(|s| !s.is_furniture()));
                let (me, them) = (label(f.side), label(other(f.side)));
                if prose {
                    f.check = CheckKind::Omission;
                    let at: Vec<String> = orig_ids.iter().map(usize::to_string).collect();
                    f.message = format!(
                        "this sentence of {me} is in the original (sentence {}) but not in {them}: {them} leaves it out",
                        at.join(", ")
                    );
                } else {
                    f.check = CheckKind::Addition;
                    f.message =
                        format!("this sentence of {me} is not in the original nor in {them}: {me} adds it");
                }
            }
            CheckKind::NumberMismatch => number(f, pair, original, &maps),
            _ => {}
        }
    }
}

/// [`attribute`] for one number finding.
fn number(f: &mut Finding, pair: &Pair<'_>, original: &Original<'_>, maps: &[Vec<Vec<usize>>; 2]) {
    let Some(token) = token_at(pair, f) else { return };
    let mine = token.value.clone();
    let orig_ids = maps[usize::from(f.side == Side::B)].get(f.sentence).cloned().unwrap_or_default();
    let there = quantities(original, &orig_ids);
    let my_text = if f.side == pair.en_side { pair.en_text(f.sentence) } else { pair.orig_text(f.sentence) };
    let my_unit = numbers::measure(my_text, &token.span).map(|(m, _)| m);
    let backs = |q: &Quantity| backed(&there, q, my_unit.as_ref());
    let me = if f.side == Side::A { "version A" } else { "version B" };
    let them = if f.side == Side::A { "version B" } else { "version A" };
    if f.severity < Severity::Error {
        f.message = if backs(&mine) {
            format!(
                "'{}' ({}) is in {me} and in the original but not in {them}: {them} leaves it out",
                f.found,
                mine.display()
            )
        } else {
            format!("'{}' ({}) is in {me} only, not in the original: {me} adds it", f.found, mine.display())
        };
        return;
    }
    // A changed number, found on version A with version B's value expected.
    let Some(bead) = f.bead.and_then(|k| pair.beads.get(k)) else { return };
    let expected = f.expected.clone().unwrap_or_default();
    let theirs = bead.1.iter().find_map(|&j| {
        let text = pair.orig_text(j);
        pair.orig_notes
            .get(j)?
            .numbers
            .iter()
            .find(|t| {
                t.value.display() == expected
                    || expected.starts_with(&text[t.span.clone()]) && t.value == mine
            })
            .map(|t| (j, t))
    });
    let Some((j, token)) = theirs else { return };
    let b_ids = maps[1].get(j).cloned().unwrap_or_default();
    let b_unit = numbers::measure(pair.orig_text(j), &token.span).map(|(m, _)| m);
    let b_backed = backed(&quantities(original, &b_ids), &token.value, b_unit.as_ref());
    if backs(&mine) && !b_backed {
        let text = pair.orig_text(j);
        f.side = Side::B;
        f.sentence = j;
        f.found = text[token.span.clone()].to_string();
        f.expected = Some(mine.display());
        f.span = Some(token.span.clone());
        f.message = format!(
            "version B says '{}' where version A and the original say {}: version B departs from the original",
            f.found,
            f.expected.clone().unwrap_or_default()
        );
    } else if b_backed && !backs(&mine) {
        f.message = format!(
            "version A says '{}' where version B and the original say {expected}: version A departs from the \
             original",
            f.found
        );
    } else {
        f.message.push_str("; the original does not settle which is right");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_two_spellings() {
        for (x, y) in [
            ("Aleksandr", "Alexander"),
            ("Zelenskyy", "Zelensky"),
            ("BelTA", "BELTA"),
            ("EAEU", "EAEC"),
            ("Maksim", "Maxim"),
        ] {
            assert!(one_name(x, y), "{x} / {y}");
        }
        for (x, y) in
            [("CIS", "SCO"), ("EU", "UN"), ("Russia", "Russian"), ("USA", "USSR"), ("Minsk", "Minsk")]
        {
            assert!(!one_name(x, y), "{x} / {y}");
        }
    }
}
