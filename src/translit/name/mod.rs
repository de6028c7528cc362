//! Cross-script name matching: a coarse phonetic key shared by Cyrillic and Latin
//! spellings, cut points for inflectional endings, and a weighted edit distance between
//! keys. Building a key and comparing two keys allocate nothing (fixed-size buffers;
//! names longer than `MAX_KEY` symbols are truncated).

use crate::text::tables::{NameCut, endings};
mod conventional;
mod distance;

use crate::text::FastMap;
use conventional::conventional_alts;
pub(crate) use conventional::conventional_entries;
use distance::{score, score_plain};

type AltMap = FastMap<Vec<u8>, Vec<Vec<u8>>>;

/// Longest key kept, in symbols.
const MAX_KEY: usize = 40;
/// Most cut points (prefix lengths allowed besides the whole key).
const MAX_CUTS: usize = 8;
/// Cost (in `UNIT`ths) of cutting a final vowel group from a Latin spelling.
const LATIN_CUT_PENALTY: u8 = 2;
/// Cost (in `UNIT`ths) of matching `t s` (тс) with `C` (ц, Latin `ts`): they sound alike.
const TS_MERGE: u16 = 2;
/// Cost unit: 1.0 in the edit distance.
const UNIT: u16 = 20;

// Key symbols (bytes): vowels a e i o u, `9` = ё (between o and e); consonants as their
// Latin letter, with Z = ж, x = х, h = a lone Latin h, C = ц, c = ч, S = ш, w = ў or Latin
// w; `_` = a word boundary (space or hyphen).

/// A name reduced to its phonetic key, with the places where an ending may be cut.
///
/// ```
/// use sverka::translit::NameKey;
/// let cyr = NameKey::from_cyrillic("Лукашенку");
/// assert!(cyr.similarity(&NameKey::from_latin("Lukashenko")) > 0.9);
/// assert!(cyr.similarity(&NameKey::from_latin("Lukashevich")) < 0.8);
/// ```
#[derive(Debug, Clone)]
pub struct NameKey {
    syms: [u8; MAX_KEY],
    len: u8,
    cuts: [u8; MAX_CUTS],
    /// Cost (in `UNIT`ths) of using each cut.
    penalties: [u8; MAX_CUTS],
    ncuts: u8,
    alts: &'static [Vec<u8>],
}

/// Appends symbols, collapsing a symbol equal to the previous one.
struct KeyBuf {
    syms: [u8; MAX_KEY],
    len: usize,
}

impl KeyBuf {
    fn new() -> KeyBuf {
        KeyBuf { syms: [0; MAX_KEY], len: 0 }
    }
    fn push(&mut self, s: u8) {
        if self.len > 0 && self.syms[self.len - 1] == s {
            return;
        }
        if s == b'_' && (self.len == 0) {
            return;
        }
        if self.len < MAX_KEY {
            self.syms[self.len] = s;
            self.len += 1;
        }
    }
    fn push_all(&mut self, s: &[u8]) {
        for &b in s {
            self.push(b);
        }
    }
    fn trim_boundary(&mut self) {
        while self.len > 0 && self.syms[self.len - 1] == b'_' {
            self.len -= 1;
        }
    }
}

/// Key symbols of one lower-case Cyrillic letter (Russian, Belarusian, Ukrainian).
fn cyr_symbols(c: char) -> &'static [u8] {
    match c {
        'а' => b"a",
        'б' => b"b",
        'в' => b"v",
        'г' | 'ґ' => b"g",
        'д' => b"d",
        'е' | 'э' => b"e",
        'є' => b"ie",
        'ё' => b"9",
        'ж' => b"Z",
        'з' => b"z",
        'и' | 'і' | 'ї' | 'й' | 'ы' => b"i",
        'к' => b"k",
        'л' => b"l",
        'м' => b"m",
        'н' => b"n",
        'о' => b"o",
        'п' => b"p",
        'р' => b"r",
        'с' => b"s",
        'т' => b"t",
        'у' => b"u",
        'ў' => b"w",
        'ф' => b"f",
        'х' => b"x",
        'ц' => b"C",
        'ч' => b"c",
        'ш' => b"S",
        'щ' => b"Sc",
        'ю' => b"iu",
        'я' => b"ia",
        ' ' | '-' | '‑' | '–' => b"_",
        _ => b"",
    }
}

/// Cost (in `UNIT`ths) of cutting an adjective suffix.
const DERIVED_PENALTY: u8 = 6;

