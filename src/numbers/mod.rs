//! Numbers, percentages, dates and years found in a sentence, normalised so that the
//! same quantity compares equal across languages (`12,5 %` = `12.5%`, `1 200` = `1,200`
//! = `1200`, `25 октября` = `25 October` = `October 25`, `3,5 млн` = `3.5 million`,
//! `XXI` = `21`).
//!
//! One left-to-right pass over the characters; month, number, scale and percent words are
//! looked up in small static tables, so extraction is cheap enough to run on every
//! sentence the aligner sees. Conventions: in Cyrillic text a comma is a decimal
//! separator; in Latin text a comma followed by exactly three digits groups thousands.
//! A space (also no-break or thin) groups thousands when a group of at most three
//! digits is followed by exactly three digits. Ordinal endings (`21st`, `25-го`,
//! `1990s`) are ignored; signs are ignored. Numbers written out are quantities too
//! (`six or seven`, `пяць або шэсць`, `five and a half million` = `5,5 млн`, `двадцатого`),
//! except `one` alone, which is a pronoun as often as a number. The first end of a range
//! takes the scale, percent or month of the second (`10-15%`, `two or three million`,
//! `25 и 26 мая`). A number that is part of a name is no quantity: digits glued to letters
//! (`G20`, `Су-35`, `COVID-19`) and numbers inside a short quoted title (`«24 часа»`). The
//! checks compare these quantities; the aligner makes anchors of them.

mod scan;
mod units;
mod words;

use crate::text::tables::{self, NumberWordKind};
use crate::text::{is_letter, is_word_char};
use scan::{Scanner, number_at};
use serde::Serialize;
use std::ops::Range;
pub use units::{Measure, measure};
pub use words::word_values;
use words::{month_name, word_at};

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

/// A quantity being read, with what the range rule needs to know.
pub(super) struct Raw {
    /// The quantity and its span.
    pub(super) token: NumberToken,
    /// The power of ten of its scale word (`млн` 6), 0 without one.
    pub(super) exp: u32,
    /// It is a percentage.
    pub(super) percent: bool,
    /// A plain number (no scale, percent, date, ordinal): it may be the first end of a range.
    pub(super) bare: bool,
}

impl Raw {
    /// A quantity no range rule touches (a date, a time, a Roman numeral).
    pub(super) fn fixed(value: Quantity, span: Range<usize>) -> Raw {
        Raw { token: NumberToken { value, span }, exp: 0, percent: false, bare: false }
    }
}

