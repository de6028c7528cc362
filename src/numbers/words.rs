//! Quantities written with words: month names (from `text/data/calendar.tsv`), numbers
//! written out with their scale and percent words (`text/data/number-words.tsv`: `twenty-five`,
//! `two hundred and fifty`, `five and a half million`, `a million`, `пять с половиной
//! миллионов`, `полтора`, `двадцатого`), Roman numerals.

use super::scan::{Scanner, per_cent_end, skip_ordinal, year_after};
use super::{NumberToken, Quantity, Raw};
use crate::text::is_word_char;
use crate::text::tables::{self, NumberWord, NumberWordKind};

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
    tables::month_form(word)
}

/// Power of ten of a scale word (`тыс.` 3, `million` 6, `млрд` 9), if it is one.
pub(super) fn scale_of(word: &str) -> Option<u32> {
    tables::number_word(word, NumberWordKind::Scale).map(|w| w.exponent())
}

/// Whether a word marks a percentage (`процентов`, `працэнты`, `percent`, `pct`).
pub(super) fn is_percent_word(word: &str) -> bool {
    tables::number_word(word, NumberWordKind::Percent).is_some()
}

/// A word at `i`: a month (`October 25, 2024`, `October 2024`, `в октябре`), a number
/// written out ([`written`]) or a Roman numeral of two or more letters from I, V, X (`XXI`).
pub(super) fn word_at(s: &Scanner<'_>, i: usize) -> (Option<Raw>, usize) {
    let Some((w, wend)) = s.word(i) else { return (None, i + 1) };
    if let Some(n) = roman(s.digits(i, wend)) {
        let q = Quantity::Number(n.to_string());
        return (Some(Raw::fixed(q, s.byte(i)..s.byte(wend))), wend);
    }
    if let Some((raw, end)) = written(s, i) {
        return (raw, end);
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
    let after_day = skip_ordinal(s, e);
    if latin && (1..=2).contains(&(e - k)) && !s.ch(after_day).is_some_and(is_word_char) {
        day = s.digits(k, e).parse::<u8>().ok().filter(|d| (1..=31).contains(d));
        if day.is_some() {
            end = after_day;
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
    (Some(Raw::fixed(q, s.byte(i)..s.byte(end))), end)
}

/// Where a number's words stand: units, teens, tens or hundreds (a later word must be of
/// a smaller place: `two hundred fifty`, `двадцать пять`).
fn place(n: f64) -> u8 {
    if n < 10.0 {
        0
    } else if n < 20.0 {
        1
    } else if n < 100.0 {
        2
    } else {
        3
    }
}

/// The number word at `i`, if any, of one of `kinds` (first kind first).
fn word_of(s: &Scanner<'_>, i: usize, kinds: &[NumberWordKind]) -> Option<(NumberWord, usize)> {
    let (w, end) = s.word(i)?;
    tables::number_word_of(&w, kinds).map(|nw| (nw, end))
}

/// The start of the next word after `end` across spaces (and a hyphen when `hyphen`).
fn next_word(s: &Scanner<'_>, end: usize, hyphen: bool) -> usize {
    if hyphen && s.ch(end) == Some('-') && s.ch(end + 1).is_some_and(char::is_alphabetic) {
        return end + 1;
    }
    s.skip_spaces(end)
}

/// A number written out starting at the word at `i`: `twenty-five`, `two hundred and
/// fifty`, `five and a half million`, `a million`, `half a million`, `пять с половиной
/// миллионов`, `полтора миллиона`, `двадцать пятого`, with a percent word after it. `None`
/// when the word starts no number; `Some((None, end))` for `one` alone (a pronoun as
/// often as a number) and a scale word with no number.
pub(super) fn written(s: &Scanner<'_>, i: usize) -> Option<(Option<Raw>, usize)> {
    use NumberWordKind::{Article, Cardinal, Half, Join, Ordinal, Scale, Single};
    let (first, _) = word_of(s, i, &[Cardinal, Ordinal, Single, Article, Half])?;
    let (mut total, mut group) = (0.0f64, 0.0f64);
    let (mut last_place, mut any, mut ordinal, mut scaled, mut half) =
        (None::<u8>, false, false, false, false);
    let mut exponent = 0;
    let mut end = i;
    let mut k = i;
    if first.kind == Article || first.kind == Half {
        // `a million`, `half a million`.
        let mut at = s.skip_spaces(s.word(i)?.1);
        let mut factor = 1.0;
        if first.kind == Half {
            factor = 0.5;
            let (_, aend) = word_of(s, at, &[Article])?;
            at = s.skip_spaces(aend);
        }
        let (scale, send) = word_of(s, at, &[Scale])?;
        let value = factor * 10f64.powi(scale.exponent() as i32);
        return Some(finish(s, i, send, value, scale.exponent(), false, true));
    }
    loop {
        let kinds: &[NumberWordKind] =
            if any { &[Cardinal, Ordinal, Scale, Join] } else { &[Cardinal, Ordinal, Single] };
        let Some((w, wend)) = word_of(s, k, kinds) else { break };
        match w.kind {
            Cardinal | Ordinal => {
                let n = w.number();
                let p = place(n);
                let fits = match last_place {
                    None => !any || scaled,
                    Some(lp) => p < lp && lp != 1 && !(lp == 2 && p != 0),
                };
                if !fits || ordinal {
                    break;
                }
                group += n;
                last_place = Some(p);
                any = true;
                end = wend;
                if w.kind == Ordinal {
                    ordinal = true;
                    break;
                }
                // `twenty-five` joins with a hyphen; `два-три` is a range.
                k = next_word(s, wend, p == 2 && s.ch(wend) == Some('-') && is_unit_after(s, wend + 1));
            }
            Scale if any => {
                let e = w.exponent();
                exponent = e;
                if e == 2 {
                    if last_place.is_some_and(|p| p >= 2) {
                        break;
                    }
                    group *= 100.0;
                    last_place = Some(3);
                } else {
                    total += group * 10f64.powi(e as i32);
                    group = 0.0;
                    last_place = None;
                    scaled = true;
                }
                end = if s.ch(wend) == Some('.') { wend + 1 } else { wend };
                k = s.skip_spaces(end);
            }
            Single if !any => {
                exponent = w.exponent();
                total = 10f64.powi(exponent as i32);
                any = true;
                scaled = true;
                end = wend;
                break;
            }
            Join if any && !half => {
                // `and a half`, `с половиной`; `two hundred and fifty`.
                let mut at = s.skip_spaces(wend);
                if let Some((_, aend)) = word_of(s, at, &[Article]) {
                    at = s.skip_spaces(aend);
                }
                if let Some((_, hend)) = word_of(s, at, &[Half]) {
                    group += 0.5;
                    half = true;
                    end = hend;
                    k = s.skip_spaces(hend);
                    last_place = Some(0);
                } else if last_place == Some(3)
                    && word_of(s, at, &[Cardinal]).is_some_and(|(c, _)| c.number() < 100.0)
                {
                    k = at;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    if !any {
        return None;
    }
    let value = total + group;
    if value == 1.0 && !scaled && !ordinal {
        return Some((None, end)); // `one`, `один` alone
    }
    Some(finish(s, i, end, value, exponent, ordinal, !ordinal && (scaled || half)))
}

/// Whether the word at `i` is a unit (1–9) or an ordinal unit (`first`…`ninth`).
fn is_unit_after(s: &Scanner<'_>, i: usize) -> bool {
    word_of(s, i, &[NumberWordKind::Cardinal, NumberWordKind::Ordinal])
        .is_some_and(|(w, _)| w.number() < 10.0)
}

/// The quantity of a number written out from `i` to `end` with value `value`, a percent
/// word after it taken in.
fn finish(
    s: &Scanner<'_>,
    i: usize,
    end: usize,
    value: f64,
    exp: u32,
    ordinal: bool,
    scaled: bool,
) -> (Option<Raw>, usize) {
    let mut end = end;
    let mut percent = false;
    if !ordinal {
        let k = s.skip_spaces(end);
        if let Some((w, wend)) = s.word(k) {
            if is_percent_word(&w) {
                percent = true;
                end = wend;
            } else if let Some(cent_end) = per_cent_end(s, &w, wend) {
                percent = true;
                end = cent_end;
            }
        }
    }
    let text = decimal(value);
    let q = if percent { Quantity::Percent(text) } else { Quantity::Number(text) };
    let token = NumberToken { value: q, span: s.byte(i)..s.byte(end) };
    let bare = !percent && !scaled && !ordinal;
    (Some(Raw { token, exp: if scaled { exp.max(1) } else { 0 }, percent, bare }), end)
}

/// A value in canonical decimal form (`5500000`, `1.5`).
fn decimal(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let text = format!("{value}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
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

/// Numbers written as words (`two`, `двух`, `тры`, `десять`, `both`), canonical values;
/// used to accept "2" against "two" or "both" when comparing the two sides.
pub fn word_values(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in crate::text::letter_runs(text).filter(|w| w.len() <= 40) {
        let lower = word.to_lowercase();
        let found = tables::number_word(&lower, NumberWordKind::Cardinal)
            .or_else(|| tables::number_word(&lower, NumberWordKind::Loose));
        if let Some(w) = found {
            out.push(decimal(w.number()));
        }
    }
    out
}
