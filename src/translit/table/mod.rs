//! Transliteration tables: parsing the data files in `src/translit/data/` (one per system)
//! into compiled per-language tables, and applying a table to text with its context rules
//! and case handling. Invariant: every built-in table parses (checked by a unit test), so
//! `table()` never fails at run time.

mod parse;

pub(crate) use parse::table;

/// Number of letter slots: U+0400..U+04FF plus one for the apostrophe between letters.
const SLOTS: usize = 257;
/// Slot of the apostrophe between two letters (any of ' ’ ʼ ´ `).
const APOS: u16 = 256;

/// A set of letter slots plus the word-start (`^`) and word-end (`$`) flags.
#[derive(Debug, Clone, Default)]
struct CharSet {
    bits: [u64; 5],
    start: bool,
    end: bool,
}

impl CharSet {
    fn insert(&mut self, slot: u16) {
        self.bits[usize::from(slot / 64)] |= 1 << (slot % 64);
    }
    /// Whether `slot` is in the set; a slot outside the table (`u16::MAX` stands for
    /// a letter with no Cyrillic look-alike) never is.
    fn has(&self, slot: u16) -> bool {
        self.bits.get(usize::from(slot / 64)).is_some_and(|word| word & (1 << (slot % 64)) != 0)
    }
    /// Whether a neighbour (`None` = no letter there) is in the set.
    fn matches(&self, ctx: Option<u16>, boundary_flag: bool) -> bool {
        match ctx {
            None => boundary_flag,
            Some(s) => self.has(s),
        }
    }
}

/// One output in its three case forms.
#[derive(Debug, Clone)]
struct Out {
    lower: Box<str>,
    title: Box<str>,
    upper: Box<str>,
}

impl Out {
    fn parse(value: &str) -> Out {
        let (lower, title) = match value.split_once('|') {
            Some((l, t)) => (l, Some(t)),
            None => (value, None),
        };
        let lower = if lower == "-" { "" } else { lower };
        let title = title.map(str::to_string).unwrap_or_else(|| title_case(lower));
        Out { lower: lower.into(), title: title.into(), upper: lower.to_uppercase().into() }
    }
    fn get(&self, case: Case) -> &str {
        match case {
            Case::Lower => &self.lower,
            Case::Title => &self.title,
            Case::Upper => &self.upper,
        }
    }
}

/// Upper-cases the first alphabetic character.
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut done = false;
    for c in s.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            out.push(c);
        }
    }
    out
}

/// A rule for one letter with optional neighbours.
#[derive(Debug, Clone)]
struct Rule {
    prev: Option<CharSet>,
    next: Option<CharSet>,
    out: Out,
}

impl Rule {
    fn specificity(&self) -> u8 {
        match (&self.prev, &self.next) {
            (Some(_), Some(_)) => 0,
            (Some(_), None) => 1,
            (None, Some(_)) => 2,
            (None, None) => 3,
        }
    }
}

/// A sequence of letters taken together (e.g. `ль` → `ĺ`, `ий` at the end → `y`).
#[derive(Debug, Clone)]
struct Seq {
    slots: Vec<u16>,
    prev: Option<CharSet>,
    end_only: bool,
    out: Out,
}

/// A compiled table for one system and one language.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    rules: Vec<Vec<Rule>>,
    seqs: Vec<Seq>,
    seq_first: CharSet,
}

impl Table {
    fn new() -> Table {
        Table { rules: vec![Vec::new(); SLOTS], seqs: Vec::new(), seq_first: CharSet::default() }
    }
    fn finish(&mut self) {
        for rules in &mut self.rules {
            rules.sort_by_key(Rule::specificity);
        }
        self.seqs.sort_by_key(|s| std::cmp::Reverse(s.slots.len()));
    }
}

/// Letter slot of a Cyrillic character (U+0400..U+04FF), lower-cased, and whether it was
/// upper case.
fn cyr_slot(c: char) -> Option<(u16, bool)> {
    let u = c as u32;
    let (lower, upper) = match u {
        0x410..=0x42F => (u + 0x20, true),
        0x400..=0x40F => (u + 0x50, true),
        0x430..=0x45F => (u, false),
        0x460..=0x4FF if u % 2 == 0 => (u + 1, true),
        0x460..=0x4FF => (u, false),
        _ => return None,
    };
    u16::try_from(lower - 0x400).ok().map(|s| (s, upper))
}

fn slot_of_lower(c: char) -> Option<u16> {
    if c == '\'' {
        return Some(APOS);
    }
    cyr_slot(c).filter(|&(_, up)| !up).map(|(s, _)| s)
}

/// The Cyrillic letter a Latin look-alike stands for when it sits inside a Cyrillic word
/// (used for context only; the character itself passes through).
fn lookalike(c: char) -> Option<u16> {
    let cyr = match c.to_ascii_lowercase() {
        'a' => 'а',
        'e' => 'е',
        'i' => 'і',
        'o' => 'о',
        'y' => 'у',
        'c' => 'с',
        'p' => 'р',
        'x' => 'х',
        _ => match c {
            'ë' | 'Ë' => 'ё',
            _ => return None,
        },
    };
    slot_of_lower(cyr)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '´' | '`')
}

