//! The scanner over a sentence's characters and the number literals it finds: plain and
//! grouped numbers with their scale (`3,5 млн`), percentages, numeric dates
//! (`25.10.2024`), times of day, a day and month with an optional year.

use super::words::{is_percent_word, month_of, scale_of};
use super::{NumberToken, Quantity, Raw, canonical};
use crate::text::{is_letter, is_word_char};
use std::borrow::Cow;

/// Where `per cent` ends, when the word `w` (ending at `wend`) is its `per`.
pub(super) fn per_cent_end(s: &Scanner<'_>, w: &str, wend: usize) -> Option<usize> {
    let (next, next_end) = s.word(s.skip_spaces(wend)).filter(|_| w == "per")?;
    (next == "cent").then_some(next_end)
}

pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The characters of a sentence with their byte offsets, and the text's convention.
pub(super) struct Scanner<'a> {
    pub(super) text: &'a str,
    pub(super) chars: Vec<(usize, char)>,
    pub(super) cyrillic: bool,
}

impl Scanner<'_> {
    pub(super) fn ch(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    pub(super) fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }
    pub(super) fn is_digit(&self, i: usize) -> bool {
        self.ch(i).is_some_and(|c| c.is_ascii_digit())
    }
    pub(super) fn digit_run(&self, i: usize) -> usize {
        let mut j = i;
        while self.is_digit(j) {
            j += 1;
        }
        j
    }
    /// Index after the spaces starting at `i`.
    pub(super) fn skip_spaces(&self, i: usize) -> usize {
        let mut j = i;
        while self.ch(j).is_some_and(is_space) {
            j += 1;
        }
        j
    }
    /// The lowercase word starting at `i` (letters only) and the index after it.
    pub(super) fn word(&self, i: usize) -> Option<(Cow<'_, str>, usize)> {
        let mut j = i;
        let mut upper = false;
        while let Some(c) = self.ch(j).filter(|&c| is_letter(c)) {
            upper |= c.is_uppercase();
            j += 1;
        }
        if j == i {
            return None;
        }
        let word = &self.text[self.byte(i)..self.byte(j)];
        Some((if upper { Cow::Owned(word.to_lowercase()) } else { Cow::Borrowed(word) }, j))
    }
    pub(super) fn digits(&self, a: usize, b: usize) -> &str {
        &self.text[self.byte(a)..self.byte(b)]
    }
}

/// A number literal starting at `i` with what follows it (scale, percent, month).
pub(super) fn number_at(s: &Scanner<'_>, i: usize) -> (Option<Raw>, usize) {
    if let Some((q, end)) = numeric_date(s, i).or_else(|| time_of_day(s, i)) {
        return (Some(Raw::fixed(q, s.byte(i)..s.byte(end))), end);
    }
    let first_end = s.digit_run(i);
    let mut int = s.digits(i, first_end).to_string();
    let mut j = first_end;
    let short_first = first_end - i <= 3;
    // Thousands groups.
    while let Some(sep) = s.ch(j) {
        let grouping = (is_space(sep) && short_first) || (sep == ',' && !s.cyrillic) || sep == '\'';
        let next_end = s.digit_run(j + 1);
        if grouping && next_end - (j + 1) == 3 && s.is_digit(j + 1) {
            int.push_str(s.digits(j + 1, next_end));
            j = next_end;
        } else {
            break;
        }
    }
    let mut frac = String::new();
    if matches!(s.ch(j), Some('.') | Some(',')) && s.is_digit(j + 1) {
        let frac_end = s.digit_run(j + 1);
        frac = s.digits(j + 1, frac_end).to_string();
        j = frac_end;
    }
    let mut end = skip_ordinal(s, j);
    let plain_int = frac.is_empty() && int.len() <= 2;
    // What follows: a scale word, a percent mark, a month.
    let mut exp = 0;
    let mut percent = false;
    let mut month_day: Option<(u8, usize)> = None;
    let k = s.skip_spaces(end);
    if s.ch(k) == Some('%') {
        percent = true;
        end = k + 1;
    } else if let Some((w, wend)) = s.word(k) {
        if let Some(e) = scale_of(&w) {
            exp = e;
            end = if s.ch(wend) == Some('.') { wend + 1 } else { wend };
            let k2 = s.skip_spaces(end);
            if s.ch(k2) == Some('%') {
                percent = true;
                end = k2 + 1;
            } else if let Some((w2, w2end)) = s.word(k2) {
                if is_percent_word(&w2) {
                    percent = true;
                    end = w2end;
                }
            }
        } else if is_percent_word(&w) {
            percent = true;
            end = wend;
        } else if let Some(cent_end) = per_cent_end(s, &w, wend) {
            percent = true;
            end = cent_end;
        } else if plain_int {
            let (w, start, wend) = of_month(s, &w, k, wend);
            if let Some(m) = month_of(&w) {
                if w != "may" || s.ch(start).is_some_and(char::is_uppercase) {
                    month_day = Some((m, wend));
                }
            }
        }
    }
    if let Some((month, wend)) = month_day {
        let day: u8 = int.parse().unwrap_or(0);
        if (1..=31).contains(&day) {
            let (year, end) = year_after(s, wend);
            let q = Quantity::Date { year, month: Some(month), day: Some(day) };
            return (Some(Raw::fixed(q, s.byte(i)..s.byte(end))), end);
        }
    }
    let value = canonical(&int, &frac, exp);
    let q = if percent { Quantity::Percent(value) } else { Quantity::Number(value) };
    let token = NumberToken { value: q, span: s.byte(i)..s.byte(end) };
    (Some(Raw { token, exp, percent, bare: !percent && exp == 0 }), end)
}

