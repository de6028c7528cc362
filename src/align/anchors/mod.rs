//! Lexical anchors: turns each sentence into a short sorted list of weighted anchor
//! keys (numbers, punctuation, URLs, shared word prefixes and Latin-script tokens,
//! names across scripts, glossary terms, dictionary pairs) so that the evidence for a
//! candidate bead is the weight its two sides share.
//!
//! Keys that occur on only one side of the document say nothing about where a
//! sentence goes and are dropped; the rest are weighted by how rare they are
//! (an inverse document frequency over sentences).

use super::{Dictionary, Resources};
use crate::annotate::Annotation;
use crate::config::AnchorWeights;
use crate::model::Document;
mod cross;

use crate::text::{FastMap, FastSet, fold_word, is_cyrillic, is_letter, letter_runs, stable_hash as key};
use cross::{calendar_key, consonant_classes, link_names};
use rayon::prelude::*;
use std::collections::HashMap;

/// The anchor keys of one unit (a sentence, or a block of sentences at coarse levels):
/// `(key, weight)` sorted by key, one entry per key, weight = count × key weight.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Anchors {
    /// Sorted keys with their summed weights.
    pub keys: Vec<(u64, f32)>,
}

impl Anchors {
    /// Total weight of the unit's keys.
    pub fn total(&self) -> f32 {
        self.keys.iter().map(|k| k.1).sum()
    }