/// Lower-case ASCII spelling of one Latin character (diacritics folded; `""` = ignored).
fn fold_latin(c: char) -> &'static str {
    match c {
        'a'..='z' => {
            const L: [&str; 26] = [
                "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
                "s", "t", "u", "v", "w", "x", "y", "z",
            ];
            L[(c as u8 - b'a') as usize]
        }
        'A'..='Z' => fold_latin(c.to_ascii_lowercase()),
        'č' | 'Č' => "ch",
        'š' | 'Š' => "sh",
        'ž' | 'Ž' => "zh",
        'ŝ' | 'Ŝ' => "shch",
        'ć' | 'Ć' => "c",
        'ś' | 'Ś' => "s",
        'ź' | 'Ź' | 'ż' | 'Ż' => "z",
        'ĺ' | 'Ĺ' | 'ł' | 'Ł' | 'ľ' | 'Ľ' => "l",
        'ń' | 'Ń' | 'ñ' | 'Ñ' => "n",
        'ë' | 'Ë' => "yo",
        'é' | 'É' | 'è' | 'È' | 'ė' | 'Ė' | 'ê' | 'Ê' | 'ē' | 'Ē' | 'ě' | 'Ě' => "e",
        'â' | 'Â' => "ya",
        'û' | 'Û' => "yu",
        'á' | 'Á' | 'à' | 'À' | 'ä' | 'Ä' | 'ā' | 'Ā' | 'ą' | 'Ą' => "a",
        'í' | 'Í' | 'ì' | 'Ì' | 'ï' | 'Ï' | 'î' | 'Î' | 'ī' | 'Ī' => "i",
        'ĭ' | 'Ĭ' | 'ǐ' | 'Ǐ' => "j",
        'ó' | 'Ó' | 'ò' | 'Ò' | 'ô' | 'Ô' | 'ö' | 'Ö' | 'ō' | 'Ō' => "o",
        'ú' | 'Ú' | 'ù' | 'Ù' | 'ü' | 'Ü' | 'ū' | 'Ū' => "u",
        'ŭ' | 'Ŭ' | 'ǔ' | 'Ǔ' => "w",
        'ý' | 'Ý' | 'ȳ' | 'Ȳ' | 'ÿ' => "y",
        'ç' | 'Ç' => "s",
        ' ' | '-' | '‑' | '–' => " ",
        _ => "",
    }
}

