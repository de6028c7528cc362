//! Numbers, percentages, dates and years found in a sentence, normalised so that the
//! same quantity compares equal across languages (`12,5 %` = `12.5%`, `1 200` = `1,200`
//! = `1200`, `25 октября` = `25 October` = `October 25`, `3,5 млн` = `3.5 million`,
//! `XXI` = `21`).
//!
//! One left-to-right pass over the characters; month, scale and percent words are
//! looked up in small static tables, so extraction is cheap enough to run on every
//! sentence the aligner sees. Conventions: in Cyrillic text a comma is a decimal
//! separator; in Latin text a comma followed by exactly three digits groups thousands.
//! A space (also no-break or thin) groups thousands when a group of at most three
//! digits is followed by exactly three digits. Ordinal endings (`21st`, `25-го`,
//! `1990s`) are ignored; signs are ignored. The checks compare these quantities; the
//! aligner makes anchors of them.

use crate::text::tables::{self, NumberWordKind};
use crate::text::{is_letter, is_word_char};
use serde::Serialize;

/// A normalised quantity found in text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Quantity {
    /// A number in canonical decimal form (`12.5`, `1200`); a time of day as `17:05`.
    Number(String),
    /// A percentage (`12.5%`).
    Percent(String),
    /// A calendar date; missing parts are `None`.
    Date {
        /// Year.
        year: Option<i32>,
        /// Month 1–12.
        month: Option<u8>,
        /// Day 1–31.
        day: Option<u8>,
    },
}

impl Quantity {
    /// Whether two quantities can denote the same thing: equal numbers or
    /// percentages, or dates whose known parts agree (`25 October` fits
    /// `25 October 2024`, not `26 October`).
    pub fn compatible(&self, other: &Quantity) -> bool {
        match (self, other) {
            (
                Quantity::Date { year: y1, month: m1, day: d1 },
                Quantity::Date { year: y2, month: m2, day: d2 },
            ) => {
                let agree = |a: Option<i64>, b: Option<i64>| a.is_none() || b.is_none() || a == b;
                agree(y1.map(i64::from), y2.map(i64::from))
                    && agree(m1.map(i64::from), m2.map(i64::from))
                    && agree(d1.map(i64::from), d2.map(i64::from))
                    && (y1.is_some() && y2.is_some() || m1.is_some() && m2.is_some())
            }
            _ => self == other,
        }
    }

    /// A short human form: `12.5`, `12.5%`, `2024-10-25`, `25 Oct`, `October 2024`.
    pub fn display(&self) -> String {
        match self {
            Quantity::Number(n) => n.clone(),
            Quantity::Percent(n) => format!("{n}%"),
            Quantity::Date { year, month, day } => {
                let month_name = month.map(month_name);
                match (year, month_name, day) {
                    (Some(y), Some(m), Some(d)) => format!("{d} {m} {y}"),
                    (None, Some(m), Some(d)) => format!("{d} {m}"),
                    (Some(y), Some(m), None) => format!("{m} {y}"),
                    (None, Some(m), None) => m.to_string(),
                    (Some(y), None, _) => y.to_string(),
                    _ => "a date".to_string(),
                }
            }
        }
    }
}

/// A quantity with the byte span of the text it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberToken {
    /// The normalised value.
    pub value: Quantity,
    /// Byte span in the sentence.
    pub span: std::ops::Range<usize>,
}

