//! Sentence boundaries inside one paragraph.
//!
//! The scanner walks the bytes looking only at `.`, `!`, `?`, `…` and line breaks, so
//! plain text is skipped at memory speed. At each terminator it looks at the word
//! before (a backward scan over letters, digits and inner periods) and at the word
//! after (UAX #29 word bounds from `unicode-segmentation`), and decides with the
//! language's [`Rules`].

use super::rules::{Class, Rules};
use crate::text::is_word_char;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

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
                i = next_interesting(b, i + 1);
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
        let next = Next::at(para, next_start);
        let is_boundary =
            if single_period { period_ends(para, start, dot, &next, rules) } else { next.may_open };
        if is_boundary && !in_short_parentheses(b, start, end) {
            out.push(start..end);
            start = next_start;
            i = next_start;
        }
    }
    out.push(start..b.len());
}

/// The first offset at or after `from` holding `.`, `!`, `?`, a line break or 0xE2 (the
/// lead byte of `…`), or `b.len()`. Eight bytes at a time (SWAR), since most of a text
/// holds none of them.
fn next_interesting(b: &[u8], mut from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has = |x: u64, byte: u8| {
        let y = x ^ (ONES * u64::from(byte));
        y.wrapping_sub(ONES) & !y & HIGHS
    };
    while let Some(chunk) = b.get(from..from + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let hits = has(x, b'.') | has(x, b'!') | has(x, b'?') | has(x, b'\n') | has(x, 0xE2);
        if hits != 0 {
            return from + (hits.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while from < b.len() && !matches!(b[from], b'.' | b'!' | b'?' | b'\n' | 0xE2) {
        from += 1;
    }
    from
}

/// Whether the terminator ending at `end` stands inside parentheses opened in the current
/// sentence and closed soon after (`(… группами. — Ред.)`): no boundary there.
fn in_short_parentheses(b: &[u8], start: usize, end: usize) -> bool {
    const CLOSE_WITHIN: usize = 80;
    const OPENED_WITHIN: usize = 400;
    let head = &b[start.max(end.saturating_sub(OPENED_WITHIN))..end];
    let tail = &b[end..b.len().min(end + CLOSE_WITHIN)];
    [(b'(', b')'), (b'[', b']')].iter().any(|&(open, close)| {
        let opened = head.iter().filter(|&&c| c == open).count();
        let opened = opened.saturating_sub(head.iter().filter(|&&c| c == close).count());
        opened > 0 && tail.contains(&close)
    })
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

/// The end of the closers after a terminator; a `»` or `›` after a space (French
/// spacing: `prêts. »`) is a closer too, since it never opens anything.
fn absorb_closers(para: &str, from: usize) -> usize {
    let mut rest = para[from..].trim_start_matches(is_closer);
    loop {
        let spaced = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        match spaced.strip_prefix(['»', '›']) {
            Some(after) if spaced.len() < rest.len() => rest = after.trim_start_matches(is_closer),
            _ => return para.len() - rest.len(),
        }
    }
}

/// After a line break inside a paragraph: if the line opens with a dash or bullet and a
/// space (dialogue, lists) or with a list number (`1.`, `2)`) and a space, the offset
/// where that line's sentence starts.
fn bullet_after_newline(para: &str, from: usize) -> Option<usize> {
    let rest = &para[from..];
    let line = rest.trim_start_matches([' ', '\t']);
    let first = line.chars().next()?;
    let marker_len = if matches!(first, '—' | '–' | '-' | '•' | '*') {
        first.len_utf8()
    } else {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let numbered = (1..=3).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')'));
        if !numbered {
            return None;
        }
        digits + 1
    };
    let spaced = line[marker_len..].starts_with([' ', '\u{a0}']);
    spaced.then_some(from + rest.len() - line.len())
}

/// What follows a possible boundary.
struct Next<'a> {
    /// The text from the first letter or digit after opening quotes and dashes.
    rest: &'a str,
    /// That first character ('\0' if none).
    first: char,
    /// Nothing in it forbids a new sentence here (it does not open with a lowercase
    /// letter or with `,;:`).
    may_open: bool,
}

impl<'a> Next<'a> {
    fn at(para: &'a str, from: usize) -> Self {
        let rest = para[from..].trim_start_matches(|c: char| is_opener(c) || c.is_whitespace());
        let first = rest.chars().next().unwrap_or('\0');
        Next { rest, first, may_open: !first.is_lowercase() && !matches!(first, ',' | ';' | ':') }
    }

    /// The first word, by UAX #29 word bounds.
    fn word(&self) -> &'a str {
        self.rest.split_word_bounds().next().unwrap_or("")
    }

    /// The word commonly opens a sentence in this language.
    fn is_starter(&self, rules: &Rules) -> bool {
        self.first.is_uppercase() && rules.is_starter(self.word())
    }

    /// The word is a single capital letter followed by a period (an initial).
    fn is_initial(&self) -> bool {
        let word = self.word();
        is_capital_letter(word) && self.rest[word.len()..].starts_with('.')
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
    if next.first.is_lowercase() {
        // No class ends a sentence before a lowercase word; skip the look-up.
        return false;
    }
    let (before, token_start) = classify_before(para, start, dot, rules);
    let at_sentence_start = para[start..token_start].trim_start_matches(is_opener).trim().is_empty();
    if at_sentence_start && before != Before::Word {
        return false;
    }
    match before {
        Before::Abbrev(Class::Title, _) => false,
        Before::Abbrev(Class::BeforeNumber | Class::Final, _) => next.first.is_uppercase(),
        Before::Abbrev(Class::Ambiguous, _) => next.is_starter(rules),
        Before::Abbrev(Class::AfterNumber, prev_is_number) => prev_is_number && next.is_starter(rules),
        Before::Initial => !next.is_initial() && next.is_starter(rules),
        Before::Number | Before::Word => next.may_open,
    }
}

/// Classifies what stands before the period at `dot`; also returns where it starts.
fn classify_before(para: &str, start: usize, dot: usize, rules: &Rules) -> (Before, usize) {
    let head = &para[start..dot];
    let token_start = start + token_start(head);
    let token = &para[token_start..dot];
    if token.is_empty() {
        return (Before::Word, dot);
    }
    // Parts of a spaced abbreviation (`т. д` → [д, т]), nearest first.
    let mut parts: [(usize, &str); 4] = [(token_start, token); 4];
    let mut n = 1;
    while n < rules.max_parts.min(parts.len()) {
        let before = &para[start..parts[n - 1].0];
        let before = before.strip_suffix(' ').unwrap_or(before);
        let Some(before) = before.strip_suffix('.') else { break };
        let part_start = start + token_start_of_letters(before);
        let part = &para[part_start..start + before.len()];
        if part.is_empty() || part.chars().count() > 5 {
            break;
        }
        parts[n] = (part_start, part);
        n += 1;
    }
    let mut key = String::with_capacity(16);
    for m in (1..=n).rev() {
        // A lone capital is an initial (`Г.`), not the abbreviation `г.`.
        if m == 1 && (is_capital_letter(token) || token.chars().count() > rules.max_key_chars) {
            break;
        }
        key.clear();
        for (k, (_, part)) in parts[..m].iter().rev().enumerate() {
            if k > 0 {
                key.push('.');
            }
            key.extend(part.chars().flat_map(char::to_lowercase));
        }
        if let Some(class) = rules.class(&key) {
            let abbrev_start = parts[m - 1].0;
            let prev_is_number = class == Class::AfterNumber && number_before(&para[start..abbrev_start]);
            return (Before::Abbrev(class, prev_is_number), abbrev_start);
        }
    }
    if is_initials(token) {
        return (Before::Initial, token_start);
    }
    if token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit()) {
        return (Before::Number, token_start);
    }
    (Before::Word, token_start)
}

