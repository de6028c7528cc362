//! The language tables under `src/text/data/`, parsed once: month and weekday names
//! (`calendar.tsv`), words for numbers (`number-words.tsv`), Russian and Belarusian
//! endings (`endings.tsv`) and the words that attribute a report to its source
//! (`attribution.tsv`). The files are compiled in; a test keeps them sorted, unique
//! and well formed.

use super::data_lines;
use std::sync::OnceLock;

/// `calendar.tsv`.
pub const CALENDAR: &str = include_str!("data/calendar.tsv");
/// `number-words.tsv`.
pub const NUMBER_WORDS: &str = include_str!("data/number-words.tsv");
/// `endings.tsv`.
pub const ENDINGS: &str = include_str!("data/endings.tsv");
/// `attribution.tsv`.
pub const ATTRIBUTION: &str = include_str!("data/attribution.tsv");

/// Whether a lower-case word attributes a report to the source named after it
/// (`сообщает`, `передает`, `according`: `attribution.tsv`).
pub fn is_attribution(word: &str) -> bool {
    static TABLE: OnceLock<Vec<(&'static str, bool)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        data_lines(ATTRIBUTION)
            .map(|line| line.split_once('\t').map_or(line, |(form, _)| form))
            .map(|form| form.strip_suffix('*').map_or((form, false), |f| (f, true)))
            .collect()
    });
    table.iter().any(|&(form, prefix)| if prefix { word.starts_with(form) } else { word == form })
}

/// One row of `calendar.tsv`: a month (`m01`…`m12`) or weekday (`d1`…`d7`) in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarName {
    /// `m01`…`m12`, `d1`…`d7`.
    pub id: &'static str,
    /// Language code.
    pub lang: &'static str,
    /// A prefix that names the concept in any case form (empty: none is safe).
    pub stem: &'static str,
    /// Exact lower-case forms that name a month next to a day number.
    pub forms: Vec<&'static str>,
}

impl CalendarName {
    /// The month number (1–12), for month rows.
    pub fn month(&self) -> Option<u8> {
        self.id.strip_prefix('m')?.parse().ok()
    }
}

/// The rows of `calendar.tsv`.
pub fn calendar() -> &'static [CalendarName] {
    static TABLE: OnceLock<Vec<CalendarName>> = OnceLock::new();
    TABLE.get_or_init(|| {
        data_lines(CALENDAR)
            .map(|line| {
                let mut cells = line.split('\t');
                let mut next = || cells.next().unwrap_or("");
                let (id, lang, stem, forms) = (next(), next(), next(), next());
                CalendarName { id, lang, stem, forms: split_forms(forms) }
            })
            .collect()
    })
}

/// What a row of `number-words.tsv` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberWordKind {
    /// A number written as a word (`two`, `двух`); the value is the number.
    Cardinal,
    /// A power of ten after a number (`млн`, `billion`); the value is the exponent.
    Scale,
    /// A word marking a percentage.
    Percent,
}

/// One form of `number-words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberWord {
    /// What it is.
    pub kind: NumberWordKind,
    /// The number or the exponent (0 for percent words).
    pub value: u32,
    /// The form, lower case, without its `*`.
    pub form: &'static str,
    /// The form was written with a final `*`: any ending may follow.
    pub prefix: bool,
}

/// The forms of `number-words.tsv`.
pub fn number_words() -> &'static [NumberWord] {
    static TABLE: OnceLock<Vec<NumberWord>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out = Vec::new();
        for line in data_lines(NUMBER_WORDS) {
            let cells: Vec<&'static str> = line.split('\t').collect();
            let [kind, value, _lang, forms] = cells[..] else { continue };
            let kind = match kind {
                "cardinal" => NumberWordKind::Cardinal,
                "scale" => NumberWordKind::Scale,
                _ => NumberWordKind::Percent,
            };
            let value = value.parse().unwrap_or(0);
            for form in split_forms(forms) {
                let (form, prefix) = form.strip_suffix('*').map_or((form, false), |f| (f, true));
                out.push(NumberWord { kind, value, form, prefix });
            }
        }
        out
    })
}