fn is_vowel_byte(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Parses folded lower-case ASCII into key symbols.
fn latin_symbols(s: &[u8], out: &mut KeyBuf) {
    let mut p = 0;
    while p < s.len() {
        let rest = &s[p..];
        let (syms, used): (&[u8], usize) = if rest.starts_with(b"shch") {
            (b"Sc", 4)
        } else if rest.starts_with(b"shtch") {
            (b"Sc", 5)
        } else if rest.starts_with(b"sch") || rest.starts_with(b"shh") {
            (b"Sc", 3)
        } else if rest.starts_with(b"tsch") {
            (b"c", 4)
        } else if rest.starts_with(b"tch") {
            (b"c", 3)
        } else if rest.starts_with(b"zh") {
            (b"Z", 2)
        } else if rest.starts_with(b"kh") {
            (b"x", 2)
        } else if rest.starts_with(b"ch") {
            (b"c", 2)
        } else if rest.starts_with(b"sh") {
            (b"S", 2)
        } else if rest.starts_with(b"ts") || rest.starts_with(b"tz") || rest.starts_with(b"cz") {
            (b"C", 2)
        } else if rest.starts_with(b"ph") {
            (b"f", 2)
        } else if rest.starts_with(b"ck") || rest.starts_with(b"gh") {
            (&rest[1..2], 2)
        } else {
            let one: &[u8] = match rest[0] {
                b'c' => match rest.get(1) {
                    None => b"C",
                    Some(b'e' | b'i' | b'y' | b'j' | b' ') => b"C",
                    Some(_) => b"k",
                },
                b'x' => b"ks",
                b'q' => b"k",
                b'j' | b'y' => b"i",
                b' ' => b"_",
                b => {
                    if b.is_ascii_lowercase() {
                        &rest[0..1]
                    } else {
                        b""
                    }
                }
            };
            (one, 1)
        };
        out.push_all(syms);
        p += used;
    }
}

impl NameKey {
    /// The key of a Cyrillic name (one or more words; Russian, Belarusian or Ukrainian),
    /// with cut points before the inflectional endings of its last word.
    pub fn from_cyrillic(text: &str) -> NameKey {
        let mut key = NameKey::from_cyrillic_cuts(text);
        key.alts = conventional_alts(&key);
        key
    }

    /// The Cyrillic key with its ending cuts, without conventional alternatives.
    fn from_cyrillic_cuts(text: &str) -> NameKey {
        let mut buf = KeyBuf::new();
        // The last word's letters (UTF-8) and the key length after the letter ending at
        // each byte.
        let mut after = [0u8; 2 * MAX_KEY];
        let mut word = [0u8; 2 * MAX_KEY];
        let mut wlen = 0usize;
        for c in text.chars() {
            let lc = lower_cyr(c);
            let syms = cyr_symbols(lc);
            if syms == b"_" {
                wlen = 0;
            }
            buf.push_all(syms);
            let n = lc.len_utf8();
            if is_word_letter(lc) && wlen + n <= word.len() {
                lc.encode_utf8(&mut word[wlen..wlen + n]);
                wlen += n;
                after[wlen - 1] = buf.len as u8;
            }
        }
        buf.trim_boundary();
        let mut key = NameKey::empty(buf);
        key.add_ending_cuts(&word[..wlen], &after[..wlen]);
        key
    }

    /// The key of a Latin spelling, with cut points before a final vowel group
    /// (`Zelenskyy` may meet `Зеленского` at `Zelensk`).
    pub fn from_latin(text: &str) -> NameKey {
        let text = strip_possessive(text);
        let mut folded = [0u8; 2 * MAX_KEY];
        let mut n = 0;
        for c in text.chars() {
            for &b in fold_latin(c).as_bytes() {
                if n < folded.len() {
                    folded[n] = b;
                    n += 1;
                }
            }
        }
        let mut buf = KeyBuf::new();
        latin_symbols(&folded[..n], &mut buf);
        buf.trim_boundary();
        let mut key = NameKey::empty(buf);
        key.add_vowel_cuts(LATIN_CUT_PENALTY);
        key
    }

    fn empty(buf: KeyBuf) -> NameKey {
        NameKey {
            syms: buf.syms,
            len: buf.len as u8,
            cuts: [0; MAX_CUTS],
            penalties: [0; MAX_CUTS],
            ncuts: 0,
            alts: &[],
        }
    }

    fn add_cut(&mut self, at: usize, penalty: u8) {
        let at = at as u8;
        if at == self.len || self.cuts[..usize::from(self.ncuts)].contains(&at) {
            return;
        }
        if usize::from(self.ncuts) < MAX_CUTS {
            self.cuts[usize::from(self.ncuts)] = at;
            self.penalties[usize::from(self.ncuts)] = penalty;
            self.ncuts += 1;
        }
    }

    /// Cut points before a final vowel group of up to three symbols.
    fn add_vowel_cuts(&mut self, penalty: u8) {
        let mut cut = usize::from(self.len);
        let mut vowels = 0;
        while cut > 0 && vowels < 3 && is_vowel_byte(self.syms[cut - 1]) {
            cut -= 1;
            vowels += 1;
            if cut >= 3 {
                self.add_cut(cut, penalty);
            }
        }
    }

    fn add_ending_cuts(&mut self, word: &[u8], after: &[u8]) {
        // Inflectional endings first, then adjective suffixes (`text/data/endings.tsv`).
        let with = |kind: NameCut, penalty: u8| {
            endings().iter().filter(move |e| e.names == kind).map(move |e| (e.ending, penalty))
        };
        for (ending, penalty) in with(NameCut::Cut, 0).chain(with(NameCut::Derived, DERIVED_PENALTY)) {
            let e = ending.as_bytes();
            // At least three Cyrillic letters (two bytes each) must stay.
            if word.len() < e.len() + 6 || !word.ends_with(e) {
                continue;
            }
            self.add_cut(usize::from(after[word.len() - e.len() - 1]), penalty);
        }
    }

    /// The key symbols (for tests and debugging).
    pub fn symbols(&self) -> &[u8] {
        &self.syms[..usize::from(self.len)]
    }

    /// Similarity in [0, 1] of two keys (one Cyrillic, one Latin, or any two): the best
    /// score over the cut points of both and the conventional alternatives.
    pub fn similarity(&self, other: &NameKey) -> f64 {
        if self.len == 0 || other.len == 0 {
            return 0.0;
        }
        let mut best = score(self, self.symbols(), other);
        if best >= 0.95 {
            return best;
        }
        for alt in self.alts {
            best = best.max(score_plain(alt, other.symbols()));
        }
        for alt in other.alts {
            best = best.max(score_plain(alt, self.symbols()));
        }
        best
    }
}

/// `Putin's` → `Putin`, `Zelenskyy’s` → `Zelenskyy` (the English possessive).
fn strip_possessive(text: &str) -> &str {
    let t = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    ["'s", "’s", "'S", "’S"].iter().find_map(|p| t.strip_suffix(p)).unwrap_or(t)
}

/// A lower-case Cyrillic letter of a word (Russian, Belarusian, Ukrainian).
fn is_word_letter(c: char) -> bool {
    matches!(c, 'а'..='я' | 'ё' | 'і' | 'ї' | 'є' | 'ў' | 'ґ')
}

fn lower_cyr(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        'Ґ' => 'ґ',
        '\'' | '’' | 'ʼ' => '\'',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(c: &str, l: &str) -> f64 {
        NameKey::from_cyrillic(c).similarity(&NameKey::from_latin(l))
    }

    #[test]
    fn cyrillic_and_latin_keys_meet() {
        let pairs = [
            ("Жуков", "Zhukov"),
            ("Щукин", "Shchukin"),
            ("Юрий", "Yuriy"),
            ("Юрий", "Iurii"),
            ("Зеленский", "Zelenskyy"),
            ("Зеленский", "Zelensky"),
            ("Цой", "Tsoi"),
            ("Хатынь", "Khatyn"),
        ];
        for (c, l) in pairs {
            let (a, b) = (NameKey::from_cyrillic(c), NameKey::from_latin(l));
            assert_eq!(a.symbols(), b.symbols(), "{c} / {l}");
            assert!((a.similarity(&b) - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn endings_are_cut_on_both_sides() {
        assert!(sim("Лукашенку", "Lukashenko") > 0.9);
        assert!(sim("Лукашэнкі", "Lukashenka") > 0.9);
        assert!(sim("Зеленского", "Zelenskyy") > 0.9);
        assert!(sim("Минске", "Minsk") > 0.9);
        assert!(sim("Курской", "Kursk") > 0.9);
        assert!(sim("Брестской", "Brest") > 0.9);
        assert!(sim("Иркутске", "Irkutsk") > 0.95);
        assert!(sim("Донецке", "Donetsk") > 0.95);
    }

    #[test]
    fn english_possessive_and_punctuation_are_ignored() {
        assert_eq!(sim("Путин", "Putin's"), 1.0);
        assert_eq!(sim("Зеленского", "Zelenskyy’s"), sim("Зеленского", "Zelenskyy"));
        assert_eq!(sim("Лукашенко,", "(Lukashenko)"), 1.0);
    }

    #[test]
    fn different_names_score_low() {
        assert!(sim("Лукашенко", "Lukashevich") < 0.8);
        assert!(sim("Путин", "Pushkin") < 0.8);
        assert!(sim("Зеленский", "Zelenin") < 0.8);
        assert!(sim("Минск", "Pinsk") < sim("Минск", "Minsk"));
    }

    #[test]
    fn conventions_and_known_pairs() {
        assert!(sim("Александр", "Alexander") > 0.85);
        assert!(sim("Аляксандр", "Aliaksandr") > 0.95);
        assert!(sim("Евгений", "Yevgeny") > 0.9);
        assert!(sim("Пётр", "Pyotr") > 0.9);
        assert!(sim("Пётр", "Petr") > 0.9);
        assert!(sim("Киев", "Kyiv") > 0.9);
        assert!(sim("Киеве", "Kyiv") > 0.9);
        assert!(sim("Москва", "Moscow") > 0.9);
        assert!(sim("Владимир", "Volodymyr") > 0.9);
    }

    #[test]
    fn conventional_table_is_well_formed() {
        let mut lemmas = std::collections::HashSet::new();
        for (cyr, forms) in conventional_entries() {
            assert!(lemmas.insert(cyr), "{cyr} appears twice");
            assert!(NameKey::from_cyrillic(cyr).len > 0, "{cyr}");
            let list: Vec<&str> = forms.split('|').collect();
            let unique: std::collections::HashSet<&&str> = list.iter().collect();
            assert_eq!(unique.len(), list.len(), "{cyr}: repeated form");
            assert!(list.iter().all(|f| !f.trim().is_empty()), "{cyr}: empty form");
        }
        assert!(lemmas.len() > 80);
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        assert_eq!(sim("", "Minsk"), 0.0);
        assert_eq!(sim("Минск", ""), 0.0);
        let long = "Ж".repeat(500);
        assert!(sim(&long, &"zh".repeat(500)) > 0.9);
        assert!(sim("123", "!!!") == 0.0);
    }
}