/// Where the word that ends `head` starts: letters and digits, with inner periods,
/// apostrophes and hyphens between them (`U.S`, `т.е`, `г.зн`, `з'езд`, `р-н`).
fn token_start(head: &str) -> usize {
    let mut at = head.len();
    let mut chars = head.char_indices().rev().peekable();
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            at = i;
        } else if matches!(c, '.' | '\'' | '’' | '-')
            && at < head.len()
            && chars.peek().is_some_and(|&(_, p)| is_word_char(p))
        {
            continue;
        } else {
            break;
        }
    }
    at
}

/// Where the run of letters that ends `head` starts.
fn token_start_of_letters(head: &str) -> usize {
    head.char_indices().rev().take_while(|&(_, c)| c.is_alphabetic()).last().map_or(head.len(), |(i, _)| i)
}

/// A single capital letter, or single capitals joined by periods (`A.G`, `А.Г`).
fn is_initials(token: &str) -> bool {
    token.split('.').all(is_capital_letter)
}

/// Exactly one char, a capital letter.
fn is_capital_letter(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Whether the text before ends with a number (digits, or Roman numerals for
/// centuries): `2024 г.`, `2023–2024 гг.`, `XX в.`.
fn number_before(before: &str) -> bool {
    let word = before.trim_end().split_word_bounds().next_back().unwrap_or("");
    !word.is_empty()
        && (word.bytes().last().is_some_and(|b| b.is_ascii_digit())
            || word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive_next(b: &[u8], from: usize) -> usize {
        (from..b.len()).find(|&i| matches!(b[i], b'.' | b'!' | b'?' | b'\n' | 0xE2)).unwrap_or(b.len())
    }

    proptest! {
        #[test]
        fn next_interesting_matches_a_byte_loop(text in "[a-zА-яё .!?…—«»\n\t0-9😀]{0,80}", from in 0usize..90) {
            let b = text.as_bytes();
            let from = from.min(b.len());
            prop_assert_eq!(next_interesting(b, from), naive_next(b, from));
        }
    }

    #[test]
    fn token_start_keeps_inner_periods_apostrophes_and_hyphens() {
        for (head, token) in [
            ("in the U.S", "U.S"),
            ("и т.е", "т.е"),
            ("і г.зн", "г.зн"),
            ("Ён з'ехаў", "з'ехаў"),
            ("в Минском р-н", "р-н"),
            ("ends with 3.5", "3.5"),
            ("(BelTA", "BelTA"),
            ("quote »", ""),
        ] {
            assert_eq!(&head[token_start(head)..], token, "{head}");
        }
    }

    #[test]
    fn classify_before_finds_spaced_abbreviations_and_initials() {
        let ru = super::super::rules::for_lang(&crate::model::Lang::ru());
        let cases = [
            ("Говорили и т. д", Before::Abbrev(Class::Final, false)),
            ("Речь о нас, т. е", Before::Abbrev(Class::Title, false)),
            ("в 2024 г", Before::Abbrev(Class::AfterNumber, true)),
            ("в г", Before::Abbrev(Class::AfterNumber, false)),
            ("Выступил А. Г", Before::Initial),
            ("Выступил А.Г", Before::Initial),
            ("Пункт 12", Before::Number),
            ("Выступил Г", Before::Initial),
            ("Он сказал", Before::Word),
        ];
        for (head, want) in cases {
            let got = classify_before(head, 0, head.len(), ru).0;
            assert_eq!(got, want, "{head}");
        }
        let en = super::super::rules::for_lang(&crate::model::Lang::en());
        assert_eq!(classify_before("the U.S", 0, 7, en).0, Before::Abbrev(Class::Ambiguous, false));
        assert_eq!(classify_before("Plan B", 0, 6, en).0, Before::Initial);
    }
}