/// The English name of month `m` (1–12), capitalised (`March`).
fn month_name(m: u8) -> String {
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
fn month_of(word: &str) -> Option<u8> {
    tables::calendar()
        .iter()
        .filter(|c| matches!(c.lang, "en" | "ru" | "be"))
        .find(|c| c.forms.contains(&word))
        .and_then(tables::CalendarName::month)
}

/// Power of ten of a scale word (`тыс.` 3, `million` 6, `млрд` 9), if it is one.
fn scale_of(word: &str) -> Option<u32> {
    tables::number_word(word, NumberWordKind::Scale).map(|w| w.value)
}

/// Whether a word marks a percentage (`процентов`, `працэнты`, `percent`, `pct`).
fn is_percent_word(word: &str) -> bool {
    tables::number_word(word, NumberWordKind::Percent).is_some()
}

/// Where `per cent` ends, when the word `w` (ending at `wend`) is its `per`.
fn per_cent_end(s: &Scanner<'_>, w: &str, wend: usize) -> Option<usize> {
    let (next, next_end) = s.word(s.skip_spaces(wend)).filter(|_| w == "per")?;
    (next == "cent").then_some(next_end)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The characters of a sentence with their byte offsets, and the text's convention.
struct Scanner<'a> {
    text: &'a str,
    chars: Vec<(usize, char)>,
    cyrillic: bool,
}

impl Scanner<'_> {
    fn ch(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }
    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }
    fn is_digit(&self, i: usize) -> bool {
        self.ch(i).is_some_and(|c| c.is_ascii_digit())
    }
    fn digit_run(&self, i: usize) -> usize {
        let mut j = i;
        while self.is_digit(j) {
            j += 1;
        }
        j
    }
    /// Index after the spaces starting at `i`.
    fn skip_spaces(&self, i: usize) -> usize {
        let mut j = i;
        while self.ch(j).is_some_and(is_space) {
            j += 1;
        }
        j
    }
    /// The lowercase word starting at `i` (letters only) and the index after it.
    fn word(&self, i: usize) -> Option<(String, usize)> {
        let mut j = i;
        while self.ch(j).is_some_and(is_letter) {
            j += 1;
        }
        (j > i).then(|| (self.text[self.byte(i)..self.byte(j)].to_lowercase(), j))
    }
    fn digits(&self, a: usize, b: usize) -> &str {
        &self.text[self.byte(a)..self.byte(b)]
    }
}