    /// Weight shared by two units: Σ over common keys of the smaller weight.
    pub fn shared(&self, other: &Anchors) -> f32 {
        let (a, b) = (&self.keys, &other.keys);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1.min(b[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// Weight shared with `other` by keys other than punctuation that are found in
    /// neither `not_x` nor `not_y`: the evidence that this unit and `other` belong
    /// together which their neighbours `not_x`, `not_y` do not also carry.
    pub fn shared_only(&self, other: &Anchors, not_x: &Anchors, not_y: &Anchors) -> f32 {
        let holds = |unit: &Anchors, k: u64| unit.keys.binary_search_by_key(&k, |e| e.0).is_ok();
        let mut sum = 0.0;
        for &(k, w) in &self.keys {
            let Ok(x) = other.keys.binary_search_by_key(&k, |e| e.0) else { continue };
            if !PUNCTUATION_KEYS.contains(&k) && !holds(not_x, k) && !holds(not_y, k) {
                sum += w.min(other.keys[x].1);
            }
        }
        sum
    }

    /// The anchors of several units taken together.
    pub fn merged<'a>(parts: impl Iterator<Item = &'a Anchors>) -> Anchors {
        let mut keys: Vec<(u64, f32)> = parts.flat_map(|p| p.keys.iter().copied()).collect();
        Anchors { keys: aggregate(&mut keys) }
    }
}

fn aggregate(keys: &mut [(u64, f32)]) -> Vec<(u64, f32)> {
    keys.sort_unstable_by_key(|k| k.0);
    let mut out: Vec<(u64, f32)> = Vec::with_capacity(keys.len());
    for &(k, w) in keys.iter() {
        match out.last_mut() {
            Some(last) if last.0 == k => last.1 += w,
            _ => out.push((k, w)),
        }
    }
    out
}

/// The keys of the punctuation marks that are anchors: `? ! ( : ;` and quotation marks
/// (all styles share the last key).
pub(crate) const PUNCTUATION_KEYS: [u64; 6] =
    [key(b'p', "?"), key(b'p', "!"), key(b'p', "("), key(b'p', ":"), key(b'p', ";"), key(b'p', "\"")];

/// The anchor key of a punctuation mark, if it is one ([`PUNCTUATION_KEYS`]).
fn punctuation_key(c: char) -> Option<u64> {
    let index = match c {
        '?' => 0,
        '!' => 1,
        '(' => 2,
        ':' => 3,
        ';' => 4,
        '«' | '»' | '“' | '”' | '„' | '"' => 5,
        _ => return None,
    };
    Some(PUNCTUATION_KEYS[index])
}

/// The script a document is mostly written in.
fn mostly_cyrillic(doc: &Document) -> bool {
    let (mut cyr, mut lat) = (0usize, 0usize);
    for s in doc.sentences.iter().take(2000) {
        for c in s.text.chars().filter(|&c| is_letter(c)) {
            if is_cyrillic(c) {
                cyr += 1;
            } else if c.is_ascii_alphabetic() {
                lat += 1;
            }
        }
    }
    cyr > lat || (cyr == 0 && lat == 0 && doc.lang.is_cyrillic())
}

/// The shared-prefix key of a word, when the word is long enough to carry meaning
/// (4+ letters, or an all-capital acronym of 2+).
fn word_key(word: &str, folded: &str) -> Option<u64> {
    let n = word.chars().count();
    let acronym = n >= 2 && word.chars().all(char::is_uppercase);
    if n < 4 && !acronym {
        return None;
    }
    let end = folded.char_indices().nth(5).map_or(folded.len(), |(i, _)| i);
    Some(key(b'w', &folded[..end]))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() >= 3
}

/// Dictionary stem: long words lose up to two final letters (case endings).
fn dict_stem(word: &str) -> String {
    let norm = fold_word(word);
    let n = norm.chars().count();
    if n <= 4 {
        return norm;
    }
    norm.chars().take((n - 2).clamp(4, 7)).collect()
}

/// Dictionary lookup: stem → pair ids, for side A (first words) or side B.
fn dict_index(dict: &Dictionary, side_a: bool) -> HashMap<String, Vec<u32>> {
    let mut map: HashMap<String, Vec<u32>> = HashMap::new();
    for (i, (a, b)) in dict.pairs.iter().enumerate() {
        let w = if side_a { a } else { b };
        if w.chars().count() >= 5 && !w.contains(" ") {
            map.entry(dict_stem(w)).or_default().push(i as u32);
        }
    }
    map
}

struct Side<'a> {
    doc: &'a Document,
    /// Whether words carry consonant-skeleton keys (the two sides differ in script).
    cognates: bool,
    /// Key weights.
    weights: &'a AnchorWeights,
}

/// The keys of one word (shared-prefix, cognate, name, calendar and dictionary keys),
/// in that order.
fn word_keys(w: &str, side: &Side<'_>, names: &HashMap<String, u64>, dict: &DictIdx) -> Vec<(u64, f32)> {
    let mut keys = Vec::new();
    let folded = fold_word(w);
    if let Some(k) = word_key(w, &folded) {
        keys.push((k, side.weights.word));
    }
    if side.cognates {
        let classes = consonant_classes(w);
        let need = side.weights.cognate_classes;
        if classes.len() >= need {
            keys.push((key(b's', std::str::from_utf8(&classes[..need]).unwrap_or("")), side.weights.cognate));
        }
    }
    if is_capitalised(w) {
        if let Some(&k) = names.get(w) {
            keys.push((k, side.weights.name));
        }
    }
    if let Some(k) = calendar_key(w, &folded) {
        keys.push((k, side.weights.calendar));
    }
    if !dict.map.is_empty() {
        if let Some(ids) = dict.map.get(&dict_stem(&folded)) {
            keys.extend(ids.iter().map(|&i| (key(b'd', &i.to_string()), side.weights.dict)));
        }
    }
    keys
}

/// The words of a document, each distinct word once (`words`), and each sentence as
/// the ids of its words in order (`sentences`).
struct Vocab<'a> {
    words: Vec<&'a str>,
    sentences: Vec<Vec<u32>>,
}

impl<'a> Vocab<'a> {
    fn new(doc: &'a Document) -> Self {
        let mut ids: FastMap<&str, u32> = HashMap::default();
        let mut words = Vec::new();
        let sentences = doc
            .sentences
            .iter()
            .map(|s| {
                letter_runs(&s.text)
                    .map(|w| {
                        *ids.entry(w).or_insert_with(|| {
                            words.push(w);
                            (words.len() - 1) as u32
                        })
                    })
                    .collect()
            })
            .collect();
        Vocab { words, sentences }
    }

