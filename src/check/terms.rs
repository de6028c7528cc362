//! `glossary-variant` (a rejected English form in the translation) and
//! `glossary-missing` (a glossary term in an original sentence whose English bead has
//! none of the term's English forms, accepted or rejected, unless the name is a person
//! named just before or a source's credit; and, when the original is a
//! machine translation of the English, a term of an English sentence whose bead's MT
//! has none of the term's Russian or Belarusian forms).

use super::{Pair, spelling};
use crate::glossary::{Entry, FormKind, TermMatch, TermType};
use crate::model::{CheckKind, Finding, Lang, Severity};

/// One finding per rejected English form in the translation.
pub(crate) fn variants(pair: &Pair<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    if !pair.english() {
        return out;
    }
    for i in (0..pair.en.len()).filter(|&i| !pair.is_furniture(true, i)) {
        let text = pair.en_text(i);
        for m in pair.en_terms(i) {
            if m.form != FormKind::Variant {
                continue;
            }
            let Some(entry) = pair.glossary.entries.get(m.entry) else { continue };
            let found = &text[m.span.clone()];
            let expected = expected_for(found, entry);
            let mut f = pair.en_finding(CheckKind::GlossaryVariant, Severity::Error, i, found);
            f.message = format!("'{found}' is not the house spelling: write '{expected}'{}", source(entry));
            f.expected = Some(expected);
            f.span = Some(m.span.clone());
            f.term = Some(m.entry);
            out.push(f);
        }
    }
    out
}

/// The accepted form closest in spelling to the variant (`Belarussian` →
/// `Belarusian`), a person's name cut to as many trailing words as the variant has
/// (`Zelensky` → `Zelenskyy`, `Vladimir Zelensky` → `Volodymyr Zelenskyy`); the
/// canonical form wins ties.
pub(crate) fn expected_for(found: &str, entry: &Entry) -> String {
    let cut = |form: &str| as_short_as(form, found, entry);
    let found_key = found.to_lowercase();
    std::iter::once(&entry.en)
        .chain(&entry.en_alt)
        .map(|form| cut(form))
        .enumerate()
        .min_by_key(|(k, form)| (spelling::distance(&form.to_lowercase(), &found_key), *k))
        .map_or_else(|| entry.en.clone(), |(_, form)| form)
}

/// A person's `form` cut to as many trailing words as `found` has (`Volodymyr
/// Zelenskyy` for `Zelensky` → `Zelenskyy`, `Владимир Зеленский` → `Зеленский`); other
/// terms' forms whole.
fn as_short_as(form: &str, found: &str, entry: &Entry) -> String {
    let words: Vec<&str> = form.split_whitespace().collect();
    let n = found.split_whitespace().count();
    if n < words.len() && entry.kind == TermType::Person {
        words[words.len() - n..].join(" ")
    } else {
        form.to_string()
    }
}

fn source(entry: &Entry) -> String {
    if entry.note.is_empty() { String::new() } else { format!(" (glossary: {})", entry.note) }
}

/// One finding per glossary term of an original sentence whose bead's translation
/// has no English form of that term, with these exceptions, each a normal way to render
/// a name: a person the translation named in the bead before (a later mention by title
/// or pronoun: `the President`, `he`), and a source named after an attribution word
/// (`сообщает БЕЛТА`: the publisher's credit, which each outlet writes its own way).
/// The same term missing in several sentences is one finding with occurrences.
pub(crate) fn missing(pair: &Pair<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    if !pair.english() {
        return out;
    }
    let mut before: Vec<usize> = Vec::new();
    for (en_ids, orig_ids) in &pair.beads {
        if en_ids.is_empty() {
            continue;
        }
        let present: Vec<usize> = en_ids.iter().flat_map(|&i| pair.en_terms(i)).map(|m| m.entry).collect();
        let mut reported: Vec<usize> = Vec::new();
        for &j in orig_ids.iter().filter(|&&j| !pair.is_furniture(false, j)) {
            let text = pair.orig_text(j);
            for &TermMatch { entry: e, ref span, .. } in pair.orig_terms(j) {
                if present.contains(&e) || reported.contains(&e) || attributed(text, span.start) {
                    continue;
                }
                let Some(entry) = pair.glossary.entries.get(e) else { continue };
                if entry.kind == TermType::Person && before.contains(&e) {
                    continue;
                }
                reported.push(e);
                let found = &text[span.clone()];
                let short = entry.en.split_whitespace().last().filter(|_| entry.kind == TermType::Person);
                let or_short =
                    short.filter(|s| *s != entry.en).map(|s| format!(" (or '{s}')")).unwrap_or_default();
                let message = format!(
                    "'{found}' in the original is not rendered in the translation: expected '{}'{or_short}",
                    entry.en
                );
                out.push(missing_term(pair, (j, span), (e, entry), message));
            }
        }
        before = present;
    }
    out
}

