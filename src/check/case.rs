//! `name-inconsistent` for capitals: one name phrase written with two patterns of capitals
//! in one translation (`Novgorod Region` / `Novgorod region`, `Prime Minister` / `Prime
//! minister`, `Council of Ministers` / `Council of ministers`).
//!
//! A name phrase is two to four words of one sentence, separated by spaces, starting and
//! ending with a content word (not `of`, `the`, `and`…), with a capital on a word other
//! than the sentence's first. Every place where the same words stand, case aside, is an
//! occurrence. Occurrences in lower case throughout are the common
//! noun (`the prime minister said`), those starting in lower case a description before a
//! name (`deputy prime minister Leonid Zayats` beside `Deputy Prime Minister Leonid
//! Zayats`), and both are left alone; so are occurrences with a word in capitals (`MINSK`,
//! a headline set in capitals), furniture, datelines and headlines in title case. The
//! capital of a sentence's first word says nothing. When occurrences differ, the expected
//! pattern is the glossary's (an occurrence written exactly as an accepted form of a
//! glossary term), else the one used most (the first seen on a tie); every occurrence of
//! another pattern is reported.

use super::Pair;
use crate::glossary::FormKind;
use crate::model::{CheckKind, Finding, SentenceKind, Severity};
use crate::text::{FastMap, FastSet};
use crate::text::{Word, words};
use std::ops::Range;

/// Words that may stand inside a name phrase but not at its ends.
const CONNECTORS: &[&str] =
    &["a", "an", "and", "at", "by", "de", "for", "in", "of", "on", "the", "to", "upon", "with"];

/// Most words in a name phrase.
const LONGEST: usize = 4;

/// The capitals of one word of an occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    /// Starts with a capital (`Region`, `BelTA`).
    Capital,
    /// Starts in lower case.
    Lower,
    /// The sentence's first word: its capital says nothing.
    Any,
}

/// One place a phrase stands.
struct Occurrence {
    sentence: usize,
    span: Range<usize>,
    shapes: Vec<Shape>,
    /// A title before a name (`Ukrainian President Volodymyr Zelenskyy`): a name follows it.
    title: bool,
    /// Half capitalised: a word capitalised for no reason of its own (not a name or a
    /// nationality) before a word in lower case (`The Prime minister`).
    half: bool,
}

impl Occurrence {
    /// Whether two occurrences are written alike (a sentence's first word fits both).
    fn fits(&self, other: &[Shape]) -> bool {
        self.shapes.iter().zip(other).all(|(a, b)| a == b || *a == Shape::Any || *b == Shape::Any)
    }
}

/// A word that may be part of a name phrase: letters only, not all capitals.
fn letters(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
}