/// What a character of the input is, for the transliterator.
#[derive(Debug, Clone, Copy)]
enum Class {
    /// A Cyrillic letter (or an apostrophe between letters): slot, upper case.
    Letter(u16, bool),
    /// Another letter (Latin...): its look-alike slot if any, upper case.
    Other(Option<u16>, bool),
    /// Not a letter.
    Gap,
}

impl Class {
    fn ctx(self) -> Option<u16> {
        match self {
            Class::Letter(s, _) => Some(s),
            Class::Other(s, _) => s.or(Some(u16::MAX)),
            Class::Gap => None,
        }
    }
    fn is_upper(self) -> bool {
        matches!(self, Class::Letter(_, true) | Class::Other(_, true))
    }
    fn is_letter(self) -> bool {
        !matches!(self, Class::Gap)
    }
}

fn classify_into(chars: &[char], out: &mut Vec<Class>) {
    out.clear();
    out.extend(chars.iter().map(|&c| match cyr_slot(c) {
        Some((s, up)) => Class::Letter(s, up),
        None if c.is_alphabetic() => Class::Other(lookalike(c), c.is_uppercase()),
        None => Class::Gap,
    }));
    for i in 1..chars.len().saturating_sub(1) {
        let between = matches!(out[i - 1], Class::Letter(..)) && matches!(out[i + 1], Class::Letter(..));
        if is_apostrophe(chars[i]) && between {
            out[i] = Class::Letter(APOS, false);
        }
    }
}

/// Chunk size (bytes) for long texts.
const CHUNK: usize = 16 * 1024;

/// Where to end the first chunk of `s`: at a space or newline after about `target` bytes
/// whose neighbouring words both have two letters or more, punctuation aside (no context
/// rule, nor the case of a one-letter word, looks across such a point); the whole text
/// when it is short, or the first space after `target` when no such point comes soon.
fn chunk_end(s: &str, target: usize) -> usize {
    if s.len() <= 2 * target {
        return s.len();
    }
    let bytes = s.as_bytes();
    // Punctuation next to the space (`ЗНАЮ. Ёж`) does not stop a word from counting.
    let two_letters = |it: &mut dyn Iterator<Item = char>| {
        it.skip_while(|c| !c.is_alphabetic() && !c.is_whitespace())
            .take(2)
            .filter(|c| c.is_alphabetic())
            .count()
            == 2
    };
    let mut fallback = None;
    for p in target..s.len() {
        if !matches!(bytes[p], b' ' | b'\n') {
            continue;
        }
        fallback.get_or_insert(p + 1);
        if two_letters(&mut s[..p].chars().rev()) && two_letters(&mut s[p + 1..].chars()) {
            return p + 1;
        }
        if p > 3 * target {
            break;
        }
    }
    fallback.unwrap_or(s.len())
}

/// Case of the output for the letters `i..end` (an upper-case first letter gives Title,
/// or Upper when the next letter, or lacking one the previous letter, is upper case too).
fn case_at(classes: &[Class], i: usize, end: usize) -> Case {
    if !classes[i].is_upper() {
        return Case::Lower;
    }
    let probe =
        if end > i + 1 { Some(i + 1) } else { classes.get(end).filter(|c| c.is_letter()).map(|_| end) };
    let upper = match probe {
        Some(j) => classes[j].is_upper(),
        None if i > 0 && classes[i - 1].is_letter() => classes[i - 1].is_upper(),
        None => neighbour_word_is_upper(classes, end),
    };
    if upper { Case::Upper } else { Case::Title }
}

/// For a one-letter word: whether the nearest word of two letters or more after it (or
/// else before it) is written in capitals, judged by the two letters next to the gap
/// (`Я В МОСКВЕ`, `ОН И Я`); other one-letter words are skipped.
fn neighbour_word_is_upper(classes: &[Class], end: usize) -> bool {
    let two_upper =
        |a: usize, b: usize| classes[a].is_upper() && classes[b].is_letter() && classes[b].is_upper();
    let letter = |j: usize| classes[j].is_letter();
    let mut j = end;
    while let Some(start) = (j..classes.len()).find(|&k| letter(k)) {
        if start + 1 < classes.len() && letter(start + 1) {
            return two_upper(start, start + 1);
        }
        j = start + 1;
    }
    // `end - 1` is the word's own letter; look before it.
    let mut j = end.saturating_sub(1);
    while let Some(last) = (0..j).rev().find(|&k| letter(k)) {
        if last > 0 && letter(last - 1) {
            return two_upper(last, last - 1);
        }
        j = last;
    }
    false
}

#[derive(Debug, Clone, Copy)]
enum Case {
    Lower,
    Title,
    Upper,
}