/// When the texts are retellings: one finding per glossary term the original names (in
/// its text, not furniture) and the translation names nowhere, with an occurrence in each
/// original sentence naming it; a source's credit aside.
pub(crate) fn never_named(pair: &Pair<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    if !pair.english() {
        return out;
    }
    let named: Vec<usize> = (0..pair.en.len()).flat_map(|i| pair.en_terms(i)).map(|m| m.entry).collect();
    for j in (0..pair.orig.len()).filter(|&j| !pair.is_furniture(false, j)) {
        let text = pair.orig_text(j);
        let mut seen: Vec<usize> = Vec::new();
        for &TermMatch { entry: e, ref span, .. } in pair.orig_terms(j) {
            if named.contains(&e) || seen.contains(&e) || attributed(text, span.start) {
                continue;
            }
            let Some(entry) = pair.glossary.entries.get(e) else { continue };
            seen.push(e);
            let found = &text[span.clone()];
            let message = format!(
                "'{found}' is named in the original but nowhere in the translation: expected '{}'",
                entry.en
            );
            out.push(missing_term(pair, (j, span), (e, entry), message));
        }
    }
    out
}

/// A `glossary-missing` finding for term `e` found at `span` of original sentence `j`.
fn missing_term(
    pair: &Pair<'_>,
    (j, span): (usize, &std::ops::Range<usize>),
    (e, entry): (usize, &Entry),
    message: String,
) -> Finding {
    let found = &pair.orig_text(j)[span.clone()];
    let mut f = pair.orig_finding(CheckKind::GlossaryMissing, Severity::Warning, j, found);
    f.message = message;
    f.expected = Some(entry.en.clone());
    f.span = Some(span.clone());
    f.term = Some(e);
    f
}

/// Whether the word at byte `at` of `text` is named as a report's source: one of the two
/// words before it attributes (`сообщает БЕЛТА`, `передает корреспондент БЕЛТА`).
fn attributed(text: &str, at: usize) -> bool {
    let head = text.get(..at).unwrap_or("");
    crate::text::words(head).iter().rev().take(2).any(|w| crate::text::tables::is_attribution(&w.norm))
}

/// When the original is a machine translation of the English: one finding per
/// glossary term of an English sentence whose bead's MT holds none of the term's forms
/// in the MT's language (any case form), which is how a name the MT mangled or dropped
/// shows (`Zelenskyy` rendered `Зелински`). Terms with no form in that language, and
/// MT in languages the glossary has no forms for, are not checked.
pub(crate) fn lost_in_mt(pair: &Pair<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let lang = &pair.orig.lang;
    if !pair.english() || (*lang != Lang::ru() && *lang != Lang::be()) {
        return out;
    }
    for (en_ids, orig_ids) in &pair.beads {
        if en_ids.is_empty() || orig_ids.is_empty() {
            continue;
        }
        let present: Vec<usize> =
            orig_ids.iter().flat_map(|&j| pair.orig_terms(j)).map(|m| m.entry).collect();
        let mut reported: Vec<usize> = Vec::new();
        for &i in en_ids.iter() {
            for m in pair.en_terms(i) {
                if present.contains(&m.entry) || reported.contains(&m.entry) {
                    continue;
                }
                let Some(entry) = pair.glossary.entries.get(m.entry) else { continue };
                let forms = if *lang == Lang::be() { &entry.be } else { &entry.ru };
                let Some(full) = forms.first() else { continue };
                reported.push(m.entry);
                let found = &pair.en_text(i)[m.span.clone()];
                // `Zelenskyy` alone asks for the surname, not `Владимир Зеленский`.
                let expected = as_short_as(full, found, entry);
                let mut f = pair.en_finding(CheckKind::GlossaryMissing, Severity::Warning, i, found);
                f.message = format!(
                    "'{found}' is not rendered in the machine translation: expected '{expected}' in some case form (the MT mangled or dropped the name)"
                );
                f.expected = Some(expected);
                out.push(f);
            }
        }
    }
    out
}
