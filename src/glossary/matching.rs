//! Finding glossary terms in sentences: a word tokeniser, an index of every form of
//! every entry keyed by its first word, and a leftmost-longest scan.
//!
//! English forms match whole words, case-insensitively, except a variant that differs
//! from an accepted form only by case (`Kursk region` against `Kursk Region`), which
//! matches with its exact case. Russian and Belarusian forms match inflected words
//! through [`super::inflection`]; a lemma word written with a capital needs a capital
//! in the text. Words of a multiword term must follow each other, separated by white
//! space or a hyphen only.

use super::inflection::{self, Tongue};
use super::{Entry, FormKind, TermMatch, TermType};
use crate::text::FastMap;
use crate::text::fold::fold_case_into;
use crate::text::words::word_spans;
pub use crate::text::{is_apostrophe, words};
use std::ops::Range;

/// Whether two consecutive words are joined closely enough to belong to one term:
/// white space or a hyphen between them, an abbreviation's point (`U.S.`, `St.
/// Petersburg`) or a lone apostrophe (`People's Republic`: `people`, `s`), never a
/// sentence end.
fn joined(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let gap = &text[a.end..b.start];
    let short = gap.chars().count() <= 3;
    let plain = gap.chars().all(|c| c.is_whitespace() || c == '-' || c == '\u{2011}');
    let point =
        gap.starts_with('.') && gap[1..].chars().all(char::is_whitespace) && (gap.len() == 1 || a.len() <= 3);
    let apostrophe = gap.chars().count() == 1 && gap.chars().all(is_apostrophe);
    short && (plain || point || apostrophe)
}

/// One word of a pattern.
#[derive(Debug, Clone)]
struct PatWord {
    /// Keys a text word may start with (the word itself; for Cyrillic also its stem).
    keys: Vec<String>,
    /// Needs a capital in the text (Cyrillic forms written with one).
    capital: bool,
    /// Endings after a key that do not match (the feminine forms of a masculine
    /// surname: [`inflection::feminine_endings`]).
    refused: &'static [&'static str],
}

/// One form of one entry, as words.
#[derive(Debug, Clone)]
struct Pattern {
    entry: usize,
    kind: FormKind,
    words: Vec<PatWord>,
    /// Exact text to require (case-sensitive variants).
    exact: Option<String>,
}

/// Which language's forms an index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    En,
    Cyr(Tongue),
}

/// Patterns of one language keyed by the keys of their first word.
#[derive(Debug, Clone, Default)]
struct LangIndex {
    patterns: Vec<Pattern>,
    by_first: FastMap<String, Vec<usize>>,
}