    /// Capitalised words in Cyrillic (or not in Cyrillic), sorted.
    fn capitalised(&self, cyrillic_words: bool) -> Vec<String> {
        let mut v: Vec<String> = self
            .words
            .iter()
            .filter(|w| is_capitalised(w) && w.chars().next().is_some_and(is_cyrillic) == cyrillic_words)
            .map(|w| w.to_string())
            .collect();
        v.sort_unstable();
        v
    }
}

/// The raw (unweighted) keys of one sentence, into `keys` (cleared first).
fn raw_keys(
    keys: &mut Vec<(u64, f32)>,
    text: &str,
    note: &Annotation,
    word_ids: &[u32],
    vocab: &[Vec<(u64, f32)>],
    side: &Side<'_>,
) {
    keys.clear();
    for q in &note.numbers {
        let mut h = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&q.value, &mut h);
        keys.push((std::hash::Hasher::finish(&h), side.weights.number));
    }
    keys.extend(text.chars().filter_map(punctuation_key).map(|k| (k, side.weights.punctuation)));
    for chunk in text.split_whitespace() {
        if chunk.contains("://") || chunk.starts_with("www.") || (chunk.contains('@') && chunk.contains('.'))
        {
            let url = chunk.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            keys.push((key(b'u', &url), side.weights.url));
        }
    }
    for &w in word_ids {
        keys.extend_from_slice(&vocab[w as usize]);
    }
    for m in &note.terms {
        keys.push((key(b'g', &m.entry.to_string()), side.weights.glossary));
    }
}

struct DictIdx {
    map: HashMap<String, Vec<u32>>,
}

/// Anchors of every sentence of both documents.
pub fn extract(
    (a, notes_a): (&Document, &[Annotation]),
    (b, notes_b): (&Document, &[Annotation]),
    res: &Resources<'_>,
    weights: &AnchorWeights,
) -> (Vec<Anchors>, Vec<Anchors>) {
    let (ca, cb) = (mostly_cyrillic(a), mostly_cyrillic(b));
    let cognates = ca != cb;
    let sa = Side { doc: a, cognates, weights };
    let sb = Side { doc: b, cognates, weights };
    let (va, vb) = rayon::join(|| Vocab::new(a), || Vocab::new(b));
    let (names_a, names_b) = match (ca, cb) {
        (true, false) => link_names(&va.capitalised(true), &vb.capitalised(false), weights.name_threshold),
        (false, true) => {
            let (cb, la) = link_names(&vb.capitalised(true), &va.capitalised(false), weights.name_threshold);
            (la, cb)
        }
        _ => (HashMap::new(), HashMap::new()),
    };
    let (dict_a, dict_b) = match res.dict {
        Some(d) => (DictIdx { map: dict_index(d, true) }, DictIdx { map: dict_index(d, false) }),
        None => (DictIdx { map: HashMap::new() }, DictIdx { map: HashMap::new() }),
    };
    let raw = |side: &Side<'_>,
               notes: &[Annotation],
               vocab: &Vocab<'_>,
               names: &HashMap<String, u64>,
               dict: &DictIdx,
               other: Option<&FastSet<u64>>| {
        let keys: Vec<Vec<(u64, f32)>> =
            vocab.words.par_iter().map(|w| word_keys(w, side, names, dict)).collect();
        side.doc
            .sentences
            .par_iter()
            .zip(notes)
            .zip(&vocab.sentences)
            .map_init(Vec::new, |buf, ((s, note), ids)| {
                raw_keys(buf, &s.text, note, ids, &keys, side);
                if let Some(other) = other {
                    buf.retain(|k| other.contains(&k.0));
                }
                buf.to_vec()
            })
            .collect::<Vec<_>>()
    };
    let raw_a = raw(&sa, notes_a, &va, &names_a, &dict_a, None);
    // Only keys on both sides are kept (`weigh`): B's others are dropped as they are made,
    // so that the two sides' keys are never held whole at once.
    let keys_a: FastSet<u64> = raw_a.iter().flatten().map(|k| k.0).collect();
    let raw_b = raw(&sb, notes_b, &vb, &names_b, &dict_b, Some(&keys_a));
    drop(keys_a);
    weigh(raw_a, raw_b)
}