/// The month word after `of` when `w` (from `start` to `wend`) is `of` (`the 28th of
/// December`), else `w` itself: the word, where it starts and the index after it.
fn of_month<'s>(s: &'s Scanner<'_>, w: &str, start: usize, wend: usize) -> (Cow<'s, str>, usize, usize) {
    if w == "of" {
        let next_start = s.skip_spaces(wend);
        if let Some((next, next_end)) = s.word(next_start) {
            if month_of(&next).is_some() {
                return (next, next_start, next_end);
            }
        }
    }
    (Cow::Owned(w.to_string()), start, wend)
}

/// `25.10.2024`, `25.10.24`, `2024-10-25` as a date.
pub(super) fn numeric_date(s: &Scanner<'_>, i: usize) -> Option<(Quantity, usize)> {
    let e1 = s.digit_run(i);
    let sep = s.ch(e1)?;
    if !matches!(sep, '.' | '-' | '/') {
        return None;
    }
    let e2 = s.digit_run(e1 + 1);
    if s.ch(e2) != Some(sep) || e2 == e1 + 1 {
        return None;
    }
    let e3 = s.digit_run(e2 + 1);
    if s.is_digit(e3) || s.ch(e3).is_some_and(is_letter) {
        return None;
    }
    let (a, b, c) = (s.digits(i, e1), s.digits(e1 + 1, e2), s.digits(e2 + 1, e3));
    let num = |x: &str| x.parse::<i32>().ok();
    let (year, month, day) = if a.len() == 4 && sep == '-' {
        (num(a)?, num(b)?, num(c)?)
    } else if a.len() <= 2 && b.len() <= 2 && (c.len() == 4 || c.len() == 2) && sep != '-' {
        let y = num(c)?;
        (if c.len() == 2 { 2000 + y } else { y }, num(b)?, num(a)?)
    } else {
        return None;
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((Quantity::Date { year: Some(year), month: Some(month as u8), day: Some(day as u8) }, e3))
}

/// `17:05` as the number `17:05`.
pub(super) fn time_of_day(s: &Scanner<'_>, i: usize) -> Option<(Quantity, usize)> {
    let e1 = s.digit_run(i);
    if e1 - i > 2 || s.ch(e1) != Some(':') {
        return None;
    }
    let e2 = s.digit_run(e1 + 1);
    if e2 - (e1 + 1) != 2 {
        return None;
    }
    let hours: u32 = s.digits(i, e1).parse().ok()?;
    Some((Quantity::Number(format!("{hours}:{}", s.digits(e1 + 1, e2))), e2))
}

/// Skips `st`, `nd`, `rd`, `th`, `s` glued to a number and `-го`, `-х`, `-й`… after a hyphen.
pub(super) fn skip_ordinal(s: &Scanner<'_>, j: usize) -> usize {
    if let Some((w, end)) = s.word(j) {
        if matches!(&*w, "st" | "nd" | "rd" | "th" | "s") {
            return end;
        }
    }
    if s.ch(j) == Some('-') {
        if let Some((w, end)) = s.word(j + 1) {
            if w.chars().count() <= 3 && w.chars().all(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
                return end;
            }
        }
    }
    j
}

/// An optional year after a day and month (`2024`, `2024 года`, `2024 г.`, `, 2024`).
pub(super) fn year_after(s: &Scanner<'_>, j: usize) -> (Option<i32>, usize) {
    let mut k = s.skip_spaces(j);
    if s.ch(k) == Some(',') {
        k = s.skip_spaces(k + 1);
    }
    let e = s.digit_run(k);
    if e - k == 4 && !s.ch(e).is_some_and(is_word_char) {
        if let Ok(year) = s.digits(k, e).parse::<i32>() {
            return (Some(year), e);
        }
    }
    (None, j)
}
