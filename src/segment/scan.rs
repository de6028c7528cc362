//! Sentence boundaries inside one paragraph.
//!
//! The scanner walks the bytes looking only at `.`, `!`, `?`, `…` and line breaks, so
//! plain text is skipped at memory speed. At each terminator it looks at the word
//! before (UAX #29 word bounds from `unicode-segmentation`) and at the start of what
//! follows, and decides with the language's [`Rules`].

use super::rules::{Class, Rules};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// How far back (in bytes) the word before a period is looked for.
const LOOKBACK: usize = 64;

/// Appends to `out` the content ranges (no surrounding white space) of the sentences
/// of `para`, a paragraph that starts and ends with a non-white-space character.
pub fn split(para: &str, rules: &Rules, out: &mut Vec<Range<usize>>) {
    let b = para.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'.' | b'!' | b'?' => {}
            0xE2 if b[i + 1..].starts_with(&[0x80, 0xA6]) => {}
            b'\n' => {
                if let Some(next) = bullet_after_newline(para, i + 1) {
                    let end = para[..i].trim_end().len();
                    if end > start {
                        out.push(start..end);
                        start = next;
                    }
                }
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        let run_end = terminator_run_end(b, i);
        let single_period = run_end - i == 1 && b[i] == b'.';
        let end = absorb_closers(para, run_end);
        let dot = i;
        i = run_end;
        if end < b.len() && !para[end..].starts_with(char::is_whitespace) {
            continue;
        }
        let next_start = end + (para.len() - end - para[end..].trim_start().len());
        if next_start >= para.len() {
            continue;
        }
        let next = Next::at(para, next_start, rules);
        let is_boundary =
            if single_period { period_ends(para, start, dot, &next, rules) } else { next.may_open };
        if is_boundary {
            out.push(start..end);
            start = next_start;
            i = next_start;
        }
    }
    out.push(start..b.len());
}

/// End of a run of `.`, `!`, `?`, `…` starting at `i`.
fn terminator_run_end(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(b'.' | b'!' | b'?') => i += 1,
            Some(0xE2) if b[i + 1..].starts_with(&[0x80, 0xA6]) => i += 3,
            _ => return i,
        }
    }
}

/// Closing quotes and brackets that belong to the sentence a terminator ends.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '“' | '›' | ')' | ']')
}

/// Opening quotes, brackets and dashes that may precede the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '«' | '„' | '“' | '‘' | '‹' | '(' | '[' | '—' | '–' | '-')
}

fn absorb_closers(para: &str, from: usize) -> usize {
    let rest = &para[from..];
    from + (rest.len() - rest.trim_start_matches(is_closer).len())
}

/// After a line break inside a paragraph: if the line opens with a dash or bullet and a
/// space (dialogue, lists), the offset where that line's sentence starts.
fn bullet_after_newline(para: &str, from: usize) -> Option<usize> {
    let rest = &para[from..];
    let line = rest.trim_start_matches([' ', '\t']);
    let mut chars = line.chars();
    let first = chars.next()?;
    let second = chars.next()?;
    let bullet = matches!(first, '—' | '–' | '-' | '•' | '*') && (second == ' ' || second == '\u{a0}');
    bullet.then_some(from + rest.len() - line.len())
}

/// What follows a possible boundary.
struct Next {
    /// The first letter or digit after opening quotes and dashes ('\0' if none).
    first: char,
    /// The word is a single capital letter followed by a period (an initial).
    is_initial: bool,
    /// Nothing in it forbids a new sentence here (it does not open with a lowercase
    /// letter or with `,;:`).
    may_open: bool,
    /// The word commonly opens a sentence in this language.
    is_starter: bool,
}

impl Next {
    fn at(para: &str, from: usize, rules: &Rules) -> Self {
        let rest = para[from..].trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
        let first = rest.chars().next().unwrap_or('\0');
        let word = rest.split_word_bounds().next().unwrap_or("");
        let mut letters = word.chars();
        let single_capital = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
        Next {
            first,
            is_initial: single_capital && rest[word.len()..].starts_with('.'),
            may_open: !first.is_lowercase() && !matches!(first, ',' | ';' | ':'),
            is_starter: rules.is_starter(word),
        }
    }
}