/// Keeps keys seen on both sides and weights them by rarity.
fn weigh(raw_a: Vec<Vec<(u64, f32)>>, raw_b: Vec<Vec<(u64, f32)>>) -> (Vec<Anchors>, Vec<Anchors>) {
    let df = |raw: &[Vec<(u64, f32)>]| -> FastMap<u64, u32> {
        let mut df: FastMap<u64, u32> = HashMap::default();
        for s in raw {
            let mut keys: Vec<u64> = s.iter().map(|k| k.0).collect();
            keys.sort_unstable();
            keys.dedup();
            for k in keys {
                *df.entry(k).or_default() += 1;
            }
        }
        df
    };
    let (dfa, dfb) = rayon::join(|| df(&raw_a), || df(&raw_b));
    let (na, nb) = (raw_a.len().max(1) as f32, raw_b.len().max(1) as f32);
    let norm = (1.0 + na.max(nb)).ln().max(1.0);
    let weight = |k: u64| -> Option<f32> {
        let (da, db) = (*dfa.get(&k)?, *dfb.get(&k)?);
        let p = (da as f32 / na).max(db as f32 / nb);
        Some(((1.0 + 1.0 / p).ln() / norm).min(1.0))
    };
    let finish = |raw: Vec<Vec<(u64, f32)>>| -> Vec<Anchors> {
        raw.into_par_iter()
            .map(|mut s| {
                s.retain_mut(|k| match weight(k.0) {
                    Some(w) => {
                        k.1 *= w;
                        true
                    }
                    None => false,
                });
                Anchors { keys: aggregate(&mut s) }
            })
            .collect()
    };
    (finish(raw_a), finish(raw_b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_share_consonant_classes_across_scripts() {
        let pairs = [
            ("Лукашенко", "Lukashenko"),
            ("Минске", "Minsk"),
            ("Зеленского", "Zelenskyy"),
            ("Москве", "Moscow"),
        ];
        for (c, l) in pairs {
            let (cc, lc) = (consonant_classes(c), consonant_classes(l));
            assert_eq!(cc[..3], lc[..3], "{c} / {l}");
        }
        assert_ne!(consonant_classes("Минске")[..3], consonant_classes("Berlin")[..3]);
    }

    #[test]
    fn calendar_names_match_across_languages() {
        let k = |w: &str| calendar_key(w, &fold_word(w));
        assert!(k("October").is_some());
        assert_eq!(k("October"), k("октября"));
        assert_eq!(k("кастрычніка"), k("octobre"));
        assert_eq!(k("Monday"), k("понедельник"));
        assert_eq!(k("monday"), None, "English names must be capitalised");
        assert_eq!(k("Moscow"), None);
    }

    #[test]
    fn word_keys_fold_accents_and_skip_short_words() {
        let k = |w: &str| word_key(w, &fold_word(w));
        assert_eq!(k("Expedition"), k("expédition"));
        assert_eq!(k("der"), None);
        assert!(k("EU").is_some());
    }

    #[test]
    fn shared_weight_takes_the_smaller_count() {
        let a = Anchors { keys: vec![(1, 2.0), (3, 1.0)] };
        let b = Anchors { keys: vec![(1, 1.0), (2, 5.0), (3, 0.5)] };
        assert!((a.shared(&b) - 1.5).abs() < 1e-6);
        let m = Anchors::merged([&a, &b].into_iter());
        assert_eq!(m.keys, vec![(1, 3.0), (2, 5.0), (3, 1.5)]);
    }
}
