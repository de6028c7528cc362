//! The unit of a quantity: the word after it (`32 ц/га`, `5.5 million tons`, `32 kg per
//! hectare`, `1,5 млрд долларов`) or the currency sign before it (`$1.5bn`), from
//! `text/data/units.tsv`. Two quantities of one value in two units of one dimension
//! (`32 kg/ha` against `32 ц/га`) are two different amounts.

use crate::text::is_letter;
use crate::text::tables::{self, Unit};
use std::ops::Range;

/// A unit, maybe per another (`ц/га`: centners per hectare).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// The unit.
    pub unit: &'static Unit,
    /// The unit it is counted per, if any.
    pub per: Option<&'static Unit>,
}

impl Measure {
    /// The factor of the whole measure (the unit's over the per unit's).
    fn factor(&self) -> f64 {
        self.unit.factor / self.per.map_or(1.0, |p| p.factor)
    }

    /// Whether the two measure one thing (same dimensions, per the same dimension).
    pub fn comparable(&self, other: &Measure) -> bool {
        self.unit.dimension == other.unit.dimension
            && self.per.map(|p| p.dimension) == other.per.map(|p| p.dimension)
    }

    /// `value` of this measure in the units of `other` (they must be [`comparable`](Self::comparable)).
    pub fn convert(&self, value: f64, other: &Measure) -> f64 {
        value * self.factor() / other.factor()
    }

    /// Whether the two are the same unit (same ids).
    pub fn same(&self, other: &Measure) -> bool {
        self.unit.id == other.unit.id && self.per.map(|p| p.id) == other.per.map(|p| p.id)
    }
}

/// The letters (or one sign) starting at byte `at` of `text`, lower case, and where they end.
fn word_at(text: &str, at: usize) -> Option<(String, usize)> {
    let rest = text.get(at..)?;
    let first = rest.chars().next()?;
    if !is_letter(first) {
        return None;
    }
    let len = rest.find(|c: char| !is_letter(c)).unwrap_or(rest.len());
    Some((rest[..len].to_lowercase(), at + len))
}

fn skip_spaces(text: &str, at: usize) -> usize {
    at + text.get(at..).map_or(0, |r| r.len() - r.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len())
}

/// The unit word or words at byte `at` of `text`: the unit and where it ends.
fn unit_at(text: &str, at: usize) -> Option<(&'static Unit, usize)> {
    let (word, end) = word_at(text, at)?;
    Some((tables::unit(&word)?, end))
}

/// The measure of the quantity at byte `span` of `text`, if it has one, and the byte
/// where the quantity with its unit ends (`32 ц/га` up to its last letter).
pub fn measure(text: &str, span: &Range<usize>) -> Option<(Measure, usize)> {
    let before = text.get(..span.start).unwrap_or("").trim_end_matches([' ', '\u{a0}']);
    if let Some(sign) = before.chars().last().filter(|c| matches!(c, '$' | '€')) {
        let unit = tables::unit(&sign.to_string())?;
        return Some((Measure { unit, per: None }, span.end));
    }
    let (unit, end) = unit_at(text, skip_spaces(text, span.end))?;
    let per = if text[end..].starts_with('/') {
        unit_at(text, end + 1)
    } else {
        match word_at(text, skip_spaces(text, end)) {
            Some((w, wend)) if w == "per" => unit_at(text, skip_spaces(text, wend)),
            _ => None,
        }
    };
    let end = per.map_or(end, |(_, e)| e);
    Some((Measure { unit, per: per.map(|(p, _)| p) }, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Option<(String, Option<String>)> {
        let token = crate::numbers::extract(text).into_iter().next()?;
        measure(text, &token.span).map(|(m, _)| (m.unit.id.to_string(), m.per.map(|p| p.id.to_string())))
    }

    #[test]
    fn units_after_and_signs_before() {
        let pair = |u: &str, p: Option<&str>| Some((u.to_string(), p.map(String::from)));
        assert_eq!(of("урожайность - 32 ц/га"), pair("centner", Some("ha")));
        assert_eq!(of("the yield is 32 kg/ha"), pair("kg", Some("ha")));
        assert_eq!(of("32 kilograms per hectare"), pair("kg", Some("ha")));
        assert_eq!(of("5.5 million tons of grain"), pair("t", None));
        assert_eq!(of("намолочено 5,5 млн т зерна"), pair("t", None));
        assert_eq!(of("$1.5bn"), pair("usd", None));
        assert_eq!(of("1,5 млрд долларов"), pair("usd", None));
        assert_eq!(of("в 2024 г."), None);
        assert_eq!(of("15 regions"), None);
        let text = "урожайность - 32 ц/га (в 2018 году)";
        let token = &crate::numbers::extract(text)[0];
        assert_eq!(measure(text, &token.span).map(|(_, end)| &text[token.span.start..end]), Some("32 ц/га"));
    }

    #[test]
    fn measures_convert_within_a_dimension() {
        let m = |text: &str| {
            let token = crate::numbers::extract(text).into_iter().next().expect("a quantity");
            measure(text, &token.span).expect("a unit").0
        };
        let (kg, t, ha) = (m("5000 kg"), m("5 t"), m("5 ha"));
        assert!(kg.comparable(&t) && !kg.same(&t));
        assert_eq!(kg.convert(5000.0, &t), 5.0);
        assert!(!kg.comparable(&ha));
        assert!(!m("32 kg/ha").same(&m("32 ц/га")));
    }
}