impl LangIndex {
    fn add(&mut self, pattern: Pattern) {
        let id = self.patterns.len();
        if let Some(first) = pattern.words.first() {
            for key in &first.keys {
                let ids = self.by_first.entry(key.clone()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        self.patterns.push(pattern);
    }
}

/// Every form of every entry of a glossary, ready for scanning.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Number of entries indexed (to tell a stale index).
    pub entries: usize,
    en: LangIndex,
    ru: LangIndex,
    be: LangIndex,
}

impl Index {
    /// Indexes `entries`.
    pub fn build(entries: &[Entry]) -> Index {
        let mut index = Index { entries: entries.len(), ..Index::default() };
        // Rows of a profile only count once the profile is chosen (`with_profile`).
        for (id, e) in entries.iter().enumerate().filter(|(_, e)| e.profiles.is_empty()) {
            index.add_english(id, e);
            for (forms, tongue) in [(&e.ru, Tongue::Ru), (&e.be, Tongue::Be)] {
                let target = if tongue == Tongue::Ru { &mut index.ru } else { &mut index.be };
                for form in with_surnames(forms, e.kind) {
                    if let Some(p) = cyrillic_pattern(id, &form, tongue, e.kind == TermType::Person) {
                        target.add(p);
                    }
                }
            }
        }
        index
    }

    fn add_english(&mut self, id: usize, e: &Entry) {
        let accepted: Vec<String> = std::iter::once(e.en.clone()).chain(e.en_alt.iter().cloned()).collect();
        for (n, form) in with_surnames(&accepted, e.kind).iter().enumerate() {
            let kind = if n == 0 { FormKind::Canonical } else { FormKind::Accepted };
            if let Some(p) = english_pattern(id, form, kind, None) {
                self.en.add(p);
            }
        }
        let accepted_words: Vec<Vec<String>> =
            accepted.iter().map(|a| words(a).into_iter().map(|w| w.norm).collect()).collect();
        for variant in &e.variants {
            // A variant spelled with the same words as an accepted form differs only in
            // case or punctuation: match it exactly, or it would shadow the accepted form.
            let vw: Vec<String> = words(variant).into_iter().map(|w| w.norm).collect();
            let exact = accepted_words.contains(&vw).then(|| variant.clone());
            if let Some(p) = english_pattern(id, variant, FormKind::Variant, exact) {
                self.en.add(p);
            }
        }
    }

    /// Terms in `text`: English forms when `english`, else the forms of `tongue`.
    pub fn find(&self, text: &str, tongue: Option<Tongue>) -> Vec<TermMatch> {
        let (index, script) = match tongue {
            None => (&self.en, Script::En),
            Some(Tongue::Ru) => (&self.ru, Script::Cyr(Tongue::Ru)),
            Some(Tongue::Be) => (&self.be, Script::Cyr(Tongue::Be)),
        };
        if index.patterns.is_empty() {
            return Vec::new();
        }
        let words = Scanned::new(text);
        let mut hits: Vec<(usize, usize, u8, usize)> = Vec::new(); // start word, len, priority, pattern
        for start in 0..words.len() {
            for pid in candidates(index, words.norm(start), script) {
                let p = &index.patterns[pid];
                if let Some(len) = match_at(&words, start, p, script) {
                    let priority =
                        if p.exact.is_some() { 0 } else { u8::from(p.kind != FormKind::Variant) + 1 };
                    hits.push((start, len, priority, pid));
                }
            }
        }
        hits.sort_by_key(|&(start, len, priority, pid)| (start, std::cmp::Reverse(len), priority, pid));
        let mut out = Vec::new();
        let mut next_free = 0;
        for (start, len, _, pid) in hits {
            if start < next_free {
                continue;
            }
            next_free = start + len;
            let p = &index.patterns[pid];
            let span = words.span(start).start..words.span(start + len - 1).end;
            out.push(TermMatch { entry: p.entry, span, form: p.kind });
        }
        out
    }
}

/// For persons, each multiword form's last word (the surname) as a form too.
fn with_surnames(forms: &[String], kind: TermType) -> Vec<String> {
    let mut out: Vec<String> = forms.to_vec();
    if kind == TermType::Person {
        for f in forms {
            if let Some((_, last)) = f.trim().rsplit_once(' ') {
                if !out.iter().any(|o| o == last) {
                    out.push(last.to_string());
                }
            }
        }
    }
    out
}

fn english_pattern(entry: usize, form: &str, kind: FormKind, exact: Option<String>) -> Option<Pattern> {
    let ws: Vec<PatWord> = words(form)
        .into_iter()
        .map(|w| PatWord { keys: vec![w.norm], capital: false, refused: &[] })
        .collect();
    (!ws.is_empty()).then_some(Pattern { entry, kind, words: ws, exact })
}

/// The pattern of one Cyrillic form; for a person, its last word (the surname) refuses
/// the feminine endings of a masculine surname.
fn cyrillic_pattern(entry: usize, form: &str, tongue: Tongue, person: bool) -> Option<Pattern> {
    let all = words(form);
    let last = all.len().saturating_sub(1);
    let ws: Vec<PatWord> = all
        .into_iter()
        .enumerate()
        .map(|(k, w)| {
            let refused =
                if person && k == last { inflection::feminine_endings(&w.norm, tongue) } else { &[] };
            PatWord { keys: inflection::keys(&w.norm, tongue), capital: w.capital, refused }
        })
        .collect();
    (!ws.is_empty()).then_some(Pattern { entry, kind: FormKind::Original, words: ws, exact: None })
}

/// The words of a text being scanned, their folded forms in one buffer.
struct Scanned<'t> {
    text: &'t str,
    folded: String,
    words: Vec<Token>,
}

/// One word of a [`Scanned`] text (as [`Word`], with its folded form in the buffer).
struct Token {
    span: Range<usize>,
    norm: Range<usize>,
    capital: bool,
    initial: bool,
}

impl<'t> Scanned<'t> {
    fn new(text: &'t str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let words = word_spans(text)
            .into_iter()
            .enumerate()
            .map(|(k, span)| {
                let w = &text[span.clone()];
                let start = folded.len();
                fold_case_into(w, &mut folded);
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                Token { span, norm: start..folded.len(), capital, initial: k == 0 }
            })
            .collect();
        Scanned { text, folded, words }
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn norm(&self, k: usize) -> &str {
        &self.folded[self.words[k].norm.clone()]
    }

    fn span(&self, k: usize) -> &Range<usize> {
        &self.words[k].span
    }
}

/// Patterns whose first word may match the folded word `norm`.
fn candidates(index: &LangIndex, norm: &str, script: Script) -> Vec<usize> {
    match script {
        Script::En => index.by_first.get(norm).cloned().unwrap_or_default(),
        Script::Cyr(tongue) => {
            let mut out: Vec<usize> = Vec::new();
            for prefix in inflection::splits(norm, tongue) {
                if let Some(ids) = index.by_first.get(prefix) {
                    for &id in ids {
                        if !out.contains(&id) {
                            out.push(id);
                        }
                    }
                }
            }
            out
        }
    }
}

fn word_matches(words: &Scanned<'_>, at: usize, p: &PatWord, script: Script) -> bool {
    let (w, norm) = (&words.words[at], words.norm(at));
    match script {
        Script::En => p.keys.iter().any(|k| k == norm),
        Script::Cyr(tongue) => {
            // A stem shorter than four letters (`бак` of `Баку`) is too weak when the
            // only sign of a name is the capital of a sentence's first word.
            (!p.capital || w.capital)
                && p.keys.iter().enumerate().any(|(n, k)| {
                    let weak = n > 0 && k.chars().count() < 4 && w.initial;
                    !weak
                        && norm.strip_prefix(k.as_str()).is_some_and(|rest| {
                            inflection::is_ending(rest, tongue) && !p.refused.contains(&rest)
                        })
                })
        }
    }
}

/// Number of words matched when `p` matches at word `start`.
fn match_at(words: &Scanned<'_>, start: usize, p: &Pattern, script: Script) -> Option<usize> {
    let n = p.words.len();
    if start + n > words.len() {
        return None;
    }
    for k in 0..n {
        if !word_matches(words, start + k, &p.words[k], script) {
            return None;
        }
        if k > 0 && !joined(words.text, words.span(start + k - 1), words.span(start + k)) {
            return None;
        }
    }
    if let Some(exact) = &p.exact {
        let span = words.span(start).start..words.span(start + n - 1).end;
        let got = &words.text[span];
        let same = got.split_whitespace().eq(exact.split_whitespace());
        if !same {
            return None;
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_punctuation_and_keep_belarusian_apostrophes() {
        let got: Vec<String> =
            words("Zelenskyy's plan, сям'я — Курской").into_iter().map(|w| w.norm).collect();
        assert_eq!(got, vec!["zelenskyy", "s", "plan", "сям'я", "курской"]);
    }

    #[test]
    fn abbreviation_points_join_words_but_sentence_ends_do_not() {
        let ws = word_spans("the U.S. side. Region, St. Petersburg");
        assert!(joined("the U.S. side. Region, St. Petersburg", &ws[1], &ws[2]));
        let text = "in Minsk. Region";
        let ws = word_spans(text);
        assert!(!joined(text, &ws[1], &ws[2]));
    }

    #[test]
    fn a_possessive_apostrophe_joins_the_words_of_a_term() {
        let text = "the Lugansk People’s Republic, Belarus' Lukashenko";
        let ws = word_spans(text);
        assert!(joined(text, &ws[2], &ws[3]), "People’s");
        assert!(!joined(text, &ws[4], &ws[5]), "a comma is no join");
        assert!(!joined(text, &ws[5], &ws[6]), "an apostrophe and a space are no join");
    }
}
