//! Quantities written with words: month names (from `text/data/calendar.tsv`), scale and
//! percent words and cardinal numbers (`text/data/number-words.tsv`), Roman numerals.

use super::scan::{Scanner, skip_ordinal, year_after};
use super::{NumberToken, Quantity};
use crate::text::tables::{self, NumberWordKind};
use crate::text::{FastMap, is_word_char};
use std::sync::OnceLock;

/// The English name of month `m` (1–12), capitalised (`March`).
pub(super) fn month_name(m: u8) -> String {
    let name = tables::calendar()
        .iter()
        .find(|c| c.lang == "en" && c.month() == Some(m))
        .and_then(|c| c.forms.first())
        .copied()
        .unwrap_or("");
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// The month a word (lower case) names in English, Russian or Belarusian, in any of its
/// date forms (`text/data/calendar.tsv`).
pub(super) fn month_of(word: &str) -> Option<u8> {
    // Each form once, as the first row holding it says (a weekday row: no month).
    static FORMS: OnceLock<FastMap<&'static str, Option<u8>>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut forms = FastMap::default();
        for c in tables::calendar().iter().filter(|c| matches!(c.lang, "en" | "ru" | "be")) {
            for &form in &c.forms {
                forms.entry(form).or_insert_with(|| c.month());
            }
        }
        forms
    });
    forms.get(word).copied().flatten()
}

/// Power of ten of a scale word (`тыс.` 3, `million` 6, `млрд` 9), if it is one.
pub(super) fn scale_of(word: &str) -> Option<u32> {
    tables::number_word(word, NumberWordKind::Scale).map(|w| w.value)
}

/// Whether a word marks a percentage (`процентов`, `працэнты`, `percent`, `pct`).
pub(super) fn is_percent_word(word: &str) -> bool {
    tables::number_word(word, NumberWordKind::Percent).is_some()
}

/// A word at `i`: a month (`October 25, 2024`, `October 2024`, `в октябре`) or a
/// Roman numeral of two or more letters from I, V, X (`XXI`).
pub(super) fn word_at(s: &Scanner<'_>, i: usize) -> (Option<NumberToken>, usize) {
    let Some((w, wend)) = s.word(i) else { return (None, i + 1) };
    if let Some(n) = roman(s.digits(i, wend)) {
        let q = Quantity::Number(n.to_string());
        return (Some(NumberToken { value: q, span: s.byte(i)..s.byte(wend) }), wend);
    }
    let Some(month) = month_of(&w) else { return (None, wend) };
    let capital = s.ch(i).is_some_and(char::is_uppercase);
    let latin = s.ch(i).is_some_and(|c| c.is_ascii_alphabetic());
    if latin && !capital {
        return (None, wend); // "march", "may" as verbs
    }
    let mut end = wend;
    if s.ch(end) == Some('.') && w.len() <= 4 {
        end += 1;
    }
    let k = s.skip_spaces(end);
    let e = s.digit_run(k);
    let mut day = None;
    let mut year = None;
    if latin && (1..=2).contains(&(e - k)) && !s.ch(e).is_some_and(is_word_char) {
        day = s.digits(k, e).parse::<u8>().ok().filter(|d| (1..=31).contains(d));
        if day.is_some() {
            end = skip_ordinal(s, e);
            let (y, yend) = year_after(s, end);
            year = y;
            end = yend;
        }
    } else if e - k == 4 && !s.ch(e).is_some_and(is_word_char) {
        year = s.digits(k, e).parse::<i32>().ok();
        end = e;
    }
    if w == "may" && day.is_none() && year.is_none() {
        return (None, wend); // "May" alone starts sentences too often
    }
    let q = Quantity::Date { year, month: Some(month), day };
    (Some(NumberToken { value: q, span: s.byte(i)..s.byte(end) }), end)
}

/// The value of a Roman numeral written with I, V, X only, two letters or more, in
/// canonical form (`XXI` 21; `IIII` and `VX` are not numerals).
pub(super) fn roman(word: &str) -> Option<u32> {
    if word.len() < 2 || !word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return None;
    }
    let val = |b: u8| {
        if b == b'I' {
            1
        } else if b == b'V' {
            5
        } else {
            10
        }
    };
    let bytes = word.as_bytes();
    let mut total = 0i32;
    for (k, &b) in bytes.iter().enumerate() {
        let v = val(b);
        if bytes.get(k + 1).is_some_and(|&n| val(n) > v) { total -= v } else { total += v }
    }
    let n = u32::try_from(total).ok().filter(|&n| n > 0)?;
    (to_roman(n) == word).then_some(n)
}

pub(super) fn to_roman(mut n: u32) -> String {
    const T: [(u32, &str); 6] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"), (0, "")];
    let mut out = String::new();
    for (v, s) in T.iter().take(5) {
        while n >= *v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Cardinal numbers written as words (`two`, `двух`, `тры`, `десять`), canonical
/// values; used to accept "2" against "two" when comparing the two sides.
pub fn word_values(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in crate::text::letter_runs(text).filter(|w| w.len() <= 20) {
        let lower = word.to_lowercase();
        if let Some(w) = tables::number_word(&lower, NumberWordKind::Cardinal) {
            out.push(w.value.to_string());
        }
    }
    out
}