/// The word (or abbreviation) before a period, as the rules see it.
#[derive(Debug, PartialEq)]
enum Before {
    /// A known abbreviation of this class; `prev_is_number` for [`Class::AfterNumber`].
    Abbrev(Class, bool),
    /// A single capital letter, or capitals joined by periods (`A.G`).
    Initial,
    /// Digits only.
    Number,
    /// Anything else (or nothing).
    Word,
}

/// Decides whether the single period at `dot` ends the sentence that began at `start`.
fn period_ends(para: &str, start: usize, dot: usize, next: &Next, rules: &Rules) -> bool {
    let (before, token_start) = classify_before(para, start, dot, rules);
    let at_sentence_start = para[start..token_start].trim_start_matches(is_opener).trim().is_empty();
    if at_sentence_start && before != Before::Word {
        return false;
    }
    match before {
        Before::Abbrev(Class::Title, _) => false,
        Before::Abbrev(Class::BeforeNumber, _) => next.first.is_uppercase(),
        Before::Abbrev(Class::Final, _) => next.first.is_uppercase(),
        Before::Abbrev(Class::Ambiguous, _) => next.is_starter,
        Before::Abbrev(Class::AfterNumber, prev_is_number) => prev_is_number && next.is_starter,
        Before::Initial => !next.is_initial && next.is_starter,
        Before::Number | Before::Word => next.may_open,
    }
}

/// Classifies what stands before the period at `dot`; also returns where it starts.
fn classify_before(para: &str, start: usize, dot: usize, rules: &Rules) -> (Before, usize) {
    let mut from = dot.saturating_sub(LOOKBACK).max(start);
    while !para.is_char_boundary(from) {
        from += 1;
    }
    let window = &para[from..dot];
    let mut bounds = window.split_word_bound_indices().rev();
    let Some((last_at, last)) = bounds.next() else { return (Before::Word, dot) };
    if !last.chars().next().is_some_and(char::is_alphanumeric) {
        return (Before::Word, dot);
    }
    // Parts of a spaced abbreviation (`т. д` → [д, т]), nearest first.
    let mut parts: [(usize, &str); 4] = [(last_at, last); 4];
    let mut n = 1;
    while n < rules.max_parts.min(parts.len()) {
        let mut look = bounds.clone();
        let mut item = look.next();
        if item.is_some_and(|(_, s)| s == " ") {
            item = look.next();
        }
        if item.is_none_or(|(_, s)| s != ".") {
            break;
        }
        match look.next() {
            Some((at, word)) if word.chars().count() <= 5 && word.chars().all(char::is_alphabetic) => {
                parts[n] = (at, word);
                n += 1;
                bounds = look;
            }
            _ => break,
        }
    }
    let mut key = String::with_capacity(16);
    for m in (2..=n).rev() {
        key.clear();
        for (k, (_, part)) in parts[..m].iter().rev().enumerate() {
            if k > 0 {
                key.push('.');
            }
            key.extend(part.chars().flat_map(char::to_lowercase));
        }
        if let Some(class) = rules.class(&key) {
            return (Before::Abbrev(class, false), from + parts[m - 1].0);
        }
    }
    let token_start = from + last_at;
    if is_initials(last) {
        return (Before::Initial, token_start);
    }
    key.clear();
    key.extend(last.chars().flat_map(char::to_lowercase));
    if let Some(class) = rules.class(&key) {
        let prev_is_number = class == Class::AfterNumber && number_before(&para[start..token_start]);
        return (Before::Abbrev(class, prev_is_number), token_start);
    }
    if last.len() <= 3 && last.bytes().all(|b| b.is_ascii_digit()) {
        return (Before::Number, token_start);
    }
    (Before::Word, token_start)
}

/// A single capital letter, or single capitals joined by periods (`A.G`, `А.Г`).
fn is_initials(token: &str) -> bool {
    token.split('.').all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
    })
}

/// Whether the text before ends with a number (digits, or Roman numerals for
/// centuries): `2024 г.`, `2023–2024 гг.`, `XX в.`.
fn number_before(before: &str) -> bool {
    let word = before.trim_end().split_word_bounds().next_back().unwrap_or("");
    !word.is_empty()
        && (word.bytes().last().is_some_and(|b| b.is_ascii_digit())
            || word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')))
}