/// The number word `word` (lower case) is, if any, of the given kind.
pub fn number_word(word: &str, kind: NumberWordKind) -> Option<NumberWord> {
    number_words()
        .iter()
        .filter(|w| w.kind == kind)
        .find(|w| if w.prefix { word.starts_with(w.form) } else { word == w.form })
        .copied()
}

/// What cross-script name matching does with an ending (`endings.tsv`, column `names`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameCut {
    /// Cut at no cost.
    Cut,
    /// An adjective suffix of a place name, cut at a cost.
    Derived,
    /// Never cut.
    Keep,
}

/// One row of `endings.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ending {
    /// The ending.
    pub ending: &'static str,
    /// A Russian case ending.
    pub ru: bool,
    /// A Belarusian case ending.
    pub be: bool,
    /// What name matching does with it.
    pub names: NameCut,
}

/// The rows of `endings.tsv`, longest first (file order among equals).
pub fn endings() -> &'static [Ending] {
    static TABLE: OnceLock<Vec<Ending>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out: Vec<Ending> = data_lines(ENDINGS)
            .filter_map(|line| {
                let cells: Vec<&'static str> = line.split('\t').collect();
                let [ending, langs, names] = cells[..] else { return None };
                let names = match names {
                    "cut" => NameCut::Cut,
                    "derived" => NameCut::Derived,
                    _ => NameCut::Keep,
                };
                let has = |l: &str| langs.split(' ').any(|x| x == l);
                Some(Ending { ending, ru: has("ru"), be: has("be"), names })
            })
            .collect();
        out.sort_by_key(|e| std::cmp::Reverse(e.ending.chars().count()));
        out
    })
}

fn split_forms(cell: &'static str) -> Vec<&'static str> {
    cell.split('|').filter(|f| !f.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The language data files of the whole crate, for the consistency test.
    fn all_files() -> Vec<(&'static str, &'static str)> {
        let mut files = vec![
            ("calendar.tsv", CALENDAR),
            ("number-words.tsv", NUMBER_WORDS),
            ("endings.tsv", ENDINGS),
            ("attribution.tsv", ATTRIBUTION),
        ];
        files.extend(crate::segment::rules::DATA_FILES.iter().copied());
        files
    }

    #[test]
    fn data_files_are_sorted_unique_and_well_formed() {
        for (name, text) in all_files() {
            let rows: Vec<&str> = data_lines(text).collect();
            // Trailing empty cells are trimmed away with the line end.
            let columns = rows.iter().map(|r| r.split('\t').count()).max().unwrap_or(0);
            let keys: Vec<String> = rows
                .iter()
                .map(|r| {
                    let cells: Vec<&str> = r.split('\t').collect();
                    assert!(cells.iter().all(|c| c.trim() == *c), "{name}: '{r}' has stray spaces");
                    // The key: every column but the last (the data) of a table of three or more.
                    if columns > 2 {
                        cells[..(columns - 1).min(cells.len())].join("\t")
                    } else {
                        cells[0].to_string()
                    }
                })
                .collect();
            let mut sorted = keys.clone();
            sorted.sort();
            sorted.dedup();
            if name == "calendar.tsv" || name == "number-words.tsv" {
                // Grouped by concept, not sorted; keys still unique.
                assert_eq!(sorted.len(), keys.len(), "{name}: a key is repeated");
            } else {
                assert_eq!(keys, sorted, "{name}: not sorted or a key is repeated");
            }
        }
        for w in number_words() {
            assert!(!w.form.is_empty() && w.form == w.form.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn tables_answer() {
        assert_eq!(number_word("двух", NumberWordKind::Cardinal).map(|w| w.value), Some(2));
        assert_eq!(number_word("миллионов", NumberWordKind::Scale).map(|w| w.value), Some(6));
        assert!(number_word("процентов", NumberWordKind::Percent).is_some());
        assert!(calendar().iter().any(|c| c.month() == Some(3) && c.forms.contains(&"марта")));
        let ov = endings().iter().find(|e| e.ending == "ов").copied();
        assert!(ov.is_some_and(|e| e.ru && e.names == NameCut::Keep));
    }
}
