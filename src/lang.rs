//! Language detection limited to the languages we handle (en, ru, be, uk, plus the
//! pair named with `--langs`).
//!
//! OWNER: issue 2. The skeleton guesses from the script only.

use crate::model::Lang;

/// Detects the language of `text` among `candidates` (empty = en, ru, be, uk).
/// Returns `None` when the text has no letters.
pub fn detect(text: &str, candidates: &[Lang]) -> Option<Lang> {
    let _ = candidates;
    let cyr = text.chars().filter(|c| ('\u{400}'..='\u{4FF}').contains(c)).count();
    let lat = text.chars().filter(|c| c.is_ascii_alphabetic()).count();
    match (cyr, lat) {
        (0, 0) => None,
        (c, l) if c >= l => Some(Lang::ru()),
        _ => Some(Lang::en()),
    }
}
