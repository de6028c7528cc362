//! Numbers, percentages, dates and years found in a sentence, normalised so that the
//! same quantity compares equal across languages (`12,5` = `12.5`, `1 200` = `1,200`,
//! `25 октября` = `25 October` = `October 25`, Roman numerals).
//!
//! OWNER: issue 5 (checks), used by the aligner's anchors (issue 3). The skeleton
//! extracts plain digit runs only.

use serde::Serialize;

/// A normalised quantity found in text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Quantity {
    /// A number in canonical decimal form (`12.5`, `1200`).
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

/// A quantity with the byte span of the text it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberToken {
    /// The normalised value.
    pub value: Quantity,
    /// Byte span in the sentence.
    pub span: std::ops::Range<usize>,
}

/// Finds the quantities in `text` (any of our languages).
pub fn extract(text: &str) -> Vec<NumberToken> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(NumberToken { value: Quantity::Number(text[s..i].to_string()), span: s..i });
                start = None;
            }
            _ => {}
        }
    }
    out
}
