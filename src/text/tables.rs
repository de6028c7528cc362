//! The language tables under `src/text/data/`, parsed once: month and weekday names
//! (`calendar.tsv`), words for numbers (`number-words.tsv`), Russian and Belarusian
//! endings (`endings.tsv`), the words that attribute a report to its source
//! (`attribution.tsv`) and units of measure (`units.tsv`). The files are compiled in; a test keeps them sorted, unique
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
/// `units.tsv`.
pub const UNITS: &str = include_str!("data/units.tsv");

/// One form of a unit of `units.tsv`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// The unit's id (`kg`, `centner`, `usd`).
    pub id: &'static str,
    /// What it measures; units of one dimension convert by their factors.
    pub dimension: &'static str,
    /// Its size in the dimension's smallest unit listed.
    pub factor: f64,
    /// The form, lower case, without its `*`.
    pub form: &'static str,
    /// The form was written with a final `*`: any ending may follow.
    pub prefix: bool,
}

/// The forms of `units.tsv`.
pub fn units() -> &'static [Unit] {
    static TABLE: OnceLock<Vec<Unit>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out = Vec::new();
        for line in data_lines(UNITS) {
            let cells: Vec<&'static str> = line.split('\t').collect();
            let [id, dimension, _lang, factor, forms] = cells[..] else { continue };
            let factor = factor.parse().unwrap_or(1.0);
            for form in split_forms(forms) {
                let (form, prefix) = form.strip_suffix('*').map_or((form, false), |f| (f, true));
                out.push(Unit { id, dimension, factor, form, prefix });
            }
        }
        out
    })
}

/// The unit a lower-case word (or sign) names, if any.
pub fn unit(word: &str) -> Option<&'static Unit> {
    units().iter().find(|u| if u.prefix { word.starts_with(u.form) } else { word == u.form })
}

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

/// The month a lower-case word names in English, Russian or Belarusian, in any of its date
/// forms (`october`, `октября`, `кастрычніка`).
pub fn month_form(word: &str) -> Option<u8> {
    static TABLE: OnceLock<super::FastMap<&'static str, u8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut map = super::FastMap::default();
        for c in calendar().iter().filter(|c| matches!(c.lang, "en" | "ru" | "be")) {
            if let Some(m) = c.month() {
                for form in &c.forms {
                    map.entry(*form).or_insert(m);
                }
            }
        }
        map
    });
    table.get(word).copied()
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberWordKind {
    /// A number written as a word (`two`, `двух`, `полтора`); the value is the number.
    Cardinal,
    /// An ordinal (`first`, `двадцатого`); the value is the number.
    Ordinal,
    /// A power of ten after a number (`млн`, `billion`); the value is the exponent.
    Scale,
    /// A scale word that alone means one of it (`миллион`, `тысячу`); the exponent.
    Single,
    /// An article before a scale word (`a million`).
    Article,
    /// Half (`and a half`, `с половиной`, `half a million`).
    Half,
    /// A word inside one number (`two hundred and fifty`, `пять с половиной`).
    Join,
    /// A word that may stand for a number but is no quantity of its own (`both`, `оба`).
    Loose,
    /// A word between the two ends of a range (`10 to 15%`, `25 и 26 мая`).
    Range,
    /// A word marking a percentage.
    Percent,
}

/// One form of `number-words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberWord {
    /// What it is.
    pub kind: NumberWordKind,
    /// The number or the exponent as written (`-` where there is none).
    pub value: &'static str,
    /// Language code of the row.
    pub lang: &'static str,
    /// The form, lower case, without its `*` or `~`.
    pub form: &'static str,
    /// The form was written with a final `*`: any ending may follow.
    pub prefix: bool,
    /// The form was written with a final `~`: a case ending of its language follows.
    pub declined: bool,
}

impl NumberWord {
    /// The number (cardinal, ordinal, loose) or 0.
    pub fn number(&self) -> f64 {
        self.value.parse().unwrap_or(0.0)
    }
    /// The exponent (scale, single) or 0.
    pub fn exponent(&self) -> u32 {
        self.value.parse().unwrap_or(0)
    }
    /// Whether `word` (lower case) is this form.
    fn matches(&self, word: &str) -> bool {
        let Some(rest) = word.strip_prefix(self.form) else { return false };
        if self.prefix {
            return true;
        }
        if !self.declined {
            return rest.is_empty();
        }
        let rest = rest.replace('ё', "е");
        endings().iter().any(|e| e.ending == rest && if self.lang == "be" { e.be } else { e.ru })
    }
}

/// The forms of `number-words.tsv`, in file order.
pub fn number_words() -> &'static [NumberWord] {
    &number_index().all
}