/// Finds the quantities in `text` (any of our languages).
pub fn extract(text: &str) -> Vec<NumberToken> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let cyrillic = chars.iter().any(|&(_, c)| ('\u{400}'..='\u{4ff}').contains(&c));
    let s = Scanner { text, chars, cyrillic };
    let mut raw: Vec<Raw> = Vec::new();
    let mut i = 0;
    while i < s.chars.len() {
        let prev_alnum = i > 0 && s.ch(i - 1).is_some_and(is_word_char);
        if s.is_digit(i) && !s.is_digit(i.wrapping_sub(1)) {
            let (token, end) = number_at(&s, i);
            if !glued_to_letters(&s, i) {
                raw.extend(token);
            }
            i = end.max(i + 1);
        } else if !prev_alnum && s.ch(i).is_some_and(is_letter) {
            let (token, end) = word_at(&s, i);
            raw.extend(token);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    ranges(text, &mut raw);
    let titles = short_quotes(text);
    raw.into_iter()
        .map(|r| r.token)
        .filter(|t| !titles.iter().any(|q| q.start < t.span.end && t.span.start < q.end))
        .collect()
}

/// Whether the digits at `i` are part of a name: glued to a letter before them, directly
/// or by a hyphen (`G20`, `Су-35`, `COVID-19`, `Дажынкі-2025`).
fn glued_to_letters(s: &Scanner<'_>, i: usize) -> bool {
    let before = |k: usize| k.checked_sub(1).and_then(|p| s.ch(p));
    match before(i) {
        Some(c) if is_letter(c) => true,
        Some('-') => before(i - 1).is_some_and(is_letter),
        _ => false,
    }
}

/// Gives the first end of each range the scale, percent or month of its second end:
/// `10-15%` is 10% to 15%, `two or three million` 2 to 3 million, `25 и 26 мая` two dates.
fn ranges(text: &str, raw: &mut [Raw]) {
    for k in 1..raw.len() {
        let (left, right) = raw.split_at_mut(k);
        let (l, r) = (&mut left[k - 1], &right[0]);
        if !l.bare || l.token.span.end > r.token.span.start {
            continue;
        }
        let gap = text[l.token.span.end..r.token.span.start].trim().to_lowercase();
        let joins = matches!(gap.as_str(), "-" | "–" | "—")
            || tables::number_word(&gap, NumberWordKind::Range).is_some();
        let Quantity::Number(n) = &l.token.value else { continue };
        if !joins {
            continue;
        }
        match &r.token.value {
            Quantity::Date { year, month, day: Some(_) } => {
                if let Ok(day) = n.parse::<u8>() {
                    if (1..=31).contains(&day) {
                        l.token.value = Quantity::Date { year: *year, month: *month, day: Some(day) };
                        l.bare = false;
                    }
                }
            }
            _ if r.exp > 0 || r.percent => {
                let (int, frac) = n.split_once('.').unwrap_or((n.as_str(), ""));
                let value = canonical(int, frac, r.exp);
                l.token.value = if r.percent { Quantity::Percent(value) } else { Quantity::Number(value) };
                l.bare = false;
            }
            _ => {}
        }
    }
}

/// Byte spans of short quoted titles (at most four words inside `«…»`, `“…”`, `„…“` or
/// `"…"`): `«24 часа»`, `"Belarus 1"`.
fn short_quotes(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (at, c) in text.char_indices() {
        let closes = |o: char| match o {
            '«' => c == '»',
            '“' => c == '”',
            '„' => c == '“' || c == '”',
            '"' => c == '"',
            _ => false,
        };
        match open {
            Some((o, start)) if closes(o) => {
                let inside = &text[start..at];
                if inside.split_whitespace().count() <= 4 && inside.chars().any(|c| c.is_ascii_digit()) {
                    out.push(start..at);
                }
                open = None;
            }
            None if matches!(c, '«' | '“' | '„' | '"') => open = Some((c, at + c.len_utf8())),
            _ => {}
        }
    }
    out
}

/// Canonical decimal form of `int.frac × 10^exp`: no leading zeros, no trailing
/// fractional zeros, no trailing point.
pub(super) fn canonical(int: &str, frac: &str, exp: u32) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<Quantity> {
        extract(text).into_iter().map(|t| t.value).collect()
    }

    /// Each pair of texts holds the same quantities, and some.
    fn same_quantities(table: &[(&str, &str)]) {
        for (a, b) in table {
            assert_eq!(values(a), values(b), "{a} vs {b}");
            assert!(!values(a).is_empty(), "{a}");
        }
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
        same_quantities(table);
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

    #[test]
    fn numbers_written_out_are_quantities() {
        let table: &[(&str, &str)] = &[
            ("more than five and a half million tons", "более 5,5 млн т"),
            ("пять с половиной миллионов", "5.5 million"),
            ("пяць з паловай мільёнаў", "5.5 million"),
            ("полтора миллиона", "1.5 million"),
            ("a million tonnes of corn", "миллион тонн кукурузы"),
            ("half a million", "500,000"),
            ("twenty-five regions", "25 регионов"),
            ("two hundred and fifty", "250"),
            ("двести пятьдесят", "250"),
            ("three thousand", "3 тыс."),
            ("the twenty-first meeting", "21-е заседание"),
            ("двадцать пятого заседания", "25th meeting"),
            ("the third time", "в третий раз"),
            ("у першай палове", "in the first half"),
            ("fifteen per cent", "15%"),
            ("пятнадцать процентов", "15%"),
        ];
        same_quantities(table);
        assert_eq!(values("six or seven regions"), vec![num("6"), num("7")]);
        assert_eq!(values("пяць або шэсць абласцей"), vec![num("5"), num("6")]);
        assert_eq!(values("два-три дня"), vec![num("2"), num("3")]);
    }

    #[test]
    fn one_alone_and_words_that_only_look_like_numbers_are_not_quantities() {
        assert!(values("one of the key partners").is_empty());
        assert!(values("один из ключевых партнеров").is_empty());
        assert!(values("hundreds of people and millions of tonnes").is_empty());
        assert!(values("во вторник, на первенстве").is_empty());
        assert!(values("half of the harvest").is_empty());
        assert_eq!(values("one million"), vec![num("1000000")]);
    }

    #[test]
    fn the_first_end_of_a_range_takes_the_second_ends_scale_percent_or_month() {
        assert_eq!(values("10-15%"), vec![pct("10"), pct("15")]);
        assert_eq!(values("from 10 to 15 per cent"), vec![pct("10"), pct("15")]);
        assert_eq!(values("от 10 до 15 %"), vec![pct("10"), pct("15")]);
        assert_eq!(values("two or three million"), vec![num("2000000"), num("3000000")]);
        assert_eq!(values("2-3 млн"), vec![num("2000000"), num("3000000")]);
        assert_eq!(values("25 и 26 мая"), vec![date(None, 5, Some(25)), date(None, 5, Some(26))]);
        assert_eq!(
            values("on 25-26 October 2024"),
            vec![date(Some(2024), 10, Some(25)), date(Some(2024), 10, Some(26))]
        );
        assert_eq!(values("in 2023 and 2024"), vec![num("2023"), num("2024")]);
    }

    #[test]
    fn numbers_inside_names_are_not_quantities() {
        for text in [
            "Об этом сообщила программа «24 часа».",
            "The G20 summit",
            "истребители Су-35",
            "the COVID-19 pandemic",
            "фестываль \"Дажынкі-2025\"",
            "the “Belarus 1” channel",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
        assert_eq!(values("«Мы соберем 8 млн тонн зерна в этом году», - сказал он."), vec![num("8000000")]);
    }

    #[test]
    fn dates_with_ordinal_days_and_of() {
        assert_eq!(
            values("Decree No. 442 of December 28th, 2022"),
            vec![num("442"), date(Some(2022), 12, Some(28))]
        );
        assert_eq!(values("on the 28th of December"), vec![date(None, 12, Some(28))]);
        assert_eq!(values("28-го декабря"), vec![date(None, 12, Some(28))]);
    }
}