impl Table {
    /// Transliterates `text`; characters the table does not cover pass through. Long
    /// texts are taken in chunks split between words, so the buffers stay small.
    pub(crate) fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let mut chars = Vec::new();
        let mut classes = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let (head, tail) = rest.split_at(chunk_end(rest, CHUNK));
            chars.clear();
            chars.extend(head.chars());
            classify_into(&chars, &mut classes);
            self.apply_chunk(&chars, &classes, &mut out);
            rest = tail;
        }
        out
    }

    fn apply_chunk(&self, chars: &[char], classes: &[Class], out: &mut String) {
        let mut i = 0;
        while i < chars.len() {
            let step = match classes[i] {
                Class::Letter(slot, _) => self.letter(classes, i, slot, out),
                _ => 0,
            };
            if step == 0 {
                out.push(chars[i]);
                i += 1;
            } else {
                i += step;
            }
        }
    }

    /// Writes the output for the letter at `i`; returns how many input characters it
    /// consumed (0 when the table has nothing for it).
    fn letter(&self, classes: &[Class], i: usize, slot: u16, out: &mut String) -> usize {
        let prev = if i == 0 { None } else { classes[i - 1].ctx() };
        if self.seq_first.has(slot) {
            for seq in &self.seqs {
                if let Some(len) = seq_match(seq, classes, i, prev) {
                    out.push_str(seq.out.get(case_at(classes, i, i + len)));
                    return len;
                }
            }
        }
        let next = classes.get(i + 1).and_then(|c| c.ctx());
        let rules = &self.rules[usize::from(slot)];
        for rule in rules {
            let prev_ok = rule.prev.as_ref().is_none_or(|s| s.matches(prev, s.start));
            let next_ok = rule.next.as_ref().is_none_or(|s| s.matches(next, s.end));
            if prev_ok && next_ok {
                out.push_str(rule.out.get(case_at(classes, i, i + 1)));
                return 1;
            }
        }
        0
    }
}

fn seq_match(seq: &Seq, classes: &[Class], i: usize, prev: Option<u16>) -> Option<usize> {
    let len = seq.slots.len();
    let window = classes.get(i..i + len)?;
    let same = window.iter().zip(&seq.slots).all(|(c, &s)| matches!(c, Class::Letter(x, _) if *x == s));
    if !same {
        return None;
    }
    if seq.end_only && classes.get(i + len).is_some_and(|c| c.is_letter()) {
        return None;
    }
    if let Some(p) = &seq.prev {
        if !p.matches(prev, p.start) {
            return None;
        }
    }
    Some(len)
}

// ---------------------------------------------------------------- parsing

#[cfg(test)]
mod tests {
    use super::parse::{FILES, parse};
    use super::*;

    #[test]
    fn every_built_in_table_parses_for_both_languages() {
        for (id, text) in FILES {
            for lang in ["ru", "be"] {
                let t = parse(text, lang).unwrap_or_else(|e| panic!("{id} {lang}: {e}"));
                let covered = t.rules.iter().filter(|r| !r.is_empty()).count();
                assert!(covered >= 33, "{id} {lang}: only {covered} letters");
            }
        }
    }

    #[test]
    fn each_table_has_no_duplicate_plain_entries() {
        for (id, text) in FILES {
            for lang in ["ru", "be"] {
                let t = parse(text, lang).expect("parses");
                for (slot, rules) in t.rules.iter().enumerate() {
                    let plain = rules.iter().filter(|r| r.specificity() == 3).count();
                    assert!(plain <= 1, "{id} {lang}: slot {slot} has {plain} plain entries");
                }
            }
        }
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = parse("@lang ru\nа\n", "ru").expect_err("no tab");
        assert!(err.contains("line 2"), "{err}");
        let err = parse("@lang ru\nq\tx\n", "ru").expect_err("latin key");
        assert!(err.contains("line 2"), "{err}");
        assert!(parse("@lang ru\nа\ta\n", "be").is_err());
    }

    #[test]
    fn long_texts_come_out_the_same_as_short_ones() {
        let t = table(0, false);
        let piece = "Я ЗНАЮ. Ёж и ель, съезд Щ Ы ОЫУ — Ельцин! ";
        let long = piece.repeat(3000);
        let want = t.apply(piece).repeat(3000);
        assert_eq!(t.apply(&long), want);
        assert!(long.len() > 4 * CHUNK);
    }

    #[test]
    fn case_follows_the_input() {
        let t = parse("@lang ru\nж\tzh\nу\tu\nк\tk\nо\to\nв\tv\n", "ru").expect("parses");
        assert_eq!(t.apply("Жуков ЖУКОВ жуков"), "Zhukov ZHUKOV zhukov");
        assert_eq!(t.apply("Ж. Ж"), "Zh. Zh");
        assert_eq!(t.apply("Ж ЖУК"), "ZH ZHUK");
        assert_eq!(t.apply("КУК Ж"), "KUK ZH");
        assert_eq!(t.apply("Ж Жук"), "Zh Zhuk");
        // Another one-letter word in between is skipped, on either side.
        assert_eq!(t.apply("Ж В ЖУК"), "ZH V ZHUK");
        assert_eq!(t.apply("КУК В Ж"), "KUK V ZH");
        assert_eq!(t.apply("Ж В Жук"), "Zh V Zhuk");
        assert_eq!(t.apply("Ж В"), "Zh V");
    }
}