/// The forms by exact spelling, and those with a `*` or `~` (matched by their stem).
struct NumberIndex {
    all: Vec<NumberWord>,
    exact: super::FastMap<&'static str, Vec<NumberWord>>,
    /// Stems by their first letter.
    stems: super::FastMap<char, Vec<NumberWord>>,
}

fn number_index() -> &'static NumberIndex {
    static TABLE: OnceLock<NumberIndex> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut index = NumberIndex { all: Vec::new(), exact: Default::default(), stems: Default::default() };
        for line in data_lines(NUMBER_WORDS) {
            let cells: Vec<&'static str> = line.split('\t').collect();
            let [kind, value, lang, forms] = cells[..] else { continue };
            let kind = match kind {
                "cardinal" => NumberWordKind::Cardinal,
                "ordinal" => NumberWordKind::Ordinal,
                "scale" => NumberWordKind::Scale,
                "single" => NumberWordKind::Single,
                "article" => NumberWordKind::Article,
                "half" => NumberWordKind::Half,
                "join" => NumberWordKind::Join,
                "loose" => NumberWordKind::Loose,
                "range" => NumberWordKind::Range,
                _ => NumberWordKind::Percent,
            };
            for form in split_forms(forms) {
                let (form, prefix) = form.strip_suffix('*').map_or((form, false), |f| (f, true));
                let (form, declined) = form.strip_suffix('~').map_or((form, false), |f| (f, true));
                let word = NumberWord { kind, value, lang, form, prefix, declined };
                index.all.push(word);
                if prefix || declined {
                    let first = form.chars().next().unwrap_or(' ');
                    index.stems.entry(first).or_default().push(word);
                } else {
                    index.exact.entry(form).or_default().push(word);
                }
            }
        }
        index
    })
}

/// The number word `word` (lower case) is, if any, of the given kind: an exact form
/// first, then a stem (`миллион*`, `перв~`).
pub fn number_word(word: &str, kind: NumberWordKind) -> Option<NumberWord> {
    number_word_of(word, &[kind])
}

/// The number word `word` (lower case) is, of the first of `kinds` it is one of: exact
/// forms first, then stems.
pub fn number_word_of(word: &str, kinds: &[NumberWordKind]) -> Option<NumberWord> {
    let index = number_index();
    let exact = index.exact.get(word);
    let stems = word.chars().next().and_then(|c| index.stems.get(&c));
    if exact.is_none() && stems.is_none() {
        return None;
    }
    kinds.iter().find_map(|&kind| {
        exact
            .and_then(|list| list.iter().find(|w| w.kind == kind))
            .or_else(|| stems.and_then(|list| list.iter().find(|w| w.kind == kind && w.matches(word))))
            .copied()
    })
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
            ("units.tsv", UNITS),
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
            let numeric =
                matches!(w.kind, NumberWordKind::Cardinal | NumberWordKind::Ordinal | NumberWordKind::Loose);
            let exponent = matches!(w.kind, NumberWordKind::Scale | NumberWordKind::Single);
            assert!(!numeric || w.value.parse::<f64>().is_ok(), "{w:?}: not a number");
            assert!(!exponent || w.value.parse::<u32>().is_ok(), "{w:?}: not an exponent");
            assert!(!(w.prefix && w.declined), "{w:?}: '*' or '~', not both");
        }
        // A form means one value of its kind.
        for (k, w) in number_words().iter().enumerate() {
            for v in &number_words()[k + 1..] {
                if w.kind == v.kind && w.form == v.form && w.prefix == v.prefix && w.declined == v.declined {
                    assert_eq!(w.value, v.value, "{w:?} and {v:?}");
                }
            }
        }
    }

    #[test]
    fn tables_answer() {
        assert_eq!(number_word("двух", NumberWordKind::Cardinal).map(|w| w.number()), Some(2.0));
        assert_eq!(number_word("миллионов", NumberWordKind::Scale).map(|w| w.exponent()), Some(6));
        assert_eq!(number_word("первого", NumberWordKind::Ordinal).map(|w| w.number()), Some(1.0));
        assert_eq!(number_word("першай", NumberWordKind::Ordinal).map(|w| w.number()), Some(1.0));
        assert_eq!(number_word("четвёртый", NumberWordKind::Ordinal).map(|w| w.number()), Some(4.0));
        assert_eq!(number_word("вторник", NumberWordKind::Ordinal), None);
        assert_eq!(number_word("первенство", NumberWordKind::Ordinal), None);
        assert_eq!(number_word("полтора", NumberWordKind::Cardinal).map(|w| w.number()), Some(1.5));
        assert!(number_word("процентов", NumberWordKind::Percent).is_some());
        assert!(calendar().iter().any(|c| c.month() == Some(3) && c.forms.contains(&"марта")));
        let ov = endings().iter().find(|e| e.ending == "ов").copied();
        assert!(ov.is_some_and(|e| e.ru && e.names == NameCut::Keep));
    }
}