/// Finds the quantities in `text` (any of our languages).
pub fn extract(text: &str) -> Vec<NumberToken> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let cyrillic = chars.iter().any(|&(_, c)| ('\u{400}'..='\u{4ff}').contains(&c));
    let s = Scanner { text, chars, cyrillic };
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.chars.len() {
        let prev_alnum = i > 0 && s.ch(i - 1).is_some_and(is_word_char);
        if s.is_digit(i) && !s.is_digit(i.wrapping_sub(1)) {
            let (token, end) = number_at(&s, i);
            out.extend(token);
            i = end.max(i + 1);
        } else if !prev_alnum && s.ch(i).is_some_and(is_letter) {
            let (token, end) = word_at(&s, i);
            out.extend(token);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A number literal starting at `i` with what follows it (scale, percent, month).
fn number_at(s: &Scanner<'_>, i: usize) -> (Option<NumberToken>, usize) {
    if let Some((q, end)) = numeric_date(s, i).or_else(|| time_of_day(s, i)) {
        return (Some(NumberToken { value: q, span: s.byte(i)..s.byte(end) }), end);
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
            if let Some(m) = month_of(&w) {
                if w != "may" || s.ch(k).is_some_and(char::is_uppercase) {
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
            return (Some(NumberToken { value: q, span: s.byte(i)..s.byte(end) }), end);
        }
    }
    let value = canonical(&int, &frac, exp);
    let q = if percent { Quantity::Percent(value) } else { Quantity::Number(value) };
    (Some(NumberToken { value: q, span: s.byte(i)..s.byte(end) }), end)
}

/// `25.10.2024`, `25.10.24`, `2024-10-25` as a date.
fn numeric_date(s: &Scanner<'_>, i: usize) -> Option<(Quantity, usize)> {
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
fn time_of_day(s: &Scanner<'_>, i: usize) -> Option<(Quantity, usize)> {
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
fn skip_ordinal(s: &Scanner<'_>, j: usize) -> usize {
    if let Some((w, end)) = s.word(j) {
        if matches!(w.as_str(), "st" | "nd" | "rd" | "th" | "s") {
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
fn year_after(s: &Scanner<'_>, j: usize) -> (Option<i32>, usize) {
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

/// A word at `i`: a month (`October 25, 2024`, `October 2024`, `в октябре`) or a
/// Roman numeral of two or more letters from I, V, X (`XXI`).
fn word_at(s: &Scanner<'_>, i: usize) -> (Option<NumberToken>, usize) {
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
fn roman(word: &str) -> Option<u32> {
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

fn to_roman(mut n: u32) -> String {
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

/// Canonical decimal form of `int.frac × 10^exp`: no leading zeros, no trailing
/// fractional zeros, no trailing point.
fn canonical(int: &str, frac: &str, exp: u32) -> String {
    let mut int = int.to_string();
    let mut frac = frac.to_string();
    for _ in 0..exp {
        if frac.is_empty() {
            int.push('0');
        } else {
            int.push(frac.remove(0));
        }
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<Quantity> {
        extract(text).into_iter().map(|t| t.value).collect()
    }
    fn num(s: &str) -> Quantity {
        Quantity::Number(s.into())
    }
    fn pct(s: &str) -> Quantity {
        Quantity::Percent(s.into())
    }
    fn date(year: Option<i32>, month: u8, day: Option<u8>) -> Quantity {
        Quantity::Date { year, month: Some(month), day }
    }

    #[test]
    fn equivalent_spellings_normalise_alike() {
        let table: &[(&str, &str)] = &[
            ("рост на 12,5 %", "growth of 12.5%"),
            ("1 200 человек", "1,200 people"),
            ("1\u{a0}200 человек", "1200 people"),
            ("25 октября", "25 October"),
            ("25 октября", "October 25"),
            ("25 кастрычніка 2024 года", "October 25, 2024"),
            ("3,5 млн тонн", "3.5 million tonnes"),
            ("3 тыс. м", "3 thousand m"),
            ("в XXI веке", "in the 21st century"),
            ("15 процентов", "15 per cent"),
            ("1,5 млрд долларов", "$1.5bn"),
            ("25.10.2024", "25 October 2024"),
            ("в 1990-х годах", "in the 1990s"),
            ("на 25-м заседании", "at the 25th meeting"),
            ("в 17:05", "at 17:05"),
            ("100 тысяч", "100,000"),
        ];
        for (ru, en) in table {
            assert_eq!(values(ru), values(en), "{ru} vs {en}");
            assert!(!values(ru).is_empty(), "{ru}");
        }
    }

    #[test]
    fn values_are_what_they_say() {
        assert_eq!(values("рост на 12,5 %"), vec![pct("12.5")]);
        assert_eq!(values("in 2023 and 2024"), vec![num("2023"), num("2024")]);
        assert_eq!(values("25 октября 2024 года"), vec![date(Some(2024), 10, Some(25))]);
        assert_eq!(values("в октябре"), vec![date(None, 10, None)]);
        assert_eq!(values("к апрелю 2022 года"), values("by April 2022"));
        assert_eq!(values("In October 2024"), vec![date(Some(2024), 10, None)]);
        assert_eq!(values("from 100 to 500 m"), vec![num("100"), num("500")]);
        assert_eq!(values("0.50"), vec![num("0.5")]);
        assert_eq!(values("1,234,567"), vec![num("1234567")]);
        assert_eq!(values("1,5 тыс."), vec![num("1500")]);
        assert_eq!(values("II, III и IV"), vec![num("2"), num("3"), num("4")]);
    }

    #[test]
    fn a_percentage_span_covers_its_words() {
        for (text, quoted) in [
            ("rose by 15 per cent in May", "15 per cent"),
            ("rose by 15 percent", "15 percent"),
            ("выросли на 15 процентов", "15 процентов"),
            ("rose by 15%", "15%"),
        ] {
            let tokens = extract(text);
            assert_eq!(tokens.len(), 1, "{text}");
            assert_eq!(&text[tokens[0].span.clone()], quoted);
        }
    }

    #[test]
    fn differences_stay_different() {
        assert_ne!(values("2023"), values("2024"));
        assert_ne!(values("25 октября"), values("26 October"));
        assert_ne!(values("12,5 %"), values("12.5"));
        assert_ne!(values("3,5 млн"), values("3.5 billion"));
    }

    #[test]
    fn words_that_are_not_numbers_are_skipped() {
        assert!(values("You may march in the CIS, MID or DC. I said V.").is_empty());
        assert!(values("President Lukashenko said").is_empty());
    }

    #[test]
    fn dates_without_years_fit_dates_with_years() {
        let a = date(None, 10, Some(25));
        assert!(a.compatible(&date(Some(2024), 10, Some(25))));
        assert!(!a.compatible(&date(Some(2024), 10, Some(26))));
        assert!(!num("5").compatible(&pct("5")));
    }

    #[test]
    fn number_words_are_read() {
        assert_eq!(word_values("two ministers"), vec!["2"]);
        assert_eq!(word_values("двух министров и тры"), vec!["2", "3"]);
    }

    #[test]
    fn spans_cover_the_source_text() {
        let text = "Экспорт вырос на 12,5 % до 3,5 млн тонн 25 октября.";
        let got: Vec<&str> = extract(text).iter().map(|t| &text[t.span.clone()]).collect();
        assert_eq!(got, vec!["12,5 %", "3,5 млн", "25 октября"]);
    }
}