fn all_caps(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

fn shape(w: &Word, first: bool) -> Shape {
    if first {
        Shape::Any
    } else if w.capital {
        Shape::Capital
    } else {
        Shape::Lower
    }
}

/// A headline in title case (every word of four letters or more capitalised, some there):
/// its capitals are the headline's style, not the name's.
fn title_case(text: &str) -> bool {
    let long: Vec<Word> = words(text).into_iter().filter(|w| w.norm.chars().count() >= 4).collect();
    long.len() >= 2 && long.iter().all(|w| w.capital)
}

/// Endings of nationality adjectives, always capitalised (`Ukrainian`, `Chinese`,
/// `Turkish`, `Korean`, `American`).
const NATIONALITY: &[&str] = &["ian", "ese", "ish", "ean", "ican"];

/// A word of a sentence as the capitals check reads it.
struct Read {
    word: Word,
    /// The sentence's first word (its capital says nothing).
    initial: bool,
    /// Capitalised for a reason of its own: part of a glossary term (`Kursk`, `Ukrainian`
    /// for Ukraine) or a nationality adjective.
    lexical: bool,
}

/// The words of translation sentence `i` that may be read; none for furniture and
/// title-case headlines.
fn readable(pair: &Pair<'_>, i: usize) -> Vec<Read> {
    let Some(start) = pair.en_body_start(i) else { return Vec::new() };
    let text = pair.en_text(i);
    if pair.en.sentences.get(i).is_some_and(|s| s.kind == SentenceKind::Headline) && title_case(text) {
        return Vec::new();
    }
    let terms = pair.en_terms(i);
    let ws: Vec<Word> = words(text).into_iter().filter(|w| w.span.start >= start).collect();
    ws.into_iter()
        .enumerate()
        .map(|(k, word)| {
            let in_term =
                terms.iter().any(|m| m.span.start <= word.span.start && word.span.end <= m.span.end);
            let lexical = word.capital && (in_term || NATIONALITY.iter().any(|e| word.norm.ends_with(e)));
            Read { word, initial: k == 0, lexical }
        })
        .collect()
}

/// A phrase found at a word: its key (lower case), span, shapes, whether a name follows it
/// (a title) and whether it is half capitalised.
type Phrase = (String, Range<usize>, Vec<Shape>, bool, bool);

/// The phrases starting at word `k` of `ws`.
fn phrases_at(text: &str, ws: &[Read], k: usize) -> Vec<Phrase> {
    let mut out = Vec::new();
    let first = &ws[k].word;
    let first_text = &text[first.span.clone()];
    if CONNECTORS.contains(&first.norm.as_str()) || !letters(first_text) || all_caps(first_text) {
        return out;
    }
    // A name phrase starts with a capital (or at the sentence's start): `deputy prime
    // minister Leonid` is never one, so no phrase is read from a word in lower case.
    if !first.capital {
        return out;
    }
    let mut key = first.norm.clone();
    let mut shapes = vec![shape(first, ws[k].initial)];
    let mut loose_capital = first.capital && !ws[k].lexical && !ws[k].initial;
    let spaced = |a: &Word, b: &Word| {
        let gap = &text[a.span.end..b.span.start];
        !gap.is_empty() && gap.chars().all(char::is_whitespace)
    };
    for n in 1..LONGEST {
        let Some(read) = ws.get(k + n) else { break };
        let w = &read.word;
        let surface = &text[w.span.clone()];
        if !letters(surface) || all_caps(surface) || !spaced(&ws[k + n - 1].word, w) {
            break;
        }
        key.push(' ');
        key.push_str(&w.norm);
        let s = shape(w, read.initial);
        let half = loose_capital && s == Shape::Lower;
        shapes.push(s);
        loose_capital |= s == Shape::Capital && !read.lexical;
        if !CONNECTORS.contains(&w.norm.as_str()) {
            let title = ws
                .get(k + n + 1)
                .is_some_and(|next| next.word.capital && text[w.span.end..next.word.span.start] == *" ");
            out.push((key.clone(), first.span.start..w.span.end, shapes.clone(), title, half));
        }
    }
    out
}

/// Whether an occurrence reads as a name: a capital on some word other than the
/// sentence's first, and the first word not in lower case (`deputy prime minister
/// Leonid` is a description before a name, not a name written otherwise).
fn is_name(shapes: &[Shape]) -> bool {
    shapes.contains(&Shape::Capital) && shapes.first() != Some(&Shape::Lower)
}

/// Findings for name phrases written with two patterns of capitals.
pub(crate) fn check(pair: &Pair<'_>) -> Vec<Finding> {
    if !pair.english() {
        return Vec::new();
    }
    let sentences: Vec<Vec<Read>> = (0..pair.en.len()).map(|i| readable(pair, i)).collect();
    // Keys with a capital where the sentence does not put one.
    let mut named: FastSet<String> = FastSet::default();
    for (i, ws) in sentences.iter().enumerate() {
        let text = pair.en_text(i);
        for k in 0..ws.len() {
            for (key, _, shapes, _, _) in phrases_at(text, ws, k) {
                if is_name(&shapes) {
                    named.insert(key);
                }
            }
        }
    }
    let mut places: FastMap<String, Vec<Occurrence>> = FastMap::default();
    let mut order: Vec<String> = Vec::new();
    for (i, ws) in sentences.iter().enumerate() {
        let text = pair.en_text(i);
        for k in 0..ws.len() {
            for (key, span, shapes, title, half) in phrases_at(text, ws, k) {
                if !named.contains(&key) || !is_name(&shapes) {
                    continue;
                }
                if !places.contains_key(&key) {
                    order.push(key.clone());
                }
                places.entry(key).or_default().push(Occurrence { sentence: i, span, shapes, title, half });
            }
        }
    }
    let mut out = Vec::new();
    for key in &order {
        out.extend(report(pair, &places[key]));
    }
    out
}

/// The findings of one phrase's occurrences. A title before a name is capitalised by the
/// title rule (`Ukrainian President Volodymyr Zelenskyy` beside `the Ukrainian
/// president's popularity`), so titles count only against a half-capitalised occurrence
/// (`The Prime minister` beside `Prime Minister Aleksandr Turchin`).
fn report(pair: &Pair<'_>, occurrences: &[Occurrence]) -> Vec<Finding> {
    let with_titles = occurrences.iter().any(|o| !o.title && o.half);
    let occurrences: Vec<&Occurrence> = occurrences.iter().filter(|o| with_titles || !o.title).collect();
    let mut votes: Vec<(&[Shape], usize, usize)> = Vec::new();
    for (n, o) in occurrences.iter().enumerate() {
        if o.shapes.contains(&Shape::Any) {
            continue;
        }
        match votes.iter_mut().find(|(s, _, _)| *s == o.shapes.as_slice()) {
            Some((_, count, _)) => *count += 1,
            None => votes.push((&o.shapes, 1, n)),
        }
    }
    if votes.len() < 2 {
        return Vec::new();
    }
    let house = occurrences.iter().position(|o| in_glossary(pair, o));
    let (expected, house) = match house {
        Some(n) => (n, true),
        None => (
            votes.iter().max_by_key(|(_, count, n)| (*count, std::cmp::Reverse(*n))).map_or(0, |v| v.2),
            false,
        ),
    };
    let want = &occurrences[expected];
    let written = |o: &Occurrence| pair.en_text(o.sentence)[o.span.clone()].to_string();
    let spelling = written(want);
    let uses = occurrences.iter().filter(|o| o.shapes == want.shapes).count();
    let mut out = Vec::new();
    for o in occurrences.iter().filter(|o| !o.fits(&want.shapes)) {
        let found = written(o);
        let mut f = pair.en_finding(CheckKind::NameInconsistent, Severity::Error, o.sentence, &found);
        let why = if house {
            format!("the glossary writes '{spelling}'")
        } else if uses == 1 {
            format!("'{spelling}' is used once in this text")
        } else {
            format!("'{spelling}' is used {uses} times in this text")
        };
        f.message = format!(
            "'{found}' and '{spelling}' are one name written with different capitals ({why}): write it one way throughout"
        );
        f.expected = Some(spelling.clone());
        f.span = Some(o.span.clone());
        out.push(f);
    }
    out
}

/// Whether an occurrence is written exactly as an accepted form of the glossary term
/// found at its place.
fn in_glossary(pair: &Pair<'_>, o: &Occurrence) -> bool {
    let written = &pair.en_text(o.sentence)[o.span.clone()];
    pair.en_terms(o.sentence).iter().any(|m| {
        m.span == o.span
            && matches!(m.form, FormKind::Canonical | FormKind::Accepted)
            && pair
                .glossary
                .entries
                .get(m.entry)
                .is_some_and(|e| e.en == written || e.en_alt.iter().any(|f| f == written))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_starts_and_ends_with_content_words() {
        let text = "Governor of the Novgorod Region Sergei Mitin";
        let ws: Vec<Read> = words(text)
            .into_iter()
            .enumerate()
            .map(|(k, word)| Read { word, initial: k == 0, lexical: false })
            .collect();
        let keys: Vec<String> = phrases_at(text, &ws, 0).into_iter().map(|p| p.0).collect();
        assert_eq!(keys, ["governor of the novgorod"]);
        let keys: Vec<String> = phrases_at(text, &ws, 3).into_iter().map(|p| p.0).collect();
        assert_eq!(keys, ["novgorod region", "novgorod region sergei", "novgorod region sergei mitin"]);
        assert!(phrases_at(text, &ws, 1).is_empty(), "'of' starts no phrase");
    }

    #[test]
    fn title_case_headlines_are_told_from_sentence_case() {
        assert!(title_case("Lukashenko Hears Report From Prime Minister"));
        assert!(!title_case("Lukashenko heard a report from Prime Minister Aleksandr Turchin"));
    }
}
